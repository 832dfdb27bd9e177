"""A ranking's matches: read for their id, title and score without building their entries."""

from __future__ import annotations

import pytest
from generated_knowledge import generated

from bot.core.knowledge import models
from bot.core.knowledge.models import Entries, Entry
from bot.core.retrieve.matcher import Matcher
from bot.core.score.ranking import Match, Ranking


def test_a_ranking_builds_no_entry_until_one_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    knowledge = generated(linked=True, count=40)
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
    knowledge = generated(linked=True, count=5)
    packed = Match(Entries.of(knowledge.entries), 0.8, 0.5, 0.4, 3)
    held = Match(knowledge.by_id["e3"], 0.8, 0.5, 0.4)
    assert packed == held and hash(packed) == hash(held)
    assert packed != Match(knowledge.by_id["e3"], 0.7, 0.5, 0.4)
    assert packed.rescored(0.7) == Match(knowledge.by_id["e3"], 0.7, 0.5, 0.4)
    assert (packed.entry_id, packed.title, packed.entry) == ("e3", held.title, held.entry)
    assert repr(packed) == "Match(entry_id='e3', score=0.8, coverage=0.5, similarity=0.4)"
    assert Ranking((held, packed)).without(held.entry).matches == ()
