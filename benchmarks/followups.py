"""Time follow-ups (messages read against the last answer or a declined question) by file size.

    .venv/bin/python -m benchmarks.followups                  # the shipped file and 10,000
    .venv/bin/python -m benchmarks.followups --sizes 1000 10000 100000 --openers 300

Each opener is an entry's first phrasing (every shipped entry, and at a generated size a
sample of the others too), asked alone; every follow-up below is then asked after its answer,
and a few after a declined near-domain question. A follow-up path that reads every entry grows
with the file, as a single question's path must not: the table shows it. Best of ``--passes``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Sequence

from bot.core.knowledge.loader import default_knowledge_path, load_knowledge
from bot.core.service import KnowledgeService

from .generate import RESULTS, write_files

FOLLOW_UPS = (
    "who said that",
    "source?",
    "is that confirmed",
    "is that just a rumour",
    "why",
    "what about australia",
    "and the mini?",
    "how many again",
    "wait i thought it was 900",
    "so not 350?",
    "is that more than europe",
    "how does that compare to what the dealer said",
    "who's right then",
    "did bmw confirm it",
    "what else did he say",
    "when was that",
    "where did you read that",
    "lol ok thanks",
    "say that again",
    "torque?",
    "who's gabe",
    "what's the podcast",
)
DECLINED = (
    "how much horsepower does it make",
    "what colours could you order it in",
    "how many went to new zealand",
    "is segler married in real life",  # names a claimant: "what did he say" then means him
)
AFTER_DECLINED = (
    "what about the us",
    "and australia?",
    "torque?",
    "ok so who said that",
    "what did he say",
)


def timings(service: KnowledgeService, openers: Sequence[str], passes: int) -> list[float]:
    """Return, per follow-up message, its best time in ms over ``passes``."""
    best: dict[tuple[str, str], float] = {}
    for _ in range(passes):
        service.snapshot.matcher.clear_caches()
        for opener in openers:
            reply = service.ask(opener)
            if reply.answered:
                for text in FOLLOW_UPS:
                    start = time.perf_counter()
                    service.ask(text, reply.entry_id)
                    _keep(best, (opener, text), start)
        for question in DECLINED:
            for text in AFTER_DECLINED:
                start = time.perf_counter()
                service.ask(text, declined=question)
                _keep(best, (question, text), start)
    return sorted(best.values())


def _keep(best: dict[tuple[str, str], float], key: tuple[str, str], start: float) -> None:
    took = (time.perf_counter() - start) * 1000
    best[key] = min(took, best.get(key, took))


def main(argv: Sequence[str] | None = None) -> int:
    """Print median, p99 and the slowest follow-up for each file size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["real", "10000"])
    parser.add_argument("--openers", type=int, default=100, help="openers beyond the real ones")
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args(argv)
    numbers = sorted({int(s) for s in args.sizes if s != "real"})
    paths = {"real": default_knowledge_path()}
    if numbers:
        paths |= {str(n): p for n, p in write_files(numbers, RESULTS)[2].items()}
    shipped = load_knowledge(paths["real"])
    print("| file | follow-ups | median | p99 | slowest |\n| --- | --- | --- | --- | --- |")
    for size in args.sizes:
        service = KnowledgeService.from_path(paths[size])
        entries = service.knowledge.entries
        real = [e.questions[0] for e in shipped.entries]  # every size holds the shipped entries
        rng = random.Random(20261203)
        sample = rng.sample(range(len(entries)), min(args.openers, len(entries)))
        openers = [*real, *(entries[i].questions[0] for i in sample if size != "real")]
        ms = timings(service, openers, args.passes)
        p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
        median = statistics.median(ms)
        print(f"| {size} | {len(ms)} | {median:.3f} ms | {p99:.3f} ms | {ms[-1]:.1f} ms |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
