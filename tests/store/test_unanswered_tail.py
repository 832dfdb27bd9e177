"""/kb unanswered reads only the end of the log it shows, whatever the log's size."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.store.unanswered import UnansweredLog, UnansweredRecord


def _big_log(tmp_path: Path, count: int) -> UnansweredLog:
    log = UnansweredLog(tmp_path / "unanswered.jsonl", max_bytes=10_000_000)
    line = {"at": "2026-01-01T00:00:00+00:00", "score": 0.2, "suggestions": [], "guild_id": 7}
    text = "".join(json.dumps(line | {"question": f"question {i}?"}) + "\n" for i in range(count))
    log.path.write_text(text)
    return log


PROC_IO = Path("/proc/self/io")


def _bytes_read() -> int:
    fields = dict(line.split(": ") for line in PROC_IO.read_text().splitlines())
    return int(fields["rchar"])


@pytest.mark.skipif(not PROC_IO.exists(), reason="needs Linux's per-process I/O counters")
def test_recent_reads_from_the_end_only(tmp_path: Path) -> None:
    log = _big_log(tmp_path, 20_000)  # about 2 MB
    seen: list[UnansweredRecord] = []

    def keep(record: UnansweredRecord) -> bool:
        seen.append(record)
        return True

    before = _bytes_read()
    shown = log.recent(10, keep=keep)
    read = _bytes_read() - before
    assert [r.question for r in shown] == [f"question {i}?" for i in range(19_999, 19_989, -1)]
    assert len(seen) == 10  # no record before the ten shown was even parsed
    assert read < 200_000, read  # not the 2 MB log


def test_recent_joins_lines_cut_by_the_reads(tmp_path: Path) -> None:
    log = _big_log(tmp_path, 3_000)  # many lines straddle the blocks read
    questions = [r.question for r in log.recent(3_000)]
    assert questions == [f"question {i}?" for i in range(2_999, -1, -1)]


def test_recent_filters_and_skips_torn_lines(tmp_path: Path) -> None:
    log = _big_log(tmp_path, 5)
    with log.path.open("a") as file:
        file.write('{"at": "2026-01-01T00:00:00+00:00", "question": "cut sho')  # a torn write
    assert [r.question for r in log.recent(2)] == ["question 4?", "question 3?"]
    assert log.recent(2, keep=lambda r: r.guild_id == 8) == []
