"""The README and docs a newcomer follows: every relative link resolves, every command runs."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")
_FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
_CODE = re.compile(r"`([^`\n]+)`")


def _slug(heading: str) -> str:
    """Return GitHub's anchor for a heading."""
    text = unicodedata.normalize("NFKC", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = _FENCE.sub("", path.read_text(encoding="utf-8"))
    return {_slug(m[1]) for m in re.finditer(r"^#+\s+(.+)$", text, re.MULTILINE)}


def relative_links(path: Path) -> list[str]:
    """Return the relative link targets of a Markdown file (outside code blocks)."""
    text = _FENCE.sub("", path.read_text(encoding="utf-8"))
    return [t for t in _LINK.findall(text) if not re.match(r"[a-z]+:", t)]


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_relative_link_resolves(doc: Path) -> None:
    broken = []
    for target in relative_links(doc):
        file, _, anchor = target.partition("#")
        resolved = (doc.parent / file).resolve() if file else doc
        if not resolved.exists():
            broken.append(f"{target}: no such file")
        elif anchor and resolved.suffix == ".md" and anchor not in _anchors(resolved):
            broken.append(f"{target}: no heading with that anchor")
    assert not broken, f"{doc.name}: " + "; ".join(broken)


def test_the_link_check_sees_a_broken_link(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("[ok](page.md#title) [gone](docs/nope.md) [web](https://x.org)\n# Title\n")
    assert relative_links(page) == ["page.md#title", "docs/nope.md"]
    assert _anchors(page) == {"title"}


def test_config_example_points_only_to_files_that_exist() -> None:
    text = (ROOT / "config.example.yaml").read_text(encoding="utf-8")
    for named in re.findall(r"\b[\w./-]+\.(?:md|yaml|json)\b", text):
        if named not in ("config.yaml", "unanswered.jsonl"):
            assert (ROOT / named).exists() or named.startswith("knowledge/"), named


def _commands(doc: Path) -> list[str]:
    """Return the command lines of a Markdown file: fenced shell lines and inline code."""
    text = doc.read_text(encoding="utf-8")
    lines = [
        line.strip().removeprefix("$ ")
        for block in _FENCE.findall(text)
        for line in block.splitlines()[1:-1]
    ]
    return lines + _CODE.findall(_FENCE.sub("", text))


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_commands_need_no_activated_venv(doc: Path) -> None:
    """A bare ``python``/``pytest`` runs outside the venv: ModuleNotFoundError after the install."""
    bare = re.compile(r"^(?:[A-Z_]+=\S+ )*(?:python3?|pytest|onem-bot) ")
    allowed = re.compile(r"^python3 -m venv ")
    wrong = [c for c in _commands(doc) if bare.match(c) and not allowed.match(c)]
    assert not wrong, f"{doc.name}: commands that need an activated venv: {wrong}"


def test_the_architecture_names_every_core_and_authoring_module() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    modules = [
        path
        for package in ("core", "authoring")
        for path in sorted((ROOT / "bot" / package).rglob("*.py"))
        if path.name != "__init__.py"
    ]
    missing = [
        str(p.relative_to(ROOT))
        for p in modules
        if f"{p.parent.name}/" not in text or p.name not in text
    ]
    assert len(modules) >= 20 and not missing, f"not in docs/architecture.md: {missing}"
