"""Reloads under load: answers keep coming, none fails, none mixes two versions of the file.

Versions of the file under attack differ only in a version marker ``[vNNNN]`` written into two
probe entries (answer and claimed_by of one, answer of the other) and into the title of a source
the first one cites. Readers ask the probes continuously while the file is rewritten and
reloaded, valid and broken versions interleaved. Every reply must be an answer from the probe
entry, and every field it carries must name the same version, the one whose digest the reply
reports; a reader never sees an older version after a newer one.
"""

from __future__ import annotations

import asyncio
import copy
import hashlib
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from hardening_support import FIGURES

from bot.core.reply.replies import Reply
from bot.core.service import KnowledgeService

RELOADS = 100
READERS = 3
PAUSE = 0.02  # seconds a reader waits between rounds of questions
SLOT = "@@@@"
MARK = re.compile(r"\[v(\d{4})\]")


@dataclass(frozen=True)
class Version:
    """One rewrite of the file: valid (a new version to serve) or broken (to be refused)."""

    number: int
    data: bytes
    valid: bool
    how: str = "valid"

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()[:12]


@dataclass
class Plan:
    """The probes, the sequence of rewrites, and the check every reply must pass."""

    questions: dict[str, str]  # question -> the probe entry that answers it
    marked_source: str
    initial: Version
    sequence: list[Version]
    by_digest: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for v in (self.initial, *self.sequence):
            if v.valid:
                self.by_digest[v.digest] = v.number

    def version_of(self, reply: Reply, question: str) -> int:
        """Return the version a reply comes from, checking it comes wholly from that one."""
        assert reply.answered, f"no answer to {question!r} (score {reply.score})"
        assert reply.entry_id == self.questions[question], reply.entry_id
        assert reply.knowledge_digest in self.by_digest, "a reply from no valid version"
        number = self.by_digest[reply.knowledge_digest]
        marks = MARK.findall(reply.answer or "")
        if reply.entry_id == self.first:
            marks += MARK.findall(reply.claimed_by or "")
            cited = [s for s in reply.sources if s.id == self.marked_source]
            assert len(cited) == 1
            marks += MARK.findall(cited[0].title)
            assert len(marks) == 3, marks
        else:
            assert len(marks) == 1, marks
        assert {int(m) for m in marks} == {number}, (marks, number)
        return number

    @property
    def first(self) -> str:
        return next(iter(self.questions.values()))


def make_plan(base: bytes, service: KnowledgeService, reloads: int = RELOADS) -> Plan:
    """Build the template from the file under attack and the sequence of rewrites."""
    doc: dict[str, Any] = yaml.load(base.decode("utf-8-sig"), Loader=yaml.CBaseLoader)
    kb = service.knowledge
    probes = [e for e in kb.entries if service.ask(e.questions[0]).entry_id == e.id and e.sources][
        :2
    ]
    assert len(probes) == 2, "the file needs two entries its own first phrasings reach"
    first, second = probes
    marked = first.sources[0]
    doc = copy.deepcopy(doc)
    for item in doc["entries"]:
        if item["id"] == first.id:
            item["answer"] = f"{item['answer']} [v{SLOT}]"
            item["claimed_by"] = f"{item['claimed_by']} [v{SLOT}]"
        elif item["id"] == second.id:
            item["answer"] = f"[v{SLOT}] {item['answer']}"
    for item in doc["sources"]:
        if item["id"] == marked:
            item["title"] = f"{item['title']} [v{SLOT}]"
    if str(doc.get("version", "")).isdigit():
        doc["version"] = int(doc["version"])
    template = yaml.dump(doc, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True)
    assert template.count(SLOT) == 4

    def text(number: int) -> str:
        return template.replace(SLOT, f"{number:04d}")

    truncated = ("truncated", lambda t: t[: len(t) // 5] + "[\n")
    nul = ("a NUL byte", lambda t: t[:200] + "\x00" + t[200:])
    tabs = ("tabs", lambda t: t.replace("\n  ", "\n\t", 3))
    breakers: list[tuple[str, Callable[[str], str]]] = [  # mostly cheap refusals
        truncated,
        nul,
        tabs,
        ("a dangling source", lambda t: t.replace(f"- {marked}\n", "- no-such-source\n", 1)),
        truncated,
        nul,
        tabs,
        ("a python tag", lambda t: t.replace("claimed_by: ", "claimed_by: !!python/name:os.", 1)),
        truncated,
        nul,
        tabs,
        ("a duplicate id", lambda t: t.replace(f"id: {second.id}\n", f"id: {first.id}\n", 1)),
    ]
    sequence = []
    refusals = 0
    for step in range(1, reloads + 1):
        if step % 6 == 1:  # one valid version, then five broken ones
            sequence.append(Version(step, text(step).encode(), True))
        else:
            how, breaker = breakers[refusals % len(breakers)]
            refusals += 1
            broken = breaker(text(step))
            assert broken != text(step), how
            sequence.append(Version(step, broken.encode(), False, how))
    questions = {first.questions[0]: first.id, second.questions[0]: second.id}
    return Plan(questions, marked, Version(0, text(0).encode(), True), sequence)


def start_service(base: bytes, tmp_path: Path) -> tuple[KnowledgeService, Plan, Path]:
    path = tmp_path / "onem.yaml"
    path.write_bytes(base)
    plan = make_plan(base, KnowledgeService.from_path(path))
    path.write_bytes(plan.initial.data)
    service = KnowledgeService.from_path(path)
    assert service.knowledge.digest == plan.initial.digest, "Version.digest must match the loader"
    for question in plan.questions:
        assert plan.version_of(service.ask(question), question) == 0
    return service, plan, path


@dataclass
class Tally:
    answers: int = 0
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, plan: Plan, question: str, get: Callable[[], Reply], seen: list[int]) -> None:
        """Ask once through ``get`` and check the reply; remember the newest version seen."""
        try:
            number = plan.version_of(get(), question)
            assert number >= seen[0], f"went back from version {seen[0]} to {number}"
            seen[0] = number
        except BaseException as exc:
            with self.lock:
                self.failures.append(f"{type(exc).__name__}: {exc}")
        with self.lock:
            self.answers += 1


def reload_step(service: KnowledgeService, path: Path, version: Version) -> None:
    path.write_bytes(version.data)  # the reloader is the only writer: no torn reads
    result = service.reload()
    assert result.ok == version.valid, (version.number, version.how, result.summary())
    FIGURES.reloads += 1
    if result.ok:
        FIGURES.reloads_ok += 1
    else:
        FIGURES.reloads_refused += 1


def finish(service: KnowledgeService, plan: Plan, tally: Tally) -> None:
    FIGURES.answers_under_reload += tally.answers
    assert not tally.failures, f"{len(tally.failures)} failed: {tally.failures[:5]}"
    last = max(v.number for v in plan.sequence if v.valid)
    for question in plan.questions:
        assert plan.version_of(service.ask(question), question) == last
    valid = sum(v.valid for v in plan.sequence)
    assert (service.stats.reloads, service.stats.failed_reloads) == (
        valid,
        len(plan.sequence) - valid,
    )
    assert tally.answers >= 10 * READERS, "the readers hardly ran"


def test_reloads_while_threads_ask(kb_bytes: bytes, tmp_path: Path) -> None:
    service, plan, path = start_service(kb_bytes, tmp_path)
    tally, stop = Tally(), threading.Event()

    def reader() -> None:
        seen = [0]
        while not stop.is_set():
            for question in plan.questions:
                tally.record(plan, question, lambda q=question: service.ask(q), seen)
            time.sleep(PAUSE)  # ask continuously, but leave the reloader some of the GIL

    readers = [threading.Thread(target=reader, daemon=True) for _ in range(READERS)]
    for thread in readers:
        thread.start()
    try:
        for version in plan.sequence:
            reload_step(service, path, version)
    finally:
        stop.set()
        for thread in readers:
            thread.join(timeout=10)
    assert not any(thread.is_alive() for thread in readers)
    finish(service, plan, tally)


@pytest.mark.timeout(60)
async def test_reloads_while_tasks_ask(kb_bytes: bytes, tmp_path: Path) -> None:
    service, plan, path = start_service(kb_bytes, tmp_path)
    tally, stop = Tally(), asyncio.Event()

    async def reader() -> None:
        seen = [0]
        while not stop.is_set():
            for question in plan.questions:
                try:
                    reply: Reply | BaseException = await asyncio.to_thread(service.ask, question)
                except Exception as exc:
                    reply = exc
                tally.record(plan, question, lambda r=reply: _unwrap(r), seen)
            await asyncio.sleep(PAUSE)

    async def reloader() -> None:
        try:
            for version in plan.sequence:
                await asyncio.to_thread(reload_step, service, path, version)
        finally:
            stop.set()

    await asyncio.gather(reloader(), *(reader() for _ in range(READERS)))
    finish(service, plan, tally)


def _unwrap(reply: Reply | BaseException) -> Reply:
    if isinstance(reply, BaseException):
        raise reply
    return reply
