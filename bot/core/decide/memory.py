"""Remember each conversation's last answer for a few minutes, in memory only."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

from ..reply.replies import Reply

DEFAULT_MINUTES = 5.0
MAX_CONVERSATIONS = 10_000


class Conversations:
    """The last answer per conversation (a user in a channel, or a DM), forgotten when stale."""

    def __init__(
        self,
        minutes: float = DEFAULT_MINUTES,
        *,
        most: int = MAX_CONVERSATIONS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ttl = minutes * 60
        self._most = most
        self._clock = clock
        self._last: OrderedDict[Hashable, tuple[str, float]] = OrderedDict()

    def last(self, key: Hashable) -> str | None:
        """Return the entry id of the conversation's last answer, if it is recent enough."""
        found = self._last.get(key)
        if found is None:
            return None
        entry_id, at = found
        if self._clock() - at > self._ttl:
            del self._last[key]
            return None
        return entry_id

    def remember(self, key: Hashable, reply: Reply) -> None:
        """Keep an answer as the conversation's context; declines and small talk leave it."""
        if not reply.answered or reply.entry_id is None:
            return
        self._last[key] = (reply.entry_id, self._clock())
        self._last.move_to_end(key)
        while len(self._last) > self._most:
            self._last.popitem(last=False)
