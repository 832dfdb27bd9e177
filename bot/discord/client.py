"""The Discord bot: a commands.Bot that gets the knowledge service and settings from its caller."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from ..core.retrieve.completion import CompletionIndex
from ..core.service import KnowledgeService, ReloadResult
from ..store.db import Store
from ..store.unanswered import UnansweredLog
from .cooldown import UserCooldown
from .errors import handle_command_error, handle_interaction_error
from .health import LastReload
from .lookup import quick_choices
from .report import reload_report
from .settings import Settings
from .tally import ServerTally
from .translations import CatalogueTranslator
from .watch import ExternalWait, FileWatcher, as_is

log = logging.getLogger("bot.discord")

EXTENSIONS = ("bot.discord.cogs.ask", "bot.discord.cogs.admin")
AUTOCOMPLETE_RATE = 30
AUTOCOMPLETE_PER_SECONDS = 10.0
"""Autocomplete requests per person: Discord sends one per keystroke, so generous; past it the
choices are empty until the window passes (no work, no notice)."""


def bot_intents(message_content: bool = True) -> discord.Intents:
    """Return the gateway intents: servers, messages in servers and DMs, and message content.

    Message content is privileged: enable it for the application in the Developer Portal
    (Bot -> Privileged Gateway Intents), or Discord refuses the connection. Without it,
    Discord still sends the text of DMs and of messages that mention the bot; only plain
    messages in listened channels (and ``!`` commands in servers) go unread.
    """
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.dm_messages = True
    intents.message_content = message_content
    return intents


class OnemTree(app_commands.CommandTree[Any]):
    """The slash command tree, with the bot's one error policy."""

    async def on_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        """Answer a failed slash command ephemerally, exactly once."""
        await handle_interaction_error(interaction, error)


def _prefix(bot: commands.Bot, message: discord.Message) -> str:
    settings: Settings = getattr(bot, "settings")  # noqa: B009  (read live: tests swap settings)
    return settings.prefix


class OnemBot(commands.Bot):
    """Answers questions about the BMW 1M from a knowledge service; admins manage it.

    ``settings`` is read on every use, so replacing ``bot.settings`` takes effect at once.
    """

    def __init__(
        self,
        *,
        settings: Settings,
        service: KnowledgeService,
        unanswered: UnansweredLog | None = None,
        watch_debounce_ms: int = 800,
        store: Store | None = None,
        **options: Any,
    ) -> None:
        options.setdefault("intents", bot_intents(settings.message_content))
        options.setdefault("allowed_mentions", discord.AllowedMentions.none())
        options.setdefault("help_command", None)
        options.setdefault("tree_cls", OnemTree)
        options.setdefault("owner_ids", set(settings.owner_ids))
        super().__init__(command_prefix=_prefix, **options)
        self.settings = settings
        self.service = service
        self.unanswered = unanswered
        self.store = store
        self.cooldowns = UserCooldown(settings.cooldown_rate, settings.cooldown_per_seconds)
        self.admin_cooldowns = UserCooldown(
            settings.admin_cooldown_rate, settings.admin_cooldown_per_seconds
        )
        self.tally = ServerTally()
        self.autocomplete_limit = UserCooldown(AUTOCOMPLETE_RATE, AUTOCOMPLETE_PER_SECONDS)
        self.choices: CompletionIndex | None = None
        self._indexing: asyncio.Task[None] | None = None
        self.watcher: FileWatcher | None = None
        self.watch_debounce_ms = watch_debounce_ms
        self.external_wait: ExternalWait = as_is
        """How the file watcher awaits the file system (a simulated Discord declares it)."""
        self.last_reload: LastReload | None = None

    async def setup_hook(self) -> None:
        """Load the cogs; start watching the knowledge file if asked. Never syncs commands."""
        await self.tree.set_translator(CatalogueTranslator())
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        self.index_choices()
        if self.settings.watch:
            self.watcher = FileWatcher(
                Path(self.service.knowledge.path),
                self._file_changed,
                debounce_ms=self.watch_debounce_ms,
                wait=self.external_wait,
            )
            self.watcher.start()

    async def close(self) -> None:
        """Stop the file watcher, then disconnect."""
        if self.watcher is not None:
            await self.watcher.stop()
            self.watcher = None
        if self._indexing is not None:
            self._indexing.cancel()
        await super().close()

    async def on_ready(self) -> None:
        """Log who we are once connected (the token is never logged)."""
        user = self.user
        log.info(
            "Connected as %s (%s) to %d server(s)", user, user.id if user else "?", len(self.guilds)
        )

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        """Forget the figures of a server the bot left."""
        self.tally.forget(guild.id)

    async def on_command_error(
        self, ctx: commands.Context[Any], error: commands.CommandError, /
    ) -> None:
        """Answer a failed prefix command with the one error policy."""
        await handle_command_error(ctx, error)

    async def reload_knowledge(self) -> ReloadResult:
        """Reload the knowledge file off the event loop; the old knowledge serves until the swap."""
        result = await asyncio.to_thread(self.service.reload)
        self.last_reload = LastReload(time.time(), result)
        level = logging.INFO if result.ok else logging.WARNING
        log.log(level, "%s", result.summary())
        if result.ok:
            self.index_choices()
        return result

    def shard_latencies(self) -> list[tuple[int, float]]:
        """Return each shard's heartbeat latency in seconds (shard 0 alone when unsharded)."""
        return [(0, self.latency)]

    def index_choices(self) -> asyncio.Task[None] | None:
        """Build the autocomplete index of the knowledge in service, in a worker thread.

        Until it is built, autocomplete offers the first entries' questions: it never builds
        an index, nor scans the knowledge, on the event loop.
        """
        knowledge = self.service.knowledge
        if self.choices is not None and self.choices.digest == knowledge.digest:
            return None
        if self._indexing is not None and not self._indexing.done():
            return self._indexing  # it checks the digest again when it ends

        async def build() -> None:
            while self.choices is None or self.choices.digest != self.service.knowledge.digest:
                self.choices = await asyncio.to_thread(
                    CompletionIndex.build, self.service.knowledge
                )

        self._indexing = asyncio.get_running_loop().create_task(build())
        return self._indexing

    def complete_question(self, current: str, user_id: int | None = None) -> list[str]:
        """Return the autocomplete choices for what is typed so far (bounded work).

        A person typing faster than ``AUTOCOMPLETE_RATE`` per ``AUTOCOMPLETE_PER_SECONDS``
        (a script, not a hand) gets no choices until the window passes.
        """
        if user_id is not None and self.autocomplete_limit.hit(user_id) is not None:
            return []
        knowledge = self.service.knowledge
        index = self.choices
        if index is None or index.digest != knowledge.digest:
            self.index_choices()
            return quick_choices(knowledge, current)
        return index.complete(current)

    async def _file_changed(self) -> None:
        """Reload after the watcher saw the file change; post the result to the admin channel."""
        before = self.service.knowledge.digest
        result = await self.reload_knowledge()
        if result.ok and self.service.knowledge.digest == before:
            return  # saved without changes: nothing to report
        channel_id = self.settings.admin_channel_id
        channel = self.get_channel(channel_id) if channel_id else None
        if not isinstance(channel, discord.abc.Messageable):
            return  # no admin channel in this process's servers: the log line above suffices
        try:
            await channel.send(**reload_report(result, trigger="the file changed"))
        except discord.HTTPException as exc:
            log.warning("Could not post the reload report to channel %s: %s", channel_id, exc)


class ShardedOnemBot(OnemBot, commands.AutoShardedBot):
    """The same bot on Discord's gateway sharding, for large deployments or several processes."""

    def shard_latencies(self) -> list[tuple[int, float]]:
        """Return the heartbeat latency of every shard this process runs."""
        return list(self.latencies)


def create_bot(
    settings: Settings,
    service: KnowledgeService,
    unanswered: UnansweredLog | None = None,
    **options: Any,
) -> OnemBot:
    """Build the bot the settings ask for: sharded when shard_count or shard_ids are set.

    ``shard_count: auto`` leaves the count to Discord (its recommendation from /gateway/bot).
    """
    # The bot never joins voice channels: the voice libraries' absence is not worth a warning.
    discord.VoiceClient.warn_nacl = False
    discord.VoiceClient.warn_dave = False
    if settings.sharded:
        count = None if settings.shard_count == "auto" else settings.shard_count
        options.setdefault("shard_count", count)
        if settings.shard_ids is not None:
            options.setdefault("shard_ids", list(settings.shard_ids))
        return ShardedOnemBot(settings=settings, service=service, unanswered=unanswered, **options)
    return OnemBot(settings=settings, service=service, unanswered=unanswered, **options)
