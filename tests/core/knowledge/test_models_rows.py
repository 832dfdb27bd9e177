"""A loaded knowledge file is rows of plain values: nothing per entry for the collector to scan.

While a reload builds the next snapshot in a worker thread, every full collection the build
triggers walks every object the collector tracks, holding the GIL: the event loop stalls that
long. An ``Entry`` (and a ``Status`` member, a ``Source``) is tracked; a tuple of strings, numbers
and such tuples is not, once the collector has looked at it. So a snapshot keeps its entries and
sources as rows and builds an ``Entry`` only when one is asked for; these tests fail if anything
per entry, source or phrasing stays tracked in a snapshot again, and check the views read as the
tuple and mappings they stand for.
"""

from __future__ import annotations

import gc
from pathlib import Path

from bot.core.knowledge.loader import load_knowledge, parse_knowledge
from bot.core.knowledge.models import Entries, Entry, Knowledge, Source, SourceKind, Status
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


def test_the_rows_hold_only_untracked_values(tmp_path: Path) -> None:
    path = tmp_path / "k.yaml"
    path.write_text(_file(50, 5), encoding="utf-8")
    knowledge = load_knowledge(path)
    for _ in range(3):  # a tuple seen before its items is untracked on a later pass
        gc.collect()
    assert not any(gc.is_tracked(row) for row in knowledge.rows)
    assert all(type(row[3]) is str for row in knowledge.rows)  # "fact", not Status.FACT
    assert not gc.is_tracked(knowledge.rows)


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
    # A fresh Entry on every access, equal by value.
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
