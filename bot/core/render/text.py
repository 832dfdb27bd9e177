"""Render a reply as plain text: one paragraph (what a reader sees), or lines for a terminal."""

from __future__ import annotations

from ..reply.replies import DECLINE_TEXT, Claim, Reply


def summary(reply: Reply) -> str:
    """Return the reply as one paragraph of plain text: what the user reads, without markup."""
    if reply.kind == "smalltalk":
        text = reply.answer or ""
        if reply.suggestions:
            text += " Try: " + "; ".join(s.question for s in reply.suggestions)
        return text
    if reply.kind == "clarify":
        return "Did you mean: " + " or ".join(s.question for s in reply.suggestions) + "?"
    if not reply.answered or reply.status is None:
        text = DECLINE_TEXT
        if reply.suggestions:
            text += " Did you mean: " + "; ".join(s.question for s in reply.suggestions) + "?"
        return text
    parts = [f"About {reply.about!r}:"] if reply.about else []
    parts += [f"{reply.status.label}: {reply.answer} (Claimed by {reply.claimed_by}.)"]
    if reply.cited and reply.sources:  # "source?": where it comes from is what was asked
        parts += ["Sources: " + "; ".join(s.citation() for s in reply.sources) + "."]
    parts += _other_sides(reply.conflicts)
    if (second := reply.second) is not None:
        parts += [
            f"And {second.question!r}: {second.status.label}: {second.answer} "
            f"(Claimed by {second.claimed_by}.)"
        ]
        parts += _other_sides(second.conflicts)
    return " ".join(parts)


def _other_sides(conflicts: tuple[Claim, ...]) -> list[str]:
    return [
        f"Other side, {c.status.label.lower()} from {c.claimed_by}: {c.answer}" for c in conflicts
    ]


def to_text(reply: Reply) -> str:
    """Render the reply for a terminal: status first, then who says so, sources and the rest."""
    lines = [f"Note: {reply.notice}"] if reply.notice else []
    if reply.kind == "smalltalk":
        lines.append(reply.answer or "")
        if reply.suggestions:
            lines.append("Try asking:")
            lines += [f"  - {s.question}" for s in reply.suggestions]
        return "\n".join(lines)
    if reply.about:
        lines.append(f"About {reply.about!r}:")
    if reply.kind == "clarify":
        lines.append("Two topics fit equally well. Did you mean:")
        lines += [f"  - {s.question}" for s in reply.suggestions]
        return "\n".join(lines)
    if not reply.answered or reply.status is None:
        lines.append(DECLINE_TEXT + " I only know about the BMW 1M Coupe production story.")
        if reply.suggestions:
            lines.append("Did you mean:")
            lines += [f"  - {s.question}" for s in reply.suggestions]
        return "\n".join(lines)
    lines.append(f"{reply.status.label}: {reply.answer}")
    lines.append(f"  Claimed by: {reply.claimed_by}")
    lines += [f"  Source: {s.citation()}" for s in reply.sources]
    if reply.conflicts:
        lines.append("  The other side:")
        lines += [f"    - {c.status.label} ({c.claimed_by}): {c.answer}" for c in reply.conflicts]
    if (second := reply.second) is not None:
        lines.append(f"  And {second.question!r}:")
        lines.append(f"    {second.status.label}: {second.answer}")
        lines.append(f"    Claimed by: {second.claimed_by}")
        lines += [f"    Source: {s.citation()}" for s in second.sources]
        if second.conflicts:
            lines.append("    The other side:")
            lines += [
                f"      - {c.status.label} ({c.claimed_by}): {c.answer}" for c in second.conflicts
            ]
    if reply.related:
        lines.append("  Related: " + "; ".join(s.question for s in reply.related))
    lines.append(f"  Confidence: {reply.score:.2f}")
    return "\n".join(lines)
