"""The message context menu "Ask onem-bot about this message" (Apps -> on any message)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from .embeds import reply_embed
from .errors import NO_MENTIONS, handle_interaction_error, send_to_interaction
from .translations import localised
from .views import suggestion_view

if TYPE_CHECKING:
    from .cogs.ask import AskCog

MENU_NAME = "Ask onem-bot about this message"
NO_TEXT = "That message has no text I can read; try `/ask` with your question."


def ask_about_message(cog: AskCog) -> app_commands.ContextMenu:
    """Return the context menu that answers a message's text as a question, publicly."""

    async def callback(interaction: discord.Interaction[Any], message: discord.Message) -> None:
        try:
            await _answer(cog, interaction, message)
        except Exception as exc:
            await handle_interaction_error(interaction, exc, where="the context menu")

    menu = app_commands.ContextMenu(name=localised(MENU_NAME), callback=callback)
    menu.allowed_contexts = app_commands.AppCommandContext(
        guild=True, dm_channel=True, private_channel=False
    )
    return menu


async def _answer(
    cog: AskCog, interaction: discord.Interaction[Any], message: discord.Message
) -> None:
    from .cogs.ask import clean_question, cooldown_text

    bot = cog.bot
    refusal = bot.cooldowns.hit(interaction.user.id)
    if refusal is not None:
        await send_to_interaction(interaction, cooldown_text(refusal.retry_after))
        return
    question = clean_question(message.content)
    if not question:
        await send_to_interaction(interaction, NO_TEXT)
        return
    reply = cog.ask(question, interaction.channel_id, interaction.user.id)
    bot.tally.count(interaction.guild_id, answered=reply.answered)
    await interaction.response.send_message(
        content=f"About {message.jump_url}",
        embed=reply_embed(reply),
        view=suggestion_view(reply) or discord.utils.MISSING,
        allowed_mentions=NO_MENTIONS,
    )
    await cog.log_declined(reply, interaction.user, interaction.guild_id, interaction.channel_id)
