"""Replies: answers carry status, claimant, sources and the other side; declines offer topics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.core.knowledge.loader import default_knowledge_path
from bot.core.knowledge.models import TalkKind
from bot.core.render.jsonlines import to_json
from bot.core.render.text import summary, to_text
from bot.core.reply.replies import DECLINE_TEXT
from bot.core.service import KnowledgeService

CONTRACT_KEYS = {
    "question",
    "answered",
    "answer",
    "status",
    "sources",
    "score",
    "entry",
    "suggestions",
}


@pytest.fixture
def service(mini_path: Path) -> KnowledgeService:
    return KnowledgeService.from_path(mini_path)


def test_answer_states_status_claimant_and_source(service: KnowledgeService) -> None:
    reply = service.ask("how many 1ms for the US")
    text = to_text(reply)
    assert text.startswith("Rumor: A site reported that 600 cars")
    assert "Claimed by: A site" in text
    assert 'Source: article: "Production Rumors" (The test blog)' in text
    assert "Confidence:" in text


def test_conflicts_show_the_other_side_both_ways(service: KnowledgeService) -> None:
    forward = service.ask("how many 1ms for the US")
    assert [c.entry_id for c in forward.conflicts] == ["no-more-cars"]
    assert "Other side, fact from BMWNA" in summary(forward)
    backward = service.ask("did bmwna send a memo to dealers")
    assert [c.entry_id for c in backward.conflicts] == ["us-allocation"]
    assert "The other side:" in to_text(backward)


def test_related_entries_are_named(service: KnowledgeService) -> None:
    reply = service.ask("did bmwna send a memo to dealers")
    assert "molds" in [r.entry_id for r in reply.related]
    assert "Related: How long do the molds last?" in to_text(reply)


def test_decline_offers_up_to_three_suggestions(service: KnowledgeService) -> None:
    reply = service.ask("will the molds production quota for dealers be announced in spain")
    if reply.answered:
        pytest.fail(f"expected a decline, got {reply.entry_id} at {reply.score}")
    assert 1 <= len(reply.suggestions) <= 3
    assert "molds" in [s.entry_id for s in reply.suggestions]
    assert to_text(reply).startswith(DECLINE_TEXT)
    assert "Did you mean:" in to_text(reply)


def test_json_contract(service: KnowledgeService) -> None:
    answered = to_json(service.ask("what limits production of the 1m"))
    assert answered.keys() >= CONTRACT_KEYS
    assert answered["answered"] is True and answered["entry"] == "molds"
    assert answered["status"] == "fact"
    assert [s["id"] for s in answered["sources"]] == ["first-article", "comment-gabe"]
    assert "2,500" in answered["answer"] and "<" not in answered["answer"]
    assert isinstance(answered["score"], float)
    declined = to_json(service.ask("recipe for lasagna"))
    assert declined["answered"] is False and declined["answer"] is None
    assert declined["sources"] == [] and declined["entry"] is None and declined["status"] is None
    json.dumps(answered), json.dumps(declined)


def test_long_question_is_cut_with_a_notice(mini_path: Path) -> None:
    service = KnowledgeService.from_path(mini_path, max_question_chars=100)
    reply = service.ask("what limits production of the 1m " + "x" * 10_000)
    assert reply.notice is not None and "first 100" in reply.notice
    assert reply.question.startswith("what limits")


def test_empty_question_gets_a_hint_not_an_error(service: KnowledgeService) -> None:
    reply = service.ask("   ")
    assert not reply.answered and reply.notice and "Ask me something" in reply.notice


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("cya", TalkKind.FAREWELL),
        ("ok night", TalkKind.FAREWELL),
        ("ok peace out", TalkKind.FAREWELL),
        ("lol knew it", TalkKind.REACTION),  # not HERR26's "recognised" location
    ],
)
def test_a_goodbye_or_a_told_you_so_is_brief_small_talk(message: str, kind: TalkKind) -> None:
    reply = KnowledgeService.from_path(default_knowledge_path()).ask(message)
    assert reply.kind == "smalltalk" and reply.talk is kind
    assert not reply.suggestions  # no example questions, as after thanks
