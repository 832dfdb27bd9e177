"""Shared fixtures: paths to the test knowledge files, and the simulated Discord."""

from __future__ import annotations

from collections.abc import AsyncIterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from simcord import Env

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def mini_path() -> Path:
    """Return the small test knowledge file."""
    return FIXTURES / "mini.yaml"


@pytest.fixture
def mini_text(mini_path: Path) -> str:
    """Return the small test knowledge file's text."""
    return mini_path.read_text(encoding="utf-8")


@pytest_asyncio.fixture
async def simcord_env(simcord_bot: Any, request: pytest.FixtureRequest) -> AsyncIterator[Env]:
    """SimCord's own fixture, declaring the bot's file watcher as waiting on outside input."""
    marker = request.node.get_closest_marker("simcord")
    env = Env(simcord_bot, **(marker.kwargs if marker else {}))
    simcord_bot.external_wait = partial(env.external_wait, reason="the knowledge file watcher")
    await env.start()
    try:
        yield env
    finally:
        await env.shutdown()
        if env.check_errors:
            env._raise_errors_since(env._errors_acknowledged)
