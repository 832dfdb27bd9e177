"""Lint a loaded knowledge file: phrasings the matcher would send to the wrong entry."""

from __future__ import annotations

from .decide import decide
from .matcher import Matcher


def lint(matcher: Matcher) -> list[str]:
    """Return a warning for each phrasing that misses its entry and each entry none reaches."""
    warnings = []
    for entry in matcher.knowledge.entries:
        reached = False
        for question in entry.questions:
            ranking = matcher.read(question, limit=2)
            decision = decide(ranking, matcher.threshold)
            best = decision.answer
            if decision.clarify:
                tie = next(m for m in decision.suggestions if m.entry.id != entry.id)
                warnings.append(
                    f"line {entry.line}: entry '{entry.id}': the phrasing '{question}' goes to "
                    f"'{tie.entry.id}' as much as anywhere (score {tie.score:.2f})"
                )
            elif best is None:
                warnings.append(
                    f"line {entry.line}: entry '{entry.id}': the phrasing '{question}' is declined "
                    f"(confidence {decision.confidence:.2f} < {matcher.threshold:.2f})"
                )
            elif best.entry.id != entry.id:
                own = next((m.score for m in ranking.matches if m.entry.id == entry.id), None)
                own_text = f"{own:.2f}" if own is not None else "lower"
                warnings.append(
                    f"line {entry.line}: entry '{entry.id}': the phrasing '{question}' goes to "
                    f"'{best.entry.id}' (score {best.score:.2f} vs {own_text})"
                )
            else:
                reached = True
        if not reached:
            warnings.append(
                f"line {entry.line}: entry '{entry.id}': none of its phrasings reach it"
            )
    return warnings
