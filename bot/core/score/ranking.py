"""What ranking a question yields: the entries that fit it and what the question held."""

from __future__ import annotations

from dataclasses import dataclass

from ..knowledge.models import Entry


@dataclass(frozen=True, slots=True)
class Match:
    """An entry and how well it matches a question (0..1), with what the score is made of."""

    entry: Entry
    score: float
    coverage: float = 1.0  # the share of the question's weight the entry holds
    similarity: float = 1.0  # how close its nearest phrasing is (weighted Dice)


@dataclass(frozen=True, slots=True)
class Ranking:
    """The entries that fit a question, best first."""

    matches: tuple[Match, ...]

    def without(self, entry: Entry) -> Ranking:
        """Return the ranking with one entry left out."""
        return Ranking(tuple(m for m in self.matches if m.entry.id != entry.id))

    @property
    def best(self) -> Match | None:
        """Return the best match, if any."""
        return self.matches[0] if self.matches else None
