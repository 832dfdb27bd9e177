"""Asking through SimCord: mention, !ask, /ask, autocomplete, buttons, cooldowns, listening."""

from __future__ import annotations

from pathlib import Path

import discord
import pytest
import simcord
from discord_kit import ANSWERED_Q, DECLINED_Q, OFFTOPIC_Q, World, rewrite, without_entry

from bot.discord.answering import clean_question
from bot.discord.client import OnemBot
from bot.discord.embeds import neutralise


def _fields(embed: discord.Embed) -> dict[str, str]:
    return {f.name or "": f.value or "" for f in embed.fields}


def _last_post(world: World) -> dict:
    posts = world.requests("POST", "/messages")
    assert posts, "the bot sent no message"
    return posts[-1].json


def assert_full_answer(embed: discord.Embed) -> None:
    """Check the us-allocation answer: badge, answer, claimant, sources, other side, related."""
    assert embed.title == "\U0001f4ac Rumor"
    assert "about 740 cars would come to the US" in (embed.description or "")
    fields = _fields(embed)
    assert fields["Claimed by"] == "Test Blog"
    assert "BMW 1M Production Rumors" in fields["Source"]
    assert "(https://example.com/1m-rumors)" in fields["Source"]
    other = next(name for name in fields if name.startswith("The other side"))
    assert "Denied" in other and "BMW NA" in other
    assert "not final" in fields[other]
    assert "How many 1Ms does each dealer get?" in fields["Related"]
    assert embed.footer.text is not None and embed.footer.text.startswith("Confidence ")


async def test_mention_replies_with_the_answer_embed(world: World) -> None:
    asked = await world.alice.send(world.general, f"{world.bot.user.mention} {ANSWERED_Q}")
    reply = world.general.last_message
    assert reply.author.id == world.bot.user.id
    assert reply.reference is not None and reply.reference.message_id == asked.id
    assert reply.content == ""
    assert_full_answer(reply.embeds[0])
    body = _last_post(world)
    assert body["allowed_mentions"] == {"parse": [], "replied_user": False}
    assert body["message_reference"]["message_id"] == asked.id


async def test_prefix_ask_uses_the_same_reply(world: World) -> None:
    asked = await world.alice.send(world.general, f"!ask {ANSWERED_Q}")
    reply = world.general.last_message
    assert reply.reference is not None and reply.reference.message_id == asked.id
    assert_full_answer(reply.embeds[0])
    assert _last_post(world)["allowed_mentions"] == {"parse": [], "replied_user": False}


async def test_slash_ask_answers_publicly(world: World) -> None:
    result = await world.alice.slash(world.general, "ask", question=ANSWERED_Q)
    assert result.response is not None and not result.ephemeral
    assert_full_answer(result.response.embeds[0])


@pytest.mark.parametrize(
    "status, question",
    [
        ("\u2705 Fact", "How many 1M Coupes will BMW build in total?"),
        ("\u26d4 Denied", "Did BMW deny the US allocation number?"),
        ("\U0001f4ad Opinion", "When does 1M production end?"),
        ("\u2696\ufe0f Disputed", "How much horsepower does the 1M engine make?"),
    ],
)
async def test_every_status_has_its_badge(world: World, status: str, question: str) -> None:
    result = await world.alice.slash(world.general, "ask", question=question)
    assert result.response is not None
    assert result.response.embeds[0].title == status


async def test_mentions_and_markdown_in_questions_stay_inert(world: World) -> None:
    role = world.guild.create_role("fans")
    junk = f"@everyone @here <@&{role.id}> {world.bob.mention} **bold** ```x``` > # hi\n# big"
    await world.alice.send(world.general, f"{world.bot.user.mention} {junk}")
    reply = world.general.last_message
    assert reply.reference is not None
    assert _last_post(world)["allowed_mentions"] == {"parse": [], "replied_user": False}
    description = reply.embeds[0].description or ""
    first_line = description.split("\n")[0]
    assert first_line.startswith("**Q:** ")  # the echo stays on one line: no breaking out
    for raw in ("@everyone", "@here", f"<@&{role.id}>", world.bob.mention, "**bold**", "```"):
        assert raw not in description
    assert "\\*\\*bold\\*\\*" in first_line and "\\# big" in first_line
    assert reply.mentions == [] and not reply.mention_everyone and reply.role_mentions == []


async def test_mentions_do_not_dilute_the_question(world: World) -> None:
    role = world.guild.create_role("fans")
    emoji = "<:onem:123456789012345678>"
    noise = f"@everyone <@&{role.id}> {world.bob.mention} <#{world.general.id}> {emoji}"
    await world.alice.send(world.general, f"{world.bot.user.mention} {noise} {ANSWERED_Q}")
    embed = world.general.last_message.embeds[0]
    assert embed.footer.text == f"Confidence {world.bot.service.peek(ANSWERED_Q).confidence:.0%}"
    assert (embed.description or "").startswith(f"**Q:** {neutralise(ANSWERED_Q)}\n")


def test_clean_question() -> None:
    assert clean_question("<@1234> hi <@!5> <@&6> <#7> @everyone @HERE <a:x:9> there") == "hi there"
    assert clean_question("mail me @ home, user@example.com") == "mail me @ home, user@example.com"


async def test_markdown_and_mentions_in_answers_are_escaped(world: World) -> None:
    await world.alice.send(world.general, "!ask How much horsepower does the 1M engine make?")
    description = world.general.last_message.embeds[0].description or ""
    assert "@\u200beveryone agrees" in description and "\\*Not\\*" in description


async def test_decline_offers_buttons_that_answer(world: World) -> None:
    await world.alice.send(world.general, f"!ask {DECLINED_Q}")
    reply = world.general.last_message
    embed = reply.embeds[0]
    assert "I don't know that one" in (embed.description or "")
    buttons = [c for row in reply.components for c in row.children]
    assert 1 <= len(buttons) <= 3
    assert [b.custom_id for b in buttons] == [
        "onem:entry:engine-power",
        "onem:entry:us-allocation",
        "onem:entry:production-end",
    ]
    result = await world.alice.click(reply, label="How many 1Ms is the US getting?")
    assert result.response is not None and not result.ephemeral  # the asker's choice: public
    assert_full_answer(result.response.embeds[0])


async def test_offtopic_decline_has_no_buttons(world: World) -> None:
    await world.alice.send(world.general, f"!ask {OFFTOPIC_Q}")
    reply = world.general.last_message
    assert "I don't know that one" in (reply.embeds[0].description or "")
    assert reply.components == []


async def test_slash_decline_buttons_work(world: World) -> None:
    result = await world.alice.slash(world.general, "ask", question=DECLINED_Q)
    assert result.response is not None
    pressed = await world.alice.click(result.response, custom_id="onem:entry:production-end")
    assert pressed.response is not None
    assert pressed.response.embeds[0].title == "\U0001f4ad Opinion"


async def test_button_for_a_removed_entry_explains_ephemerally(
    world: World, knowledge_file: Path
) -> None:
    await world.alice.send(world.general, f"!ask {DECLINED_Q}")
    reply = world.general.last_message
    rewrite(knowledge_file, lambda t: without_entry(t, "production-end", "engine-power"))
    await world.id_admin.slash(world.general, "kb reload")
    pressed = await world.alice.click(reply, custom_id="onem:entry:production-end")
    assert pressed.ephemeral
    assert pressed.response is not None and "no longer" in pressed.response.content


async def test_autocomplete_offers_known_questions(world: World) -> None:
    choices = await world.alice.autocomplete(world.general, "ask", "question", "how many")
    names = [c["name"] for c in choices]
    assert names[:2] == ["How many 1Ms is the US getting?", "How many 1Ms does each dealer get?"]
    assert all(c["name"] == c["value"] for c in choices)
    assert await world.alice.autocomplete(world.general, "ask", "question", "zzzz") == []
    everything = await world.alice.autocomplete(world.general, "ask", "question", "")
    assert len(everything) == 8  # every phrasing, each entry's first phrasing first
    assert everything[5]["name"] == "How much horsepower does the 1M engine make?"


@pytest.mark.settings(max_question_chars=50)
async def test_long_question_is_cut_with_a_note(world: World) -> None:
    await world.alice.send(world.general, "!ask " + ANSWERED_Q + " please" * 40)
    embed = world.general.last_message.embeds[0]
    assert "I read only the first 50" in _fields(embed)["Note"]
    assert len(embed.description or "") < 1000


async def test_ask_without_a_question_shows_usage(world: World) -> None:
    await world.alice.send(world.general, "!ask")
    assert world.general.last_message.content == "Usage: `!ask <question>`"
    assert [type(e).__name__ for e in world.env.errors] == ["MissingRequiredArgument"]


async def test_bare_mention_explains(world: World) -> None:
    await world.alice.send(world.general, world.bot.user.mention)
    embed = world.general.last_message.embeds[0]
    assert "Ask me something" in _fields(embed)["Note"]


async def test_help(world: World) -> None:
    await world.alice.send(world.general, "!help")
    assert "/ask" in world.general.last_message.content


async def test_direct_messages_are_questions(world: World) -> None:
    await world.outsider.send_dm(ANSWERED_Q)
    reply = world.outsider.dm_channel.last_message
    assert reply.author.id == world.bot.user.id
    assert_full_answer(reply.embeds[0])


async def test_other_bots_are_ignored(world: World) -> None:
    robot = world.guild.add_member(world.env.create_user("robot", bot=True))
    before = len(world.general.history())
    await robot.send(world.general, f"{world.bot.user.mention} {ANSWERED_Q}")
    assert len(world.general.history()) == before + 1


async def test_listened_channel_answers_only_when_confident(world: World) -> None:
    before = len(world.listened.history())
    await world.alice.send(world.listened, "anyone going to the track day on saturday?")
    await world.alice.send(world.listened, OFFTOPIC_Q)
    await world.alice.send(world.listened, DECLINED_Q)  # a weak match: still silent
    assert len(world.listened.history()) == before + 3
    asked = await world.alice.send(world.listened, ANSWERED_Q)
    reply = world.listened.last_message
    assert reply.author.id == world.bot.user.id
    assert reply.reference is not None and reply.reference.message_id == asked.id
    assert_full_answer(reply.embeds[0])


async def test_unlistened_channel_stays_silent(world: World) -> None:
    before = len(world.general.history())
    await world.alice.send(world.general, ANSWERED_Q)
    assert len(world.general.history()) == before + 1


@pytest.mark.settings(cooldown_rate=2, cooldown_per_seconds=60)
async def test_cooldown_is_per_user_and_notifies_once(world: World) -> None:
    for _ in range(2):
        await world.alice.send(world.general, f"!ask {ANSWERED_Q}")
        assert world.general.last_message.embeds
    await world.alice.send(world.general, f"!ask {ANSWERED_Q}")
    notice = world.general.last_message
    assert notice.content.startswith("You're asking quickly; try again in ")
    count = len(world.general.history())
    await world.alice.send(world.general, f"{world.bot.user.mention} {ANSWERED_Q}")
    assert len(world.general.history()) == count + 1  # still cooling down: no second notice
    await world.bob.send(world.general, f"!ask {ANSWERED_Q}")
    assert world.general.last_message.embeds  # others are unaffected
    slash = await world.alice.slash(world.general, "ask", question=ANSWERED_Q)
    assert slash.ephemeral and slash.response is not None
    assert slash.response.content.startswith("You're asking quickly")
    await world.env.advance_time(61)
    await world.alice.send(world.general, f"!ask {ANSWERED_Q}")
    assert world.general.last_message.embeds


@pytest.mark.settings(cooldown_rate=1, cooldown_per_seconds=30)
async def test_cooldown_covers_buttons(world: World) -> None:
    await world.alice.send(world.general, f"!ask {DECLINED_Q}")
    reply = world.general.last_message
    pressed = await world.alice.click(reply, custom_id="onem:entry:us-allocation")
    assert pressed.ephemeral and pressed.response is not None
    assert pressed.response.content.startswith("You're asking quickly")


async def test_unexpected_error_apologises_and_logs(
    world: World, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(question: str) -> object:
        raise RuntimeError("matcher exploded")

    monkeypatch.setattr(world.bot.service, "ask", broken)
    result = await world.alice.slash(world.general, "ask", question=ANSWERED_Q)
    assert result.ephemeral and result.response is not None
    assert result.response.content.startswith("Sorry, something went wrong on my side.")
    assert "exploded" not in result.response.content
    await world.alice.send(world.general, f"!ask {ANSWERED_Q}")
    assert world.general.last_message.content.startswith("Sorry, something went wrong")
    await world.alice.send(world.general, f"{world.bot.user.mention} {ANSWERED_Q}")
    assert world.general.last_message.content.startswith("Sorry, something went wrong")
    errors = [r for r in caplog.records if r.levelname == "ERROR" and r.name == "bot.discord"]
    assert len(errors) == 3 and all(r.exc_info for r in errors)
    caplog.clear()  # expected: the ERROR records were the point of this test
    assert len(world.env.errors) == 2  # SimCord saw the slash and prefix failures


async def test_error_after_deferring_is_sent_once_as_the_followup(
    world: World, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken() -> object:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(world.bot, "reload_knowledge", broken)
    result = await world.id_admin.slash(world.general, "kb reload")
    assert result.response is not None and result.ephemeral
    assert result.response.content.startswith("Sorry, something went wrong on my side.")
    callbacks = world.requests("POST", "/callback")
    assert len(callbacks) == 1 and callbacks[0].json["type"] == 5  # deferred, then one followup
    followups = world.requests("POST", "/webhooks/")
    assert len(followups) == 1 and followups[0].json["flags"] == 64
    caplog.clear()
    assert len(world.env.errors) == 1


@pytest.mark.simcord(shard_count=2)
@pytest.mark.settings(shard_count=2)
async def test_sharded_bot_answers_on_every_shard(simcord_env: simcord.Env, bot: OnemBot) -> None:
    assert isinstance(bot, discord.AutoShardedClient)
    for shard in (0, 1):
        guild = simcord_env.create_guild(f"shard {shard}", shard_id=shard)
        channel = guild.create_text_channel("general")
        member = guild.add_member(simcord_env.create_user(f"user{shard}"))
        await member.send(channel, f"!ask {ANSWERED_Q}")
        assert channel.last_message.embeds[0].title == "\U0001f4ac Rumor"


async def test_missing_send_permission_is_a_warning_not_a_crash(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    muted = world.guild.create_text_channel(
        "read-only", overwrites={world.bot.user: discord.PermissionOverwrite(send_messages=False)}
    )
    await world.alice.send(muted, f"{world.bot.user.mention} {ANSWERED_Q}")
    await world.alice.send(muted, f"!ask {ANSWERED_Q}")
    assert len(muted.history()) == 2  # only alice's messages
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert sum("Missing permissions in channel" in w for w in warnings) == 2
    assert [type(e).__name__ for e in world.env.errors] == ["CommandInvokeError"]


FOLLOW_UP = "who said that?"


async def _ask(world: World, who: simcord.MemberActor, where: simcord.ChannelHandle, text: str):
    await who.send(where, f"{world.bot.user.mention} {text}")
    return where.last_message.embeds[0]


async def test_a_follow_up_is_read_against_the_askers_last_answer(world: World) -> None:
    await _ask(world, world.alice, world.general, ANSWERED_Q)
    embed = await _ask(world, world.alice, world.general, FOLLOW_UP)
    assert _fields(embed)["About"] == "How many 1Ms is the US getting?"
    assert _fields(embed)["Claimed by"] == "Test Blog"


async def test_follow_ups_work_in_threads_and_dms(world: World) -> None:
    world.env.backend.create_thread(world.general.id, "1m chat", world.alice.id)
    (thread,) = world.general.threads
    await _ask(world, world.alice, thread, ANSWERED_Q)
    embed = await _ask(world, world.alice, thread, FOLLOW_UP)
    assert "About" in _fields(embed)
    await world.outsider.send_dm(ANSWERED_Q)
    await world.outsider.send_dm(FOLLOW_UP)
    embed = world.outsider.dm_channel.last_message.embeds[0]
    assert "About" in _fields(embed)
    assert _fields(embed)["Claimed by"] == "Test Blog"


async def test_contexts_never_leak_between_users_or_channels(world: World) -> None:
    await _ask(world, world.alice, world.general, ANSWERED_Q)
    other_user = await _ask(world, world.bob, world.general, FOLLOW_UP)
    assert other_user.title is not None and "Not sure" in other_user.title
    other_channel = await _ask(world, world.alice, world.admin_channel, FOLLOW_UP)
    assert other_channel.title is not None and "Not sure" in other_channel.title
    await world.outsider.send_dm(FOLLOW_UP)  # a DM is a conversation of its own
    dm = world.outsider.dm_channel.last_message.embeds[0]
    assert dm.title is not None and "Not sure" in dm.title


async def test_the_answer_before_the_last_never_leaks_between_users_or_channels(
    world: World,
) -> None:
    back = "go back to the one before that, who said it"
    await _ask(world, world.alice, world.general, ANSWERED_Q)
    await _ask(world, world.alice, world.general, "How many 1Ms does each dealer get?")
    await _ask(world, world.bob, world.general, "How many 1Ms does each dealer get?")
    other_user = await _ask(world, world.bob, world.general, back)
    assert _fields(other_user).get("About") != "How many 1Ms is the US getting?"
    await _ask(world, world.alice, world.admin_channel, "How many 1Ms does each dealer get?")
    other_channel = await _ask(world, world.alice, world.admin_channel, back)
    assert _fields(other_channel).get("About") != "How many 1Ms is the US getting?"
    own = await _ask(world, world.alice, world.general, back)
    assert _fields(own)["About"] == "How many 1Ms is the US getting?"


async def test_slash_ask_follows_up_too(world: World) -> None:
    await world.alice.slash(world.general, "ask", question=ANSWERED_Q)
    await world.alice.slash(world.general, "ask", question=FOLLOW_UP)
    embed = world.general.last_message.embeds[0]
    assert "About" in _fields(embed)


async def test_a_follow_up_the_sources_cannot_answer_says_why_in_a_note(world: World) -> None:
    await _ask(world, world.alice, world.general, "How many 1Ms does each dealer get?")
    embed = await _ask(world, world.alice, world.general, "link?")
    assert embed.title is not None and "Not sure" in embed.title
    assert _fields(embed)["Note"].startswith("I have no link for 'How many 1Ms does each dealer")
    await _ask(world, world.alice, world.general, ANSWERED_Q)  # its article has a link
    linked = await _ask(world, world.alice, world.general, "link?")
    assert _fields(linked)["About"] == "How many 1Ms is the US getting?"
    assert "Note" not in _fields(linked)


SMALL_TALK = """
smalltalk:
  - kind: greeting
    phrasings: [hi, hello, hey]
    reply: Hi! Ask me about 1M production.
  - kind: thanks
    phrasings: [thanks, thx]
    reply: Any time.
"""


def _with_small_talk(world: World) -> None:
    path = world.bot.service.knowledge.path
    rewrite(Path(path), lambda text: text.replace("\nsources:", SMALL_TALK + "\nsources:", 1))
    assert world.bot.service.reload().ok


async def test_small_talk_gets_the_knowledge_files_reply(world: World) -> None:
    _with_small_talk(world)
    embed = await _ask(world, world.alice, world.general, "hi")
    assert (embed.description or "").endswith("\n\nHi! Ask me about 1M production.")
    assert "How many 1Ms is the US getting?" in _fields(embed)["Try asking"]
    thanks = await _ask(world, world.alice, world.general, "thanks!")
    assert (thanks.description or "").endswith("Any time.") and not thanks.fields


async def test_small_talk_is_never_volunteered_in_listened_channels(world: World) -> None:
    _with_small_talk(world)
    before = len(world.listened.history())
    await world.alice.send(world.listened, "hello")
    await world.alice.send(world.listened, "thanks")
    await world.alice.send(world.listened, ANSWERED_Q)
    assert len(world.listened.history()) == before + 4  # alice's three and one answer
