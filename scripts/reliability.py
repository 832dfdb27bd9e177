"""Print how often answers are right at each confidence: a reliability table for a question set.

Usage: .venv/bin/python scripts/reliability.py tests/eval/chat-test.yaml [more sets]
Each question is decided with no threshold; its best entry counts as right when the reply
contains every expected pattern (off-topic and near questions are never right to answer).
"""

from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path

import yaml

from bot.core.decide.decision import decide
from bot.core.knowledge.loader import default_knowledge_path
from bot.core.render.text import summary
from bot.core.reply.replies import compose
from bot.core.service import KnowledgeService

BINS = (0.0, 0.2, 0.4, 0.55, 0.7, 0.8, 0.9, 1.0001)


def main() -> None:
    """Print the table."""
    service = KnowledgeService.from_path(default_knowledge_path())
    matcher, rows = service.snapshot.matcher, []
    for name in sys.argv[1:]:
        for item in yaml.safe_load(Path(name).read_text("utf-8")):
            decision = decide(matcher.read(item["q"]), 0.0)
            right = False
            if item["kind"] == "answerable" and decision.answer is not None:
                text = summary(compose(item["q"], decision, service.knowledge))
                right = all(re.search(p, text, re.IGNORECASE) for p in item["expect"])
            rows.append((decision.confidence, right))
    print("| confidence | questions | best entry right |")
    print("| --- | --- | --- |")
    for low, high in itertools.pairwise(BINS):
        found = [right for score, right in rows if low <= score < high]
        if found:
            share = sum(found) / len(found)
            print(f"| {low:.2f}-{min(high, 1):.2f} | {len(found)} | {share:.0%} |")


if __name__ == "__main__":
    main()
