"""Clustering missed questions and naming the entry they most likely belong to."""

from __future__ import annotations

from bot.authoring.teach import Signal, cluster, question_key
from bot.core.normalise.text import Synonyms


def _declined(question: str, *suggestions: str, chosen: tuple[str, ...] = ()) -> Signal:
    return Signal(question, 1, "declined", tuple(suggestions), chosen)


def test_similar_questions_cluster_and_others_stay_apart() -> None:
    found = cluster(
        [
            _declined("how many 1Ms were sold in Japan?"),
            _declined("how many 1m sold in japan"),
            _declined("How many 1Ms were sold in Japan?"),
            _declined("what colour is the sky"),
        ]
    )
    assert [c.count for c in found] == [3, 1]
    assert found[0].phrasing == "how many 1Ms were sold in Japan?"  # the most frequent wording
    assert found[0].questions == (
        ("how many 1Ms were sold in Japan?", 2),  # the same words in another case count too
        ("how many 1m sold in japan", 1),
    )
    assert found[1].phrasing == "what colour is the sky"


def test_synonyms_bring_wordings_together() -> None:
    synonyms = Synonyms([("usa", "us", "america", "the states")])
    assert question_key("1m allocation for america", synonyms) == question_key(
        "1m allocation for the states", synonyms
    )


def test_the_likely_entry_comes_from_clicks_before_near_misses() -> None:
    found = cluster(
        [
            _declined("japan 1m sales", "molds", "us-allocation"),
            _declined("japan 1m sales figures", "molds", chosen=("us-allocation",)),
        ]
    )
    assert found[0].likely == "us-allocation"
    assert "did you mean" in found[0].why_likely
    assert found[0].candidates[:2] == ("us-allocation", "molds")
    near = cluster([_declined("japan 1m sales", "molds", "us-allocation")])
    assert near[0].likely == "molds" and "near miss" in near[0].why_likely


def test_an_admin_pick_wins_and_gone_entries_are_never_offered() -> None:
    signals = [_declined("japan 1m sales", "molds", chosen=("us-allocation",))]
    key = question_key("japan 1m sales")
    picked = cluster(signals, picks={key: "no-more-cars"})
    assert picked[0].likely == "no-more-cars" and picked[0].why_likely == "picked by an admin"
    gone = cluster(signals, known={"molds"})
    assert gone[0].likely == "molds" and "us-allocation" not in gone[0].candidates


def test_an_answer_voted_down_does_not_suggest_itself() -> None:
    found = cluster(
        [
            Signal("is the 1m quick", 1, "voted down", wrong="molds"),
            Signal("is the 1m quick?", 2, "flagged", ("molds", "engine"), wrong="molds"),
        ]
    )
    assert found[0].likely == "engine"
    assert dict(found[0].reasons) == {"voted down": 1, "flagged": 1}
    assert found[0].guilds == (1, 2)


def test_resolved_questions_are_left_out() -> None:
    signals = [_declined("japan 1m sales"), _declined("what colour is the sky")]
    found = cluster(signals, resolved={question_key("japan 1m sales")})
    assert [c.phrasing for c in found] == ["what colour is the sky"]
