"""Lint: each problem located at the line of the phrasing concerned, collisions on both sides."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main


def _check(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    path = tmp_path / "kb.yaml"
    path.write_text(text)
    assert main(["check", str(path)]) == 1
    return capsys.readouterr().out.splitlines()[1:]


def _line(text: str, phrasing: str) -> int:
    return text.splitlines().index(f"      - {phrasing}") + 1


def test_a_phrasing_added_that_collides_through_a_synonym_is_located(
    mini_text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    added = "How long do the moulds last?"  # molds' own phrasing, through mold = mould
    text = mini_text.replace(
        "      - number of cars for the states\n",
        f"      - number of cars for the states\n      - {added}\n",
    )
    lines = _check(tmp_path, text, capsys)
    new, old = _line(text, added), _line(text, "How long do the molds last?")
    assert new < old  # the added phrasing is above the one it collides with
    assert [line.split(": ", 1)[0].rsplit(":", 1)[1] for line in lines] == [str(new), str(old)]
    assert f"'{added}' reads the same as 'How long do the molds last?'" in lines[0]
    assert f"of entry 'molds' (line {old})" in lines[0]


def test_a_phrasing_that_goes_elsewhere_is_located_at_its_own_line(
    mini_text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    added = "How many 1Ms is America getting?"
    text = mini_text.replace(
        "      - what limits production of the 1m\n",
        f"      - what limits production of the 1m\n      - {added}\n",
    )
    lines = _check(tmp_path, text, capsys)
    where = f"  {tmp_path / 'kb.yaml'}:{_line(text, added)}: entry 'molds'"
    (line,) = [line for line in lines if line.startswith(where)]
    assert "goes to 'us-allocation'" in line


def test_a_keyword_of_ignored_words_only_is_reported_at_its_entry(
    mini_text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = mini_text.replace(
        "    keywords: [allocation, quota]\n", "    keywords: [allocation, quota, any more]\n"
    )
    (line,) = _check(tmp_path, text, capsys)
    entry = text.splitlines().index("  - id: us-allocation") + 1
    assert line.startswith(f"  {tmp_path / 'kb.yaml'}:{entry}: entry 'us-allocation'")
    assert "'any more'" in line
    assert "quota" not in line
