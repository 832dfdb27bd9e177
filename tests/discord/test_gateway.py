"""What the bot asks the gateway for, on the loopback fake: shard_count auto, optional intent."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest
from fake_discord import FakeDiscord

from bot.core.service import KnowledgeService
from bot.discord.client import ShardedOnemBot, create_bot
from bot.discord.settings import Settings

CONTENT = 1 << 15


async def _no_identify_pause(shard_id: int | None, *, initial: bool = False) -> None:
    """Identify at once (discord.py waits 5 s between shards to respect Discord's limit)."""


async def test_shard_count_auto_uses_discords_recommendation(
    fake: FakeDiscord, settings: Settings, service: KnowledgeService
) -> None:
    fake.recommended_shards = 3
    settings = dataclasses.replace(settings, shard_count="auto")
    bot = create_bot(settings, service, guild_ready_timeout=0.05)
    assert isinstance(bot, ShardedOnemBot)
    bot.before_identify_hook = _no_identify_pause  # type: ignore[method-assign]
    task = asyncio.create_task(bot.start(settings.token))
    try:
        await fake.wait_for(lambda: len(fake.frames(2)) == 3, within=10)
        assert len(fake.find("GET", "/gateway/bot")) == 1
        shards = sorted(tuple(f["d"]["shard"]) for f in fake.frames(2))
        assert shards == [(0, 3), (1, 3), (2, 3)]
        assert bot.shard_count == 3
    finally:
        await bot.close()
        await asyncio.wait_for(task, 10)


async def test_a_fixed_shard_count_does_not_ask_discord(
    fake: FakeDiscord, settings: Settings, service: KnowledgeService
) -> None:
    settings = dataclasses.replace(settings, shard_count=4, shard_ids=(2,))
    bot = create_bot(settings, service, guild_ready_timeout=0.05)
    task = asyncio.create_task(bot.start(settings.token))
    try:
        await fake.wait_for(lambda: fake.frames(2), within=10)
        assert [f["d"]["shard"] for f in fake.frames(2)] == [[2, 4]]
        assert fake.find("GET", "/gateway/bot") == []
    finally:
        await bot.close()
        await asyncio.wait_for(task, 10)


@pytest.mark.parametrize("content", [True, False])
async def test_message_content_intent_is_asked_for_only_when_configured(
    fake: FakeDiscord, settings: Settings, service: KnowledgeService, content: bool
) -> None:
    settings = dataclasses.replace(settings, message_content=content)
    bot = create_bot(settings, service, guild_ready_timeout=0.05)
    task = asyncio.create_task(bot.start(settings.token))
    try:
        await asyncio.wait_for(bot.wait_until_ready(), 10)
        (identify,) = fake.frames(2)
        assert bool(identify["d"]["intents"] & CONTENT) is content
    finally:
        await bot.close()
        await asyncio.wait_for(task, 10)
