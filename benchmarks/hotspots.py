"""Profile the hot spots behind the benchmark's figures, for one knowledge size.

    .venv/bin/python -m benchmarks.hotspots --size 10000 load index ask reload

``load``, ``index`` and ``ask`` print a pyinstrument profile (cProfile when pyinstrument is not
installed) of load_knowledge, Matcher(knowledge) and answering every benchmark question.
``reload`` runs the reload path step by step in a worker thread while another thread measures
the longest stretch the worker holds the GIL (what an asyncio loop would wait); it uses loader
internals, so it is a diagnostic, not part of the benchmark.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import io
import json
import pstats
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

from bot.core.knowledge import loader
from bot.core.knowledge.loader import default_knowledge_path, load_knowledge
from bot.core.retrieve.matcher import Matcher
from bot.core.service import KnowledgeService, Snapshot, build_snapshot

from .generate import RESULTS, write_files


def profiled(label: str, action: Callable[[], Any]) -> Any:
    """Run ``action`` under pyinstrument (or cProfile) and print the profile."""
    print(f"\n=== {label}")
    try:
        from pyinstrument import Profiler
    except ImportError:
        profile = cProfile.Profile()
        result = profile.runcall(action)
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(30)
        print(out.getvalue())
        return result
    profiler = Profiler(interval=0.0005)
    profiler.start()
    result = action()
    profiler.stop()
    print(profiler.output_text(unicode=False, color=False))
    return result


class GilWatch:
    """A thread that sleeps 1 ms at a time and records how late it wakes up."""

    def __init__(self) -> None:
        """Start the watching thread."""
        self.gaps: list[float] = []
        self._running = True
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        """Sleep 1 ms at a time and record each wake-up's delay."""
        last = time.perf_counter()
        while self._running:
            time.sleep(0.001)
            now = time.perf_counter()
            self.gaps.append(now - last - 0.001)
            last = now

    def step(self, label: str, action: Callable[[], Any]) -> Any:
        """Run one step and print its time and the longest wait it caused."""
        time.sleep(0.005)
        self.gaps.clear()
        start = time.perf_counter()
        result = action()
        took = time.perf_counter() - start
        time.sleep(0.005)
        worst = max(self.gaps, default=0.0)
        print(f"  {label:<44}{took * 1000:>10.1f} ms   longest GIL hold {worst * 1000:>8.1f} ms")
        return result

    def stop(self) -> None:
        """Stop the watching thread."""
        self._running = False
        self._thread.join()


def _composer(path: Path) -> Callable[[str], Any]:
    """Return the loader's own compose step if it has one, else PyYAML's C composer."""
    own = getattr(loader, "_compose", None)
    if callable(own):
        return lambda data: own(data, str(path))
    safe = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return lambda data: yaml.compose(data, Loader=safe)


def reload_steps(path: Path) -> None:
    """Run the reload path step by step and show which step holds the GIL for long.

    The collector's full passes and the freeing of the old snapshot are shown as steps of their
    own.
    """
    print(f"\n=== reload path, step by step ({path.name})")
    watch = GilWatch()
    box: dict[str, Any] = {}
    box["old"] = watch.step(
        "build_snapshot (the snapshot in service)", lambda: build_snapshot(path)
    )
    compose = _composer(path)
    raw = watch.step("read the file", path.read_bytes)
    box["root"] = watch.step("compose the YAML node tree", lambda: compose(raw))
    validator = loader._Validator(str(path), hashlib.sha256(raw).hexdigest()[:12])
    box["knowledge"] = watch.step(
        "validate the node tree", lambda: validator.knowledge(box["root"])
    )
    watch.step("free the node tree", lambda: box.pop("root"))
    box["matcher"] = watch.step("Matcher(knowledge)", lambda: Matcher(box["knowledge"]))
    watch.step("gc.collect() with two snapshots alive", gc.collect)
    box["new"] = Snapshot(box.pop("knowledge"), box.pop("matcher"), time.time())
    watch.step("free the old snapshot", lambda: box.pop("old"))
    watch.step("gc.collect() with one snapshot", gc.collect)
    watch.stop()


def main(argv: Sequence[str] | None = None) -> int:
    """Profile the chosen steps for one size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("steps", nargs="*", default=["load", "index", "ask", "reload"])
    parser.add_argument("--size", default="10000", help="'real' or an entry count")
    parser.add_argument("--knowledge", type=Path, default=None, help="the real knowledge file")
    args = parser.parse_args(argv)
    real_path = Path(args.knowledge or default_knowledge_path())
    if args.size == "real":
        path = real_path
    else:
        paths = write_files([int(args.size)], RESULTS, real_path)[2]  # not the generated entries
        path = paths[int(args.size)]
    knowledge = load_knowledge(path)
    if "load" in args.steps:
        profiled(f"load_knowledge({path.name})", lambda: load_knowledge(path))
    matcher = Matcher(knowledge)
    if "index" in args.steps:
        matcher = profiled(f"Matcher(knowledge) for {path.name}", lambda: Matcher(knowledge))
    if "ask" in args.steps:
        questions_path = RESULTS / "questions.json"
        if not questions_path.exists():
            raise SystemExit("run `python -m benchmarks.run` once first: it writes questions.json")
        texts = [q["text"] for q in json.loads(questions_path.read_text(encoding="utf-8"))]
        service = KnowledgeService(Snapshot(knowledge, matcher, time.time()))
        for text in texts[:100]:
            service.ask(text)

        def ask_all() -> None:
            """Answer every benchmark question once."""
            for text in texts:
                service.ask(text)

        profiled(f"KnowledgeService.ask x {len(texts)} ({path.name})", ask_all)
    if "reload" in args.steps:
        del knowledge, matcher
        gc.collect()
        reload_steps(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
