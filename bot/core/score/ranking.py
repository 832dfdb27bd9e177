"""What ranking a question yields: the entries that fit it and what the question held."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..knowledge.models import Entries, Entry


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Match:
    """An entry and how well it matches a question (0..1), with what the score is made of.

    ``Match(entry, score)`` holds a built entry; ``Match(entries, score, coverage, similarity,
    number)`` holds entry ``number`` of a packed file and builds it only when ``entry`` is read:
    a ranking's matches are mostly read for their score, id and title alone, and building an
    entry costs about as much as scoring a dozen candidates. Matches are equal when their entry
    ids and figures are.
    """

    held: Entry | Entries = field(repr=False)
    score: float
    coverage: float = 1.0  # the share of the question's weight the entry holds
    similarity: float = 1.0  # how close its nearest phrasing is (weighted Dice)
    number: int = field(default=0, repr=False)  # the entry's place in ``held``, if packed

    @property
    def entry(self) -> Entry:
        """Return the matched entry (built on first read, then kept among the recent ones)."""
        held = self.held
        return held if isinstance(held, Entry) else held.entry(self.number)

    @property
    def entry_id(self) -> str:
        """Return the matched entry's id, without building the entry."""
        held = self.held
        return held.id if isinstance(held, Entry) else held.field(self.number, 0)

    @property
    def title(self) -> str:
        """Return the matched entry's first phrasing, without building the entry."""
        held = self.held
        return held.title if isinstance(held, Entry) else held.title(self.number)

    def rescored(self, score: float) -> Match:
        """Return the same match with another score."""
        return Match(self.held, score, self.coverage, self.similarity, self.number)

    def _key(self) -> tuple[str, float, float, float]:
        return self.entry_id, self.score, self.coverage, self.similarity

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Match):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        figures = f"score={self.score!r}, coverage={self.coverage!r}"
        return f"Match(entry_id={self.entry_id!r}, {figures}, similarity={self.similarity!r})"


@dataclass(frozen=True, slots=True)
class Ranking:
    """The entries that fit a question, best first."""

    matches: tuple[Match, ...]

    def without(self, entry: Entry) -> Ranking:
        """Return the ranking with one entry left out."""
        return Ranking(tuple(m for m in self.matches if m.entry_id != entry.id))

    @property
    def best(self) -> Match | None:
        """Return the best match, if any."""
        return self.matches[0] if self.matches else None
