"""Watch the knowledge file with watchfiles, in a thread of its own, and call back on the loop."""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import os
import threading
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import watchfiles

log = logging.getLogger("bot.discord")

POLL_MS = 200
"""How often the watcher thread wakes to check for a stop request, a re-pointed link, and a
burst of saves that has gone quiet."""

Signature = tuple[str, int, int, int, int] | None
"""What identifies one version of the file: where the path leads, device, inode, size, mtime."""


def signature(path: Path) -> Signature:
    """Return the identity of the file ``path`` leads to now (through symlinks), or None."""
    try:
        target = path.resolve()
        info = os.stat(target)
    except (OSError, RuntimeError):
        return None
    return (str(target), info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


class FileWatcher:
    """Call ``on_change`` (a coroutine function) on ``loop`` once after each burst of saves.

    The directories of the path and of the file it leads to now are watched (not recursively),
    so editors that save through a temporary file and a rename are seen, and so is a symlink
    re-pointed to another file: the watcher then follows the new file. A burst of saves (any
    saves less than ``debounce_ms`` apart) gives one call, after the burst; saves during a call
    give one more call after it, never one per save.
    """

    def __init__(
        self,
        path: Path,
        on_change: Callable[[], Awaitable[None]],
        *,
        loop: asyncio.AbstractEventLoop,
        debounce_ms: int = 800,
    ) -> None:
        self.link = Path(os.path.abspath(path))
        self.on_change = on_change
        self.loop = loop
        self.debounce_ms = debounce_ms
        self.ready = threading.Event()
        self.changes = 0
        """Calls made (bursts of saves seen), for tests and logs."""
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._seen: Signature = signature(self.link)
        self._dirty_since: float | None = None
        self._running: concurrent.futures.Future[None] | None = None

    @property
    def path(self) -> Path:
        """Return the file the watched path leads to now."""
        return self.link.resolve()

    def start(self) -> None:
        """Start the watcher thread (a daemon: it never keeps the process alive)."""
        self._thread = threading.Thread(target=self._run, name="knowledge-watcher", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the watcher thread to stop and wait for it."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _directories(self) -> list[Path]:
        """Return the directories to watch: the link's, and its target's if elsewhere."""
        places = [self.link.parent]
        target = self.path.parent
        if target != self.link.parent and target.is_dir():
            places.append(target)
        return places

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                self._watch(self._directories())
        except Exception:
            log.exception("The knowledge file watcher stopped; automatic reload is off")
        finally:
            self.ready.set()

    def _watch(self, directories: list[Path]) -> None:
        """Watch ``directories`` until stopped, or until the link leads to another directory."""
        for _ in watchfiles.watch(
            *directories,
            debounce=self.debounce_ms,
            recursive=False,
            stop_event=self._stop,
            rust_timeout=POLL_MS,
            yield_on_timeout=True,
            raise_interrupt=False,
        ):
            self.ready.set()
            if self._stop.is_set():
                return
            now = signature(self.link)  # on every event and every timeout: cheap, and sure
            if now != self._seen:
                self._seen = now
                if now is not None:  # deleted: wait for the file to come back
                    self._dirty_since = time.monotonic()
            self._maybe_call()
            if self._directories() != directories:
                return  # re-pointed elsewhere: watch the new place

    def _maybe_call(self) -> None:
        """Make one call once the burst has been quiet for ``debounce_ms`` and none is running."""
        if self._dirty_since is None:
            return
        if self._running is not None and not self._running.done():
            return  # saves during a call: one more call after it
        if time.monotonic() - self._dirty_since < self.debounce_ms / 1000:
            return
        self._dirty_since = None
        self.changes += 1
        self._running = self._schedule()

    def _schedule(self) -> concurrent.futures.Future[None] | None:
        call = self._call()
        try:
            future = asyncio.run_coroutine_threadsafe(call, self.loop)
        except RuntimeError:  # the loop is closed: we are shutting down
            call.close()
            return None
        future.add_done_callback(_log_failure)
        return future

    async def _call(self) -> None:
        await self.on_change()


def _log_failure(future: concurrent.futures.Future[None]) -> None:
    if not future.cancelled() and future.exception() is not None:
        error = future.exception()
        assert error is not None
        log.error("Automatic reload failed", exc_info=(type(error), error, error.__traceback__))
