"""Answers do not depend on the process's string hash seed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
# Seed 176 once built other name terms from the answers' lower-case words, joined in a set's
# order, and halved the entry this phrasing belongs to.
QUESTION = "what did BMW's global M sales head say about more production"


def _answer(seed: int) -> str:
    env = dict(os.environ, PYTHONHASHSEED=str(seed), PYTHONPATH=str(ROOT))
    args = [sys.executable, "-m", "bot", "ask", "--json", QUESTION]
    return subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout


def test_the_same_question_gets_the_same_answer_under_any_hash_seed() -> None:
    assert _answer(0) == _answer(176)
