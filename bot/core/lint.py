"""Lint a loaded knowledge file: phrasings the matcher would send to the wrong entry."""

from __future__ import annotations

from .matcher import Matcher


def lint(matcher: Matcher) -> list[str]:
    """Return a warning for each phrasing that misses its entry and each entry none reaches."""
    warnings = []
    for entry in matcher.knowledge.entries:
        reached = False
        for question in entry.questions:
            ranked = matcher.rank(question, limit=2)
            best = ranked[0] if ranked else None
            if best is None or best.score < matcher.threshold:
                score = best.score if best else 0.0
                warnings.append(
                    f"line {entry.line}: entry '{entry.id}': the phrasing '{question}' is declined "
                    f"(score {score:.2f} < {matcher.threshold:.2f})"
                )
            elif best.entry.id != entry.id:
                own = next((m.score for m in ranked if m.entry.id == entry.id), None)
                own_text = f"{own:.2f}" if own is not None else "lower"
                warnings.append(
                    f"line {entry.line}: entry '{entry.id}': the phrasing '{question}' goes to "
                    f"'{best.entry.id}' ({best.score:.2f} vs {own_text})"
                )
            else:
                reached = True
        if not reached:
            warnings.append(
                f"line {entry.line}: entry '{entry.id}': none of its phrasings reach it"
            )
    return warnings
