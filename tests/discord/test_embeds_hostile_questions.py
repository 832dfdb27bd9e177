"""Hostile questions through the Discord layer: embeds within Discord's limits, echoes inert.

Questions are those of ``test_service_hostile_questions`` (the corpus of ``nasty_questions.json``
and the hypothesis strategy) plus Discord's own syntax: mentions of everyone, users, roles,
channels and slash commands, timestamps, custom emoji, markdown, code fences, zalgo, bidi
controls, up to 120k characters. Each is asked as the bot asks (``clean_question`` then the
shipped service) and rendered by ``bot.discord.embeds``; the embed must

- stay within Discord's limits (title 256, description 4096, 25 fields of 256/1024, footer
  2048, 6000 in all), be valid UTF-8 and JSON, and hold no control characters;
- contain no raw mention anywhere, and echo the question on one line with every markup
  character escaped, no bidi control, no tower of combining marks, at most 300 characters;
- be, but for that one line, exactly the embed of the same reply to a blank question: the
  user's text can reach nothing else.

In SimCord, the corpus goes through a mention, ``!ask``, a DM and (a selection) ``/ask``: the
bot answers each message exactly once, with an embed, with ``allowed_mentions`` that ping
no one, and without an error; said plainly in a listened channel, it answers at most once,
likewise. Typed into ``/ask``, the same text autocompletes within Discord's limits.
"""

from __future__ import annotations

import dataclasses
import json
import re
import time
import unicodedata
from typing import Any

import discord
import pytest
from discord_kit import World, replies_by_message
from hardening_support import ANSWER_BOUND_S, FIGURES, PROFILE, describe
from hypothesis import example, given
from hypothesis import strategies as st
from test_service_hostile_questions import CORPUS, build, questions

from bot.core.knowledge.models import Source, SourceKind, Status
from bot.core.reply.replies import Claim, Reply, Suggestion
from bot.core.service import KnowledgeService
from bot.discord.answering import clean_question
from bot.discord.cooldown import UserCooldown
from bot.discord.embeds import ECHO_LIMIT, MAX_COMBINING, reply_embed
from bot.discord.lookup import question_choices
from bot.discord.views import suggestion_view

NO_PINGS = {"parse": [], "replied_user": False}
MARKUP = frozenset("\\*_~|`>#-[]()<@:")
"""Characters that can start markdown, a mention, a link, an emoji or a timestamp in Discord."""
PING = re.compile(r"@(?:everyone|here)|<@[!&]?\d+>", re.I)
"""What would ping if it were in a message's content (in an embed it renders as a mention)."""
RAW_MENTION = re.compile(r"@(?:everyone|here)|<@[!&]?\d+>|<#\d+>|</[^<>\s][^<>]*:\d+>", re.I)
BIDI = frozenset([*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C])
FORBIDDEN = frozenset(["Cc", "Cs", "Co", "Cn", "Zl", "Zp"])
IDLE = 0.002  # seconds SimCord waits for more bot work before it calls the bot settled

DISCORD_FRAGMENTS = (
    "@everyone", "@here", "@EVERYONE", "<@1234567890123456789>", "<@!1234567890123456789>",
    "<@&1234567890123456789>", "<#1234567890123456789>", "</kb reload:1234567890123456789>",
    "<t:1300000000:R>", "<:onem:1234567890123456789>", "<a:spin:1>", "\uff20everyone",
    "@\u200beveryone", "```", "```ansi\n\x1b[31m", "`", "**", "__", "~~", "||", "\\", "\\\\",
    "> ", ">>> ", "# ", "-# ", "- ", "1. ", "[x](https://evil.example)", "<https://x.example>",
    "https://x.example/_a_*b*", "\n", "\r\n", "\u2028", "\u202e", "\u2066", "\u200f", "\u0301",
    "\u0336" * 30, "\U0001f697", "How many 1Ms is the US getting?", "allocation", "1M",
)  # fmt: skip
discord_mixtures = st.lists(
    st.tuples(st.sampled_from(DISCORD_FRAGMENTS), st.sampled_from(["", " ", "\n", "x"])),
    max_size=60,
).map(lambda parts: "".join(p + s for p, s in parts))
discord_floods = st.builds(
    lambda unit, times: unit * times,
    st.sampled_from(DISCORD_FRAGMENTS),
    st.integers(min_value=1, max_value=20_000),
)
hostile = st.one_of(questions, discord_mixtures, discord_floods)


# --- checks ------------------------------------------------------------------------------------


def strings(embed: discord.Embed) -> list[str]:
    """Every piece of text an embed shows."""
    out = [embed.title or "", embed.description or "", embed.footer.text or ""]
    out += [embed.author.name or ""]
    for f in embed.fields:
        out += [f.name or "", f.value or ""]
    return out


def check_limits(embed: discord.Embed) -> None:
    """Discord's embed limits, valid UTF-8 and JSON, and no raw mention of anyone."""
    assert len(embed.title or "") <= 256
    assert len(embed.description or "") <= 4096
    assert len(embed.fields) <= 25
    for f in embed.fields:
        assert 1 <= len(f.name or "") <= 256 and 1 <= len(f.value or "") <= 1024, f
    assert len(embed.footer.text or "") <= 2048
    assert len(embed) <= 6000
    json.dumps(embed.to_dict(), ensure_ascii=False).encode("utf-8")  # no lone surrogates
    for text in strings(embed):
        assert not PING.search(text), describe(text)


def check_clean(embed: discord.Embed) -> None:
    """No mention of any kind, no control character: what an embed echoing a user shows."""
    for text in strings(embed):
        assert not RAW_MENTION.search(text), describe(text)
        assert not any(unicodedata.category(c) in FORBIDDEN and c != "\n" for c in text), describe(
            text
        )


def check_echo(echo: str) -> None:
    """The echoed question: one line, every markup character escaped, nothing invisible that
    reorders or stacks, at most ``ECHO_LIMIT`` characters once unescaped."""
    marks = visible = 0
    i = 0
    while i < len(echo):
        char = echo[i]
        if char == "\\":
            assert i + 1 < len(echo) and echo[i + 1] in MARKUP, f"a stray escape in {echo!a}"
            i, marks, visible = i + 2, 0, visible + 1
            continue
        assert char not in MARKUP, f"an unescaped {char!r} in {echo!a}"
        assert unicodedata.category(char) not in FORBIDDEN, f"{char!a} in {echo!a}"
        assert ord(char) not in BIDI, f"a bidi control in {echo!a}"
        marks = marks + 1 if unicodedata.category(char) in ("Mn", "Me") else 0
        assert marks <= MAX_COMBINING, f"zalgo in {echo!a}"
        visible += char != "\u200b"
        i += 1
    assert visible <= ECHO_LIMIT


def check_reply_embed(
    reply: Reply, embed: discord.Embed | None = None, blank: discord.Embed | None = None
) -> discord.Embed:
    """Check the embed of a reply (rendered here unless given) and everything the user's text
    could reach in it; ``blank`` is the embed of the same reply to a blank question."""
    embed = embed or reply_embed(reply)
    check_limits(embed)
    check_clean(embed)
    blank = blank or reply_embed(dataclasses.replace(reply, question=""))
    description = embed.description or ""
    if reply.question.strip():
        head, _, rest = description.partition("\n\n")
        assert head.startswith("**Q:** ") and "\n" not in head
        check_echo(head.removeprefix("**Q:** "))
        assert rest == blank.description, "the question changed the rest of the description"
    else:
        assert description == blank.description
    assert {**embed.to_dict(), "description": ""} == {**blank.to_dict(), "description": ""}
    view = suggestion_view(reply)
    if view is not None:
        rows = view.to_components()
        json.dumps(rows)
        buttons = [c for row in rows for c in row["components"]]
        assert len(rows) <= 5 and 1 <= len(buttons) <= 3
        assert all(1 <= len(b["label"]) <= 80 and len(b["custom_id"]) <= 100 for b in buttons)
    return blank


def ask_and_render(service: KnowledgeService, question: str) -> None:
    """Ask as the bot does, render, time both and check the result."""
    start = time.thread_time()
    reply = service.ask(clean_question(question))
    embed = reply_embed(reply)
    suggestion_view(reply)
    elapsed = time.thread_time() - start
    FIGURES.render_time(elapsed, question)
    assert elapsed < ANSWER_BOUND_S, f"{elapsed:.2f} s on {describe(question)}"
    blank = check_reply_embed(reply, embed)
    # even text the bot did not clean (mentions and all) renders inertly
    check_reply_embed(dataclasses.replace(reply, question=question), blank=blank)
    # typed into /ask (Discord sends at most 6,000 characters), it autocompletes within limits
    choices = question_choices(service.knowledge, question[:6000])
    assert len(choices) <= 25 and all(1 <= len(c) <= 100 for c in choices)


# --- the renderer ------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CORPUS, ids=[c["name"] for c in CORPUS])
def test_corpus_question_renders_safely(
    shipped_service: KnowledgeService, case: dict[str, Any]
) -> None:
    ask_and_render(shipped_service, build(case))


@PROFILE
@given(hostile)
@example("@everyone " * 12_000)
@example("\\" * 999 + "*")
@example("a\u0301\u0302\u0303\u0304" * 300 + "**bold**")
@example("```\n@everyone\n```" * 500)
@example("\u202e<@&1234567890123456789>\u202c How many 1Ms is the US getting?")
def test_any_question_renders_safely(shipped_service: KnowledgeService, question: str) -> None:
    ask_and_render(shipped_service, question)


def many(strategy: st.SearchStrategy[Any], most: int) -> st.SearchStrategy[tuple[Any, ...]]:
    """A couple of distinct items, or one item many times (cheap to draw, enough to overflow)."""
    return st.lists(strategy, max_size=2).map(tuple) | st.builds(
        lambda item, n: (item,) * n, strategy, st.integers(0, most)
    )


texts = (
    st.text(max_size=20)
    | st.sampled_from(DISCORD_FRAGMENTS)
    | st.builds(lambda unit, n: unit * n, st.sampled_from(DISCORD_FRAGMENTS), st.integers(1, 3000))
)
sources = st.builds(
    Source,
    id=st.sampled_from(["s", "t-1"]),
    title=texts,
    outlet=texts,
    kind=st.sampled_from(SourceKind),
    author=st.sampled_from([None, "A. Writer", "@everyone", "*" * 500]),
    date=st.sampled_from([None, "2011-02-01", "<t:1:R>"]),
    url=st.sampled_from([None, "https://example.com/a", "javascript:alert(1)", "x", "h" * 600]),
)
suggestions = st.builds(Suggestion, st.sampled_from(["e", "e-2", "x" * 80, "Bad Id"]), texts)
replies = st.builds(
    Reply,
    question=st.sampled_from(DISCORD_FRAGMENTS) | discord_floods,
    answered=st.booleans(),
    score=st.floats(0, 1),
    entry_id=st.just("e"),
    answer=texts,
    status=st.sampled_from(Status),
    claimed_by=texts,
    sources=many(sources, 30),
    conflicts=many(st.builds(Claim, st.just("c"), texts, st.sampled_from(Status), texts), 30),
    related=many(suggestions, 40),
    suggestions=many(suggestions, 8),
    notice=st.none() | texts,
)


@PROFILE
@given(replies)
def test_any_reply_fits_in_one_embed(reply: Reply) -> None:
    """Whatever the knowledge says (it is curated, but long or odd), the embed fits and the
    knowledge's own text pings no one."""
    embed = reply_embed(reply)
    check_limits(embed)
    view = suggestion_view(reply)
    if view is not None:
        assert len(view.children) <= 3


# --- the bot in SimCord ------------------------------------------------------------------------


def sendable(text: str) -> bool:
    """Whether Discord would deliver this as a message: not blank, at most 2000 characters
    with room for a prefix or a mention, valid UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return bool(text.strip()) and len(text) <= 1_950


SENDABLE = [c for c in CORPUS if sendable(build(c))]
SLASHED = [  # the nastiest, through /ask as well (each slash command is a SimCord round trip)
    "@everyone", "mentions around a real question", "fence breakout", "quotes", "zalgo question",
    "RTL override reversing a mention", "markdown styles", "escaped markdown", "headers and lists",
    "masked link", "999 nines", "1000 backticks",
]  # fmt: skip


def check_posted_answer(bodies: list[dict[str, Any]], what: str) -> None:
    """One reply, an embed and nothing else, that pings no one and passes the embed checks."""
    assert len(bodies) == 1, f"{len(bodies)} replies to {what}"
    (body,) = bodies
    assert body["allowed_mentions"] == NO_PINGS, what
    assert not body.get("content"), what
    (raw,) = body["embeds"]
    embed = discord.Embed.from_dict(raw)
    check_limits(embed)
    check_clean(embed)
    head = (embed.description or "").partition("\n\n")[0]
    if head.startswith("**Q:** "):
        check_echo(head.removeprefix("**Q:** "))


@pytest.fixture
def shipped_bot(world: World, shipped_service: KnowledgeService) -> World:
    """The world's bot serving the shipped knowledge, without its cooldown (tested elsewhere)."""
    world.bot.service = KnowledgeService(
        shipped_service.snapshot, max_question_chars=world.bot.settings.max_question_chars
    )
    world.bot.cooldowns = UserCooldown(0, 60.0)
    return world


async def test_nasty_messages_are_answered_once_without_pings(shipped_bot: World) -> None:
    world = shipped_bot
    env, mention = world.env, world.bot.user.mention
    role = world.guild.create_role("fans")
    pings = f"@everyone @here <@&{role.id}> {world.bob.mention} <#{world.general.id}> "
    texts = [build(c) for c in SENDABLE] + [(pings * 40)[:1_950]]
    dm = env.backend.get_dm_channel(world.outsider.id)
    start = len(env.http_requests)
    asked: dict[int, str] = {}
    overheard: dict[int, str] = {}  # plain messages in a listened channel: answered or not
    for text in texts:
        for channel_id, author, content, path in (
            (world.general.id, world.alice.id, f"{mention} {text}", "mention"),
            (world.general.id, world.bob.id, f"!ask {text}", "!ask"),
            (dm.id, world.outsider.id, text, "DM"),
            (world.listened.id, world.bob.id, text, "listened"),
        ):
            if path in ("DM", "listened") and text.startswith(world.bot.settings.prefix):
                continue  # a message that starts with the prefix is a command attempt
            message = env.backend.create_message(channel_id, author, content)
            (overheard if path == "listened" else asked)[message.id] = f"{path} {describe(text)}"
    await env.settle(idle=IDLE)
    replies = replies_by_message(world, start)
    for message_id, what in asked.items():
        check_posted_answer(replies.get(message_id, []), what)
    for message_id, what in overheard.items():
        if message_id in replies:  # answered only when confident, and then like any answer
            check_posted_answer(replies[message_id], what)
    assert set(replies) <= set(asked) | set(overheard)  # nothing else was posted
    assert set(asked) <= set(replies)
    assert env.errors == []
    FIGURES.bot_messages += len(asked) + len(overheard)


async def test_nasty_slash_asks_are_answered_once_without_pings(shipped_bot: World) -> None:
    world = shipped_bot
    for name in SLASHED:
        (case,) = [c for c in CORPUS if c["name"] == name]
        text = build(case)
        start = len(world.env.http_requests)
        result = await world.alice.slash(world.general, "ask", question=text)
        assert result.response is not None and not result.ephemeral, name
        (callback,) = [r for r in world.env.http_requests[start:] if r.path.endswith("/callback")]
        data = callback.json["data"]
        assert data["allowed_mentions"] == {"parse": []} and not data.get("content")  # no reply
        (embed,) = result.response.embeds
        check_limits(embed)
        check_clean(embed)
        check_echo((embed.description or "").partition("\n\n")[0].removeprefix("**Q:** "))
    assert world.env.errors == []
    FIGURES.bot_messages += len(SLASHED)
