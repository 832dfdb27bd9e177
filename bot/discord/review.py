"""``/kb review``: walk an admin through the top clusters of missed questions, one click each."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

import discord

from ..authoring.teach import Cluster
from ..store.db import Store
from ..store.records import Scope
from ..store.review import Admin, accept, candidates, clusters, dismiss, pick
from .embeds import neutralise, plain, truncate
from .errors import NO_MENTIONS, NOT_GLOBAL, handle_interaction_error
from .learning import scope_of
from .permissions import Access, access_of

if TYPE_CHECKING:
    from .client import OnemBot

log = logging.getLogger("bot.discord")

NO_STORE = (
    "Nothing is recorded on this bot (no store is configured), so there is nothing to review."
)
NOTHING = "Nothing to review: no declined, voted-down or flagged questions are open{where}."
NOT_YOURS = "This review belongs to the admin who started it; run `/kb review` for your own."
ONLY_GLOBAL_TEACH = (
    "Only the bot's owners and global admins add phrasings: the knowledge file is shared by every "
    "server. Your pick is saved, and they will see it as the likely entry."
)
MAX_SHOWN = 6
DIFF_LIMIT = 1500
TIMEOUT = 900.0


def cluster_embed(
    found: Cluster, number: int, total: int, target: str | None, title: str = ""
) -> discord.Embed:
    """Describe one cluster: how often, why, the wordings, and the likely entry."""
    reasons = ", ".join(f"{n} {why}" for why, n in found.reasons)
    lines = [f"**{found.count}** question(s): {reasons}.", ""]
    lines += [f"{n} \u00d7 {neutralise(text, 150)}" for text, n in found.questions[:MAX_SHOWN]]
    if len(found.questions) > MAX_SHOWN:
        lines.append(f"\u2026 and {len(found.questions) - MAX_SHOWN} more wordings")
    embed = discord.Embed(
        title=f"Missed questions {number} of {total}",
        description="\n".join(lines),
        colour=discord.Colour.orange(),
    )
    if target is None:
        likely = "none yet: pick one below"
    elif target == found.likely:
        likely = f"`{target}` ({found.why_likely})"
    else:
        likely = f"`{target}` (picked now)"
    if title:
        likely += f"\n> {neutralise(title, 200)}"
    embed.add_field(name="Likely entry", value=likely, inline=False)
    embed.add_field(name="Would add", value=neutralise(found.phrasing, 200), inline=False)
    return embed


class ReviewSession(discord.ui.View):
    """One admin's walk through the open clusters of their scope."""

    def __init__(
        self, bot: OnemBot, who: Access, admin_id: int, found: list[Cluster], scope: Scope
    ) -> None:
        super().__init__(timeout=TIMEOUT)
        self.bot = bot
        self.who = who
        self.admin_id = admin_id
        self.found = found
        self.scope = scope
        self.index = 0
        self.target: str | None = found[0].likely if found else None
        self._rebuild()

    @property
    def current(self) -> Cluster | None:
        """Return the cluster on show, or None when the review is over."""
        return self.found[self.index] if self.index < len(self.found) else None

    def _rebuild(self) -> None:
        self.clear_items()
        found = self.current
        if found is None:
            return
        label = f"Add as phrasing of {self.target}" if self.target else "Add as phrasing"
        add = discord.ui.Button[ReviewSession](
            label=truncate(label, 80),
            style=discord.ButtonStyle.success,
            disabled=self.target is None or not self.who.is_global,
            custom_id="onem:review:add",
        )
        add.callback = self._add  # type: ignore[method-assign]
        knowledge = self.bot.service.knowledge
        options = [
            discord.SelectOption(
                label=truncate(entry_id, 100),
                value=entry_id,
                description=truncate(plain(knowledge.by_id[entry_id].title, 100), 100),
                default=entry_id == self.target,
            )
            for entry_id in candidates(self.bot.service, found)
        ]
        chooser = discord.ui.Select[ReviewSession](
            placeholder="Pick another entry",
            options=options,
            custom_id="onem:review:pick",
        )
        chooser.callback = self._pick  # type: ignore[method-assign]
        dismiss_button = discord.ui.Button[ReviewSession](
            label="Dismiss", style=discord.ButtonStyle.danger, custom_id="onem:review:dismiss"
        )
        dismiss_button.callback = self._dismiss  # type: ignore[method-assign]
        search = discord.ui.Button[ReviewSession](
            label="Find an entry\u2026",
            style=discord.ButtonStyle.secondary,
            custom_id="onem:review:find",
        )
        search.callback = self._find  # type: ignore[method-assign]
        skip = discord.ui.Button[ReviewSession](
            label="Skip", style=discord.ButtonStyle.secondary, custom_id="onem:review:skip"
        )
        skip.callback = self._skip  # type: ignore[method-assign]
        self.add_item(add)
        if options:
            self.add_item(chooser)
        self.add_item(search)
        self.add_item(dismiss_button)
        self.add_item(skip)
        self._chooser = chooser

    def render(self, note: str | None = None) -> dict[str, Any]:
        """Return the message fields showing the current cluster (and a note on the last step)."""
        found = self.current
        embeds = []
        if found is not None:
            entry = self.bot.service.knowledge.by_id.get(self.target or "")
            title = entry.title if entry is not None else ""
            embeds.append(cluster_embed(found, self.index + 1, len(self.found), self.target, title))
        if found is None:
            done = "Reviewed every open cluster."
            note = f"{note}\n{done}" if note else done
        return {"content": note, "embeds": embeds, "view": self if found is not None else None}

    def _advance(self) -> None:
        self.index += 1
        self.target = self.current.likely if self.current is not None else None
        self._rebuild()
        if self.current is None:
            self.stop()

    def _admin(self, interaction: discord.Interaction[Any]) -> Admin:
        return Admin(interaction.user.id, interaction.guild_id, f"discord:{interaction.user.id}")

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        """Let only the admin who started the review press its buttons."""
        if interaction.user.id == self.admin_id:
            return True
        await interaction.response.send_message(NOT_YOURS, ephemeral=True)
        return False

    async def on_error(
        self, interaction: discord.Interaction[Any], error: Exception, item: discord.ui.Item[Any], /
    ) -> None:
        """Answer a failed button once, ephemerally, with the bot's one error policy."""
        await handle_interaction_error(interaction, error, where="kb review")

    async def _add(self, interaction: discord.Interaction[Any]) -> None:
        found, target, store = self.current, self.target, self.bot.store
        if found is None or target is None or store is None:
            await interaction.response.edit_message(**self.render())
            return
        who = await access_of(self.bot, interaction.user, interaction.guild_id)
        if not who.is_global:
            await interaction.response.send_message(NOT_GLOBAL, ephemeral=True)
            return
        await interaction.response.defer()
        log.info("User %s teaches %r to %s", interaction.user.id, found.phrasing, target)
        lesson = await asyncio.to_thread(
            accept, store, self.bot.service, found, target, self._admin(interaction)
        )
        if lesson.written:
            self.bot.index_choices()
            diff = truncate(lesson.diff.replace("```", "`\u200b``"), DIFF_LIMIT)
            note = f"{neutralise(lesson.summary(), 500)}\n```diff\n{diff}\n```"
            self._advance()
        else:
            reasons = "\n".join(f"- {neutralise(p, 300)}" for p in lesson.problems[:5])
            note = f"Nothing was written; the phrasing was not added:\n{reasons}"
        await interaction.edit_original_response(**self.render(note))

    async def _pick(self, interaction: discord.Interaction[Any]) -> None:
        found, store = self.current, self.bot.store
        chosen = self._chooser.values[0] if self._chooser.values else None
        if (
            found is None
            or store is None
            or chosen is None
            or chosen not in self.bot.service.knowledge.by_id
        ):
            await interaction.response.edit_message(**self.render("That entry is gone."))
            return
        await self._picked(interaction, store, found, chosen)

    async def _find(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.send_modal(FindEntry(self))

    async def choose(self, interaction: discord.Interaction[Any], typed: str) -> None:
        """Pick the entry an admin typed (its id, or words the matcher finds it by)."""
        found, store = self.current, self.bot.store
        snapshot = self.bot.service.snapshot
        chosen: str | None = typed.strip() if typed.strip() in snapshot.knowledge.by_id else None
        if chosen is None and typed.strip():
            best = snapshot.matcher.read(typed, limit=1).best
            chosen = best.entry.id if best is not None else None
        if found is None or store is None or chosen is None:
            await interaction.response.edit_message(**self.render("No entry matches that."))
            return
        await self._picked(interaction, store, found, chosen)

    async def _picked(
        self, interaction: discord.Interaction[Any], store: Store, found: Cluster, chosen: str
    ) -> None:
        """Record an admin's pick of the entry a cluster belongs to and show the new target."""
        await asyncio.to_thread(pick, store, self.scope, found, chosen, self._admin(interaction))
        self.target = chosen
        self._rebuild()
        note = None if self.who.is_global else ONLY_GLOBAL_TEACH
        await interaction.response.edit_message(**self.render(note))

    async def _dismiss(self, interaction: discord.Interaction[Any]) -> None:
        found, store = self.current, self.bot.store
        if found is not None and store is not None:
            await asyncio.to_thread(dismiss, store, self.scope, found, self._admin(interaction))
            self._advance()
        note = "Dismissed." + ("" if self.who.is_global else " (for this server)")
        await interaction.response.edit_message(**self.render(note))

    async def _skip(self, interaction: discord.Interaction[Any]) -> None:
        self._advance()
        await interaction.response.edit_message(**self.render())


class FindEntry(discord.ui.Modal, title="Find an entry"):
    """Type an entry's id, or words of its question: any entry, not only the 25 offered."""

    typed: discord.ui.TextInput[FindEntry] = discord.ui.TextInput(
        label="Entry id or words of its question", custom_id="entry", max_length=200
    )

    def __init__(self, session: ReviewSession) -> None:
        super().__init__(custom_id="onem:review:found")
        self.session = session

    async def on_submit(self, interaction: discord.Interaction[Any], /) -> None:
        """Pick the entry found, on the review's own message."""
        await self.session.choose(interaction, self.typed.value or "")

    async def on_error(  # type: ignore[override]  # discord.py's Modal signature
        self, interaction: discord.Interaction[Any], error: Exception, /
    ) -> None:
        """Answer a failed search once, ephemerally."""
        await handle_interaction_error(interaction, error, where="kb review")


async def start_review(
    bot: OnemBot, interaction: discord.Interaction[OnemBot], who: Access
) -> None:
    """Answer ``/kb review``: the first open cluster with its buttons, ephemerally."""
    store = bot.store
    if store is None:
        await interaction.response.send_message(NO_STORE, ephemeral=True)
        return
    scope = scope_of(who)
    await interaction.response.defer(ephemeral=True, thinking=True)
    found = await asyncio.to_thread(clusters, store, bot.service, scope)
    if not found:
        where = "" if who.is_global else " in this server"
        await interaction.followup.send(
            NOTHING.format(where=where), ephemeral=True, allowed_mentions=NO_MENTIONS
        )
        return
    session = ReviewSession(bot, who, interaction.user.id, found, scope)
    fields = session.render(None if who.is_global else ONLY_GLOBAL_TEACH)
    await interaction.followup.send(
        content=fields["content"] or discord.utils.MISSING,
        embeds=fields["embeds"],
        view=session,
        ephemeral=True,
        allowed_mentions=NO_MENTIONS,
    )
