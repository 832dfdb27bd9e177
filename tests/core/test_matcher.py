"""The matcher on paraphrases, typos, synonyms, numbers, off-topic and near-domain questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.loader import load_knowledge
from bot.core.matcher import Matcher


@pytest.fixture
def matcher(mini_path: Path) -> Matcher:
    return Matcher(load_knowledge(mini_path))


def best(matcher: Matcher, question: str) -> str | None:
    """Return the id of the entry the matcher would answer with, or None if it declines."""
    ranked = matcher.rank(question)
    if not ranked or ranked[0].score < matcher.threshold:
        return None
    return ranked[0].entry.id


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("How many 1Ms is the US getting?", "us-allocation"),
        ("what's America's quota of 1 Series M cars", "us-allocation"),
        ("1m allocation stateside?", "us-allocation"),
        ("how mnay 1ms is teh US gettin", "us-allocation"),
        ("is bmw north america sending more 1ms to the states", "no-more-cars"),
        ("what did the memo to dealers say", "no-more-cars"),
        ("how long will the moulds last", "molds"),
        ("what limits 1M production", "molds"),
    ],
)
def test_paraphrases_synonyms_and_typos_reach_their_entry(
    matcher: Matcher, question: str, entry: str
) -> None:
    assert best(matcher, question) == entry


@pytest.mark.parametrize(
    "question",
    [
        "What's a good recipe for lasagna?",
        "good morning",
        "thanks!",
        "How many moons does Jupiter have?",
        "What's the capital of Australia?",
        "How many legs does a spider have?",
        "when do the tooling workers at Apple go on strike about their pay",
        "",
        "?!?!",
        "the the the",
    ],
)
def test_off_topic_and_near_domain_questions_are_declined(matcher: Matcher, question: str) -> None:
    assert best(matcher, question) is None


def test_scores_are_ranked_and_bounded(matcher: Matcher) -> None:
    ranked = matcher.rank("how many 1ms for the US")
    assert ranked[0].entry.id == "us-allocation"
    assert all(0.0 <= m.score <= 1.0 for m in ranked)
    assert [m.score for m in ranked] == sorted((m.score for m in ranked), reverse=True)


def test_exact_phrasing_scores_full_confidence(matcher: Matcher) -> None:
    assert matcher.rank("How long do the molds last?")[0].score == pytest.approx(1.0)


def test_number_forms_match_the_same_entry(matcher: Matcher) -> None:
    assert (
        best(matcher, "is the run 2.5k molds") == best(matcher, "is the run 2,500 molds") == "molds"
    )


def test_unknown_words_lower_confidence(matcher: Matcher) -> None:
    plain = matcher.rank("how long do the molds last")[0].score
    diluted = matcher.rank("how long do the molds last in a volcano during eclipses")[0].score
    assert diluted < plain


def test_question_of_only_common_words_is_too_vague(matcher: Matcher) -> None:
    assert best(matcher, "1m?") is None
    assert matcher.rank("1m?")[0].score < matcher.rank("1m allocation?")[0].score
    assert best(matcher, "1m allocation?") == "us-allocation"
