"""The learning loop from a shell: import-log, review, stats and export."""

from __future__ import annotations

import io
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.cli import build_parser, check, main
from bot.core.service import KnowledgeService
from bot.learn_cli import run
from bot.store.db import Store
from bot.store.records import Asked, Scope
from bot.store.unanswered import UnansweredLog

SHIPPED = Path(__file__).resolve().parents[1] / "knowledge" / "onem.yaml"
MISSED = "how many 1M cars did bmw sell in japan"


def _run(argv: list[str], stdin: str = "") -> tuple[int, str]:
    out = io.StringIO()
    code = run(build_parser().parse_args(argv), io.StringIO(stdin), out)
    return code, out.getvalue()


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    path = tmp_path / "onem.yaml"
    shutil.copy(SHIPPED, path)
    return path


def _ask_and_record(store_path: Path, knowledge: Path, question: str, guild_id: int | None) -> None:
    reply = KnowledgeService.from_path(knowledge).ask(question)
    with Store(store_path) as store:
        store.record(
            Asked(
                question, reply.answered, reply.score, reply.kind, reply.entry_id,
                tuple(s.entry_id for s in reply.suggestions), guild_id=guild_id,
            )
        )  # fmt: skip


def test_review_in_the_terminal_teaches_a_phrasing(tmp_path: Path, knowledge: Path) -> None:
    db = tmp_path / "onem.db"
    for guild in (1, 1, 2):
        _ask_and_record(db, knowledge, MISSED, guild)
    before = knowledge.read_text("utf-8")
    # server 2's admin sees one question; pick an entry by id, then add it
    code, out = _run(
        ["review", "-s", str(db), "-k", str(knowledge), "--guild", "2"],
        "p\naus-received-125\na\n",
    )
    assert code == 0
    assert "1 question(s) (1 declined)" in out
    assert f"Added '{MISSED}' to 'aus-received-125'" in out
    assert f"+      - {MISSED}" in out
    assert knowledge.read_text("utf-8").count("\n") == before.count("\n") + 1
    assert "# Synonyms. The first term" in knowledge.read_text("utf-8")  # comments kept
    assert check(knowledge, io.StringIO()) == 0
    assert KnowledgeService.from_path(knowledge).ask(MISSED).entry_id == "aus-received-125"
    # taught for everyone: nothing left to review, anywhere
    assert "Nothing to review" in _run(["review", "-s", str(db), "-k", str(knowledge)], "")[1]
    with Store(db) as store:
        taught, picked = store.trail()  # newest first
    assert (taught.action, taught.entry_id, taught.phrasing) == (
        "taught",
        "aus-received-125",
        MISSED,
    )
    assert taught.detail.startswith("cli:") and f"+      - {MISSED}" in taught.detail
    assert (picked.action, picked.entry_id) == ("picked", "aus-received-125")


def test_review_dismisses_and_quits(tmp_path: Path, knowledge: Path) -> None:
    db = tmp_path / "onem.db"
    _ask_and_record(db, knowledge, MISSED, 1)
    _ask_and_record(db, knowledge, "what colour is the sky", 1)
    before = knowledge.read_bytes()
    code, out = _run(["review", "-s", str(db), "-k", str(knowledge)], "d\nq\n")
    assert code == 0 and "dismissed" in out
    assert knowledge.read_bytes() == before
    _, again = _run(["review", "-s", str(db), "-k", str(knowledge)], "q\n")
    assert "[1/1]" in again  # the dismissed cluster is gone, the other one is left


def test_review_stops_cleanly_when_the_input_ends(tmp_path: Path, knowledge: Path) -> None:
    db = tmp_path / "onem.db"
    _ask_and_record(db, knowledge, MISSED, 1)
    code, out = _run(["review", "-s", str(db), "-k", str(knowledge)], "")
    assert code == 0
    # the prompt's line is ended, and the terminal is told the cluster is still open
    assert out.endswith("\n") and not out.endswith("> \n")
    assert "stay open" in out
    assert "[1/1]" in _run(["review", "-s", str(db), "-k", str(knowledge)], "q\n")[1]


def test_stats_prints_a_table_per_server(tmp_path: Path, knowledge: Path) -> None:
    db = tmp_path / "onem.db"
    _ask_and_record(db, knowledge, "How many 1Ms is the US getting?", 1)
    _ask_and_record(db, knowledge, MISSED, 2)
    code, out = _run(["stats", "-s", str(db), "--guild", "1"])
    assert code == 0
    assert "1 answered, 0 declined" in out and MISSED not in out
    code, out = _run(["stats", "-s", str(db)])
    assert "1 answered, 1 declined" in out and MISSED in out


def test_stats_chart_needs_matplotlib_or_says_so(tmp_path: Path, knowledge: Path) -> None:
    db = tmp_path / "onem.db"
    _ask_and_record(db, knowledge, MISSED, 1)
    png = tmp_path / "chart.png"
    code, out = _run(["stats", "-s", str(db), "--chart", str(png)])
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        assert code == 1 and not png.exists()
    else:
        assert code == 0 and png.read_bytes().startswith(b"\x89PNG")
    assert "0 answered, 1 declined" in out  # the table works either way


def test_export_writes_csv_and_json_lines(tmp_path: Path, knowledge: Path) -> None:
    db = tmp_path / "onem.db"
    _ask_and_record(db, knowledge, MISSED, 1)
    _ask_and_record(db, knowledge, "How many 1Ms is the US getting?", 2)
    code, out = _run(["export", "questions", "-s", str(db), "--format", "jsonl", "--guild", "1"])
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["question"] for r in rows] == [MISSED]
    code, out = _run(["export", "questions", "-s", str(db)])
    assert out.splitlines()[0].startswith("id,at,guild_id")
    assert len(out.splitlines()) == 3


def test_the_unanswered_log_is_imported_once(tmp_path: Path) -> None:
    log = UnansweredLog(tmp_path / "unanswered.jsonl")
    log.append("first miss", score=0.2, guild_id=1)
    log.append("second miss", score=0.3, guild_id=2)
    db = tmp_path / "onem.db"
    assert _run(["import-log", str(log.path), "-s", str(db)])[1].startswith("Imported 2")
    assert "imported before" in _run(["import-log", str(log.path), "-s", str(db)])[1]
    with Store(db) as store:
        assert [r["question"] for r in store.rows("questions", Scope.server(2))] == ["second miss"]
        assert store.count("questions") == 2


def test_the_readmes_example_log_gives_the_store_commands_something_to_read(
    tmp_path: Path,
) -> None:
    example = Path(__file__).resolve().parents[1] / "docs" / "examples" / "unanswered.jsonl"
    db = tmp_path / "onem.db"
    code, said = _run(["import-log", str(example), "-s", str(db)])
    assert code == 0 and said.startswith("Imported 8")
    oldest = min(datetime.fromisoformat(json.loads(line)["at"]) for line in example.open())
    days = (datetime.now(UTC) - oldest).days + 1
    code, table = _run(["stats", "--days", str(days), "-s", str(db)])
    assert code == 0 and "8 declined" in table
    code, rows = _run(["export", "questions", "--format", "jsonl", "-s", str(db)])
    assert code == 0 and len(rows.splitlines()) == 8


def test_importing_a_missing_log_is_refused_and_creates_no_store(tmp_path: Path) -> None:
    db = tmp_path / "onem.db"
    assert _run(["import-log", str(tmp_path / "nope.jsonl"), "-s", str(db)])[0] == 2
    assert not db.exists()


def test_commands_are_wired_into_the_main_command_line(tmp_path: Path) -> None:
    assert main(["stats", "-s", str(tmp_path / "missing.db")]) == 2
