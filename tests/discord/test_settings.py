"""Settings: YAML plus DISCORD_TOKEN, every key validated, errors that name the key."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.core.knowledge.loader import default_knowledge_path
from bot.discord.settings import ConfigError, Settings, load_settings, settings_from_mapping

ROOT = Path(__file__).resolve().parents[2]
ENV = {"DISCORD_TOKEN": "  token-from-env  "}


def _load(tmp_path: Path, text: str, environ: dict[str, str] | None = None) -> Settings:
    path = tmp_path / "config.yaml"
    path.write_text(text)
    return load_settings(path, ENV if environ is None else environ)


def _error(tmp_path: Path, text: str, environ: dict[str, str] | None = None) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        _load(tmp_path, text, environ)
    return caught.value


def test_defaults(tmp_path: Path) -> None:
    settings = _load(tmp_path, "")
    assert settings.token == "token-from-env"
    assert settings.prefix == "!"
    assert settings.knowledge_path == default_knowledge_path()
    assert settings.unanswered_log_path == tmp_path / "unanswered.jsonl"
    assert settings.admin_role_ids == frozenset() and not settings.watch
    assert settings.shard_count is None and not settings.sharded


def test_shard_count_auto_and_the_new_switches(tmp_path: Path) -> None:
    settings = _load(
        tmp_path,
        "shard_count: auto\nmessage_content: false\nstartup_retries: 0\nlog_format: JSON\n",
    )
    assert settings.shard_count == "auto" and settings.sharded
    assert not settings.message_content and settings.startup_retries == 0
    assert settings.log_format == "json"


def test_every_key(tmp_path: Path) -> None:
    settings = _load(
        tmp_path,
        """
prefix: "?"
admin_role_ids: [111111111111111111, "222222222222222222"]
admin_user_ids: [333333333333333333]
owner_ids: [444444444444444444]
listen_channel_ids: [555555555555555555]
listen_min_score: 0.8
cooldown_rate: 3
cooldown_per_seconds: 30
max_question_chars: 500
dev_guild_id: 666666666666666666
knowledge_path: kb/onem.yaml
unanswered_log_path: /var/log/onem/unanswered.jsonl
unanswered_log_max_bytes: 200000
watch: true
admin_channel_id: 777777777777777777
shard_count: 4
shard_ids: [0, 1]
log_level: debug
""",
    )
    assert settings.prefix == "?"
    assert settings.admin_role_ids == {111111111111111111, 222222222222222222}
    assert settings.admin_user_ids == {333333333333333333}
    assert settings.owner_ids == {444444444444444444}
    assert settings.listen_channel_ids == {555555555555555555}
    assert settings.listen_min_score == 0.8
    assert (settings.cooldown_rate, settings.cooldown_per_seconds) == (3, 30.0)
    assert settings.max_question_chars == 500
    assert settings.dev_guild_id == 666666666666666666
    assert settings.knowledge_path == tmp_path / "kb" / "onem.yaml"  # relative to the config file
    assert settings.unanswered_log_path == Path("/var/log/onem/unanswered.jsonl")
    assert settings.unanswered_log_max_bytes == 200_000
    assert settings.watch is True and settings.admin_channel_id == 777777777777777777
    assert (settings.shard_count, settings.shard_ids) == (4, (0, 1)) and settings.sharded
    assert settings.log_level == "DEBUG"


def test_example_config_documents_every_key_and_loads(tmp_path: Path) -> None:
    example = ROOT / "config.example.yaml"
    data = yaml.safe_load(example.read_text())
    fields = set(Settings.__dataclass_fields__) - {"token"}
    assert set(data) == fields
    text = example.read_text()
    for key in fields:  # each key is introduced by a comment
        before = text[: text.index(f"\n{key}:")].rstrip().splitlines()[-1]
        assert before.lstrip().startswith("#"), key
    settings = load_settings(example, ENV)
    assert settings.token == "token-from-env"


def test_missing_token(tmp_path: Path) -> None:
    for environ in ({}, {"DISCORD_TOKEN": "   "}):
        error = _error(tmp_path, "prefix: '!'\n", environ)
        assert error.key == "DISCORD_TOKEN"
        assert "set the DISCORD_TOKEN environment variable" in str(error)


@pytest.mark.parametrize("key", ["token", "discord_token", "TOKEN", "bot_token"])
def test_token_in_the_file_is_refused(tmp_path: Path, key: str) -> None:
    error = _error(tmp_path, f"{key}: MTIzNDU2.abc.def\n")
    assert error.key == key
    assert "never put the bot token in the config file" in str(error)
    assert "MTIzNDU2" not in str(error)


@pytest.mark.parametrize(
    "text, key, words",
    [
        ("prefix: ''\n", "prefix", "1-10 characters"),
        ("prefix: 5\n", "prefix", "1-10 characters"),
        ("admin_role_ids: 12\n", "admin_role_ids", "list of Discord ids"),
        ("admin_user_ids: [0]\n", "admin_user_ids[0]", "Discord id"),
        ("admin_user_ids: [true]\n", "admin_user_ids[0]", "Discord id"),
        ("listen_channel_ids: [1.5]\n", "listen_channel_ids[0]", "Discord id"),
        ("listen_min_score: yes\n", "listen_min_score", "from 0 to 1"),
        ("cooldown_rate: 1.5\n", "cooldown_rate", "whole number >= 0"),
        ("cooldown_per_seconds: 0\n", "cooldown_per_seconds", "number > 0"),
        ("max_question_chars: '1000'\n", "max_question_chars", "whole number >= 1"),
        ("dev_guild_id: abc\n", "dev_guild_id", "Discord id"),
        ("knowledge_path: 12\n", "knowledge_path", "file path"),
        ("unanswered_log_max_bytes: 100\n", "unanswered_log_max_bytes", ">= 16384"),
        ("watch: 'yes'\n", "watch", "true or false"),
        ("admin_channel_id: -5\n", "admin_channel_id", "Discord id"),
        ("shard_count: 0\n", "shard_count", "whole number >= 1"),
        ("shard_ids: [0]\n", "shard_ids", "needs shard_count"),
        ("shard_count: 2\nshard_ids: [0, 2]\n", "shard_ids", "below shard_count"),
        ("shard_count: 2\nshard_ids: [1, 1]\n", "shard_ids", "twice"),
        ("log_level: LOUD\n", "log_level", "one of DEBUG"),
        ("log_format: xml\n", "log_format", "one of text, json"),
        ("shard_count: many\n", "shard_count", ">= 1 or auto"),
        ("shard_count: auto\nshard_ids: [0]\n", "shard_ids", "fixed shard_count"),
        ("message_content: 'off'\n", "message_content", "true or false"),
        ("startup_retries: -1\n", "startup_retries", "whole number >= 0"),
        ("cooldown: 5\n", "cooldown", "unknown setting"),
    ],
)
def test_bad_values_name_the_key(tmp_path: Path, text: str, key: str, words: str) -> None:
    error = _error(tmp_path, text)
    assert error.key == key
    assert str(error).startswith(f"{key}: ")
    assert words in str(error)


def test_every_setting_says_what_it_must_be(tmp_path: Path) -> None:
    keys = sorted(set(Settings.__dataclass_fields__) - {"token"})
    error = _error(tmp_path, "".join(f"{key}: {{nested: 1}}\n" for key in keys))
    assert [e.key for e in error.errors] == keys  # one problem each, in file order
    for line, key in zip(str(error).splitlines(), keys, strict=True):
        assert line.startswith(f"{key}: must be "), line
        assert line.endswith(f", not {{'nested': 1}} (config.yaml:{keys.index(key) + 1})"), line


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    assert "did you mean 'watch'" in str(_error(tmp_path, "wacth: true\n"))


def test_empty_values_mean_defaults(tmp_path: Path) -> None:
    settings = _load(tmp_path, "prefix:\nadmin_role_ids:\ndev_guild_id:\nshard_ids:\n")
    assert settings.prefix == "!" and settings.admin_role_ids == frozenset()
    assert settings.dev_guild_id is None and settings.shard_ids is None


def test_file_problems(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(tmp_path / "missing.yaml", ENV)
    assert "YAML syntax error" in str(_error(tmp_path, "prefix: [unclosed\n"))
    assert "config.yaml:" in str(_error(tmp_path, "a: b\n  c: d\n"))
    assert "mapping of settings" in str(_error(tmp_path, "- a list\n"))
    assert _error(tmp_path, "- a list\n").key is None


def test_direct_construction() -> None:
    settings = settings_from_mapping({"prefix": "$"}, token="abcdefgh")
    assert settings.prefix == "$" and settings.token == "abcdefgh"


def test_every_problem_at_once_in_file_order_then_the_token(tmp_path: Path) -> None:
    error = _error(
        tmp_path,
        "wacth: true\nadmin_user_ids: [12, 0, x]\nlisten_min_score: 2\nshard_count: many\n",
        {},
    )
    assert [e.key for e in error.errors] == [
        "wacth",
        "admin_user_ids[1]",
        "admin_user_ids[2]",
        "listen_min_score",
        "shard_count",
        "DISCORD_TOKEN",
    ]
    lines = str(error).splitlines()
    assert lines[0] == "wacth: unknown setting (did you mean 'watch'?); see config.example.yaml" + (
        " (config.yaml:1)"
    )
    assert lines[2] == (
        "admin_user_ids[2]: must be a Discord id (a positive whole number), not 'x' (config.yaml:2)"
    )
    assert (
        lines[4] == "shard_count: must be a whole number >= 1 or auto, not 'many' (config.yaml:4)"
    )


def test_the_store_defaults_beside_the_config_and_never_overwrites_a_file_it_must_not(
    tmp_path: Path,
) -> None:
    settings = _load(tmp_path, "store_retention_days: 30\nstore_user_ids: false\n")
    assert settings.store_path == tmp_path / "onem.db"
    assert settings.store_retention_days == 30 and not settings.store_user_ids
    knowledge = tmp_path / "onem.yaml"
    knowledge.write_text("version: 1\n")
    for target in (knowledge, tmp_path / "config.yaml", tmp_path / "unanswered.jsonl"):
        error = _error(tmp_path, f"knowledge_path: onem.yaml\nstore_path: {target}\n")
        assert error.key == "store_path", target
    assert _error(tmp_path, "store_max_rows: 0\n").key == "store_max_rows"
