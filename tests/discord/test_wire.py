"""The wire: the real bot against a fake Discord on loopback, asserting what crosses it."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from discord_kit import ANSWERED_Q, DECLINED_Q
from fake_discord import (
    ADMIN_ID,
    ADMIN_ROLE,
    ALICE_ID,
    APP_ID,
    BOT_ID,
    CHANNEL_ID,
    GUILD_ID,
    OWNER_ID,
    FakeDiscord,
    serve_in_thread,
)

from bot.core.service import KnowledgeService
from bot.discord.client import OnemBot, create_bot
from bot.discord.runner import run_from_config
from bot.discord.settings import Settings
from bot.store.unanswered import UnansweredLog

EXPECTED_INTENTS = (1 << 0) | (1 << 9) | (1 << 12) | (1 << 15)  # guilds, messages, DMs, content
NO_PINGS = {"parse": [], "replied_user": False}


@pytest.fixture
async def live_bot(
    fake: FakeDiscord, settings: Settings, service: KnowledgeService, unanswered: UnansweredLog
) -> AsyncIterator[OnemBot]:
    """Run the bot against the fake until it is ready; close it afterwards."""
    settings = dataclasses.replace(
        settings,
        owner_ids=frozenset({OWNER_ID}),
        admin_role_ids=frozenset({ADMIN_ROLE}),
        admin_user_ids=frozenset({ADMIN_ID}),
    )
    bot = create_bot(settings, service, unanswered, guild_ready_timeout=0.05)
    task = asyncio.create_task(bot.start(settings.token))
    await asyncio.wait_for(bot.wait_until_ready(), 10)
    yield bot
    await bot.close()
    await asyncio.wait_for(task, 10)


async def _posts(fake: FakeDiscord, count: int) -> list:
    return await fake.wait_for(
        lambda: (
            (found := fake.find("POST", f"/channels/{CHANNEL_ID}/messages"))
            and len(found) >= count
            and found
        )
    )


async def test_identify_asks_for_message_content(fake: FakeDiscord, live_bot: OnemBot) -> None:
    (identify,) = fake.frames(2)
    assert identify["d"]["intents"] == EXPECTED_INTENTS
    assert identify["d"]["token"] == "test-token-not-real"
    me = fake.find("GET", "/users/@me")[0]
    assert me.headers["Authorization"] == "Bot test-token-not-real"
    assert fake.find("PUT", "/commands") == []  # no sync on start


async def test_owner_sync_registers_the_command_set(fake: FakeDiscord, live_bot: OnemBot) -> None:
    await fake.dispatch(
        "MESSAGE_CREATE", fake.message("!sync global", author_id=OWNER_ID, author_name="owner")
    )
    (put,) = await fake.wait_for(lambda: fake.find("PUT", f"/applications/{APP_ID}/commands"))
    commands = {c["name"]: c for c in put.json}
    assert sorted(commands) == ["Ask onem-bot about this message", "ask", "kb"]
    ask, kb = commands["ask"], commands["kb"]
    assert ask["type"] == 1 and ask["default_member_permissions"] is None
    assert sorted(ask["contexts"]) == [0, 1]  # servers and DMs with the bot
    (question,) = ask["options"]
    assert {k: question[k] for k in ("name", "type", "required", "autocomplete")} == {
        "name": "question",
        "type": 3,
        "required": True,
        "autocomplete": True,
    }
    assert (question["min_length"], question["max_length"]) == (1, 1000)
    # members do not even see /kb: it asks for Manage Server by default, servers only
    assert int(kb["default_member_permissions"]) == 1 << 5 and kb["contexts"] == [0]
    subcommands = {o["name"]: o for o in kb["options"]}
    assert sorted(subcommands) == ["health", "reload", "review", "stats", "unanswered"]
    assert all(o["type"] == 1 for o in subcommands.values())
    count = subcommands["unanswered"]["options"][0]
    assert [count[k] for k in ("name", "type", "min_value", "max_value")] == ["count", 4, 1, 25]
    posts = await _posts(fake, 1)
    assert posts[-1].json["content"].startswith("Synced 3 command(s) globally")


async def test_non_owner_cannot_sync(fake: FakeDiscord, live_bot: OnemBot) -> None:
    await fake.dispatch(
        "MESSAGE_CREATE", fake.message("!sync global", author_id=ADMIN_ID, roles=[ADMIN_ROLE])
    )
    posts = await _posts(fake, 1)
    assert posts[-1].json["content"] == "Sorry, only the bot's owner can do that."
    assert fake.find("PUT", "/commands") == []


async def test_mention_reply_body(fake: FakeDiscord, live_bot: OnemBot) -> None:
    asked = fake.message(f"<@{BOT_ID}> {ANSWERED_Q} @everyone", mentions=[BOT_ID])
    await fake.dispatch("MESSAGE_CREATE", asked)
    (post,) = await _posts(fake, 1)
    body = post.json
    assert body["allowed_mentions"] == NO_PINGS
    assert body["message_reference"]["message_id"] == int(asked["id"])
    assert body["message_reference"]["channel_id"] == CHANNEL_ID
    assert body["message_reference"]["guild_id"] == GUILD_ID
    assert "content" not in body or not body["content"]
    (embed,) = body["embeds"]
    assert embed["title"] == "\U0001f4ac Rumor"
    assert "about 740 cars" in embed["description"] and "everyone" not in embed["description"]
    assert [f["name"] for f in embed["fields"]][:2] == ["Claimed by", "Source"]
    plain = live_bot.service.peek(ANSWERED_Q).confidence  # the mentions did not dilute the match
    assert embed["footer"]["text"] == f"Confidence {plain:.0%}"
    assert post.headers["Authorization"] == "Bot test-token-not-real"


async def test_decline_body_carries_buttons(fake: FakeDiscord, live_bot: OnemBot) -> None:
    await fake.dispatch("MESSAGE_CREATE", fake.message(f"!ask {DECLINED_Q}"))
    (post,) = await _posts(fake, 1)
    (row,) = post.json["components"]
    assert [b["custom_id"] for b in row["components"]] == [
        "onem:entry:engine-power",
        "onem:entry:us-allocation",
        "onem:entry:production-end",
    ]
    assert all(b["type"] == 2 and b["style"] == 2 for b in row["components"])
    assert post.json["allowed_mentions"] == NO_PINGS


async def test_slash_ask_callback(fake: FakeDiscord, live_bot: OnemBot) -> None:
    option = {"name": "question", "type": 3, "value": ANSWERED_Q}
    await fake.dispatch("INTERACTION_CREATE", fake.interaction("ask", [option]))
    (callback,) = await fake.wait_for(lambda: fake.find("POST", "/callback"))
    assert callback.query == {"with_response": "1"}
    assert "Authorization" not in callback.headers
    assert callback.json["type"] == 4  # CHANNEL_MESSAGE_WITH_SOURCE
    data = callback.json["data"]
    assert not int(data.get("flags") or 0) & 64  # answers are public
    assert data["allowed_mentions"] == {"parse": []}
    assert data["embeds"][0]["title"] == "\U0001f4ac Rumor"


async def test_refusal_is_an_ephemeral_callback(fake: FakeDiscord, live_bot: OnemBot) -> None:
    await fake.dispatch(
        "INTERACTION_CREATE", fake.interaction("kb", [{"name": "reload", "type": 1, "options": []}])
    )
    (callback,) = await fake.wait_for(lambda: fake.find("POST", "/callback"))
    assert callback.json["type"] == 4
    assert int(callback.json["data"]["flags"]) & 64
    assert callback.json["data"]["content"] == "Sorry, only the bot's admins can do that."


async def test_admin_reload_defers_ephemerally_then_follows_up(
    fake: FakeDiscord, live_bot: OnemBot
) -> None:
    interaction = fake.interaction(
        "kb", [{"name": "reload", "type": 1, "options": []}], user_id=ADMIN_ID, roles=[ADMIN_ROLE]
    )
    await fake.dispatch("INTERACTION_CREATE", interaction)
    (callback,) = await fake.wait_for(lambda: fake.find("POST", "/callback"))
    assert callback.json["type"] == 5  # DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
    assert int(callback.json["data"]["flags"]) & 64
    (followup,) = await fake.wait_for(
        lambda: fake.find("POST", f"/webhooks/{APP_ID}/{interaction['token']}")
    )
    assert followup.json["content"].startswith("\u2705 Reloaded `onem.yaml`")
    assert int(followup.json["flags"]) & 64


async def test_autocomplete_callback(fake: FakeDiscord, live_bot: OnemBot) -> None:
    option = {"name": "question", "type": 3, "value": "how many", "focused": True}
    await fake.dispatch("INTERACTION_CREATE", fake.interaction("ask", [option], kind=4))
    (callback,) = await fake.wait_for(lambda: fake.find("POST", "/callback"))
    assert callback.json["type"] == 8  # APPLICATION_COMMAND_AUTOCOMPLETE_RESULT
    choices = callback.json["data"]["choices"]
    assert 1 <= len(choices) <= 25 and all(len(c["name"]) <= 100 for c in choices)
    assert choices[0] == {"name": ANSWERED_Q, "value": ANSWERED_Q}


async def test_answers_again_after_reconnect_and_resume(
    fake: FakeDiscord, live_bot: OnemBot
) -> None:
    await fake.dispatch("MESSAGE_CREATE", fake.message(f"!ask {ANSWERED_Q}"))
    await _posts(fake, 1)
    await fake.request_reconnect()
    (resume,) = await fake.wait_for(lambda: fake.frames(6))
    assert resume["d"]["session_id"] == "fake-session-1"
    assert resume["d"]["token"] == "test-token-not-real"
    assert resume["d"]["seq"] >= 2
    assert fake.connections == 2 and len(fake.frames(2)) == 1  # resumed, not re-identified
    await fake.dispatch("MESSAGE_CREATE", fake.message(f"!ask {ANSWERED_Q}", author_id=ALICE_ID))
    posts = await _posts(fake, 2)
    assert posts[-1].json["embeds"][0]["title"] == "\U0001f4ac Rumor"


# -- the runner against the fake: exit codes and the token kept out of logs --------------------


@pytest.fixture
def fake_in_thread(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeDiscord]:
    """Run a fake Discord on its own loop in a thread, for tests that call asyncio.run."""
    server = FakeDiscord(token="wrong-token-the-fake-rejects-this", reject_token=True)
    yield from serve_in_thread(server, monkeypatch)


def test_rejected_token_exits_1_without_leaking_it(
    fake_in_thread: FakeDiscord,
    tmp_path: Path,
    knowledge_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    secret = "MTIzNDU2Nzg5MDEyMzQ1Njc4.secret.token-value"
    monkeypatch.setenv("DISCORD_TOKEN", secret)
    config = tmp_path / "config.yaml"
    config.write_text(f"knowledge_path: {knowledge_file}\nlog_level: DEBUG\n")
    caplog.set_level(logging.DEBUG)
    assert run_from_config(config) == 1
    err = capsys.readouterr().err
    assert "Discord rejected the token in DISCORD_TOKEN" in err
    (login,) = fake_in_thread.find("GET", "/users/@me")
    assert login.headers["Authorization"] == f"Bot {secret}"  # it was really sent...
    assert secret not in err and secret not in caplog.text  # ...and never logged or printed


async def test_a_question_deleted_before_the_reply_is_dropped_quietly(
    fake: FakeDiscord, live_bot: OnemBot, caplog: pytest.LogCaptureFixture
) -> None:
    for text in (f"<@{BOT_ID}> {ANSWERED_Q}", f"!ask {ANSWERED_Q}", "!kb"):
        asked = fake.message(text, mentions=[BOT_ID], author_id=ADMIN_ID, roles=[ADMIN_ROLE])
        fake.deleted.add(int(asked["id"]))  # deleted before the bot answers
        await fake.dispatch("MESSAGE_CREATE", asked)
    for _ in range(500):
        if sum("deleted before the reply" in r.getMessage() for r in caplog.records) == 3:
            break
        await asyncio.sleep(0.01)
    else:
        raise AssertionError("the bot did not notice the deleted questions")
    posts = fake.find("POST", f"/channels/{CHANNEL_ID}/messages")
    assert len(posts) == 3  # one refused reply each, and no apology after it
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
