"""Render a core Reply as a Discord embed, within Discord's limits, with echoed text made inert."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import discord

from ..core.knowledge.models import Source, Status
from ..core.reply.replies import DECLINE_TEXT, Claim, Reply, SecondAnswer
from ..redaction import redact

TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
AUTHOR_LIMIT = 256
TOTAL_LIMIT = 6000
MAX_FIELDS = 25
ECHO_LIMIT = 300
"""Echoed user text is cut to this many characters."""
MAX_CONFLICTS = 5
MAX_SOURCES = 10
OTHER_SIDE = "The other side"
SECOND = "Your second question"
SECOND_SOURCES = f"{SECOND}: sources"
SHORTENED = "(The answer is shortened to fit; the other side follows.)"
MIN_ANSWER_KEPT = 300
MIN_FIELD_KEPT = 100

BADGES: dict[Status, str] = {
    Status.FACT: "\u2705",  # check mark
    Status.RUMOR: "\U0001f4ac",  # speech balloon
    Status.DENIED: "\u26d4",  # no entry
    Status.OPINION: "\U0001f4ad",  # thought balloon
    Status.DISPUTED: "\u2696\ufe0f",  # scales
}
COLOURS: dict[Status, int] = {
    Status.FACT: 0x2ECC71,
    Status.RUMOR: 0xF1C40F,
    Status.DENIED: 0xE74C3C,
    Status.OPINION: 0x3498DB,
    Status.DISPUTED: 0xE67E22,
}
DECLINE_COLOUR = 0x95A5A6
DECLINE_BADGE = "\U0001f914"  # thinking face
SCOPE_TEXT = "I only know about the BMW 1M Coupe production story."

_ESCAPE = re.compile(r"([\\*_~|`>#\-\[\]()<@:])")
_MENTION = re.compile(r"@(everyone|here)|<(@[!&]?|#)(\d+)>", re.IGNORECASE)
_BIDI_AND_INVISIBLE = dict.fromkeys(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C, 0xFEFF, 0x00AD], None
)
MAX_COMBINING = 2
"""Combining marks kept per base character: enough for real scripts, not for zalgo towers."""


def badge(status: Status) -> str:
    """Return the badge shown for a status, e.g. ``✅ Fact``."""
    return f"{BADGES[status]} {status.label}"


def truncate(text: str, limit: int) -> str:
    """Cut text to ``limit`` characters, ending with an ellipsis when it was cut."""
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + "\u2026"


def plain(text: str, limit: int = ECHO_LIMIT) -> str:
    """Return user text as one inert line: no controls, bidi overrides or zalgo; cut to a limit."""
    out: list[str] = []
    marks = 0
    for char in text.translate(_BIDI_AND_INVISIBLE):
        category = unicodedata.category(char)
        if category in ("Mn", "Me"):
            marks += 1
            if marks > MAX_COMBINING:
                continue
        else:
            marks = 0
        if category in ("Cc", "Cs", "Co", "Cn", "Zl", "Zp"):
            char = " "
        out.append(char)
        if len(out) > limit * 2:  # enough to fill the limit after collapsing spaces
            break
    return truncate(" ".join("".join(out).split()), limit)


def neutralise(text: str, limit: int = ECHO_LIMIT) -> str:
    """Return user text safe to echo in markdown: one line, tokens redacted, markup escaped."""
    flat = plain(redact(text), limit)
    escaped = _ESCAPE.sub(r"\\\1", flat)
    return escaped.replace("@", "@\u200b")


def inert_mentions(text: str) -> str:
    """Break mentions (``@everyone``, ``<@id>``, ``<#id>``) so they render as plain text."""
    return _MENTION.sub(lambda m: m.group(0)[0] + "\u200b" + m.group(0)[1:], text)


_MARKUP = re.compile(r"[\\*_~|`\[\]()<>]")
_LINE_MARK = re.compile(r"^([ \t]*+)(?:([-#+])|(\d++)([.)]))", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """Escape every markdown character, in one linear pass (no look-ahead, no backtracking).

    Brackets, parentheses and angle brackets are escaped too, so no masked link, autolink,
    mention or custom emoji stays live; list, header and quote marks only at a line's start.
    """
    escaped = _MARKUP.sub(r"\\\g<0>", text)
    return _LINE_MARK.sub(_escape_line_mark, escaped)


def _escape_line_mark(match: re.Match[str]) -> str:
    indent, mark, number, dot = match.groups()
    return f"{indent}\\{mark}" if mark else f"{indent}{number}\\{dot}"


def safe(text: str, limit: int) -> str:
    """Return knowledge text for markdown: tokens redacted, markdown and mentions escaped, cut.

    Escaping only lengthens text, so only the first ``limit`` characters are escaped; the cut
    never leaves a lone backslash that would escape the ellipsis.
    """
    escaped = inert_mentions(escape_markdown(redact(text[: limit + 1])))
    if len(escaped) <= limit:
        return escaped
    cut = escaped[: max(limit - 1, 0)].rstrip()
    if (len(cut) - len(cut.rstrip("\\"))) % 2:
        cut = cut[:-1]
    return cut + "\u2026"


def _link(source: Source) -> str:
    text = safe(source.citation(), 400)
    url = source.url or ""
    if re.fullmatch(r"https?://[^\s()<>\[\]]+", url) and len(url) <= 500:
        return f"[{text}]({url})"
    return text


def _bullets(items: Iterable[str], limit: int = FIELD_VALUE_LIMIT) -> str:
    """Join items as a bullet list that fits ``limit``, noting how many were left out."""
    items = list(items)
    lines: list[str] = []
    used = 0
    for index, item in enumerate(items):
        line = f"\u2022 {item}"
        more = len(items) - index - 1
        tail = f"\n\u2026 and {more} more" if more else ""
        if used + len(line) + len(tail) + 1 > limit:
            remaining = len(items) - index
            if not lines:
                return truncate(line, limit)
            lines.append(f"\u2026 and {remaining} more")
            break
        lines.append(line)
        used += len(line) + 1
    return "\n".join(lines)


def _question_line(question: str) -> str:
    return f"**Q:** {neutralise(question)}" if question.strip() else ""


def reply_embed(reply: Reply) -> discord.Embed:
    """Render an answer, a decline or small talk as one embed."""
    if reply.kind == "smalltalk":
        return talk_embed(reply)
    if not reply.answered or reply.status is None or reply.answer is None:
        return decline_embed(reply)
    head = _question_line(reply.question)
    room = DESCRIPTION_LIMIT - len(head) - 2
    answer = safe(reply.answer, room)
    if answer.endswith("\u2026") and len(answer) >= room:  # cut: say so
        answer = safe(reply.answer, room - len(SHORTENED) - 1) + "\n" + SHORTENED
    embed = discord.Embed(
        title=badge(reply.status),
        description=f"{head}\n\n{answer}" if head else answer,
        colour=COLOURS[reply.status],
    )
    if reply.about:  # a follow-up says which earlier answer it was read against
        embed.add_field(name="About", value=safe(reply.about, FIELD_VALUE_LIMIT), inline=False)
    if reply.claimed_by:
        embed.add_field(name="Claimed by", value=safe(reply.claimed_by, FIELD_VALUE_LIMIT))
    if reply.sources:
        name = "Source" if len(reply.sources) == 1 else "Sources"
        embed.add_field(
            name=name, value=_bullets(_link(s) for s in reply.sources[:MAX_SOURCES]), inline=False
        )
    _add_sides(embed, reply.conflicts)
    if reply.second is not None:
        _add_second(embed, reply.second)
    if reply.related:
        embed.add_field(
            name="Related",
            value=_bullets(safe(s.question, 200) for s in reply.related),
            inline=False,
        )
    if reply.notice:
        embed.add_field(name="Note", value=safe(reply.notice, FIELD_VALUE_LIMIT), inline=False)
    embed.set_footer(text=f"Confidence {reply.score:.0%}")
    return fit(_make_room(embed))


def _add_sides(embed: discord.Embed, conflicts: tuple[Claim, ...], of: str = "") -> None:
    """Add the other side of a dispute: a field a claim, the claimants of any beyond five."""
    for claim in conflicts[:MAX_CONFLICTS]:
        embed.add_field(
            name=truncate(
                f"{OTHER_SIDE}{of}: {badge(claim.status)} \u2014 {safe(claim.claimed_by, 200)}",
                FIELD_NAME_LIMIT,
            ),
            value=safe(claim.answer, FIELD_VALUE_LIMIT),
            inline=False,
        )
    if len(conflicts) > MAX_CONFLICTS:
        rest = conflicts[MAX_CONFLICTS:]
        names = "; ".join(safe(c.claimed_by, 100) for c in rest)
        embed.add_field(
            name=f"{OTHER_SIDE}{of}: {len(rest)} more claim(s) disagree",
            value=truncate(names, FIELD_VALUE_LIMIT),
            inline=False,
        )


def _add_second(embed: discord.Embed, second: SecondAnswer) -> None:
    """Add the answer to a message's second question: its status, claimant, answer, sources."""
    embed.add_field(
        name=truncate(
            f"{SECOND}: {badge(second.status)} \u2014 {safe(second.claimed_by, 200)}",
            FIELD_NAME_LIMIT,
        ),
        value=safe(f"{second.question}: {second.answer}", FIELD_VALUE_LIMIT),
        inline=False,
    )
    if second.sources:
        embed.add_field(
            name=SECOND_SOURCES,
            value=_bullets(_link(s) for s in second.sources[:MAX_SOURCES]),
            inline=False,
        )
    _add_sides(embed, second.conflicts, " (second question)")


def _make_room(embed: discord.Embed) -> discord.Embed:
    """Bring an answer within 6,000 characters without dropping the other side of a dispute.

    First the related questions go, then the answers are shortened (the first says so, then
    the second question's), then the other fields (claimant, sources, note), and only then is
    each other side shortened, all alike.
    """
    if len(embed) <= TOTAL_LIMIT:
        return embed
    for index, field in enumerate(embed.fields):
        if field.name == "Related":
            embed.remove_field(index)
            break
    excess = len(embed) - TOTAL_LIMIT
    description = embed.description or ""
    body = description.removesuffix("\n" + SHORTENED)  # shortened already to fit its own limit
    if excess > 0 and body:
        said = len(description) - len(body)
        keep = max(len(body) - excess - (len(SHORTENED) + 2 - said), MIN_ANSWER_KEPT)
        if keep < len(body):
            embed.description = truncate(body, keep) + "\n" + SHORTENED
    sides = [i for i, f in enumerate(embed.fields) if (f.name or "").startswith(OTHER_SIDE)]
    second = [
        i
        for i, f in enumerate(embed.fields)
        if (f.name or "").startswith(SECOND) and f.name != SECOND_SOURCES
    ]
    others = [i for i in range(len(embed.fields)) if i not in sides]
    for group in (second, others, others, sides, sides, sides):  # again when some hit their floor
        excess = len(embed) - TOTAL_LIMIT
        if excess <= 0:
            break
        shrinkable = [i for i in group if len(embed.fields[i].value or "") > MIN_FIELD_KEPT]
        if not shrinkable:
            continue
        cut = -(-excess // len(shrinkable)) + 1
        for index in shrinkable:
            field = embed.fields[index]
            value = field.value or ""
            embed.set_field_at(
                index,
                name=field.name or "\u200b",
                value=truncate(value, max(len(value) - cut, MIN_FIELD_KEPT)),
                inline=bool(field.inline),
            )
    return embed


def decline_embed(reply: Reply) -> discord.Embed:
    """Render a decline: say so, say what the bot knows about, list any suggestions."""
    head = _question_line(reply.question)
    body = f"{DECLINE_TEXT} {SCOPE_TEXT}"
    if reply.kind == "clarify":
        body = "Two topics fit your question equally well."
    if reply.suggestions:
        body += " Did you mean one of these? Press a button below."
    embed = discord.Embed(
        title=f"{DECLINE_BADGE} {'Which one?' if reply.kind == 'clarify' else 'Not sure'}",
        description=f"{head}\n\n{body}" if head else body,
        colour=DECLINE_COLOUR,
    )
    if reply.suggestions:
        embed.add_field(
            name="Did you mean",
            value=_bullets(safe(s.question, 200) for s in reply.suggestions),
            inline=False,
        )
    if reply.notice:
        embed.add_field(name="Note", value=safe(reply.notice, FIELD_VALUE_LIMIT), inline=False)
    embed.set_footer(text=f"Best match {reply.score:.0%}, below what I answer with")
    return fit(embed)


def fit(embed: discord.Embed) -> discord.Embed:
    """Enforce Discord's embed limits: per part, 25 fields and 6000 characters in all."""
    if embed.title:
        embed.title = truncate(embed.title, TITLE_LIMIT)
    if embed.description:
        embed.description = truncate(embed.description, DESCRIPTION_LIMIT)
    fields = [
        (
            truncate(f.name or "\u200b", FIELD_NAME_LIMIT),
            truncate(f.value or "\u200b", FIELD_VALUE_LIMIT),
            f.inline,
        )
        for f in embed.fields
    ][:MAX_FIELDS]
    embed.clear_fields()
    for name, value, inline in fields:
        embed.add_field(name=name, value=value, inline=bool(inline))
    if embed.footer.text:
        embed.set_footer(text=truncate(embed.footer.text, FOOTER_LIMIT))
    while len(embed) > TOTAL_LIMIT and embed.fields:
        embed.remove_field(len(embed.fields) - 1)
    if len(embed) > TOTAL_LIMIT and embed.description:
        excess = len(embed) - TOTAL_LIMIT
        embed.description = truncate(embed.description, len(embed.description) - excess)
    return embed


def talk_embed(reply: Reply) -> discord.Embed:
    """Render small talk: the knowledge file's reply and a few questions to try."""
    head = _question_line(reply.question)
    talk = safe(reply.answer or "", DESCRIPTION_LIMIT - len(head) - 2)
    embed = discord.Embed(description=f"{head}\n\n{talk}" if head else talk)
    if reply.suggestions:
        embed.add_field(
            name="Try asking",
            value=_bullets(safe(s.question, 200) for s in reply.suggestions),
            inline=False,
        )
    return fit(embed)
