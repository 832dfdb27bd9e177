"""Follow-up round 15: where a claim was heard, who made the thing named, "same as X?", and a
follow-up whose answer lacks what it wants."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.decide.talk import FollowUp, follow_up
from bot.core.knowledge.loader import default_knowledge_path
from bot.core.reply.replies import Reply
from bot.core.service import KnowledgeService

# A made-up bakery, so that what is tested is how a conversation is read, not the shipped file.
BAKERY = """
version: 1

sources:
  - id: post
    title: The bakery post
    outlet: the bread blog
    kind: article
  - id: comments
    title: Comments on the bakery post
    outlet: comments on the bakery post
    kind: reader-comment

entries:
  - id: loaves-town
    questions: [How many loaves does the town get each day?]
    answer: The blog said the town gets 300 loaves a day.
    status: opinion
    claimed_by: the bread blog
    sources: [post]
  - id: loaves-village
    questions: [How many loaves does the village get each day?]
    answer: The blog said the village gets 40 loaves a day.
    status: opinion
    claimed_by: the bread blog
    sources: [post]
  - id: harbour-oven
    questions: [Is there an oven at the harbour?, What is baked at the harbour?]
    answer: The blog said the harbour has an old stone oven that bakes rye.
    status: opinion
    claimed_by: the bread blog
    sources: [post]
  - id: baker-interview
    questions: [Did the head baker say anything about more loaves?]
    answer: Asked about more loaves, the head baker gave no hint of any change.
    status: fact
    claimed_by: the bread blog
    sources: [post]
    related: [baker-oven-limits]
  - id: baker-oven-limits
    questions: [Why can the bakery not bake more loaves?, What would more loaves cost the bakery?]
    answer: >-
      The blog said the ovens, not the baker, set how many loaves are baked, and that more
      loaves would cost the bakery new ovens.
    status: opinion
    claimed_by: the bread blog
    sources: [post]
    related: [baker-interview]
  - id: rye-reply
    questions: [Did anyone answer the rye comment?]
    answer: An unsigned reply said rye sells out early, and did not say who wrote it.
    status: rumor
    claimed_by: an unsigned reply in the comments
    sources: [comments]
  - id: cake-split
    questions: [Did people like the plum cake at first?]
    answer: The blog said the plum cake split the town at first, just as the rye loaf did.
    status: opinion
    claimed_by: the bread blog
    sources: [post]
  - id: cake-sold
    questions: [Did the plum cake sell?]
    answer: The blog said every plum cake sold.
    status: opinion
    claimed_by: the bread blog
    sources: [post]
  - id: rye-loaf
    questions: [What is in the rye loaf?]
    answer: The blog said the rye loaf is made with seeds.
    status: opinion
    claimed_by: the bread blog
    sources: [post]
"""


@pytest.fixture(scope="module")
def bakery(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    path = Path(tmp_path_factory.mktemp("bakery")) / "bakery.yaml"
    path.write_text(BAKERY, encoding="utf-8")
    return KnowledgeService.from_path(path)


@pytest.fixture(scope="module")
def shipped() -> KnowledgeService:
    return KnowledgeService.from_path(default_knowledge_path())


def _talk(service: KnowledgeService, *messages: str) -> list[Reply]:
    """Play messages as one conversation, each read against the last answer."""
    replies: list[Reply] = []
    last = None
    for message in messages:
        reply = service.ask(message, after=last)
        replies.append(reply)
        last = reply.entry_id if reply.answered else last
    return replies


def test_where_a_claim_was_heard_asks_its_provenance(bakery: KnowledgeService) -> None:
    assert follow_up("where did you hear that") == (FollowUp.PROVENANCE, "")
    assert follow_up("who did you hear it from?") == (FollowUp.PROVENANCE, "")
    first, heard = _talk(bakery, "how many loaves does the town get", "where'd you hear that")
    assert heard.kind == "followup" and heard.entry_id == first.entry_id == "loaves-town"


def test_who_made_the_thing_the_last_answer_names_is_its_claimant(
    bakery: KnowledgeService, shipped: KnowledgeService
) -> None:
    first, who = _talk(bakery, "did anyone answer the rye comment", "who posted that reply")
    assert first.entry_id == "rye-reply"
    assert who.kind == "followup" and who.entry_id == "rye-reply" and who.cited
    # Alone, "who wrote that comment" is the blog's: here it is the unsigned reply's.
    first, who = _talk(shipped, "did anyone disagree with ybs", "who wrote that comment")
    assert who.kind == "followup" and who.entry_id == first.entry_id


def test_thanks_after_a_laugh_closing_chatter_is_thanks(shipped: KnowledgeService) -> None:
    for message in ("haha thanks, my wallet hates you", "lol thanks she'll be mad"):
        assert shipped.ask(message).kind == "smalltalk"
    assert shipped.ask("haha thanks, did the gp sell out").answered


def test_same_as_x_gets_the_last_answer_again_when_it_names_x(bakery: KnowledgeService) -> None:
    assert follow_up("same as the rye?") == (FollowUp.ABOUT, "the rye")
    first, same = _talk(bakery, "did people like the plum cake at first", "same as the rye loaf?")
    assert first.entry_id == "cake-split"
    assert same.kind == "followup" and same.entry_id == "cake-split"


def test_a_pointing_question_is_declined_when_its_answer_lacks_what_it_wants(
    bakery: KnowledgeService,
) -> None:
    first, price = _talk(
        bakery,
        "did the head baker say anything about more loaves",
        "so what would that cost",
    )
    assert first.entry_id == "baker-interview"
    assert not price.answered  # the ovens' limit names no price, only new ovens


def test_what_about_x_is_declined_when_x_has_no_figure_for_a_how_many_question(
    bakery: KnowledgeService,
) -> None:
    _, village = _talk(bakery, "how many loaves does the town get", "what about the village")
    assert village.entry_id == "loaves-village"
    _, harbour = _talk(bakery, "how many loaves does the town get", "what about the harbour")
    assert not harbour.answered  # the harbour's oven gives no number of loaves
