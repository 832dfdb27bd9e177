"""Admin commands: /kb reload|stats|unanswered (and !kb ...), and the owner-only !sync."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from ..errors import NO_MENTIONS, NotAdmin
from ..permissions import is_admin
from ..report import reload_report, stats_embed, unanswered_embed, unreadable_log_embed

if TYPE_CHECKING:
    from ..client import OnemBot

log = logging.getLogger("bot.discord")

DEFAULT_UNANSWERED = 10
MAX_UNANSWERED = 25


def _bot(client: Any) -> OnemBot:
    from ..client import OnemBot

    assert isinstance(client, OnemBot)
    return client


async def _prefix_admin(ctx: commands.Context[Any]) -> bool:
    if is_admin(_bot(ctx.bot).settings, ctx.author):
        return True
    raise NotAdmin()


async def _slash_admin(interaction: discord.Interaction[Any]) -> bool:
    if is_admin(_bot(interaction.client).settings, interaction.user):
        return True
    raise NotAdmin()


class AdminCog(commands.Cog, name="Admin"):
    """Reload and inspect the knowledge base (admins only, on every path)."""

    kb = app_commands.Group(
        name="kb", description="Manage the bot's knowledge base (admins)", guild_only=True
    )

    def __init__(self, bot: OnemBot) -> None:
        self.bot = bot

    async def cog_check(self, ctx: commands.Context[Any]) -> bool:
        """Allow this cog's prefix commands to admins only; refuse others with NotAdmin."""
        return await _prefix_admin(ctx)

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        """Allow this cog's slash commands to admins only; refuse others with NotAdmin."""
        return await _slash_admin(interaction)

    # -- shared bodies ---------------------------------------------------------------------

    async def _stats(self) -> discord.Embed:
        log_file = self.bot.unanswered
        size: int | None = None
        if log_file is not None:
            try:
                size = await asyncio.to_thread(log_file.size)
            except OSError as exc:  # the figures are still worth showing without it
                log.warning("Could not read the unanswered log %s: %s", log_file.path, exc)
        return stats_embed(self.bot.service, unanswered_bytes=size, guilds=len(self.bot.guilds))

    async def _unanswered(self, count: int) -> discord.Embed:
        log_file = self.bot.unanswered
        if log_file is None:
            return unanswered_embed([])
        try:
            records = await asyncio.to_thread(log_file.recent, count)
        except OSError as exc:
            log.warning("Could not read the unanswered log %s: %s", log_file.path, exc)
            return unreadable_log_embed()
        return unanswered_embed(records)

    # -- slash -----------------------------------------------------------------------------

    @kb.command(
        name="reload", description="Reload the knowledge file (the old one serves until it loads)"
    )
    async def reload_slash(self, interaction: discord.Interaction[Any]) -> None:
        """Reload and report the diff or every problem, ephemerally."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        log.info("Reload asked by user %s", interaction.user.id)
        result = await self.bot.reload_knowledge()
        await interaction.followup.send(**reload_report(result), ephemeral=True)

    @kb.command(name="stats", description="Entries, sources, last reload, questions answered")
    async def stats_slash(self, interaction: discord.Interaction[Any]) -> None:
        """Show the knowledge base's figures."""
        await interaction.response.send_message(embed=await self._stats(), ephemeral=True)

    @kb.command(name="unanswered", description="The most recent questions the bot declined")
    @app_commands.describe(count="How many to show (1-25)")
    async def unanswered_slash(
        self,
        interaction: discord.Interaction[Any],
        count: app_commands.Range[int, 1, MAX_UNANSWERED] = DEFAULT_UNANSWERED,
    ) -> None:
        """List recent declined questions, so admins see what to add."""
        await interaction.response.send_message(embed=await self._unanswered(count), ephemeral=True)

    # -- prefix ----------------------------------------------------------------------------

    @commands.group(name="kb", invoke_without_command=True)
    async def kb_prefix(self, ctx: commands.Context[Any]) -> None:
        """Show the admin commands."""
        prefix = self.bot.settings.prefix
        await ctx.reply(
            f"Admin commands: `{prefix}kb reload`, `{prefix}kb stats`, "
            f"`{prefix}kb unanswered [count]`.",
            mention_author=False,
            allowed_mentions=NO_MENTIONS,
        )

    @kb_prefix.command(name="reload")  # type: ignore[arg-type]  # discord.py typing
    async def reload_prefix(self, ctx: commands.Context[Any]) -> None:
        """Reload and report the diff or every problem."""
        log.info("Reload asked by user %s", ctx.author.id)
        async with ctx.typing():
            result = await self.bot.reload_knowledge()
        await ctx.reply(**reload_report(result), mention_author=False)

    @kb_prefix.command(name="stats")  # type: ignore[arg-type]  # discord.py typing
    async def stats_prefix(self, ctx: commands.Context[Any]) -> None:
        """Show the knowledge base's figures."""
        await ctx.reply(
            embed=await self._stats(), mention_author=False, allowed_mentions=NO_MENTIONS
        )

    @kb_prefix.command(name="unanswered")  # type: ignore[arg-type]  # discord.py typing
    async def unanswered_prefix(
        self,
        ctx: commands.Context[Any],
        count: commands.Range[int, 1, MAX_UNANSWERED] = DEFAULT_UNANSWERED,
    ) -> None:
        """List recent declined questions."""
        embed = await self._unanswered(count)
        await ctx.reply(embed=embed, mention_author=False, allowed_mentions=NO_MENTIONS)


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
                await ctx.reply(
                    "Run this in a server, set `dev_guild_id`, or use `sync global`.",
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
        await ctx.reply(text, mention_author=False, allowed_mentions=NO_MENTIONS)


async def setup(bot: commands.Bot) -> None:
    """Add the cog (the extension entry point)."""
    await bot.add_cog(AdminCog(_bot(bot)))
    await bot.add_cog(OwnerCog(_bot(bot)))
