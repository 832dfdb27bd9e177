"""Benchmark the answer engine against plain rapidfuzz and bm25s as the knowledge grows.

    .venv/bin/python -m benchmarks.run            # sizes: the shipped file, 1k, 10k, 100k
    .venv/bin/python -m benchmarks.run --quick    # the shipped file, 1k and 10k, fewer repeats

Each size runs in a fresh worker process (so resident memory is that size's alone); in it, after a
warm-up on the shipped file, the worker times load + index (the reload path), answers every
question with the service and with the baseline ``rapidfuzz.process.extractOne(question,
all_phrasings, scorer=fuzz.WRatio, processor=utils.default_process)``, and measures how long a
reload blocks an asyncio event loop. Another fresh process per size measures bm25s alone
(benchmarks/peer.py: load + BM25 index, answer times, memory, answers). The parent process also
times the one-shot ``python -m bot ask`` command, prints the table and writes
benchmarks/results/latest.json.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import hashlib
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: python benchmarks/run.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    __package__ = "benchmarks"

import numpy as np
import psutil
from rapidfuzz import fuzz, process, utils

from bot.core.knowledge.loader import default_knowledge_path, load_knowledge
from bot.core.knowledge.models import Knowledge
from bot.core.retrieve.matcher import DEFAULT_THRESHOLD, Matcher
from bot.core.service import KnowledgeService, Snapshot, build_snapshot

from .generate import RESULTS, SEED, write_files
from .questions import CATEGORIES, Question, build_questions, offtopic_pool

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = ("real", "1000", "10000", "100000")
QUICK_SIZES = ("real", "1000", "10000")
COUNTS = {
    "real-paraphrase": 250,
    "real-typo": 100,
    "gen-paraphrase": 400,
    "gen-typo": 150,
    "offtopic": 280,
}
CALIBRATION_COUNTS = {"real-paraphrase": 150, "real-typo": 50, "offtopic": 100}
GEN_QUESTION_POOL = 1000  # generated questions ask about entries of the 1k file only
ASK_QUESTION = "How many 1Ms is the US getting?"
TARGETS = {
    "p99_ms_10000": 0.5,
    "p99_ms_100000": 2.0,
    "load_index_s_10000": 1.0,
    "rss_mb_10000": 150.0,
    "ask_oneshot_s": 0.4,
    "reload_lag_ms": 5.0,
    "tolerance_points": 2.0,
}


def code_digest() -> str:
    """Return a short digest of the measured code (bot/core and the CLI) to compare runs."""
    digest = hashlib.sha256()
    files = [*(ROOT / "bot" / "core").rglob("*.py"), *(ROOT / "bot").glob("*.py")]
    for path in sorted(files):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def code_state() -> dict[str, Any]:
    """Return the commit and the uncommitted files of bot/ and knowledge/ (if git is there)."""

    def git(*args: str) -> str:
        """Run git in the project; return its output, or '' when it fails."""
        try:
            done = subprocess.run(
                ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
            )
        except (OSError, subprocess.CalledProcessError):
            return ""
        return done.stdout.rstrip("\n")

    dirty = git("status", "--porcelain", "--", "bot", "knowledge").splitlines()
    return {
        "commit": git("rev-parse", "--short", "HEAD").strip() or None,
        "uncommitted": [line[3:] for line in dirty],
        "bot_digest": code_digest(),
    }


def rss_mb() -> float:
    """Return this process's resident memory in MB."""
    return float(psutil.Process().memory_info().rss) / 1e6


def baseline_index(knowledge: Knowledge) -> tuple[list[str], list[str]]:
    """Return every phrasing and, at the same index, the id of the entry it belongs to."""
    phrasings: list[str] = []
    owners: list[str] = []
    for entry in knowledge.entries:
        for question in entry.questions:
            phrasings.append(question)
            owners.append(entry.id)
    return phrasings, owners


def baseline_best(
    question: str, phrasings: Sequence[str], owners: Sequence[str]
) -> tuple[str | None, float]:
    """Return the baseline's best entry and its WRatio score (0..100); (None, 0) for no match."""
    found = process.extractOne(
        question, phrasings, scorer=fuzz.WRatio, processor=utils.default_process
    )
    if found is None:
        return None, 0.0
    return owners[found[2]], float(found[1])


def calibrate_baseline(knowledge: Knowledge, questions: Sequence[Question]) -> dict[str, Any]:
    """Pick the baseline's decline threshold that best balances answers and declines."""
    phrasings, owners = baseline_index(knowledge)
    results = [(q, *baseline_best(q.text, phrasings, owners)) for q in questions]
    best: tuple[float, float] = (-1.0, 0.0)
    for step in range(0, 201):
        threshold = step / 2
        answerable = [(q, e, s) for q, e, s in results if q.expect is not None]
        offtopic = [(q, e, s) for q, e, s in results if q.expect is None]
        correct = sum(e == q.expect and s >= threshold for q, e, s in answerable) / len(answerable)
        declined = sum(s < threshold for _, _, s in offtopic) / len(offtopic)
        balanced = (correct + declined) / 2
        if balanced > best[0]:
            best = (balanced, threshold)
    return {"threshold": best[1], "balanced_accuracy": round(best[0], 4), "questions": len(results)}


async def max_lag(action: Callable[[], Awaitable[object]], tick: float = 0.001) -> dict[str, float]:
    """Run ``action`` on the loop while a ticker measures how late its wake-ups are."""
    lags: list[float] = []
    running = True

    async def ticker() -> None:
        """Sleep ``tick`` at a time and record how late each wake-up is."""
        last = time.perf_counter()
        while running:
            await asyncio.sleep(tick)
            now = time.perf_counter()
            lags.append(now - last - tick)
            last = now

    task = asyncio.create_task(ticker())
    await asyncio.sleep(0.2)
    idle = max(lags) if lags else 0.0
    lags.clear()
    start = time.perf_counter()
    await action()
    took = time.perf_counter() - start
    await asyncio.sleep(0.02)
    running = False
    await task
    return {
        "reload_s": round(took, 4),
        "max_lag_ms": round(max(lags, default=0.0) * 1000, 2),
        "p99_lag_ms": round(sorted(lags)[int(len(lags) * 0.99)] * 1000, 2) if lags else 0.0,
        "idle_max_lag_ms": round(idle * 1000, 2),
        "ticks": len(lags),
    }


def reload_lag(service: KnowledgeService, on_loop: bool) -> dict[str, dict[str, float]]:
    """Measure the loop lag of a reload off the loop (to_thread) and, optionally, on it."""

    async def off() -> None:
        """Reload in a worker thread."""
        await asyncio.to_thread(service.reload)

    async def on() -> None:
        """Reload on the event loop itself."""
        service.reload()

    out = {"to_thread": asyncio.run(max_lag(off))}
    if on_loop:
        out["on_loop"] = asyncio.run(max_lag(on))
    return out


def answer_all(
    service: KnowledgeService, questions: Sequence[Question], passes: int
) -> list[list[Any]]:
    """Answer every question ``passes`` times; per question: entry, score, best and first ms.

    The best of several passes removes scheduler noise from other processes on this shared
    2-core machine; the matcher's spelling cache is cleared before each pass so that every pass
    pays for its corrections. An answer that changes between passes is an error.
    """
    rows: list[list[Any]] = []
    matcher = service.snapshot.matcher
    for number in range(passes):
        matcher.clear_caches()
        for i, q in enumerate(questions):
            start = time.perf_counter()
            reply = service.ask(q.text)
            took = _ms(time.perf_counter() - start)
            entry = reply.entry_id if reply.answered else None
            if number == 0:
                rows.append([entry, reply.score, took, took])
            else:
                rows[i][2] = min(rows[i][2], took)
                if rows[i][0] != entry:
                    raise RuntimeError(f"different answers to the same question: {q.text!r}")
    return rows


def _ms(seconds: float) -> float:
    """Convert seconds to milliseconds, rounded."""
    return round(seconds * 1000, 4)


def measure(config: dict[str, Any]) -> dict[str, Any]:
    """Measure one knowledge file in this process; return every figure as JSON-ready data."""
    path = Path(config["path"])
    questions = [Question(**q) for q in config["questions"]]
    warmup = [Question(**q) for q in config["warmup"]]
    threshold = float(config["baseline_threshold"])
    repeats = int(config["repeats"])
    rss_import = rss_mb()
    load_before = os.getloadavg()[0]
    digest = code_digest()

    # Warm up on the shipped file: imports, caches, the allocator.
    real = build_snapshot(config["real_path"])
    warm_service = KnowledgeService(real)
    real_phrasings, real_owners = baseline_index(real.knowledge)
    for q in warmup:
        warm_service.ask(q.text)
        baseline_best(q.text, real_phrasings, real_owners)
    del warm_service, real, real_phrasings, real_owners
    gc.collect()
    rss_start = rss_mb()

    # First load: memory of the baseline (knowledge + phrasing list), then of ours (+ index).
    t0 = time.perf_counter()
    knowledge = load_knowledge(path)
    t1 = time.perf_counter()
    phrasings, owners = baseline_index(knowledge)
    t2 = time.perf_counter()
    gc.collect()
    rss_baseline = rss_mb()
    t3 = time.perf_counter()
    matcher = Matcher(knowledge)
    t4 = time.perf_counter()
    gc.collect()
    rss_ours = rss_mb()
    ours_load = [t1 - t0 + t4 - t3]
    base_load = [t2 - t0]
    parse = [t1 - t0]
    for _ in range(repeats - 1):
        start = time.perf_counter()
        build_snapshot(path)
        ours_load.append(time.perf_counter() - start)
        start = time.perf_counter()
        baseline_index(load_knowledge(path))
        base_load.append(time.perf_counter() - start)
        parse.append(base_load[-1])
        gc.collect()
    service = KnowledgeService(Snapshot(knowledge, matcher, time.time()))

    ours = answer_all(service, questions, int(config["passes"]))
    for q, row in zip(questions, ours, strict=True):  # untimed: is the right entry in the top 3?
        top = [m.entry.id for m in matcher.rank(q.text, limit=3)] if q.expect else []
        row.append(q.expect in top)

    base: list[list[Any]] = []
    for index in config["baseline_sample"]:
        start = time.perf_counter()
        entry, score = baseline_best(questions[index].text, phrasings, owners)
        took = time.perf_counter() - start
        base.append([index, entry if score >= threshold else None, round(score, 2), _ms(took)])

    lag = reload_lag(service, bool(config["on_loop"])) if config["reload_lag"] else {}
    return {
        "size": config["size"],
        "path": str(path),
        "entries": len(knowledge.entries),
        "phrasings": len(phrasings),
        "file_mb": round(path.stat().st_size / 1e6, 2),
        "ours_load_s": [round(x, 4) for x in ours_load],
        "baseline_load_s": [round(x, 4) for x in base_load],
        "parse_s": [round(x, 4) for x in parse],
        "index_s": round(t4 - t3, 4),
        "rss_import_mb": round(rss_import, 1),
        "rss_start_mb": round(rss_start, 1),
        "rss_baseline_mb": round(rss_baseline, 1),
        "rss_ours_mb": round(rss_ours, 1),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "ours": ours,
        "baseline": base,
        "reload": lag,
        "loadavg": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "bot_digest": digest,
    }


def _peak_rss_mb() -> float:
    """Return this process's peak resident memory in MB (VmHWM; ru_maxrss survives exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1000
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000  # kB on Linux


def run_worker(
    config: dict[str, Any], timeout: float | None = None, *, peer: bool = False
) -> dict[str, Any]:
    """Run ``measure`` (or, with ``peer``, bm25s's) for one size in a fresh Python process."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = f"worker-{config['size']}{'-peer' if peer else ''}"
    config_path = RESULTS / f"{name}.json"
    out_path = RESULTS / f"{name}-result.json"
    config_path.write_text(json.dumps(config), encoding="utf-8")
    command = ["benchmarks.peer"] if peer else ["benchmarks.run", "--worker"]
    subprocess.run(
        [sys.executable, "-m", *command, str(config_path), str(out_path)],
        cwd=ROOT,
        check=True,
        timeout=timeout,
    )
    result: dict[str, Any] = json.loads(out_path.read_text(encoding="utf-8"))
    config_path.unlink()
    return result


def time_oneshot(runs: int) -> dict[str, Any]:
    """Time whole ``python -m bot ask`` processes, and python start-up and imports for scale."""

    # As on a user's machine, the warm run leaves compiled bytecode behind: some sandboxes set
    # PYTHONDONTWRITEBYTECODE, which would make every timed run compile the package again.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def wall(args: list[str]) -> list[float]:
        """Return the wall times of ``runs`` runs of a command after one warm run."""
        subprocess.run(args, cwd=ROOT, check=True, capture_output=True, env=env)  # warm caches
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(args, cwd=ROOT, check=True, capture_output=True, env=env)
            times.append(time.perf_counter() - start)
        return times

    ask = wall([sys.executable, "-m", "bot", "ask", ASK_QUESTION])
    bare = wall([sys.executable, "-c", "pass"])
    imports = wall([sys.executable, "-c", "import bot.cli"])
    return {
        "question": ASK_QUESTION,
        "runs": runs,
        "ask_s": [round(x, 4) for x in ask],
        "ask_median_s": round(statistics.median(ask), 4),
        "python_startup_median_s": round(statistics.median(bare), 4),
        "import_cli_median_s": round(statistics.median(imports), 4),
    }


def _rate(hits: int, total: int) -> float | None:
    """Return hits as a percentage of total, or None for no items."""
    return round(100 * hits / total, 1) if total else None


def summarise(
    raw: dict[str, Any],
    questions: Sequence[Question],
    ids: set[str],
    reference: dict[int, Any],
    peer: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Turn one worker's raw per-question results into figures for ours and the baseline."""
    valid = [i for i, q in enumerate(questions) if q.expect is None or q.expect in ids]
    ours = raw["ours"]
    base = {row[0]: row for row in raw["baseline"]}
    shared = [i for i in valid if i in base]

    def quality(
        pick: Callable[[int], str | None],
        items: Sequence[int],
        top3: Callable[[int], bool] | None = None,
    ) -> dict[str, Any]:
        """Return correct, wrong and declined rates per category for ``items``."""
        out: dict[str, Any] = {}
        for category in CATEGORIES:
            idx = [i for i in items if questions[i].category == category]
            if category == "offtopic":
                out["offtopic_declined_pct"] = _rate(sum(pick(i) is None for i in idx), len(idx))
                out["offtopic_n"] = len(idx)
                continue
            correct = sum(pick(i) == questions[i].expect for i in idx)
            wrong = sum(pick(i) not in (None, questions[i].expect) for i in idx)
            out[f"{category}_correct_pct"] = _rate(correct, len(idx))
            out[f"{category}_wrong_pct"] = _rate(wrong, len(idx))
            out[f"{category}_n"] = len(idx)
        answerable = [i for i in items if questions[i].expect is not None]
        if top3 is not None:
            out["answerable_top3_pct"] = _rate(sum(top3(i) for i in answerable), len(answerable))
        out["answerable_correct_pct"] = _rate(
            sum(pick(i) == questions[i].expect for i in answerable), len(answerable)
        )
        out["answerable_wrong_pct"] = _rate(
            sum(pick(i) not in (None, questions[i].expect) for i in answerable), len(answerable)
        )
        return out

    def latency(times: Sequence[float]) -> dict[str, float]:
        """Return the median, p99 and max of per-question times."""
        return {
            "median_ms": round(float(np.median(times)), 4),
            "p99_ms": round(float(np.percentile(times, 99)), 4),
            "max_ms": round(float(max(times)), 4),
            "n": len(times),
        }

    ours_fig = {
        "load_index_s": round(statistics.median(raw["ours_load_s"]), 4),
        "latency": latency([row[2] for row in ours]),
        "latency_first_pass": latency([row[3] for row in ours]),
        "latency_same_sample": latency([ours[i][2] for i in base]) if base else None,
        "rss_mb": raw["rss_ours_mb"],
        "rss_added_mb": round(raw["rss_ours_mb"] - raw["rss_start_mb"], 1),
        "quality": quality(lambda i: ours[i][0], valid, lambda i: bool(ours[i][4])),
        "quality_same_sample": quality(lambda i: ours[i][0], shared),
    }
    base_fig = {
        "load_index_s": round(statistics.median(raw["baseline_load_s"]), 4),
        "latency": latency([row[3] for row in raw["baseline"]]) if base else None,
        "rss_mb": raw["rss_baseline_mb"],
        "rss_added_mb": round(raw["rss_baseline_mb"] - raw["rss_start_mb"], 1),
        "quality": quality(lambda i: base[i][1], shared),
    }
    peer_fig = None
    if peer is not None:
        rows = peer["rows"]
        peer_fig = {
            "version": peer["version"],
            "threshold": peer["threshold"],
            "load_index_s": round(statistics.median(peer["load_index_s"]), 4),
            "latency": latency([row[2] for row in rows]),
            "rss_mb": peer["rss_mb"],
            "rss_added_mb": round(peer["rss_mb"] - peer["rss_import_mb"], 1),
            "quality": quality(lambda i: rows[i][0], valid),
        }
    same = None
    if reference:
        comparable = [i for i in valid if i in reference and questions[i].category[:3] != "gen"]
        same = _rate(sum(ours[i][0] == reference[i] for i in comparable), len(comparable))
    return {
        "size": raw["size"],
        "entries": raw["entries"],
        "phrasings": raw["phrasings"],
        "file_mb": raw["file_mb"],
        "questions": len(ours),
        "baseline_questions": len(base),
        "ours": ours_fig,
        "baseline": base_fig,
        "peer": peer_fig,
        "same_answer_as_real_pct": same,
        "parse_s": round(statistics.median(raw["parse_s"]), 4),
        "index_s": raw["index_s"],
        "peak_rss_mb": raw["peak_rss_mb"],
        "rss_start_mb": raw["rss_start_mb"],
        "reload": raw["reload"],
        "loadavg": raw["loadavg"],
        "bot_digest": raw["bot_digest"],
    }


def figure_rows(size: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the table rows of one size: figure, ours, baseline and ours/baseline.

    When the baseline answered a sample of the questions, the ratio compares it with ours on the
    same sample; the "ours" column is always over every question.
    """
    o, b, p = size["ours"], size["baseline"], size.get("peer") or {}
    p_quality = p.get("quality", {})
    same_latency = o["latency_same_sample"] or o["latency"]
    base_latency = b["latency"] or {}
    rows: list[dict[str, Any]] = []

    def row(label: str, ours: Any, base: Any, ours_same: Any = None, peer: Any = None) -> None:
        """Add one table row; the ratio to the baseline uses ours on the baseline's sample."""
        mine = ours if ours_same is None else ours_same
        ratio = round(mine / base, 4) if mine is not None and base else None
        to_peer = round(ours / peer, 4) if ours is not None and peer else None
        rows.append(
            {
                "figure": label,
                "ours": ours,
                "baseline": base,
                "ratio": ratio,
                "bm25s": peer,
                "ratio_bm25s": to_peer,
            }
        )

    row("load + index (s)", o["load_index_s"], b["load_index_s"], peer=p.get("load_index_s"))
    count = f"{o['latency']['n']}/{size['baseline_questions']} q"
    row(
        f"latency median (ms) [{count}]",
        o["latency"]["median_ms"],
        base_latency.get("median_ms"),
        same_latency["median_ms"],
        p.get("latency", {}).get("median_ms"),
    )
    row(
        "latency p99 (ms)",
        o["latency"]["p99_ms"],
        base_latency.get("p99_ms"),
        same_latency["p99_ms"],
        p.get("latency", {}).get("p99_ms"),
    )
    row("resident memory, process (MB)", o["rss_mb"], b["rss_mb"], peer=p.get("rss_mb"))
    row(
        "resident memory, knowledge (MB)",
        o["rss_added_mb"],
        b["rss_added_mb"],
        peer=p.get("rss_added_mb"),
    )
    quality, same, base_quality = o["quality"], o["quality_same_sample"], b["quality"]
    for category in CATEGORIES:
        if category == "offtopic":
            key, label = "offtopic_declined_pct", "off-topic declined (%)"
        else:
            key, label = f"{category}_correct_pct", f"{category} correct (%)"
        if quality.get(key) is not None:
            row(label, quality[key], base_quality.get(key), same.get(key), p_quality.get(key))
    row(
        "answerable answered wrongly (%)",
        quality["answerable_wrong_pct"],
        base_quality["answerable_wrong_pct"],
        same["answerable_wrong_pct"],
        p_quality.get("answerable_wrong_pct"),
    )
    rows.append(
        {
            "figure": "answerable: right entry in the top 3 (%)",
            "ours": quality["answerable_top3_pct"],
            "baseline": None,
            "ratio": None,
        }
    )
    if size["same_answer_as_real_pct"] is not None:
        rows.append(
            {
                "figure": "same answer as with the shipped file (%)",
                "ours": size["same_answer_as_real_pct"],
                "baseline": None,
                "ratio": None,
            }
        )
    return rows


def _fmt(value: float | None) -> str:
    """Format a figure for the table."""
    if value is None:
        return "-"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def table(report: dict[str, Any]) -> str:
    """Render the report as the plain-text tables printed on the terminal."""
    cal = report["baseline_calibration"]
    mix = ", ".join(f"{k} {v}" for k, v in report["question_mix"].items())
    code = report["code"]
    state = f"commit {code['commit']}" if code["commit"] else "no git"
    if code["uncommitted"]:
        state += f", uncommitted: {', '.join(code['uncommitted'])}"
    lines = [
        f"Code: {state} (bot/core + CLI digest {code['bot_digest']}).",
        f"Questions: {report['question_count']} ({mix}).",
        f"Ours declines below {report['ours_threshold']}; the baseline below WRatio "
        f"{cal['threshold']:g} (calibrated on the {report['real_entries']}-entry shipped file); "
        "bm25s below a BM25 score calibrated at each size (see benchmarks/peer.py).",
    ]
    if report["real_phrasings_crowded_out"]:
        lines.append(
            f"{len(report['generated_left_out'])} generated entries were left out so that the 1k "
            f"file passes check; they outranked real phrasings too vague for a larger knowledge "
            f"base: {report['real_phrasings_crowded_out']}."
        )
    lines.append("")
    header = (
        f"{'entries':>8}  {'figure':<40}{'ours':>9}{'baseline':>10}{'ours/base':>10}"
        f"{'bm25s':>9}{'ours/bm25s':>11}"
    )
    lines += [header, "-" * len(header)]
    for size in report["sizes"]:
        for number, r in enumerate(size["rows"]):
            head = f"{size['entries']:>8,}" if number == 0 else ""
            lines.append(
                f"{head:>8}  {r['figure']:<40}{_fmt(r['ours']):>9}{_fmt(r['baseline']):>10}"
                f"{_fmt(r['ratio']):>10}{_fmt(r.get('bm25s')):>9}{_fmt(r.get('ratio_bm25s')):>11}"
            )
        lines.append("")
    ask = report["oneshot"]
    if ask:
        lines.append(
            f'One-shot `python -m bot ask "{ask["question"]}"`: median {ask["ask_median_s"]:.3f} s'
            f" over {ask['runs']} runs (python start-up alone {ask['python_startup_median_s']:.3f}"
            f" s; start-up + import bot.cli {ask['import_cli_median_s']:.3f} s)."
        )
        lines.append("")
    reloads = [s for s in report["sizes"] if s["reload"]]
    if reloads:
        lines.append(
            f"{'entries':>8}  {'reload (s)':>10}  {'loop lag (ms): to_thread max':>28}"
            f"  {'p99':>5}  {'on the loop':>11}  {'idle':>6}"
        )
        for size in reloads:
            off, on = size["reload"]["to_thread"], size["reload"].get("on_loop")
            lines.append(
                f"{size['entries']:>8,}  {off['reload_s']:>10.3f}  {off['max_lag_ms']:>28.1f}"
                f"  {off.get('p99_lag_ms', 0.0):>5.1f}"
                f"  {_fmt(on['max_lag_ms'] if on else None):>11}  {off['idle_max_lag_ms']:>6.2f}"
            )
        lines.append("")
    if report["code_changed_during_run"]:
        lines.append(
            "WARNING: bot/core or the CLI changed while the benchmark ran: compare bot_digest per "
            "size (and code.bot_digest at the start) in the JSON.\n"
        )
    lines.append("Targets:" if report["targets"] else "Targets: none measured at these sizes.")
    for target in report["targets"]:
        mark = {True: "met   ", False: "MISSED", None: "n/a   "}[target["met"]]
        lines.append(f"  [{mark}] {target['target']}: {target['value']}")
    return "\n".join(lines)


def check_targets(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Compare the figures with the issue's targets."""
    by_size = {s["size"]: s for s in report["sizes"]}
    tol = TARGETS["tolerance_points"]
    out: list[dict[str, Any]] = []

    def add(target: str, value: str, met: bool | None) -> None:
        """Record one target with its measured value."""
        out.append({"target": target, "value": value, "met": met})

    for size, limit in (("10000", TARGETS["p99_ms_10000"]), ("100000", TARGETS["p99_ms_100000"])):
        if size in by_size:
            p99 = by_size[size]["ours"]["latency"]["p99_ms"]
            add(
                f"p99 per question <= {limit} ms at {int(size):,} entries",
                f"{p99} ms",
                p99 <= limit,
            )
    real, first = by_size.get("real"), by_size.get("1000")
    for size in ("10000", "100000"):
        if size not in by_size or real is None:
            continue
        quality = by_size[size]["ours"]["quality"]
        pairs = [("offtopic_declined_pct", "off-topic declined", real)]
        pairs.append(("real-paraphrase_correct_pct", "real-entry paraphrases correct", real))
        if first is not None:
            pairs.append(("gen-paraphrase_correct_pct", "generated paraphrases correct", first))
        for key, what, ref in pairs:
            now, then = quality[key], ref["ours"]["quality"][key]
            add(
                f"{what} at {int(size):,} entries not below {ref['entries']:,} "
                f"(within {tol:g} points)",
                f"{now}% vs {then}%",
                now >= then - tol,
            )
    if "10000" in by_size:
        ours = by_size["10000"]["ours"]
        limit = TARGETS["load_index_s_10000"]
        add(
            f"load + index of 10,000 entries <= {limit:g} s",
            f"{ours['load_index_s']} s",
            ours["load_index_s"] <= limit,
        )
        limit = TARGETS["rss_mb_10000"]
        add(
            f"resident memory at 10,000 entries <= {limit:g} MB",
            f"{ours['rss_mb']} MB",
            ours["rss_mb"] <= limit,
        )
    peer = by_size.get("10000", {}).get("peer")
    if peer:
        ours = by_size["10000"]["ours"]
        for what, mine, theirs, unit in (
            (
                "median answer time",
                ours["latency"]["median_ms"],
                peer["latency"]["median_ms"],
                "ms",
            ),
            ("p99 answer time", ours["latency"]["p99_ms"], peer["latency"]["p99_ms"], "ms"),
            ("load + index", ours["load_index_s"], peer["load_index_s"], "s"),
            ("resident memory", ours["rss_mb"], peer["rss_mb"], "MB"),
        ):
            add(
                f"{what} at 10,000 entries no more than bm25s's",
                f"{mine} {unit} vs {theirs} {unit} ({(mine / theirs - 1) * 100:+.0f}%)",
                mine <= theirs,
            )
    ask = report["oneshot"]
    if ask:
        limit = TARGETS["ask_oneshot_s"]
        add(
            f"one-shot ask <= {limit:g} s wall",
            f"{ask['ask_median_s']} s",
            ask["ask_median_s"] <= limit,
        )
    lags = [
        (s["entries"], s["reload"]["to_thread"]["max_lag_ms"])
        for s in report["sizes"]
        if s["reload"]
    ]
    if lags:
        limit = TARGETS["reload_lag_ms"]
        value = ", ".join(f"{n:,}: {lag} ms" for n, lag in lags)
        add(
            f"a reload via asyncio.to_thread blocks the loop <= {limit:g} ms",
            value,
            max(lag for _, lag in lags) <= limit,
        )
    return out


def _sample(questions: Sequence[Question], limit: int, seed: int) -> list[int]:
    """Return a stratified, seeded sample of question indexes (all of them if limit is 0)."""
    if limit <= 0 or limit >= len(questions):
        return list(range(len(questions)))
    rng = random.Random(seed)
    picked: list[int] = []
    for category in CATEGORIES:
        idx = [i for i, q in enumerate(questions) if q.category == category]
        share = round(limit * len(idx) / len(questions))
        picked += rng.sample(idx, min(share, len(idx)))
    return sorted(picked)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the whole benchmark, or one worker when called with --worker."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=None, help="'real' and/or entry counts")
    parser.add_argument("--quick", action="store_true", help="sizes up to 10k, fewer repeats")
    parser.add_argument("--knowledge", type=Path, default=None, help="the real knowledge file")
    parser.add_argument(
        "--baseline-max",
        type=int,
        default=None,
        help="baseline questions at sizes over 10k (default 200, --quick 150; 0 = all)",
    )
    parser.add_argument("--ask-runs", type=int, default=None, help="one-shot ask runs (default 7)")
    parser.add_argument("--no-oneshot", action="store_true", help="skip the one-shot ask timing")
    parser.add_argument("--no-reload-lag", action="store_true", help="skip the event-loop test")
    parser.add_argument("--no-peer", action="store_true", help="skip bm25s (benchmarks.peer)")
    parser.add_argument("--out", type=Path, default=RESULTS / "latest.json")
    parser.add_argument("--worker", nargs=2, metavar=("CONFIG", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        config = json.loads(Path(args.worker[0]).read_text(encoding="utf-8"))
        Path(args.worker[1]).write_text(json.dumps(measure(config)), encoding="utf-8")
        return 0

    started = time.perf_counter()
    sizes = list(args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES))
    baseline_max = (
        args.baseline_max if args.baseline_max is not None else (150 if args.quick else 200)
    )
    ask_runs = args.ask_runs or (3 if args.quick else 7)
    real_path = Path(args.knowledge or default_knowledge_path()).resolve()
    counts = [int(s) for s in sizes if s != "real"]
    print(f"Generating knowledge files {counts} from {real_path} ...", flush=True)
    real, generated, paths = write_files(counts or [GEN_QUESTION_POOL], RESULTS, real_path)
    gen_pool = max(min(GEN_QUESTION_POOL, *(counts or [GEN_QUESTION_POOL])) - len(real.entries), 0)
    pool = offtopic_pool(random.Random(SEED))
    taken: set[str] = set()
    split = COUNTS["offtopic"]
    questions = build_questions(
        real,
        generated,
        gen_entries=gen_pool,
        counts=COUNTS,
        seed=SEED,
        offtopic=pool[:split],
        taken=taken,
    )
    calibration = build_questions(
        real,
        generated,
        gen_entries=0,
        counts=CALIBRATION_COUNTS,
        seed=SEED + 1,
        offtopic=pool[split:],
        taken=taken,
    )
    (RESULTS / "questions.json").write_text(
        json.dumps([q.to_json() for q in questions], indent=1), encoding="utf-8"
    )
    print("Calibrating the baseline's decline threshold on the shipped file ...", flush=True)
    cal = calibrate_baseline(real, calibration)
    report: dict[str, Any] = {
        "command": " ".join(
            [Path(sys.executable).name, "-m", "benchmarks.run", *(argv or sys.argv[1:])]
        ),
        "machine": {
            "cpus": os.cpu_count(),
            "memory_gb": round(psutil.virtual_memory().total / 1e9, 1),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "code": code_state(),
        "real_file": str(real_path),
        "real_entries": len(real.entries),
        "question_count": len(questions),
        "question_mix": {c: sum(q.category == c for q in questions) for c in CATEGORIES},
        "generated_left_out": list(generated.left_out),
        "real_phrasings_crowded_out": list(generated.crowded),
        "ours_threshold": DEFAULT_THRESHOLD,
        "baseline_calibration": cal,
        "sizes": [],
    }
    reference: dict[int, Any] = {}
    for size in sizes:
        path = real_path if size == "real" else paths[int(size)]
        n = len(real.entries) if size == "real" else int(size)
        limit = baseline_max if n > 10000 else 0
        print(f"Measuring {n:,} entries ({path.name}) ...", flush=True)
        config = {
            "size": size,
            "path": str(path),
            "real_path": str(real_path),
            "questions": [q.to_json() for q in questions],
            "warmup": [q.to_json() for q in calibration],
            "baseline_threshold": cal["threshold"],
            "baseline_sample": _sample(questions, limit, SEED),
            "repeats": 3 if n <= 10000 else 1,
            "passes": 3,
            "reload_lag": not args.no_reload_lag,
            "on_loop": n <= 10000,
        }
        raw = run_worker(config)
        peer = None if args.no_peer else run_worker(config, peer=True)
        ids = (
            set(real.by_id)
            if size == "real"
            else {e.id for e in real.entries}
            | {g.entry.id for g in generated.entries[: n - len(real.entries)]}
        )
        summary = summarise(raw, questions, ids, reference, peer)
        summary["rows"] = figure_rows(summary)
        if size == "real":
            reference = {i: row[0] for i, row in enumerate(raw["ours"])}
        report["sizes"].append(summary)
    report["oneshot"] = None if args.no_oneshot else time_oneshot(ask_runs)
    report["code_changed_during_run"] = sorted(
        {report["code"]["bot_digest"], code_digest()} | {s["bot_digest"] for s in report["sizes"]}
    )[1:]
    report["targets"] = check_targets(report)
    report["seconds"] = round(time.perf_counter() - started, 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print()
    print(table(report))
    print(f"\nWrote {args.out} in {report['seconds']:.0f} s.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
