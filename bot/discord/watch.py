"""Watch the knowledge file with watchfiles, in a thread of its own, and call back on the loop."""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path

import watchfiles

log = logging.getLogger("bot.discord")

POLL_MS = 200
"""How often the watcher thread wakes to check for a stop request."""


class FileWatcher:
    """Call ``on_change`` (a coroutine function) on ``loop`` whenever ``path`` is saved.

    The parent directory is watched (not recursively) so editors that save by writing a
    temporary file and renaming it over the original are seen too. Saves within
    ``debounce_ms`` of each other count once.
    """

    def __init__(
        self,
        path: Path,
        on_change: Callable[[], Awaitable[None]],
        *,
        loop: asyncio.AbstractEventLoop,
        debounce_ms: int = 800,
    ) -> None:
        self.path = path.resolve()
        self.on_change = on_change
        self.loop = loop
        self.debounce_ms = debounce_ms
        self.ready = threading.Event()
        self.changes = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start the watcher thread (a daemon: it never keeps the process alive)."""
        self._thread = threading.Thread(target=self._run, name="knowledge-watcher", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the watcher thread to stop and wait for it."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _wanted(self, change: watchfiles.Change, changed: str) -> bool:
        return change != watchfiles.Change.deleted and Path(changed).resolve() == self.path

    def _run(self) -> None:
        try:
            for changes in watchfiles.watch(
                self.path.parent,
                watch_filter=self._wanted,
                debounce=self.debounce_ms,
                recursive=False,
                stop_event=self._stop,
                rust_timeout=POLL_MS,
                yield_on_timeout=True,
                raise_interrupt=False,
            ):
                self.ready.set()
                if changes and not self._stop.is_set():
                    self.changes += 1
                    self._schedule()
        except Exception:
            log.exception("The knowledge file watcher stopped; automatic reload is off")
        finally:
            self.ready.set()

    def _schedule(self) -> None:
        call = self._call()
        try:
            future = asyncio.run_coroutine_threadsafe(call, self.loop)
        except RuntimeError:  # the loop is closed: we are shutting down
            call.close()
            return
        future.add_done_callback(_log_failure)

    async def _call(self) -> None:
        await self.on_change()


def _log_failure(future: concurrent.futures.Future[None]) -> None:
    if not future.cancelled() and future.exception() is not None:
        error = future.exception()
        assert error is not None
        log.error("Automatic reload failed", exc_info=(type(error), error, error.__traceback__))
