"""Fixtures of the hardening suite and the figures it prints at the end of the session."""

from __future__ import annotations

from pathlib import Path

import pytest
from hardening_support import FIGURES, base_bytes

from bot.core.service import KnowledgeService


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


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the figures the hardening tests measured (only when any of them ran)."""
    if FIGURES.questions or FIGURES.mutations or FIGURES.reloads:
        terminalreporter.write_sep("-", "hardening figures")
        for line in FIGURES.lines():
            terminalreporter.write_line(line)
