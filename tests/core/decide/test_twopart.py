"""A message asking two questions: the second claim comes with the first when both are sure."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest

from bot.core.decide.decision import decide
from bot.core.decide.twopart import compared_answer
from bot.core.knowledge.loader import default_knowledge_path
from bot.core.normalise.question import questions
from bot.core.render.jsonlines import to_json
from bot.core.render.text import summary, to_text
from bot.core.retrieve.matcher import Matcher
from bot.core.score.ranking import Ranking
from bot.core.service import KnowledgeService

# A made-up garden, so that what is tested is how two questions are read, not the shipped file.
GARDEN = """
version: 1

sources:
  - id: post
    title: The garden post
    outlet: the garden blog
    kind: article
  - id: ivy-comment
    title: Ivy's comment on the garden post
    outlet: comments on the garden post
    kind: reader-comment
    author: Ivy

entries:
  - id: tomato-yield
    questions: [How many tomatoes does one plant give?]
    answer: The blog said one plant gives about forty tomatoes a season.
    status: opinion
    claimed_by: the garden blog
    sources: [post]
    related: [tomato-frost]
  - id: tomato-frost
    questions: [What happens to the tomato plants after the first frost?]
    answer: Ivy said the plants die back after the first frost and are composted.
    status: rumor
    claimed_by: Ivy (reader comment)
    sources: [ivy-comment]
  - id: hose-length
    questions: [How long is the garden hose?]
    answer: The blog said the hose is thirty metres long.
    status: fact
    claimed_by: the garden blog
    sources: [post]
    conflicts_with: [hose-denied]
  - id: hose-denied
    questions: [Did Ivy deny the hose length?]
    answer: Ivy said the hose is only twenty metres long.
    status: denied
    claimed_by: Ivy (reader comment)
    sources: [ivy-comment]
  - id: shed-colour
    questions: [What colour is the shed?]
    answer: The blog said the shed is green.
    status: fact
    claimed_by: the garden blog
    sources: [post]
"""

TWO = "how many tomatoes does one plant give and what happens to the plants after the first frost"


@pytest.fixture(scope="module")
def garden(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    path = Path(tmp_path_factory.mktemp("garden")) / "garden.yaml"
    path.write_text(GARDEN, encoding="utf-8")
    return KnowledgeService.from_path(path)


def _answered_apart(service: KnowledgeService, message: str, first: str, second: str) -> None:
    """Assert a message the whole of which is declined gets both answers, first and second."""
    whole = service.snapshot.matcher.read(message).best
    assert whole is not None and whole.score < service.snapshot.matcher.threshold
    reply = service.ask(message)
    assert reply.entry_id == first
    assert reply.second is not None and reply.second.entry_id == second


def test_a_message_is_split_into_its_two_questions() -> None:
    assert questions("how many are left and what happens after that") == (
        "what happens after that\nhow many are left ?",
        "how many are left\nwhat happens after that ?",
    )
    assert questions("who is he? what did he say?") is not None
    assert questions("my buddy says so, also what did he say") is None  # one question
    assert questions("segler said it was limited, right? like a numbered run?") is None
    assert questions("how many are left") is None


def test_the_second_question_gets_its_own_claim(garden: KnowledgeService) -> None:
    reply = garden.ask(TWO)
    assert reply.entry_id == "tomato-yield" and reply.second is not None
    second = reply.second
    assert second.entry_id == "tomato-frost" and second.status.value == "rumor"
    assert second.claimed_by == "Ivy (reader comment)"
    assert [s.id for s in second.sources] == ["ivy-comment"]
    assert "tomato-frost" not in [s.entry_id for s in reply.related]  # shown in full instead


def test_two_asking_sentences_are_two_questions(garden: KnowledgeService) -> None:
    reply = garden.ask("how many tomatoes does one plant give? what colour is the shed?")
    assert reply.entry_id == "tomato-yield"
    assert reply.second is not None and reply.second.entry_id == "shed-colour"


def test_the_second_claim_brings_the_other_side_of_its_dispute(garden: KnowledgeService) -> None:
    reply = garden.ask("what colour is the shed, also how long is the garden hose")
    assert reply.second is not None and reply.second.entry_id == "hose-length"
    assert [c.entry_id for c in reply.second.conflicts] == ["hose-denied"]


@pytest.mark.parametrize(
    "message",
    [
        "how many tomatoes does one plant give and what is the capital of peru",  # off-topic
        "how many tomatoes does one plant give",  # one question
        "how long is the garden hose and did ivy deny the hose length",  # the other side
    ],
)
def test_no_second_claim_unless_a_second_question_is_answered_apart(
    garden: KnowledgeService, message: str
) -> None:
    reply = garden.ask(message)
    assert reply.answered and reply.second is None


def test_the_second_question_never_changes_the_first_answer(garden: KnowledgeService) -> None:
    first = garden.snapshot.matcher.read(TWO).best
    reply = garden.ask(TWO)
    assert first is not None and reply.score == round(first.score, 4)


def test_every_renderer_shows_the_second_claim(garden: KnowledgeService) -> None:
    reply = garden.ask("what colour is the shed, also how long is the garden hose")
    text = summary(reply)
    assert text.startswith("Fact: The blog said the shed is green.")
    assert "And 'How long is the garden hose?': Fact: The blog said the hose is thirty" in text
    assert "Other side, denied from Ivy (reader comment)" in text
    lines = to_text(reply)
    assert "  And 'How long is the garden hose?':" in lines
    assert '    Source: article: "The garden post" (the garden blog)' in lines
    shown = to_json(reply)
    assert list(shown)[:-1] == [
        "question", "answered", "answer", "status", "claimed_by", "sources", "score", "entry",
        "conflicts", "related", "suggestions", "notice", "kind", "about",
    ]  # fmt: skip
    assert shown["second"]["entry"] == "hose-length"
    assert shown["second"]["status"] == "fact"
    assert shown["second"]["sources"][0]["id"] == "post"
    assert shown["second"]["conflicts"][0]["entry"] == "hose-denied"
    assert to_json(garden.ask("what colour is the shed"))["second"] is None


def test_two_questions_the_whole_message_cannot_answer_are_answered_apart(
    garden: KnowledgeService,
) -> None:
    message = "what colour is the shed and what happens to tomato plants after the frost"
    _answered_apart(garden, message, "shed-colour", "tomato-frost")


def test_round_79_a_second_question_answered_not_surely_joins_when_the_message_is_about_both(
    garden: KnowledgeService,
) -> None:
    message = "what colour is the shed, and how do the plants fare after frost"
    matcher = garden.snapshot.matcher
    whole = matcher.read(message).best
    assert whole is not None and whole.score < matcher.threshold
    asked = questions(message)
    assert asked is not None
    second = matcher.read(asked[1]).best
    assert second is not None and matcher.threshold <= second.score < 0.6  # not sure
    reply = garden.ask(message)
    assert reply.entry_id == "shed-colour"
    assert reply.second is not None and reply.second.entry_id == "tomato-frost"


def test_a_message_stays_declined_unless_both_its_questions_are_answered(
    garden: KnowledgeService,
) -> None:
    assert not garden.ask("what colour is the shed and what is the capital of peru").answered


def test_a_question_that_borrows_its_topic_from_the_other_is_not_answered_apart() -> None:
    shipped = KnowledgeService.from_path(default_knowledge_path())
    # "he" is Gabe, whose entries say nothing of what he does for work.
    assert not shipped.ask("who is gabe and what does he do for work").answered
    # Round 73: what he drives is his own car, a topic never covered, so the first question is
    # answered and the reply says that nothing known answers the second.
    reply = shipped.ask("who is gabe and what car does he drive")
    assert reply.entry_id == "gabe-reply-next-week"
    assert reply.notice is not None and '"what car does he drive"' in reply.notice


@pytest.fixture(scope="module")
def garden_uncovered(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    # The garden with a topic the posts never cover, named by a coined group as the shipped
    # knowledge names its own ("othermarket", "careerhistory").
    text = GARDEN.replace("version: 1\n", "version: 1\n\nsynonyms:\n  - [soilacidity, soil ph]\n")
    path = Path(tmp_path_factory.mktemp("garden")) / "garden.yaml"
    path.write_text(text, encoding="utf-8")
    return KnowledgeService.from_path(path)


def test_round_69_one_of_two_joined_questions_is_answered_when_the_other_is_never_covered(
    garden_uncovered: KnowledgeService,
) -> None:
    message = "what colour is the shed and what is the soil ph"
    whole = garden_uncovered.snapshot.matcher.read(message).best
    assert whole is None or whole.score < garden_uncovered.snapshot.matcher.threshold
    reply = garden_uncovered.ask(message)
    assert reply.entry_id == "shed-colour" and reply.second is None
    assert reply.notice is not None and '"what is the soil ph"' in reply.notice
    assert "what is the soil ph" in to_text(reply)


def test_round_69_a_second_question_is_not_left_unanswered_unless_joined_and_never_covered(
    garden_uncovered: KnowledgeService,
) -> None:
    # Another sentence may follow the first question up; a question declined as unclear may
    # be about what the first one asks; the second answered alone may borrow from the first.
    assert not garden_uncovered.ask("what colour is the shed? and what is the soil ph?").answered
    unclear = "what colour is the shed and what is the capital of peru"
    assert not garden_uncovered.ask(unclear).answered
    assert not garden_uncovered.ask("what is the soil ph and what colour is the shed").answered


# The garden with a pond and a gate, asked about in the same words: a message asking both fits
# both alike.
POND_AND_GATE = """
  - id: pond-depth
    questions: [How deep is the pond?]
    answer: The blog said the pond is a metre deep.
    status: fact
    claimed_by: the garden blog
    sources: [post]
  - id: gate-width
    questions: [How wide is the gate?]
    answer: The blog said the gate is two metres wide.
    status: fact
    claimed_by: the garden blog
    sources: [post]
"""


@pytest.fixture(scope="module")
def garden_pond(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    path = Path(tmp_path_factory.mktemp("garden")) / "garden.yaml"
    path.write_text(GARDEN + POND_AND_GATE.lstrip("\n"), encoding="utf-8")
    return KnowledgeService.from_path(path)


def test_round_85_two_sure_questions_are_answered_not_clarified(
    garden_pond: KnowledgeService,
) -> None:
    # Round 85: a whole message that fits two entries alike was asked "which did you mean",
    # though each of its two questions, read with the other as its story, is answered surely.
    message = "how deep is the pond, and how wide is the gate?"
    snapshot = garden_pond.snapshot
    assert decide(snapshot.matcher.read(message), snapshot.matcher.threshold).clarify
    reply = garden_pond.ask(message)
    assert reply.kind == "answer" and reply.entry_id == "pond-depth"
    assert reply.second is not None and reply.second.entry_id == "gate-width"
    text = to_text(reply)
    assert "a metre deep" in text and "two metres wide" in text
    # One question naming both: the message is still asked about.
    assert garden_pond.ask("what about the pond and the gate").kind == "clarify"


def test_round_85_a_question_asking_after_the_answered_one_leaves_it_answered(
    garden: KnowledgeService,
) -> None:
    # Round 85: the second question, declined, points back at the first ("... about THAT"):
    # the message is about the one answered, which is answered alone.
    message = "what colour is the shed, and did the neighbours across the road complain about that"
    whole = garden.snapshot.matcher.read(message).best
    assert whole is not None and whole.score < garden.snapshot.matcher.threshold
    reply = garden.ask(message)
    assert reply.entry_id == "shed-colour" and reply.second is None
    # A second question with a topic of its own keeps the message declined.
    other = (
        "what colour is the shed, and did the neighbours across the road complain about the fence"
    )
    assert not garden.ask(other).answered


def test_round_90_a_question_asking_only_which_one_leaves_the_other_answered(
    garden: KnowledgeService,
) -> None:
    # Round 90: the second question is a question word and what it asks for ("and which
    # year"), with no topic of its own: it asks after the first, which is answered alone.
    message = "what colour is the shed painted these days and which year"
    whole = garden.snapshot.matcher.read(message).best
    assert whole is None or whole.score < garden.snapshot.matcher.threshold
    reply = garden.ask(message)
    assert reply.entry_id == "shed-colour" and reply.second is None
    # A second question with a verb and a topic of its own keeps the message declined.
    assert not garden.ask(
        "what colour is the shed painted these days and which year did the neighbours plant it"
    ).answered


def test_round_90_two_questions_read_as_one_bring_the_next_entry_all_but_tied(
    garden: KnowledgeService,
) -> None:
    # Round 90: both questions are answered by the same entry, and the second ranks the entry
    # the whole message ranks next all but tied with it: that entry answers the other question.
    message = (
        "someone wrote how many tomatoes one plant gives and about the first frost. "
        "who was that and what did they say about the tomato plants"
    )
    reply = garden.ask(message)
    assert reply.entry_id == "tomato-frost"
    assert reply.second is not None and reply.second.entry_id == "tomato-yield"
    # A runner-up well behind the answer is no second answer.
    alone = garden.ask(
        "someone was sure about the tomato plants and the frost. who was that and what did "
        "they claim"
    )
    assert alone.entry_id == "tomato-frost" and alone.second is None


@pytest.mark.parametrize(
    "message",
    [
        "how long is the garden hose vs the shed",
        "which came first, how long the garden hose is or the shed?",
        "is the garden hose the same as the shed",
    ],
)
def test_a_comparison_is_answered_with_both_its_sides(
    garden: KnowledgeService, message: str
) -> None:
    reply = garden.ask(message)
    assert reply.second is not None
    assert {reply.entry_id, reply.second.entry_id} == {"hose-length", "shed-colour"}


def test_a_comparison_of_a_claim_with_its_other_side_stays_one_answer(
    garden: KnowledgeService,
) -> None:
    reply = garden.ask("the garden hose length vs ivy denying the hose length")
    assert reply.answered and reply.second is None


def test_round_122_both_sides_of_a_declined_comparison_are_answered(
    garden: KnowledgeService,
) -> None:
    message = "tomato yield vs the first frost, same?"
    _answered_apart(garden, message, "tomato-yield", "tomato-frost")
    # Two sides the sources never set side by side leave the comparison declined.
    assert not garden.ask("tomato yield vs shed colour, same?").answered
    assert not garden.ask("shed colour vs the capital of peru, same?").answered


def test_round_122_both_sides_asked_whether_they_agree_are_answered(
    garden: KnowledgeService,
) -> None:
    message = "does the blog's tomato yield agree with what ivy said about the frost"
    _answered_apart(garden, message, "tomato-yield", "tomato-frost")


class _Recording:
    """A matcher that records the messages it reads."""

    def __init__(self, matcher: Matcher) -> None:
        """Read with ``matcher``."""
        self.matcher = matcher
        self.read_texts: list[str] = []

    def read(self, text: str) -> Ranking:
        """Record the message, then read it."""
        self.read_texts.append(text)
        return self.matcher.read(text)


def test_a_comparison_whose_first_side_has_no_answer_reads_no_second_side(
    garden: KnowledgeService,
) -> None:
    matcher = garden.snapshot.matcher
    message = "the capital of peru vs how long is the garden hose"
    whole = matcher.read(message)
    assert any(m.entry_id == "hose-length" for m in whole.matches)
    recording = _Recording(matcher)
    found = compared_answer(cast(Matcher, recording), garden.knowledge, message, whole)
    assert found is None
    assert recording.read_texts == ["the capital of peru"]
    # With no entry ranked for the whole message, no side can be both answers: none is read.
    found = compared_answer(cast(Matcher, recording), garden.knowledge, message, Ranking(()))
    assert found is None and recording.read_texts == ["the capital of peru"]
