"""The command line: ask (text and JSON contract), check and eval, over the same core."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run ``python -m bot`` as a user would and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def test_ask_prints_a_readable_answer(mini_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "-k", str(mini_path), "what", "limits", "1m", "production?"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Fact: The molds were made for a run of about 2,500 cars.")
    assert "Claimed by: BMW" in out


def test_ask_json_stdin_follows_the_contract(mini_path: Path) -> None:
    questions = [
        "How many 1Ms is the US getting?",
        "recipe for lasagna",
        "",
        "what limits production",
    ]
    proc = run("ask", "--json", "-k", str(mini_path), "-", stdin="\n".join(questions) + "\n")
    assert proc.returncode == 0, proc.stderr
    replies = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["question"] for r in replies] == questions
    assert [r["answered"] for r in replies] == [True, False, False, True]
    assert replies[0]["entry"] == "us-allocation" and replies[0]["sources"]
    assert replies[1]["suggestions"] == []  # off-topic: nothing to suggest


def test_ask_json_with_an_argument_prints_one_object(mini_path: Path) -> None:
    proc = run("ask", "--json", "-k", str(mini_path), "what limits production")
    assert proc.returncode == 0
    [line] = proc.stdout.splitlines()
    assert json.loads(line)["entry"] == "molds"


def test_ask_with_a_broken_knowledge_file_says_what_is_wrong(
    mini_text: str, tmp_path: Path
) -> None:
    bad = tmp_path / "kb.yaml"
    bad.write_text(mini_text.replace("status: rumor", "status: gossip"))
    proc = run("ask", "-k", str(bad), "anything")
    assert proc.returncode == 2
    assert "kb.yaml:" in proc.stderr and "gossip" in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_check_passes_a_clean_file(mini_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(mini_path)]) == 0
    assert capsys.readouterr().out.startswith(f"OK {mini_path}: 3 entries, 3 sources")


def test_check_reports_load_errors_with_lines(
    mini_text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "kb.yaml"
    bad.write_text(
        mini_text.replace("status: rumor", "status: gossip").replace(
            "sources: [dealer-memo]", "sources: [nope]"
        )
    )
    assert main(["check", str(bad)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("2 problems in the knowledge file")
    assert f"{bad}:" in out


def test_check_lints_phrasings_that_go_elsewhere(
    mini_text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "kb.yaml"
    bad.write_text(
        mini_text.replace(
            "      - How long do the molds last?\n", "      - american 1m allocation\n"
        )
    )
    assert main(["check", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "the phrasing 'american 1m allocation' goes to 'us-allocation'" in out


def test_eval_counts_verdicts(
    mini_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = tmp_path / "q.yaml"
    questions.write_text(
        "- {kind: answerable, q: 'what limits 1m production', expect: ['2,?500']}\n"
        "- {kind: answerable, q: 'how many for the US', expect: ['9999']}\n"
        "- {kind: offtopic, q: 'recipe for lasagna'}\n"
        "- {kind: offtopic, q: 'what limits production'}\n"
    )
    assert main(["eval", "-k", str(mini_path), str(questions)]) == 0
    out = capsys.readouterr().out
    assert "answerable: 1/2 correct (50.0%), 1 wrong, 0 missed" in out
    assert "off-topic: 1/2 declined (50.0%)" in out
    assert "false-answer  what limits production" in out


def test_project_question_set_meets_the_targets(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "--json", "--show", "none", str(ROOT / "tests/eval/questions.yaml")]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["accuracy"] >= 0.9, result
    assert result["decline_rate"] >= 0.9, result


def test_eval_plays_conversations_turn_by_turn(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conversations = tmp_path / "c.yaml"
    conversations.write_text(
        "- turns:\n"
        "    - {q: 'hi', kind: smalltalk}\n"
        "    - {q: 'how many 1ms is the us getting', expect: ['600']}\n"
        "    - {q: 'who said that', expect: ['bmw ?blog']}\n"
        "- turns:\n"
        "    - {q: 'who said that', kind: decline}\n"
        "    - {q: 'lasagna recipe', expect: ['lasagna']}\n"
    )
    assert main(["eval", str(conversations)]) == 0
    out = capsys.readouterr().out
    assert "turns: 4/5 passed (80.0%)" in out
    assert "FAIL  want answer    lasagna recipe" in out
