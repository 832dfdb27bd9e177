"""Shared pieces of the hardening suite: the file under attack, settings, checks and figures.

The suite attacks the knowledge file shipped with the package (``knowledge/onem.yaml``); only
while that file does not exist does it fall back to ``tests/fixtures/mini.yaml``. Point it at
another file with ``HARDENING_KNOWLEDGE=path``.

Hypothesis runs ``max_examples=200`` per property by default; ``HYPOTHESIS_PROFILE=long``
raises that to 5,000 (and widens the mutation sweeps), e.g.::

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest -m hardening -q
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import re
import threading
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings

from bot.core.knowledge.loader import default_knowledge_path
from bot.core.knowledge.models import Knowledge
from bot.core.render.jsonlines import to_json
from bot.core.render.text import summary, to_text
from bot.core.reply.replies import Reply
from bot.core.service import KnowledgeService

HERE = Path(__file__).parent
FIXTURES = HERE.parent / "fixtures"

LONG = os.environ.get("HYPOTHESIS_PROFILE", "") == "long"
"""True for the larger run: more hypothesis examples and denser mutation sweeps."""

_COMMON: dict[str, Any] = {
    "deadline": None,  # time is measured and bounded by the tests themselves
    "database": None,  # leave nothing behind in the working tree
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("hardening", max_examples=200, **_COMMON)
settings.register_profile("hardening-long", max_examples=5000, **_COMMON)
PROFILE = settings.get_profile("hardening-long" if LONG else "hardening")
"""Apply with ``@PROFILE`` (it leaves the global hypothesis profile alone)."""

ANSWER_BOUND_S = 2.0
"""Sanity bound for one ``ask``: generous on purpose, it only catches blow-ups. Bounds are on the
calling thread's CPU time, so that a loaded machine (parallel workers, a busy CI host) does not
fail them while a quadratic or backtracking path still does."""

LOAD_BOUND_S = 60.0 if LONG else 10.0
"""Sanity bound for one load or reload of a (possibly 10 MB or hostile) knowledge file; the
long run loads a 10 MB list of a million items, which takes PyYAML ~10-15 s."""


def knowledge_path() -> Path:
    """Return the file under attack: ``$HARDENING_KNOWLEDGE`` if set, else the shipped file
    (or the test fixture while the shipped file does not exist yet)."""
    chosen = os.environ.get("HARDENING_KNOWLEDGE")
    if chosen:
        return Path(chosen)
    shipped = default_knowledge_path()
    return shipped if shipped.is_file() else FIXTURES / "mini.yaml"


@cache
def base_bytes() -> bytes:
    """Return the bytes of the file under attack, read once: the suite works on this copy."""
    return knowledge_path().read_bytes()


def content(knowledge: Knowledge) -> tuple[object, ...]:
    """Return what a knowledge file says, without where it came from (path, digest, lines)."""
    return (knowledge.version, knowledge.synonyms, dict(knowledge.sources), knowledge.entries)


@dataclass
class Figures:
    """Numbers the suite reports at the end of the session (see conftest.py); whether the
    checks behind them passed is what the test results say."""

    questions: int = 0
    worst: dict[int, tuple[float, str]] = field(default_factory=dict)  # by max_question_chars
    mutations: int = 0
    mutations_rejected: int = 0
    mutations_loaded: int = 0
    worst_load_s: float = 0.0
    worst_load_mutation: str = ""
    reloads: int = 0
    reloads_ok: int = 0
    reloads_refused: int = 0
    answers_under_reload: int = 0
    renders: int = 0  # hostile questions answered and rendered as Discord embeds
    worst_render: tuple[float, str] = (0.0, "")
    bot_messages: int = 0  # hostile messages and slash commands the bot in SimCord answered
    bot_reloads: int = 0
    bot_reloads_ok: int = 0
    bot_reloads_refused: int = 0
    bot_answers_under_reload: int = 0
    bot_answers_during_reload: int = 0  # computed while a reload ran in its thread
    notes: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def answer_time(self, seconds: float, question: str, max_chars: int) -> None:
        with self._lock:
            self.questions += 1
            if seconds > self.worst.get(max_chars, (0.0, ""))[0]:
                self.worst[max_chars] = (seconds, describe(question))

    def load_time(self, seconds: float, mutation: str) -> None:
        with self._lock:
            if seconds > self.worst_load_s:
                self.worst_load_s, self.worst_load_mutation = seconds, mutation

    def render_time(self, seconds: float, question: str) -> None:
        with self._lock:
            self.renders += 1
            if seconds > self.worst_render[0]:
                self.worst_render = (seconds, describe(question))

    def lines(self) -> list[str]:
        out = [f"knowledge file under attack: {knowledge_path()}"]
        if self.questions:
            out.append(f"hostile questions asked: {self.questions:,}; worst answer CPU time")
            for limit, (seconds, text) in sorted(self.worst.items()):
                out.append(
                    f"  reading up to {limit:,} characters: {seconds * 1000:.1f} ms on {text}"
                )
        if self.mutations:
            out.append(
                f"knowledge-file mutations tried: {self.mutations:,} "
                f"({self.mutations_rejected:,} refused, {self.mutations_loaded:,} loaded); "
                f"slowest reload (CPU) {self.worst_load_s * 1000:.0f} ms "
                f"({self.worst_load_mutation})"
            )
        if self.reloads:
            out.append(
                f"reloads under load: {self.reloads:,} ({self.reloads_ok:,} swapped in, "
                f"{self.reloads_refused:,} refused) while {self.answers_under_reload:,} answers "
                "were checked"
            )
        if self.renders:
            seconds, text = self.worst_render
            out.append(
                f"hostile questions answered as Discord embeds: {self.renders:,}; slowest ask and "
                f"render (CPU) {seconds * 1000:.1f} ms on {text}"
            )
        if self.bot_messages:
            out.append(
                f"hostile messages and slash commands through the bot in SimCord: "
                f"{self.bot_messages:,}, each answered once (or, said in a listened channel, at "
                "most once) without a ping or an error"
            )
        if self.bot_reloads:
            out.append(
                f"reloads through the bot under load: {self.bot_reloads:,} "
                f"({self.bot_reloads_ok:,} swapped in, {self.bot_reloads_refused:,} refused) while "
                f"{self.bot_answers_under_reload:,} answers were checked, "
                f"{self.bot_answers_during_reload:,} of them computed while a reload ran"
            )
        return out + self.notes


FIGURES = Figures()


def describe(text: str, head: int = 24, tail: int = 12) -> str:
    """Return a short, printable description of a (possibly huge or hostile) string."""
    if len(text) <= head + tail:
        return f"{text!a} ({len(text):,} chars)"
    return f"{text[:head]!a}...{text[-tail:]!a} ({len(text):,} chars)"


def ask_checked(service: KnowledgeService, question: str) -> Reply:
    """Ask, timing the call, and check every invariant a reply to anything must satisfy."""
    knowledge = service.knowledge
    start = time.thread_time()
    reply = service.ask(question)
    elapsed = time.thread_time() - start
    FIGURES.answer_time(elapsed, question, service.max_question_chars)
    assert elapsed < ANSWER_BOUND_S, f"ask took {elapsed:.2f} s on {describe(question)}"
    check_reply(reply, question, knowledge, service.snapshot.matcher.threshold)
    assert reply.notice is None or _shape(reply.notice) in notices(service)
    check_rendering(reply, question)
    return reply


def _shape(notice: str) -> str:
    return re.sub(r"[\d,]+", "#", notice)


_NOTICES: dict[int, frozenset[str]] = {}


def notices(service: KnowledgeService) -> frozenset[str]:
    """Return the notices a service gives (numbers masked): for a blank and a long question.

    A notice of any other shape could be echoing the question.
    """
    limit = service.max_question_chars
    if limit not in _NOTICES:
        probe = KnowledgeService(service.snapshot, max_question_chars=limit)  # own stats
        found = (probe.ask(" ").notice, probe.ask("x" * (limit + 1)).notice)
        assert all(found)
        _NOTICES[limit] = frozenset(_shape(n) for n in found if n)
    return _NOTICES[limit]


def check_reply(reply: Reply, question: str, knowledge: Knowledge, threshold: float) -> None:
    """A reply is well formed, scored in 0..1, and every answer is sourced from the knowledge."""
    assert isinstance(reply, Reply)
    assert reply.question == question
    assert isinstance(reply.score, float) and math.isfinite(reply.score)
    assert 0.0 <= reply.score <= 1.0, reply.score
    assert reply.knowledge_digest == knowledge.digest
    if reply.answered:
        assert reply.entry_id is not None and reply.entry_id in knowledge.by_id
        entry = knowledge.by_id[reply.entry_id]
        assert reply.score >= threshold
        assert len(reply.sources) >= 1
        assert tuple(s.id for s in reply.sources) == entry.sources
        assert all(knowledge.sources[s.id] == s for s in reply.sources)
        assert (reply.answer, reply.status, reply.claimed_by) == (
            entry.answer,
            entry.status,
            entry.claimed_by,
        )
        for claim in reply.conflicts:
            assert knowledge.by_id[claim.entry_id].answer == claim.answer
    else:
        assert reply.entry_id is None and reply.sources == ()
        if reply.kind == "clarify":  # two entries fit equally well: the asker picks one
            assert reply.score >= threshold and len(reply.suggestions) == 2
        else:
            assert reply.score < threshold
        talk = {t.reply for t in knowledge.smalltalk}
        assert reply.answer is None if reply.kind != "smalltalk" else reply.answer in talk
    for offer in (*reply.related, *reply.suggestions):
        assert knowledge.by_id[offer.entry_id].title == offer.question


def check_rendering(reply: Reply, question: str) -> None:
    """Renderers never echo the question (JSON's ``question`` field aside) and JSON always dumps.

    The check is exact rather than a search for fragments: rendering the same reply with the
    question blanked out must give the same text, so no part of the user's text can leak in.
    """
    blank = dataclasses.replace(reply, question="")
    assert to_text(reply) == to_text(blank)
    assert summary(reply) == summary(blank)
    rendered = to_json(reply)
    assert rendered == {**to_json(blank), "question": question}
    dumped = json.dumps(rendered, allow_nan=False)  # strict JSON: no NaN or Infinity
    assert json.loads(dumped) == rendered
    assert json.dumps(rendered, ensure_ascii=False, allow_nan=False)
