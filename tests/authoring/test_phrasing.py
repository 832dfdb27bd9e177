"""Teaching a phrasing: one line added in place, checked first, written atomically, reloaded."""

from __future__ import annotations

import io
import shutil
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.authoring.phrasing import FileChangedError, propose, teach, write
from bot.cli import check
from bot.core.knowledge.errors import KnowledgeError
from bot.core.knowledge.loader import parse_knowledge
from bot.core.service import KnowledgeService

SHIPPED = Path(__file__).resolve().parents[2] / "knowledge" / "onem.yaml"
NEW_Q = "how many 1M cars did bmw sell in japan"


@pytest.fixture
def mini(tmp_path: Path, mini_path: Path) -> Path:
    target = tmp_path / "mini.yaml"
    shutil.copy(mini_path, target)
    return target


def _only_added(before: str, after: str) -> list[str]:
    old, new = before.splitlines(), after.splitlines()
    assert len(new) == len(old) + 1
    return [line for line in new if line not in old]


def test_a_taught_phrasing_is_answered_and_the_file_keeps_its_comments(tmp_path: Path) -> None:
    path = tmp_path / "onem.yaml"
    shutil.copy(SHIPPED, path)
    before = path.read_text("utf-8")
    service = KnowledgeService.from_path(path)
    assert not service.ask(NEW_Q).answered
    lesson = teach(service, "aus-received-125", NEW_Q)
    assert lesson.written, lesson.problems
    after = path.read_text("utf-8")
    assert _only_added(before, after) == [f"      - {NEW_Q}"]  # comments, order, style kept
    assert f"+      - {NEW_Q}" in lesson.diff
    assert lesson.reload is not None and lesson.reload.ok
    assert lesson.reload.changed == ("aus-received-125",)
    reply = service.ask(NEW_Q)
    assert reply.answered and reply.entry_id == "aus-received-125"
    out = io.StringIO()
    assert check(path, out) == 0, out.getvalue()


def test_a_colliding_phrasing_is_refused_and_nothing_is_written(mini: Path) -> None:
    before = mini.read_bytes()
    service = KnowledgeService.from_path(mini)
    lesson = teach(service, "molds", "How many 1Ms is the US getting?")
    assert not lesson.written
    assert any("us-allocation" in p for p in lesson.problems)
    assert mini.read_bytes() == before
    assert service.ask("How many 1Ms is the US getting?").entry_id == "us-allocation"
    assert "Nothing was written" in lesson.summary()


@pytest.mark.parametrize(
    ("entry_id", "phrasing", "why"),
    [
        ("no-such-entry", "anything at all", "no entry"),
        ("molds", "how long do the MOLDS last?", "already has"),
        ("molds", "   ", "empty"),
        ("molds", "x" * 300, "over"),
        ("molds", "how long do the \u202emolds last", "invisible"),
        ("molds", "how long do the mo\u200blds last", "invisible"),
    ],
)
def test_impossible_lessons_are_refused_with_a_reason(
    mini: Path, entry_id: str, phrasing: str, why: str
) -> None:
    edit = propose(mini, entry_id, phrasing)
    assert not edit.ok and why in " ".join(edit.problems)


def test_awkward_text_is_quoted_and_reads_back_the_same(mini: Path) -> None:
    phrasing = 'mold life: "how many" cars #really?'
    edit = propose(mini, "molds", phrasing)
    assert edit.ok, edit.problems
    write(mini, edit)
    service = KnowledgeService.from_path(mini)
    assert phrasing in service.knowledge.by_id["molds"].questions


def test_a_flow_list_gets_one_more_item(mini: Path) -> None:
    block = (
        "    questions:\n      - How long do the molds last?\n"
        "      - what limits production of the 1m\n"
    )
    flow = '    questions: ["How long do the molds last?", what limits production of the 1m]\n'
    mini.write_text(mini.read_text("utf-8").replace(block, flow), "utf-8")
    edit = propose(mini, "molds", "when are the moulds worn out")
    assert edit.ok, edit.problems
    added = flow.replace("1m]", "1m, when are the moulds worn out]")
    assert edit.new_text == edit.old_text.replace(flow, added)


def test_a_file_changed_after_the_check_is_not_overwritten(mini: Path) -> None:
    edit = propose(mini, "molds", "when are the moulds worn out")
    mini.write_text(mini.read_text("utf-8") + "\n# an admin's edit\n", "utf-8")
    with pytest.raises(FileChangedError):
        write(mini, edit)
    assert mini.read_text("utf-8").endswith("# an admin's edit\n")


def test_teaching_during_reloads_loses_nothing(mini: Path) -> None:
    service = KnowledgeService.from_path(mini)
    stop = threading.Event()

    def reload_all_the_time() -> None:
        while not stop.is_set():
            assert service.reload().ok

    worker = threading.Thread(target=reload_all_the_time)
    worker.start()
    try:
        lessons = [
            teach(service, "molds", "when are the moulds worn out"),
            teach(service, "no-more-cars", "is bmwna done shipping cars stateside"),
        ]
    finally:
        stop.set()
        worker.join()
    assert all(lesson.written for lesson in lessons), [lesson.problems for lesson in lessons]
    service.reload()
    assert service.ask("when are the moulds worn out").entry_id == "molds"
    assert service.ask("is bmwna done shipping cars stateside").entry_id == "no-more-cars"


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(
        alphabet=st.sampled_from(
            [*"abc xyz1M?!:#-'\"[]{},&*|>%@`\\/.", "é", "ß", "\u200b", "\u202e", "🚗", "\t"]
        ),
        min_size=1,
        max_size=40,
    )
)
def test_any_text_is_written_so_that_it_reads_back_or_not_at_all(mini: Path, text: str) -> None:
    edit = propose(mini, "molds", text)
    assert edit.ok or edit.problems
    if edit.new_text == edit.old_text:
        assert not edit.ok  # refused before any edit (empty, a duplicate)
        return
    added = [line for line in edit.diff.splitlines() if line.startswith("+") and line[1:2] != "+"]
    assert len(added) == 1  # one line, nothing else touched
    try:
        knowledge = parse_knowledge(edit.new_text, "new")
    except KnowledgeError:
        assert not edit.ok and "would not load" in edit.problems[0]
        return
    assert " ".join(text.split()) in knowledge.by_id["molds"].questions  # read back exactly
