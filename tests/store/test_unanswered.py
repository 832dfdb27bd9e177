"""The unanswered log: append-only JSON Lines, size-capped, safe for threads and processes."""

from __future__ import annotations

import json
import multiprocessing
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.core.reply.replies import Reply, Suggestion
from bot.store.unanswered import MIN_LOG_BYTES, UnansweredLog, UnansweredRecord


def _log(tmp_path: Path, **kwargs: object) -> UnansweredLog:
    return UnansweredLog(
        tmp_path / "logs" / "unanswered.jsonl", clock=lambda: 1_700_000_000.0, **kwargs
    )  # type: ignore[arg-type]


def test_append_and_read_back(tmp_path: Path) -> None:
    log = _log(tmp_path)
    assert log.recent() == [] and log.size() == 0
    log.append(
        "first?", score=0.31, suggestions=["a", "b", "c", "d"], user_id=1, guild_id=2, channel_id=3
    )
    log.append("second?")
    lines = log.path.read_text().splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first == {
        "at": "2023-11-14T22:13:20+00:00",
        "question": "first?",
        "score": 0.31,
        "suggestions": ["a", "b", "c"],
        "user_id": 1,
        "guild_id": 2,
        "channel_id": 3,
    }
    assert "user_id" not in json.loads(lines[1])
    recent = log.recent(10)
    assert [r.question for r in recent] == ["second?", "first?"]  # newest first
    assert recent[1].at == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
    assert recent[1].user_id == 1 and recent[1].suggestions == ("a", "b", "c")
    assert [r.question for r in log.recent(1)] == ["second?"]
    assert log.recent(0) == []


def test_record_from_a_reply(tmp_path: Path) -> None:
    log = _log(tmp_path)
    reply = Reply("what?", False, 0.25, suggestions=(Suggestion("e", "Is it e?"),))
    record = log.record(reply, user_id=7)
    assert (
        record.question == "what?" and record.suggestions == ("Is it e?",) and record.user_id == 7
    )


def test_questions_are_truncated_and_cleaned(tmp_path: Path) -> None:
    log = _log(tmp_path)
    record = log.append("x" * 100_000 + "\ud800", suggestions=["s" * 1000])
    assert len(record.question) == 500 and record.question.endswith("\u2026")
    assert len(record.suggestions[0]) == 200
    log.append("lone surrogate \ud800 and newline\nin it")
    (latest, _) = log.recent(2)
    assert latest.question == "lone surrogate ? and newline\nin it"
    assert len(log.path.read_text().splitlines()) == 2  # the newline is escaped, one line each


def test_torn_and_garbled_lines_are_skipped(tmp_path: Path) -> None:
    log = _log(tmp_path)
    log.append("good one")
    with log.path.open("ab") as handle:
        handle.write(b'not json\n{"at": 5, "question": "bad types"}\n[1,2]\n\xff\xfe\n')
        handle.write(b'{"at":"2023-11-14T22:13:20+00:00","question":"torn mid-wr')  # killed here
    assert [r.question for r in log.recent(10)] == ["good one"]
    log.append("after the crash")  # starts on a fresh line: the torn one cannot swallow it
    assert [r.question for r in log.recent(10)] == ["after the crash", "good one"]


def test_size_cap_compacts_to_the_newest(tmp_path: Path) -> None:
    log = _log(tmp_path, max_bytes=MIN_LOG_BYTES)
    for i in range(2000):
        log.append(f"question number {i} " + "pad" * 20)
        assert log.size() <= MIN_LOG_BYTES
    recent = log.recent(1000)
    assert recent[0].question.startswith("question number 1999 ")
    numbers = [int(r.question.split()[2]) for r in recent]
    assert numbers == sorted(numbers, reverse=True) and numbers == list(
        range(1999, 1999 - len(numbers), -1)
    )
    assert not list(log.path.parent.glob("*.tmp"))  # no temporary files left behind


def test_compaction_drops_garbage(tmp_path: Path) -> None:
    log = _log(tmp_path, max_bytes=MIN_LOG_BYTES)
    log.path.parent.mkdir(parents=True)
    log.append("first")
    with log.path.open("ab") as handle:
        handle.write(b"garbage\n" * 3000)
    log.append("real")
    assert log.path.read_text().splitlines() == [
        json.dumps(r.to_json(), separators=(",", ":")) for r in reversed(log.recent(2))
    ]
    assert [r.question for r in log.recent(5)] == ["real", "first"]


def test_a_file_that_is_not_a_log_is_never_written(tmp_path: Path) -> None:
    log = _log(tmp_path, max_bytes=MIN_LOG_BYTES)
    log.path.parent.mkdir(parents=True)
    log.path.write_bytes(b"garbage\n" * 3000)
    with pytest.raises(OSError, match="not an unanswered log"):
        log.append("real")
    assert log.path.read_bytes() == b"garbage\n" * 3000


def test_cap_must_be_sane(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least"):
        UnansweredLog(tmp_path / "x.jsonl", max_bytes=100)


def test_concurrent_threads_lose_nothing(tmp_path: Path) -> None:
    log = UnansweredLog(tmp_path / "u.jsonl", max_bytes=10_000_000)

    def work(worker: int) -> None:
        for i in range(200):
            log.append(f"w{worker} q{i}", user_id=worker)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lines = log.path.read_text().splitlines()
    assert len(lines) == 1600
    assert all(UnansweredRecord.from_json(json.loads(line)) for line in lines)
    assert {r.question for r in log.recent(2000)} == {
        f"w{w} q{i}" for w in range(8) for i in range(200)
    }


def _append_many(path: str, worker: int, count: int, cap: int) -> None:
    log = UnansweredLog(path, max_bytes=cap)
    for i in range(count):
        log.append(f"p{worker} q{i} " + "x" * 40)


@pytest.mark.parametrize("cap", [10_000_000, MIN_LOG_BYTES])
def test_concurrent_processes_keep_the_log_readable(tmp_path: Path, cap: int) -> None:
    path = str(tmp_path / "u.jsonl")
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    workers = [context.Process(target=_append_many, args=(path, w, 150, cap)) for w in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    lines = Path(path).read_bytes().split(b"\n")
    assert lines[-1] == b""
    records = [UnansweredRecord.from_json(json.loads(line)) for line in lines[:-1]]
    assert all(records)
    if cap > MIN_LOG_BYTES:
        assert len(records) == 600
    else:
        assert Path(path).stat().st_size <= cap
