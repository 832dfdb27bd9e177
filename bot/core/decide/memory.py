"""Remember each conversation's last answer for a few minutes, in memory only."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Protocol

from ..reply.replies import Reply

DEFAULT_MINUTES = 5.0
MAX_CONVERSATIONS = 10_000
OFFERED_SCORE = 0.25
"""A decline this close keeps the entry it offered first as the context: "who brought that up"
after a long story that just missed is read against the claim it most likely meant."""


class Asker(Protocol):
    """Answer a message in a conversation: after its last answer, its last declined question, the
    answer before the last, the message the last answer answered and the last question answered
    on its own."""

    def __call__(
        self,
        question: str,
        after: str | None = None,
        *,
        declined: str | None = None,
        before: str | None = None,
        asked: str | None = None,
        answered: str | None = None,
    ) -> Reply: ...


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
        # The answer before the last: "go back to the guy before that, where was he" asks it.
        self._before: OrderedDict[Hashable, tuple[str, float]] = OrderedDict()
        # The message the last answer answered: "who said that" after "i heard theyre doubling
        # it?" asks who said what the user heard, not what the answer to it says.
        self._asked: OrderedDict[Hashable, tuple[str, float]] = OrderedDict()
        # The last question answered on its own, kept through the follow-ups leaning on its
        # answer: "what about the us" after "how many 1ms in the aus" asks it of the US.
        self._answered: OrderedDict[Hashable, tuple[str, float]] = OrderedDict()

    def last(self, key: Hashable) -> str | None:
        """Return the entry id of the conversation's last answer, if it is recent enough."""
        return self._fresh(self._last, key)

    def before(self, key: Hashable) -> str | None:
        """Return the entry id of the answer before the conversation's last, while the last is
        kept and it is recent enough."""
        return self._fresh(self._before, key) if self.last(key) is not None else None

    def asked(self, key: Hashable) -> str | None:
        """Return the message the conversation's last answer answered, while that is kept."""
        return self._fresh(self._asked, key) if self.last(key) is not None else None

    def answered(self, key: Hashable) -> str | None:
        """Return the last question the conversation had answered on its own, if recent."""
        return self._fresh(self._answered, key)

    def declined(self, key: Hashable) -> str | None:
        """Return the question of the conversation's last reply if it was declined, and recent."""
        return self._fresh(self._declined, key)

    def ask(self, ask: Asker, key: Hashable, message: str) -> Reply:
        """Answer a message with what its conversation keeps, and remember the reply."""
        reply = ask(
            message,
            self.last(key),
            declined=self.declined(key),
            before=self.before(key),
            asked=self.asked(key),
            answered=self.answered(key),
        )
        self.remember(key, reply)
        return reply

    def remember(self, key: Hashable, reply: Reply) -> None:
        """Keep an answer, or a close decline's first offer, as the conversation's context;
        other declines, clarifying questions and small talk leave it, but a clarifying question
        with no context yet sets its first option. A declined question is kept until the next
        answer or decline (small talk leaves it); a question answered on its own, until any reply
        but a follow-up."""
        if reply.answered and reply.kind != "followup":
            self._keep(self._answered, key, reply.asked or reply.question)
        elif reply.kind != "followup":
            self._answered.pop(key, None)
        if reply.answered or reply.kind == "clarify":
            self._declined.pop(key, None)
        elif reply.kind == "decline":
            self._keep(self._declined, key, reply.asked or reply.question)
        entry_id = reply.entry_id if reply.answered else _offered(reply)
        if entry_id is None and reply.kind == "clarify" and reply.suggestions:
            # "why does X want more" -> "did you mean A or B" -> "who said that": read against
            # A, the likelier reading, rather than alone; a context already set stays.
            entry_id = None if self.last(key) is not None else reply.suggestions[0].entry_id
        if entry_id is not None:
            last = self.last(key)
            if last is not None and last != entry_id:
                self._keep(self._before, key, last)
            self._keep(self._last, key, entry_id)
            if reply.kind == "followup":
                self._keep(self._asked, key, reply.question)
            else:  # read alone, or an offer: the message means what its answer answered
                self._asked.pop(key, None)

    def _fresh(self, table: OrderedDict[Hashable, tuple[str, float]], key: Hashable) -> str | None:
        """Return what ``table`` keeps for a conversation if it is recent; forget it if stale."""
        found = table.get(key)
        if found is None:
            return None
        value, at = found
        if self._clock() - at > self._ttl:
            del table[key]
            return None
        return value

    def _keep(
        self, table: OrderedDict[Hashable, tuple[str, float]], key: Hashable, value: str
    ) -> None:
        """Keep ``value`` for a conversation as its newest, forgetting the oldest beyond the cap."""
        table[key] = (value, self._clock())
        table.move_to_end(key)
        while len(table) > self._most:
            table.popitem(last=False)


def _offered(reply: Reply) -> str | None:
    """Return the entry a declined question most likely meant, if it came close enough."""
    if reply.kind != "decline" or not reply.suggestions or reply.score < OFFERED_SCORE:
        return None
    return reply.suggestions[0].entry_id
