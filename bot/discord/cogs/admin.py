"""Admin commands: the hybrid /kb and !kb group, and the owner-only !sync."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from ..errors import NO_MENTIONS, AdminSlowDown, NotAdmin, NotGlobalAdmin, reply_to
from ..health import gather, health_embed
from ..permissions import Access, access_of
from ..report import (
    reload_report,
    server_stats_embed,
    stats_embed,
    unanswered_embed,
    unreadable_log_embed,
)
from ..review import start_review
from ..usage import usage_parts

if TYPE_CHECKING:
    from ..client import OnemBot

log = logging.getLogger("bot.discord")

DEFAULT_UNANSWERED = 10
MAX_UNANSWERED = 25
SENT_PRIVATELY = "I sent you the details in a direct message."
REVIEW_BY_SLASH = "the review works with buttons, which only a slash command can show."
CANNOT_DM = (
    "I can't send you a direct message, and these details are not for a public channel; "
    "use `/kb {name}` instead (only you will see it)."
)


def _bot(client: Any) -> OnemBot:
    from ..client import OnemBot

    assert isinstance(client, OnemBot)
    return client


def _admit(bot: OnemBot, who: Access, user_id: int) -> None:
    """Refuse non-admins, then count the command against the admins' own rate limit."""
    if not who.is_admin:
        raise NotAdmin()
    refusal = bot.admin_cooldowns.hit(user_id)
    if refusal is not None:
        raise AdminSlowDown(refusal.retry_after, notify=refusal.notify)


async def _ephemeral(interaction: discord.Interaction[OnemBot], **fields: Any) -> None:
    """Answer only the admin who asked; never ``ctx.send``, which posts publicly once the
    interaction has expired."""
    fields.setdefault("allowed_mentions", NO_MENTIONS)
    if interaction.response.is_done():
        await interaction.followup.send(ephemeral=True, **fields)
    else:
        await interaction.response.send_message(ephemeral=True, **fields)


class AdminCog(commands.Cog, name="Admin"):
    """Reload and inspect the knowledge base: global admins everything, managers their server.

    One hybrid ``kb`` group serves ``/kb ...`` and ``!kb ...``. Data goes to the admin who
    asked only: ephemerally for a slash command, by DM for a prefix command in a server.
    """

    def __init__(self, bot: OnemBot) -> None:
        self.bot = bot

    async def cog_check(self, ctx: commands.Context[OnemBot]) -> bool:  # type: ignore[override]
        """Allow this cog's commands to admins only, within the admin rate limit."""
        who = await access_of(self.bot, ctx.author, ctx.guild.id if ctx.guild else None)
        _admit(self.bot, who, ctx.author.id)
        return True

    # -- helpers ---------------------------------------------------------------------------

    async def _who(self, ctx: commands.Context[OnemBot]) -> Access:
        return await access_of(self.bot, ctx.author, ctx.guild.id if ctx.guild else None)

    async def _stats(self, who: Access) -> discord.Embed:
        if not who.is_global:
            counts = self.bot.tally.of(who.guild_id)
            return server_stats_embed(self.bot.service, counts)
        log_file = self.bot.unanswered
        size: int | None = None
        if log_file is not None:
            try:
                size = await asyncio.to_thread(log_file.size)
            except OSError as exc:  # the figures are still worth showing without it
                log.warning("Could not read the unanswered log %s: %s", log_file.path, exc)
        return stats_embed(self.bot.service, unanswered_bytes=size, guilds=len(self.bot.guilds))

    async def _unanswered(self, who: Access, count: int) -> discord.Embed:
        log_file = self.bot.unanswered
        if log_file is None:
            return unanswered_embed([], server_only=not who.is_global)
        try:
            records = await asyncio.to_thread(
                log_file.recent, count, keep=lambda r: who.sees(r.guild_id)
            )
        except OSError as exc:
            log.warning("Could not read the unanswered log %s: %s", log_file.path, exc)
            return unreadable_log_embed()
        return unanswered_embed(records, server_only=not who.is_global)

    def _health(self) -> discord.Embed:
        bot = self.bot
        return health_embed(gather(bot.service, bot.shard_latencies(), bot.last_reload))

    async def _show(
        self,
        ctx: commands.Context[OnemBot],
        name: str,
        embeds: list[discord.Embed],
        files: list[discord.File] | None = None,
    ) -> None:
        """Show data to the admin who asked only: ephemerally, or in a DM, never publicly."""
        if ctx.interaction is not None:
            await _ephemeral(ctx.interaction, embeds=embeds, files=files or [])
            return
        if ctx.guild is None:
            await reply_to(
                ctx.message, embeds=embeds, mention_author=False, allowed_mentions=NO_MENTIONS
            )
            return
        try:
            await ctx.author.send(embeds=embeds, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as exc:  # DMs closed: say where to look instead
            log.info("Could not DM admin %s: %s", ctx.author.id, exc)
            text = CANNOT_DM.format(name=name)
        else:
            text = SENT_PRIVATELY
        await reply_to(
            ctx.message, content=text, mention_author=False, allowed_mentions=NO_MENTIONS
        )

    # -- commands --------------------------------------------------------------------------

    @commands.hybrid_group(  # type: ignore[arg-type]  # discord.py types the cog-bound callback loosely
        name="kb",
        description="Manage the bot's knowledge base (admins)",
        invoke_without_command=True,
    )
    @app_commands.guild_only()
    @app_commands.allowed_contexts(guilds=True, dms=False, private_channels=False)
    @app_commands.default_permissions(manage_guild=True)
    async def kb(self, ctx: commands.Context[OnemBot]) -> None:
        """Show the admin commands this admin may use (``!kb`` alone)."""
        prefix = self.bot.settings.prefix
        who = await self._who(ctx)
        reload = f"`{prefix}kb reload`, " if who.is_global else ""
        scope = "" if who.is_global else " (this server's only)"
        text = (
            f"Admin commands: {reload}`{prefix}kb stats`, `{prefix}kb unanswered [count]`, "
            f"`{prefix}kb health`"
        )
        await reply_to(
            ctx.message,
            content=f"{text}{scope}.",
            mention_author=False,
            allowed_mentions=NO_MENTIONS,
        )

    @kb.command(  # type: ignore[arg-type]
        name="reload", description="Reload the knowledge file (the old one serves until it loads)"
    )
    async def reload(self, ctx: commands.Context[OnemBot]) -> None:
        """Reload and report the diff or every problem (ephemerally, for a slash command)."""
        if not (await self._who(ctx)).is_global:
            raise NotGlobalAdmin()
        log.info("Reload asked by user %s", ctx.author.id)
        async with ctx.typing(ephemeral=True):
            result = await self.bot.reload_knowledge()
        if ctx.interaction is not None:
            await _ephemeral(ctx.interaction, **reload_report(result))
        else:
            await reply_to(ctx.message, **reload_report(result), mention_author=False)

    @kb.command(  # type: ignore[arg-type]
        name="stats", description="Entries, sources, last reload, questions answered"
    )
    async def stats(self, ctx: commands.Context[OnemBot]) -> None:
        """Show the knowledge base's figures (and the store's table and chart, if kept)."""
        who = await self._who(ctx)
        if self.bot.store is None or ctx.interaction is None:
            await self._show(ctx, "stats", [await self._stats(who)])
            return
        await ctx.defer(ephemeral=True)
        embeds, files = await usage_parts(self.bot, who, ctx.interaction.guild_id)
        await self._show(ctx, "stats", [await self._stats(who), *embeds], files)

    @kb.command(  # type: ignore[arg-type]
        name="review", description="Review missed questions and teach the bot in one click"
    )
    async def review(self, ctx: commands.Context[OnemBot]) -> None:
        """Walk through the top clusters of missed questions (this server's, for its managers)."""
        if ctx.interaction is None:  # the review is buttons and forms: a slash command's
            await reply_to(
                ctx.message,
                content=f"Use `/kb review`: {REVIEW_BY_SLASH}",
                mention_author=False,
                allowed_mentions=NO_MENTIONS,
            )
            return
        await start_review(self.bot, ctx.interaction, await self._who(ctx))

    @kb.command(  # type: ignore[arg-type]
        name="health", description="Uptime, shard latencies, the knowledge in service, last reload"
    )
    async def health(self, ctx: commands.Context[OnemBot]) -> None:
        """Show whether the bot is well, privately."""
        await self._show(ctx, "health", [self._health()])

    @kb.command(  # type: ignore[arg-type]
        name="unanswered", description="The most recent questions the bot declined"
    )
    @app_commands.describe(count="How many to show (1-25)")
    async def unanswered(
        self,
        ctx: commands.Context[OnemBot],
        count: commands.Range[int, 1, MAX_UNANSWERED] = DEFAULT_UNANSWERED,
    ) -> None:
        """List recent declined questions, so admins see what to add, privately."""
        embed = await self._unanswered(await self._who(ctx), count)
        await self._show(ctx, "unanswered", [embed])


class OwnerCog(commands.Cog, name="Owner"):
    """Commands for the bot's owner only."""

    def __init__(self, bot: OnemBot) -> None:
        self.bot = bot

    @commands.command(name="sync")
    @commands.is_owner()
    async def sync(
        self,
        ctx: commands.Context[OnemBot],
        scope: Literal["guild", "global", "clear"] | None = None,
    ) -> None:
        """Sync slash commands: here (or to the dev guild from a DM), globally, or clear here."""
        tree = self.bot.tree
        if scope == "global":
            synced = await tree.sync()
            text = f"Synced {len(synced)} command(s) globally; they may take a while to show up."
        else:
            guild: discord.abc.Snowflake | None = ctx.guild
            if guild is None and self.bot.settings.dev_guild_id:
                guild = discord.Object(self.bot.settings.dev_guild_id)
            if guild is None:
                await reply_to(
                    ctx.message,
                    content="Run this in a server, set `dev_guild_id`, or use `sync global`.",
                    mention_author=False,
                )
                return
            if scope == "clear":
                tree.clear_commands(guild=guild)
            else:
                tree.copy_global_to(guild=guild)
            synced = await tree.sync(guild=guild)
            verb = "Cleared this server's copies;" if scope == "clear" else "Synced"
            text = f"{verb} {len(synced)} command(s) for server {guild.id}."
        log.info("Slash commands synced by owner %s: %s", ctx.author.id, scope or "guild")
        await reply_to(
            ctx.message, content=text, mention_author=False, allowed_mentions=NO_MENTIONS
        )


async def setup(bot: commands.Bot) -> None:
    """Add the cog (the extension entry point)."""
    await bot.add_cog(AdminCog(_bot(bot)))
    await bot.add_cog(OwnerCog(_bot(bot)))
