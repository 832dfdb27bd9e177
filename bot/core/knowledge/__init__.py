"""Load and validate a knowledge file into frozen data: entries, sources, synonyms, small talk."""

from __future__ import annotations

from pathlib import Path


def default_knowledge_path() -> Path:
    """Return the knowledge file shipped with the package."""
    from ... import knowledge  # the data package; imported here, not on every import

    return Path(knowledge.__file__).parent / "onem.yaml"
