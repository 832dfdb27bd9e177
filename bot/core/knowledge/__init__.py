"""Load and validate a knowledge file into frozen data: entries, sources, synonyms, small talk."""

from __future__ import annotations

import importlib
from pathlib import Path


def default_knowledge_path() -> Path:
    """Return the knowledge file shipped with the package."""
    # The data package is mapped by the install (it lives in the repository's knowledge/), so
    # it is found at run time by name rather than imported statically.
    data = importlib.import_module("bot.knowledge")
    return Path(str(data.__file__)).parent / "onem.yaml"
