"""Watch the knowledge file with ``watchfiles.awatch`` in an asyncio task; reload after saves."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Protocol, TypeVar

import watchfiles

log = logging.getLogger("bot.discord")

POLL_MS = 200
"""How often, with no saves, the watcher looks whether a burst of saves has gone quiet and
whether the symlink now leads elsewhere."""

T = TypeVar("T")


class ExternalWait(Protocol):
    """How the watcher awaits the file system: input from outside the bot."""

    def __call__(self, awaitable: Awaitable[T], /) -> Awaitable[T]: ...


async def as_is(awaitable: Awaitable[T], /) -> T:
    """Await ``awaitable`` plainly (a simulated Discord passes one that declares the wait)."""
    return await awaitable


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
    """Await ``on_change`` once after each burst of saves to the file ``path`` leads to.

    The directories of the path and of the file it leads to now are watched (not recursively),
    so editors that save through a temporary file and a rename are seen, and so is a symlink
    re-pointed to another file: the watcher then follows the new file. A burst of saves (any
    saves less than ``debounce_ms`` apart) gives one call, after the burst; saves during a call
    are held by watchfiles and give one more call after it, never one per save.
    """

    def __init__(
        self,
        path: Path,
        on_change: Callable[[], Awaitable[None]],
        *,
        debounce_ms: int = 800,
        wait: ExternalWait = as_is,
    ) -> None:
        self.link = Path(os.path.abspath(path))
        self.on_change = on_change
        self.debounce_ms = debounce_ms
        self.wait = wait
        self.ready = asyncio.Event()
        """Set once the watcher is watching: saves from then on are seen."""
        self._task: asyncio.Task[None] | None = None
        self._seen: Signature = None
        self._due = False
        """The file changed since the last call."""
        self._quiet = 0
        """Timeouts in a row, each a stretch with no change in the watched directories."""

    @property
    def path(self) -> Path:
        """Return the file the watched path leads to now."""
        return self.link.resolve()

    @property
    def running(self) -> bool:
        """Return whether the watcher task is still running."""
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        """Start watching in a task of the running event loop."""
        self._task = asyncio.get_running_loop().create_task(self._run(), name="knowledge-watcher")

    async def stop(self) -> None:
        """Stop watching and wait until the watcher has let go of the files."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def _directories(self) -> list[Path]:
        """Return the directories to watch: the link's, and its target's if elsewhere."""
        places = [self.link.parent]
        target = self.path.parent
        if target != self.link.parent and target.is_dir():
            places.append(target)
        return places

    async def _run(self) -> None:
        self._seen = signature(self.link)
        try:
            while True:
                await self._watch(self._directories())
        except Exception:
            log.exception("The knowledge file watcher stopped; automatic reload is off")

    async def _watch(self, directories: list[Path]) -> None:
        """Watch ``directories`` until the link leads to another directory."""
        # watchfiles folds repeated saves of one file into one event, so it cannot tell a burst
        # from a single save; quiet is counted here in its timeouts (stretches of real time
        # with no event: the bot's own clock may be simulated in tests).
        timeout = min(POLL_MS, self.debounce_ms)
        changes = watchfiles.awatch(
            *directories, recursive=False, rust_timeout=timeout, yield_on_timeout=True
        )
        async with contextlib.aclosing(changes):
            while True:
                batch = await self.wait(anext(changes))
                self.ready.set()
                self._quiet = 0 if batch else self._quiet + 1
                now = signature(self.link)  # on every batch and every timeout: cheap, and sure
                if now != self._seen:
                    self._seen = now  # deleted (None): wait for the file to come back
                    self._due, self._quiet = now is not None, 0
                if self._due and self._quiet * timeout >= self.debounce_ms:
                    await self._call()
                if self._directories() != directories:
                    return  # re-pointed elsewhere: watch the new place

    async def _call(self) -> None:
        self._due = False
        try:
            await self.on_change()
        except Exception:
            log.exception("Automatic reload failed")
