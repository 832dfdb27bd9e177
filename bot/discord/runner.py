"""``python -m bot run --config PATH``: validate the settings, load the knowledge, run the bot."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from pathlib import Path
from typing import TextIO

import discord

from ..core.knowledge.errors import KnowledgeError
from ..core.service import KnowledgeService
from ..logs import use_format
from ..redaction import redact
from ..store.unanswered import UnansweredLog
from .client import OnemBot, create_bot
from .settings import ConfigError, Settings, load_settings
from .startup import Backoff, start_with_retries

log = logging.getLogger("bot.discord")

EXIT_OK, EXIT_FAILED, EXIT_CONFIG = 0, 1, 2
INTENT_HELP = (
    "Discord refused the Message Content intent. Enable it in the Developer Portal: your "
    "application -> Bot -> Privileged Gateway Intents -> Message Content Intent."
)
LOGIN_HELP = (
    "Discord rejected the token in DISCORD_TOKEN. Copy a fresh one from the Developer Portal "
    "(your application -> Bot -> Reset Token)."
)

CLOSE_HELP = {
    4004: LOGIN_HELP,
    4010: "Discord refused the shard settings (invalid shard): check shard_count and shard_ids "
    "(every shard number must be below shard_count).",
    4011: "Discord requires sharding for this bot: it is in too many servers (2,500 or more) for "
    "one connection. Set shard_count in the config (one shard per 1,000 servers is plenty); "
    "see 'Sharding' in the README.",
    4012: "Discord refused the gateway API version this discord.py speaks; upgrade discord.py.",
    4013: "Discord refused the gateway intents as invalid; this version of the bot asks for an "
    "intents value Discord does not accept. Upgrade the bot.",
    4014: INTENT_HELP,
}
"""One line for each gateway close code that means "do not reconnect"."""


def close_help(code: int | None) -> str:
    """Return the one line that explains a gateway close code the bot cannot recover from."""
    return CLOSE_HELP.get(code or 0, f"Discord closed the connection (close code {code}).")


class RedactToken(logging.Filter):
    """Replace the token, and anything shaped like a token, in log lines and tracebacks."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record without the token; never drop it."""
        message = record.getMessage()
        clean = redact(message, self.token)
        if clean != message:
            record.msg = clean
            record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            text = logging.Formatter().formatException(record.exc_info)
            clean = redact(text, self.token)
            if clean != text:
                record.exc_text = clean
                record.exc_info = None
        return True


def configure_logging(settings: Settings) -> RedactToken:
    """Log at the configured level (or lower, if -v asked for it), timestamped, in the configured
    format, with the token redacted."""
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(stream=sys.stderr)
    use_format(settings.log_format, root)
    level = logging.getLevelName(settings.log_level)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    redact = RedactToken(settings.token)
    for handler in root.handlers:
        handler.addFilter(redact)
    return redact


def build(settings: Settings) -> tuple[KnowledgeService, UnansweredLog]:
    """Load the knowledge file and open the unanswered log; raise KnowledgeError if invalid."""
    service = KnowledgeService.from_path(
        settings.knowledge_path, max_question_chars=settings.max_question_chars
    )
    unanswered = UnansweredLog(
        settings.unanswered_log_path,
        max_bytes=settings.unanswered_log_max_bytes,
        protected=(settings.knowledge_path,),
    )
    return service, unanswered


async def serve(settings: Settings, service: KnowledgeService, unanswered: UnansweredLog) -> None:
    """Run the bot until it is closed or the process gets SIGINT/SIGTERM.

    While Discord cannot be reached at start, it tries again after 1, 2, 4 ... (at most 60)
    seconds, ``startup_retries`` times; a rejected token or intent is never retried.
    """
    from .learning import open_store

    # One store for every start-up attempt; the bot records into it but does not own it.
    store = await open_store(settings, service)
    stop = asyncio.Event()
    current: list[OnemBot] = []
    closing: set[asyncio.Future[None]] = set()

    def make_bot() -> OnemBot:
        current[:] = [create_bot(settings, service, unanswered, store=store)]
        return current[0]

    def shut_down() -> None:
        stop.set()
        if current:
            task = asyncio.ensure_future(current[0].close())
            closing.add(task)
            task.add_done_callback(closing.discard)

    async def wait(seconds: float) -> bool:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), seconds)
        return stop.is_set()

    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, shut_down)
    backoff = Backoff(retries=settings.startup_retries)
    try:
        await start_with_retries(make_bot, settings.token, backoff=backoff, wait=wait)
    finally:
        if store is not None:
            await asyncio.to_thread(store.close)  # writes what is still queued


def run_from_config(path: str | Path, *, stderr: TextIO | None = None) -> int:
    """Start the bot from a config file; return the process exit code (2: bad configuration)."""
    err = stderr or sys.stderr
    try:
        settings = load_settings(path)
    except ConfigError as exc:
        for problem in exc.errors:  # every problem at once, one line each
            print(f"config error: {problem}", file=err)
        return EXIT_CONFIG
    configure_logging(settings)
    if settings.listen_channel_ids and not settings.message_content:
        log.warning(
            "message_content is false: plain questions in listen_channel_ids are not answered "
            "(Discord does not send their text); mentions, DMs, /ask and buttons still work"
        )
    try:
        service, unanswered = build(settings)
    except KnowledgeError as exc:
        print(redact(f"knowledge_path: {exc}", settings.token), file=err)
        return EXIT_CONFIG
    log.info(
        "Loaded %s: %d entries, %d sources",
        settings.knowledge_path,
        len(service.knowledge.entries),
        len(service.knowledge.sources),
    )
    try:
        asyncio.run(serve(settings, service, unanswered))
    except KeyboardInterrupt:
        return EXIT_OK
    except discord.LoginFailure:
        print(LOGIN_HELP, file=err)
        return EXIT_FAILED
    except discord.PrivilegedIntentsRequired:
        print(INTENT_HELP, file=err)
        return EXIT_FAILED
    except discord.ConnectionClosed as exc:
        print(close_help(exc.code), file=err)
        return EXIT_FAILED
    except (OSError, discord.HTTPException, discord.GatewayNotFound) as exc:
        print(redact(f"cannot connect to Discord: {exc}", settings.token), file=err)
        return EXIT_FAILED
    return EXIT_OK
