"""Feedback on answers: 👍 / 👎 (one vote per user per answer) and "flag as wrong" with a reason."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

import discord

from ..core.reply.replies import Reply
from .errors import handle_interaction_error
from .views import suggestion_view

if TYPE_CHECKING:
    from .client import OnemBot

log = logging.getLogger("bot.discord")

VOTE_PREFIX = "onem:vote:"
FLAG_PREFIX = "onem:flag:"
_ENTRY = r"(?P<entry_id>[a-z0-9_-]{1,80})"
_VOTE = re.compile(re.escape(VOTE_PREFIX) + r"(?P<way>up|down):" + _ENTRY + "$")
_FLAG = re.compile(re.escape(FLAG_PREFIX) + _ENTRY + "$")
FEEDBACK_OFF = "Feedback isn't being recorded on this bot."
MAX_REASON = 300


def thanks(way: str) -> str:
    """Return the ephemeral reply to a vote."""
    mark = "\U0001f44d" if way == "up" else "\U0001f44e"
    return f"Thanks: your {mark} on this answer is counted (voting again only changes it)."


def _bot(interaction: discord.Interaction[Any]) -> OnemBot | None:
    from .client import OnemBot

    client = interaction.client
    return client if isinstance(client, OnemBot) else None


class VoteButton(discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]], template=_VOTE):
    """👍 or 👎 on one answer; it works across restarts and reloads."""

    def __init__(self, way: str, entry_id: str) -> None:
        super().__init__(
            discord.ui.Button(
                emoji="\U0001f44d" if way == "up" else "\U0001f44e",
                style=discord.ButtonStyle.secondary,
                custom_id=f"{VOTE_PREFIX}{way}:{entry_id}",
            )
        )
        self.way = way
        self.entry_id = entry_id

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> VoteButton:
        """Rebuild the button from a pressed component's custom id."""
        return cls(match["way"], match["entry_id"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Count the vote (replacing this user's earlier one on this answer) and say thanks."""
        bot = _bot(interaction)
        if bot is None or bot.store is None or interaction.message is None:
            await interaction.response.send_message(FEEDBACK_OFF, ephemeral=True)
            return
        try:
            bot.store.record_vote(
                self.entry_id,
                1 if self.way == "up" else -1,
                guild_id=interaction.guild_id,
                user_id=interaction.user.id,
                message_id=interaction.message.id,
            )
        except RuntimeError:  # the store is closing with the bot
            await interaction.response.send_message(FEEDBACK_OFF, ephemeral=True)
            return
        await interaction.response.send_message(thanks(self.way), ephemeral=True)


class FlagModal(discord.ui.Modal, title="Flag this answer as wrong"):
    """Ask, optionally, what is wrong with an answer."""

    reason: discord.ui.TextInput[FlagModal] = discord.ui.TextInput(
        label="What is wrong? (optional)",
        custom_id="reason",
        style=discord.TextStyle.paragraph,
        required=False,
        max_length=MAX_REASON,
    )

    def __init__(self, entry_id: str, message_id: int | None) -> None:
        super().__init__(custom_id=f"onem:flagged:{entry_id}")
        self.entry_id = entry_id
        self.message_id = message_id

    async def on_submit(self, interaction: discord.Interaction[Any], /) -> None:
        """Record the flag and thank the reader."""
        bot = _bot(interaction)
        if bot is None or bot.store is None:
            await interaction.response.send_message(FEEDBACK_OFF, ephemeral=True)
            return
        try:
            bot.store.record_flag(
                self.entry_id,
                self.reason.value or "",
                guild_id=interaction.guild_id,
                user_id=interaction.user.id,
                message_id=self.message_id,
            )
        except RuntimeError:  # the store is closing with the bot
            await interaction.response.send_message(FEEDBACK_OFF, ephemeral=True)
            return
        await interaction.response.send_message(
            "Thanks: the admins will look at this answer.", ephemeral=True
        )

    async def on_error(  # type: ignore[override]  # discord.py's Modal signature
        self, interaction: discord.Interaction[Any], error: Exception, /
    ) -> None:
        """Answer a failed flag once, ephemerally."""
        await handle_interaction_error(interaction, error, where="flag")


class FlagButton(discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]], template=_FLAG):
    """ "Flag as wrong": opens a modal for an optional reason."""

    def __init__(self, entry_id: str) -> None:
        super().__init__(
            discord.ui.Button(
                label="Flag as wrong",
                emoji="\U0001f6a9",
                style=discord.ButtonStyle.secondary,
                custom_id=f"{FLAG_PREFIX}{entry_id}",
            )
        )
        self.entry_id = entry_id

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> FlagButton:
        """Rebuild the button from a pressed component's custom id."""
        return cls(match["entry_id"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Open the modal (or say feedback is off)."""
        bot = _bot(interaction)
        if bot is None or bot.store is None:
            await interaction.response.send_message(FEEDBACK_OFF, ephemeral=True)
            return
        message_id = interaction.message.id if interaction.message is not None else None
        await interaction.response.send_modal(FlagModal(self.entry_id, message_id))


def feedback_view(reply: Reply) -> discord.ui.View | None:
    """Return 👍 / 👎 / "flag as wrong" for an answer, or None for anything else."""
    if (
        not reply.answered
        or reply.entry_id is None
        or not _FLAG.match(FLAG_PREFIX + reply.entry_id)
    ):
        return None
    view = discord.ui.View(timeout=None)
    view.add_item(VoteButton("up", reply.entry_id))
    view.add_item(VoteButton("down", reply.entry_id))
    view.add_item(FlagButton(reply.entry_id))
    return view


def reply_view(bot: OnemBot, reply: Reply) -> discord.ui.View | None:
    """Return the buttons under a reply: "did you mean" on declines, feedback on answers."""
    if not reply.answered:
        return suggestion_view(reply)
    return feedback_view(reply) if bot.store is not None else None


DYNAMIC_ITEMS = (VoteButton, FlagButton)
