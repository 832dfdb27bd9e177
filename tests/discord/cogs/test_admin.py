"""Admin commands through SimCord: who may use them, reloads good and bad, watch, stats, log."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path

import pytest
import simcord
from discord_kit import ANSWERED_Q, DECLINED_Q, World, rewrite, without_entry

from bot.discord.cogs.admin import SENT_PRIVATELY
from bot.discord.errors import NOT_GLOBAL, NotAdmin, NotGlobalAdmin

REFUSED = "Sorry, only the bot's admins can do that."
SLASH_PATHS = [("kb reload", {}), ("kb stats", {}), ("kb unanswered", {"count": 5})]
PREFIX_PATHS = ["!kb", "!kb reload", "!kb stats", "!kb unanswered 5"]

NEW_ENTRY = """
  - id: launch-colours
    questions:
      - What colours does the 1M come in?
    answer: Valencia Orange, Alpine White and Black Sapphire.
    status: fact
    claimed_by: BMW
    sources: [bmwna-statement]
"""


def _edit(path: Path, old: str, new: str) -> None:
    def change(text: str) -> str:
        assert old in text
        return text.replace(old, new)

    rewrite(path, change)


def _admins(world: World) -> list[simcord.MemberActor]:
    return [world.role_admin, world.id_admin, world.manager, world.owner]


def _non_admins(world: World) -> list[simcord.MemberActor]:
    return [world.alice, world.named_admin]


async def test_admins_may_use_every_slash_path(world: World) -> None:
    for admin in _admins(world):
        for name, options in SLASH_PATHS:
            result = await admin.slash(world.general, name, **options)
            assert result.ephemeral, (admin, name)
            assert result.response is not None
            assert REFUSED not in result.response.content, (admin, name)
            if name == "kb reload" and admin in (world.role_admin, world.manager):
                assert result.response.content == NOT_GLOBAL  # a server's managers
            else:
                assert result.response.content != NOT_GLOBAL, (admin, name)
    assert all(isinstance(e, NotGlobalAdmin) for e in world.env.errors), world.env.errors
    assert world.bot.service.stats.reloads == 2  # the two global admins


async def test_non_admins_are_refused_on_every_slash_path(world: World) -> None:
    # members are not offered /kb; a server that opens it to everyone still gets refusals
    assert "kb reload" not in world.alice.available_commands(world.general)
    kb = next(c for c in await world.bot.tree.fetch_commands() if c.name == "kb")
    world.guild.set_command_permissions(kb, {world.guild.roles["@everyone"]: True})
    for person in _non_admins(world):
        for name, options in SLASH_PATHS:
            result = await person.slash(world.general, name, **options)
            assert result.ephemeral and result.response is not None, (person, name)
            assert result.response.content == REFUSED, (person, name)
    errors = world.env.errors
    assert len(errors) == len(_non_admins(world)) * len(SLASH_PATHS)
    assert all(isinstance(e, NotAdmin) for e in errors)
    assert world.bot.service.stats.reloads == 0


async def test_admins_may_use_every_prefix_path(world: World) -> None:
    for admin in _admins(world):
        for command in PREFIX_PATHS:
            await admin.send(world.general, command)
            last = world.general.last_message
            assert last.author.id == world.bot.user.id
            assert last.content != REFUSED, (admin, command)
            if command in ("!kb stats", "!kb unanswered 5"):  # data goes to a DM
                assert last.content == SENT_PRIVATELY and not last.embeds
                assert admin.user.dm_channel.last_message.embeds
    assert all(isinstance(e, NotGlobalAdmin) for e in world.env.errors), world.env.errors


async def test_non_admins_are_refused_on_every_prefix_path(world: World) -> None:
    for person in _non_admins(world):
        for command in PREFIX_PATHS:
            await person.send(world.general, command)
            assert world.general.last_message.content == REFUSED, (person, command)
    assert all(isinstance(e, NotAdmin) for e in world.env.errors)
    assert world.bot.service.stats.reloads == 0


async def test_dm_admin_commands_only_for_listed_users(world: World) -> None:
    await world.outsider.send_dm("!kb reload")
    assert world.outsider.dm_channel.last_message.content == REFUSED
    await world.alice.send_dm("!kb stats")  # a member, but roles do not count in DMs
    assert world.alice.user.dm_channel.last_message.content == REFUSED
    await world.role_admin.send_dm("!kb stats")  # an admin role does not reach DMs either
    assert world.role_admin.user.dm_channel.last_message.content == REFUSED
    await world.manager.send_dm("!kb stats")  # nor does Manage Server
    assert world.manager.user.dm_channel.last_message.content == REFUSED
    await world.id_admin.send_dm("!kb reload")  # a listed admin user does
    assert world.id_admin.user.dm_channel.last_message.content.startswith("\u2705 Reloaded")
    await world.owner.send_dm("!kb stats")  # and so does the owner
    assert world.owner.user.dm_channel.last_message.embeds
    assert [type(e) for e in world.env.errors] == [NotAdmin] * 4
    assert world.bot.service.stats.reloads == 1


async def test_the_review_by_prefix_points_to_the_slash_command(world: World) -> None:
    await world.manager.send(world.general, "!kb review")
    assert world.general.last_message.content.startswith("Use `/kb review`")
    await world.alice.send(world.general, "!kb review")  # members are still refused first
    assert world.general.last_message.content == REFUSED
    assert [type(e) for e in world.env.errors] == [NotAdmin]


async def test_sync_is_owner_only(world: World) -> None:
    not_owners = [world.role_admin, world.id_admin, world.manager, world.alice]
    for person in not_owners:
        await person.send(world.general, "!sync global")
        assert world.general.last_message.content == "Sorry, only the bot's owner can do that."
    assert len(world.env.errors) == 4
    puts = world.requests("PUT", "/commands")
    assert len(puts) == 1  # only the owner's sync in the world fixture
    await world.owner.send(world.general, "!sync")
    assert "command(s) for server" in world.general.last_message.content
    guild_puts = world.requests("PUT", f"/guilds/{world.guild.id}/commands")
    assert len(guild_puts) == 1
    assert sorted(c["name"] for c in guild_puts[0].json) == [
        "Ask onem-bot about this message",
        "ask",
        "kb",
    ]
    await world.owner.send(world.general, "!sync clear")
    assert world.requests("PUT", f"/guilds/{world.guild.id}/commands")[-1].json == []


async def test_slash_commands_are_registered_as_expected(world: World) -> None:
    (put,) = world.requests("PUT", "/commands")
    commands = {c["name"]: c for c in put.json}
    ask, kb = commands["ask"], commands["kb"]
    assert ask["options"][0]["name"] == "question" and ask["options"][0]["autocomplete"]
    assert ask["options"][0]["required"]
    assert sorted(o["name"] for o in kb["options"]) == [
        "health",
        "reload",
        "review",
        "stats",
        "unanswered",
    ]
    assert kb["contexts"] == [0] and sorted(ask["contexts"]) == [0, 1]
    assert ask.get("default_member_permissions") is None
    # members do not see /kb (Manage Server by default); the bot still checks every use
    assert int(kb["default_member_permissions"]) == 1 << 5
    assert "kb stats" not in world.alice.available_commands(world.general)
    assert "kb stats" in world.manager.available_commands(world.general)


async def test_reload_reports_the_diff_and_serves_the_new_file(
    world: World, knowledge_file: Path
) -> None:
    rewrite(
        knowledge_file,
        lambda t: (
            without_entry(t, "production-end", "engine-power").replace("740", "750") + NEW_ENTRY
        ),
    )
    result = await world.id_admin.slash(world.general, "kb reload")
    assert result.ephemeral and result.response is not None
    report = result.response.content
    assert report.startswith("\u2705 Reloaded `onem.yaml`: 6 entries, 3 sources")
    assert "(1 added, 1 removed, 1 changed)" in report
    assert "Added: `launch-colours`" in report
    assert "Removed: `production-end`" in report
    assert "Changed: `us-allocation`" in report
    answer = await world.alice.slash(world.general, "ask", question=ANSWERED_Q)
    assert answer.response is not None
    assert "about 750 cars" in (answer.response.embeds[0].description or "")


async def test_prefix_reload_reports_in_channel(world: World, knowledge_file: Path) -> None:
    _edit(knowledge_file, "about 740 cars", "about 760 cars")
    await world.id_admin.send(world.general, "!kb reload")
    last = world.general.last_message
    assert last.content.startswith("\u2705 Reloaded")
    assert last.reference is not None


async def test_broken_reload_lists_every_problem_and_keeps_serving(
    world: World, knowledge_file: Path
) -> None:
    _edit(
        knowledge_file,
        "status: rumor\n    claimed_by: Test Blog",
        "status: gossip\n    claimed_by: Test Blog",
    )
    _edit(knowledge_file, "sources: [reader-comment]", "sources: [nowhere]")
    result = await world.id_admin.slash(world.general, "kb reload")
    assert result.response is not None
    report = result.response.content
    assert report.startswith("\u274c Reload of `onem.yaml` failed with 2 problem(s)")
    assert "the old knowledge keeps serving (6 entries)" in report
    assert "onem.yaml:31: the status of entry 'us-allocation' 'gossip' is not one of" in report
    assert "entry 'dealer-allocation' cites unknown source 'nowhere'" in report
    answer = await world.alice.slash(world.general, "ask", question=ANSWERED_Q)
    assert answer.response is not None
    assert "about 740 cars" in (answer.response.embeds[0].description or "")
    assert world.bot.service.stats.failed_reloads == 1


async def test_unparseable_file_is_reported_with_its_line(
    world: World, knowledge_file: Path
) -> None:
    rewrite(knowledge_file, lambda t: t[:900] + "\n  - [unclosed\n")
    await world.owner.send(world.general, "!kb reload")
    text = world.general.last_message.content
    assert "failed with 1 problem(s)" in text and "YAML syntax error" in text
    assert "onem.yaml:" in text


async def test_long_problem_reports_are_attached_in_full(
    world: World, knowledge_file: Path
) -> None:
    broken = "".join(
        f"""
  - id: bad-{i}
    questions: [Broken question number {i} about nothing]
    answer: x
    status: nonsense
    claimed_by: nobody
    sources: [missing-{i}]
"""
        for i in range(60)
    )
    rewrite(knowledge_file, lambda t: t + broken)
    result = await world.id_admin.slash(world.general, "kb reload")
    assert result.response is not None
    assert "failed with 120 problem(s)" in result.response.content
    assert "The full report is attached." in result.response.content
    (attachment,) = result.response.attachments
    full = (await attachment.read()).decode()
    assert full.count("is not one of") == 60 and full.count("cites unknown source") == 60


@pytest.mark.settings(watch=True)
async def test_watch_reloads_and_posts_to_the_admin_channel(
    world: World, knowledge_file: Path
) -> None:
    watcher = world.bot.watcher
    assert watcher is not None
    await asyncio.wait_for(watcher.ready.wait(), 5)
    before = len(world.admin_channel.history())
    _edit(knowledge_file, "about 740 cars", "about 770 cars")
    await _wait_for(lambda: len(world.admin_channel.history()) > before)
    report = world.admin_channel.last_message.content
    assert report.startswith("Automatic reload (the file changed).\n\u2705 Reloaded")
    assert "Changed: `us-allocation`" in report
    answer = await world.alice.slash(world.general, "ask", question=ANSWERED_Q)
    assert answer.response is not None
    assert "about 770 cars" in (answer.response.embeds[0].description or "")
    # a broken save is reported too, and the good knowledge keeps serving
    count = len(world.admin_channel.history())
    _edit(knowledge_file, "status: fact", "status: factoid")
    await _wait_for(lambda: len(world.admin_channel.history()) > count)
    assert "failed with 1 problem(s)" in world.admin_channel.last_message.content
    answer = await world.alice.slash(world.general, "ask", question=ANSWERED_Q)
    assert answer.response is not None
    assert "about 770 cars" in (answer.response.embeds[0].description or "")


async def _wait_for(condition: Callable[[], bool], within: float = 10.0) -> None:
    """Poll a condition while the watcher task and its reload run in real time."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not condition():
        assert loop.time() < deadline, "timed out waiting for the watcher"
        await asyncio.sleep(0.02)


async def test_stats_show_the_figures(world: World) -> None:
    await world.alice.slash(world.general, "ask", question=ANSWERED_Q)
    await world.alice.slash(world.general, "ask", question=DECLINED_Q)
    await world.id_admin.slash(world.general, "kb reload")
    result = await world.id_admin.slash(world.general, "kb stats")
    assert result.response is not None
    fields = {f.name: f.value for f in result.response.embeds[0].fields}
    assert fields["Entries"] == "6" and fields["Sources"] == "3"
    assert fields["Answered"] == "1" and fields["Declined"] == "1"
    assert fields["Reloads"] == "1 ok, 0 failed"
    assert fields["Last reload"].startswith("<t:") and fields["Last reload"].endswith(":R>")


async def test_unanswered_questions_are_logged_and_listed(world: World) -> None:
    await world.alice.send(world.general, f"{world.bot.user.mention} {DECLINED_Q}")
    await world.bob.slash(world.general, "ask", question="what about the **e92** @everyone")
    await world.bob.slash(world.general, "ask", question=ANSWERED_Q)  # answered: not logged
    lines = world.bot.unanswered.path.read_text().splitlines()  # type: ignore[union-attr]
    records = [json.loads(line) for line in lines]
    assert [r["question"] for r in records] == [
        DECLINED_Q,
        "what about the **e92**",  # mentions are dropped before asking
    ]
    assert records[0]["user_id"] == world.alice.id and records[0]["guild_id"] == world.guild.id
    assert records[0]["suggestions"][0] == "How much horsepower does the 1M engine make?"
    result = await world.role_admin.slash(world.general, "kb unanswered", count=5)
    assert result.response is not None
    listing = result.response.embeds[0].description or ""
    rows = listing.splitlines()
    assert len(rows) == 2
    assert "what about the \\*\\*e92\\*\\*" in rows[0]  # newest first, markdown escaped
    assert DECLINED_Q in rows[1]
    await world.role_admin.send(world.general, "!kb unanswered 1")
    assert world.general.last_message.content == SENT_PRIVATELY
    dm = world.role_admin.user.dm_channel.last_message
    rows = (dm.embeds[0].description or "").splitlines()
    assert len(rows) == 1


async def test_unanswered_count_is_bounded(world: World) -> None:
    with pytest.raises(simcord.OptionError):
        await world.role_admin.slash(world.general, "kb unanswered", count=500)
    await world.role_admin.send(world.general, "!kb unanswered 500")
    assert world.general.last_message.content == "Usage: `!kb unanswered [count=10]`"
    assert len(world.env.errors) == 1
