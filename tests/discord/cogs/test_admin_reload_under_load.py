"""Reloads under load through the bot: members keep asking while an admin reloads 100 times.

The versions of the file are those of ``test_service_reload_under_load`` (a ``[vNNNN]`` marker
in two probe entries and a source title; one valid version, then five broken ones), made from
the small knowledge file of the Discord tests so that a round takes milliseconds (the shipped
file under ``HYPOTHESIS_PROFILE=long``). Each round writes the next version, an admin asks for a
reload (``!kb reload``, every tenth time ``/kb reload``), and once the reload's thread has started
several members ask the probes by mention and ``!ask``, posted without waiting for the bot (a
SimCord operation such as ``member.send`` would wait for the reload to finish). Then:

- every question got exactly one reply, an answer embed: zero failures, and zero cooldown
  notices under the shipped cooldown (5 questions a minute), as SimCord's clock moves a minute
  between rounds;
- every embed carries one version marker only (answer, claimant and source agree), the marker
  of a valid version, and the bot never served a version older than one it served before;
- the admin got the counts, or the problems located by file and line with the old knowledge
  still serving.

The figures count the answers computed while a reload was running in its thread.
"""

from __future__ import annotations

import asyncio
import re
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import discord
import pytest
from discord_kit import KNOWLEDGE, World, replies_by_message
from hardening_support import FIGURES, LONG, base_bytes
from test_service_reload_under_load import Plan, Version, make_plan

from bot.core.reply.replies import Reply
from bot.core.service import KnowledgeService
from bot.discord.cooldown import UserCooldown

RELOADS = 100
SLASH_EVERY = 10  # every tenth reload is a /kb reload (SimCord idles ~50 ms on each)
ASKERS = 3
PER_ROUND = 2  # questions per asker per round (the shipped cooldown allows 5 a minute)
EMBED_MARK = re.compile(r"\\?\[v(\d{4})\\?\]")  # source links escape the brackets
SWITCH_S = 0.0002  # hand the GIL between the reload's thread and the event loop more often
IDLE = 0.002  # seconds SimCord waits for more bot work before it calls the bot settled


@dataclass
class Watch:
    """Instruments the service: which versions ``ask`` served, in call order, and whether a
    reload was running in its thread at the time."""

    plan: Plan
    served: list[int] = field(default_factory=list)
    during_reload: int = 0
    reloads_started: int = 0
    reloads_done: int = 0
    _running: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def install(self, service: KnowledgeService, monkeypatch: pytest.MonkeyPatch) -> None:
        ask, reload = service.ask, service.reload

        def watched_ask(
            question: str,
            after: str | None = None,
            *,
            declined: str | None = None,
            before: str | None = None,
            asked: str | None = None,
            answered: str | None = None,
        ) -> Reply:
            with self._lock:
                running, started = self._running, self.reloads_started
            reply = ask(
                question, after, declined=declined, before=before, asked=asked, answered=answered
            )
            with self._lock:
                self.served.append(self.plan.by_digest.get(reply.knowledge_digest, -1))
                overlapped = running or self._running or self.reloads_started != started
                self.during_reload += bool(overlapped)
            return reply

        def watched_reload(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                self._running += 1
                self.reloads_started += 1
            try:
                return reload(*args, **kwargs)
            finally:
                with self._lock:
                    self._running -= 1
                    self.reloads_done += 1

        monkeypatch.setattr(service, "ask", watched_ask)
        monkeypatch.setattr(service, "reload", watched_reload)


def embed_version(plan: Plan, embed: discord.Embed, entry_id: str) -> int:
    """Return the version an answer embed comes from, checking it comes wholly from that one."""
    fields = {f.name or "": f.value or "" for f in embed.fields}
    description = embed.description or ""
    everything = "\n".join([embed.title or "", description, *fields, *fields.values()])
    marks = {int(m) for m in EMBED_MARK.findall(everything)}
    assert len(marks) == 1, f"an embed mixing versions {sorted(marks)}:\n{everything}"
    assert EMBED_MARK.search(description), description  # the answer itself is marked
    if entry_id == plan.first:  # its claimant and the source it cites are marked too
        assert EMBED_MARK.search(fields["Claimed by"]), fields
        assert EMBED_MARK.search(fields["Source"] if "Source" in fields else fields["Sources"])
    (number,) = marks
    assert number in plan.by_digest.values(), f"version {number} is a broken one"
    return number


@pytest.fixture
def busy_gil() -> Iterator[None]:
    """Hand the GIL between the reload's thread and the event loop more often (restored)."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_S)
    yield
    sys.setswitchinterval(before)


@pytest.mark.timeout(120)
@pytest.mark.usefixtures("busy_gil")
async def test_bot_reloads_while_members_ask(
    world: World, bot_knowledge: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env, bot = world.env, world.bot
    path = bot_knowledge
    base = base_bytes() if LONG else KNOWLEDGE.read_bytes()  # the small file reloads fast
    path.write_bytes(base)
    plan = make_plan(base, KnowledgeService.from_path(path), RELOADS)
    path.write_bytes(plan.initial.data)
    assert bot.service.reload().ok  # serve version 0
    reloads_before = bot.service.stats.reloads
    watch = Watch(plan)
    watch.install(bot.service, monkeypatch)
    bot.cooldowns = UserCooldown(PER_ROUND, 60.0)  # the shipped rate, on SimCord's clock
    askers = [world.alice, world.bob, world.named_admin, world.manager][:ASKERS]
    questions = list(plan.questions)
    mention = bot.user.mention
    asked: dict[int, str] = {}  # message id -> the probe entry it asks
    reports: list[tuple[Version, str]] = []

    for step, version in enumerate(plan.sequence):
        path.write_bytes(version.data)
        started, done = watch.reloads_started, watch.reloads_done
        start = len(env.http_requests)
        slash: asyncio.Task[Any] | None = None
        if step % SLASH_EVERY == SLASH_EVERY - 1:
            slash = asyncio.create_task(world.id_admin.slash(world.general, "kb reload"))
        else:
            command = env.backend.create_message(world.general.id, world.id_admin.id, "!kb reload")
        for _ in range(2000):  # wait (in real time) for the reload's thread to start
            if watch.reloads_started > started:
                break
            await asyncio.sleep(0.0001)
        # members ask while the reload runs, each up to the cooldown's rate
        for n in range(PER_ROUND * len(askers)):
            asker = askers[n % len(askers)]
            question = questions[(n + step) % len(questions)]
            text = f"{mention} {question}" if (n + step) % 3 else f"!ask {question}"
            message = env.backend.create_message(world.general.id, asker.id, text)
            asked[message.id] = plan.questions[question]
            await asyncio.sleep(0)
        if slash is not None:
            result = await slash
            await env.settle(idle=IDLE)
            assert result.ephemeral and result.response is not None
            reports.append((version, result.response.content))
        else:
            await env.settle(idle=IDLE)
            (report,) = replies_by_message(world, start)[command.id]
            reports.append((version, report["content"]))
        assert watch.reloads_done == done + 1
        FIGURES.bot_reloads += 1
        FIGURES.bot_reloads_ok += version.valid
        FIGURES.bot_reloads_refused += not version.valid
        await env.advance_time(61)  # a new cooldown window for everyone

    # every question answered exactly once, by an embed wholly from one valid version
    replies = replies_by_message(world)
    failures = []
    for message_id, entry_id in asked.items():
        got = replies.get(message_id, [])
        if len(got) != 1 or not got[0].get("embeds"):
            failures.append((message_id, [body.get("content") for body in got]))
            continue
        assert got[0]["allowed_mentions"] == {"parse": [], "replied_user": False}
        embed_version(plan, discord.Embed.from_dict(got[0]["embeds"][0]), entry_id)
    assert not failures, f"{len(failures)} of {len(asked)} questions failed: {failures[:5]}"
    assert len(asked) == RELOADS * PER_ROUND * len(askers)

    # the versions served never went back, and only valid versions were served
    served = watch.served
    assert -1 not in served
    assert served == sorted(served), "the bot served an older version after a newer one"
    assert watch.during_reload > 0, "no answer was computed while a reload ran"

    # the admin saw the counts, or every problem located in the file with the old one serving
    for version, report in reports:
        if version.valid:
            assert report.startswith("\u2705 Reloaded `onem.yaml`"), (version.number, report)
        else:
            assert report.startswith("\u274c Reload of `onem.yaml` failed with"), report
            assert "the old knowledge keeps serving" in report
            assert re.search(r"onem\.yaml:\d+: ", report), (version.how, report)
    valid = sum(v.valid for v in plan.sequence)
    stats = bot.service.stats
    assert stats.reloads - reloads_before == valid
    assert stats.failed_reloads == RELOADS - valid
    last = max(v.number for v in plan.sequence if v.valid)
    final = await world.alice.slash(world.general, "ask", question=questions[0])
    assert final.response is not None
    assert embed_version(plan, final.response.embeds[0], plan.first) == last
    assert env.errors == []
    FIGURES.bot_answers_under_reload += len(asked)
    FIGURES.bot_answers_during_reload += watch.during_reload
