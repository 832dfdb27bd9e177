"""Move data in and out of the store: a one-time import of the JSON Lines log, CSV/JSON export."""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from .db import Store
from .records import FORMATS, Asked, Scope
from .unanswered import UnansweredLog


def import_log(
    store: Store, path: str | Path, titles: Mapping[str, str] | None = None
) -> int | None:
    """Import the declined questions of an unanswered log once; return how many (None: done before).

    The log is left as it is. Importing the same file again does nothing, so the import can
    run on every start. ``titles`` maps entry titles (the log's suggestions) to entry ids, so
    the near misses the log kept become hints for the review.
    """
    titles = titles or {}
    log_path = Path(path)
    if not log_path.exists():
        return 0
    marker = "imported:" + hashlib.sha256(str(log_path.resolve()).encode()).hexdigest()[:16]
    if store.meta(marker) is not None:
        return None
    records = UnansweredLog(log_path).recent(10**9)
    for record in reversed(records):  # oldest first
        store.record(
            Asked(
                question=record.question,
                answered=False,
                score=record.score,
                kind="decline",
                suggestions=tuple(titles[t] for t in record.suggestions if t in titles),
                guild_id=record.guild_id,
                channel_id=record.channel_id,
                user_id=record.user_id,
                source="import",
                at=record.at.timestamp(),
            )
        )
    store.set_meta(marker, str(len(records)))
    store.flush()
    return len(records)


def export(store: Store, table: str, fmt: str, out: TextIO, scope: Scope | None = None) -> int:
    """Write one table (in ``scope``, default everything) as CSV or JSON lines; return the rows."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    rows = store.rows(table, scope or Scope.all())
    count = 0
    writer: csv.DictWriter[str] | None = None
    for row in rows:
        if fmt == "jsonl":
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
        count += 1
    return count
