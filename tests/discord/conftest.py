"""Fixtures for the Discord tests: knowledge file, settings, the bot and a SimCord world."""

from __future__ import annotations

import dataclasses
import logging
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import simcord
from discord_kit import KNOWLEDGE, World, assert_no_error_logs, build_world
from fake_discord import FakeDiscord, point_discord_at

from bot.core.service import KnowledgeService
from bot.discord.client import OnemBot, create_bot
from bot.discord.settings import Settings
from bot.store.unanswered import UnansweredLog


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "settings(**changes): Settings fields for the bot fixture")
    config.addinivalue_line("markers", "allow_error_log: the test expects ERROR log records")


@pytest.fixture(autouse=True)
def _no_error_logs(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """Fail a test on any ERROR log record unless it is marked allow_error_log."""
    caplog.set_level(logging.INFO, logger="bot")
    yield
    assert_no_error_logs(request, caplog)


@pytest.fixture
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    """Start the loopback fake Discord and point discord.py at it."""
    server = FakeDiscord()
    await server.start()
    point_discord_at(server, monkeypatch)
    yield server
    await server.stop()


@pytest.fixture
def knowledge_file(tmp_path: Path) -> Path:
    """Return a writable copy of the fixture knowledge file."""
    directory = tmp_path / "knowledge"
    directory.mkdir()
    target = directory / "onem.yaml"
    shutil.copy(KNOWLEDGE, target)
    return target


@pytest.fixture
def bot_knowledge(knowledge_file: Path) -> Path:
    """Return the bot's knowledge file (the root conftest's name for it)."""
    return knowledge_file


@pytest.fixture
def settings(request: pytest.FixtureRequest, knowledge_file: Path, tmp_path: Path) -> Settings:
    """Return test settings; ``@pytest.mark.settings(...)`` changes fields."""
    marker = request.node.get_closest_marker("settings")
    changes: dict[str, Any] = dict(marker.kwargs) if marker else {}
    base = Settings(
        token="test-token-not-real",
        knowledge_path=knowledge_file,
        unanswered_log_path=tmp_path / "unanswered.jsonl",
        cooldown_rate=100,
        cooldown_per_seconds=60,
    )
    return dataclasses.replace(base, **changes)


@pytest.fixture
def service(settings: Settings) -> KnowledgeService:
    """Return a knowledge service over the fixture file."""
    return KnowledgeService.from_path(
        settings.knowledge_path, max_question_chars=settings.max_question_chars
    )


@pytest.fixture
def unanswered(settings: Settings) -> UnansweredLog:
    """Return the unanswered log in the test's temporary directory."""
    return UnansweredLog(settings.unanswered_log_path, max_bytes=settings.unanswered_log_max_bytes)


@pytest.fixture
async def bot(
    settings: Settings, service: KnowledgeService, unanswered: UnansweredLog
) -> AsyncIterator[OnemBot]:
    """Return the bot under test (not started); stop its file watcher afterwards."""
    bot = create_bot(settings, service, unanswered, watch_debounce_ms=50)
    yield bot
    if bot.watcher is not None:  # SimCord detaches the bot without closing it
        await bot.watcher.stop()


@pytest.fixture
def simcord_bot(bot: OnemBot) -> OnemBot:
    """Hand the bot to SimCord's ``simcord_env`` fixture."""
    return bot


@pytest.fixture
async def world(simcord_env: simcord.Env, bot: OnemBot) -> World:
    """Build the server, configure admins and channels by id, and sync the slash commands."""
    return await build_world(simcord_env, bot)
