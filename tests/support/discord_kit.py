"""Shared constants and the World of the SimCord tests (imported by conftest and tests)."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import discord
import pytest
import simcord

from bot.discord.client import OnemBot

FIXTURES = Path(__file__).parent.parent / "discord" / "fixtures"
KNOWLEDGE = FIXTURES / "knowledge.yaml"

ANSWERED_Q = "How many 1Ms is the US getting?"
DECLINED_Q = "production engine allocation"  # declined, with three suggestions
OFFTOPIC_Q = "what colour is the sky"  # declined, no suggestions


@dataclass
class World:
    """Two servers and DMs, with people in every role of the permission model.

    Global admins: ``owner`` (the bot's owner) and ``id_admin`` (in ``admin_user_ids``).
    Managers of the first server only: ``role_admin`` (the configured role) and ``manager``
    (Manage Server); of the second server only: ``other_manager``. Everyone else asks.
    """

    env: simcord.Env
    bot: OnemBot
    guild: simcord.GuildHandle
    general: simcord.ChannelHandle
    listened: simcord.ChannelHandle
    admin_channel: simcord.ChannelHandle
    owner: simcord.MemberActor  # the bot's owner (and not an admin by config)
    role_admin: simcord.MemberActor  # holds the configured admin role
    id_admin: simcord.MemberActor  # listed in admin_user_ids
    manager: simcord.MemberActor  # has Manage Server
    alice: simcord.MemberActor
    bob: simcord.MemberActor
    named_admin: simcord.MemberActor  # holds a role *named* "admin" that is not configured
    outsider: simcord.UserHandle  # shares no server with the bot; only DMs
    other_guild: simcord.GuildHandle  # a second server, managed by other people
    other_channel: simcord.ChannelHandle
    other_manager: simcord.MemberActor  # has Manage Server there, and is nothing here
    carol: simcord.MemberActor  # a member of the second server

    def requests(self, method: str, path_part: str) -> list[Any]:
        """Return the REST calls the bot made with this method whose path contains path_part."""
        return [r for r in self.env.http_requests if r.method == method and path_part in r.path]


def rewrite(path: Path, change: Callable[[str], str]) -> None:
    """Rewrite a text file through ``change`` (keeps blocking file I/O out of async tests)."""
    path.write_text(change(path.read_text()))


def without_entry(text: str, entry_id: str, next_id: str) -> str:
    """Return knowledge text with the entry ``entry_id`` (followed by ``next_id``) cut out."""
    start = text.index(f"  - id: {entry_id}")
    return text[:start] + text[text.index(f"  - id: {next_id}") :]


async def build_world(env: simcord.Env, bot: OnemBot) -> World:
    """Build the test server (admins by role id, user id and Manage Server; a role merely named
    "admin"; an owner who is no admin), configure the bot for it and sync the commands."""
    guild = env.create_guild("1M owners")
    general = guild.create_text_channel("general")
    listened = guild.create_text_channel("ask-the-1m")
    admin_channel = guild.create_text_channel("bot-admin")
    kb_role = guild.create_role("KB keepers")
    named = guild.create_role("admin")
    managers = guild.create_role("mods", permissions=discord.Permissions(manage_guild=True))
    owner = guild.add_member(env.create_user("owner"))
    id_admin = guild.add_member(env.create_user("curator"))
    other_guild = env.create_guild("Another server")
    other_channel = other_guild.create_text_channel("chat")
    other_mods = other_guild.create_role(
        "other mods", permissions=discord.Permissions(manage_guild=True)
    )
    world = World(
        env=env,
        bot=bot,
        guild=guild,
        general=general,
        listened=listened,
        admin_channel=admin_channel,
        owner=owner,
        role_admin=guild.add_member(env.create_user("keeper"), roles=[kb_role]),
        id_admin=id_admin,
        manager=guild.add_member(env.create_user("mod"), roles=[managers]),
        alice=guild.add_member(env.create_user("alice")),
        bob=guild.add_member(env.create_user("bob")),
        named_admin=guild.add_member(env.create_user("wannabe"), roles=[named]),
        outsider=env.create_user("stranger"),
        other_guild=other_guild,
        other_channel=other_channel,
        other_manager=other_guild.add_member(env.create_user("other-mod"), roles=[other_mods]),
        carol=other_guild.add_member(env.create_user("carol")),
    )
    bot.owner_ids = {owner.id}
    bot.settings = dataclasses.replace(
        bot.settings,
        admin_role_ids=frozenset({kb_role.id}),
        admin_user_ids=frozenset({world.id_admin.id}),
        listen_channel_ids=frozenset({listened.id}),
        admin_channel_id=admin_channel.id,
    )
    if bot.intents.message_content:
        await owner.send(general, "!sync global")
        assert "Synced 3 command(s) globally" in (general.last_message.content or "")
    else:  # without the intent, "!" commands are read in DMs only
        await owner.send_dm("!sync global")
        synced = owner.user.dm_channel.last_message.content or ""
        assert "Synced 3 command(s) globally" in synced
    # /kb asks for Manage Server by default; the first server's admins open it to the admin
    # role and to the global admin in Server Settings -> Integrations, as real servers do
    kb = next(c for c in await bot.tree.fetch_commands() if c.name == "kb")
    guild.set_command_permissions(kb, {kb_role: True, id_admin: True, owner: True})
    return world


def replies_by_message(world: World, start: int = 0) -> dict[int, list[dict[str, Any]]]:
    """Return the bodies of the messages the bot posted since request ``start``, by the id of
    the message each replies to."""
    out: dict[int, list[dict[str, Any]]] = {}
    for request in world.env.http_requests[start:]:
        if request.method == "POST" and request.path.endswith("/messages"):
            reference = (request.json or {}).get("message_reference") or {}
            out.setdefault(int(reference.get("message_id", 0)), []).append(request.json)
    return out


def assert_no_error_logs(request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture) -> None:
    """Fail the test on any ERROR log record unless it is marked allow_error_log."""
    if request.node.get_closest_marker("allow_error_log"):
        return
    records = [r for phase in ("setup", "call", "teardown") for r in caplog.get_records(phase)]
    errors = [r for r in records if r.levelno >= logging.ERROR]
    assert not errors, "unexpected ERROR logs:\n" + "\n".join(r.getMessage() for r in errors)
