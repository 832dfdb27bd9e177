"""``/kb health``: how long the bot has run, its shards' latencies, the knowledge in service."""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import discord

from ..core.service import KnowledgeService, ReloadResult
from .embeds import fit

MAX_SHARDS_SHOWN = 20


@dataclass(frozen=True, slots=True)
class LastReload:
    """The most recent reload attempt (by command or by the file watcher) and when it ended."""

    at: float
    result: ReloadResult


@dataclass(frozen=True, slots=True)
class Health:
    """What ``/kb health`` shows, gathered at one moment."""

    now: float
    started_at: float
    latencies: tuple[tuple[int, float], ...]
    """(shard id, heartbeat latency in seconds); not a finite number while disconnected."""
    knowledge_name: str
    version: int
    entries: int
    digest: str
    loaded_at: float
    last_reload: LastReload | None


def gather(
    service: KnowledgeService,
    latencies: Sequence[tuple[int, float]],
    last_reload: LastReload | None,
    now: float | None = None,
) -> Health:
    """Collect the figures of ``/kb health``."""
    knowledge = service.knowledge
    return Health(
        now=time.time() if now is None else now,
        started_at=service.stats.started_at,
        latencies=tuple(latencies),
        knowledge_name=Path(knowledge.path).name,
        version=knowledge.version,
        entries=len(knowledge.entries),
        digest=knowledge.digest,
        loaded_at=service.snapshot.loaded_at,
        last_reload=last_reload,
    )


def duration(seconds: float) -> str:
    """Return a duration as days, hours and minutes ("3d 4h 12m", "5m", "40s")."""
    whole = max(int(seconds), 0)
    days, rest = divmod(whole, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes, secs = divmod(rest, 60)
    if not (days or hours or minutes):
        return f"{secs}s"
    parts = [(days, "d"), (hours, "h"), (minutes, "m")]
    return " ".join(f"{n}{unit}" for n, unit in parts if n)


def latency_text(latencies: Sequence[tuple[int, float]]) -> str:
    """Return one "shard: latency" item per shard; disconnected shards say so."""
    shown = [
        f"{shard}: {value * 1000:.0f} ms" if math.isfinite(value) else f"{shard}: not connected"
        for shard, value in latencies[:MAX_SHARDS_SHOWN]
    ]
    if len(latencies) > MAX_SHARDS_SHOWN:
        shown.append(f"and {len(latencies) - MAX_SHARDS_SHOWN} more")
    return "\n".join(shown) or "not connected"


def reload_text(last: LastReload | None) -> str:
    """Return the last reload's time and outcome."""
    if last is None:
        return "none since start"
    result = last.result
    outcome = "ok" if result.ok else f"failed ({result.total_problems} problem(s))"
    return f"<t:{int(last.at)}:R>, {outcome}"


def health_embed(health: Health) -> discord.Embed:
    """Return the ``/kb health`` embed."""
    embed = discord.Embed(title="Health", colour=0x2ECC71)
    up = f"{duration(health.now - health.started_at)} (since <t:{int(health.started_at)}:f>)"
    embed.add_field(name="Uptime", value=up, inline=False)
    embed.add_field(name="Shard latency", value=latency_text(health.latencies))
    knowledge = (
        f"`{health.knowledge_name}` version {health.version}, {health.entries} entries\n"
        f"digest `{health.digest}`, loaded <t:{int(health.loaded_at)}:R>"
    )
    embed.add_field(name="Knowledge", value=knowledge, inline=False)
    embed.add_field(name="Last reload", value=reload_text(health.last_reload), inline=False)
    return fit(embed)
