"""The Discord side of the learning loop: open the store, record questions, choices and votes."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from typing import TYPE_CHECKING

from ..core.reply.replies import Reply
from ..core.service import KnowledgeService
from ..store.db import Store
from ..store.records import Asked, Scope
from ..store.transfer import import_log
from .permissions import Access
from .settings import Settings

if TYPE_CHECKING:
    from .client import OnemBot

log = logging.getLogger("bot.discord")


async def open_store(settings: Settings, service: KnowledgeService | None = None) -> Store | None:
    """Open the configured store off the event loop and import the unanswered log once.

    A store that cannot be opened is logged and left out: the bot answers without recording.
    """
    if settings.store_path is None:
        return None
    store = Store(
        settings.store_path,
        retention_days=settings.store_retention_days,
        max_rows=settings.store_max_rows,
        keep_user_ids=settings.store_user_ids,
    )
    # Each entry's title (first phrasing) -> its id, from the rows: no Entry built on the loop.
    rows = service.knowledge.rows if service is not None else ()
    titles = {row[1][0]: row[0] for row in rows}
    try:
        await asyncio.to_thread(store.open)
        count = await asyncio.to_thread(import_log, store, settings.unanswered_log_path, titles)
    except (sqlite3.Error, OSError, RuntimeError) as exc:
        log.warning(
            "Could not open the store %s (%s); answering without recording", store.path, exc
        )
        store.close()
        return None
    if count:
        log.info("Imported %d declined question(s) from %s", count, settings.unanswered_log_path)
    return store


def scope_of(who: Access) -> Scope:
    """Return the data an admin may see: everything for global admins, else their server."""
    return Scope.all() if who.is_global else Scope.server(who.guild_id)


def record_reply(
    bot: OnemBot,
    reply: Reply,
    *,
    guild_id: int | None,
    channel_id: int | None,
    user_id: int | None,
    message_id: int | None,
) -> None:
    """Queue one question and the bot's reply to it (never waits on the disk)."""
    store = bot.store
    if store is None or not reply.question.strip():
        return
    try:
        store.record(
            Asked(
                question=reply.question,
                answered=reply.answered,
                score=reply.score,
                kind=reply.kind,
                entry_id=reply.entry_id,
                # a decline's "did you mean"; an answer's near ties and related entries
                suggestions=tuple(s.entry_id for s in reply.suggestions or reply.related),
                guild_id=guild_id,
                channel_id=channel_id,
                user_id=user_id,
                message_id=message_id,
            )
        )
    except RuntimeError as exc:  # the store is closing with the bot
        log.warning("Could not record a question: %s", exc)


def record_choice(
    bot: OnemBot, entry_id: str, *, guild_id: int | None, user_id: int, message_id: int | None
) -> None:
    """Queue a "did you mean" choice made on the reply ``message_id``."""
    store = bot.store
    if store is None:
        return
    try:
        store.record_choice(entry_id, guild_id=guild_id, user_id=user_id, message_id=message_id)
    except RuntimeError as exc:
        log.warning("Could not record a choice: %s", exc)
