"""Asking: mention the bot, ``!ask``, ``/ask`` (with autocomplete), buttons, listened channels.

Every path hands the question to the bot's one ``Answering``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from ..answering import Answering
from ..context_menu import ask_about_message
from ..errors import (
    APOLOGY,
    handle_interaction_error,
    is_forbidden,
    log_unexpected,
    send_to_message,
)
from ..feedback import DYNAMIC_ITEMS
from ..translations import localised
from ..views import SuggestionButton

if TYPE_CHECKING:
    from ..client import OnemBot

log = logging.getLogger("bot.discord")

HELP_TEXT = (
    "I answer questions about the BMW 1M Coupe's production from a curated, sourced knowledge "
    "base. Ask me by mentioning me (`@me how many 1Ms is the US getting?`), with `{prefix}ask "
    "<question>`, with `/ask`, or on any message with Apps -> Ask onem-bot about this message. "
    "Every answer says whether it is a fact, a rumor, denied, an opinion or disputed, and who "
    "claims it."
)
MAX_QUESTION_OPTION = 1000
"""The longest question Discord's client lets anyone type into /ask (the shipped limit)."""


class AskCog(commands.Cog, name="Ask"):
    """Every way of asking the bot, handed to one ``Answering``."""

    def __init__(self, bot: OnemBot, answering: Answering) -> None:
        self.bot = bot
        self.answering = answering
        self.menu = ask_about_message(answering)

    async def cog_load(self) -> None:
        """Register the "did you mean" and feedback buttons (they work on any message, even
        after restarts) and the message context menu."""
        self.bot.add_dynamic_items(SuggestionButton, *DYNAMIC_ITEMS)
        self.bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        """Unregister the buttons and the context menu."""
        self.bot.remove_dynamic_items(SuggestionButton, *DYNAMIC_ITEMS)
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    @commands.Cog.listener()
    async def on_entry_chosen(
        self, interaction: discord.Interaction[OnemBot], entry_id: str
    ) -> None:
        """Answer the entry a pressed "did you mean" button names."""
        try:
            await self.answering.entry(interaction, entry_id)
        except Exception as exc:
            await handle_interaction_error(interaction, exc, where=f"button {entry_id}")

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Answer mentions and DMs; in listened channels, plain messages only when confident."""
        me = self.bot.user
        if me is None or message.author.bot or message.webhook_id is not None:
            return
        if message.content.startswith(self.bot.settings.prefix):
            return  # a prefix command: the command handles it
        try:
            # a mention, or any direct message, is a question for the bot
            if me.id in message.raw_mentions or message.guild is None:
                await self.answering.message(message, message.content)
            elif self._listens_in(message.channel):
                await self.answering.unasked(message)
        except Exception as exc:
            if is_forbidden(exc, message.channel.id):
                return
            log_unexpected("a mention", exc)
            await send_to_message(message, APOLOGY)

    def _listens_in(self, channel: discord.abc.MessageableChannel) -> bool:
        ids = self.bot.settings.listen_channel_ids
        return channel.id in ids or getattr(channel, "parent_id", None) in ids

    @commands.command(name="ask", usage="<question>")
    async def ask_prefix(self, ctx: commands.Context[OnemBot], *, question: str) -> None:
        """Answer a question: !ask how many 1Ms is the US getting?"""
        await self.answering.message(ctx.message, question)

    @commands.command(name="help")
    async def help_prefix(self, ctx: commands.Context[OnemBot]) -> None:
        """Explain how to ask."""
        await send_to_message(ctx.message, HELP_TEXT.format(prefix=self.bot.settings.prefix))

    @app_commands.command(
        name=localised("ask"), description=localised("Ask about the BMW 1M Coupe's production")
    )
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=False)
    @app_commands.describe(
        question=localised("Your question, e.g. how many 1Ms is the US getting?")
    )
    async def ask_slash(
        self,
        interaction: discord.Interaction[OnemBot],
        question: app_commands.Range[str, 1, MAX_QUESTION_OPTION],
    ) -> None:
        """Answer a question; cooldown notices are ephemeral."""
        await self.answering.slash(interaction, question)

    @ask_slash.autocomplete("question")
    async def ask_autocomplete(
        self, interaction: discord.Interaction[OnemBot], current: str
    ) -> list[app_commands.Choice[str]]:
        """Offer up to 25 known questions that match what is typed so far (bounded work)."""
        choices = self.bot.complete_question(current, interaction.user.id)
        return [app_commands.Choice(name=q, value=q) for q in choices]


async def setup(bot: commands.Bot) -> None:
    """Add the cog (the extension entry point)."""
    from ..client import OnemBot

    assert isinstance(bot, OnemBot)
    await bot.add_cog(AskCog(bot, Answering(bot)))
