"""An append-only, size-capped JSON Lines log of the questions the bot declined."""

from __future__ import annotations

import contextlib
import errno
import glob
import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..core.render.jsonlines import json_line
from ..core.reply.replies import Reply

if sys.platform != "win32":
    import fcntl

MAX_QUESTION_CHARS = 500
"""Questions longer than this are cut (with an ellipsis) before they are logged."""

MAX_SUGGESTION_CHARS = 200
MIN_LOG_BYTES = 16 * 1024
KEEP_FRACTION = 0.5
"""Compaction keeps the newest lines that fit in this share of the cap, so it runs rarely."""
FILE_MODE = 0o600
"""The log holds DM text and user ids: it (and its lock) are created readable by the owner only."""
_DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})


class NotALogError(OSError):
    """The path holds a file that is not an unanswered log: the log never writes over it."""


@dataclass(frozen=True, slots=True)
class UnansweredRecord:
    """One declined question as logged."""

    at: datetime
    question: str
    score: float
    suggestions: tuple[str, ...] = ()
    user_id: int | None = None
    guild_id: int | None = None
    channel_id: int | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the record as the JSON object written on one line of the log."""
        data: dict[str, Any] = {
            "at": self.at.isoformat(timespec="seconds"),
            "question": self.question,
            "score": round(self.score, 4),
            "suggestions": list(self.suggestions),
        }
        for key in ("user_id", "guild_id", "channel_id"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        return data

    @classmethod
    def from_json(cls, data: object) -> UnansweredRecord | None:
        """Return the record a parsed line holds, or None if the line is not a valid record."""
        if not isinstance(data, dict):
            return None
        at, question, score = data.get("at"), data.get("question"), data.get("score", 0.0)
        suggestions = data.get("suggestions", [])
        if not isinstance(at, str) or not isinstance(question, str):
            return None
        if isinstance(score, bool) or not isinstance(score, int | float):
            return None
        try:
            score = float(score)
        except OverflowError:  # an integer too large for a float: not a score we wrote
            return None
        if not isinstance(suggestions, list) or not all(isinstance(s, str) for s in suggestions):
            return None
        ids: dict[str, int | None] = {}
        for key in ("user_id", "guild_id", "channel_id"):
            value = data.get(key)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                return None
            ids[key] = value
        try:
            when = datetime.fromisoformat(at)
        except ValueError:
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return cls(when, question, score, tuple(suggestions), **ids)


def _clean(text: str, limit: int) -> str:
    text = text.encode("utf-8", "replace").decode("utf-8")
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


class UnansweredLog:
    """Append declined questions to a JSON Lines file and read back the most recent ones.

    Safe for threads (a lock) and processes (``flock`` on a sidecar ``.lock`` file); each line is
    written with one ``write`` call. When the file grows past ``max_bytes`` it is compacted to
    its newest lines through a temporary file and ``os.replace``, so readers see the old or the
    new file, never a half-written one. A torn or garbled line is skipped when reading.

    Nothing is lost that should not be: a file that is not a log (it does not start with a
    JSON object) is never written to, nor are the ``protected`` paths (the knowledge and config
    files); the log is created owner-only; and on a full disk the oldest lines are dropped in
    place, so the cap holds and new questions are still logged.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        max_bytes: int = 1_000_000,
        max_question_chars: int = MAX_QUESTION_CHARS,
        clock: Callable[[], float] = time.time,
        protected: Sequence[str | Path] = (),
    ) -> None:
        if max_bytes < MIN_LOG_BYTES:
            raise ValueError(f"max_bytes must be at least {MIN_LOG_BYTES}")
        lock = Path(path).with_name(Path(path).name + ".lock")
        for other in protected:
            if same_file(path, other) or same_file(lock, other):
                raise ValueError(f"the unanswered log must not be {other}")
        self.path = Path(path)
        self.max_bytes = max_bytes
        self.max_question_chars = max_question_chars
        self._clock = clock
        self._lock = threading.Lock()
        self._lock_path = self.path.with_name(self.path.name + ".lock")

    def append(
        self,
        question: str,
        *,
        score: float = 0.0,
        suggestions: Sequence[str] = (),
        user_id: int | None = None,
        guild_id: int | None = None,
        channel_id: int | None = None,
    ) -> UnansweredRecord:
        """Log one declined question and return the record as written."""
        record = UnansweredRecord(
            at=datetime.fromtimestamp(self._clock(), UTC),
            question=_clean(question, self.max_question_chars),
            score=float(score),
            suggestions=tuple(_clean(s, MAX_SUGGESTION_CHARS) for s in suggestions[:3]),
            user_id=user_id,
            guild_id=guild_id,
            channel_id=channel_id,
        )
        line = json_line(record.to_json()) + "\n"
        self._write_line(line.encode("utf-8"))
        return record

    def record(
        self,
        reply: Reply,
        *,
        user_id: int | None = None,
        guild_id: int | None = None,
        channel_id: int | None = None,
    ) -> UnansweredRecord:
        """Log a declined reply: its question, best score and suggestions."""
        return self.append(
            reply.question,
            score=reply.score,
            suggestions=[s.question for s in reply.suggestions],
            user_id=user_id,
            guild_id=guild_id,
            channel_id=channel_id,
        )

    def recent(
        self, n: int = 10, *, keep: Callable[[UnansweredRecord], bool] | None = None
    ) -> list[UnansweredRecord]:
        """Return up to ``n`` most recent records (those ``keep`` accepts), newest first."""
        if n <= 0:
            return []
        out: list[UnansweredRecord] = []
        try:
            for raw in _lines_from_the_end(self.path):
                record = _parse(raw)
                if record is not None and (keep is None or keep(record)):
                    out.append(record)
                    if len(out) >= n:
                        break
        except FileNotFoundError:
            return []
        return out

    def size(self) -> int:
        """Return the log's size in bytes (0 when it does not exist yet)."""
        try:
            return self.path.stat().st_size
        except FileNotFoundError:
            return 0

    def _write_line(self, data: bytes) -> None:
        with self._lock, self._file_lock():
            try:
                size = self._append(data)
            except OSError as exc:
                if exc.errno not in _DISK_FULL:
                    raise
                self._compact_in_place(int(self.max_bytes * KEEP_FRACTION) // 2)
                size = self._append(data)  # room made by dropping the oldest lines
            if size > self.max_bytes:
                self._compact()

    def _append(self, data: bytes) -> int:
        """Append one line to a log (never to another kind of file); return the new size.

        A short write is rolled back, so a full disk never leaves a torn line behind.
        """
        fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, FILE_MODE)
        try:
            size = os.fstat(fd).st_size
            if size and os.pread(fd, 1, 0) not in (b"{", b"\n"):
                raise NotALogError(errno.EEXIST, "not an unanswered log; not writing to it")
            if size and os.pread(fd, 1, size - 1) != b"\n":
                data = b"\n" + data  # a torn last line stays apart from this one
            written = 0
            try:
                while written < len(data):  # regular files take it in one go; be sure anyway
                    written += os.write(fd, data[written:])
            except OSError:
                if written:
                    with contextlib.suppress(OSError):
                        os.ftruncate(fd, size)
                raise
            return size + len(data)
        finally:
            os.close(fd)

    def _newest(self, data: bytes, budget: int) -> bytes:
        """Return the newest valid lines of ``data`` that fit in ``budget`` bytes."""
        kept: list[bytes] = []
        used = 0
        for raw in reversed(data.split(b"\n")):
            if _parse(raw) is None:
                continue
            if used + len(raw) + 1 > budget:
                break
            kept.append(raw)
            used += len(raw) + 1
        return b"".join(line + b"\n" for line in reversed(kept))

    def _compact_in_place(self, budget: int) -> None:
        """Keep only the newest lines within ``budget``, rewriting the file where it is.

        It needs no free space (the file only shrinks): the way out of a full disk.
        """
        fd = os.open(self.path, os.O_RDWR)
        try:
            head = os.pread(fd, 1, 0)
            if head not in (b"", b"{", b"\n"):
                raise NotALogError(errno.EEXIST, "not an unanswered log; not compacting it")
            size = os.fstat(fd).st_size
            body = self._newest(os.pread(fd, size, 0), budget)
            os.pwrite(fd, body, 0)
            os.ftruncate(fd, len(body))
        finally:
            os.close(fd)

    def _compact(self) -> None:
        data = self.path.read_bytes()
        if data[:1] not in (b"", b"{", b"\n"):
            raise NotALogError(errno.EEXIST, "not an unanswered log; not compacting it")
        body = self._newest(data, int(self.max_bytes * KEEP_FRACTION))
        prefix = f".{self.path.name}."
        if sys.platform != "win32":  # under the file lock: any other one is a dead writer's
            for stale in self.path.parent.glob(f"{glob.escape(prefix)}*.tmp"):
                with contextlib.suppress(OSError):
                    stale.unlink()
        try:
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=prefix, suffix=".tmp")
        except OSError as exc:
            if exc.errno not in _DISK_FULL:
                raise
            self._compact_in_place(len(body))  # no room for a copy: shrink the file itself
            return
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(body)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            if exc.errno not in _DISK_FULL:
                raise
            self._compact_in_place(len(body))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    @contextlib.contextmanager
    def _file_lock(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if sys.platform == "win32":  # no flock: the thread lock alone guards one process
            yield
            return
        fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock


def same_file(a: str | Path, b: str | Path) -> bool:
    """Return whether two paths name the same file (through symlinks, hard links, ``..``)."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # one does not exist (yet): compare where they would be
        return Path(a).resolve() == Path(b).resolve()


READ_BLOCK = 16 * 1024


def _lines_from_the_end(path: Path) -> Iterator[bytes]:
    """Yield a file's lines newest first, reading it backwards a block at a time, so that
    showing the last few questions reads only the end of the log."""
    with path.open("rb") as file:
        end = file.seek(0, os.SEEK_END)
        tail = b""
        while end > 0:
            start = max(end - READ_BLOCK, 0)
            file.seek(start)
            block = file.read(end - start) + tail
            end = start
            lines = block.split(b"\n")
            tail = lines.pop(0)  # may continue in the block before
            yield from reversed(lines)
        yield tail


def _parse(raw: bytes) -> UnansweredRecord | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        return UnansweredRecord.from_json(json.loads(raw))
    except (ValueError, RecursionError):
        return None
