"""The shipped JSON Schema matches the loader's rules and accepts the shipped knowledge."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from bot.authoring.schema import knowledge_schema
from bot.core.knowledge.loader import default_knowledge_path

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_schema_is_up_to_date() -> None:
    shipped = json.loads((ROOT / "knowledge" / "onem.schema.json").read_text(encoding="utf-8"))
    assert shipped == knowledge_schema(), "run: python -m bot schema > knowledge/onem.schema.json"


@pytest.mark.parametrize("path", [default_knowledge_path(), ROOT / "tests/fixtures/mini.yaml"])
def test_valid_files_pass_the_schema(path: Path) -> None:
    jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), knowledge_schema())


def test_schema_rejects_what_the_loader_rejects(mini_text: str) -> None:
    data = yaml.safe_load(mini_text.replace("status: rumor", "status: gossip"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, knowledge_schema())
    data = yaml.safe_load(mini_text)
    data["entries"][0]["colour"] = "red"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, knowledge_schema())
