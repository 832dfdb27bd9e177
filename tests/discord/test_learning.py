"""The learning loop through SimCord: record, vote, flag, /kb review, teach, answer; two servers."""

from __future__ import annotations

import asyncio
import dataclasses
import io
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import simcord
from discord_kit import ANSWERED_Q, World, rewrite

from bot.cli import check
from bot.core.service import KnowledgeService
from bot.discord.client import OnemBot, create_bot
from bot.discord.errors import APOLOGY, NotAdmin
from bot.discord.learning import open_store
from bot.discord.review import NOT_YOURS, ONLY_GLOBAL_TEACH
from bot.discord.settings import Settings
from bot.store.db import Store
from bot.store.records import Scope
from bot.store.unanswered import UnansweredLog

MISSED = "when will they stop making the 1m"  # declined; "did you mean" offers production-end
THERE = "how many cars per dealer in canada"  # declined in the second server
DM_Q = "my private question about my own car"
COMMENT = "# Curated by the KB keepers; keep this comment.\n"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "onem.db") as opened:
        yield opened


@pytest.fixture
async def bot(
    settings: Settings, service: KnowledgeService, unanswered: UnansweredLog, store: Store
) -> AsyncIterator[OnemBot]:
    """The bot with a store, as ``python -m bot run`` builds it."""
    bot = create_bot(settings, service, unanswered, store=store, watch_debounce_ms=50)
    yield bot
    if bot.watcher is not None:
        await bot.watcher.stop()


def shown(result: Any) -> Any:
    """Return the message a deferred slash command ended up showing."""
    followups = result.followups
    return followups[-1] if followups else result.response


def text_of(message: Any) -> str:
    parts = [message.content or ""]
    for embed in message.embeds:
        parts += [embed.title or "", embed.description or ""]
        parts += [f"{f.name} {f.value}" for f in embed.fields]
    return "\n".join(parts)


def buttons(message: Any) -> dict[str, bool]:
    """Return the message's components by custom id: whether each is disabled."""
    out: dict[str, bool] = {}
    for row in message.components:
        children = row["components"] if isinstance(row, dict) else row.children
        for c in children:
            custom_id = c["custom_id"] if isinstance(c, dict) else c.custom_id
            disabled = c.get("disabled", False) if isinstance(c, dict) else c.disabled
            out[custom_id] = bool(disabled)
    return out


async def decline_everywhere(world: World) -> None:
    """A miss in the first server (with a "did you mean" click), one in the second, one in a DM."""
    await world.alice.send(world.general, f"!ask {MISSED}")
    reply = world.general.last_message
    await world.bob.click(reply, custom_id="onem:entry:production-end")
    await world.carol.send(world.other_channel, f"!ask {THERE}")
    await world.outsider.send_dm(DM_Q)


async def test_a_declined_question_is_taught_from_discord_and_then_answered(
    world: World, knowledge_file: Path, store: Store
) -> None:
    rewrite(knowledge_file, lambda text: COMMENT + text)
    await decline_everywhere(world)
    started = await world.id_admin.slash(world.general, "kb review")
    assert started.ephemeral
    review = shown(started)
    assert MISSED in text_of(review) and "production-end" in text_of(review)
    assert "did you mean" in text_of(review)  # why it is the likely entry
    done = await world.id_admin.click(review, custom_id="onem:review:add")
    assert done.response is not None or done.followups
    after = shown(started)
    assert "Added" in text_of(after) and f"+      - {MISSED}" in text_of(after)
    text = await asyncio.to_thread(knowledge_file.read_text)
    assert text.startswith(COMMENT) and f"      - {MISSED}\n" in text
    assert check(knowledge_file, io.StringIO()) == 0
    await world.alice.send(world.general, f"!ask {MISSED}")
    assert "Opinion" in (world.general.last_message.embeds[0].title or "")
    (taught, *_) = await asyncio.to_thread(store.trail)
    assert (taught.action, taught.user_id, taught.entry_id) == (
        "taught",
        world.id_admin.id,
        "production-end",
    )
    assert MISSED not in [c.phrasing for c in await _open(store, world, Scope.all())]


async def _open(store: Store, world: World, scope: Scope) -> list[Any]:
    from bot.store.review import clusters

    return await asyncio.to_thread(clusters, store, world.bot.service, scope)


async def test_each_server_reviews_only_its_own_misses_and_dms_stay_global(
    world: World, knowledge_file: Path
) -> None:
    await decline_everywhere(world)
    before = await asyncio.to_thread(knowledge_file.read_bytes)
    seen = {}
    for admin, channel in (
        (world.manager, world.general),
        (world.other_manager, world.other_channel),
        (world.owner, world.general),
    ):
        result = await admin.slash(channel, "kb review")
        assert result.ephemeral
        message = shown(result)
        total = text_of(message)
        seen[admin.name] = total
        if admin is not world.owner:
            assert ONLY_GLOBAL_TEACH in total
            assert buttons(message)["onem:review:add"]  # disabled: teaching is for global admins
    assert MISSED in seen["mod"] and THERE not in seen["mod"] and DM_Q not in seen["mod"]
    assert THERE in seen["other-mod"] and MISSED not in seen["other-mod"]
    assert DM_Q not in seen["other-mod"]
    assert "of 3" in seen["owner"]  # every server and the DMs
    assert await asyncio.to_thread(knowledge_file.read_bytes) == before


async def test_a_managers_pick_is_saved_for_the_global_admins(world: World) -> None:
    await world.carol.send(world.other_channel, f"!ask {THERE}")
    result = await world.other_manager.slash(world.other_channel, "kb review")
    review = shown(result)
    picked = await world.other_manager.select(
        review, ["dealer-allocation"], custom_id="onem:review:pick"
    )
    assert picked.response is not None
    assert "dealer-allocation" in text_of(shown(result))
    assert buttons(shown(result))["onem:review:add"]  # still disabled for a manager
    owner_view = shown(await world.owner.slash(world.general, "kb review"))
    assert "picked by an admin" in text_of(owner_view)
    assert "dealer-allocation" in text_of(owner_view)
    await world.owner.click(owner_view, custom_id="onem:review:add")
    await world.carol.send(world.other_channel, f"!ask {THERE}")
    assert "Rumor" in (world.other_channel.last_message.embeds[0].title or "")


async def test_dismissed_by_a_manager_is_gone_for_the_server_only(world: World) -> None:
    await decline_everywhere(world)
    review = shown(await world.manager.slash(world.general, "kb review"))
    dismissed = await world.manager.click(review, custom_id="onem:review:dismiss")
    assert dismissed.response is not None
    again = shown(await world.manager.slash(world.general, "kb review"))
    assert "Nothing to review" in text_of(again)
    assert MISSED in text_of(shown(await world.owner.slash(world.general, "kb review")))


async def test_only_the_admin_who_started_a_review_may_press_its_buttons(world: World) -> None:
    await decline_everywhere(world)
    review = shown(await world.manager.slash(world.general, "kb review"))
    assert review.ephemeral  # no one else can see it, let alone press its buttons
    with pytest.raises(simcord.SetupError):
        await world.role_admin.click(review, custom_id="onem:review:skip")
    assert NOT_YOURS  # and the bot would refuse them anyway


async def test_members_and_dms_get_no_review(world: World) -> None:
    await decline_everywhere(world)
    assert "kb review" not in world.alice.available_commands(world.general)
    with pytest.raises(simcord.SetupError):  # /kb exists in servers only
        await world.outsider.slash("kb review")


async def test_votes_count_once_per_user_and_flags_carry_a_reason(
    world: World, store: Store
) -> None:
    await world.alice.send(world.general, f"!ask {ANSWERED_Q}")
    answer = world.general.last_message
    assert {"onem:vote:up:us-allocation", "onem:vote:down:us-allocation"} <= set(buttons(answer))
    for _ in range(2):
        voted = await world.alice.click(answer, custom_id="onem:vote:up:us-allocation")
        assert voted.ephemeral
    await world.bob.click(answer, custom_id="onem:vote:down:us-allocation")
    await world.owner.click(answer, custom_id="onem:vote:down:us-allocation")
    await asyncio.to_thread(store.flush)
    assert await asyncio.to_thread(store.votes_of, answer.id) == (1, 2)
    flagging = await world.bob.click(answer, custom_id="onem:flag:us-allocation")
    assert flagging.modal is not None
    thanked = await world.bob.submit_modal(flagging, {"reason": "the number is from 2010"})
    assert thanked.ephemeral
    await asyncio.to_thread(store.flush)
    (flag,) = await asyncio.to_thread(lambda: list(store.rows("flags", Scope.all())))
    assert (flag["entry_id"], flag["reason"]) == ("us-allocation", "the number is from 2010")
    # voted down and flagged: it comes up for review, in this server only
    mine = shown(await world.manager.slash(world.general, "kb review"))
    assert ANSWERED_Q in text_of(mine) and "flagged" in text_of(mine)
    theirs = shown(await world.other_manager.slash(world.other_channel, "kb review"))
    assert ANSWERED_Q not in text_of(theirs)
    usage = await asyncio.to_thread(store.usage, Scope.server(world.guild.id))
    assert usage.votes == (("us-allocation", 1, 2),) and usage.flags == 1
    assert (await asyncio.to_thread(store.usage, Scope.server(world.other_guild.id))).votes == ()


async def test_teaching_while_a_reload_runs(world: World, knowledge_file: Path) -> None:
    await decline_everywhere(world)
    review = shown(await world.id_admin.slash(world.general, "kb review"))
    stop = asyncio.Event()
    reloads = []

    async def reload_all_the_time() -> None:  # what /kb reload and `watch` do, back to back
        while not stop.is_set():
            reloads.append(await world.bot.reload_knowledge())

    reloading = asyncio.create_task(reload_all_the_time())
    try:
        await asyncio.sleep(0)
        await world.id_admin.click(review, custom_id="onem:review:add")
    finally:
        stop.set()
        await reloading
    assert reloads and all(r.ok for r in reloads)
    assert f"      - {MISSED}\n" in await asyncio.to_thread(knowledge_file.read_text)
    await world.alice.send(world.general, f"!ask {MISSED}")
    assert "Opinion" in (world.general.last_message.embeds[0].title or "")


async def test_stats_show_the_invoking_servers_figures(world: World) -> None:
    await decline_everywhere(world)
    await world.alice.send(world.general, f"!ask {ANSWERED_Q}")
    mine = shown(await world.manager.slash(world.general, "kb stats"))
    text = text_of(mine)
    assert "1 answered, 1 declined" in text and MISSED in text and THERE not in text
    theirs = text_of(shown(await world.other_manager.slash(world.other_channel, "kb stats")))
    assert "0 answered, 1 declined" in theirs and MISSED not in theirs
    owner = text_of(shown(await world.owner.slash(world.general, "kb stats")))
    assert "1 answered, 1 declined" in owner and THERE not in owner  # the invoking server's
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        assert not mine.attachments  # the table alone
    else:
        assert [a.filename for a in mine.attachments] == ["stats.png"]


async def test_without_a_store_answers_carry_no_feedback_buttons(world: World) -> None:
    world.bot.store = None  # a bot built without one
    await world.alice.send(world.general, f"!ask {ANSWERED_Q}")
    assert world.general.last_message.components == []
    review = await world.id_admin.slash(world.general, "kb review")
    assert review.ephemeral and "no store" in text_of(shown(review))
    stats = shown(await world.id_admin.slash(world.general, "kb stats"))
    assert len(stats.embeds) == 1 and not stats.attachments


async def test_on_start_the_old_log_is_imported_once_with_its_hints(
    settings: Settings, service: KnowledgeService, tmp_path: Path
) -> None:
    log = UnansweredLog(settings.unanswered_log_path)
    await asyncio.to_thread(
        log.append, MISSED, score=0.46, suggestions=["When does 1M production end?"], guild_id=7
    )
    configured = dataclasses.replace(settings, store_path=tmp_path / "bot.db")
    for _ in range(2):  # a restart imports nothing twice
        store = await open_store(configured, service)
        assert store is not None
        await asyncio.to_thread(store.close)
    with Store(tmp_path / "bot.db") as store:
        (signal,) = await asyncio.to_thread(store.signals, Scope.server(7))
    assert (signal.question, signal.suggestions) == (MISSED, ("production-end",))


async def test_a_store_that_cannot_be_opened_leaves_the_bot_answering(
    settings: Settings, service: KnowledgeService, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = tmp_path / "not-a-database.db"
    await asyncio.to_thread(broken.write_bytes, b"this is not SQLite " * 100)
    configured = dataclasses.replace(settings, store_path=broken)
    assert await open_store(configured, service) is None
    assert "answering without recording" in caplog.text


async def test_members_of_either_server_are_refused_even_when_kb_is_opened_to_them(
    world: World,
) -> None:
    await decline_everywhere(world)
    for guild in (world.guild, world.other_guild):
        kb = next(c for c in await world.bot.tree.fetch_commands() if c.name == "kb")
        guild.set_command_permissions(kb, {guild.roles["@everyone"]: True})
    for member, channel in ((world.alice, world.general), (world.carol, world.other_channel)):
        result = await member.slash(channel, "kb review")
        assert result.ephemeral and result.response is not None
        assert "only the bot's admins" in result.response.content
        assert MISSED not in text_of(result.response) and THERE not in text_of(result.response)
    refusals = world.env.errors  # reading them acknowledges them
    assert len(refusals) == 2 and all(isinstance(e, NotAdmin) for e in refusals)


async def test_any_entry_can_be_found_by_typing(world: World) -> None:
    await world.carol.send(world.other_channel, f"!ask {THERE}")
    started = await world.owner.slash(world.general, "kb review")
    finding = await world.owner.click(shown(started), custom_id="onem:review:find")
    assert finding.modal is not None
    await world.owner.submit_modal(finding, {"entry": "horsepower of the engine"})
    assert "engine-power" in text_of(shown(started))  # found by the matcher, picked
    assert "Add as phrasing of engine-power" in str(shown(started).components)


@pytest.mark.allow_error_log
async def test_a_failure_while_teaching_is_answered_once_and_writes_nothing(
    world: World, knowledge_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.discord import review as review_module

    def broken(*args: object) -> None:
        raise RuntimeError("the disk caught fire")

    await decline_everywhere(world)
    before = await asyncio.to_thread(knowledge_file.read_bytes)
    started = await world.id_admin.slash(world.general, "kb review")
    monkeypatch.setattr(review_module, "accept", broken)
    pressed = await world.id_admin.click(shown(started), custom_id="onem:review:add")
    (apology,) = pressed.followups  # the click was acknowledged once, then this, once
    assert apology.ephemeral and APOLOGY in apology.content
    assert await asyncio.to_thread(knowledge_file.read_bytes) == before
    assert [type(e) for e in world.env.errors] == [RuntimeError]
