"""The figures ``/kb stats`` adds from the store: a text table, and a chart when it can draw one."""

from __future__ import annotations

import asyncio
import io
from typing import TYPE_CHECKING

import discord

from ..store.charts import usage_chart, usage_table
from ..store.db import Store
from ..store.records import Scope, Usage
from .embeds import truncate
from .permissions import Access

if TYPE_CHECKING:
    from .client import OnemBot

CHART_NAME = "stats.png"
DAYS = 14
DESCRIPTION_LIMIT = 4000


def _usage(store: Store, scope: Scope) -> Usage:
    store.flush()
    return store.usage(scope, days=DAYS)


async def usage_parts(
    bot: OnemBot, who: Access, guild_id: int | None
) -> tuple[list[discord.Embed], list[discord.File]]:
    """Return the invoking server's figures from the store: an embed, and the chart if drawn.

    ``who`` must be allowed to see ``guild_id``'s data; nothing is returned otherwise.
    """
    store = bot.store
    if store is None or not who.sees(guild_id):
        return [], []
    title = "This server" if guild_id is not None else "Direct messages"
    usage = await asyncio.to_thread(_usage, store, Scope.server(guild_id))
    table = usage_table(usage, title).replace("```", "`\u200b``")
    embed = discord.Embed(
        title=f"Questions, last {DAYS} days",
        description=f"```\n{truncate(table, DESCRIPTION_LIMIT)}\n```",
        colour=discord.Colour.blurple(),
    )
    png = await asyncio.to_thread(usage_chart, usage, title)
    if png is None:
        return [embed], []
    embed.set_image(url=f"attachment://{CHART_NAME}")
    return [embed], [discord.File(io.BytesIO(png), filename=CHART_NAME)]
