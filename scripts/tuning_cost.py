"""Print the tuning cost: what matcher rounds minimise, summed over every set it is allowed to see.

Usage: .venv/bin/python scripts/tuning_cost.py
Cost per question set = missed + 2 * (wrong + false answers), from ../shared/eval/grade.py --json,
over every tuning half, synthetic.yaml, questions.yaml and the shared dev sets; conversation
tuning sets report failed turns on a line of their own. Test halves are never read.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GRADER = ROOT.parent / "shared" / "eval" / "grade.py"


def _sets() -> tuple[list[Path], list[Path]]:
    """Return the single-question and the conversation sets a tuning round may look at."""
    evals = ROOT / "tests" / "eval"
    single = [
        *sorted(evals.glob("chat*-tune.yaml")),
        evals / "synthetic.yaml",
        evals / "questions.yaml",
        *sorted(GRADER.parent.glob("dev*.yaml")),
    ]
    talks = [evals / "conversations.yaml", *sorted(evals.glob("conversations*-tune.yaml"))]
    return single, talks


def _json(args: list[str]) -> dict[str, float]:
    """Run one command and return the JSON it prints."""
    out = subprocess.run(args, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    result: dict[str, float] = json.loads(out)
    return result


def main() -> None:
    """Print one line per set, then the totals."""
    single, talks = _sets()
    total = 0
    for path in single:
        grade = _json([sys.executable, str(GRADER), str(path), "--json"])
        false = grade["offtopic"] - grade["declined"]
        cost = int(grade["missed"] + 2 * (grade["wrong"] + false))
        total += cost
        print(
            f"{path.name:28} cost {cost:3}  missed {grade['missed']:.0f}"
            f"  wrong {grade['wrong']:.0f}  false {false:.0f}"
        )
    failed = 0
    for path in talks:
        result = _json([sys.executable, "-m", "bot", "eval", str(path), "--json"])
        failed += int(result["turns"] - result["passed"])
        print(
            f"{path.name:28} turns failed {result['turns'] - result['passed']:.0f}"
            f" of {result['turns']:.0f}"
        )
    print(f"single-question cost {total}; conversation turns failed {failed}")


if __name__ == "__main__":
    main()
