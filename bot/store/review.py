"""The review loop shared by the terminal and Discord: clusters, then add, pick or dismiss."""

from __future__ import annotations

import time
from dataclasses import dataclass

from ..authoring.phrasing import Lesson, teach
from ..authoring.teach import Cluster, cluster
from ..core.service import KnowledgeService
from .db import Store
from .records import Scope, Taught

MAX_CANDIDATES = 25


@dataclass(frozen=True, slots=True)
class Admin:
    """Who acts in a review, and where (for the audit trail)."""

    user_id: int | None
    guild_id: int | None = None
    name: str = ""


def clusters(store: Store, service: KnowledgeService, scope: Scope) -> list[Cluster]:
    """Return the open clusters ``scope`` may see, biggest first (blocking: use a thread)."""
    store.flush()
    snapshot = service.snapshot
    return cluster(
        store.signals(scope),
        synonyms=snapshot.matcher.synonyms,
        resolved=store.resolved(scope),
        picks=store.picks(scope),
        known=set(snapshot.knowledge.by_id),
    )


def candidates(service: KnowledgeService, found: Cluster, limit: int = MAX_CANDIDATES) -> list[str]:
    """Return entry ids to offer for a cluster: its hints first, then the matcher's ranking."""
    snapshot = service.snapshot
    ranked = [m.entry.id for m in snapshot.matcher.read(found.phrasing, limit=limit).matches]
    rest = [row[0] for row in snapshot.knowledge.rows]  # every entry id, in file order
    known = snapshot.knowledge.by_id
    return [e for e in dict.fromkeys([*found.candidates, *ranked, *rest]) if e in known][:limit]


def accept(
    store: Store, service: KnowledgeService, found: Cluster, entry_id: str, admin: Admin
) -> Lesson:
    """Teach the cluster's phrasing to ``entry_id``; on success resolve it for every server."""
    lesson = teach(service, entry_id, found.phrasing)
    detail = lesson.diff if lesson.written else "; ".join(lesson.problems)
    store.audit(
        Taught(
            time.time(),
            admin.user_id,
            admin.guild_id,
            "taught" if lesson.written else "refused",
            entry_id,
            lesson.phrasing,
            (f"{admin.name}: " if admin.name else "") + detail,
        )
    )
    if lesson.written:
        store.resolve(Scope.all(), found.keys, "taught")
    store.flush()
    return lesson


def dismiss(store: Store, scope: Scope, found: Cluster, admin: Admin) -> None:
    """Dismiss a cluster in ``scope`` (a global admin's scope dismisses it everywhere)."""
    store.resolve(scope, found.keys, "dismissed")
    store.audit(
        Taught(time.time(), admin.user_id, admin.guild_id, "dismissed", None, found.phrasing)
    )
    store.flush()


def pick(store: Store, scope: Scope, found: Cluster, entry_id: str, admin: Admin) -> None:
    """Record an admin's pick of the entry a cluster belongs to."""
    store.pick(scope, found.keys, entry_id, admin.user_id)
    store.audit(
        Taught(time.time(), admin.user_id, admin.guild_id, "picked", entry_id, found.phrasing)
    )
    store.flush()
