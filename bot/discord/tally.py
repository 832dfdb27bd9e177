"""Questions answered and declined per server, so that server managers see their own figures."""

from __future__ import annotations

import threading
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Counts:
    """Questions answered and declined in one place."""

    answered: int = 0
    declined: int = 0


class ServerTally:
    """Count answers per server (None: direct messages); one small entry per server."""

    def __init__(self) -> None:
        self._counts: dict[int | None, Counts] = {}
        self._lock = threading.Lock()

    def count(self, guild_id: int | None, *, answered: bool) -> None:
        """Count one answer (or decline) given in ``guild_id``."""
        with self._lock:
            old = self._counts.get(guild_id, Counts())
            self._counts[guild_id] = Counts(old.answered + answered, old.declined + (not answered))

    def of(self, guild_id: int | None) -> Counts:
        """Return the counts of one server (or of the DMs)."""
        with self._lock:
            return self._counts.get(guild_id, Counts())

    def forget(self, guild_id: int) -> None:
        """Drop a server the bot left."""
        with self._lock:
            self._counts.pop(guild_id, None)
