"""What a new admin trips on at the command line: several questions, -v, eval errors, chat help."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.chat import chat
from bot.cli import main
from bot.core.service import KnowledgeService

ROOT = Path(__file__).resolve().parents[1]


def test_ask_json_answers_several_questions_as_several_objects(
    mini_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    asked = ["How many 1Ms is the US getting?", "what limits production of the 1m"]
    assert main(["ask", "--json", "-k", str(mini_path), *asked]) == 0
    replies = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["question"] for r in replies] == asked
    assert [r["entry"] for r in replies] == ["us-allocation", "molds"]


def test_ask_keeps_unquoted_words_as_one_question(
    mini_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask", "--json", "-k", str(mini_path), "what", "limits", "production"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["question"] == "what limits production"


def test_ask_verbose_shows_the_ranking(mini_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "-v", "-k", str(mini_path), "How many 1Ms is the US getting?"]) == 0
    text = capsys.readouterr().out
    assert "Ranking (answers from 0.50):" in text
    assert "    1. us-allocation: score 1.00" in text
    assert main(["ask", "--json", "-v", "-k", str(mini_path), "what limits production"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ranking"]["matches"][0]["entry"] == "molds"
    assert data["ranking"]["threshold"] == 0.5
    assert main(["ask", "--json", "-k", str(mini_path), "what limits production"]) == 0
    assert "ranking" not in json.loads(capsys.readouterr().out)  # only when asked


@pytest.mark.parametrize(
    "text, says",
    [
        ("- kind: answerable\n  q: [x\n", "q.yaml:3: YAML syntax error"),
        ("- {kind: answerable, q: x, expect: ['(unclosed']}\n", "item 1: the pattern '(unclosed'"),
        ("- {kind: answerable, q: x, expect: 5}\n", "item 1: 'expect' must be a list"),
        ("- turns: [{q: hi, expect: ['[']}]\n", "conversation 1, turn 1: the pattern '['"),
        ("- {kind: nonsense, q: x}\n", "item 1 needs kind"),
    ],
)
def test_eval_reports_a_bad_question_file_in_one_line(
    mini_path: Path, tmp_path: Path, text: str, says: str
) -> None:
    path = tmp_path / "q.yaml"
    path.write_text(text)
    done = subprocess.run(
        [sys.executable, "-m", "bot", "eval", "-k", str(mini_path), str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and done.stdout == ""
    (line,) = done.stderr.splitlines()  # one line, no traceback
    assert line.startswith("cannot read the question set: ") and says in line, line


def _chat(mini_path: Path, *lines: str) -> str:
    out = io.StringIO()
    stdin = io.StringIO("".join(line + "\n" for line in lines))
    assert chat(KnowledgeService.from_path(mini_path), stdin, out) == 0
    return out.getvalue()


def test_chat_help_explains_asking_and_every_command(mini_path: Path) -> None:
    banner, *rest = _chat(mini_path, ":help").splitlines()
    help_text = "\n".join(rest)
    assert help_text not in banner and len(rest) > 3  # more than the banner again
    for command in (":reload", ":help", ":quit"):
        assert command in help_text
    assert "who said that?" in help_text  # follow-ups are explained


def test_chat_refuses_unknown_commands_instead_of_asking_them(mini_path: Path) -> None:
    text = _chat(mini_path, ":foo", ":relaod")
    assert "Unknown command :foo" in text and "Unknown command :relaod" in text
    assert "I don't know that one" not in text  # neither was asked as a question


def test_chat_still_asks_lines_that_merely_start_with_a_colon(mini_path: Path) -> None:
    text = _chat(mini_path, ":) what limits production of the 1m")
    assert "Unknown command" not in text and "The molds were made" in text
