"""The one way a question asked on Discord is answered, whichever way it was asked.

Mentions and DMs, ``!ask``, ``/ask``, the message context menu, "did you mean" buttons and
listened channels all come here: one per-user cooldown, one conversation memory for
follow-ups, one tally, one unanswered log and one store of questions.
"""

from __future__ import annotations

import asyncio
import logging
import math
from typing import TYPE_CHECKING

import discord

from ..core.decide.memory import Conversations
from ..core.normalise.text import PINGS
from ..core.reply.replies import Reply
from .embeds import reply_embed
from .errors import NO_MENTIONS, reply_to, send_to_interaction, send_to_message
from .feedback import reply_view
from .learning import record_choice, record_reply
from .views import suggestion_view

if TYPE_CHECKING:
    from .client import OnemBot

log = logging.getLogger("bot.discord")

MIN_LISTEN_CHARS = 10
ONLY_YOU = "Only you can see this answer: the question was someone else's."
GONE = "That entry is no longer in the knowledge base; try asking again."
NO_TEXT = "That message has no text I can read; try `/ask` with your question."


def cooldown_text(seconds: float) -> str:
    """Return the cooldown notice."""
    return f"You're asking quickly; try again in {max(math.ceil(seconds), 1)}s."


def clean_question(text: str) -> str:
    """Drop mentions, channel links and custom emoji (they carry no topic); collapse spaces."""
    return " ".join(PINGS.sub(" ", text).split())


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


def _guild_id(message: discord.Message) -> int | None:
    return message.guild.id if message.guild else None


class Answering:
    """Answer questions for ``bot``: its service, settings, cooldown, tally, log and store."""

    def __init__(self, bot: OnemBot) -> None:
        self.bot = bot
        # Follow-ups ("who said that?") read against each user's last answer in a channel,
        # thread or DM, for a few minutes; kept in memory only.
        self.conversations = Conversations(bot.settings.followup_minutes)

    def ask(self, question: str, channel_id: int | None, user_id: int) -> Reply:
        """Answer a question against the asker's last answer in the same channel."""
        key = (channel_id, user_id)
        return self.conversations.ask(self.bot.service.ask, key, clean_question(question))

    async def _slowed(self, interaction: discord.Interaction[OnemBot]) -> bool:
        """Count one request; if over the cooldown, say so (ephemerally) and return True."""
        refusal = self.bot.cooldowns.hit(interaction.user.id)
        if refusal is not None:
            await send_to_interaction(interaction, cooldown_text(refusal.retry_after))
        return refusal is not None

    async def log_declined(
        self, reply: Reply, user_id: int, guild_id: int | None, channel_id: int | None
    ) -> None:
        """Write a declined question to the unanswered log, if there is one."""
        log_file = self.bot.unanswered
        if log_file is None or reply.answered or not reply.question.strip():
            return
        try:
            await asyncio.to_thread(
                log_file.record, reply, user_id=user_id, guild_id=guild_id, channel_id=channel_id
            )
        except OSError as exc:
            log.warning("Could not write the unanswered log %s: %s", log_file.path, exc)

    # -- messages: mentions, DMs, !ask, listened channels ----------------------------------

    async def message(self, message: discord.Message, question: str) -> None:
        """Answer a question asked in a message, replying to it; honour the cooldown."""
        refusal = self.bot.cooldowns.hit(message.author.id)
        if refusal is not None:
            if refusal.notify:  # once per window: a flood gets one notice, not one per message
                await send_to_message(message, cooldown_text(refusal.retry_after))
            return
        reply = self.ask(question, message.channel.id, message.author.id)
        self.bot.tally.count(_guild_id(message), answered=reply.answered)
        await self._reply_and_record(message, reply)
        await self.log_declined(reply, message.author.id, _guild_id(message), message.channel.id)

    async def unasked(self, message: discord.Message) -> None:
        """Reply only when the best match is confident; stay silent otherwise (never noisy)."""
        text = clean_question(message.content)
        if len(text) < MIN_LISTEN_CHARS:
            return
        reply = self.bot.service.offer(text, self.bot.settings.listen_min_score)
        if reply is None:
            return
        if self.bot.cooldowns.hit(message.author.id) is not None:
            return  # unasked answers never produce cooldown notices either
        self.bot.tally.count(_guild_id(message), answered=reply.answered)
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
            guild_id=_guild_id(message),
            channel_id=message.channel.id,
            user_id=message.author.id,
            message_id=sent.id if sent is not None else None,
        )

    # -- interactions: /ask, the context menu, "did you mean" buttons ----------------------

    async def slash(self, interaction: discord.Interaction[OnemBot], question: str) -> None:
        """Answer ``/ask`` publicly; cooldown notices are ephemeral."""
        if await self._slowed(interaction):
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
            reply, interaction.user.id, interaction.guild_id, interaction.channel_id
        )

    async def about_message(
        self, interaction: discord.Interaction[OnemBot], message: discord.Message
    ) -> None:
        """Answer another message's text as a question (the context menu), publicly."""
        if await self._slowed(interaction):
            return
        question = clean_question(message.content)
        if not question:
            await send_to_interaction(interaction, NO_TEXT)
            return
        reply = self.ask(question, interaction.channel_id, interaction.user.id)
        self.bot.tally.count(interaction.guild_id, answered=reply.answered)
        await interaction.response.send_message(
            content=f"About {message.jump_url}",
            embed=reply_embed(reply),
            view=suggestion_view(reply) or discord.utils.MISSING,
            allowed_mentions=NO_MENTIONS,
        )
        await self.log_declined(
            reply, interaction.user.id, interaction.guild_id, interaction.channel_id
        )

    async def entry(self, interaction: discord.Interaction[OnemBot], entry_id: str) -> None:
        """Answer the entry a "did you mean" button names."""
        if await self._slowed(interaction):
            return
        reply = self.bot.service.answer_entry(entry_id)
        if reply is None:
            await send_to_interaction(interaction, GONE)
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
