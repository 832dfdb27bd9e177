"""Compose the reply a user gets, as plain data (rendering is ``render``'s job)."""

from __future__ import annotations

from dataclasses import dataclass

from ..decide.decision import Decision
from ..knowledge.models import Entry, Knowledge, SmallTalk, Source, Status, TalkKind
from ..score.ranking import Match

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
class SecondAnswer:
    """The answer to a message's second question, shown in full after the first."""

    entry_id: str
    question: str  # the entry's first phrasing: which question it answers
    answer: str
    status: Status
    claimed_by: str
    sources: tuple[Source, ...]
    score: float
    conflicts: tuple[Claim, ...] = ()  # the other side of its dispute, unless already shown


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
    cited: bool = False  # asked where the claim comes from: its sources belong in the answer
    talk: TalkKind | None = None  # small talk: what kind
    second: SecondAnswer | None = None  # a message asking two questions: the other's answer
    asked: str | None = None  # "what about X" after a decline: that declined question


EXAMPLES = 3


def small_talk(question: str, talk: SmallTalk, knowledge: Knowledge) -> Reply:
    """Reply to small talk; a few example questions come with a greeting, help or "who are you"."""
    brief = talk.kind in (TalkKind.THANKS, TalkKind.REACTION, TalkKind.FAREWELL)
    offers = () if brief else knowledge.entries[:EXAMPLES]
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
    cited: bool = False,
    second: Match | None = None,
) -> Reply:
    """Turn a decision into an answer (with ``second``'s when a message asks two), or a decline
    with suggestions."""
    score = round(decision.confidence, 4)
    if decision.answer is None:
        return Reply(
            question=question,
            answered=False,
            score=score,
            suggestions=tuple(Suggestion(m.entry_id, m.title) for m in decision.suggestions),
            notice=notice,
            knowledge_digest=knowledge.digest,
            kind="clarify" if decision.clarify else "decline",
        )
    entry = decision.answer.entry
    conflicts = tuple(_claim(knowledge.by_id[i]) for i in knowledge.conflicts.get(entry.id, ()))
    shown = {entry.id, *(c.entry_id for c in conflicts)}
    answered = _second(second, knowledge, shown) if second is not None else None
    if answered is not None:
        shown |= {answered.entry_id, *(c.entry_id for c in answered.conflicts)}
    near = [m.entry_id for m in decision.near]
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
        related=tuple(Suggestion(i, knowledge.by_id.title(i)) for i in related_ids),
        notice=notice,
        knowledge_digest=knowledge.digest,
        kind="followup" if about is not None else "answer",
        about=about.title if about is not None else None,
        cited=cited,
        second=answered,
    )


def _suggest(entry: Entry) -> Suggestion:
    return Suggestion(entry.id, entry.title)


def _claim(entry: Entry) -> Claim:
    return Claim(entry.id, entry.answer, entry.status, entry.claimed_by)


def _second(match: Match, knowledge: Knowledge, shown: set[str]) -> SecondAnswer:
    entry = match.entry
    sides = [i for i in knowledge.conflicts.get(entry.id, ()) if i not in shown]
    return SecondAnswer(
        entry_id=entry.id,
        question=entry.title,
        answer=entry.answer,
        status=entry.status,
        claimed_by=entry.claimed_by,
        sources=tuple(knowledge.sources[s] for s in entry.sources),
        score=round(match.score, 4),
        conflicts=tuple(_claim(knowledge.by_id[i]) for i in sides),
    )
