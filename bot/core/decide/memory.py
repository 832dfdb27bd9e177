"""Remember each conversation's last answer for a few minutes, in memory only."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

from ..reply.replies import Reply

DEFAULT_MINUTES = 5.0
MAX_CONVERSATIONS = 10_000
OFFERED_SCORE = 0.25
"""A decline this close keeps the entry it offered first as the context: "who brought that up"
after a long story that just missed is read against the claim it most likely meant."""


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
        # The question of a decline that came after the last answer: "what about australia"
        # after "how many are going to germany" (declined) asks it of Australia.
        self._declined: OrderedDict[Hashable, tuple[str, float]] = OrderedDict()

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

    def declined(self, key: Hashable) -> str | None:
        """Return the question of the conversation's last reply if it was declined, and recent."""
        found = self._declined.get(key)
        if found is None:
            return None
        question, at = found
        if self._clock() - at > self._ttl:
            del self._declined[key]
            return None
        return question

    def remember(self, key: Hashable, reply: Reply) -> None:
        """Keep an answer, or a close decline's first offer, as the conversation's context;
        other declines, clarifying questions and small talk leave it. A declined question is
        kept until the next answer or decline (small talk leaves it)."""
        if reply.answered or reply.kind == "clarify":
            self._declined.pop(key, None)
        elif reply.kind == "decline":
            self._declined[key] = (reply.asked or reply.question, self._clock())
            self._declined.move_to_end(key)
            while len(self._declined) > self._most:
                self._declined.popitem(last=False)
        entry_id = reply.entry_id if reply.answered else _offered(reply)
        if entry_id is None:
            return
        self._last[key] = (entry_id, self._clock())
        self._last.move_to_end(key)
        while len(self._last) > self._most:
            self._last.popitem(last=False)


def _offered(reply: Reply) -> str | None:
    """Return the entry a declined question most likely meant, if it came close enough."""
    if reply.kind != "decline" or not reply.suggestions or reply.score < OFFERED_SCORE:
        return None
    return reply.suggestions[0].entry_id
