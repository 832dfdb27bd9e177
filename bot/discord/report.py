"""Admin reports as Discord messages: reload results, stats and the unanswered questions."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import discord

from ..core.service import KnowledgeService, ReloadResult
from ..redaction import redact
from ..store.unanswered import UnansweredRecord
from .embeds import DESCRIPTION_LIMIT, fit, neutralise, truncate
from .tally import Counts

MESSAGE_LIMIT = 2000
LIST_IDS = 15
"""Entry ids listed per kind of change before "and N more"."""


def _ids(ids: Sequence[str]) -> str:
    shown = ", ".join(f"`{i}`" for i in ids[:LIST_IDS])
    return shown + (f" and {len(ids) - LIST_IDS} more" if len(ids) > LIST_IDS else "")


def _fence(text: str) -> str:
    """Return text that cannot close a code block or an inline code span: every backtick is
    followed by a zero-width space, so no run of them is a fence, however long."""
    return text.replace("`", "`\u200b")


def reload_text(result: ReloadResult) -> str:
    """Return the full report of a reload: counts and diff, or every problem with file and line.

    Anything shaped like a token (pasted into the knowledge file, say) is redacted.
    """
    return redact(_reload_text(result))


def _reload_text(result: ReloadResult) -> str:
    name = Path(result.path).name
    if result.ok:
        lines = [
            f"\u2705 Reloaded `{_fence(name)}`: {result.entries} entries, {result.sources} sources "
            f"({len(result.added)} added, {len(result.removed)} removed, "
            f"{len(result.changed)} changed)."
        ]
        for label, ids in (
            ("Added", result.added),
            ("Removed", result.removed),
            ("Changed", result.changed),
        ):
            if ids:
                lines.append(f"{label}: {_ids(ids)}")
        return "\n".join(lines)
    head = (
        f"\u274c Reload of `{_fence(name)}` failed with {result.total_problems:,} problem(s); "
        f"the old knowledge keeps serving ({result.entries} entries)."
    )
    problems = "\n".join(_fence(str(p)) for p in result.problems)
    return f"{head}\n```\n{problems}\n```"


ATTACHED = "The full report is attached."


def reload_report(result: ReloadResult, *, trigger: str | None = None) -> dict[str, Any]:
    """Return send() arguments for a reload report; the full text is attached if it is long.

    The message itself always says what happened (the outcome line) and shows as many of the
    problems as fit.
    """
    text = reload_text(result)
    if trigger:
        text = f"Automatic reload ({trigger}).\n{text}"
    if len(text) <= MESSAGE_LIMIT:
        return {"content": text, "allowed_mentions": discord.AllowedMentions.none()}
    file = discord.File(io.BytesIO(text.encode("utf-8")), filename="reload-report.txt")
    shown = _head(text, MESSAGE_LIMIT - len(ATTACHED) - 20)
    return {
        "content": f"{shown}\n{ATTACHED}",
        "file": file,
        "allowed_mentions": discord.AllowedMentions.none(),
    }


def _head(text: str, limit: int) -> str:
    """Return the first whole lines of a report that fit ``limit``, closing an open code block."""
    lines: list[str] = []
    used = 0
    fenced = False
    for line in text.split("\n"):
        cost = len(line) + 1 + (4 if not fenced else 0)  # room to close a block opened here
        if used + cost > limit:
            if not lines:
                lines.append(truncate(line, limit))
            break
        lines.append(line)
        used += len(line) + 1
        if line == "```":
            fenced = not fenced
    if fenced:
        lines.append("```")
    return "\n".join(lines)


def stats_embed(
    service: KnowledgeService, *, unanswered_bytes: int | None, guilds: int
) -> discord.Embed:
    """Return the /kb stats embed: what is loaded, since when, and what was asked."""
    knowledge = service.knowledge
    stats = service.stats
    loaded = int(service.snapshot.loaded_at)
    embed = discord.Embed(title="Knowledge base", colour=0x5865F2)
    embed.add_field(name="Entries", value=str(len(knowledge.entries)))
    embed.add_field(name="Sources", value=str(len(knowledge.sources)))
    embed.add_field(name="Last reload", value=f"<t:{loaded}:R>")
    embed.add_field(name="Answered", value=str(stats.answered))
    embed.add_field(name="Declined", value=str(stats.declined))
    embed.add_field(name="Reloads", value=f"{stats.reloads} ok, {stats.failed_reloads} failed")
    embed.add_field(name="Running since", value=f"<t:{int(stats.started_at)}:R>")
    embed.add_field(name="Servers", value=str(guilds))
    if unanswered_bytes is not None:
        embed.add_field(name="Unanswered log", value=f"{unanswered_bytes / 1024:.1f} KiB")
    embed.set_footer(text=f"{Path(knowledge.path).name} \u00b7 digest {knowledge.digest}")
    return fit(embed)


def server_stats_embed(service: KnowledgeService, counts: Counts) -> discord.Embed:
    """Return /kb stats for a server's manager: the knowledge's size and this server's figures."""
    knowledge = service.knowledge
    embed = discord.Embed(title="Knowledge base (this server)", colour=0x5865F2)
    embed.add_field(name="Entries", value=str(len(knowledge.entries)))
    embed.add_field(name="Sources", value=str(len(knowledge.sources)))
    embed.add_field(name="Last reload", value=f"<t:{int(service.snapshot.loaded_at)}:R>")
    embed.add_field(name="Answered here", value=str(counts.answered))
    embed.add_field(name="Declined here", value=str(counts.declined))
    embed.set_footer(text="Questions asked in this server since the bot started.")
    return fit(embed)


def unanswered_embed(
    records: Sequence[UnansweredRecord], *, server_only: bool = False
) -> discord.Embed:
    """Return the most recent declined questions, newest first, with their best score."""
    title = "Recently unanswered in this server" if server_only else "Recently unanswered"
    embed = discord.Embed(title=title, colour=0x95A5A6)
    if not records:
        embed.description = "Nothing declined yet."
        return embed
    lines: list[str] = []
    used = 0
    for record in records:
        when = int(record.at.timestamp())
        line = f"<t:{when}:R> `{record.score:.2f}` {neutralise(record.question, 150)}"
        if used + len(line) + 1 > DESCRIPTION_LIMIT - 40:
            lines.append(f"\u2026 and {len(records) - len(lines)} more")
            break
        lines.append(line)
        used += len(line) + 1
    embed.description = "\n".join(lines)
    embed.set_footer(text="Newest first; the number is the best match score (0-1).")
    return fit(embed)


def unreadable_log_embed() -> discord.Embed:
    """Return the note shown instead of the unanswered questions when the log cannot be read."""
    return discord.Embed(
        title="Recently unanswered",
        description="The unanswered log cannot be read right now; the bot's log has the reason.",
        colour=0x95A5A6,
    )
