"""Starting the bot: config errors exit 2 with one line, layering, the token filter, the watcher."""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from discord_kit import KNOWLEDGE

from bot.core.knowledge.loader import default_knowledge_path
from bot.core.service import KnowledgeService
from bot.discord.client import OnemBot, ShardedOnemBot, create_bot
from bot.discord.runner import RedactToken, run_from_config
from bot.discord.settings import Settings
from bot.discord.watch import FileWatcher

ROOT = Path(__file__).resolve().parents[2]


def _run_bot(config: Path, token: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    if token is not None:
        env["DISCORD_TOKEN"] = token
    return subprocess.run(
        [sys.executable, "-m", "bot", "run", "--config", str(config)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    "config, token, key",
    [
        ("prefix: '!'\n", None, "DISCORD_TOKEN"),
        ("prefix: '!'\ntoken: abc\n", "abc", "token"),
        ("cooldown_rate: -1\n", "t", "cooldown_rate"),
        ("admin_role_ids: [12, nope]\n", "t", "admin_role_ids[1]"),
        ("wacth: true\n", "t", "wacth"),
        ("listen_min_score: 2\n", "t", "listen_min_score"),
    ],
)
def test_bad_config_exits_2_with_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    config: str,
    token: str | None,
    key: str,
) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(config)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    if token is not None:
        monkeypatch.setenv("DISCORD_TOKEN", token)
    assert run_from_config(path) == 2
    out = capsys.readouterr()
    lines = out.err.strip().splitlines()
    assert len(lines) == 1, out.err
    assert lines[0].startswith(f"config error: {key}:")
    assert out.out == ""


def test_cli_config_error_has_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("token: abc\n")
    done = _run_bot(path, None)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [  # every problem at once, with its line
        "config error: token: never put the bot token in the config file; remove 'token' and "
        "set the DISCORD_TOKEN environment variable instead (config.yaml:1)",
        "config error: DISCORD_TOKEN: the bot token is missing; set the DISCORD_TOKEN "
        "environment variable",
    ]


def test_missing_config_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_from_config(tmp_path / "nope.yaml") == 2
    err = capsys.readouterr().err
    assert "config file not found" in err and len(err.strip().splitlines()) == 1


def test_broken_knowledge_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "kb.yaml"
    broken.write_text("sources: []\nentries: nope\n")
    config = tmp_path / "config.yaml"
    config.write_text(f"knowledge_path: {broken.name}\n")
    monkeypatch.setenv("DISCORD_TOKEN", "t")
    assert run_from_config(config) == 2
    err = capsys.readouterr().err
    assert err.startswith("knowledge_path: 2 problems in the knowledge file")
    assert "kb.yaml:1:" in err


def test_core_and_cli_do_not_import_discord() -> None:
    code = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        import bot.core, bot.authoring, bot.cli, bot.chat
        for package in (bot.core, bot.authoring):
            for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
                importlib.import_module(info.name)
        bad = sorted(m for m in sys.modules if m == "discord" or m.startswith("discord."))
        print(len([m for m in sys.modules if m.startswith("bot.core.")]), ",".join(bad))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    imported, bad = done.stdout.split()[0], done.stdout.strip().partition(" ")[2]
    assert int(imported) >= 20 and bad == ""


def test_bot_package_never_imported_from_core() -> None:
    for path in (ROOT / "bot" / "core").glob("*.py"):
        text = path.read_text()
        assert "import discord" not in text and "from discord" not in text, path


def test_token_filter_redacts_messages_and_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    secret = "very.secret.token"
    logger = logging.getLogger("bot.test-redaction")
    handler = logging.StreamHandler()
    records: list[str] = []
    handler.emit = lambda record: records.append(handler.format(record))  # type: ignore[method-assign]
    handler.addFilter(RedactToken(secret))
    logger.addHandler(handler)
    try:
        logger.warning("token is %s", secret)
        try:
            raise ValueError(f"bad {secret}")
        except ValueError:
            logger.warning("failed", exc_info=True)
    finally:
        logger.removeHandler(handler)
    assert records and all(secret not in r for r in records)
    assert "token is [redacted]" in records[0] and "bad [redacted]" in records[1]


def test_sharding_settings_build_an_autosharded_bot() -> None:
    service = KnowledgeService.from_path(KNOWLEDGE)
    plain = create_bot(Settings(token="t", knowledge_path=KNOWLEDGE), service)
    sharded = create_bot(Settings(token="t", shard_count=4, shard_ids=(2, 3)), service)
    assert type(plain) is OnemBot
    assert isinstance(sharded, ShardedOnemBot)
    assert sharded.shard_count == 4 and sharded.shard_ids == [2, 3]
    assert plain.intents.message_content and not plain.intents.members


async def test_file_watcher_sees_saves_and_renames(tmp_path: Path) -> None:
    target = tmp_path / "onem.yaml"
    target.write_text("one")
    (tmp_path / "other.yaml").write_text("x")
    seen = asyncio.Event()
    calls: list[int] = []

    async def changed() -> None:
        calls.append(1)
        seen.set()

    watcher = FileWatcher(target, changed, debounce_ms=50)
    watcher.start()
    try:
        await asyncio.wait_for(watcher.ready.wait(), 5)
        (tmp_path / "other.yaml").write_text("y")  # another file: ignored
        await asyncio.sleep(0.3)
        assert calls == []
        target.write_text("two")
        await asyncio.wait_for(seen.wait(), 5)
        seen.clear()
        temp = tmp_path / ".onem.yaml.swp"
        temp.write_text("three")
        temp.replace(target)  # how many editors save
        await asyncio.wait_for(seen.wait(), 5)
    finally:
        await watcher.stop()
    assert len(calls) >= 2
    assert not watcher.running


def test_shipped_knowledge_file_smoke() -> None:
    service = KnowledgeService.from_path(default_knowledge_path())
    entry = service.knowledge.entries[0]
    reply = service.ask(entry.questions[0])
    assert reply.answered and reply.entry_id == entry.id
