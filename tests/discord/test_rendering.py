"""Pure logic of the Discord layer: embeds and their limits, choices, cooldowns, reports, errors."""

from __future__ import annotations

import dataclasses

import discord
import pytest
from discord import app_commands
from discord.ext import commands
from discord_kit import ANSWERED_Q, DECLINED_Q, KNOWLEDGE

from bot.core.knowledge.errors import Problem
from bot.core.knowledge.loader import parse_knowledge
from bot.core.knowledge.models import Source, SourceKind, Status
from bot.core.reply.replies import Claim, Reply, SecondAnswer, Suggestion
from bot.core.service import KnowledgeService, ReloadResult
from bot.discord.cooldown import UserCooldown
from bot.discord.embeds import (
    FIELD_VALUE_LIMIT,
    OTHER_SIDE,
    SECOND,
    SHORTENED,
    TOTAL_LIMIT,
    neutralise,
    plain,
    reply_embed,
)
from bot.discord.errors import NOT_ADMIN, NotAdmin, expected_message
from bot.discord.lookup import question_choices
from bot.discord.report import MESSAGE_LIMIT, reload_report, reload_text
from bot.discord.views import suggestion_view


@pytest.fixture(scope="module")
def fixture_service() -> KnowledgeService:
    return KnowledgeService.from_path(KNOWLEDGE)


def _huge_reply() -> Reply:
    source = Source(
        "s",
        "T" * 300,
        "O" * 300,
        SourceKind.ARTICLE,
        "A" * 200,
        "2011",
        "https://x.test/" + "p" * 300,
    )
    return Reply(
        question="q" * 5000,
        answered=True,
        score=0.9,
        entry_id="e",
        answer="a" * 5000,
        status=Status.DISPUTED,
        claimed_by="c" * 2000,
        sources=(source,) * 30,
        conflicts=tuple(Claim(f"x{i}", "b" * 3000, Status.DENIED, "d" * 400) for i in range(30)),
        related=tuple(Suggestion(f"r{i}", "r" * 300) for i in range(40)),
        notice="n" * 3000,
    )


def test_embed_limits_hold_for_huge_replies() -> None:
    embed = reply_embed(_huge_reply())
    assert len(embed) <= TOTAL_LIMIT
    assert len(embed.title or "") <= 256 and len(embed.description or "") <= 4096
    assert len(embed.fields) <= 25
    assert all(
        len(f.name or "") <= 256 and len(f.value or "") <= FIELD_VALUE_LIMIT for f in embed.fields
    )
    assert len(embed.footer.text or "") <= 2048
    assert embed.title == "\u2696\ufe0f Disputed"


def test_a_huge_second_answer_is_trimmed_before_any_other_side() -> None:
    huge = _huge_reply()
    sides = tuple(Claim(f"y{i}", "e" * 3000, Status.RUMOR, "f" * 400) for i in range(30))
    second = SecondAnswer(
        "second", "s" * 300, "g" * 5000, Status.DISPUTED, "h" * 400, huge.sources, 0.8, sides
    )
    embed = reply_embed(dataclasses.replace(huge, second=second))
    assert len(embed) <= TOTAL_LIMIT and len(embed.fields) <= 25
    names = [f.name or "" for f in embed.fields]
    assert sum(n.startswith(OTHER_SIDE) for n in names) == 12  # both disputes, five and the rest
    assert any(n.startswith(f"{SECOND}: ") for n in names)
    assert (embed.description or "").endswith(SHORTENED)


def test_the_second_answer_has_its_status_claimant_and_sources() -> None:
    source = Source("s", "The memo", "BMW NA", SourceKind.OFFICIAL_STATEMENT)
    second = SecondAnswer(
        "memo", "What did the memo say?", "No more cars.", Status.FACT, "BMW NA", (source,), 0.9
    )
    reply = Reply("q", True, 1.0, "e", "First answer.", Status.RUMOR, "X", second=second)
    fields = {f.name: f.value for f in reply_embed(reply).fields}
    assert fields[f"{SECOND}: \u2705 Fact \u2014 BMW NA"] == "What did the memo say?: No more cars."
    assert "The memo" in (fields[f"{SECOND}: sources"] or "")


def test_decline_embed_limits() -> None:
    reply = Reply(
        question="z" * 100_000,
        answered=False,
        score=0.3,
        suggestions=tuple(Suggestion(f"s{i}", "s" * 500) for i in range(3)),
        notice="n" * 5000,
    )
    embed = reply_embed(reply)
    assert len(embed) <= TOTAL_LIMIT
    assert embed.description is not None and "I don't know that one" in embed.description


def test_neutralise_makes_echoes_inert() -> None:
    hostile = (
        "@everyone <@123456789012345678> <@&123456789012345678> <#123456789012345678>\n# h\n> q ```"
    )
    text = neutralise(hostile)
    assert "\n" not in text
    for raw in ("@everyone", "<@1", "<@&", "<#", "```"):
        assert raw not in text
    assert "\\# h" in text and "\\> q" in text
    assert neutralise("a" * 1000).endswith("\u2026") and len(neutralise("a" * 1000)) == 300


def test_plain_strips_controls_bidi_and_zalgo() -> None:
    zalgo = "Z" + "\u0301" * 50 + "a" + "\u0300\u0301\u0302\u0303"
    assert plain(zalgo) == "Z\u0301\u0301a\u0300\u0301"
    assert plain("evil\u202eright-to-left\u2066\x00\x1b[31m") == "evilright-to-left [31m"
    assert (
        plain("caf\u00e9 \u65e5\u672c \u0645\u0631\u062d\u0628\u0627")
        == "caf\u00e9 \u65e5\u672c \u0645\u0631\u062d\u0628\u0627"
    )


def test_source_links_only_for_web_urls() -> None:
    good = Source("s", "Title", "Outlet", SourceKind.ARTICLE, url="https://example.com/a")
    bad = Source("t", "Title", "Outlet", SourceKind.ARTICLE, url="javascript:alert(1)")
    reply = Reply("q", True, 1.0, "e", "answer", Status.FACT, "X", sources=(good, bad))
    value = next(f.value for f in reply_embed(reply).fields if f.name == "Sources") or ""
    assert "](https://example.com/a)" in value and "javascript" not in value


def test_suggestion_view_has_at_most_three_buttons() -> None:
    reply = Reply(
        "q", False, 0.3, suggestions=tuple(Suggestion(f"id-{i}", "x" * 200) for i in range(5))
    )
    view = suggestion_view(reply)
    assert view is not None and len(view.children) == 3
    labels = [c.item.label for c in view.children]  # type: ignore[attr-defined]
    assert all(label is not None and len(label) <= 80 for label in labels)
    assert suggestion_view(Reply("q", True, 1.0)) is None
    assert suggestion_view(Reply("q", False, 0.0)) is None


def _big_knowledge(entries: int, words: int) -> str:
    head = "sources:\n  - {id: s, title: T, outlet: O, kind: article}\nentries:\n"
    body = "".join(
        f"  - id: e{i}\n    questions: ['how many {' '.join([f'word{i}'] * words)} number {i}']\n"
        f"    answer: A{i}\n    status: fact\n    claimed_by: X\n    sources: [s]\n"
        for i in range(entries)
    )
    return head + body


def test_question_choices_respect_discord_limits() -> None:
    knowledge = parse_knowledge(_big_knowledge(60, 30), "big.yaml")
    choices = question_choices(knowledge, "how many")
    assert len(choices) == 25
    assert all(1 <= len(c) <= 100 for c in choices)
    (clipped,) = question_choices(knowledge, "word59")
    assert len(clipped) == 100 and clipped.endswith("\u2026")
    assert len(question_choices(knowledge, "")) == 25
    assert question_choices(knowledge, "nothing like this") == []


def test_question_choices_prefer_prefixes(fixture_service: KnowledgeService) -> None:
    choices = question_choices(fixture_service.knowledge, "dealer")
    assert choices == ["How many 1Ms does each dealer get?"]
    assert question_choices(fixture_service.knowledge, "HOW MANY 1ms IS")[0] == ANSWERED_Q


def test_peek_does_not_answer(fixture_service: KnowledgeService) -> None:
    before = fixture_service.stats.answered
    assert fixture_service.peek(ANSWERED_Q).confidence >= fixture_service.snapshot.matcher.threshold
    assert fixture_service.peek(DECLINED_Q).confidence < 0.5
    assert fixture_service.stats.answered == before  # peeks do not count as asks


def test_cooldown_window() -> None:
    now = [0.0]
    cooldown = UserCooldown(2, 10, clock=lambda: now[0])
    assert cooldown.hit(1) is None and cooldown.hit(1) is None
    first = cooldown.hit(1)
    assert first is not None and first.notify and first.retry_after == pytest.approx(10)
    now[0] = 4
    second = cooldown.hit(1)
    assert second is not None and not second.notify and second.retry_after == pytest.approx(6)
    assert cooldown.hit(2) is None  # another user
    now[0] = 10.5
    assert cooldown.hit(1) is None
    assert UserCooldown(0, 10).hit(1) is None  # rate 0 switches it off


def test_reload_texts() -> None:
    ok = ReloadResult(
        True,
        "/x/onem.yaml",
        5,
        2,
        added=("a",),
        removed=(),
        changed=tuple(f"c{i}" for i in range(20)),
    )
    text = reload_text(ok)
    assert text.startswith(
        "\u2705 Reloaded `onem.yaml`: 5 entries, 2 sources (1 added, 0 removed, 20 changed)."
    )
    assert "Added: `a`" in text and "and 5 more" in text and "Removed" not in text
    problems = tuple(Problem("/x/onem.yaml", i, "bad ```thing```") for i in range(1, 4))
    failed = reload_text(ReloadResult(False, "/x/onem.yaml", 5, 2, problems=problems))
    assert failed.count("/x/onem.yaml:") == 3 and failed.count("```") == 2  # fences neutralised
    long = ReloadResult(False, "/x/onem.yaml", 5, 2, problems=problems * 100)
    report = reload_report(long)
    assert len(report["content"]) <= MESSAGE_LIMIT and isinstance(report["file"], discord.File)


def test_expected_errors_have_short_messages() -> None:
    assert expected_message(NotAdmin()) == NOT_ADMIN
    assert expected_message(commands.NotOwner()) == "Sorry, only the bot's owner can do that."
    assert expected_message(app_commands.NoPrivateMessage()) is not None
    wrapped = commands.CommandInvokeError(NotAdmin())
    assert expected_message(wrapped) == NOT_ADMIN
    assert expected_message(RuntimeError("boom")) is None
