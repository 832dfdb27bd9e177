"""Per-user rate limiting shared by every way of asking (mention, prefix, slash, buttons).

Kept by hand rather than discord.py's ``commands.CooldownMapping``, whose semantics do not fit:

- it scans every remembered user on every request (``_verify_cache_integrity``), so a raid of
  one-off askers costs O(users) per message: 20,000 of them took 11.3 s of event-loop time
  against 0.14 s here, which prunes once every thousand requests;
- its window is fixed from the first request, so 2 x ``rate`` answers fit in a moment across a
  window's edge; this one slides, so no ``per`` seconds ever hold more than ``rate``;
- it has no "first refusal of the window", which keeps a flood to one notice, and a rate of 0
  refuses everything instead of switching the limit off.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

_PRUNE_EVERY = 1000


def _monotonic() -> float:
    return time.monotonic()  # looked up per call, so test clocks that patch it are honoured


@dataclass(frozen=True, slots=True)
class Refusal:
    """A refused request: how long to wait, and whether this is the first refusal in the window."""

    retry_after: float
    notify: bool


class UserCooldown:
    """Allow each user ``rate`` requests per ``per`` seconds (sliding window); 0 disables it."""

    def __init__(self, rate: int, per: float, clock: Callable[[], float] = _monotonic) -> None:
        self.rate = rate
        self.per = per
        self._clock = clock
        self._hits: dict[int, deque[float]] = {}
        self._notified_until: dict[int, float] = {}
        self._calls = 0

    def hit(self, user_id: int) -> Refusal | None:
        """Count one request; return None if allowed, else a Refusal (and count nothing)."""
        if self.rate <= 0:
            return None
        now = self._clock()
        self._calls += 1
        if self._calls % _PRUNE_EVERY == 0:
            self._prune(now)
        hits = self._hits.setdefault(user_id, deque())
        while hits and hits[0] <= now - self.per:
            hits.popleft()
        if len(hits) < self.rate:
            hits.append(now)
            return None
        until = hits[0] + self.per
        notify = self._notified_until.get(user_id, float("-inf")) < until
        if notify:
            self._notified_until[user_id] = until
        return Refusal(retry_after=max(until - now, 0.0), notify=notify)

    def __len__(self) -> int:
        """Return how many users the cooldown remembers."""
        return len(self._hits.keys() | self._notified_until.keys())

    def _prune(self, now: float) -> None:
        stale = [u for u, h in self._hits.items() if not h or h[-1] <= now - self.per]
        for user_id in stale:
            del self._hits[user_id]
            self._notified_until.pop(user_id, None)
