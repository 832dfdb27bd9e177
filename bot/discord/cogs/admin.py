"""Admin commands: /kb reload|stats|unanswered (and !kb ...), and the owner-only !sync."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from ..errors import NO_MENTIONS, AdminSlowDown, NotAdmin, NotGlobalAdmin, reply_to
from ..health import gather, health_embed
from ..permissions import Access, access
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
CANNOT_DM = (
    "I can't send you a direct message, and these details are not for a public channel; "
    "use `/kb {name}` instead (only you will see it)."
)


def _bot(client: Any) -> OnemBot:
    from ..client import OnemBot

    assert isinstance(client, OnemBot)
    return client


async def access_of(
    bot: OnemBot, user: discord.User | discord.Member, guild_id: int | None
) -> Access:
    """Return what ``user`` may administer in ``guild_id`` (None: a DM)."""
    return access(bot.settings, user, guild_id, is_owner=await bot.is_owner(user))


def _admit(bot: OnemBot, who: Access, user_id: int) -> None:
    """Refuse non-admins, then count the command against the admins' own rate limit."""
    if not who.is_admin:
        raise NotAdmin()
    refusal = bot.admin_cooldowns.hit(user_id)
    if refusal is not None:
        raise AdminSlowDown(refusal.retry_after, notify=refusal.notify)


class AdminCog(commands.Cog, name="Admin"):
    """Reload and inspect the knowledge base: global admins everything, managers their server."""

    kb = app_commands.Group(
        name="kb",
        description="Manage the bot's knowledge base (admins)",
        guild_only=True,
        allowed_contexts=app_commands.AppCommandContext(
            guild=True, dm_channel=False, private_channel=False
        ),
        default_permissions=discord.Permissions(manage_guild=True),
    )

    def __init__(self, bot: OnemBot) -> None:
        self.bot = bot

    async def cog_check(self, ctx: commands.Context[Any]) -> bool:
        """Allow this cog's prefix commands to admins only, within the admin rate limit."""
        who = await access_of(self.bot, ctx.author, ctx.guild.id if ctx.guild else None)
        _admit(self.bot, who, ctx.author.id)
        return True

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        """Allow this cog's slash commands to admins only, within the admin rate limit."""
        who = await access_of(self.bot, interaction.user, interaction.guild_id)
        _admit(self.bot, who, interaction.user.id)
        return True

    # -- shared bodies ---------------------------------------------------------------------

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

    async def _private(self, ctx: commands.Context[Any], name: str, embed: discord.Embed) -> None:
        """Show data to the admin who asked only: in a DM, never in a server's channel."""
        if ctx.guild is None:
            await reply_to(
                ctx.message, embed=embed, mention_author=False, allowed_mentions=NO_MENTIONS
            )
            return
        try:
            await ctx.author.send(embed=embed, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as exc:  # DMs closed: say where to look instead
            log.info("Could not DM admin %s: %s", ctx.author.id, exc)
            text = CANNOT_DM.format(name=name)
        else:
            text = SENT_PRIVATELY
        await reply_to(
            ctx.message, content=text, mention_author=False, allowed_mentions=NO_MENTIONS
        )

    # -- slash -----------------------------------------------------------------------------

    @kb.command(
        name="reload", description="Reload the knowledge file (the old one serves until it loads)"
    )
    async def reload_slash(self, interaction: discord.Interaction[Any]) -> None:
        """Reload and report the diff or every problem, ephemerally."""
        who = await access_of(self.bot, interaction.user, interaction.guild_id)
        if not who.is_global:
            raise NotGlobalAdmin()
        await interaction.response.defer(ephemeral=True, thinking=True)
        log.info("Reload asked by user %s", interaction.user.id)
        result = await self.bot.reload_knowledge()
        await interaction.followup.send(**reload_report(result), ephemeral=True)

    @kb.command(name="stats", description="Entries, sources, last reload, questions answered")
    async def stats_slash(self, interaction: discord.Interaction[Any]) -> None:
        """Show the knowledge base's figures (and the store's table and chart, if kept)."""
        who = await access_of(self.bot, interaction.user, interaction.guild_id)
        if self.bot.store is None:
            await interaction.response.send_message(embed=await self._stats(who), ephemeral=True)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        embeds, files = await usage_parts(self.bot, who, interaction.guild_id)
        await interaction.followup.send(
            embeds=[await self._stats(who), *embeds], files=files, ephemeral=True
        )

    @kb.command(name="review", description="Review missed questions and teach the bot in one click")
    async def review_slash(self, interaction: discord.Interaction[Any]) -> None:
        """Walk through the top clusters of missed questions (this server's, for its managers)."""
        who = await access_of(self.bot, interaction.user, interaction.guild_id)
        await start_review(self.bot, interaction, who)

    @kb.command(
        name="health", description="Uptime, shard latencies, the knowledge in service, last reload"
    )
    async def health_slash(self, interaction: discord.Interaction[Any]) -> None:
        """Show whether the bot is well, ephemerally."""
        await interaction.response.send_message(embed=self._health(), ephemeral=True)

    def _health(self) -> discord.Embed:
        bot = self.bot
        return health_embed(gather(bot.service, bot.shard_latencies(), bot.last_reload))

    @kb.command(name="unanswered", description="The most recent questions the bot declined")
    @app_commands.describe(count="How many to show (1-25)")
    async def unanswered_slash(
        self,
        interaction: discord.Interaction[Any],
        count: app_commands.Range[int, 1, MAX_UNANSWERED] = DEFAULT_UNANSWERED,
    ) -> None:
        """List recent declined questions, so admins see what to add."""
        who = await access_of(self.bot, interaction.user, interaction.guild_id)
        embed = await self._unanswered(who, count)
        await interaction.response.send_message(embed=embed, ephemeral=True)

    # -- prefix ----------------------------------------------------------------------------

    @commands.group(name="kb", invoke_without_command=True)
    async def kb_prefix(self, ctx: commands.Context[Any]) -> None:
        """Show the admin commands this admin may use."""
        prefix = self.bot.settings.prefix
        who = await access_of(self.bot, ctx.author, ctx.guild.id if ctx.guild else None)
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

    @kb_prefix.command(name="reload")  # type: ignore[arg-type]  # discord.py typing
    async def reload_prefix(self, ctx: commands.Context[Any]) -> None:
        """Reload and report the diff or every problem."""
        who = await access_of(self.bot, ctx.author, ctx.guild.id if ctx.guild else None)
        if not who.is_global:
            raise NotGlobalAdmin()
        log.info("Reload asked by user %s", ctx.author.id)
        async with ctx.typing():
            result = await self.bot.reload_knowledge()
        await reply_to(ctx.message, **reload_report(result), mention_author=False)

    @kb_prefix.command(name="stats")  # type: ignore[arg-type]  # discord.py typing
    async def stats_prefix(self, ctx: commands.Context[Any]) -> None:
        """Show the knowledge base's figures, privately."""
        who = await access_of(self.bot, ctx.author, ctx.guild.id if ctx.guild else None)
        await self._private(ctx, "stats", await self._stats(who))

    @kb_prefix.command(name="health")  # type: ignore[arg-type]  # discord.py typing
    async def health_prefix(self, ctx: commands.Context[Any]) -> None:
        """Show whether the bot is well, privately."""
        await self._private(ctx, "health", self._health())

    @kb_prefix.command(name="unanswered")  # type: ignore[arg-type]  # discord.py typing
    async def unanswered_prefix(
        self,
        ctx: commands.Context[Any],
        count: commands.Range[int, 1, MAX_UNANSWERED] = DEFAULT_UNANSWERED,
    ) -> None:
        """List recent declined questions, privately."""
        who = await access_of(self.bot, ctx.author, ctx.guild.id if ctx.guild else None)
        await self._private(ctx, "unanswered", await self._unanswered(who, count))


class OwnerCog(commands.Cog, name="Owner"):
    """Commands for the bot's owner only."""

    def __init__(self, bot: OnemBot) -> None:
        self.bot = bot

    @commands.command(name="sync")
    @commands.is_owner()
    async def sync(
        self, ctx: commands.Context[Any], scope: Literal["guild", "global", "clear"] | None = None
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
