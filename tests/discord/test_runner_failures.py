"""Every failure is one clear line with the right exit code, and nothing is left half-done.

The attacks on ``main``:

- gateway close codes 4004 and 4010-4013 escaped as tracebacks (4011, "sharding required", is
  what every bot in 2,500 servers or more meets);
- ``ask --json -`` with invalid UTF-8 on stdin crashed, or echoed the invalid bytes;
- a closed stdout pipe ended in a traceback;
- a FIFO swapped in for the knowledge file blocked the reload for ever;
- a question deleted before the reply logged an ERROR with a traceback and an apology
  (``tests/discord/test_wire.py``: the fake Discord refuses such replies as Discord does).
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from fake_discord import FakeDiscord, serve_in_thread

from bot.core.knowledge.errors import KnowledgeError
from bot.core.knowledge.loader import load_knowledge
from bot.core.service import KnowledgeService
from bot.discord.runner import run_from_config
from bot.discord.settings import ConfigError, load_settings

ROOT = Path(__file__).resolve().parents[2]


def python_m_bot(*args: str, stdin: bytes = b"", env: dict[str, str] | None = None) -> Any:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=False,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize(
    ("code", "says"),
    [
        (4004, "rejected the token"),
        (4010, "shard_count and shard_ids"),
        (4011, "requires sharding"),
        (4012, "upgrade discord.py"),
        (4013, "intents"),
    ],
)
def test_gateway_refusals_exit_1_with_one_line(
    code: int,
    says: str,
    tmp_path: Path,
    bot_knowledge: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    server = FakeDiscord(close_code=code)
    fake = serve_in_thread(server, monkeypatch)
    next(fake)
    try:
        monkeypatch.setenv("DISCORD_TOKEN", "test-token-not-real")
        config = tmp_path / "config.yaml"
        config.write_text(f"knowledge_path: {bot_knowledge}\n")
        assert run_from_config(config) == 1
    finally:
        next(fake, None)
    err = capsys.readouterr().err.strip()
    assert says in err and "\n" not in err and "Traceback" not in err, err
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR and r.exc_info]


def test_bad_bytes_on_stdin_skip_that_line_only(mini_path: Path) -> None:
    lines = b"How many 1Ms is the US getting?\n\xff\xfe broken \xc3\n" + b"what limits production\n"
    proc = python_m_bot("ask", "--json", "-k", str(mini_path), "-", stdin=lines)
    assert proc.returncode == 1
    replies = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert [r["question"] for r in replies] == [
        "How many 1Ms is the US getting?",
        "what limits production",
    ]
    assert proc.stderr.decode() == "stdin line 2 is not UTF-8 text; skipped it\n"
    # under a C locale too: never invalid UTF-8 on stdout
    c_locale = python_m_bot(
        "ask", "--json", "-k", str(mini_path), "-", stdin=lines, env={"LC_ALL": "C.UTF-8"}
    )
    c_locale.stdout.decode("utf-8")  # strict: raises if an invalid byte went through
    assert c_locale.returncode == 1


def test_a_closed_output_pipe_is_one_line_not_a_traceback(mini_path: Path) -> None:
    read, write = os.pipe()
    os.close(read)  # the reader went away (``| head -0``)
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "-k", str(mini_path), "-"],
        input=b"how many 1ms is the us getting\n" * 200,
        stdout=write,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    os.close(write)
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert err == "onem-bot: the output was closed before everything was written\n", err


def test_a_fifo_in_place_of_the_knowledge_file_never_blocks(
    tmp_path: Path, kb_bytes: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "onem.yaml"
    path.write_bytes(kb_bytes)
    service = KnowledgeService.from_path(path)
    regular = tmp_path / "regular.yaml"
    regular.write_bytes(kb_bytes)
    path.unlink()
    os.mkfifo(path)  # swapped in: nobody will ever write to it
    # the swap happens between a check and the open: a check of the path still sees the file
    real_stat = Path.stat

    def stale_stat(self: Path, **kwargs: Any) -> os.stat_result:
        return real_stat(regular if self == path else self, **kwargs)

    monkeypatch.setattr(Path, "stat", stale_stat)
    done = threading.Event()
    outcome: list[object] = []

    def reload() -> None:
        outcome.append(service.reload())
        done.set()

    threading.Thread(target=reload, daemon=True).start()
    assert done.wait(10), "the reload blocked on a FIFO"
    (result,) = outcome
    assert not result.ok  # type: ignore[attr-defined]
    assert "not a regular file" in str(result.problems[0])  # type: ignore[attr-defined]
    with pytest.raises(KnowledgeError, match="not a regular file"):
        load_knowledge(path)


# A question deleted before the reply: tests/discord/test_wire.py (SimCord accepts replies to
# deleted messages; the fake Discord refuses them as Discord does).


@pytest.mark.parametrize(
    ("text", "key", "says"),
    [
        ("cooldown_per_seconds: .inf\n", "cooldown_per_seconds", "at most 86400"),
        ("admin_cooldown_per_seconds: .nan\n", "admin_cooldown_per_seconds", "at most 86400"),
        ('knowledge_path: "onem\\0.yaml"\n', "knowledge_path", "file path"),
        ("unanswered_log_path: ~nosuchuser-onem/log.jsonl\n", "unanswered_log_path", "home"),
        ("prefix: '?'\nwatch: true\nprefix: '!'\n", "prefix", "set twice"),
    ],
)
def test_config_values_that_would_fail_at_run_time_are_refused(
    tmp_path: Path, text: str, key: str, says: str
) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_settings(config, {"DISCORD_TOKEN": "a-test-token-that-is-long-enough"})
    (error,) = caught.value.errors
    assert error.key == key and says in error.message
    assert "config.yaml:" in error.message  # with the line it is on


def test_a_deeply_nested_config_is_one_clear_problem(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("prefix: " + "[" * 50_000 + "]" * 50_000 + "\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(config, {"DISCORD_TOKEN": "a-test-token-that-is-long-enough"})
    assert len(caught.value.errors) == 1 and "\n" not in str(caught.value)


def test_every_config_problem_is_reported_at_once_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("prefix: ''\nwatch: true\ncooldown_rate: -1\nlog_level: LOUD\nwatch: no\n")
    monkeypatch.setenv("DISCORD_TOKEN", "a-test-token-that-is-long-enough")
    assert run_from_config(config) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert [line.split(":")[1].strip() for line in lines] == [
        "watch",
        "prefix",
        "cooldown_rate",
        "log_level",
    ]
    assert [line.rsplit(":", 1)[1].rstrip(")") for line in lines] == ["5", "1", "3", "4"]
    assert all(line.startswith("config error: ") for line in lines)
