"""A message guessing at a name the sources do not have ("wasnt it a porsche 911 ...")."""

from __future__ import annotations

import re

from ..retrieve.matcher import Matcher
from .decision import Decision, decide
from .twopart import SURE_PART

# The asker's guess at a name: "WASNT IT a porsche 911 doing ...", "was it motor trend?", "it
# was X right": up to three words after the determiner, ending at the clause's end, a word
# opening what the guess did ("that", "who", "doing"), an alternative or "right".
_GUESSED = re.compile(
    r"\b(?:(?:wasn'?t|was|isn'?t|is)\s+it|it\s+was)\s+(?:(?:a|an|the)\s+)?"
    r"([a-z0-9]+(?:\s+[a-z0-9]+){0,2}?)"
    r"(?=\s*(?:[,.?!;:]|$)|\s+(?:or|that|who|which|right|[a-z]+ing)\b)"
)


def guessed_names(message: str) -> list[str]:
    """Return the names a message guesses at ("wasnt it MOTOR TREND"), as typed, lowercased."""
    lowered = message.lower()
    if " it " not in f" {lowered} ":
        return []  # most messages
    return [found.group(1) for found in _GUESSED.finditer(lowered)]


def unmisnamed(matcher: Matcher, text: str, decision: Decision) -> tuple[Decision, str | None]:
    """Decide on a message guessing at a name with a word no entry holds ("wasnt it a porsche
    911 doing the filming", "wasnt it motor trend"): the name is misremembered, so the rest of
    the message decides, when it is answered surely by another entry than the name pulled to,
    and the name set aside is returned with it; else the decision as it was, and None."""
    misnamed = [name for name in guessed_names(text) if matcher.unknown(name)]
    if not misnamed:
        return decision, None
    rest = text.lower()
    for name in misnamed:  # the name wherever it is, the story's mention too
        rest = re.sub(rf"\b{re.escape(name)}\b", " ", rest)
    ranked = matcher.read(rest)
    answer = decide(ranked, SURE_PART).answer
    if answer is None:
        return decision, None
    if decision.answer is not None and decision.answer.entry_id == answer.entry_id:
        return decision, None
    return decide(ranked, matcher.threshold), misnamed[0]
