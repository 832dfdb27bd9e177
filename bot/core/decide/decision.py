"""Decide what a ranking earns: an answer, near ties named beside it, or a decline.

Every front end (command line, mentions, ``!ask``, ``/ask``, buttons, listened channels and
``check``'s lint) decides here, so what the evaluation measures is what Discord users get.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..score.ranking import Match, Ranking

DEFAULT_THRESHOLD = 0.5
"""Answer only when the confidence is at least this; below it, decline with suggestions."""

NEAR_TIE = 0.06
"""A runner-up whose score is within this of the answer's is named as related."""

CLARIFY_MARGIN = 0.01
"""Two unrelated entries this close ask "did you mean A or B?" instead of a guess: 4 of the 584
tuning questions; on a 10,000-entry file, 28 of 650 paraphrases, where the first pick was right
4 times and one of the two 18 times."""

MIN_SIMILARITY = 0.05
"""An entry none of whose phrasings is even this close to the question shares only scattered
words with it ("... couldnt find the guy. what's his name?" against the blog's own name): it
answers another question, so decline. No right answer of the tuning halves scores below 0.07.
A follow-up leans on the last answer, not on its own few words, and is read with no floor."""

MAX_SUGGESTIONS = 3
MIN_SUGGESTION_SCORE = 0.2


@dataclass(frozen=True, slots=True)
class Decision:
    """What to do with a question: answer with ``answer``, or decline when it is None."""

    answer: Match | None
    confidence: float  # the modelled chance that the best entry is the right answer
    near: tuple[Match, ...] = ()  # runners-up close enough to the answer to name
    suggestions: tuple[Match, ...] = ()  # what a decline offers instead ("did you mean")
    clarify: bool = False  # two different entries fit equally: ask which one was meant


def confidence(ranking: Ranking) -> float:
    """Return how sure an answer with the ranking's best entry would be (0..1).

    This is the matcher's score. A logistic model over twelve features of the ranking, fitted
    on the tuning sets, decided better there but worse on the test half, so it was not kept.
    """
    return ranking.best.score if ranking.best is not None else 0.0


def volunteer(decision: Decision, min_confidence: float) -> bool:
    """Return whether an answer nobody asked for (a listened channel) is sure enough to post."""
    return decision.answer is not None and decision.confidence >= min_confidence


def decide(
    ranking: Ranking, threshold: float = DEFAULT_THRESHOLD, *, alike: float = MIN_SIMILARITY
) -> Decision:
    """Answer with the best entry when the confidence reaches ``threshold`` and its nearest
    phrasing is at least ``alike`` (see ``MIN_SIMILARITY``); else decline."""
    best = ranking.best
    sure = confidence(ranking)
    if best is None or sure < threshold or best.similarity < alike:
        offers = tuple(
            m for m in ranking.matches[:MAX_SUGGESTIONS] if m.score >= MIN_SUGGESTION_SCORE
        )
        return Decision(None, sure, suggestions=offers)
    rival = ranking.matches[1] if len(ranking.matches) > 1 else None
    tied = rival is not None and best.score - rival.score <= CLARIFY_MARGIN
    if rival is not None and tied and not _linked(best, rival):
        return Decision(None, sure, suggestions=(best, rival), clarify=True)
    near = tuple(m for m in ranking.matches[1:] if best.score - m.score <= NEAR_TIE)
    return Decision(best, sure, near=near)


def _linked(one: Match, other: Match) -> bool:
    """Return whether two entries point at each other (related, or two sides of a dispute)."""
    a, b = one.entry, other.entry
    return b.id in (*a.related, *a.conflicts_with) or a.id in (*b.related, *b.conflicts_with)
