"""The message context menu "Ask onem-bot about this message" (Apps -> on any message)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from .answering import Answering
from .errors import handle_interaction_error
from .translations import localised

if TYPE_CHECKING:
    from .client import OnemBot

MENU_NAME = "Ask onem-bot about this message"


def ask_about_message(answering: Answering) -> app_commands.ContextMenu:
    """Return the context menu that answers a message's text as a question, publicly."""

    async def callback(interaction: discord.Interaction[OnemBot], message: discord.Message) -> None:
        try:
            await answering.about_message(interaction, message)
        except Exception as exc:
            await handle_interaction_error(interaction, exc, where="the context menu")

    menu = app_commands.ContextMenu(name=localised(MENU_NAME), callback=callback)
    menu.allowed_contexts = app_commands.AppCommandContext(
        guild=True, dm_channel=True, private_channel=False
    )
    return menu
