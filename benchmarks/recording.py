"""Benchmark what recording every question costs the answering path (issue 15).

    .venv/bin/python -m benchmarks.recording              # 20 rounds over the question sets
    .venv/bin/python -m benchmarks.recording --rounds 5

The bot answers on the event loop and then queues the question for the store's writer thread;
the disk is written by that thread alone. This measures, for every question of the project's
question sets, in alternating rounds so that both see the same machine:

- *answer only*: ``KnowledgeService.ask`` as before the store;
- *answer + record*: the same, plus building the record and queueing it, which is all the
  event loop does (``Store.record``);

then the writer's own throughput (rows committed per second, measured apart), and the longest
event-loop stall while 5,000 questions are answered and recorded, against the same loop idle.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from bot.authoring.evaluation import load_questions
from bot.core.knowledge.loader import default_knowledge_path
from bot.core.reply.replies import Reply
from bot.core.service import KnowledgeService
from bot.store.db import Store
from bot.store.records import Asked

ROOT = Path(__file__).resolve().parents[1]
SETS = [ROOT / "tests" / "eval" / "questions.yaml", ROOT / "tests" / "eval" / "holdout.yaml"]


def _asked(reply: Reply, n: int) -> Asked:
    return Asked(
        question=reply.question,
        answered=reply.answered,
        score=reply.score,
        kind=reply.kind,
        entry_id=reply.entry_id,
        suggestions=tuple(s.entry_id for s in reply.suggestions),
        guild_id=1 + n % 3,
        channel_id=10,
        user_id=100 + n % 50,
        message_id=n,
    )


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(service: KnowledgeService, store: Store, questions: list[str], rounds: int) -> None:
    """Print per-question latency with and without recording, in alternating rounds."""
    plain: dict[int, float] = {}
    recorded: dict[int, float] = {}
    n = 0
    for round_number in range(rounds):
        for record in (round_number % 2 == 0, round_number % 2 == 1):
            for i, question in enumerate(questions):
                start = time.perf_counter()
                reply = service.ask(question)
                if record:
                    store.record(_asked(reply, n))
                    n += 1
                took = time.perf_counter() - start
                best = recorded if record else plain
                best[i] = min(best.get(i, took), took)
            store.flush()  # the writer catches up between rounds, outside the timing
    for name, times in (("answer only", plain), ("answer + record", recorded)):
        ms = [t * 1000 for t in times.values()]
        print(
            f"{name:<16} median {statistics.median(ms):.4f} ms   p99 {_percentile(ms, 0.99):.4f} ms"
            f"   mean {statistics.fmean(ms):.4f} ms"
        )
    extra = [(recorded[i] - plain[i]) * 1000 for i in plain]
    print(
        f"{'difference':<16} median {statistics.median(extra):+.4f} ms   "
        f"p99 {_percentile(extra, 0.99):+.4f} ms   (each question's best of {rounds // 2 or 1})"
    )
    print(f"queued and committed: {store.state.written} rows, {store.state.failed} lost")


def writer_throughput(store: Store, replies: list[Reply], count: int = 20_000) -> None:
    """Print how fast the writer thread commits rows (queued all at once, then flushed)."""
    start = time.perf_counter()
    for n in range(count):
        store.record(_asked(replies[n % len(replies)], n))
    queued = time.perf_counter() - start
    store.flush(timeout=None)
    total = time.perf_counter() - start
    print(
        f"writer: {count:,} rows queued in {queued * 1000:.1f} ms "
        f"({queued / count * 1e6:.2f} us each), committed in {total:.2f} s "
        f"({count / total:,.0f} rows/s, in batches)"
    )


async def loop_stall(service: KnowledgeService, store: Store, questions: list[str]) -> None:
    """Print the longest event-loop stall while answering and recording, and idle."""

    async def ticker(stop: asyncio.Event, lags: list[float]) -> None:
        while not stop.is_set():
            start = time.perf_counter()
            await asyncio.sleep(0.001)
            lags.append(time.perf_counter() - start - 0.001)

    async def run(answer: bool, record: bool) -> float:
        stop: asyncio.Event = asyncio.Event()
        lags: list[float] = []
        tick = asyncio.create_task(ticker(stop, lags))
        for n in range(5000):
            if answer:
                reply = service.ask(questions[n % len(questions)])
                if record:
                    store.record(_asked(reply, n))
            await asyncio.sleep(0)
        await asyncio.sleep(0.05)
        stop.set()
        await tick
        return max(lags) * 1000

    idle = await run(False, False)
    answering = await run(True, False)
    recording = await run(True, True)
    await asyncio.to_thread(store.flush)
    print(
        f"event loop, worst wake-up delay over 5,000 questions: {answering:.2f} ms answering, "
        f"{recording:.2f} ms answering and recording; {idle:.2f} ms idle"
    )


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    service = KnowledgeService.from_path(default_knowledge_path())
    questions = [q.q for path in SETS for q in load_questions(path)]
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        print(f"{len(questions)} questions, {args.rounds} rounds, store {store.path}")
        measure(service, store, questions, args.rounds)
        writer_throughput(store, [service.ask(q) for q in questions])
        asyncio.run(loop_stall(service, store, questions))


if __name__ == "__main__":
    main()
