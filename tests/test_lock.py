"""The lock files pin, with hashes, a version of every dependency pyproject.toml asks for."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)", re.MULTILINE)


def pins(name: str) -> dict[str, str]:
    """Return the lock file's pinned versions by canonical package name."""
    text = (ROOT / "requirements" / name).read_text("utf-8")
    return {canonicalize_name(n): v for n, v in _PIN.findall(text)}


def wanted(*extras: str) -> list[Requirement]:
    """Return pyproject.toml's requirements: the runtime ones and those of ``extras``."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    listed = [*project["dependencies"]]
    for extra in extras:
        listed += project["optional-dependencies"][extra]
    found = [Requirement(text) for text in listed]
    return [r for r in found if canonicalize_name(r.name) != canonicalize_name(project["name"])]


@pytest.mark.parametrize(("lock", "extras"), [("app.lock", ()), ("dev.lock", ("test", "dev"))])
def test_every_requirement_is_pinned_within_its_range(lock: str, extras: tuple[str, ...]) -> None:
    pinned = pins(lock)
    for requirement in wanted(*extras):
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{requirement} is in pyproject.toml but not in {lock}"
        assert requirement.specifier.contains(pinned[name], prereleases=True), (
            f"{lock} pins {name}=={pinned[name]}, outside pyproject.toml's {requirement}"
        )


def test_the_bot_runs_on_the_same_versions_it_is_tested_on() -> None:
    app, dev = pins("app.lock"), pins("dev.lock")
    assert app, "app.lock pins nothing"
    assert {name: dev.get(name) for name in app} == app


@pytest.mark.parametrize("lock", ["app.lock", "dev.lock"])
def test_every_pin_carries_a_hash_and_no_machine_paths(lock: str) -> None:
    text = (ROOT / "requirements" / lock).read_text("utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text)
    assert all("--hash=sha256:" in block for block in blocks if _PIN.match(block))
    assert "file://" not in text and "--find-links" not in text
