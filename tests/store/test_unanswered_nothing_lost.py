"""Nothing lost: the files the bot writes, a full disk, owner-only logs, no leak across reloads.

The attacks on ``main``:

- ``unanswered_log_path`` pointed at the knowledge file: one declined question replaced a
  10,000-entry knowledge file with one JSON line (the log's compaction keeps log lines only);
- on a nearly full disk the log could never compact (no room for its temporary copy), so it
  stayed over its cap and every new question was dropped;
- the log, which holds DM text and user ids, was world-readable until its first compaction;
- every reload called ``gc.freeze()``, which made pending cyclic garbage permanent: 679 MB after
  1,000 reloads.
"""

from __future__ import annotations

import errno
import gc
import os
import stat
import tempfile
import weakref
from pathlib import Path
from typing import Any

import pytest

import bot.store.unanswered as unanswered_module
from bot.core.service import KnowledgeService
from bot.discord.settings import ConfigError, load_settings
from bot.store.unanswered import MIN_LOG_BYTES, UnansweredLog

ENV = {"DISCORD_TOKEN": "a-test-token-that-is-long-enough"}


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    "log_path",
    ["onem.yaml", "./kb/../onem.yaml", "link.yaml", "config.yaml", "onem.yaml.lock"],
)
def test_the_log_can_never_be_the_knowledge_or_the_config_file(
    tmp_path: Path, kb_bytes: bytes, log_path: str
) -> None:
    knowledge = tmp_path / "onem.yaml"
    knowledge.write_bytes(kb_bytes)
    (tmp_path / "kb").mkdir()
    (tmp_path / "link.yaml").symlink_to(knowledge)
    if log_path == "onem.yaml.lock":  # the log's lock file would be the knowledge file
        knowledge = tmp_path / "onem.yaml.lock.lock"
        knowledge.write_bytes(kb_bytes)
        log_path = "onem.yaml.lock"
    config = _config(
        tmp_path, f"knowledge_path: {knowledge.name}\nunanswered_log_path: {log_path}\n"
    )
    with pytest.raises(ConfigError) as caught:
        load_settings(config, ENV)
    assert caught.value.key == "unanswered_log_path"
    assert "must not be the" in caught.value.message
    assert knowledge.read_bytes() == kb_bytes


def test_the_log_never_writes_over_a_file_that_is_not_a_log(
    tmp_path: Path, kb_bytes: bytes
) -> None:
    knowledge = tmp_path / "onem.yaml"
    knowledge.write_bytes(kb_bytes)
    with pytest.raises(ValueError, match="must not be"):
        UnansweredLog(knowledge, protected=(knowledge,))
    # a log pointed at any other file (not caught by the config) leaves it as it was
    log = UnansweredLog(knowledge, max_bytes=MIN_LOG_BYTES)
    for i in range(200):  # well past the cap: the old code compacted the file away
        with pytest.raises(OSError, match="not an unanswered log"):
            log.append(f"declined question {i}")
    assert knowledge.read_bytes() == kb_bytes
    assert KnowledgeService.from_path(knowledge).knowledge.entries


def test_the_log_and_its_lock_are_created_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        log = UnansweredLog(tmp_path / "unanswered.jsonl")
        log.append("a private question from a DM", user_id=123)
    finally:
        os.umask(old)
    for path in (log.path, tmp_path / "unanswered.jsonl.lock"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path.name} is {oct(mode)}"


class FullDisk:
    """A disk with ``room`` bytes for the log: writes past it fail, no temporary copy fits."""

    def __init__(self, path: Path, room: int) -> None:
        self.path = path
        self.room = room

    def write(self, fd: int, data: bytes) -> int:
        used = os.fstat(fd).st_size
        if used + len(data) > self.room:
            fit = max(self.room - used, 0)
            if fit:
                return os.write(fd, data[:fit])  # a short write, then ENOSPC
            raise OSError(errno.ENOSPC, "No space left on device")
        return os.write(fd, data)

    def mkstemp(self, *args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")


class _Os:
    def __init__(self, **replaced: Any) -> None:
        self._replaced = replaced

    def __getattr__(self, name: str) -> Any:
        return self._replaced.get(name) or getattr(os, name)


class _Tempfile:
    def __init__(self, mkstemp: Any) -> None:
        self.mkstemp = mkstemp

    def __getattr__(self, name: str) -> Any:
        return getattr(tempfile, name)


def test_on_a_full_disk_the_cap_holds_and_new_questions_are_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "unanswered.jsonl"
    cap = MIN_LOG_BYTES
    disk = FullDisk(path, room=cap + 2_000)  # the disk fills up just past the cap
    monkeypatch.setattr(unanswered_module, "os", _Os(write=disk.write))
    monkeypatch.setattr(unanswered_module, "tempfile", _Tempfile(disk.mkstemp))
    log = UnansweredLog(path, max_bytes=cap)
    for i in range(2_000):
        log.append(f"question number {i} " + "x" * 40)
        assert path.stat().st_size <= cap + 200, i  # the cap holds (one line of slack)
    newest = [r.question.split()[2] for r in log.recent(5)]
    assert newest == ["1999", "1998", "1997", "1996", "1995"]  # the oldest went first
    lines = path.read_bytes().split(b"\n")
    assert lines[-1] == b"" and all(line.startswith(b"{") for line in lines[:-1])


def test_reloads_leave_no_garbage_behind(kb_path: Path) -> None:
    class Junk:
        """Cyclic garbage pending when a reload runs."""

    service = KnowledgeService.from_path(kb_path)
    refs = []
    for _ in range(5):
        junk = Junk()
        junk.me = junk  # type: ignore[attr-defined]
        refs.append(weakref.ref(junk))
        del junk
        assert service.reload().ok
    gc.collect()
    assert all(r() is None for r in refs), "a reload made cyclic garbage permanent"
    assert gc.get_freeze_count() == 0
