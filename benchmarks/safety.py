"""Benchmark the bounds of issue 12: autocomplete, event-loop stalls, text handling, memory.

    .venv/bin/python -m benchmarks.safety            # 100,000 entries (generates the file once)
    .venv/bin/python -m benchmarks.safety --quick    # 10,000 entries

It prints:

- the worst ``/ask`` autocomplete lookup at that size, over hostile and ordinary typed text, and
  how long the index takes to build (in a worker thread, as the bot does);
- the worst event-loop stall while the bot reloads (in a worker thread) each hostile knowledge
  file, and the generated one, then rebuilds its autocomplete index;
- the normaliser's and the markdown escaper's time per character on hostile runs of growing
  size (linear: the same per character at every size);
- resident memory along 1,000 reloads of the shipped file that each leave cyclic garbage behind.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import psutil

from bot.core.knowledge.loader import default_knowledge_path
from bot.core.normalise.text import words
from bot.core.retrieve.completion import CompletionIndex
from bot.core.service import KnowledgeService
from bot.discord.embeds import safe

from .generate import RESULTS, write_files
from .run import max_lag

TYPED = [
    "", "h", "how", "how many", "how many m", "what", "is the", "the", "a", "1", "9", "zzzz",
    "any", "x" * 6000, "a b c d e f g h i j k l m n", "how many 1ms is the us getting",
    "what's the allocation for", "when does production", "?", "1,000", "the the the the",
]  # fmt: skip


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def autocomplete(service: KnowledgeService) -> None:
    """Print the index build time and the worst lookup over TYPED (best of 5 each)."""
    start = time.perf_counter()
    index = CompletionIndex.build(service.knowledge)
    print(f"  index build: {time.perf_counter() - start:.2f} s ({len(index.texts):,} phrasings)")
    worst = (0.0, "")
    for typed in TYPED:
        best = float("inf")
        for _ in range(5):
            t = time.perf_counter()
            index.complete(typed)
            best = min(best, time.perf_counter() - t)
        worst = max(worst, (best, typed))
    print(f"  worst lookup: {_ms(worst[0])} (typed {worst[1][:30]!r})")


def hostile_files(directory: Path) -> dict[str, Path]:
    """Write the knowledge files of the attacks on ``main``; return them by name."""
    head = "sources:\n  - id: s\n    title: T\n    outlet: O\n    kind: article\nentries:\n"

    def entry(i: int, extra: str = "", answer: str = "A.") -> str:
        return (
            f"  - id: e{i}\n    questions: ['question {i} about the car']\n    answer: {answer}\n"
            f"    status: fact\n    claimed_by: X\n    sources: [s]\n{extra}"
        )

    big = ", ".join(f"keyword number {i} of a long list" for i in range(150))
    files = {
        "nested aliases (270 KB)": head
        + entry(0, f"    keywords: &k [{big}]\n")
        + "".join(entry(i, "    keywords: *k\n") for i in range(1, 2_000)),
        "repeated broken aliases": head
        + entry(0, "    tags: &b [" + ", ".join(["[x]"] * 150) + "]\n")
        + "".join(entry(i, "    tags: *b\n") for i in range(1, 600)),
        "thousands run (161 KB)": head + entry(0, answer="'" + "123," * 40_000 + "'"),
        "comma digits in phrasings": head
        + "".join(entry(i).replace("about the car", "123," * 200 + f"{i}") for i in range(200)),
        "crafted synonyms": "synonyms:\n  - ["
        + ", ".join("'" + " ".join(["model"] * n) + "'" for n in range(1, 60))
        + "]\n"
        + head
        + entry(0),
        "masked-link answers": head
        + "".join(entry(i, answer="'" + "[a](" * 990 + "'") for i in range(100)),
        "1,000 broken entries": head
        + "".join(entry(i).replace("status: fact", "status: gossip") for i in range(1_000)),
    }
    out = {}
    for name, text in files.items():
        path = directory / (name.replace(" ", "-").replace(",", "") + ".yaml")
        path.write_text(text)
        out[name] = path
    return out


def stalls(service: KnowledgeService, files: dict[str, Path], repeats: int) -> float:
    """Print the worst loop stall of a reload (and the index rebuild) of each file.

    Each file is reloaded ``repeats`` times: on a shared machine one reload's stall can be the
    scheduler's, so the median is the figure and the range is shown beside it.
    """
    worst = 0.0
    for name, path in files.items():

        async def reload(path: Path = path) -> None:
            result = await asyncio.to_thread(service.reload, path)
            if result.ok:
                await asyncio.to_thread(CompletionIndex.build, service.knowledge)

        found = sorted(asyncio.run(max_lag(reload))["max_lag_ms"] / 1000 for _ in range(repeats))
        stall = statistics.median(found)
        result_ok = service.knowledge.path == str(path)
        worst = max(worst, stall)
        spread = f"; {_ms(found[0])} to {_ms(found[-1])} over {repeats}" if repeats > 1 else ""
        print(
            f"  {name}: worst stall {_ms(stall)}{spread} ({'loaded' if result_ok else 'refused'})"
        )
    return worst


def linearity() -> None:
    """Print time per character of the normaliser and the escaper on hostile runs."""
    for label, unit, run in (
        ("normaliser, '123,' run", "123,", words),
        ("normaliser, '1,234' run", "1,234", words),
        ("escaper, '[a](' run", "[a](", lambda t: safe(t, 10**8)),
    ):
        figures = []
        for size in (10_000, 100_000, 1_000_000):
            text = unit * (size // len(unit))
            t = time.perf_counter()
            run(text)
            figures.append(f"{size:,} chars {(time.perf_counter() - t) * 1e9 / size:.0f} ns/char")
        print(f"  {label}: " + "; ".join(figures))


def memory(path: Path, reloads: int = 1_000) -> None:
    """Print resident memory along reloads that each leave cyclic garbage behind."""
    service = KnowledgeService.from_path(path)
    process = psutil.Process()
    gc.collect()
    figures = [f"{process.memory_info().rss / 1e6:.0f} MB"]
    for number in range(1, reloads + 1):
        junk: list[object] = [bytearray(100_000)]
        junk.append(junk)  # a cycle only the collector frees
        del junk
        service.reload()
        if number in (10, 100, reloads):
            figures.append(f"{process.memory_info().rss / 1e6:.0f} MB after {number:,}")
    garbage = reloads * 0.1
    print(f"  {reloads:,} reloads, {garbage:.0f} MB of cyclic garbage: " + ", ".join(figures))


def main(argv: Sequence[str] | None = None) -> int:
    """Generate the big file if needed and print every figure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 entries, not 100,000")
    args = parser.parse_args(argv)
    size = 10_000 if args.quick else 100_000
    # Only the paths: ``_, _, paths = ...`` would leave ``_`` bound to the generated entries
    # (100,000 tracked objects the bot never has), and every stall measured below would include
    # the collector walking them.
    paths = write_files([size], RESULTS)[2]
    print(f"Knowledge: {size:,} generated entries ({paths[size].stat().st_size / 1e6:.1f} MB)")
    service = KnowledgeService.from_path(paths[size])
    print("Autocomplete:")
    autocomplete(service)
    print("Event loop, reloading in a worker thread (then rebuilding the autocomplete index):")
    with tempfile.TemporaryDirectory() as tmp:
        files = hostile_files(Path(tmp))
        files[f"generated, {size:,} entries"] = paths[size]
        files["shipped"] = default_knowledge_path()
        worst = stalls(service, files, 3 if args.quick else 1)
    print(f"  worst stall of all: {_ms(worst)}")
    print("Linear text handling:")
    linearity()
    print("Memory:")
    memory(default_knowledge_path())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
