"""What ranking a question yields: the entries that fit it and what the question held."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Entry


@dataclass(frozen=True, slots=True)
class Match:
    """An entry and how well it matches a question (0..1), with what the score is made of."""

    entry: Entry
    score: float
    coverage: float = 1.0  # the share of the question's weight the entry holds
    similarity: float = 1.0  # how close its nearest phrasing is (weighted Dice)
    on_focus: bool = True  # it holds what the question asks about, if that could be told
    missing: float = 0.0  # the heaviest question term it lacks, as a share of the question


@dataclass(frozen=True, slots=True)
class Ranking:
    """The entries that fit a question, best first, and what the question itself held."""

    matches: tuple[Match, ...]
    weight: float = 0.0  # the question's summed term weight
    unknown: float = 0.0  # the part of that weight the knowledge has never seen
    terms: int = 0
    focused: bool = False  # the question asks about something in particular ("how old")
    vague: bool = False  # made only of words most entries share
    chatty: bool = False  # a story around the question: some words weigh less
    how_to: bool = False  # asks for a procedure ("how do I ..."), which claims never give

    @property
    def best(self) -> Match | None:
        """Return the best match, if any."""
        return self.matches[0] if self.matches else None
