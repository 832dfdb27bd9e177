"""The strongest peer: bm25s (BM25 on sparse matrices, stemmed with PyStemmer), measured alone.

It runs in a worker process of its own (``python -m benchmarks.run`` starts it), so that its
resident memory is its own: Python, bm25s, numpy, the loaded knowledge and the BM25 index. Each
entry is one document (its phrasings and keywords); a question gets the entry whose document
scores highest. bm25s is given its best showing: a lean tokenizer doing what ``bm25s.tokenize``
does (its token pattern, English stopwords, the stemmer) without its per-call set-up, and a
decline threshold calibrated at each size on the calibration questions (the rapidfuzz baseline's
is calibrated once, on the shipped file).
"""

from __future__ import annotations

import gc
import json
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import bm25s
import psutil
import Stemmer
from bm25s.stopwords import STOPWORDS_EN

from bot.core.knowledge.loader import load_knowledge
from bot.core.knowledge.models import Knowledge

from .questions import Question

_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # bm25s.tokenize's default token pattern
_STOPWORDS = frozenset(STOPWORDS_EN)


class Peer:
    """A BM25 index over one knowledge file, one document per entry."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.stemmer = Stemmer.Stemmer("english")
        self.ids = [entry.id for entry in knowledge.entries]
        documents = [" ".join([*e.questions, *e.keywords]) for e in knowledge.entries]
        tokens = bm25s.tokenize(
            documents, stopwords="en", stemmer=self.stemmer, show_progress=False
        )
        self.retriever = bm25s.BM25()
        self.retriever.index(tokens, show_progress=False)
        self.vocabulary: dict[str, int] = self.retriever.vocab_dict

    def best(self, question: str) -> tuple[str | None, float]:
        """Return the best entry's id and its BM25 score; (None, 0) when no word is known."""
        words = [w for w in _TOKEN.findall(question.lower()) if w not in _STOPWORDS]
        known = [self.vocabulary[t] for t in self.stemmer.stemWords(words) if t in self.vocabulary]
        if not known:
            return None, 0.0
        scores = self.retriever.get_scores(known)
        top = int(scores.argmax())
        return self.ids[top], float(scores[top])


def calibrate(results: Sequence[tuple[Question, str | None, float]]) -> float:
    """Return the decline threshold that best balances right answers and declined off-topic."""
    answerable = [(q, e, s) for q, e, s in results if q.expect is not None]
    offtopic = [s for q, _, s in results if q.expect is None]
    candidates = sorted({s for _, _, s in results} | {0.0})
    best = (-1.0, 0.0)
    for threshold in candidates:
        correct = sum(e == q.expect and s >= threshold for q, e, s in answerable)
        declined = sum(s < threshold for s in offtopic)
        balanced = (correct / len(answerable) + declined / len(offtopic)) / 2
        if balanced > best[0]:
            best = (balanced, threshold)
    return best[1]


def rss_mb() -> float:
    """Return this process's resident memory in MB."""
    return float(psutil.Process().memory_info().rss) / 1e6


def measure(config: dict[str, Any]) -> dict[str, Any]:
    """Index the file with bm25s, answer every question; return the figures as JSON data."""
    questions = [Question(**q) for q in config["questions"]]
    calibration = [Question(**q) for q in config["warmup"]]
    rss_import = rss_mb()
    loads = []
    for _ in range(int(config["repeats"])):
        start = time.perf_counter()
        peer = Peer(load_knowledge(Path(config["path"])))
        loads.append(time.perf_counter() - start)
        gc.collect()
    rss = rss_mb()
    threshold = calibrate([(q, *peer.best(q.text)) for q in calibration])
    rows: list[list[Any]] = []
    for number in range(int(config["passes"])):  # the best of several passes, as for ours
        for i, q in enumerate(questions):
            start = time.perf_counter()
            entry, score = peer.best(q.text)
            took = round((time.perf_counter() - start) * 1000, 4)
            if number == 0:
                rows.append([entry if score >= threshold else None, round(score, 3), took])
            else:
                rows[i][2] = min(rows[i][2], took)
    return {
        "load_index_s": [round(x, 4) for x in loads],
        "rss_import_mb": round(rss_import, 1),
        "rss_mb": round(rss, 1),
        "threshold": round(threshold, 4),
        "rows": rows,
        "version": bm25s.__version__,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Read a worker config (JSON), measure, and write the figures (JSON): CONFIG OUT."""
    config_path, out_path = argv or sys.argv[1:]
    config = json.loads(Path(config_path).read_text(encoding="utf-8"))
    Path(out_path).write_text(json.dumps(measure(config)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
