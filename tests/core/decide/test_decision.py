"""One place decides: every path answers, declines and scores a question the same way."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.authoring.lint import lint
from bot.core.decide.decision import decide, volunteer
from bot.core.knowledge.loader import default_knowledge_path
from bot.core.knowledge.models import Entry, Status
from bot.core.render.text import summary
from bot.core.reply.replies import compose
from bot.core.score.ranking import Match, Ranking
from bot.core.service import KnowledgeService

EVAL = Path(__file__).resolve().parents[2] / "eval"


@pytest.fixture(scope="module")
def service() -> KnowledgeService:
    return KnowledgeService.from_path(default_knowledge_path())


def questions() -> list[str]:
    items = yaml.safe_load((EVAL / "chat-tune.yaml").read_text("utf-8"))
    return [item["q"] for item in items]


def test_asking_and_peeking_agree_on_every_question(service: KnowledgeService) -> None:
    for question in questions():
        reply, peek = service.ask(question), service.peek(question)
        assert reply.answered == (peek.answer is not None), question
        assert reply.score == pytest.approx(peek.confidence, abs=1e-4)
        if peek.answer is not None:
            assert reply.entry_id == peek.answer.entry.id


def test_confidence_orders_like_the_evidence(service: KnowledgeService) -> None:
    matcher = service.snapshot.matcher
    exact = decide(matcher.read("How many 1Ms is the US getting?")).confidence
    chatty = decide(matcher.read("ok so how many 1ms is the us getting, my dealer wont say"))
    unrelated = decide(matcher.read("What's a good recipe for lasagna?")).confidence
    assert exact > chatty.confidence > unrelated
    assert unrelated < 0.25 and exact > 0.9


def test_a_question_about_something_the_entry_lacks_is_declined(
    service: KnowledgeService,
) -> None:
    # The entry about Segler answers who he is, not how old he is.
    assert service.ask("who is segler").answered
    assert not service.ask("how old is segler").answered


def test_unasked_answers_need_more_confidence(service: KnowledgeService) -> None:
    decision = service.peek("ok so how many 1ms is the us getting, my dealer wont say")
    assert decision.answer is not None
    assert volunteer(decision, decision.confidence)
    assert not volunteer(decision, decision.confidence + 0.01)
    assert not volunteer(service.peek("lol"), 0.0)


def test_lint_uses_the_same_decision(tmp_path: Path) -> None:
    text = default_knowledge_path().read_text("utf-8")
    text = text.replace("      - when will 1M prices stabilize\n", "      - how old is segler\n", 1)
    path = tmp_path / "kb.yaml"
    path.write_text(text, "utf-8")
    service = KnowledgeService.from_path(path)
    warnings = lint(service.snapshot.matcher)
    assert any("'how old is segler'" in w for w in warnings) == (
        service.peek("how old is segler").answer is None
        or service.peek("how old is segler").answer.entry.id != "value-prediction"
    )


def _entry(entry_id: str, related: tuple[str, ...] = ()) -> Entry:
    return Entry(entry_id, ("q",), "a", Status.FACT, "someone", ("s",), related=related)


def test_two_unrelated_entries_tied_ask_which_one_was_meant() -> None:
    one, other = _entry("one"), _entry("other")
    decision = decide(Ranking((Match(one, 0.8), Match(other, 0.795))))
    assert decision.answer is None and decision.clarify
    assert [m.entry.id for m in decision.suggestions] == ["one", "other"]


def test_linked_or_clearly_apart_entries_are_answered() -> None:
    one, other = _entry("one", related=("other",)), _entry("other")
    linked = decide(Ranking((Match(one, 0.8), Match(other, 0.8))))
    assert linked.answer is not None and linked.near[0].entry.id == "other"
    apart = decide(Ranking((Match(_entry("one"), 0.8), Match(other, 0.75))))
    assert apart.answer is not None and not apart.clarify


def test_a_clarifying_reply_names_both_topics(service: KnowledgeService) -> None:
    one, other = service.knowledge.entries[:2]
    decision = decide(Ranking((Match(one, 0.8), Match(other, 0.8))))
    reply = compose("?", decision, service.knowledge)
    assert reply.kind == "clarify" and not reply.answered
    assert summary(reply) == f"Did you mean: {one.title} or {other.title}?"


def test_round_133_an_entry_with_no_phrasing_alike_is_no_answer(
    service: KnowledgeService,
) -> None:
    # The blog's own name and interviews share "name", "interview" and "original" with a
    # request for the Asia sales head's name; none of its phrasings is alike.
    question = (
        "the 5000 rumour started with some asia m sales boss that motoring quoted. i searched "
        "everywhere and couldnt find the guy. what's his name? i want to read the original "
        "interview"
    )
    best = service.snapshot.matcher.read(question).best
    assert best is not None and best.score >= 0.5 and best.similarity < 0.05
    assert not service.ask(question).answered
    entry = best.entry
    assert decide(Ranking((Match(entry, 0.9, 0.9, 0.3),))).answer is not None
    assert decide(Ranking((Match(entry, 0.9, 0.9, 0.02),))).answer is None
