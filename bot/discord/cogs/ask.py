"""Asking: mention the bot, ``!ask``, ``/ask`` (with autocomplete), buttons, listened channels."""

from __future__ import annotations

import asyncio
import logging
import math
import re
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from ...core.decide.decision import volunteer
from ...core.decide.memory import Conversations
from ...core.reply.replies import Reply
from ..context_menu import ask_about_message
from ..embeds import reply_embed
from ..errors import (
    APOLOGY,
    NO_MENTIONS,
    handle_interaction_error,
    is_forbidden,
    log_unexpected,
    reply_to,
    send_to_interaction,
    send_to_message,
)
from ..feedback import DYNAMIC_ITEMS, reply_view
from ..learning import record_choice, record_reply
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
MIN_LISTEN_CHARS = 10
MAX_QUESTION_OPTION = 1000
"""The longest question Discord's client lets anyone type into /ask (the shipped limit)."""
ONLY_YOU = "Only you can see this answer: the question was someone else's."


def cooldown_text(seconds: float) -> str:
    """Return the cooldown notice."""
    return f"You're asking quickly; try again in {max(math.ceil(seconds), 1)}s."


_NOISE = re.compile(r"<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|@(?:everyone|here)\b", re.IGNORECASE)


def clean_question(text: str) -> str:
    """Drop mentions, channel links and custom emoji (they carry no topic); collapse spaces."""
    return " ".join(_NOISE.sub(" ", text).split())


class AskCog(commands.Cog, name="Ask"):
    """Every way of asking the bot, with one reply format and one per-user cooldown."""

    def __init__(self, bot: OnemBot) -> None:
        self.bot = bot
        # Follow-ups ("who said that?") read against each user's last answer in a channel,
        # thread or DM, for a few minutes; kept in memory only.
        self.conversations = Conversations(bot.settings.followup_minutes)
        self.menu = ask_about_message(self)

    def ask(self, question: str, channel_id: int | None, user_id: int) -> Reply:
        """Answer a question against the asker's last answer in the same channel."""
        key = (channel_id, user_id)
        reply = self.bot.service.ask(clean_question(question), self.conversations.last(key))
        self.conversations.remember(key, reply)
        return reply

    async def cog_load(self) -> None:
        """Register the "did you mean" and feedback buttons (they work on any message, even
        after restarts) and the message context menu."""
        self.bot.add_dynamic_items(SuggestionButton, *DYNAMIC_ITEMS)
        self.bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        """Unregister the buttons and the context menu."""
        self.bot.remove_dynamic_items(SuggestionButton, *DYNAMIC_ITEMS)
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    # -- the shared path -------------------------------------------------------------------

    async def log_declined(
        self, reply: Reply, user: discord.abc.User, guild_id: int | None, channel_id: int | None
    ) -> None:
        log_file = self.bot.unanswered
        if log_file is None or reply.answered or not reply.question.strip():
            return
        try:
            await asyncio.to_thread(
                log_file.record, reply, user_id=user.id, guild_id=guild_id, channel_id=channel_id
            )
        except OSError as exc:
            log.warning("Could not write the unanswered log %s: %s", log_file.path, exc)

    async def answer_message(self, message: discord.Message, question: str) -> None:
        """Answer a question asked in a message, replying to it; honour the cooldown."""
        refusal = self.bot.cooldowns.hit(message.author.id)
        if refusal is not None:
            if refusal.notify:  # once per window: a flood gets one notice, not one per message
                await send_to_message(message, cooldown_text(refusal.retry_after))
            return
        reply = self.ask(question, message.channel.id, message.author.id)
        self.bot.tally.count(message.guild.id if message.guild else None, answered=reply.answered)
        await self._reply_and_record(message, reply)
        await self.log_declined(
            reply, message.author, message.guild.id if message.guild else None, message.channel.id
        )

    async def answer_button(self, interaction: discord.Interaction[Any], entry_id: str) -> None:
        """Answer the entry a "did you mean" button names."""
        try:
            refusal = self.bot.cooldowns.hit(interaction.user.id)
            if refusal is not None:
                await send_to_interaction(interaction, cooldown_text(refusal.retry_after))
                return
            reply = self.bot.service.answer_entry(entry_id)
            if reply is None:
                await send_to_interaction(
                    interaction, "That entry is no longer in the knowledge base; try asking again."
                )
                return
            self.bot.tally.count(interaction.guild_id, answered=True)
            record_choice(
                self.bot,
                entry_id,
                guild_id=interaction.guild_id,
                user_id=interaction.user.id,
                message_id=interaction.message.id if interaction.message else None,
            )
            # the asker's choice answers in public; anyone else's only for them (no pile-ups)
            theirs = asker_of(interaction.message) == interaction.user.id
            await interaction.response.send_message(
                content=None if theirs else ONLY_YOU,
                embed=reply_embed(reply),
                view=reply_view(self.bot, reply) or discord.utils.MISSING,
                allowed_mentions=NO_MENTIONS,
                ephemeral=not theirs,
            )
        except Exception as exc:
            await handle_interaction_error(interaction, exc, where=f"button {entry_id}")

    # -- mentions and listened channels ----------------------------------------------------

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
                await self.answer_message(message, message.content)
            elif self._listens_in(message.channel):
                await self._answer_if_confident(message)
        except Exception as exc:
            if is_forbidden(exc, message.channel.id):
                return
            log_unexpected("a mention", exc)
            await send_to_message(message, APOLOGY)

    def _listens_in(self, channel: Any) -> bool:
        ids = self.bot.settings.listen_channel_ids
        return channel.id in ids or getattr(channel, "parent_id", None) in ids

    async def _answer_if_confident(self, message: discord.Message) -> None:
        """Reply only when the best match is confident; stay silent otherwise (never noisy)."""
        text = clean_question(message.content)
        if len(text) < MIN_LISTEN_CHARS:
            return
        settings = self.bot.settings
        if not volunteer(self.bot.service.peek(text), settings.listen_min_score):
            return
        if self.bot.cooldowns.hit(message.author.id) is not None:
            return  # unasked answers never produce cooldown notices either
        reply = self.bot.service.ask(text)
        self.bot.tally.count(message.guild.id if message.guild else None, answered=reply.answered)
        if reply.answered and reply.score >= settings.listen_min_score:
            await self._reply_and_record(message, reply)

    async def _reply_and_record(self, message: discord.Message, reply: Reply) -> None:
        """Reply to a message with the answer embed and record the question in the store."""
        sent = await reply_to(
            message,
            embed=reply_embed(reply),
            view=reply_view(self.bot, reply) or discord.utils.MISSING,
            allowed_mentions=NO_MENTIONS,
            mention_author=False,
        )
        record_reply(
            self.bot,
            reply,
            guild_id=message.guild.id if message.guild else None,
            channel_id=message.channel.id,
            user_id=message.author.id,
            message_id=sent.id if sent is not None else None,
        )

    # -- prefix commands -------------------------------------------------------------------

    @commands.command(name="ask", usage="<question>")
    async def ask_prefix(self, ctx: commands.Context[Any], *, question: str) -> None:
        """Answer a question: !ask how many 1Ms is the US getting?"""
        await self.answer_message(ctx.message, question)

    @commands.command(name="help")
    async def help_prefix(self, ctx: commands.Context[Any]) -> None:
        """Explain how to ask."""
        await send_to_message(ctx.message, HELP_TEXT.format(prefix=self.bot.settings.prefix))

    # -- slash command ---------------------------------------------------------------------

    @app_commands.command(
        name=localised("ask"), description=localised("Ask about the BMW 1M Coupe's production")
    )
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=False)
    @app_commands.describe(
        question=localised("Your question, e.g. how many 1Ms is the US getting?")
    )
    async def ask_slash(
        self,
        interaction: discord.Interaction[Any],
        question: app_commands.Range[str, 1, MAX_QUESTION_OPTION],
    ) -> None:
        """Answer a question; cooldown notices are ephemeral."""
        refusal = self.bot.cooldowns.hit(interaction.user.id)
        if refusal is not None:
            await send_to_interaction(interaction, cooldown_text(refusal.retry_after))
            return
        reply = self.ask(question, interaction.channel_id, interaction.user.id)
        self.bot.tally.count(interaction.guild_id, answered=reply.answered)
        callback = await interaction.response.send_message(
            embed=reply_embed(reply),
            view=reply_view(self.bot, reply) or discord.utils.MISSING,
            allowed_mentions=NO_MENTIONS,
        )
        record_reply(
            self.bot,
            reply,
            guild_id=interaction.guild_id,
            channel_id=interaction.channel_id,
            user_id=interaction.user.id,
            message_id=callback.message_id if callback is not None else None,
        )
        await self.log_declined(
            reply, interaction.user, interaction.guild_id, interaction.channel_id
        )

    @ask_slash.autocomplete("question")
    async def ask_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """Offer up to 25 known questions that match what is typed so far (bounded work)."""
        choices = self.bot.complete_question(current, interaction.user.id)
        return [app_commands.Choice(name=q, value=q) for q in choices]


def asker_of(message: discord.Message | None) -> int | None:
    """Return who asked the question a bot answer belongs to, if the message says."""
    if message is None:
        return None
    if message.interaction_metadata is not None:  # /ask or the context menu
        return message.interaction_metadata.user.id
    reference = message.reference
    if reference is not None and isinstance(reference.resolved, discord.Message):
        return reference.resolved.author.id  # a reply to the asking message
    return None


async def setup(bot: commands.Bot) -> None:
    """Add the cog (the extension entry point)."""
    from ..client import OnemBot

    assert isinstance(bot, OnemBot)
    await bot.add_cog(AskCog(bot))
