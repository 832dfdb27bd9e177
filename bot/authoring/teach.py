"""Learn from what people asked: cluster missed questions and name the entry they belong to."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..core.normalise.text import Synonyms, analyse, content

SIMILAR = 75.0
"""Two questions whose keys score at least this (rapidfuzz token-set ratio, 0-100) cluster."""
CLICK_WEIGHT = 3.0
FIRST_SUGGESTION_WEIGHT = 1.0
OTHER_SUGGESTION_WEIGHT = 0.5
_NO_SYNONYMS = Synonyms(())


@dataclass(frozen=True, slots=True)
class Signal:
    """One question to learn from: declined, voted down or flagged, and what hints it left."""

    question: str
    guild_id: int | None
    why: str  # "declined", "voted down" or "flagged"
    suggestions: tuple[str, ...] = ()
    """Entries offered as "did you mean" (best first): the near misses."""
    chosen: tuple[str, ...] = ()
    """Entries the asker (or others) then chose among those offered."""
    wrong: str | None = None
    """The entry that answered and was judged wrong (voted down or flagged)."""


@dataclass(frozen=True, slots=True)
class Cluster:
    """Similar questions, how often they came, and the entry they most likely belong to."""

    key: str
    phrasing: str
    """The most frequent wording: what would be added to the entry."""
    count: int
    questions: tuple[tuple[str, int], ...]
    keys: tuple[str, ...]
    guilds: tuple[int | None, ...]
    reasons: tuple[tuple[str, int], ...]
    likely: str | None
    why_likely: str
    candidates: tuple[str, ...]
    """Entries worth offering, most likely first."""
    evidence: int = 0
    """How sure the likely entry is: 3 an admin's pick, 2 clicks, 1 near misses, 0 none."""


def question_key(question: str, synonyms: Synonyms = _NO_SYNONYMS) -> str:
    """Return a question's key: its content stems with synonyms applied, in order, no repeats."""
    stems = content(analyse(question, synonyms))
    key = " ".join(dict.fromkeys(stems))
    return key or " ".join(question.casefold().split())


def cluster(
    signals: Iterable[Signal],
    *,
    synonyms: Synonyms = _NO_SYNONYMS,
    resolved: frozenset[str] | set[str] = frozenset(),
    picks: Mapping[str, str] | None = None,
    known: frozenset[str] | set[str] | None = None,
    similar: float = SIMILAR,
) -> list[Cluster]:
    """Group similar questions, biggest group first; skip those resolved (by key).

    ``picks`` maps keys to the entry an admin chose; ``known`` (entry ids in service) drops
    hints about entries that no longer exist.
    """
    picks = picks or {}
    groups: list[list[tuple[str, Signal]]] = []
    leaders: list[str] = []
    by_key: dict[str, int] = {}
    for signal in signals:
        key = question_key(signal.question, synonyms)
        if key in resolved:
            continue
        index = by_key.get(key)
        if index is None:
            index = _nearest(key, leaders, similar)
        if index is None:
            index = len(groups)
            groups.append([])
            leaders.append(key)
        by_key[key] = index
        groups[index].append((key, signal))
    out = [_summarise(members, picks, known) for members in groups]
    out.sort(key=lambda c: (-c.count, -c.evidence, c.phrasing.casefold()))
    return out


def _nearest(key: str, leaders: Sequence[str], similar: float) -> int | None:
    best, best_score = None, similar
    for i, leader in enumerate(leaders):
        score = fuzz.token_set_ratio(key, leader, score_cutoff=best_score)
        if score >= best_score and (best is None or score > best_score):
            best, best_score = i, score
    return best


def _summarise(
    members: list[tuple[str, Signal]],
    picks: Mapping[str, str],
    known: frozenset[str] | set[str] | None,
) -> Cluster:
    wordings: dict[str, str] = {}  # the same words in any case: the first wording seen
    texts: Counter[str] = Counter()
    for _, s in members:
        text = " ".join(s.question.split())
        texts[wordings.setdefault(text.casefold(), text)] += 1
    ranked = sorted(texts.items(), key=lambda kv: -kv[1])  # stable: first seen first
    keys = tuple(dict.fromkeys(k for k, _ in members))
    guilds = tuple(dict.fromkeys(s.guild_id for _, s in members))
    reasons = tuple(sorted(Counter(s.why for _, s in members).items()))
    likely, why_likely, candidates, evidence = _likely(members, picks, known)
    return Cluster(
        key=keys[0],
        phrasing=ranked[0][0],
        count=len(members),
        questions=tuple(ranked),
        keys=keys,
        guilds=guilds,
        reasons=reasons,
        likely=likely,
        why_likely=why_likely,
        candidates=candidates,
        evidence=evidence,
    )


def _likely(
    members: list[tuple[str, Signal]],
    picks: Mapping[str, str],
    known: frozenset[str] | set[str] | None,
) -> tuple[str | None, str, tuple[str, ...], int]:
    """Name the likely entry: an admin's pick, else "did you mean" clicks, else near misses."""

    def ok(entry: str) -> bool:
        return known is None or entry in known

    weight: dict[str, float] = {}
    clicks: Counter[str] = Counter()
    near: Counter[str] = Counter()
    wrong = {s.wrong for _, s in members if s.wrong}
    for _, s in members:
        for entry in s.chosen:
            if ok(entry):
                clicks[entry] += 1
                weight[entry] = weight.get(entry, 0.0) + CLICK_WEIGHT
        for rank, entry in enumerate(s.suggestions):
            if ok(entry) and entry not in s.chosen:
                near[entry] += 1
                weight[entry] = weight.get(entry, 0.0) + (
                    FIRST_SUGGESTION_WEIGHT if rank == 0 else OTHER_SUGGESTION_WEIGHT
                )
    ranked = [e for e, _ in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))]
    for key, _ in members:
        picked = picks.get(key)
        if picked is not None and ok(picked):
            rest = [e for e in ranked if e != picked]
            return picked, "picked by an admin", (picked, *rest), 3
    ranked = [e for e in ranked if e not in wrong] or ranked
    if not ranked:
        return None, "no hint yet: pick an entry", (), 0
    top = ranked[0]
    if clicks[top]:
        return top, f'chosen {clicks[top]} time(s) under "did you mean"', tuple(ranked), 2
    return top, f"the closest match {near[top]} time(s) (a near miss)", tuple(ranked), 1
