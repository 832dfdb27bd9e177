"""The "did you mean" buttons: persistent, stateless buttons that answer one entry when pressed."""

from __future__ import annotations

import re
from typing import Any

import discord

from ..core.reply.replies import Reply
from .embeds import plain

CUSTOM_ID_PREFIX = "onem:entry:"
MAX_BUTTONS = 3
LABEL_LIMIT = 80
ENTRY_CHOSEN = "entry_chosen"
"""The event a pressed button dispatches, so that the views need not know who answers."""
_TEMPLATE = re.compile(re.escape(CUSTOM_ID_PREFIX) + r"(?P<entry_id>[a-z0-9_-]{1,80})$")


class SuggestionButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]], template=_TEMPLATE
):
    """A button whose custom id names an entry; it works across restarts and reloads."""

    def __init__(self, entry_id: str, label: str = "Show this answer") -> None:
        super().__init__(
            discord.ui.Button(
                label=plain(label, LABEL_LIMIT) or entry_id,
                style=discord.ButtonStyle.secondary,
                custom_id=CUSTOM_ID_PREFIX + entry_id,
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
    ) -> SuggestionButton:
        """Rebuild the button from a pressed component's custom id."""
        label = getattr(item, "label", None) or match["entry_id"]
        return cls(match["entry_id"], label)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Ask for the entry this button names to be answered (the Ask cog listens)."""
        interaction.client.dispatch(ENTRY_CHOSEN, interaction, self.entry_id)


def suggestion_view(reply: Reply) -> discord.ui.View | None:
    """Return up to three "did you mean" buttons for a decline, or None if there are none."""
    if reply.answered or not reply.suggestions:
        return None
    view = discord.ui.View(timeout=None)
    for suggestion in reply.suggestions[:MAX_BUTTONS]:
        if _TEMPLATE.match(CUSTOM_ID_PREFIX + suggestion.entry_id):
            view.add_item(SuggestionButton(suggestion.entry_id, suggestion.question))
    return view if view.children else None
