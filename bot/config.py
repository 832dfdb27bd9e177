"""Settings for the Discord bot: a YAML file plus the token from the environment, validated."""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from .core.knowledge.loader import default_knowledge_path
from .redaction import redact
from .store.unanswered import MIN_LOG_BYTES, same_file

TOKEN_ENV = "DISCORD_TOKEN"
DEFAULT_UNANSWERED_LOG = Path("unanswered.jsonl")
DEFAULT_STORE = Path("onem.db")
_TOKEN_KEYS = frozenset({"token", "discord_token", "bot_token"})
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
_LOG_FORMATS = ("text", "json")
AUTO = "auto"


class ConfigError(Exception):
    """A setting is missing or wrong; ``key`` names it (``None`` for the file as a whole).

    Messages quote the wrong values, so anything shaped like a token is redacted from them
    (a token pasted into the wrong setting must not end up in a terminal or a log).
    ``errors`` lists every problem of the file (this one alone, unless there were several).
    """

    def __init__(self, key: str | None, message: str) -> None:
        self.key = redact(key) if key is not None else None
        self.message = redact(message)
        self.errors: tuple[ConfigError, ...] = (self,)
        super().__init__(f"{self.key}: {self.message}" if self.key else self.message)

    def without(self, secret: str | None) -> ConfigError:
        """Return this error with ``secret`` redacted too (the token, when it is known)."""
        key = redact(self.key, secret) if self.key is not None else None
        return ConfigError(key, redact(self.message, secret))

    def at(self, where: str | None) -> ConfigError:
        """Return this error with the place it was found (``file:line``) added."""
        return self if where is None else ConfigError(self.key, f"{self.message} ({where})")


class ConfigProblems(ConfigError):
    """Several settings are wrong: every one is listed, one per line."""

    def __init__(self, errors: list[ConfigError]) -> None:
        first = errors[0]
        super().__init__(first.key, first.message)
        self.errors = tuple(errors)
        Exception.__init__(self, "\n".join(str(e) for e in errors))

    def without(self, secret: str | None) -> ConfigError:
        """Return these errors with ``secret`` redacted too."""
        return ConfigProblems([e.without(secret) for e in self.errors])


def _raise_all(errors: list[ConfigError]) -> None:
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ConfigProblems(errors)


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the bot is configured with; built by ``load_settings`` or directly in tests."""

    token: str = field(repr=False)
    prefix: str = "!"
    admin_role_ids: frozenset[int] = frozenset()
    admin_user_ids: frozenset[int] = frozenset()
    owner_ids: frozenset[int] = frozenset()
    listen_channel_ids: frozenset[int] = frozenset()
    listen_min_score: float = 0.75
    followup_minutes: float = 5.0
    cooldown_rate: int = 5
    cooldown_per_seconds: float = 60.0
    admin_cooldown_rate: int = 10
    admin_cooldown_per_seconds: float = 60.0
    max_question_chars: int = 1000
    dev_guild_id: int | None = None
    knowledge_path: Path = field(default_factory=default_knowledge_path)
    unanswered_log_path: Path = DEFAULT_UNANSWERED_LOG
    unanswered_log_max_bytes: int = 1_000_000
    store_path: Path | None = None
    """The store of questions and feedback (None: none; a config file defaults it to onem.db)."""
    store_retention_days: float = 180.0
    store_max_rows: int = 200_000
    store_user_ids: bool = True
    watch: bool = False
    admin_channel_id: int | None = None
    shard_count: int | Literal["auto"] | None = None
    shard_ids: tuple[int, ...] | None = None
    message_content: bool = True
    startup_retries: int = 8
    log_level: str = "INFO"
    log_format: str = "text"

    @property
    def sharded(self) -> bool:
        """Return whether the bot should run as an AutoShardedBot."""
        return self.shard_count is not None or self.shard_ids is not None


def _snowflake(key: str, value: object) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ConfigError(key, f"must be a Discord id (a positive whole number), not {value!r}")
    return value


def _snowflakes(key: str, value: object) -> frozenset[int]:
    if value is None:
        return frozenset()
    if not isinstance(value, list):
        raise ConfigError(key, f"must be a list of Discord ids, not {type(value).__name__}")
    return frozenset(_snowflake(f"{key}[{i}]", v) for i, v in enumerate(value))


def _optional_snowflake(key: str, value: object) -> int | None:
    return None if value is None else _snowflake(key, value)


def _positive_int(key: str, value: object, *, allow_zero: bool = False) -> int:
    low = 0 if allow_zero else 1
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        what = "a whole number >= 0" if allow_zero else "a whole number >= 1"
        raise ConfigError(key, f"must be {what}, not {value!r}")
    return value


def _log_cap(key: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < MIN_LOG_BYTES:
        raise ConfigError(key, f"must be a whole number of bytes >= {MIN_LOG_BYTES}, not {value!r}")
    return value


MAX_SECONDS = 86_400.0


def _positive_number(key: str, value: object) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not 0 < value <= MAX_SECONDS  # also refuses .inf and .nan
    ):
        raise ConfigError(key, f"must be a number > 0 and at most {MAX_SECONDS:.0f}, not {value!r}")
    return float(value)


def _score(key: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ConfigError(key, f"must be a number from 0 to 1, not {value!r}")
    return float(value)


def _boolean(key: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(key, f"must be true or false, not {value!r}")
    return value


def _prefix(key: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > 10 or value != value.strip():
        raise ConfigError(key, f"must be 1-10 characters without spaces around, not {value!r}")
    return value


def _log_level(key: str, value: object) -> str:
    if not isinstance(value, str) or value.upper() not in _LOG_LEVELS:
        raise ConfigError(key, f"must be one of {', '.join(_LOG_LEVELS)}, not {value!r}")
    return value.upper()


def _path(base: Path) -> Callable[[str, object], Path]:
    def convert(key: str, value: object) -> Path:
        if not isinstance(value, str) or not value.strip() or "\x00" in value:
            raise ConfigError(key, f"must be a file path, not {value!r}")
        try:
            path = Path(value).expanduser()
        except RuntimeError:  # "~nosuchuser/...": no such home directory
            raise ConfigError(
                key, f"names a home directory that does not exist: {value!r}"
            ) from None
        return path if path.is_absolute() else base / path

    return convert


def _log_format(key: str, value: object) -> str:
    if not isinstance(value, str) or value.lower() not in _LOG_FORMATS:
        raise ConfigError(key, f"must be one of {', '.join(_LOG_FORMATS)}, not {value!r}")
    return value.lower()


def _shard_count(key: str, value: object) -> int | Literal["auto"]:
    if isinstance(value, str) and value.strip().lower() == AUTO:
        return "auto"
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(key, f"must be a whole number >= 1 or auto, not {value!r}")
    return value


def _shard_ids(key: str, value: object) -> tuple[int, ...]:
    if not isinstance(value, list) or not value:
        raise ConfigError(key, f"must be a non-empty list of shard numbers, not {value!r}")
    ids = tuple(_positive_int(f"{key}[{i}]", v, allow_zero=True) for i, v in enumerate(value))
    if len(set(ids)) != len(ids):
        raise ConfigError(key, "lists a shard twice")
    return ids


def _keys(base: Path) -> dict[str, Callable[[str, object], Any]]:
    return {
        "prefix": _prefix,
        "admin_role_ids": _snowflakes,
        "admin_user_ids": _snowflakes,
        "owner_ids": _snowflakes,
        "listen_channel_ids": _snowflakes,
        "listen_min_score": _score,
        "followup_minutes": _positive_number,
        "cooldown_rate": lambda k, v: _positive_int(k, v, allow_zero=True),
        "cooldown_per_seconds": _positive_number,
        "admin_cooldown_rate": lambda k, v: _positive_int(k, v, allow_zero=True),
        "admin_cooldown_per_seconds": _positive_number,
        "max_question_chars": _positive_int,
        "dev_guild_id": _optional_snowflake,
        "knowledge_path": _path(base),
        "unanswered_log_path": _path(base),
        "unanswered_log_max_bytes": _log_cap,
        "store_path": _path(base),
        "store_retention_days": _positive_number,
        "store_max_rows": _positive_int,
        "store_user_ids": _boolean,
        "watch": _boolean,
        "admin_channel_id": _optional_snowflake,
        "shard_count": _shard_count,
        "shard_ids": _shard_ids,
        "message_content": _boolean,
        "startup_retries": lambda k, v: _positive_int(k, v, allow_zero=True),
        "log_level": _log_level,
        "log_format": _log_format,
    }


def settings_from_mapping(
    data: Mapping[str, object],
    *,
    token: str | None,
    base: Path = Path("."),
    config_path: Path | None = None,
    places: Mapping[str, str] | None = None,
) -> Settings:
    """Validate a parsed config mapping and the token; raise ConfigError naming every bad key.

    ``places`` gives each key's ``file:line``, added to its problem. The error never quotes
    the token, even when it was pasted as the value of a setting.
    """
    try:
        settings = _settings_from_mapping(data, token=token, base=base, places=places or {})
        _check_written_paths(settings, config_path)
    except ConfigError as exc:
        raise exc.without(token) from None
    return settings


def _settings_from_mapping(
    data: Mapping[str, object], *, token: str | None, base: Path, places: Mapping[str, str]
) -> Settings:
    converters = _keys(base)
    values: dict[str, Any] = {}
    errors: list[ConfigError] = []
    for key, raw in data.items():
        try:
            _convert(key, raw, converters, values)
        except ConfigError as exc:
            errors.append(exc.at(places.get(key) if isinstance(key, str) else None))
    if not token or not token.strip():
        errors.append(
            ConfigError(
                TOKEN_ENV, "the bot token is missing; set the DISCORD_TOKEN environment variable"
            )
        )
    values.setdefault("unanswered_log_path", base / DEFAULT_UNANSWERED_LOG)
    values.setdefault("store_path", base / DEFAULT_STORE)
    count, ids = values.get("shard_count"), values.get("shard_ids")
    if ids is not None and count is None:
        errors.append(
            ConfigError("shard_ids", "needs shard_count (the total number of shards)").at(
                places.get("shard_ids")
            )
        )
    if ids is not None and count == AUTO:
        message = "needs a fixed shard_count: every process must agree on the total, so 'auto' "
        message += "only works with one process running every shard"
        errors.append(ConfigError("shard_ids", message).at(places.get("shard_ids")))
    elif ids is not None and isinstance(count, int) and max(ids) >= count:
        message = f"shard numbers must be below shard_count ({count})"
        errors.append(ConfigError("shard_ids", message).at(places.get("shard_ids")))
    _raise_all(errors)
    assert token is not None
    return Settings(token=token.strip(), **values)


def _convert(
    key: object,
    raw: object,
    converters: Mapping[str, Callable[[str, object], Any]],
    values: dict[str, Any],
) -> None:
    """Validate one setting into ``values``; raise ConfigError if it is wrong."""
    if not isinstance(key, str):
        raise ConfigError(None, f"a key in the config file is not text: {key!r}")
    if key.lower() in _TOKEN_KEYS:
        raise ConfigError(
            key,
            f"never put the bot token in the config file; remove '{key}' and set the "
            f"{TOKEN_ENV} environment variable instead",
        )
    convert = converters.get(key)
    if convert is None:
        close = difflib.get_close_matches(key, list(converters), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise ConfigError(key, f"unknown setting{hint}; see config.example.yaml")
    if raw is None and key not in ("dev_guild_id", "admin_channel_id"):
        if key.endswith("_ids") and key != "shard_ids":
            values[key] = frozenset()
        return  # an empty value means "use the default"
    values[key] = convert(key, raw)


def _check_written_paths(settings: Settings, config_path: Path | None) -> None:
    """Refuse a log path that is the knowledge or the config file: the bot would overwrite it."""
    log = settings.unanswered_log_path
    lock = log.with_name(log.name + ".lock")
    protected = {"the knowledge file": settings.knowledge_path, "the unanswered log": log}
    if config_path is not None:
        protected["the config file"] = config_path
    for what, path in protected.items():
        if path is not log and (same_file(log, path) or same_file(lock, path)):
            raise ConfigError(
                "unanswered_log_path",
                f"must not be {what} ({path}): the bot writes to this path and would destroy it",
            )
        store = settings.store_path
        if store is not None and same_file(store, path):
            raise ConfigError(
                "store_path",
                f"must not be {what} ({path}): the bot writes to this path and would destroy it",
            )


MAX_CONFIG_BYTES = 1_000_000


def load_settings(path: str | Path, environ: Mapping[str, str] | None = None) -> Settings:
    """Read the YAML config at ``path`` and the token from DISCORD_TOKEN; validate everything.

    Every problem is reported at once, each with its key and line.
    """
    env = os.environ if environ is None else environ
    file = Path(path)
    try:
        raw = file.read_bytes()
        if len(raw) > MAX_CONFIG_BYTES:
            raise ConfigError(None, f"{file}: the config file is over 1 MB; it is not a config")
        text = raw.decode("utf-8")
    except FileNotFoundError:
        raise ConfigError(
            None, f"{file}: config file not found (copy config.example.yaml to start)"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(None, f"{file}: cannot read the config file: {exc}") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{file}:{mark.line + 1}" if mark is not None else str(file)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError(None, f"{where}: YAML syntax error: {problem}") from None
    except RecursionError:
        raise ConfigError(None, f"{file}: the config nests too deeply") from None
    if data is None:
        data, root = {}, yaml.MappingNode("tag:yaml.org,2002:map", [])
    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        raise ConfigError(None, f"{file}: the config must be a mapping of settings")
    places: dict[str, str] = {}
    twice: list[ConfigError] = []
    for key_node, _ in root.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        where = f"{file.name}:{key_node.start_mark.line + 1}"
        if not isinstance(key, str):
            continue
        if key in places:
            message = f"is set twice (first at {places[key]}); keep one"
            twice.append(ConfigError(key, message).at(where))
        else:
            places[key] = where
    try:
        settings = settings_from_mapping(
            data,
            token=env.get(TOKEN_ENV),
            base=file.resolve().parent,
            config_path=file,
            places=places,
        )
    except ConfigError as exc:
        if not twice:
            raise
        _raise_all([*twice, *exc.errors])
        raise
    if twice:
        _raise_all([e.without(env.get(TOKEN_ENV)) for e in twice])
    return settings
