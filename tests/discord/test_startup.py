"""Starting against an unreachable or refusing Discord: capped back-off, never for a bad token."""

from __future__ import annotations

import asyncio
import logging
import socket

import discord
import pytest
from fake_discord import FakeDiscord, point_discord_at

from bot.core.service import KnowledgeService
from bot.discord.client import OnemBot, create_bot
from bot.discord.settings import Settings
from bot.discord.startup import Backoff, retryable, start_with_retries


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Attempts:
    """Builds the bots, records the waits between attempts (instead of sleeping)."""

    def __init__(self, settings: Settings, service: KnowledgeService) -> None:
        self.settings, self.service = settings, service
        self.bots: list[OnemBot] = []
        self.waits: list[float] = []
        self.before_wait = lambda: None

    def make(self) -> OnemBot:
        self.bots.append(create_bot(self.settings, self.service, guild_ready_timeout=0.05))
        return self.bots[-1]

    async def wait(self, seconds: float) -> bool:
        self.waits.append(seconds)
        self.before_wait()
        return False


def test_backoff_doubles_up_to_its_cap() -> None:
    assert list(Backoff(retries=9).delays()) == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert list(Backoff(retries=0).delays()) == []


def test_network_trouble_is_retried_and_settings_problems_are_not() -> None:
    assert retryable(ConnectionRefusedError(111, "Connection refused"))
    assert retryable(TimeoutError())
    assert not retryable(discord.LoginFailure("Improper token has been passed."))
    assert not retryable(discord.PrivilegedIntentsRequired(None))
    assert not retryable(ValueError("a bug"))


async def test_retries_until_discord_is_reachable(
    fake: FakeDiscord,
    settings: Settings,
    service: KnowledgeService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(discord.http.Route, "BASE", f"http://127.0.0.1:{_closed_port()}/api/v10")
    fake.outage = 1  # then, once reachable, Discord answers 503 once
    attempts = Attempts(settings, service)

    def network_back() -> None:
        if len(attempts.waits) == 2:
            point_discord_at(fake, monkeypatch)

    attempts.before_wait = network_back
    task = asyncio.create_task(
        start_with_retries(attempts.make, settings.token, backoff=Backoff(), wait=attempts.wait)
    )
    await fake.wait_for(lambda: fake.frames(2), within=10)  # IDENTIFY: connected at last
    assert attempts.waits == [1, 2, 4]  # refused, refused, 503: each wait twice the last
    assert len(fake.find("GET", "/users/@me")) == 2  # the 503 and the login that worked
    await asyncio.wait_for(attempts.bots[-1].wait_until_ready(), 10)
    await attempts.bots[-1].close()
    await asyncio.wait_for(task, 10)
    assert len(attempts.bots) == 4 and all(b.is_closed() for b in attempts.bots)


@pytest.mark.allow_error_log
async def test_gives_up_after_the_last_retry(
    settings: Settings, service: KnowledgeService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(discord.http.Route, "BASE", f"http://127.0.0.1:{_closed_port()}/api/v10")
    attempts = Attempts(settings, service)
    with pytest.raises(OSError):
        await start_with_retries(
            attempts.make, settings.token, backoff=Backoff(retries=2), wait=attempts.wait
        )
    assert attempts.waits == [1, 2] and len(attempts.bots) == 3


async def test_a_rejected_token_is_never_retried(
    fake: FakeDiscord, settings: Settings, service: KnowledgeService
) -> None:
    fake.reject_token = True
    attempts = Attempts(settings, service)
    with pytest.raises(discord.LoginFailure):
        await start_with_retries(
            attempts.make, settings.token, backoff=Backoff(), wait=attempts.wait
        )
    assert attempts.waits == [] and len(fake.find("GET", "/users/@me")) == 1


async def test_a_refused_intent_is_never_retried(
    fake: FakeDiscord, settings: Settings, service: KnowledgeService
) -> None:
    fake.close_code = 4014
    attempts = Attempts(settings, service)
    with pytest.raises(discord.PrivilegedIntentsRequired):
        await start_with_retries(
            attempts.make, settings.token, backoff=Backoff(), wait=attempts.wait
        )
    assert attempts.waits == [] and len(fake.frames(2)) == 1


def test_no_voice_warnings_at_start(
    settings: Settings,
    service: KnowledgeService,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(discord.VoiceClient, "warn_nacl", True)  # as in a fresh process
    monkeypatch.setattr(discord.VoiceClient, "warn_dave", True)
    caplog.set_level(logging.WARNING, logger="discord")
    create_bot(settings, service)
    assert [r for r in caplog.records if r.name.startswith("discord")] == []
