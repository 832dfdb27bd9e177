"""Compose the reply a user gets, as plain data, and render it as text or JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .decide import Decision
from .models import Entry, Knowledge, SmallTalk, Source, Status, TalkKind

DECLINE_TEXT = "I don't know that one."


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An entry offered by its first phrasing ("did you mean …", "related")."""

    entry_id: str
    question: str


@dataclass(frozen=True, slots=True)
class Claim:
    """Another entry's claim shown beside the answer, e.g. the other side of a dispute."""

    entry_id: str
    answer: str
    status: Status
    claimed_by: str


@dataclass(frozen=True, slots=True)
class Reply:
    """Everything a front end needs to show one answer or one decline."""

    question: str
    answered: bool
    score: float
    entry_id: str | None = None
    answer: str | None = None
    status: Status | None = None
    claimed_by: str | None = None
    sources: tuple[Source, ...] = ()
    conflicts: tuple[Claim, ...] = ()
    related: tuple[Suggestion, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    notice: str | None = None
    knowledge_digest: str = ""
    kind: str = "answer"  # "answer", "decline", "clarify", "smalltalk" or "followup"
    about: str | None = None  # a follow-up: the earlier answer it was read against
    talk: TalkKind | None = None  # small talk: what kind


EXAMPLES = 3


def small_talk(question: str, talk: SmallTalk, knowledge: Knowledge) -> Reply:
    """Reply to a greeting, thanks or call for help; a few example questions come with it."""
    offers = () if talk.kind is TalkKind.THANKS else knowledge.entries[:EXAMPLES]
    return Reply(
        question=question,
        answered=False,
        score=0.0,
        answer=talk.reply,
        suggestions=tuple(_suggest(e) for e in offers),
        knowledge_digest=knowledge.digest,
        kind="smalltalk",
        talk=talk.kind,
    )


def compose(
    question: str,
    decision: Decision,
    knowledge: Knowledge,
    notice: str | None = None,
    about: Entry | None = None,
) -> Reply:
    """Turn a decision into an answer, or a decline with suggestions."""
    score = round(decision.confidence, 4)
    if decision.answer is None:
        return Reply(
            question=question,
            answered=False,
            score=score,
            suggestions=tuple(_suggest(m.entry) for m in decision.suggestions),
            notice=notice,
            knowledge_digest=knowledge.digest,
            kind="clarify" if decision.clarify else "decline",
        )
    entry = decision.answer.entry
    conflicts = tuple(_claim(knowledge.by_id[i]) for i in knowledge.conflicts.get(entry.id, ()))
    shown = {entry.id, *(c.entry_id for c in conflicts)}
    near = [m.entry.id for m in decision.near]
    related_ids = [i for i in dict.fromkeys([*near, *entry.related]) if i not in shown]
    return Reply(
        question=question,
        answered=True,
        score=score,
        entry_id=entry.id,
        answer=entry.answer,
        status=entry.status,
        claimed_by=entry.claimed_by,
        sources=tuple(knowledge.sources[s] for s in entry.sources),
        conflicts=conflicts,
        related=tuple(_suggest(knowledge.by_id[i]) for i in related_ids),
        notice=notice,
        knowledge_digest=knowledge.digest,
        kind="followup" if about is not None else "answer",
        about=about.title if about is not None else None,
    )


def _suggest(entry: Entry) -> Suggestion:
    return Suggestion(entry.id, entry.title)


def _claim(entry: Entry) -> Claim:
    return Claim(entry.id, entry.answer, entry.status, entry.claimed_by)


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
    parts += [
        f"Other side, {c.status.label.lower()} from {c.claimed_by}: {c.answer}"
        for c in reply.conflicts
    ]
    return " ".join(parts)


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
    if reply.related:
        lines.append("  Related: " + "; ".join(s.question for s in reply.related))
    lines.append(f"  Confidence: {reply.score:.2f}")
    return "\n".join(lines)


def to_json(reply: Reply) -> dict[str, Any]:
    """Render the reply as the JSON object of the evaluation contract (plus details)."""
    return {
        "question": reply.question,
        "answered": reply.answered,
        "answer": summary(reply) if reply.answered or reply.kind == "smalltalk" else None,
        "status": reply.status.value if reply.status else None,
        "claimed_by": reply.claimed_by,
        "sources": [
            {"id": s.id, "title": s.title, "outlet": s.outlet, "kind": s.kind.value,
             "author": s.author, "citation": s.citation()}
            for s in reply.sources
        ],
        "score": reply.score,
        "entry": reply.entry_id,
        "conflicts": [
            {"entry": c.entry_id, "status": c.status.value, "claimed_by": c.claimed_by,
             "answer": c.answer}
            for c in reply.conflicts
        ],
        "related": [s.entry_id for s in reply.related],
        "suggestions": [s.question for s in reply.suggestions],
        "notice": reply.notice,
        "kind": reply.kind,
        "about": reply.about,
    }  # fmt: skip
