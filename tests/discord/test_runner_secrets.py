"""The token never shows: not in config errors, logs at DEBUG, tracebacks, or replies to users.

``tests/discord/test_runner.py`` checks the token filter on a log line and a traceback, and
``test_wire.py`` that a rejected token is neither printed nor captured by ``caplog``. Here:

- config errors quote wrong values; the token, pasted as the value of a setting or as a key,
  is never quoted (whether or not ``DISCORD_TOKEN`` holds it, when it looks like a token);
- a failed login at ``log_level: DEBUG``, the process's real log output (the handler the runner
  installs) holds no token, even when the server echoes it back in its error;
- a bot connected at DEBUG over the wire, whose handler fails with the token in the
  exception's message, logs the traceback with the token redacted and apologises to the user
  without it; a gateway RESUME (which carries the token) logs nothing secret either;
- in SimCord, every way of asking answers such a failure with the generic apology only.
"""

from __future__ import annotations

import asyncio
import dataclasses
import io
import logging
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from discord_kit import ANSWERED_Q, DECLINED_Q, World
from fake_discord import CHANNEL_ID, FakeDiscord, point_discord_at, serve_in_thread

from bot.core.service import KnowledgeService
from bot.discord.client import create_bot
from bot.discord.errors import APOLOGY
from bot.discord.runner import LOGIN_HELP, RedactToken, configure_logging, run_from_config
from bot.discord.settings import Settings, load_settings
from bot.store.unanswered import UnansweredLog

SHAPED = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB"
"""Shaped like a Discord bot token (not a real one)."""
PLAIN = "plain-secret-of-no-particular-shape"
"""A token of no recognisable shape: only known because DISCORD_TOKEN holds it."""


# --- config errors -----------------------------------------------------------------------------

CONFIGS = {
    "prefix": "prefix: {t}\n",
    "admin_user_ids[0]": "admin_user_ids: [{t}]\n",
    "owner_ids[1]": "owner_ids: [12, '{t}']\n",
    "log_level": "log_level: {t}\n",
    "dev_guild_id": "dev_guild_id: {t}\n",
    "listen_min_score": "listen_min_score: {t}\n",
    "shard_ids[0]": "shard_count: 2\nshard_ids: [{t}]\n",
    "token": "token: {t}\n",
    "DISCORD_TOKEN": "DISCORD_TOKEN: {t}\n",
    "{t}": "{t}: true\n",
    "knowledge_path": "knowledge_path: {t}\n",
}


CASES = [
    pytest.param(key, token, in_env, id=f"{key}-{name}-{'env' if in_env else 'no env'}")
    for key in CONFIGS
    for token, name in ((SHAPED, "token-shaped"), (PLAIN, "of no shape"))
    for in_env in (True, False)
    if in_env or token == SHAPED  # a secret of no shape is only known from DISCORD_TOKEN
]


@pytest.mark.parametrize(("key", "token", "in_env"), CASES)
def test_config_errors_never_quote_the_token(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    key: str,
    token: str,
    in_env: bool,
) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(CONFIGS[key].format(t=token))
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    if in_env:
        monkeypatch.setenv("DISCORD_TOKEN", token)
    assert run_from_config(config) == 2
    out = capsys.readouterr()
    assert token not in out.err + out.out, out.err
    line = out.err.strip().splitlines()[0]  # (a knowledge error lists its problems below)
    named = "[redacted]" if key == "{t}" else key
    if key == "knowledge_path":  # a valid setting: the file is missing, or the token is
        expected = "knowledge_path: " if in_env else "config error: DISCORD_TOKEN: "
    else:
        expected = f"config error: {named}: "
    assert line.startswith(expected), line


def test_the_settings_never_show_the_token(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("prefix: '?'\n")
    settings = load_settings(config, {"DISCORD_TOKEN": SHAPED})
    assert settings.token == SHAPED
    assert SHAPED not in repr(settings) and SHAPED not in str(settings)
    assert SHAPED not in f"{settings!r} {[settings]}"


def test_the_token_filter_stays_fast_on_huge_log_lines() -> None:
    """Every log line goes through the filter; a long run of letters (a base64 blob in a DEBUG
    gateway event) must not make its token pattern backtrack quadratically."""
    record = logging.LogRecord("discord.gateway", logging.DEBUG, __file__, 1, "%s", None, None)
    for blob in ("A" * 300_000, ("A" * 30 + ".") * 10_000, f"{'A' * 100_000}{SHAPED}"):
        record.msg, record.args = "event: %s", (blob,)
        start = time.thread_time()
        RedactToken(PLAIN).filter(record)
        assert time.thread_time() - start < 2.0
        assert SHAPED not in record.getMessage()


# --- a failed login at DEBUG, the process's own log output -------------------------------------


class EchoingFake(FakeDiscord):
    """A Discord (or a proxy in front of it) that rejects the token and quotes it back."""

    async def _route(
        self, method: str, path: str, body: Any, request: web.Request
    ) -> web.StreamResponse:
        header = request.headers.get("Authorization", "")
        return self._json({"message": f"401: Unauthorized ({header})", "code": 0}, status=401)


@pytest.fixture
def echoing_fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeDiscord]:
    """Run the echoing fake on its own loop in a thread (the runner calls asyncio.run)."""
    server = EchoingFake(token="never-accepted")
    yield from serve_in_thread(server, monkeypatch)


@pytest.fixture
def bare_root_logger(monkeypatch: pytest.MonkeyPatch) -> Iterator[logging.Logger]:
    """The root logger without handlers, as in a fresh process (so the runner installs its
    own, on stderr); pytest's handlers and the level come back afterwards."""
    root = logging.getLogger()
    level = root.level
    yield root
    for handler in root.handlers:
        handler.close()
    root.setLevel(level)


@pytest.mark.parametrize("token", [SHAPED, PLAIN])
def test_a_failed_login_at_debug_logs_no_token(
    echoing_fake: FakeDiscord,
    bare_root_logger: logging.Logger,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    token: str,
) -> None:
    knowledge = Path(__file__).parents[1] / "discord" / "fixtures" / "knowledge.yaml"
    config = tmp_path / "config.yaml"
    config.write_text(f"knowledge_path: {knowledge}\nlog_level: DEBUG\n")
    monkeypatch.setenv("DISCORD_TOKEN", token)
    monkeypatch.setattr(bare_root_logger, "handlers", [])  # pytest's come back after the test
    # the fake runs in this process too: its access log would outlive the captured stderr
    monkeypatch.setattr(logging.getLogger("aiohttp.access"), "disabled", True)
    assert run_from_config(config) == 1
    out = capsys.readouterr()
    (login,) = echoing_fake.find("GET", "/users/@me")
    assert login.headers["Authorization"] == f"Bot {token}"  # it was sent, and echoed back
    assert "has returned 401" in out.err  # discord.py's DEBUG lines were written
    assert LOGIN_HELP in out.err
    assert token not in out.err and token not in out.out


# --- a connected bot at DEBUG, failing with the token in its exception ---------------------------


@pytest.fixture
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    server = FakeDiscord(token=SHAPED)
    await server.start()
    point_discord_at(server, monkeypatch)
    yield server
    await server.stop()


@pytest.mark.allow_error_log
async def test_a_connected_bot_at_debug_logs_and_replies_no_token(
    fake: FakeDiscord,
    bot_settings: Settings,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = dataclasses.replace(bot_settings, token=SHAPED, log_level="DEBUG")
    root = logging.getLogger()
    level = root.level
    caplog.set_level(logging.DEBUG)
    stream = io.StringIO()
    process_handler = logging.StreamHandler(stream)  # as if it were the process's stderr
    root.addHandler(process_handler)
    redact = configure_logging(settings)
    service = KnowledgeService.from_path(settings.knowledge_path)
    unanswered = UnansweredLog(settings.unanswered_log_path)
    bot = create_bot(settings, service, unanswered, guild_ready_timeout=0.05)

    def leaky(
        question: str,
        after: str | None = None,
        *,
        declined: str | None = None,
        before: str | None = None,
        asked: str | None = None,
        answered: str | None = None,
    ) -> object:
        raise RuntimeError(f"the answer store refused Bot {SHAPED}")

    try:
        task = asyncio.create_task(bot.start(settings.token))
        await asyncio.wait_for(bot.wait_until_ready(), 10)
        monkeypatch.setattr(service, "ask", leaky)
        await fake.dispatch("MESSAGE_CREATE", fake.message(f"!ask {ANSWERED_Q}"))
        await fake.dispatch("MESSAGE_CREATE", fake.message(f"<@{bot.user.id}> {ANSWERED_Q}"))
        posts = await fake.wait_for(
            lambda: (
                len(found := fake.find("POST", f"/channels/{CHANNEL_ID}/messages")) >= 2 and found
            )
        )
        await fake.request_reconnect()
        (resume,) = await fake.wait_for(lambda: fake.frames(6))
        assert resume["d"]["token"] == SHAPED  # the token crossed the wire on RESUME...
        await bot.close()
        await asyncio.wait_for(task, 10)
    finally:
        root.removeHandler(process_handler)
        for handler in root.handlers:
            handler.removeFilter(redact)
        root.setLevel(level)
    assert fake.frames(2)[0]["d"]["token"] == SHAPED  # ...and on IDENTIFY
    for post in posts:
        assert post.json["content"] == APOLOGY
    logged = caplog.text + stream.getvalue()
    assert SHAPED not in logged  # ...yet no log line, at DEBUG, shows it
    assert "RuntimeError: the answer store refused Bot [redacted]" in stream.getvalue()
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 2 and all(r.exc_text and SHAPED not in r.exc_text for r in errors)
    assert any(r.name.startswith("discord.gateway") for r in caplog.records)  # DEBUG was on


# --- in SimCord: every way of asking ------------------------------------------------------------


@pytest.mark.allow_error_log
async def test_failures_are_answered_with_the_apology_only(
    world: World, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    token = world.bot.settings.token
    settings = dataclasses.replace(world.bot.settings, token=SHAPED)
    world.bot.settings = settings
    redact = configure_logging(settings)

    def leaky(*args: object, **kwargs: object) -> object:
        raise RuntimeError(f"the answer store refused Bot {SHAPED} ({token})")

    try:
        await world.alice.send(world.general, f"!ask {DECLINED_Q}")
        declined = world.general.last_message
        monkeypatch.setattr(world.bot.service, "ask", leaky)
        monkeypatch.setattr(world.bot.service, "answer_entry", leaky)
        replies = []
        await world.alice.send(world.general, f"{world.bot.user.mention} {ANSWERED_Q}")
        replies.append(world.general.last_message.content)
        await world.bob.send(world.general, f"!ask {ANSWERED_Q}")
        replies.append(world.general.last_message.content)
        await world.outsider.send_dm(ANSWERED_Q)
        replies.append(world.outsider.dm_channel.last_message.content)
        slash = await world.alice.slash(world.general, "ask", question=ANSWERED_Q)
        assert slash.response is not None and slash.ephemeral
        replies.append(slash.response.content)
        pressed = await world.bob.click(declined, custom_id="onem:entry:us-allocation")
        assert pressed.response is not None and pressed.ephemeral
        replies.append(pressed.response.content)
    finally:
        for handler in logging.getLogger().handlers:
            handler.removeFilter(redact)
    assert replies == [APOLOGY] * 5
    assert SHAPED not in caplog.text and "[redacted]" in caplog.text
    assert len(world.env.errors) >= 2  # SimCord saw the prefix and slash failures
