"""The permission table of a public, multi-server bot, on every path, in two servers and DMs.

The attack on ``main``: a moderator (Manage Server) of an unrelated server typed
``!kb unanswered`` in a public channel, and the bot posted another server's question and a
stranger's DM there; the same moderator could reload for everyone, without limit. Here each row
of the README's table is checked in a world of two servers and DMs:

- global admins (the owner, ``admin_user_ids``) reload and see every server's data and the DMs';
- a server's managers (Manage Server, the configured role) see only their own server's, never
  a DM's and never another server's, and cannot reload;
- members are not offered ``/kb`` at all; buttons answer anyone and grant nothing;
- data views go to the admin alone (ephemeral, or a DM), never to a public channel;
- admin commands have a rate limit of their own.
"""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

import discord
import pytest
from discord_kit import ANSWERED_Q, World

from bot.discord.cogs.admin import SENT_PRIVATELY
from bot.discord.errors import NOT_GLOBAL, AdminSlowDown, NotAdmin, admin_slow_down_text

HERE_Q = "what about the first server's secret plan"
THERE_Q = "what about the second server's secret plan"
DM_Q = "my private question about my own car"
DECLINED = (HERE_Q, THERE_Q, DM_Q)


async def decline_everywhere(world: World) -> None:
    """Put one declined question from each server and one from a DM into the log."""
    await world.alice.send(world.general, f"!ask {HERE_Q}")
    await world.carol.send(world.other_channel, f"!ask {THERE_Q}")
    await world.outsider.send_dm(DM_Q)
    lines = world.bot.unanswered.path.read_text()  # type: ignore[union-attr]
    assert all(q in lines for q in DECLINED)


def shown(embed_text: str) -> set[str]:
    return {q for q in DECLINED if q.replace("'", "\\'") in embed_text or q in embed_text}


def guild_posts(world: World, start: int) -> list[str]:
    """Return the text of everything the bot posted in a server channel since ``start``."""
    channels = {world.general.id, world.listened.id, world.admin_channel.id, world.other_channel.id}
    return [
        str(r.json)
        for r in world.env.http_requests[start:]
        if r.method == "POST" and any(r.path == f"/channels/{c}/messages" for c in channels)
    ]


def embed_text(message: object) -> str:
    embeds = getattr(message, "embeds", None) or []
    return "\n".join(
        " ".join([e.title or "", e.description or "", *(f"{f.name} {f.value}" for f in e.fields)])
        for e in embeds
    )


async def test_a_manager_of_another_server_sees_only_that_server_and_cannot_reload(
    world: World,
) -> None:
    await decline_everywhere(world)
    start = len(world.env.http_requests)
    mod = world.other_manager
    # the attack: !kb unanswered in a public channel of the moderator's own server
    await mod.send(world.other_channel, "!kb unanswered 25")
    assert world.other_channel.last_message.content == SENT_PRIVATELY
    assert not world.other_channel.last_message.embeds
    private = embed_text(mod.user.dm_channel.last_message)
    assert shown(private) == {THERE_Q}, private
    # the same through the slash command: ephemeral, the same filter
    result = await mod.slash(world.other_channel, "kb unanswered", count=25)
    assert result.ephemeral and result.response is not None
    assert shown(embed_text(result.response)) == {THERE_Q}
    # no reload for everyone, on either path
    await mod.send(world.other_channel, "!kb reload")
    assert world.other_channel.last_message.content == NOT_GLOBAL
    result = await mod.slash(world.other_channel, "kb reload")
    assert result.ephemeral and result.response is not None
    assert result.response.content == NOT_GLOBAL
    assert world.bot.service.stats.reloads == 0
    # nor in a DM, where Manage Server counts for nothing
    await mod.send_dm("!kb unanswered")
    assert "only the bot's admins" in mod.user.dm_channel.last_message.content
    # nothing of anyone's questions went to a public channel
    for post in guild_posts(world, start):
        assert not any(q in post for q in DECLINED), post
    assert {type(e).__name__ for e in world.env.errors} == {"NotGlobalAdmin", "NotAdmin"}


async def test_the_first_servers_managers_see_its_questions_only(world: World) -> None:
    await decline_everywhere(world)
    for manager in (world.manager, world.role_admin):
        result = await manager.slash(world.general, "kb unanswered", count=25)
        assert result.response is not None
        assert shown(embed_text(result.response)) == {HERE_Q}, manager.name
        await manager.send(world.general, "!kb unanswered")
        assert world.general.last_message.content == SENT_PRIVATELY
        assert shown(embed_text(manager.user.dm_channel.last_message)) == {HERE_Q}


async def test_global_admins_see_every_server_and_the_dms(world: World) -> None:
    await decline_everywhere(world)
    for admin in (world.id_admin, world.owner):
        result = await admin.slash(world.general, "kb unanswered", count=25)
        assert result.ephemeral and result.response is not None
        assert shown(embed_text(result.response)) == set(DECLINED), admin.name
        await admin.send_dm("!kb unanswered")  # in a DM, the whole log too
        assert shown(embed_text(admin.user.dm_channel.last_message)) == set(DECLINED)


async def test_stats_of_a_server_count_that_server_only(world: World) -> None:
    await world.alice.send(world.general, f"!ask {ANSWERED_Q}")
    await world.bob.send(world.general, f"!ask {ANSWERED_Q}")
    await world.carol.send(world.other_channel, f"!ask {ANSWERED_Q}")
    await decline_everywhere(world)
    here = await world.manager.slash(world.general, "kb stats")
    there = await world.other_manager.slash(world.other_channel, "kb stats")
    everything = await world.id_admin.slash(world.general, "kb stats")
    fields = [
        {f.name: f.value for f in r.response.embeds[0].fields}  # type: ignore[union-attr]
        for r in (here, there, everything)
    ]
    assert (fields[0]["Answered here"], fields[0]["Declined here"]) == ("2", "1")
    assert (fields[1]["Answered here"], fields[1]["Declined here"]) == ("1", "1")
    assert (fields[2]["Answered"], fields[2]["Declined"]) == ("3", "3")
    for server_view in fields[:2]:  # no figures of the whole bot: servers, the log, the DMs
        assert "Servers" not in server_view and "Unanswered log" not in server_view
    assert "Servers" in fields[2]


async def test_members_are_offered_no_admin_command_anywhere(world: World) -> None:
    for member, channel in ((world.alice, world.general), (world.carol, world.other_channel)):
        offered = member.available_commands(channel)
        assert "ask" in offered and not any(c.startswith("kb") for c in offered), offered
    assert not any(c.startswith("kb") for c in world.outsider.available_commands())
    assert not any(c.startswith("kb") for c in world.id_admin.user.available_commands())
    assert "kb stats" in world.other_manager.available_commands(world.other_channel)


async def test_buttons_answer_anyone_anywhere_and_grant_nothing(world: World) -> None:
    before = world.bot.tally.of(world.other_guild.id)
    result = await world.carol.slash(
        world.other_channel, "ask", question="production engine allocation"
    )
    assert result.response is not None and result.response.components
    pressed = await world.carol.click(result.response, custom_id="onem:entry:production-end")
    assert pressed.response is not None and pressed.response.embeds
    assert world.bot.tally.of(world.other_guild.id).answered == before.answered + 1
    await world.carol.send(world.other_channel, "!kb stats")  # pressing made her no admin
    assert "only the bot's admins" in world.other_channel.last_message.content
    assert [type(e) for e in world.env.errors] == [NotAdmin]


@pytest.mark.parametrize("path", ["prefix", "slash"])
async def test_admin_commands_have_their_own_rate_limit(world: World, path: str) -> None:
    world.bot.admin_cooldowns.rate = 3  # the shipped 10 a minute, made small
    refusals: list[str] = []
    for _ in range(7):
        if path == "prefix":
            await world.id_admin.send(world.general, "!kb reload")
            refusals.append(world.general.last_message.content or "")
        else:
            result = await world.id_admin.slash(world.general, "kb reload")
            assert result.ephemeral and result.response is not None
            refusals.append(result.response.content)
    assert world.bot.service.stats.reloads == 3
    slow = [r for r in refusals if r.startswith(admin_slow_down_text(60)[:30])]
    if path == "prefix":
        assert len(slow) == 1  # one notice per window, then silence
    else:
        assert len(slow) == 4  # every interaction must be answered: ephemerally
    # members asking are not held up by an admin's limit, and the limit lifts
    await world.alice.send(world.general, f"!ask {ANSWERED_Q}")
    assert world.general.last_message.embeds
    await world.env.advance_time(61)
    await world.id_admin.send(world.general, "!kb reload")
    assert world.general.last_message.content.startswith("\u2705 Reloaded")
    assert world.bot.service.stats.reloads == 4
    assert [type(e) for e in world.env.errors] == [AdminSlowDown] * 4


async def test_the_admin_limit_is_configurable_and_off_at_zero(world: World) -> None:
    world.bot.settings = dataclasses.replace(world.bot.settings, admin_cooldown_rate=0)
    world.bot.admin_cooldowns.rate = 0
    for _ in range(12):
        await world.id_admin.send(world.general, "!kb reload")
    assert world.bot.service.stats.reloads == 12


async def test_closed_dms_never_move_data_into_the_channel(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    await decline_everywhere(world)

    async def closed(*args: object, **kwargs: object) -> None:
        response = SimpleNamespace(status=403, reason="Forbidden")
        raise discord.Forbidden(response, {"code": 50007, "message": "Cannot send messages"})  # type: ignore[arg-type]

    monkeypatch.setattr(discord.Member, "send", closed)
    start = len(world.env.http_requests)
    for command in ("!kb unanswered", "!kb stats"):
        await world.manager.send(world.general, command)
        reply = world.general.last_message
        assert not reply.embeds and "/kb" in (reply.content or ""), reply.content
    for post in guild_posts(world, start):
        assert not any(q in post for q in DECLINED), post
