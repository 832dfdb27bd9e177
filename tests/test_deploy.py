"""The systemd unit and its files in deploy/: restart policy, token handling, hardening."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from bot.cli import build_parser
from bot.discord.settings import settings_from_mapping

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"
UNIT = DEPLOY / "onem-bot.service"


def unit_settings() -> dict[str, dict[str, list[str]]]:
    """Return the unit's sections: key -> every value it is given (systemd allows repeats)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] | None = None
    for number, raw in enumerate(UNIT.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), {})
            continue
        key, sep, value = line.partition("=")
        assert sep and current is not None, f"line {number} is not key=value: {raw!r}"
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


def test_the_unit_restarts_on_failure_but_not_on_a_bad_config() -> None:
    service = unit_settings()["Service"]
    assert service["Restart"] == ["on-failure"]
    assert service["RestartPreventExitStatus"] == ["2"]  # config/knowledge errors: exit code 2
    assert int(service["RestartSec"][0]) >= 5


def test_the_token_comes_from_an_environment_file_only() -> None:
    service = unit_settings()["Service"]
    assert service["EnvironmentFile"] == ["/etc/onem-bot/onem-bot.env"]
    assert not any("DISCORD_TOKEN" in v for v in service.get("Environment", []))
    assert "DISCORD_TOKEN" not in " ".join(service["ExecStart"])
    example = (DEPLOY / "onem-bot.env.example").read_text(encoding="utf-8")
    assert "DISCORD_TOKEN=\n" in example and "0600" in example  # no value shipped


def test_the_unit_is_hardened() -> None:
    service = unit_settings()["Service"]
    for key, value in {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "ProtectHome": "yes",
        "PrivateTmp": "yes",
        "PrivateDevices": "yes",
        "RestrictSUIDSGID": "yes",
        "CapabilityBoundingSet": "",
        "UMask": "0077",
    }.items():
        assert service.get(key) == [value], key
    assert service["User"] != ["root"] and service["StateDirectory"] == ["onem-bot"]


def test_the_unit_runs_the_bot_with_the_deploy_config() -> None:
    command = shlex.split(unit_settings()["Service"]["ExecStart"][0])
    assert command[:3] == ["/opt/onem-bot/.venv/bin/python", "-m", "bot"]
    args = build_parser().parse_args(command[3:])
    assert args.command == "run" and str(args.config) == "/etc/onem-bot/config.yaml"
    data = yaml.safe_load((DEPLOY / "onem-bot.config.yaml").read_text(encoding="utf-8"))
    settings = settings_from_mapping(data, token="t" * 30, base=Path("/etc/onem-bot"))
    assert str(settings.unanswered_log_path).startswith("/var/lib/onem-bot/")  # StateDirectory


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_systemd_accepts_the_unit(tmp_path: Path) -> None:
    done = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", str(UNIT)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    # the only complaint allowed: the interpreter is not installed at /opt here
    problems = [
        line
        for line in (done.stdout + done.stderr).splitlines()
        if line.strip() and "/opt/onem-bot/.venv/bin/python" not in line
    ]
    assert problems == []
