"""Permissions on every path, against the permission table of the README: global admins (the
owners and ``admin_user_ids``) reload and see every server's data; a server's managers see only
their own server's; members see no admin command; only owners sync; refusals leak nothing.

``tests/discord`` checks the configured admins (by role id, by user id, by Manage Server), and
refuses a member, a role named "admin" and the owner on the slash and prefix paths. Here the
attacks go further: roles named like the admin role (or after its id), ids put in the wrong
list, the @everyone role configured as an admin role, every admin command in DMs (where roles
and Manage Server do not count), a revoked role, a bot or a webhook posting as an admin, and
sync by admins who are not owners, in the server and in DMs. Every refusal must be the one
polite sentence and nothing else (no embed, no file, no counts, no path, no digest), and must
change nothing (no reload, no sync, no typing indicator).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

import simcord
from discord.ext import commands
from discord_kit import World

from bot.discord.cogs.admin import SENT_PRIVATELY
from bot.discord.errors import NOT_ADMIN, NOT_OWNER, NotAdmin, NotGlobalAdmin

NO_PINGS = {"parse": [], "replied_user": False}
SLASH_PATHS: list[tuple[str, dict[str, Any]]] = [
    ("kb reload", {}),
    ("kb stats", {}),
    ("kb unanswered", {"count": 25}),
]
PREFIX_PATHS = [
    "!kb",
    "!kb reload",
    "!kb reload now please",
    "!kb stats",
    "!kb unanswered",
    "!kb unanswered 25",
    "!kb unanswered 500",  # refused before its argument is even read: no usage hint
]
SYNC_PATHS = ["!sync", "!sync global", "!sync guild", "!sync clear"]

Person = simcord.MemberActor | simcord.UserHandle


@dataclasses.dataclass(frozen=True)
class State:
    """What a refused command must not change."""

    digest: str
    reloads: int
    failed: int
    puts: int
    typing: int
    unanswered_bytes: int


def state(world: World) -> State:
    stats = world.bot.service.stats
    log = world.bot.unanswered
    return State(
        world.bot.service.knowledge.digest,
        stats.reloads,
        stats.failed_reloads,
        len(world.requests("PUT", "/commands")),
        len(world.requests("POST", "/typing")),
        log.size() if log is not None else 0,
    )


def secrets(world: World) -> list[str]:
    """Things a refusal must never show: paths, the digest, the token."""
    knowledge = world.bot.service.knowledge
    out = [str(knowledge.path), knowledge.digest, world.bot.settings.token]
    if world.bot.unanswered is not None:
        out.append(str(world.bot.unanswered.path.parent))
    return out


def check_refusal(world: World, bodies: list[dict[str, Any]], text: str, what: str) -> None:
    """Exactly one reply: the polite sentence, nothing attached, pinging no one."""
    assert len(bodies) == 1, f"{len(bodies)} replies to {what}"
    (body,) = bodies
    assert body.get("content") == text, what
    assert not body.get("embeds") and not body.get("components") and not body.get("attachments")
    assert body["allowed_mentions"]["parse"] == [], what
    for secret in secrets(world):
        assert secret not in str(body), what


def _channel(person: Person, channel: simcord.ChannelHandle | None) -> simcord.ChannelHandle:
    if channel is not None:
        return channel
    user = person if isinstance(person, simcord.UserHandle) else person.user
    return user.dm_channel


async def send(
    world: World, person: Person, command: str, channel: simcord.ChannelHandle | None
) -> list[dict[str, Any]]:
    """Post a command (in a channel, or in a DM when ``channel`` is None); return the bodies of
    the bot's replies to it."""
    start = len(world.env.http_requests)
    if channel is None:
        asked = await person.send_dm(command)
    else:
        assert isinstance(person, simcord.MemberActor)
        asked = await person.send(channel, command)
    target = _channel(person, channel)
    return [
        r.json
        for r in world.env.http_requests[start:]
        if r.method == "POST"
        and r.path == f"/channels/{target.id}/messages"
        and int((r.json.get("message_reference") or {}).get("message_id", 0)) == asked.id
    ]


async def assert_refused(
    world: World,
    person: Person,
    *,
    in_server: bool = True,
    in_dm: bool = True,
    slash: Sequence[tuple[str, dict[str, Any]]] = SLASH_PATHS,
) -> None:
    """Every admin and owner path, in the server (slash and prefix) and in a DM, is refused.

    (A refused slash command costs SimCord's idle wait, ~50 ms: ``slash`` picks them.)
    """
    before = state(world)
    places: list[simcord.ChannelHandle | None] = []
    if in_server:
        places.append(world.general)
    if in_dm:
        places.append(None)
    for place in places:
        where = "DM" if place is None else "server"
        for command in PREFIX_PATHS:
            bodies = await send(world, person, command, place)
            check_refusal(world, bodies, NOT_ADMIN, f"{command} by {person.name} ({where})")
        for command in SYNC_PATHS:
            bodies = await send(world, person, command, place)
            check_refusal(world, bodies, NOT_OWNER, f"{command} by {person.name} ({where})")
    if in_server:
        assert isinstance(person, simcord.MemberActor)
        for name, options in slash:
            start = len(world.env.http_requests)
            result = await person.slash(world.general, name, **options)
            assert result.ephemeral and result.response is not None, name
            assert result.response.content == NOT_ADMIN and not result.response.embeds, name
            (callback,) = [
                r.json for r in world.env.http_requests[start:] if r.path.endswith("/callback")
            ]
            check_refusal(world, [callback["data"]], NOT_ADMIN, f"/{name} by {person.name}")
    assert state(world) == before, f"a refused command by {person.name} changed something"
    acknowledge_refusals(world)


def acknowledge_refusals(world: World) -> None:
    """SimCord records the refusals as the bot's errors: they must all be refusals."""
    errors = world.env.errors
    allowed = NotAdmin | NotGlobalAdmin | commands.NotOwner
    assert all(isinstance(e, allowed) for e in errors), errors


async def open_kb_to_everyone(world: World, guild: simcord.GuildHandle | None = None) -> None:
    """Do what a careless server admin can do: allow /kb to everyone in Integrations.

    Members are not offered /kb (it asks for Manage Server by default), so this is the only
    way their slash attempts reach the bot, which must refuse them on its own.
    """
    guild = guild or world.guild
    kb = next(c for c in await world.bot.tree.fetch_commands() if c.name == "kb")
    guild.set_command_permissions(kb, {guild.roles["@everyone"]: True})


async def assert_admin(world: World, person: simcord.MemberActor) -> None:
    """The control: the same person is let in (so a refusal above is not a broken command)."""
    bodies = await send(world, person, "!kb stats", world.general)
    assert len(bodies) == 1 and bodies[0].get("content") == SENT_PRIVATELY, bodies
    assert person.user.dm_channel.last_message.embeds


async def test_roles_named_like_the_admin_role_count_for_nothing(world: World) -> None:
    await open_kb_to_everyone(world)
    configured = next(iter(world.bot.settings.admin_role_ids))
    # the configured role's own name, first: every slash path; then one slash path each
    names = ["KB keepers", "Admin", "ADMIN", "Administrator", "admins", str(configured), "@admin"]
    for i, name in enumerate(names):
        role = world.guild.create_role(name)
        member = world.guild.add_member(world.env.create_user(f"wants-{name}"), roles=[role])
        slash = SLASH_PATHS if i == 0 else SLASH_PATHS[i % 3 : i % 3 + 1]
        await assert_refused(world, member, in_dm=False, slash=slash)  # DMs: see below
    await assert_admin(world, world.role_admin)


async def test_ids_in_the_wrong_list_count_for_nothing(world: World) -> None:
    await open_kb_to_everyone(world)
    fans = world.guild.create_role("fans")
    fan = world.guild.add_member(world.env.create_user("fan"), roles=[fans])
    world.bot.settings = dataclasses.replace(
        world.bot.settings,
        # a user id among the role ids, a role id among the user ids, and the server's id,
        # which is also the id of its @everyone role, among the role ids
        admin_role_ids=frozenset({world.alice.id, world.guild.id}),
        admin_user_ids=frozenset({fans.id}),
    )
    people = (world.alice, fan, world.role_admin)  # role_admin: its role is unlisted now
    for i, person in enumerate(people):
        await assert_refused(world, person, slash=SLASH_PATHS[i : i + 1])
    await assert_admin(world, world.manager)  # Manage Server still counts


async def test_in_direct_messages_only_listed_users_are_admins(world: World) -> None:
    # roles and Manage Server belong to a server: in a DM they count for nothing
    for person in (world.outsider, world.alice, world.named_admin, world.manager, world.role_admin):
        await assert_refused(world, person, in_server=False)
    # the admin commands are not even offered as slash commands in DMs
    assert "kb reload" not in world.outsider.available_commands()
    assert "ask" in world.outsider.available_commands()
    bodies = await send(world, world.id_admin, "!kb stats", None)
    assert len(bodies) == 1 and bodies[0].get("embeds")


async def test_sync_is_refused_to_every_admin_who_is_not_an_owner(world: World) -> None:
    before = state(world)
    for person in (world.role_admin, world.id_admin, world.manager):
        for place in (world.general, None):
            for command in SYNC_PATHS:
                bodies = await send(world, person, command, place)
                check_refusal(world, bodies, NOT_OWNER, f"{command} by {person.name}")
    assert state(world) == before
    acknowledge_refusals(world)
    offered = world.role_admin.available_commands(world.general)
    assert not any("sync" in c for c in offered), offered  # no slash path to sync at all
    # the owner may sync (from a DM: to the dev guild)
    world.bot.settings = dataclasses.replace(world.bot.settings, dev_guild_id=world.guild.id)
    bodies = await send(world, world.owner, "!sync", None)
    assert bodies[0]["content"].startswith("Synced 3 command(s) for server")


async def test_a_revoked_role_is_refused_at_once(world: World) -> None:
    await open_kb_to_everyone(world)
    await assert_admin(world, world.role_admin)
    (role,) = [r for r in world.bot.settings.admin_role_ids]
    world.env.backend.remove_member_role(world.guild.id, world.role_admin.id, role)
    await assert_refused(world, world.role_admin)


async def test_bots_and_webhooks_posing_as_admins_are_ignored(world: World) -> None:
    before = state(world)
    kb_role = next(iter(world.bot.settings.admin_role_ids))
    roles = [r for r in world.guild.roles.values() if r.id == kb_role]
    robot = world.guild.add_member(world.env.create_user("keeper-bot", bot=True), roles=roles)
    hook = world.guild.create_webhook(world.general, "keeper")
    count = len(world.general.history())
    for command in ("!kb reload", "!sync global"):  # each waits for SimCord to see no reply
        await robot.send(world.general, command)
        await hook.send(command, username=world.role_admin.name)
    assert len(world.general.history()) == count + 4
    assert state(world) == before
