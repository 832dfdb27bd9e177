"""Check that a refactor changed no answer: every eval set, answered by two versions of the code.

    .venv/bin/python scripts/same_answers.py            # this working tree against HEAD
    .venv/bin/python scripts/same_answers.py main~3     # ... against any git revision

Both versions answer with this working tree's knowledge file, so only the code is compared. Each
question of every set (tests/eval and ../shared/eval) goes through ``python -m bot ask --json -``
and every conversation set through ``python -m bot eval --show all``; the outputs must be
byte-identical. It prints the first differences and exits 1 if there are any; for a held-out
set (a test half or the holdout) it prints only how many lines differ, so that checking a change
never shows a tuner the questions it must not tune on.
"""

from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SETS = sorted((ROOT / "tests" / "eval").glob("*.yaml")) + sorted(
    (ROOT.parent / "shared" / "eval").glob("*.yaml")
)
KNOWLEDGE = ROOT / "knowledge" / "onem.yaml"


def _run(code: Path, args: list[str], stdin: str = "") -> str:
    """Run the bot's command line from the checkout at ``code`` and return its output."""
    env = {**os.environ, "PYTHONPATH": str(code), "PYTHONHASHSEED": "0"}
    done = subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin, capture_output=True, text=True, env=env, cwd=code, check=False,
    )  # fmt: skip
    return done.stdout + f"[exit {done.returncode}]\n"


def _held_out(name: str) -> bool:
    """Tell whether a set is one that is reported and never tuned on."""
    return name.endswith("-test.yaml") or name == "holdout.yaml"


def answers(code: Path) -> dict[str, str]:
    """Return every set's answers as printed by the code at ``code``."""
    out: dict[str, str] = {}
    for path in SETS:
        items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        if any("turns" in item for item in items):
            out[path.name] = _run(code, ["eval", str(path), "-k", str(KNOWLEDGE), "--show", "all"])
        else:
            lines = "".join(str(item["q"]).replace("\n", " ") + "\n" for item in items)
            out[path.name] = _run(code, ["ask", "--json", "-", "-k", str(KNOWLEDGE)], lines)
    return out


def main() -> int:
    """Compare this working tree's answers with those of a git revision."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision", nargs="?", default="HEAD")
    revision = parser.parse_args().revision
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "other"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(other), revision],
            check=True,
        )
        try:
            theirs = answers(other)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)])
    ours = answers(ROOT)
    differ = 0
    for name, text in ours.items():
        count = text.count("\n")
        if text == theirs.get(name):
            print(f"  same  {name} ({count} lines)")
            continue
        differ += 1
        diff = list(
            difflib.unified_diff(theirs.get(name, "").splitlines(), text.splitlines(), lineterm="")
        )
        if _held_out(name):
            changed = sum(1 for line in diff[2:] if line[:1] in "+-")
            print(f"  DIFF  {name} (held out: {changed} lines differ, not shown)")
            continue
        print(f"  DIFF  {name}")
        for line in diff[:20]:
            print("        " + line[:200])
    print(f"{len(ours) - differ} of {len(ours)} sets answered byte-identically to {revision}.")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
