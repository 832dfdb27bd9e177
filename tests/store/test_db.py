"""The store: per-server reads, migrations, retention, votes, user ids, a kill, a full disk."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bot.store import db as store_db
from bot.store.db import DAY, Store
from bot.store.records import Asked, Scope
from bot.store.schema import MIGRATIONS

GUILD_A, GUILD_B = 111, 222


def _asked(question: str, guild_id: int | None, *, answered: bool = False, **more: object) -> Asked:
    fields: dict[str, object] = {
        "kind": "answer" if answered else "decline",
        "entry_id": "us-allocation" if answered else None,
    }
    fields.update(more)
    return Asked(question, answered, 0.9 if answered else 0.3, guild_id=guild_id, **fields)  # type: ignore[arg-type]


def _questions(store: Store, scope: Scope) -> list[str]:
    return [row["question"] for row in store.rows("questions", scope)]


def test_each_server_sees_only_its_own_questions(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.record(_asked("asked in A", GUILD_A))
        store.record(_asked("asked in B", GUILD_B, answered=True))
        store.record(_asked("asked in a DM", None))
        store.flush()
        assert _questions(store, Scope.server(GUILD_A)) == ["asked in A"]
        assert _questions(store, Scope.server(GUILD_B)) == ["asked in B"]
        assert _questions(store, Scope.server(None)) == ["asked in a DM"]
        assert sorted(_questions(store, Scope.all())) == [
            "asked in A",
            "asked in B",
            "asked in a DM",
        ]
        assert [s.question for s in store.signals(Scope.server(GUILD_A))] == ["asked in A"]
        assert store.signals(Scope.server(GUILD_B)) == []  # answered, and nobody objected
        usage = store.usage(Scope.server(GUILD_B))
        assert (usage.answered, usage.declined) == (1, 0)
        assert usage.top_entries == (("us-allocation", 1),)


def test_the_schema_is_migrated_once_and_a_newer_one_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.record(_asked("kept", GUILD_A))
    with Store(path) as store:  # opening again migrates nothing and keeps the rows
        assert _questions(store, Scope.all()) == ["kept"]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(RuntimeError, match="newer"):
        Store(path).open()


def test_retention_drops_old_events_and_the_cap_holds(tmp_path: Path) -> None:
    now = [1_000_000_000.0]
    path = tmp_path / "s.db"
    with Store(path, retention_days=30, max_rows=50, clock=lambda: now[0]) as store:
        store.record(_asked("old one", GUILD_A, at=now[0] - 40 * DAY))
        for i in range(120):
            store.record(_asked(f"question {i}", GUILD_A))
    now[0] += 1
    with Store(path, retention_days=30, max_rows=50, clock=lambda: now[0]) as store:
        kept = _questions(store, Scope.all())
        assert len(kept) == 50
        assert kept[-1] == "question 119" and "old one" not in kept


def test_one_vote_per_user_per_answer_counted_per_entry(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        for _ in range(3):  # pressing again never counts twice
            store.record_vote("us-allocation", 1, guild_id=GUILD_A, user_id=7, message_id=900)
        store.record_vote("us-allocation", -1, guild_id=GUILD_A, user_id=8, message_id=900)
        store.record_vote("us-allocation", 1, guild_id=GUILD_A, user_id=7, message_id=901)
        store.flush()
        assert store.votes_of(900) == (1, 1)
        store.record_vote("us-allocation", -1, guild_id=GUILD_A, user_id=7, message_id=900)
        store.flush()
        assert store.votes_of(900) == (0, 2)  # changing one's mind moves the vote
        assert store.usage(Scope.server(GUILD_A)).votes == (("us-allocation", 1, 2),)
        assert store.usage(Scope.server(GUILD_B)).votes == ()


USER = 381_870_553_235_193_857


def test_user_ids_can_be_left_out(tmp_path: Path) -> None:
    # A snowflake-sized id: a short one could turn up in the hex hash by chance.
    with Store(tmp_path / "s.db", keep_user_ids=False) as store:
        store.record(_asked("who asked?", GUILD_A, user_id=USER))
        store.record_vote("molds", 1, guild_id=GUILD_A, user_id=USER, message_id=5)
        store.record_vote("molds", 1, guild_id=GUILD_A, user_id=USER, message_id=5)
        store.record_flag("molds", "wrong number", guild_id=GUILD_A, user_id=USER, message_id=5)
        store.flush()
        for table in ("questions", "votes", "flags"):
            assert all(row["user_id"] is None for row in store.rows(table, Scope.all()))
        assert store.votes_of(5) == (1, 0)  # still one vote per user
        voters = [row["voter"] for row in store.rows("votes", Scope.all())]
        assert len(voters) == 1 and str(USER) not in voters[0]  # a salted hash, not the id


def test_a_full_disk_loses_only_the_new_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.db"
    with Store(path) as store:
        for i in range(20):
            store.record(_asked(f"committed {i}", GUILD_A))
    pages = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0]
    real_connect = store_db.connect

    def tiny_disk(target: Path) -> sqlite3.Connection:
        conn = real_connect(target)
        conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        return conn

    monkeypatch.setattr(store_db, "connect", tiny_disk)
    with Store(path) as store:
        for i in range(400):
            store.record(_asked(f"new {i} " + "x" * 400, GUILD_A))
            if i % 20 == 0:
                store.flush()
        store.flush()
        assert store.state.failed > 0  # the disk filled up
        kept = _questions(store, Scope.all())
    assert kept[:20] == [f"committed {i}" for i in range(20)]
    monkeypatch.setattr(store_db, "connect", real_connect)
    with Store(path) as store:  # room again: writing goes on
        store.record(_asked("after the disk was freed", GUILD_A))
        store.flush()
        assert _questions(store, Scope.all())[-1] == "after the disk was freed"
    check = sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0]
    assert check == "ok"


WRITER = textwrap.dedent(
    """
    import sys
    from bot.store.db import Store
    from bot.store.records import Asked
    store = Store(sys.argv[1]).open()
    i = 0
    while True:
        for _ in range(25):
            store.record(Asked(f"q{i}", False, 0.1, kind="decline", guild_id=1))
            i += 1
        store.flush()
        print(i, flush=True)
    """
)


def test_a_kill_mid_write_keeps_every_committed_row(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert child.stdout is not None
    committed = 0
    while committed < 500:
        line = child.stdout.readline()
        assert line, "the writer died by itself"
        committed = int(line)
    child.send_signal(signal.SIGKILL)  # mid-write: it writes all the time
    child.wait()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    (count,) = conn.execute("SELECT COUNT(*) FROM questions").fetchone()
    conn.close()
    assert count >= committed
    with Store(path) as store:  # and the bot opens it again and goes on
        store.record(_asked("after the crash", GUILD_A))
        store.flush()
        assert store.count("questions") == count + 1


def test_a_new_migration_is_applied_to_an_old_store_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.record(_asked("from the old version", GUILD_A))
    from bot.store import schema

    later = (*schema.MIGRATIONS, "ALTER TABLE questions ADD COLUMN language TEXT")
    monkeypatch.setattr(schema, "MIGRATIONS", later)
    for _ in range(2):  # the second open finds nothing to do
        with Store(path) as store:
            (row,) = store.rows("questions", Scope.all())
    assert row["question"] == "from the old version" and row["language"] is None
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(later)
    conn.close()


def test_hostile_text_is_stored_cut_and_never_fails(tmp_path: Path) -> None:
    nasty = ["nul\x00byte", "lone \ud800 surrogate", "x" * 200_000, "'; DROP TABLE questions; --"]
    with Store(tmp_path / "s.db") as store:
        for text in nasty:
            store.record(_asked(text, GUILD_A))
            store.record_flag("molds", text, guild_id=GUILD_A, user_id=1, message_id=2)
        store.flush()
        assert store.state.failed == 0
        kept = _questions(store, Scope.all())
    assert kept[0] == "nul\x00byte"
    assert kept[1].startswith("lone ") and "\ud800" not in kept[1]  # replaced, not refused
    assert len(kept[2]) <= 500 and kept[3] == "'; DROP TABLE questions; --"


def test_a_path_with_uri_characters_works(tmp_path: Path) -> None:
    odd = tmp_path / "a dir?with#odd%chars"
    with Store(odd / "s.db") as store:
        store.record(_asked("still found", None))
        store.flush()
        assert _questions(store, Scope.server(None)) == ["still found"]
