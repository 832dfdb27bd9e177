"""Autocomplete choices for the Discord layer, over the core's completion index."""

from __future__ import annotations

from ..core.knowledge.models import Knowledge
from ..core.retrieve.completion import (
    CHOICE_LIMIT,
    MAX_CHECKED,
    MAX_TYPED_CHARS,
    CompletionIndex,
    clip,
)


def question_choices(knowledge: Knowledge, current: str, limit: int = CHOICE_LIMIT) -> list[str]:
    """Return up to ``limit`` known questions (each <= 100 chars) matching what is typed so far.

    This builds the index; the bot keeps one per reload (``OnemBot.choices``) instead.
    """
    return CompletionIndex.build(knowledge).complete(current, limit)


def quick_choices(knowledge: Knowledge, current: str, limit: int = CHOICE_LIMIT) -> list[str]:
    """Return choices from the first entries only: the answer while the index is being built."""
    typed = " ".join(current[:MAX_TYPED_CHARS].split()).casefold()
    out: list[str] = []
    for row in knowledge.rows[:MAX_CHECKED]:  # on the event loop: rows, no Entry built
        text = clip(" ".join(row[1][0].split()))  # the entry's first phrasing
        if typed in text.casefold():
            out.append(text)
            if len(out) >= limit:
                break
    return out
