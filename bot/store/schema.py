"""The store's tables, as migrations numbered in order; ``PRAGMA user_version`` holds the last."""

from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[str, ...] = (
    # 1: questions, "did you mean" choices, votes, flags, dismissals, picks, the audit trail
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE questions (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        guild_id INTEGER,
        channel_id INTEGER,
        user_id INTEGER,
        message_id INTEGER,
        question TEXT NOT NULL,
        answered INTEGER NOT NULL,
        kind TEXT NOT NULL,
        entry_id TEXT,
        score REAL NOT NULL,
        suggestions TEXT NOT NULL DEFAULT '[]',
        source TEXT NOT NULL DEFAULT 'discord'
    );
    CREATE INDEX questions_guild_at ON questions (guild_id, at);
    CREATE INDEX questions_message ON questions (message_id);
    CREATE TABLE choices (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        guild_id INTEGER,
        user_id INTEGER,
        message_id INTEGER,
        entry_id TEXT NOT NULL
    );
    CREATE INDEX choices_message ON choices (message_id);
    CREATE TABLE votes (
        message_id INTEGER NOT NULL,
        voter TEXT NOT NULL,
        at REAL NOT NULL,
        guild_id INTEGER,
        user_id INTEGER,
        entry_id TEXT NOT NULL,
        vote INTEGER NOT NULL,
        PRIMARY KEY (message_id, voter)
    );
    CREATE TABLE flags (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        guild_id INTEGER,
        user_id INTEGER,
        message_id INTEGER,
        entry_id TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE resolved (
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        at REAL NOT NULL,
        how TEXT NOT NULL,
        PRIMARY KEY (scope, key)
    );
    CREATE TABLE picks (
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        at REAL NOT NULL,
        entry_id TEXT NOT NULL,
        user_id INTEGER,
        PRIMARY KEY (scope, key)
    );
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        user_id INTEGER,
        guild_id INTEGER,
        action TEXT NOT NULL,
        entry_id TEXT,
        phrasing TEXT,
        detail TEXT NOT NULL DEFAULT ''
    );
    """,
)

EVENT_TABLES = ("questions", "choices", "votes", "flags")
"""Tables that grow with use: retention and the row cap apply to them (never to the audit)."""


def version(conn: sqlite3.Connection) -> int:
    """Return the schema version the database is at."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every migration the database lacks, each in its own transaction; return the version.

    A database from a newer version of the bot is refused rather than written to.
    """
    current = version(conn)
    if current > len(MIGRATIONS):
        raise RuntimeError(
            f"the store is at schema version {current}, newer than this bot knows "
            f"({len(MIGRATIONS)}); upgrade the bot"
        )
    for number, script in enumerate(MIGRATIONS[current:], current + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in script.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            conn.rollback()
            raise
        conn.commit()
    return version(conn)
