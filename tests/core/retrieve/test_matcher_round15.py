"""Follow-up round 15's knowledge synonyms: a party's stance, and the risk of something."""

from __future__ import annotations

import pytest

from bot.core.knowledge.loader import default_knowledge_path, load_knowledge
from bot.core.retrieve.matcher import Matcher


@pytest.fixture(scope="module")
def matcher_real() -> Matcher:
    return Matcher(load_knowledge(default_knowledge_path()))


def _best(matcher: Matcher, question: str) -> str | None:
    """Return the id of the entry the matcher would answer with, or None if it declines."""
    ranked = matcher.rank(question)
    if not ranked or ranked[0].score < matcher.threshold:
        return None
    return ranked[0].entry.id


@pytest.mark.parametrize(
    ("question", "entries"),
    [
        ("what is bmw north america's stance on building more", {"bmwna-no-change-us"}),
        ("bmwna position on making more 1ms for the us?", {"bmwna-no-change-us"}),
        ("any downside to bmw making extra 1ms", {"more-production-residuals"}),
        ("what are the risks of a second batch of 1ms", {"more-production-residuals"}),
    ],
)
def test_a_stance_is_what_a_party_thinks_and_a_risk_is_what_hurts(
    matcher_real: Matcher, question: str, entries: set[str]
) -> None:
    # "position on", "stance" = think (a stopword: the party and topic decide); "risk",
    # "downside" = hurt.
    assert _best(matcher_real, question) in entries
