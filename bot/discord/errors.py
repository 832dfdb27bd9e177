"""One error policy for prefix commands, slash commands, buttons and listeners."""

from __future__ import annotations

import logging
import math
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

log = logging.getLogger("bot.discord")

APOLOGY = (
    "Sorry, something went wrong on my side. The admins can find the details in the bot's log."
)
NOT_ADMIN = "Sorry, only the bot's admins can do that."
NOT_GLOBAL = "Sorry, only the bot's owners and global admins can do that: it affects every server."
NOT_OWNER = "Sorry, only the bot's owner can do that."
GUILD_ONLY = "That only works in a server, not in direct messages."
OUTDATED = "That command is out of date here; the bot's owner needs to sync the commands again."
NO_MENTIONS = discord.AllowedMentions.none()


class NotAdmin(commands.CheckFailure):
    """The user is neither a configured admin nor holds Manage Server."""

    def __init__(self) -> None:
        super().__init__(NOT_ADMIN)


class NotGlobalAdmin(commands.CheckFailure):
    """A server manager asked for something that affects every server (a reload)."""

    def __init__(self) -> None:
        super().__init__(NOT_GLOBAL)


class AdminSlowDown(commands.CheckFailure):
    """An admin ran admin commands faster than the admin limit allows."""

    def __init__(self, retry_after: float, *, notify: bool) -> None:
        self.retry_after = retry_after
        self.notify = notify
        super().__init__(admin_slow_down_text(retry_after))


def admin_slow_down_text(seconds: float) -> str:
    """Return the notice of the admin commands' own rate limit."""
    return f"That's a lot of admin commands; try again in {max(math.ceil(seconds), 1)}s."


def _unwrap(error: BaseException) -> BaseException:
    while isinstance(
        error,
        commands.CommandInvokeError | commands.HybridCommandError | app_commands.CommandInvokeError,
    ):
        inner = getattr(error, "original", None)
        if inner is None:
            break
        error = inner
    return error


def expected_message(error: BaseException, *, usage: str | None = None) -> str | None:
    """Return the short message for an expected error, or None if the error is unexpected."""
    error = _unwrap(error)
    if isinstance(error, NotAdmin):
        return NOT_ADMIN
    if isinstance(error, NotGlobalAdmin):
        return NOT_GLOBAL
    if isinstance(error, AdminSlowDown):
        return admin_slow_down_text(error.retry_after)
    if isinstance(error, commands.NotOwner):
        return NOT_OWNER
    if isinstance(error, commands.NoPrivateMessage | app_commands.NoPrivateMessage):
        return GUILD_ONLY
    if isinstance(error, commands.UserInputError):
        return f"Usage: `{usage}`" if usage else "I could not read that command."
    if isinstance(error, commands.CommandOnCooldown | app_commands.CommandOnCooldown):
        return f"Slow down a little; try again in {error.retry_after:.0f}s."
    if isinstance(error, commands.CheckFailure | app_commands.CheckFailure):
        return "Sorry, you can't use that here."
    if isinstance(error, app_commands.CommandSignatureMismatch | app_commands.CommandNotFound):
        return OUTDATED
    if isinstance(error, commands.DisabledCommand):
        return "That command is switched off."
    return None


def is_forbidden(error: BaseException, channel_id: int | None) -> bool:
    """Return (and log a warning) if Discord refused the bot's own action: nothing to reply."""
    if isinstance(_unwrap(error), discord.Forbidden):
        log.warning("Missing permissions in channel %s: %s", channel_id, _unwrap(error))
        return True
    return False


def log_unexpected(where: str, error: BaseException) -> None:
    """Log an unexpected error with its traceback (never the token: it is not in the message)."""
    error = _unwrap(error)
    log.error("Unexpected error in %s", where, exc_info=(type(error), error, error.__traceback__))


def _usage(ctx: commands.Context[Any]) -> str | None:
    command = ctx.command
    if command is None:
        return None
    signature = f" {command.signature}" if command.signature else ""
    return f"{ctx.clean_prefix}{command.qualified_name}{signature}"


async def handle_command_error(ctx: commands.Context[Any], error: BaseException) -> None:
    """Answer a failed command: a short message if expected, else log and apologise.

    A hybrid command run as a slash command is answered ephemerally, always (Discord shows
    the user an error if an interaction gets no answer).
    """
    if ctx.interaction is not None:
        where = ctx.command.qualified_name if ctx.command else None
        await handle_interaction_error(ctx.interaction, error, where=where)
        return
    if isinstance(_unwrap(error), commands.CommandNotFound):
        return  # someone typed the prefix and something else; not ours to answer
    if is_forbidden(error, ctx.channel.id):
        return
    inner = _unwrap(error)
    if isinstance(inner, AdminSlowDown) and not inner.notify:
        return  # one notice per window: a flood of admin commands gets no flood of replies
    text = expected_message(error, usage=_usage(ctx))
    if text is None:
        log_unexpected(f"command {ctx.command.qualified_name if ctx.command else '?'}", error)
        text = APOLOGY
    else:
        log.info(
            "Refused %s for user %s: %s", ctx.command, ctx.author.id, type(_unwrap(error)).__name__
        )
    await send_to_message(ctx.message, text)


async def handle_interaction_error(
    interaction: discord.Interaction[Any], error: BaseException, *, where: str | None = None
) -> None:
    """Answer a failed interaction once, ephemerally: a short message or a logged apology."""
    text = expected_message(error)
    name = where or (interaction.command.qualified_name if interaction.command else "interaction")
    if text is None:
        log_unexpected(name, error)
        text = APOLOGY
    else:
        log.info(
            "Refused %s for user %s: %s", name, interaction.user.id, type(_unwrap(error)).__name__
        )
    await send_to_interaction(interaction, text)


async def reply_to(message: discord.Message, **fields: Any) -> discord.Message | None:
    """Reply to a message; if it was deleted before the reply, log it and send nothing.

    Discord refuses a reply to a deleted message as an invalid form; that is told apart from
    a real error by looking the message up once.
    """
    try:
        return await message.reply(**fields)
    except discord.HTTPException as exc:
        if exc.status != 400 or not await _is_gone(message):
            raise
        log.info("Message %s was deleted before the reply; nothing sent", message.id)
        return None


async def _is_gone(message: discord.Message) -> bool:
    try:
        await message.channel.fetch_message(message.id)
    except discord.NotFound:
        return True
    except discord.HTTPException:
        return False
    return False


async def send_to_message(message: discord.Message, text: str) -> None:
    """Reply to a message with plain text that pings no one; log instead of raising."""
    try:
        await reply_to(message, content=text, allowed_mentions=NO_MENTIONS, mention_author=False)
    except discord.HTTPException as exc:
        log.warning("Could not reply in channel %s: %s", message.channel.id, exc)


async def send_to_interaction(interaction: discord.Interaction[Any], text: str) -> None:
    """Send an ephemeral message, as the response if none was sent yet, else as a followup."""
    if interaction.type is discord.InteractionType.autocomplete:
        return
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.response.send_message(
                text, ephemeral=True, allowed_mentions=NO_MENTIONS
            )
    except discord.HTTPException as exc:
        log.warning("Could not answer interaction %s: %s", interaction.id, exc)
