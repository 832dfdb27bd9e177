"""Lint a loaded knowledge file: phrasings the matcher would send to the wrong entry."""

from __future__ import annotations

from ..core.decide.decision import decide
from ..core.knowledge.models import Entry
from ..core.normalise.text import Synonyms, analyse, analyse_many
from ..core.retrieve.matcher import Matcher


def _line_of(entry: Entry, index: int) -> int:
    """Return the line of an entry's phrasing (the entry's own line if it is not known)."""
    lines = entry.question_lines
    return lines[index] if index < len(lines) else entry.line


def _collisions(matcher: Matcher) -> tuple[list[str], set[tuple[str, int]]]:
    """Return a warning for each side of two entries' phrasings that read the same once
    synonyms apply, each at its own line (either may be the one just added), and those
    phrasings as (entry id, index)."""
    synonyms = Synonyms(matcher.knowledge.synonyms)
    first: dict[tuple[str, ...], tuple[Entry, int]] = {}
    warnings: list[str] = []
    involved: set[tuple[str, int]] = set()
    for entry in matcher.knowledge.entries:
        for index, question in enumerate(entry.questions):
            key = tuple(analyse(question, synonyms))
            seen = first.setdefault(key, (entry, index))
            other, at = seen
            if other.id == entry.id:
                continue
            for mine, i, theirs, j in ((entry, index, other, at), (other, at, entry, index)):
                warnings.append(
                    f"line {_line_of(mine, i)}: entry '{mine.id}': the phrasing "
                    f"'{mine.questions[i]}' reads the same as '{theirs.questions[j]}' of entry "
                    f"'{theirs.id}' (line {_line_of(theirs, j)}) once synonyms apply; reword one"
                )
            involved |= {(entry.id, index), (other.id, at)}
    return warnings, involved


def _weightless_keywords(matcher: Matcher) -> list[str]:
    """Return a warning for each keyword made only of words the matcher ignores."""
    warnings: list[str] = []
    for entry in matcher.knowledge.entries:
        stems, _ = analyse_many(entry.keywords, matcher.synonyms)
        warnings.extend(
            f"line {entry.line}: entry '{entry.id}': the keyword '{keyword}' is made only of "
            "words the matcher ignores (such as 'the', 'any', 'more'), so it never counts; "
            "add the word that carries the meaning or drop it"
            for keyword, terms in zip(entry.keywords, stems, strict=True)
            if not terms
        )
    return warnings


def lint(matcher: Matcher) -> list[str]:
    """Return a warning for each phrasing that misses its entry, each entry none reaches and
    each keyword that never counts.

    Each warning starts with ``line N:``, the line of the phrasing concerned (of the entry,
    for an entry that none reaches).
    """
    warnings, collided = _collisions(matcher)
    warnings += _weightless_keywords(matcher)
    for entry in matcher.knowledge.entries:
        reached = False
        for index, question in enumerate(entry.questions):
            ranking = matcher.read(question, limit=2)
            decision = decide(ranking, matcher.threshold)
            best = decision.answer
            line = _line_of(entry, index)
            if best is not None and best.entry.id == entry.id:
                reached = True
            elif (entry.id, index) in collided:
                continue  # reported above, with both lines
            elif decision.clarify:
                tie = next(m for m in decision.suggestions if m.entry.id != entry.id)
                warnings.append(
                    f"line {line}: entry '{entry.id}': the phrasing '{question}' goes to "
                    f"'{tie.entry.id}' as much as anywhere (score {tie.score:.2f})"
                )
            elif best is None:
                warnings.append(
                    f"line {line}: entry '{entry.id}': the phrasing '{question}' is declined "
                    f"(confidence {decision.confidence:.2f} < {matcher.threshold:.2f})"
                )
            else:
                own = next((m.score for m in ranking.matches if m.entry.id == entry.id), None)
                own_text = f"{own:.2f}" if own is not None else "lower"
                warnings.append(
                    f"line {line}: entry '{entry.id}': the phrasing '{question}' goes to "
                    f"'{best.entry.id}' (score {best.score:.2f} vs {own_text})"
                )
        if not reached:
            warnings.append(
                f"line {entry.line}: entry '{entry.id}': none of its phrasings reach it"
            )
    return sorted(warnings, key=lambda w: int(w.split(":", 1)[0].removeprefix("line ")))
