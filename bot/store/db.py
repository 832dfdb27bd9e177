"""The store: SQLite (WAL) written by one thread, so answering never waits on the disk."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import queue
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from ..authoring.teach import Signal
from .records import Asked, DayCount, Scope, Taught, Usage
from .schema import EVENT_TABLES, migrate

log = logging.getLogger("bot.store")

DEFAULT_RETENTION_DAYS = 180
DEFAULT_MAX_ROWS = 200_000
MAX_TEXT = 500
BATCH_WAIT = 0.05
"""Seconds the writer lets writes gather after the first, so it wakes and commits seldom."""
PRUNE_EVERY = 200
"""Retention and the cap are applied after this many writes (and when the store opens)."""
DAY = 86_400.0
_SQLITE_FULL = 13

Write = Callable[[sqlite3.Connection], object]


@dataclass(frozen=True, slots=True)
class WriterState:
    """How the writer is doing: rows waiting, writes done, writes lost to errors."""

    pending: int
    written: int
    failed: int


def _clip(text: str) -> str:
    text = text.encode("utf-8", "replace").decode("utf-8")
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "\u2026"


def connect(path: Path) -> sqlite3.Connection:
    """Open the database in WAL mode with full durability of every committed transaction."""
    conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


class Store:
    """Record questions, choices, votes and flags per server; read them back per scope.

    Writes go through a queue to one writer thread that commits them in batches: the caller
    (the event loop) never waits on the disk. Reads open their own connection (WAL lets them
    run beside the writer); call them from a worker thread. Every read takes a ``Scope``.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        retention_days: float = DEFAULT_RETENTION_DAYS,
        max_rows: int = DEFAULT_MAX_ROWS,
        keep_user_ids: bool = True,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(path)
        self.retention_days = retention_days
        self.max_rows = max_rows
        self.keep_user_ids = keep_user_ids
        self._clock = clock
        self._queue: queue.Queue[Write | threading.Event | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._written = 0
        self._failed = 0
        self._salt = b""
        self._opened = False
        self._hurry = threading.Event()

    # -- life cycle ------------------------------------------------------------------------

    def open(self) -> Store:
        """Create or migrate the database, apply retention, and start the writer thread."""
        if self._opened:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = connect(self.path)
        try:
            migrate(conn)
            row = conn.execute("SELECT value FROM meta WHERE key = 'voter_salt'").fetchone()
            if row is None:
                conn.execute(
                    "INSERT OR IGNORE INTO meta VALUES ('voter_salt', ?)", (secrets.token_hex(16),)
                )
                row = conn.execute("SELECT value FROM meta WHERE key = 'voter_salt'").fetchone()
            self._salt = bytes.fromhex(row[0])
            self._prune(conn)
        finally:
            conn.close()
        self._opened = True
        self._thread = threading.Thread(target=self._run, name="store-writer", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        """Write everything queued, then stop the writer."""
        if self._thread is None:
            return
        self._queue.put(None)
        self._hurry.set()
        self._thread.join()
        self._thread = None
        self._opened = False

    def __enter__(self) -> Store:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def flush(self, timeout: float | None = 30.0) -> bool:
        """Wait until every write queued so far is committed (or failed); return True if so."""
        if self._thread is None:
            return True
        done = threading.Event()
        self._queue.put(done)
        self._hurry.set()
        return done.wait(timeout)

    @property
    def state(self) -> WriterState:
        """Return the writer's counters."""
        return WriterState(self._queue.qsize(), self._written, self._failed)

    # -- the writer ------------------------------------------------------------------------

    def _run(self) -> None:
        conn = connect(self.path)
        since_prune = 0
        try:
            while True:
                item = self._queue.get()
                if callable(item) and not isinstance(item, threading.Event):
                    self._hurry.wait(BATCH_WAIT)  # let more writes gather (flush cuts it short)
                self._hurry.clear()
                batch: list[Write] = []
                events: list[threading.Event] = []
                stop = False
                while True:
                    if item is None:
                        stop = True
                    elif isinstance(item, threading.Event):
                        events.append(item)
                    else:
                        batch.append(item)
                    try:
                        item = self._queue.get_nowait()
                    except queue.Empty:
                        break
                if batch:
                    self._commit(conn, batch)
                    since_prune += len(batch)
                    if since_prune >= PRUNE_EVERY:
                        since_prune = 0
                        self._guarded(conn, self._prune)
                for event in events:
                    event.set()
                if stop:
                    return
        finally:
            conn.close()

    def _guarded(
        self, conn: sqlite3.Connection, work: Callable[[sqlite3.Connection], None]
    ) -> bool:
        try:
            work(conn)
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                conn.rollback()
            log.warning("The store at %s could not be written: %s", self.path, exc)
            return False
        return True

    def _commit(self, conn: sqlite3.Connection, batch: list[Write]) -> None:
        """Commit a batch in one transaction, or none of it.

        On a full disk (or any other error) the batch is rolled back and counted as lost;
        committed rows are never touched, and the next batch tries again.
        """
        try:
            conn.execute("BEGIN IMMEDIATE")
            for item in batch:
                item(conn)
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                conn.rollback()
            self._failed += len(batch)
            full = getattr(exc, "sqlite_errorcode", None) == _SQLITE_FULL
            log.warning(
                "The store at %s lost %d new record(s)%s: %s",
                self.path,
                len(batch),
                " (the disk is full)" if full else "",
                exc,
            )
            return
        self._written += len(batch)

    def _prune(self, conn: sqlite3.Connection) -> None:
        """Apply retention (events older than ``retention_days``) and the row cap per table."""
        conn.execute("BEGIN IMMEDIATE")
        cutoff = self._clock() - self.retention_days * DAY
        for table in EVENT_TABLES:
            conn.execute(f"DELETE FROM {table} WHERE at < ?", (cutoff,))
            (count,) = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
            if count > self.max_rows:
                conn.execute(
                    f"DELETE FROM {table} WHERE rowid IN "
                    f"(SELECT rowid FROM {table} ORDER BY at LIMIT ?)",
                    (count - self.max_rows,),
                )
        conn.execute("COMMIT")

    def _enqueue(self, write: Write) -> None:
        if self._thread is None:
            raise RuntimeError("the store is not open")
        self._queue.put(write)

    def _user(self, user_id: int | None) -> int | None:
        return user_id if self.keep_user_ids else None

    def voter(self, user_id: int) -> str:
        """Return the key one user's votes are kept under (the id itself is not needed)."""
        return hmac.new(self._salt, str(user_id).encode(), hashlib.sha256).hexdigest()[:32]

    # -- writes (queued; they return at once) ----------------------------------------------

    def record(self, asked: Asked) -> None:
        """Queue one question and what the bot did with it (the row is built by the writer)."""
        self._enqueue(partial(self._insert_asked, asked, self._clock()))

    def _insert_asked(self, asked: Asked, now: float, conn: sqlite3.Connection) -> None:
        row = (
            asked.at if asked.at is not None else now, asked.guild_id, asked.channel_id,
            self._user(asked.user_id), asked.message_id, _clip(asked.question),
            int(asked.answered), asked.kind, asked.entry_id, float(asked.score),
            json.dumps(list(asked.suggestions[:3])), asked.source,
        )  # fmt: skip
        conn.execute(
            "INSERT INTO questions (at, guild_id, channel_id, user_id, message_id, question,"
            " answered, kind, entry_id, score, suggestions, source)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            row,
        )

    def record_choice(
        self, entry_id: str, *, guild_id: int | None, user_id: int | None, message_id: int | None
    ) -> None:
        """Queue a "did you mean" choice: the entry picked on the reply ``message_id``."""
        row = (self._clock(), guild_id, self._user(user_id), message_id, entry_id)
        self._enqueue(
            lambda c: c.execute(
                "INSERT INTO choices (at, guild_id, user_id, message_id, entry_id)"
                " VALUES (?, ?, ?, ?, ?)",
                row,
            )
        )

    def record_vote(
        self, entry_id: str, vote: int, *, guild_id: int | None, user_id: int, message_id: int
    ) -> None:
        """Queue a vote (+1 or -1) on one answer; a user's later vote there replaces the first."""
        row = (
            message_id, self.voter(user_id), self._clock(), guild_id, self._user(user_id),
            entry_id, 1 if vote > 0 else -1,
        )  # fmt: skip
        self._enqueue(
            lambda c: c.execute(
                "INSERT INTO votes (message_id, voter, at, guild_id, user_id, entry_id, vote)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id, voter) DO UPDATE SET"
                " vote = excluded.vote, at = excluded.at",
                row,
            )
        )

    def record_flag(
        self,
        entry_id: str,
        reason: str,
        *,
        guild_id: int | None,
        user_id: int | None,
        message_id: int | None,
    ) -> None:
        """Queue a flag: a reader says the answer on ``message_id`` is wrong, and maybe why."""
        row = (self._clock(), guild_id, self._user(user_id), message_id, entry_id, _clip(reason))
        self._enqueue(
            lambda c: c.execute(
                "INSERT INTO flags (at, guild_id, user_id, message_id, entry_id, reason)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                row,
            )
        )

    def resolve(self, scope: Scope, keys: Iterable[str], how: str) -> None:
        """Queue marking questions (by their cluster keys) as dealt with in ``scope``."""
        rows = [(scope.key, k, self._clock(), how) for k in keys]
        self._enqueue(
            lambda c: c.executemany("INSERT OR REPLACE INTO resolved VALUES (?, ?, ?, ?)", rows)
        )

    def pick(self, scope: Scope, keys: Iterable[str], entry_id: str, user_id: int | None) -> None:
        """Queue an admin's pick of the entry that questions (by cluster keys) belong to."""
        rows = [(scope.key, k, self._clock(), entry_id, user_id) for k in keys]
        self._enqueue(
            lambda c: c.executemany("INSERT OR REPLACE INTO picks VALUES (?, ?, ?, ?, ?)", rows)
        )

    def audit(self, taught: Taught) -> None:
        """Queue one line of the audit trail (kept whatever the retention)."""
        row = (
            taught.at, taught.user_id, taught.guild_id, taught.action, taught.entry_id,
            taught.phrasing, taught.detail,
        )  # fmt: skip
        self._enqueue(
            lambda c: c.execute(
                "INSERT INTO audit (at, user_id, guild_id, action, entry_id, phrasing, detail)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                row,
            )
        )

    # -- reads (blocking: call from a worker thread) ---------------------------------------

    @contextlib.contextmanager
    def _reader(self) -> Iterator[sqlite3.Connection]:
        uri = self.path.resolve().as_uri() + "?mode=ro"  # quotes '?', '#' and '%' in the path
        conn = sqlite3.connect(uri, uri=True, timeout=30)
        try:
            yield conn
        finally:
            conn.close()

    def signals(self, scope: Scope) -> list[Signal]:
        """Return the questions to learn from in ``scope``: declined, voted down or flagged."""
        where, args = scope.where("q.guild_id")
        out: list[Signal] = []
        with self._reader() as conn:
            chosen: dict[int, list[str]] = {}
            for message_id, entry_id in conn.execute(
                "SELECT message_id, entry_id FROM choices WHERE message_id IS NOT NULL ORDER BY at"
            ):
                chosen.setdefault(message_id, []).append(entry_id)
            rows = conn.execute(
                "SELECT q.question, q.guild_id, q.message_id, q.suggestions, q.entry_id,"
                " CASE WHEN q.answered = 0 THEN 'declined'"
                "  WHEN EXISTS (SELECT 1 FROM flags f WHERE f.message_id = q.message_id)"
                "   THEN 'flagged'"
                "  ELSE 'voted down' END"
                f" FROM questions q WHERE ({where}) AND q.kind IN ('answer', 'decline') AND ("
                " q.answered = 0"
                " OR EXISTS (SELECT 1 FROM flags f WHERE f.message_id = q.message_id)"
                " OR (SELECT SUM(v.vote) FROM votes v WHERE v.message_id = q.message_id) < 0)"
                " ORDER BY q.at",
                args,
            ).fetchall()
            for question, guild_id, message_id, suggestions, entry_id, why in rows:
                out.append(
                    Signal(
                        question=question,
                        guild_id=guild_id,
                        why=why,
                        suggestions=tuple(json.loads(suggestions)),
                        chosen=tuple(chosen.get(message_id, ())) if message_id else (),
                        wrong=entry_id if why != "declined" else None,
                    )
                )
        return out

    def resolved(self, scope: Scope) -> set[str]:
        """Return the cluster keys dealt with in ``scope`` (by its admins, or globally)."""
        with self._reader() as conn:
            rows = conn.execute(
                "SELECT key FROM resolved WHERE scope IN ('*', ?)", (scope.key,)
            ).fetchall()
        return {k for (k,) in rows}

    def picks(self, scope: Scope) -> dict[str, str]:
        """Return the entries admins picked for cluster keys that ``scope`` may see."""
        with self._reader() as conn:
            if scope.everything:
                rows = conn.execute("SELECT key, entry_id FROM picks ORDER BY at").fetchall()
            else:
                rows = conn.execute(
                    "SELECT key, entry_id FROM picks WHERE scope IN ('*', ?) ORDER BY at",
                    (scope.key,),
                ).fetchall()
        return dict(rows)

    def usage(self, scope: Scope, *, days: int = 14, top: int = 5) -> Usage:
        """Return the figures of ``scope`` for the last ``days`` days."""
        where, args = scope.where()
        since = self._clock() - days * DAY
        with self._reader() as conn:
            per_day = conn.execute(
                "SELECT date(at, 'unixepoch') AS d, SUM(answered), SUM(1 - answered)"
                f" FROM questions WHERE ({where}) AND at >= ? AND kind != 'smalltalk'"
                " GROUP BY d ORDER BY d",
                (*args, since),
            ).fetchall()
            entries = conn.execute(
                f"SELECT entry_id, COUNT(*) AS n FROM questions WHERE ({where}) AND at >= ?"
                " AND answered = 1 AND entry_id IS NOT NULL GROUP BY entry_id"
                " ORDER BY n DESC, entry_id LIMIT ?",
                (*args, since, top),
            ).fetchall()
            misses = conn.execute(
                f"SELECT question, COUNT(*) AS n FROM questions WHERE ({where}) AND at >= ?"
                " AND answered = 0 AND kind = 'decline' GROUP BY lower(question)"
                " ORDER BY n DESC, MAX(at) DESC LIMIT ?",
                (*args, since, top),
            ).fetchall()
            votes = conn.execute(
                "SELECT entry_id, SUM(vote > 0), SUM(vote < 0) FROM votes"
                f" WHERE ({where}) GROUP BY entry_id ORDER BY entry_id",
                args,
            ).fetchall()
            (flags,) = conn.execute(f"SELECT COUNT(*) FROM flags WHERE ({where})", args).fetchone()
        return Usage(
            days=tuple(DayCount(d, int(a), int(n)) for d, a, n in per_day),
            top_entries=tuple((e, int(n)) for e, n in entries),
            top_misses=tuple((q, int(n)) for q, n in misses),
            votes=tuple((e, int(u), int(d)) for e, u, d in votes),
            flags=int(flags),
        )

    def votes_of(self, message_id: int) -> tuple[int, int]:
        """Return the thumbs up and down on one answer."""
        with self._reader() as conn:
            up, down = conn.execute(
                "SELECT COALESCE(SUM(vote > 0), 0), COALESCE(SUM(vote < 0), 0) FROM votes"
                " WHERE message_id = ?",
                (message_id,),
            ).fetchone()
        return int(up), int(down)

    def trail(self, limit: int = 50) -> list[Taught]:
        """Return the newest lines of the audit trail, newest first."""
        with self._reader() as conn:
            rows = conn.execute(
                "SELECT at, user_id, guild_id, action, entry_id, phrasing, detail FROM audit"
                " ORDER BY id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [Taught(*row) for row in rows]

    def rows(self, table: str, scope: Scope) -> Iterator[dict[str, Any]]:
        """Yield every row of an event table (or the audit) in ``scope``, oldest first."""
        if table not in (*EVENT_TABLES, "audit"):
            raise ValueError(f"no such table: {table}")
        where, args = scope.where()
        with self._reader() as conn:
            cursor = conn.execute(f"SELECT * FROM {table} WHERE ({where}) ORDER BY at", args)
            names = [d[0] for d in cursor.description]
            for row in cursor:
                yield dict(zip(names, row, strict=True))

    def count(self, table: str) -> int:
        """Return how many rows a table holds."""
        if table not in (*EVENT_TABLES, "audit"):
            raise ValueError(f"no such table: {table}")
        with self._reader() as conn:
            (n,) = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
        return int(n)

    def meta(self, key: str) -> str | None:
        """Return one value of the store's own notes."""
        with self._reader() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        """Queue one value of the store's own notes."""
        self._enqueue(
            lambda c: c.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
        )
