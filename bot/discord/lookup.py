"""Small helpers over the core service for the Discord layer: peeks and autocomplete choices."""

from __future__ import annotations

from ..core.models import Knowledge
from ..core.service import KnowledgeService

CHOICE_LIMIT = 25
CHOICE_CHARS = 100


def peek_score(service: KnowledgeService, text: str) -> float:
    """Return the confidence of an answer to text, without answering it or touching counters."""
    return service.peek(text).confidence


def _clip(text: str) -> str:
    return text if len(text) <= CHOICE_CHARS else text[: CHOICE_CHARS - 1] + "\u2026"


_CACHE: dict[str, tuple[tuple[str, str], ...]] = {}


def _phrasings(knowledge: Knowledge) -> tuple[tuple[str, str], ...]:
    """Return (folded, clipped) for every phrasing, entries' first phrasings first."""
    cached = _CACHE.get(knowledge.digest)
    if cached is not None:
        return cached
    firsts = [e.questions[0] for e in knowledge.entries]
    rest = [q for e in knowledge.entries for q in e.questions[1:]]
    seen: dict[str, str] = {}
    for question in [*firsts, *rest]:
        clipped = _clip(" ".join(question.split()))
        seen.setdefault(clipped.casefold(), clipped)
    result = tuple(seen.items())
    if len(_CACHE) >= 4:
        _CACHE.clear()
    _CACHE[knowledge.digest] = result
    return result


def question_choices(knowledge: Knowledge, current: str, limit: int = CHOICE_LIMIT) -> list[str]:
    """Return up to ``limit`` known questions (each <= 100 chars) matching what is typed so far."""
    typed = " ".join(current.split()).casefold()
    phrasings = _phrasings(knowledge)
    if not typed:
        return [text for _, text in phrasings[:limit]]
    words = typed.split()
    starts = [text for folded, text in phrasings if folded.startswith(typed)]
    contains = [text for folded, text in phrasings if typed in folded and text not in starts]
    every = [
        text
        for folded, text in phrasings
        if all(w in folded for w in words) and text not in starts and text not in contains
    ]
    return [*starts, *contains, *every][:limit]
