"""Shared fixtures: paths to the test knowledge files."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def mini_path() -> Path:
    """Return the small test knowledge file."""
    return FIXTURES / "mini.yaml"


@pytest.fixture
def mini_text(mini_path: Path) -> str:
    """Return the small test knowledge file's text."""
    return mini_path.read_text(encoding="utf-8")
