"""The unanswered log under attack: floods, processes killed mid-write, a full disk, garbage.

``tests/store/test_unanswered.py`` covers appends from 8 threads without a cap, 4 processes
with and without the cap, a torn line written by hand, and the cap under one writer. Here:

- threads and processes flood a log at its smallest cap while a reader keeps reading: nothing
  raises, the file never grows past the cap by more than a line, and what is kept of each
  writer is its newest questions, none lost in between;
- a process is SIGKILLed half-way through writing a line, or in the middle of compacting: the
  log stays readable (the torn line is skipped), its lock is free again, the next line starts
  on a line of its own, and the next compaction clears the dead process's temporary file;
- writers are SIGKILLed at random moments of a flood: the log is readable every time;
- the disk fills up half-way through a line (a short write, then ENOSPC): ``append`` raises
  OSError, the log stays readable and recovers once there is room;
- any garbage line (hypothesis: bytes, JSON of any shape, huge numbers) is skipped, never fatal;
- in the bot: a failing write (ENOSPC) costs the user nothing (the reply is sent, a warning is
  logged, no ERROR), and an unreadable log gives admins a short note, not an apology.
"""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import random
import signal
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from discord_kit import OFFTOPIC_Q, World
from hardening_support import PROFILE
from hypothesis import example, given
from hypothesis import strategies as st

import bot.store.unanswered as unanswered_module
from bot.discord.report import unanswered_embed
from bot.store.unanswered import MIN_LOG_BYTES, UnansweredLog, UnansweredRecord

CAP = MIN_LOG_BYTES
CONTEXT = multiprocessing.get_context(
    "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
)


def question(writer: str, n: int) -> str:
    return f"{writer} q{n:05d} " + "pad " * 10


def check_log(path: Path, *, cap: int | None = None, torn_ok: int = 0) -> list[UnansweredRecord]:
    """Every line parses except at most ``torn_ok`` torn ones, no temporary file is left
    behind, the size is within the cap; return the records, oldest first."""
    data = path.read_bytes()
    lines = [line for line in data.split(b"\n") if line.strip()]
    records = []
    bad = 0
    for line in lines:
        try:
            record = UnansweredRecord.from_json(json.loads(line))
        except ValueError:
            record = None
        if record is None:
            bad += 1
        else:
            records.append(record)
    assert bad <= torn_ok, f"{bad} unreadable lines"
    assert [r.question for r in UnansweredLog(path).recent(10**6)] == [
        r.question for r in reversed(records)
    ]
    if cap is not None:
        assert len(data) <= cap
    return records


def check_newest_kept(records: list[UnansweredRecord], counts: dict[str, int]) -> None:
    """Compaction keeps the newest lines: of each writer, a run ending at its last question."""
    by_writer: dict[str, list[int]] = defaultdict(list)
    for record in records:
        writer, number = record.question.split()[:2]
        by_writer[writer].append(int(number[1:]))
    for writer, numbers in by_writer.items():
        last = counts[writer] - 1
        assert sorted(numbers) == list(range(last - len(numbers) + 1, last + 1)), writer
    assert set(by_writer) <= set(counts)


# --- floods ------------------------------------------------------------------------------------


def _flood_threads(path: str, prefix: str, threads: int, count: int, cap: int) -> None:
    log = UnansweredLog(path, max_bytes=cap)

    def work(t: int) -> None:
        for n in range(count):
            log.append(question(f"{prefix}t{t}", n), user_id=t)

    workers = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def test_threads_and_processes_flood_a_capped_log_while_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "unanswered.jsonl"
    longest = len(json.dumps({"question": question("p0t0", 0)})) + 200
    stop = threading.Event()
    seen: list[str] = []

    def reader() -> None:
        log = UnansweredLog(path, max_bytes=CAP)
        while not stop.is_set():
            try:
                log.recent(50)
                size = log.size()
                assert size <= CAP + longest, size
            except BaseException as exc:  # reported below, from the test's thread
                seen.append(repr(exc))
                return

    watcher = threading.Thread(target=reader)
    watcher.start()
    processes = [
        CONTEXT.Process(target=_flood_threads, args=(str(path), f"p{p}", 2, 150, CAP))
        for p in range(3)
    ]
    try:
        for process in processes:
            process.start()
        _flood_threads(str(path), "main", 4, 150, CAP)
        for process in processes:
            process.join(60)
            assert process.exitcode == 0
    finally:
        stop.set()
        watcher.join(10)
    assert not seen, seen
    records = check_log(path, cap=CAP)
    counts = {f"p{p}t{t}": 150 for p in range(3) for t in range(2)}
    counts |= {f"maint{t}": 150 for t in range(4)}
    check_newest_kept(records, counts)
    assert not list(tmp_path.glob("*.tmp"))


# --- killed mid-write ----------------------------------------------------------------------


class _Os:
    """The ``os`` module as ``bot.store.unanswered`` sees it, with some calls replaced."""

    def __init__(self, **replaced: Any) -> None:
        self._replaced = replaced

    def __getattr__(self, name: str) -> Any:
        return self._replaced.get(name) or getattr(os, name)


def _hang_mid_write(path: str, ready: Any) -> None:
    """Write half of a line, say so, and wait to be killed."""

    def half_write(fd: int, data: bytes) -> int:
        written = os.write(fd, data[: len(data) // 2])
        ready.set()
        time.sleep(60)
        return written

    unanswered_module.os = _Os(write=half_write)  # type: ignore[assignment]
    UnansweredLog(path).append("the torn one " + "x" * 200)


def _hang_mid_compaction(path: str, ready: Any) -> None:
    """Fill the log past its cap, hang while compacting (temporary file written, not yet
    swapped in), and wait to be killed."""

    def slow_replace(source: str, target: str) -> None:
        ready.set()
        time.sleep(60)

    unanswered_module.os = _Os(replace=slow_replace)  # type: ignore[assignment]
    log = UnansweredLog(path, max_bytes=CAP)
    for n in range(10_000):
        log.append(question("child", n))


def _kill_when_ready(target: Any, path: Path) -> None:
    ready = CONTEXT.Event()
    child = CONTEXT.Process(target=target, args=(str(path), ready))
    child.start()
    try:
        assert ready.wait(20), "the child never got there"
    finally:
        os.kill(child.pid or 0, signal.SIGKILL)
        child.join(10)
    assert child.exitcode == -signal.SIGKILL


def _append_within(log: UnansweredLog, text: str, seconds: float = 10.0) -> None:
    """Append from a thread, failing (not hanging) if the dead process still held the lock."""
    done = threading.Event()
    thread = threading.Thread(target=lambda: (log.append(text), done.set()), daemon=True)
    thread.start()
    assert done.wait(seconds), "the log's lock was not released by the killed process"


def test_a_process_killed_mid_line_leaves_a_readable_log(tmp_path: Path) -> None:
    path = tmp_path / "unanswered.jsonl"
    log = UnansweredLog(path)
    for n in range(3):
        log.append(question("before", n))
    _kill_when_ready(_hang_mid_write, path)
    assert not path.read_bytes().endswith(b"\n")  # the torn half line is there
    check_log(path, torn_ok=1)
    assert [r.question.split()[1] for r in log.recent(10)] == ["q00002", "q00001", "q00000"]
    _append_within(log, question("after", 0))
    records = check_log(path, torn_ok=1)
    assert [r.question.split()[0] for r in records] == ["before"] * 3 + ["after"]


def test_a_process_killed_mid_compaction_leaves_a_readable_log(tmp_path: Path) -> None:
    path = tmp_path / "unanswered.jsonl"
    _kill_when_ready(_hang_mid_compaction, path)
    before = check_log(path)  # the old file, whole: compaction swaps a finished file in
    assert path.stat().st_size > CAP  # it was not swapped
    leftovers = list(tmp_path.glob(".unanswered.jsonl.*.tmp"))
    assert len(leftovers) == 1  # the dead process's half-done compaction
    log = UnansweredLog(path, max_bytes=CAP)
    _append_within(log, question("after", 0))  # over the cap: compacts at once
    records = check_log(path, cap=CAP)
    assert records[-1].question.startswith("after ") and len(records) < len(before)
    assert not list(tmp_path.glob("*.tmp")), "the dead process's temporary file is still there"


def _flood_forever(path: str) -> None:
    log = UnansweredLog(path, max_bytes=CAP)
    for n in range(10**9):
        log.append(question(f"pid{os.getpid()}", n))


def test_writers_killed_at_random_moments(tmp_path: Path) -> None:
    path = tmp_path / "unanswered.jsonl"
    chance = random.Random(4)
    for _ in range(3):
        writers = [CONTEXT.Process(target=_flood_forever, args=(str(path),)) for _ in range(2)]
        for writer in writers:
            writer.start()
        time.sleep(chance.uniform(0.05, 0.3))
        for writer in writers:
            os.kill(writer.pid or 0, signal.SIGKILL)
        for writer in writers:
            writer.join(10)
        check_log(path, torn_ok=2)  # at most one torn line per killed writer
        _append_within(UnansweredLog(path, max_bytes=CAP), question("survivor", 0))


# --- a full disk -------------------------------------------------------------------------------


def test_a_full_disk_mid_line_is_survived(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "unanswered.jsonl"
    log = UnansweredLog(path)
    log.append(question("before", 0))
    calls = []

    def short_then_full(fd: int, data: bytes) -> int:
        calls.append(len(data))
        if len(calls) == 1:
            return os.write(fd, data[:10])  # a short write...
        raise OSError(errno.ENOSPC, "No space left on device")  # ...then the disk is full

    monkeypatch.setattr(unanswered_module, "os", _Os(write=short_then_full))
    with pytest.raises(OSError, match="No space left"):
        log.append(question("lost", 0))
    monkeypatch.undo()
    check_log(path, torn_ok=1)
    log.append(question("after", 0))  # room again
    assert [r.question.split()[0] for r in log.recent(10)] == ["after", "before"]


# --- garbage lines -----------------------------------------------------------------------------

ODD_VALUES: list[Any] = [
    None, True, False, 0, -1, 2**63, 10**400, -(10**400), 0.5, -0.0, float("nan"), float("inf"),
    "", "x", "\u202e@everyone", [], {}, [1, "a"], {"a": {"b": [None]}}, ["s"] * 5,
    "2023-11-14T22:13:20", "2023-11-14T22:13:20+00:00", "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-14:00", "2023-02-30T00:00:00", "not a date",
]  # fmt: skip
odd = st.sampled_from(ODD_VALUES) | st.text(max_size=12)
record_like = st.fixed_dictionaries(
    {},
    optional=dict.fromkeys(
        ["at", "question", "score", "suggestions", "user_id", "guild_id", "channel_id"], odd
    ),
)
garbage_line = st.one_of(
    st.binary(max_size=60).filter(lambda b: b"\n" not in b),
    record_like.map(lambda d: json.dumps(d).encode()),
    odd.map(lambda v: json.dumps(v).encode()),
    st.integers(1, 3000).map(lambda depth: b"[" * depth + b"]" * depth),
)


@pytest.fixture(scope="module")
def garbage_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("garbage") / "unanswered.jsonl"


HUGE_SCORE = b'{"at":"2023-11-14T22:13:20+00:00","question":"q","score":1' + b"0" * 400 + b"}"


@PROFILE
@given(st.lists(garbage_line, max_size=8))
@example([HUGE_SCORE])
@example([b'{"at":"2023-11-14T22:13:20+00:00","question":"q","score":NaN,"user_id":1e999}'])
def test_garbage_lines_are_skipped(garbage_path: Path, lines: list[bytes]) -> None:
    garbage_path.unlink(missing_ok=True)
    log = UnansweredLog(garbage_path, max_bytes=CAP)
    log.append("good one")
    with garbage_path.open("ab") as handle:
        handle.write(b"\n".join(lines) + b"\n")
    records = log.recent(100)  # never raises
    assert records[-1].question == "good one"
    for record in records:
        assert isinstance(record.score, float) and isinstance(record.question, str)
    assert len(unanswered_embed(records)) <= 6000
    log.append("after the garbage")
    assert log.recent(1)[0].question == "after the garbage"


# --- in the bot --------------------------------------------------------------------------------


async def test_a_failing_log_write_costs_the_user_nothing(
    world: World, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    log = world.bot.unanswered
    assert log is not None

    def full(data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(log, "_write_line", full)
    await world.alice.send(world.general, f"{world.bot.user.mention} {OFFTOPIC_Q}")
    assert world.general.last_message.embeds  # the reply went out
    await world.bob.send(world.general, f"!ask {OFFTOPIC_Q}")
    assert world.general.last_message.embeds
    result = await world.bob.slash(world.general, "ask", question=OFFTOPIC_Q)
    assert result.response is not None and result.response.embeds and not result.ephemeral
    warnings = [r for r in caplog.records if "Could not write the unanswered log" in r.getMessage()]
    assert len(warnings) == 3 and all(r.levelname == "WARNING" for r in warnings)
    assert world.env.errors == []
    monkeypatch.undo()  # room on the disk again
    await world.alice.send(world.general, f"!ask {OFFTOPIC_Q} again")
    listing = await world.role_admin.slash(world.general, "kb unanswered")
    assert listing.response is not None
    assert "again" in (listing.response.embeds[0].description or "")


async def test_an_unreadable_log_gives_admins_a_note(world: World, tmp_path: Path) -> None:
    world.bot.unanswered = UnansweredLog(tmp_path, max_bytes=CAP)  # a directory: cannot be read
    listing = await world.role_admin.slash(world.general, "kb unanswered")
    assert listing.response is not None and listing.ephemeral
    text = listing.response.embeds[0].description or ""
    assert "cannot be read" in text and str(tmp_path) not in text
    stats = await world.role_admin.slash(world.general, "kb stats")
    assert stats.response is not None and stats.response.embeds
    await world.role_admin.send(world.general, "!kb unanswered")
    dm = world.role_admin.user.dm_channel.last_message  # data views go to the admin alone
    assert "cannot be read" in (dm.embeds[0].description or "")
    assert world.env.errors == []
