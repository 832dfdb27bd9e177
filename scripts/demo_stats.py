"""Fill a store with a simulated fortnight of questions and draw the README's /kb stats chart.

    .venv/bin/python scripts/demo_stats.py docs/images/kb-stats.png

The questions are the project's own question sets, answered by the shipped knowledge, asked
a seeded-random number of times a day, over a fixed fortnight, so the same code and knowledge draw
the same image; it needs matplotlib (the ``charts`` extra).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from bot.authoring.evaluation import load_questions
from bot.core.knowledge.loader import default_knowledge_path
from bot.core.service import KnowledgeService
from bot.store.charts import usage_chart, usage_table
from bot.store.db import DAY, Store
from bot.store.records import Asked, Scope

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC).timestamp()


def main(out: Path) -> int:
    """Simulate, print the table, write the chart."""
    service = KnowledgeService.from_path(default_knowledge_path())
    questions = [q.q for name in ("questions", "holdout")
                 for q in load_questions(ROOT / "tests" / "eval" / f"{name}.yaml")]  # fmt: skip
    rng = random.Random(15)
    with (
        tempfile.TemporaryDirectory() as tmp,
        Store(Path(tmp) / "demo.db", clock=lambda: NOW) as store,
    ):
        for day in range(14):
            for _ in range(rng.randint(20, 60) + day * 3):
                reply = service.ask(rng.choice(questions))
                store.record(
                    Asked(reply.question, reply.answered, reply.score, reply.kind,
                          reply.entry_id, guild_id=1, at=NOW - (13 - day) * DAY)
                )  # fmt: skip
        store.flush()
        usage = store.usage(Scope.server(1), days=14)
    print(usage_table(usage, "This server"))
    png = usage_chart(usage, "This server")
    if png is None:
        print("needs matplotlib", file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(png)
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("kb-stats.png"))
    sys.exit(main(parser.parse_args().out))
