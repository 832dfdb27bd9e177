"""Print the validation totals that decide whether a whole rule is kept: counts only.

Usage: .venv/bin/python scripts/validation.py [TREE]   (TREE: another checkout; default this one)

The older test halves are the validation set: their summed `grade.py --json` and `bot eval
--json` figures, never a question, are printed. The newest halves (chat56-test and on,
conversations50-test and on) are the test set and are not read here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SINGLES = [f"chat{n}-test.yaml" for n in ["", *map(str, range(2, 56))]]
TALKS = [f"conversations{n}-test.yaml" for n in ["", *map(str, range(3, 50))]]


def _figures(tree: Path, name: str) -> dict[str, float]:
    """Return one set's summary, run with the tree's code and knowledge."""
    path = tree / "tests" / "eval" / name
    grader = ROOT.parent / "shared" / "eval" / "grade.py"
    args = (
        [sys.executable, "-m", "bot", "eval", str(path), "--json"]
        if name.startswith("conversations")
        else [sys.executable, str(grader), str(path), "--json"]
    )
    env = dict(os.environ, PYTHONPATH=str(tree))
    out = subprocess.run(args, cwd=tree, env=env, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(out.stdout)
    return result


def main() -> None:
    """Print the totals."""
    tree = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT
    with ThreadPoolExecutor(3) as pool:
        names = SINGLES + TALKS
        found = dict(zip(names, pool.map(lambda n: _figures(tree, n), names), strict=True))
    total = {
        k: sum(found[n][k] for n in SINGLES)
        for k in ("correct", "answerable", "wrong", "missed", "declined", "offtopic")
    }
    false = total["offtopic"] - total["declined"]
    cost = total["missed"] + 2 * (total["wrong"] + false)
    passed, turns = (sum(found[n][k] for n in TALKS) for k in ("passed", "turns"))
    print(
        f"single questions: correct {total['correct']:.0f}/{total['answerable']:.0f}, declined "
        f"{total['declined']:.0f}/{total['offtopic']:.0f}, wrong {total['wrong']:.0f}, false "
        f"{false:.0f}, missed {total['missed']:.0f}, cost {cost:.0f}"
    )
    print(f"conversation turns: {passed:.0f}/{turns:.0f}")


if __name__ == "__main__":
    main()
