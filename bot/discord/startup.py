"""Starting the bot: retry with capped exponential back-off while Discord cannot be reached."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass

import aiohttp
import discord

from .client import OnemBot

log = logging.getLogger("bot.discord")

FATAL_CLOSE_CODES = frozenset({4004, 4010, 4011, 4012, 4013, 4014})
"""Gateway close codes that mean "fix the settings": retrying cannot help."""


@dataclass(frozen=True, slots=True)
class Backoff:
    """Waits between start attempts: ``first`` seconds, times ``factor`` each time, at most
    ``cap``; ``retries`` attempts after the first one (0: give up at the first failure)."""

    retries: int = 8
    first: float = 1.0
    factor: float = 2.0
    cap: float = 60.0

    def delays(self) -> Iterator[float]:
        """Yield the wait before each retry."""
        delay = self.first
        for _ in range(self.retries):
            yield min(delay, self.cap)
            delay *= self.factor


def retryable(error: BaseException) -> bool:
    """Return whether a start failure is the network's or Discord's (worth a retry).

    A rejected token, a refused intent or refused shard settings are never retried: they fail
    the same way every time until someone changes the settings.
    """
    if isinstance(error, discord.LoginFailure | discord.PrivilegedIntentsRequired):
        return False
    if isinstance(error, discord.ConnectionClosed):
        return error.code not in FATAL_CLOSE_CODES
    if isinstance(error, discord.DiscordServerError | discord.GatewayNotFound):
        return True
    if isinstance(error, discord.HTTPException):
        return False  # a 4xx answer: Discord understood and refused
    return isinstance(error, OSError | aiohttp.ClientError | asyncio.TimeoutError)


Wait = Callable[[float], Awaitable[bool]]
"""Wait this many seconds before the next attempt; return True if the bot should stop instead."""


async def start_with_retries(
    make_bot: Callable[[], OnemBot],
    token: str,
    *,
    backoff: Backoff,
    wait: Wait,
) -> None:
    """Start a fresh bot until one connects; wait longer after each network failure.

    Returns when the bot is closed; raises the last error when it is not worth retrying or
    the retries are used up. Each attempt builds a new bot: a bot that failed to log in is
    closed and cannot be started again.
    """
    delays = backoff.delays()
    attempt = 1
    while True:
        bot = make_bot()
        try:
            async with bot:
                await bot.start(token)
            return
        except Exception as exc:
            if not retryable(exc):
                raise
            delay = next(delays, None)
            if delay is None:
                log.error("Cannot reach Discord after %d attempt(s): %s", attempt, _why(exc))
                raise
            log.warning(
                "Cannot reach Discord (%s); trying again in %.0f s (attempt %d of %d)",
                _why(exc),
                delay,
                attempt + 1,
                backoff.retries + 1,
            )
        if await wait(delay):
            return
        attempt += 1


def _why(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
