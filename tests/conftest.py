"""Shared fixtures: the test knowledge files, the file under attack, and the bot in SimCord.

``tests/support`` (helpers imported by basename: ``hardening_support``, ``knowledge_mutations``,
``discord_kit``, ``fake_discord``) and ``tests/core`` (whose reload and hostile-question tests
the Discord tests reuse) are put on ``sys.path`` here, so that any test can import them.

The hardening tests (the modules in ``HARDENING``, marked ``hardening``: run them alone with
``pytest -m hardening``) print the figures they measured at the end of the session. The Discord
tests outside ``tests/discord`` use the ``world`` fixture here: the bot with the shipped
settings in a SimCord server with people in every role, failing a test on any ERROR log from
the bot unless it is marked ``allow_error_log``; ``tests/discord/conftest.py`` has its own.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from collections.abc import AsyncIterator, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from hypothesis import settings
from simcord import Env

# Property tests check what holds, not how fast: Hypothesis's per-example deadline would make
# them fail on a busy machine, and speed is measured by the benchmarks instead.
settings.register_profile("onem", deadline=None)
settings.load_profile("onem")

TESTS = Path(__file__).parent
for _folder in (TESTS / "support", TESTS / "core"):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

import simcord  # noqa: E402  (after the path above, like the helpers)
from discord_kit import KNOWLEDGE, World, assert_no_error_logs, build_world  # noqa: E402
from hardening_support import FIGURES, base_bytes  # noqa: E402

from bot.core.service import KnowledgeService  # noqa: E402
from bot.discord.client import OnemBot, create_bot  # noqa: E402
from bot.discord.settings import Settings  # noqa: E402
from bot.store.unanswered import UnansweredLog  # noqa: E402

FIXTURES = TESTS / "fixtures"

HARDENING = frozenset(
    {
        "test_loader_hostile_files",
        "test_loader_budgets",
        "test_service_hostile_questions",
        "test_service_reload_under_load",
        "test_completion",
        "test_unanswered_hostile",
        "test_unanswered_nothing_lost",
        "test_embeds_hostile_questions",
        "test_embeds_output_safety",
        "test_permissions_table",
        "test_permissions",
        "test_cooldown",
        "test_admin_reload_under_load",
        "test_runner_secrets",
        "test_runner_failures",
        "test_watch",
    }
)
"""The modules that attack the bot (docs/reliability.md), marked ``hardening``."""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "allow_error_log: the test expects ERROR log records")
    config.addinivalue_line("markers", "hardening: a test that attacks the bot")


@pytest.fixture(autouse=True, scope="session")
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Point the command line's snapshot cache (and its subprocesses') at a folder of the run."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if before is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = before


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests of the hardening modules ``hardening``."""
    for item in items:
        if item.path.stem in HARDENING:
            item.add_marker(pytest.mark.hardening)


@pytest.fixture
def mini_path() -> Path:
    """Return the small test knowledge file."""
    return FIXTURES / "mini.yaml"


@pytest.fixture
def mini_text(mini_path: Path) -> str:
    """Return the small test knowledge file's text."""
    return mini_path.read_text(encoding="utf-8")


# --- the file under attack -------------------------------------------------------------------


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


class CheckedEnv(Env):
    """SimCord's environment, remembering how many errors the test has read."""

    read = 0

    @property
    def errors(self) -> list[BaseException]:
        """Return the errors so far; the test has now seen them."""
        self.read = self.error_cursor
        return list(self.errors_since(0))

    def raise_unread(self) -> None:
        """Fail the test on every error the bot raised after the test last looked."""
        unread = self.errors_since(self.read)
        if unread:
            raise BaseExceptionGroup(f"bot raised {len(unread)} error(s) during the test", unread)


@pytest_asyncio.fixture
async def simcord_env(simcord_bot: Any, request: pytest.FixtureRequest) -> AsyncIterator[Env]:
    """SimCord's own fixture (through its public error API), with the file watcher declared as
    waiting on outside input."""
    marker = request.node.get_closest_marker("simcord")
    # SimCord's 5 s default for the bot to settle fails sound tests on a loaded machine (an
    # executor job waiting for a core); pytest's own timeout still stops a bot that hangs.
    options: dict[str, Any] = {"settle_timeout": 30.0, **(marker.kwargs if marker else {})}
    env = CheckedEnv(simcord_bot, **options)
    simcord_bot.external_wait = partial(env.external_wait, reason="the knowledge file watcher")
    await env.start()
    try:
        yield env
    finally:
        await env.shutdown()
        if env.check_errors:
            env.raise_unread()


# --- the figures -----------------------------------------------------------------------------


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the figures the hardening tests measured (only when any of them ran)."""
    if len(FIGURES.lines()) > 1:
        terminalreporter.write_sep("-", "hardening figures")
        for line in FIGURES.lines():
            terminalreporter.write_line(line)
