"""Watch mode follows a re-pointed symlink and turns a burst of saves into one reload.

The attacks on ``main``: the watcher resolved the knowledge path's symlink once, so after the
link was re-pointed (as deployment tools and Kubernetes config maps do) it watched the old file
and the bot served stale knowledge without a word; and it never coalesced saves: 20 quick saves
ran 20 full reloads.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from discord_kit import ANSWERED_Q, World

from bot.core.service import KnowledgeService
from bot.discord.client import OnemBot, create_bot
from bot.discord.settings import Settings
from bot.discord.watch import FileWatcher
from bot.store.unanswered import UnansweredLog

DEBOUNCE_MS = 300


async def wait_for(condition: Callable[[], bool], within: float = 10.0) -> None:
    """Poll a condition while the watcher task and its reloads run in real time."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not condition():
        assert loop.time() < deadline, "timed out waiting for the watcher"
        await asyncio.sleep(0.02)


async def test_a_burst_of_saves_is_one_reload(tmp_path: Path) -> None:
    target = tmp_path / "onem.yaml"
    target.write_text("v0")
    calls: list[str] = []

    async def changed() -> None:
        calls.append(target.read_text())
        await asyncio.sleep(0.2)  # a reload takes a while

    watcher = FileWatcher(target, changed, debounce_ms=DEBOUNCE_MS)
    watcher.start()
    try:
        await asyncio.wait_for(watcher.ready.wait(), 5)
        for i in range(1, 21):  # 20 quick saves, 30 ms apart
            await asyncio.to_thread(target.write_text, f"v{i}")
            await asyncio.sleep(0.03)
        await wait_for(lambda: calls != [])
        await asyncio.sleep(3 * DEBOUNCE_MS / 1000 + 0.5)
    finally:
        await watcher.stop()
    assert calls == ["v20"], calls  # one reload, of the last save


async def test_saves_during_a_reload_give_one_more_reload(tmp_path: Path) -> None:
    target = tmp_path / "onem.yaml"
    target.write_text("v0")
    calls: list[str] = []
    release = asyncio.Event()

    async def changed() -> None:
        calls.append(target.read_text())
        if len(calls) == 1:
            await release.wait()  # a slow reload, while more saves come in

    watcher = FileWatcher(target, changed, debounce_ms=DEBOUNCE_MS)
    watcher.start()
    try:
        await asyncio.wait_for(watcher.ready.wait(), 5)
        await asyncio.to_thread(target.write_text, "v1")
        await wait_for(lambda: len(calls) == 1)
        for i in range(2, 12):
            await asyncio.to_thread(target.write_text, f"v{i}")
            await asyncio.sleep(0.05)
        await asyncio.sleep(DEBOUNCE_MS / 1000 + 0.3)
        assert len(calls) == 1  # none while the first one runs
        release.set()
        await wait_for(lambda: len(calls) == 2)
        await asyncio.sleep(2 * DEBOUNCE_MS / 1000 + 0.3)
    finally:
        await watcher.stop()
    assert calls == ["v1", "v11"]


@pytest.fixture
def linked(tmp_path: Path, bot_knowledge: Path) -> tuple[Path, Path, Path]:
    """Return a symlink and two releases it can point at, in directories of their own."""
    first = tmp_path / "releases" / "one" / "onem.yaml"
    second = tmp_path / "releases" / "two" / "onem.yaml"
    for path in (first, second):
        path.parent.mkdir(parents=True)
        shutil.copy(bot_knowledge, path)
    second.write_text(second.read_text().replace("about 740 cars", "about 790 cars"))
    link = tmp_path / "live" / "onem.yaml"
    link.parent.mkdir()
    link.symlink_to(first)
    return link, first, second


@pytest.fixture
def bot(linked: tuple[Path, Path, Path], tmp_path: Path) -> OnemBot:
    """Return a bot with watch on, serving the knowledge through the symlink."""
    link = linked[0]
    settings = Settings(
        token="test-token-not-real",
        knowledge_path=link,
        unanswered_log_path=tmp_path / "unanswered.jsonl",
        watch=True,
    )
    service = KnowledgeService.from_path(link)
    log = UnansweredLog(settings.unanswered_log_path)
    return create_bot(settings, service, log, watch_debounce_ms=DEBOUNCE_MS)


async def test_a_re_pointed_symlink_is_followed(
    world: World, linked: tuple[Path, Path, Path]
) -> None:
    link, first, second = linked
    watcher = world.bot.watcher
    assert watcher is not None
    try:
        await asyncio.wait_for(watcher.ready.wait(), 5)
        before = len(world.admin_channel.history())
        # re-point the link atomically, as deployment tools do
        staging = link.with_name(".onem.yaml.new")
        staging.symlink_to(second)
        os.replace(staging, link)
        await wait_for(lambda: "about 790 cars" in str(world.bot.service.knowledge.entries))
        await wait_for(lambda: len(world.admin_channel.history()) > before)
        assert "Changed: `us-allocation`" in (world.admin_channel.last_message.content or "")
        answer = await world.alice.slash(world.general, "ask", question=ANSWERED_Q)
        assert answer.response is not None
        assert "about 790 cars" in (answer.response.embeds[0].description or "")
        # the watcher now follows the new file: a save to it is seen, the old one is not
        await asyncio.to_thread(
            first.write_text, first.read_text().replace("about 740", "about 700")
        )
        await asyncio.sleep(3 * DEBOUNCE_MS / 1000)
        assert "about 700" not in str(world.bot.service.knowledge.entries)
        await asyncio.to_thread(
            second.write_text, second.read_text().replace("about 790", "about 795")
        )
        await wait_for(lambda: "about 795" in str(world.bot.service.knowledge.entries))
    finally:
        await watcher.stop()
