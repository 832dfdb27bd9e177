"""A loaded knowledge file is packed: nothing per entry to walk, and next to nothing to free.

While a reload builds the next snapshot in a worker thread, every full collection the build
triggers walks every object the collector tracks, holding the GIL, and replacing a snapshot frees
every object it reaches in one step, holding the GIL too: the event loop stalls that long. So a
snapshot keeps its entries' strings packed in a few long strings with arrays of offsets, and
builds an ``Entry`` (or a row) only when one is asked for; these tests fail if anything per
entry, source or phrasing becomes an object of a snapshot again, and check the views read as the
tuple and mappings they stand for.
"""

from __future__ import annotations

import gc
from pathlib import Path
from types import FunctionType, ModuleType

import pytest

from bot.core.knowledge.loader import parse_knowledge
from bot.core.knowledge.models import (
    Entries,
    Entry,
    Knowledge,
    Source,
    SourceKind,
    Status,
    entry_of,
)
from bot.core.retrieve.completion import CompletionIndex
from bot.core.service import KnowledgeService, build_snapshot


def _file(entries: int, sources: int) -> str:
    """Return a knowledge file of ``entries`` entries citing ``sources`` sources, all distinct."""
    lines = ["synonyms:", "  - [us, usa, united states]", "sources:"]
    lines += [
        f"  - {{id: s{i}, title: Title {i}, outlet: Outlet {i}, kind: article, author: A{i}}}"
        for i in range(sources)
    ]
    lines.append("entries:")
    for i in range(entries):
        lines += [
            f"  - id: e{i}",
            f"    questions: ['how many zorb{i} cars in quilt{i}', 'when does plim{i} start']",
            f"    answer: About {i} cars in the US, says Frob{i}.",
            f"    status: {('fact', 'rumor', 'disputed')[i % 3]}",
            f"    claimed_by: Claimant {i}",
            f"    sources: [s{i % sources}]",
            f"    keywords: [kw{i}]",
            f"    tags: [tag{i % 7}]",
        ]
        if i:
            lines.append(f"    related: [e{i - 1}]")
        if i % 3 == 2:
            lines.append(f"    conflicts_with: [e{i - 1}]")
    return "\n".join(lines) + "\n"


def _tracked_by_a_snapshot(path: Path) -> int:
    """Return how many objects the collector tracks for a snapshot and its autocomplete index."""
    gc.collect()
    before = len(gc.get_objects())
    snapshot = build_snapshot(path)
    index = CompletionIndex.build(snapshot.knowledge)
    gc.collect()
    gc.collect()  # a tuple seen before its items is untracked on the next pass
    added = len(gc.get_objects()) - before
    assert len(index.texts) == 2 * len(snapshot.knowledge.entries)
    return added


def test_a_snapshot_tracks_no_object_per_entry_source_or_phrasing(tmp_path: Path) -> None:
    small, big = tmp_path / "small.yaml", tmp_path / "big.yaml"
    small.write_text(_file(200, 20), encoding="utf-8")
    big.write_text(_file(4_000, 400), encoding="utf-8")
    build_snapshot(small)  # load the word tables and caches first
    few, many = _tracked_by_a_snapshot(small), _tracked_by_a_snapshot(big)
    # 20 times the entries, sources and phrasings: the same few dozen tables either way.
    assert few < 100, f"{few} objects tracked for a snapshot of 200 entries"
    assert many - few < 20, f"{few} tracked objects at 200 entries, {many} at 4,000"


def _reachable(*roots: object) -> int:
    """Return how many objects ``roots`` reach (classes, functions and modules left out)."""
    seen: set[int] = set()
    stack = list(roots)
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, type | ModuleType | FunctionType):
            continue
        seen.add(id(item))
        stack.extend(gc.get_referents(item))
    return len(seen)


def test_the_entries_are_a_few_objects_whatever_their_number(tmp_path: Path) -> None:
    # Freeing a replaced snapshot frees every object it reaches in one step holding the GIL:
    # the entries, their ids and the autocomplete index must not be an object per string.
    def held(entries: int) -> int:
        knowledge = parse_knowledge(_file(entries, entries // 10), "k.yaml")
        index = CompletionIndex.build(knowledge)
        return _reachable(knowledge.entries, knowledge.by_id, index)

    few, many = held(200), held(4_000)  # 2,800 strings, then 56,000
    assert few < 60, f"{few} objects for 200 entries"
    assert many - few < 40, f"{few} objects at 200 entries, {many} at 4,000"


def test_the_index_holds_no_object_per_entry_or_phrasing(tmp_path: Path) -> None:
    # What stays an object is its vocabulary: each term and its number, in the dict a question
    # looks its words up in (about seven new terms per entry of this file). Its postings,
    # phrasings and weights are flat arrays.
    def held(entries: int) -> int:
        path = tmp_path / f"{entries}.yaml"
        path.write_text(_file(entries, entries // 10), encoding="utf-8")
        snapshot = build_snapshot(path)
        return _reachable(snapshot.matcher) - _reachable(snapshot.knowledge)

    few, many = held(200), held(4_000)
    assert (many - few) / 3_800 < 16, f"{few} objects at 200 entries, {many} at 4,000"


def test_the_rows_read_back_as_loaded(tmp_path: Path) -> None:
    knowledge = parse_knowledge(_file(50, 5), "k.yaml")
    rows = knowledge.rows
    assert len(rows) == 50 and rows[-1] == rows[49] and rows[:2] == (rows[0], rows[1])
    assert rows[2][:10] == (
        "e2",
        ("how many zorb2 cars in quilt2", "when does plim2 start"),
        "About 2 cars in the US, says Frob2.",
        "disputed",
        "Claimant 2",
        ("s2",),
        ("e1",),
        ("e1",),
        ("kw2",),
        ("tag2",),
    )
    assert all(type(row[3]) is str for row in rows)  # "fact", not Status.FACT
    assert [entry_of(row) for row in rows] == list(knowledge.entries)
    assert rows == tuple(rows) and rows == parse_knowledge(_file(50, 5), "k.yaml").rows


def test_the_views_read_as_the_entries_and_sources(tmp_path: Path) -> None:
    text = _file(30, 3)
    knowledge = parse_knowledge(text, "k.yaml")
    entries = knowledge.entries
    first = entries[0]
    assert isinstance(first, Entry) and first.status is Status.FACT
    assert first.id == "e0" and first.questions == (
        "how many zorb0 cars in quilt0",
        "when does plim0 start",
    )
    assert first.line == 8 and first.question_lines == (9, 9)
    assert entries[-1].id == "e29" and [e.id for e in entries[1:3]] == ["e1", "e2"]
    assert isinstance(entries[:2], tuple) and len(entries) == 30
    assert [e.id for e in reversed(entries)] == [f"e{i}" for i in range(29, -1, -1)]
    assert first in entries and entries.index(entries[5]) == 5
    # The same Entry while it is among the recent ones, then a fresh one equal by value.
    assert knowledge.by_id["e0"] is first
    assert isinstance(entries, Entries)
    entries.forget()
    assert knowledge.by_id["e0"] == first and knowledge.by_id["e0"] is not first
    assert knowledge.by_id.get("e999") is None and "e999" not in knowledge.by_id
    assert list(knowledge.by_id) == [f"e{i}" for i in range(30)]
    assert knowledge.conflicts["e1"] == ("e2",) and knowledge.conflicts["e2"] == ("e1",)
    source = knowledge.sources["s1"]
    assert source == Source("s1", "Title 1", "Outlet 1", SourceKind.ARTICLE, author="A1")
    assert len(knowledge.sources) == 3 and "s9" not in knowledge.sources
    # Equal to the same file loaded again (lines aside) and to the tuple it stands for.
    again = parse_knowledge("\n" + text, "other.yaml")
    assert again.entries == entries and again.entries[0].line == first.line + 1
    assert entries == tuple(entries) and tuple(entries) == entries
    assert hash(again.entries) == hash(entries)
    assert entries != parse_knowledge(_file(29, 3), "k.yaml").entries
    assert "About 7 cars in the US" in str(entries)


def test_a_title_is_read_without_building_the_entry() -> None:
    knowledge = parse_knowledge(_file(30, 3), "k.yaml")
    entries = knowledge.entries
    assert isinstance(entries, Entries)
    entries.forget()
    assert knowledge.by_id.title("e7") == "how many zorb7 cars in quilt7"
    assert [knowledge.by_id.title(i) for i in knowledge.by_id] == [e.title for e in entries]
    with pytest.raises(KeyError):
        knowledge.by_id.title("e999")


def test_knowledge_built_in_code_reads_the_same_as_loaded(tmp_path: Path) -> None:
    loaded = parse_knowledge(_file(10, 2), "k.yaml")
    built = Knowledge(
        loaded.path,
        loaded.version,
        loaded.synonyms,
        dict(loaded.sources),
        tuple(loaded.entries),
        loaded.digest,
    )
    assert isinstance(built.entries, Entries)
    assert built == loaded
    assert built.rows == loaded.rows
    assert dict(built.by_id) == dict(loaded.by_id)


def test_a_reload_reports_changes_by_value(tmp_path: Path) -> None:
    path = tmp_path / "k.yaml"
    text = _file(10, 2)
    path.write_text(text, encoding="utf-8")
    service = KnowledgeService.from_path(path)
    path.write_text("# moved down a line\n" + text.replace("About 3 cars", "About 4 cars"))
    result = service.reload()
    assert result.ok and result.changed == ("e3",) and not result.added and not result.removed


def test_entries_built_in_code_without_phrasing_lines_keep_their_own_lines() -> None:
    # An admin tool or a test may build entries without the file's line numbers.
    built = [
        Entry(f"e{i}", ("one phrasing", "another"), "an answer", Status.FACT, "x", ("s",), line=i)
        for i in range(3)
    ]
    entries = Entries.of(built)
    assert [e.line for e in entries] == [0, 1, 2]
    assert [e.question_lines for e in entries] == [(), (), ()]
    assert list(entries) == built
