"""Decide what a ranking earns: an answer, near ties named beside it, or a decline.

Every front end (command line, mentions, ``!ask``, ``/ask``, buttons, listened channels and
``check``'s lint) decides here, so what the evaluation measures is what Discord users get.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .ranking import Match, Ranking

DEFAULT_THRESHOLD = 0.55
"""Answer only when the confidence is at least this; below it, decline with suggestions."""

NEAR_TIE = 0.06
"""A runner-up whose score is within this of the answer's is named as related."""

MAX_SUGGESTIONS = 3
MIN_SUGGESTION_SCORE = 0.2

# A logistic model of "the best entry is the right answer", fitted on the tuning question sets
# by scripts/train_decider.py (which prints these); the features are those of ``features``.
WEIGHTS = (2.68, 2.06, 2.69, 1.20, -0.89, -0.72, -1.26, -0.10, 0.70, 2.36, -0.50, -1.32)
BIAS = -4.72


@dataclass(frozen=True, slots=True)
class Decision:
    """What to do with a question: answer with ``answer``, or decline when it is None."""

    answer: Match | None
    confidence: float  # the modelled chance that the best entry is the right answer
    near: tuple[Match, ...] = ()  # runners-up close enough to the answer to name
    suggestions: tuple[Match, ...] = ()  # what a decline offers instead ("did you mean")


def features(ranking: Ranking) -> tuple[float, ...]:
    """Return what the confidence model reads from a ranking (all near 0..1)."""
    best = ranking.best
    if best is None:
        return (0.0,) * len(WEIGHTS)
    second = ranking.matches[1].score if len(ranking.matches) > 1 else 0.0
    return (
        best.score,
        best.coverage,
        best.similarity,
        best.score - second,
        ranking.unknown / ranking.weight if ranking.weight else 0.0,
        float(ranking.focused and best.on_focus),
        float(ranking.focused and not best.on_focus),
        float(ranking.vague),
        float(ranking.chatty),
        math.log1p(ranking.terms) / 3,
        best.missing,
        float(ranking.how_to),
    )


def confidence(ranking: Ranking) -> float:
    """Return the modelled chance (0..1) that the ranking's best entry answers the question."""
    if ranking.best is None:
        return 0.0
    z = BIAS + sum(w * x for w, x in zip(WEIGHTS, features(ranking), strict=True))
    return 1 / (1 + math.exp(-max(-50.0, min(50.0, z))))


def volunteer(decision: Decision, min_confidence: float) -> bool:
    """Return whether an answer nobody asked for (a listened channel) is sure enough to post."""
    return decision.answer is not None and decision.confidence >= min_confidence


def decide(ranking: Ranking, threshold: float = DEFAULT_THRESHOLD) -> Decision:
    """Answer with the best entry when the confidence reaches ``threshold``; else decline."""
    best = ranking.best
    sure = confidence(ranking)
    if best is None or sure < threshold:
        offers = tuple(
            m for m in ranking.matches[:MAX_SUGGESTIONS] if m.score >= MIN_SUGGESTION_SCORE
        )
        return Decision(None, sure, suggestions=offers)
    near = tuple(m for m in ranking.matches[1:] if best.score - m.score <= NEAR_TIE)
    return Decision(best, sure, near=near)
