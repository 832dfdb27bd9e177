"""A ranking's matches: read for their id, title and score without building their entries."""

from __future__ import annotations

import pytest

from bot.core.knowledge import models
from bot.core.knowledge.models import Entries, Entry, Knowledge, Source, SourceKind, Status
from bot.core.retrieve.matcher import Matcher
from bot.core.score.ranking import Match, Ranking


def _knowledge(count: int) -> Knowledge:
    """Return a knowledge base of ``count`` entries, each with words of its own."""
    entries = tuple(
        Entry(
            id=f"e{i}",
            questions=(f"how many zorb{i} cars in quilt{i}", f"when does plim{i} start"),
            answer=f"About {i} cars, says frob{i}.",
            status=Status.RUMOR,
            claimed_by="someone",
            sources=("s",),
            related=(f"e{i + 1}",) if i + 1 < count else (),
            line=10 * i + 1,
            question_lines=(10 * i + 2, 10 * i + 3),
        )
        for i in range(count)
    )
    source = Source("s", "Title", "Outlet", SourceKind.ARTICLE)
    return Knowledge("generated", 1, (), {"s": source}, entries, "digest")


def test_a_ranking_builds_no_entry_until_one_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    knowledge = _knowledge(40)
    matcher = Matcher(knowledge)
    matcher.clear_caches()
    built: list[str] = []
    entry_of = models.entry_of

    def counted(row: models.EntryRow) -> Entry:
        built.append(row[0])
        return entry_of(row)

    monkeypatch.setattr(models, "entry_of", counted)
    ranking = matcher.read("how many zorb7 cars in quilt7 or zorb8")
    assert [m.entry_id for m in ranking.matches][:2] == ["e7", "e8"]
    assert ranking.matches[0].title == "how many zorb7 cars in quilt7"
    assert built == []
    entry = ranking.matches[0].entry
    assert built == ["e7"]
    assert entry == knowledge.by_id["e7"] and entry.related == ("e8",)


def test_a_packed_match_equals_one_holding_its_entry() -> None:
    knowledge = _knowledge(5)
    packed = Match(Entries.of(knowledge.entries), 0.8, 0.5, 0.4, 3)
    held = Match(knowledge.by_id["e3"], 0.8, 0.5, 0.4)
    assert packed == held and hash(packed) == hash(held)
    assert packed != Match(knowledge.by_id["e3"], 0.7, 0.5, 0.4)
    assert packed.rescored(0.7) == Match(knowledge.by_id["e3"], 0.7, 0.5, 0.4)
    assert (packed.entry_id, packed.title, packed.entry) == ("e3", held.title, held.entry)
    assert repr(packed) == "Match(entry_id='e3', score=0.8, coverage=0.5, similarity=0.4)"
    assert Ranking((held, packed)).without(held.entry).matches == ()
