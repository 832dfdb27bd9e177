"""Fixtures of the hardening suite and the figures it prints at the end of the session.

The Discord-facing tests (``test_discord_*.py``) run the real bot in SimCord: the ``world``
fixture builds a server with people in every role, like ``tests/discord`` does, and fails a
test on any ERROR log from the bot unless it is marked ``allow_error_log``. They reuse the
helpers of ``tests/discord`` (``discord_kit``, ``fake_discord``), put on ``sys.path`` here.
"""

from __future__ import annotations

import logging
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import simcord
from hardening_support import FIGURES, HERE, base_bytes

from bot.core.service import KnowledgeService
from bot.core.unanswered import UnansweredLog
from bot.discord.client import OnemBot, create_bot
from bot.discord.settings import Settings

DISCORD_TESTS = HERE.parent / "discord"
if str(DISCORD_TESTS) not in sys.path:
    sys.path.insert(0, str(DISCORD_TESTS))

from discord_kit import KNOWLEDGE, World, assert_no_error_logs, build_world  # noqa: E402  (needs the path above)


@pytest.fixture(scope="session")
def kb_bytes() -> bytes:
    """Return the bytes of the knowledge file under attack (the shipped one when it exists)."""
    return base_bytes()


@pytest.fixture(scope="session")
def kb_path(kb_bytes: bytes, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a private copy of the file under attack (others may be editing the original)."""
    path = tmp_path_factory.mktemp("knowledge") / "onem.yaml"
    path.write_bytes(kb_bytes)
    return path


@pytest.fixture(scope="session")
def shipped_service(kb_path: Path) -> KnowledgeService:
    """Return one service over the file under attack, configured as shipped (never reloaded)."""
    return KnowledgeService.from_path(kb_path)


# --- the bot in SimCord ----------------------------------------------------------------------


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "allow_error_log: the test expects ERROR log records")


@pytest.fixture
def no_error_logs(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[pytest.LogCaptureFixture]:
    """Fail the test on any ERROR log record unless it is marked allow_error_log."""
    caplog.set_level(logging.INFO, logger="bot")
    yield caplog
    assert_no_error_logs(request, caplog)


@pytest.fixture
def bot_knowledge(tmp_path: Path) -> Path:
    """Return a writable copy of the small knowledge file of the Discord tests (fast reloads)."""
    target = tmp_path / "knowledge" / "onem.yaml"
    target.parent.mkdir()
    shutil.copy(KNOWLEDGE, target)
    return target


@pytest.fixture
def bot_settings(bot_knowledge: Path, tmp_path: Path) -> Settings:
    """Return the settings the bot starts with: shipped defaults but for paths and the token."""
    return Settings(
        token="test-token-not-real",
        knowledge_path=bot_knowledge,
        unanswered_log_path=tmp_path / "unanswered.jsonl",
        unanswered_log_max_bytes=64 * 1024,
    )


@pytest.fixture
def bot(bot_settings: Settings) -> OnemBot:
    """Return the bot under test (not started), over its own service and unanswered log."""
    service = KnowledgeService.from_path(
        bot_settings.knowledge_path, max_question_chars=bot_settings.max_question_chars
    )
    log = UnansweredLog(
        bot_settings.unanswered_log_path, max_bytes=bot_settings.unanswered_log_max_bytes
    )
    return create_bot(bot_settings, service, log)


@pytest.fixture
def simcord_bot(bot: OnemBot) -> OnemBot:
    """Hand the bot to SimCord's ``simcord_env`` fixture."""
    return bot


@pytest.fixture
async def world(
    simcord_env: simcord.Env, bot: OnemBot, no_error_logs: pytest.LogCaptureFixture
) -> World:
    """Build the server of ``tests/discord`` (admins by role id, by user id and by Manage
    Server; a role merely named "admin"; an owner who is no admin) and sync the commands."""
    return await build_world(simcord_env, bot)


# --- the figures -----------------------------------------------------------------------------


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the figures the hardening tests measured (only when any of them ran)."""
    if len(FIGURES.lines()) > 1:
        terminalreporter.write_sep("-", "hardening figures")
        for line in FIGURES.lines():
            terminalreporter.write_line(line)
