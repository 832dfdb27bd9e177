"""Settings for the Discord bot: a typed model over a YAML file, plus the token from the env.

pydantic checks every value against its type and bounds and reports every problem at once; this
module reads the YAML (with the line of every key, and keys written twice) and words each problem
as what the setting must be, so no message depends on pydantic's own wording.
"""

from __future__ import annotations

import difflib
import os
import typing
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Annotated, Literal, Self

import yaml
from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    model_validator,
)
from pydantic.dataclasses import dataclass
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails, PydanticCustomError

from ..core.knowledge.loader import default_knowledge_path
from ..redaction import redact
from ..store.unanswered import MIN_LOG_BYTES, same_file

TOKEN_ENV = "DISCORD_TOKEN"
DEFAULT_UNANSWERED_LOG = Path("unanswered.jsonl")
DEFAULT_STORE = Path("onem.db")
MAX_SECONDS = 86_400.0
MAX_CONFIG_BYTES = 1_000_000
_TOKEN_KEYS = frozenset({"token", "discord_token", "bot_token"})
_REFUSED = "onem_refused"
"""The error type of our own refusals, whose message is used as it is."""


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


def problems(errors: list[ConfigError]) -> ConfigError:
    """Return one error standing for ``errors`` (at least one)."""
    return errors[0] if len(errors) == 1 else ConfigProblems(errors)


def _refuse(key: str | None, message: str) -> PydanticCustomError:
    return PydanticCustomError(_REFUSED, "{message}", {"key": key, "message": message})


def _digits(value: object) -> object:
    """Accept a Discord id written as a quoted number (ids are often pasted with quotes)."""
    return int(value.strip()) if isinstance(value, str) and value.strip().isdigit() else value


def _folded(case: Literal["upper", "lower"]) -> BeforeValidator:
    def fold(value: object) -> object:
        if not isinstance(value, str):
            return value
        return value.strip().upper() if case == "upper" else value.strip().lower()

    return BeforeValidator(fold)


def _path(value: object, info: ValidationInfo) -> Path:
    """Expand ``~`` and make a relative path relative to the config file's folder."""
    text = str(value) if isinstance(value, Path) else value
    if not isinstance(text, str) or not text.strip() or "\x00" in text:
        raise ValueError("not a file path")
    try:
        path = Path(text).expanduser()
    except RuntimeError:  # "~nosuchuser/...": no such home directory
        raise _refuse(None, f"names a home directory that does not exist: {text!r}") from None
    base = info.context.get("base") if isinstance(info.context, dict) else None
    return path if path.is_absolute() or base is None else base / path


def _distinct(ids: tuple[int, ...]) -> tuple[int, ...]:
    if len(set(ids)) != len(ids):
        raise _refuse(None, "lists a shard twice")
    return ids


Snowflake = Annotated[
    int,
    BeforeValidator(_digits),
    Field(strict=True, gt=0, description="a Discord id (a positive whole number)"),
]
Snowflakes = Annotated[frozenset[Snowflake], Field(description="a list of Discord ids")]
Count = Annotated[int, Field(strict=True, ge=0, description="a whole number >= 0")]
PositiveCount = Annotated[int, Field(strict=True, ge=1, description="a whole number >= 1")]
Seconds = Annotated[
    float,
    Field(
        strict=True, gt=0, le=MAX_SECONDS, description=f"a number > 0 and at most {MAX_SECONDS:.0f}"
    ),
]
Score = Annotated[float, Field(strict=True, ge=0, le=1, description="a number from 0 to 1")]
Switch = Annotated[bool, Field(strict=True, description="true or false")]
Prefix = Annotated[
    str,
    Field(
        strict=True,
        min_length=1,
        max_length=10,
        pattern=r"^\S(?:.*\S)?$",
        description="1-10 characters without spaces around",
    ),
]
FilePath = Annotated[Path, BeforeValidator(_path), Field(description="a file path")]
LogCap = Annotated[
    int,
    Field(strict=True, ge=MIN_LOG_BYTES, description=f"a whole number of bytes >= {MIN_LOG_BYTES}"),
]
ShardCount = Annotated[
    Annotated[int, Field(strict=True, ge=1)] | Literal["auto"],
    _folded("lower"),
    Field(description="a whole number >= 1 or auto"),
]
ShardIds = Annotated[
    tuple[Count, ...],
    AfterValidator(_distinct),
    Field(min_length=1, description="a non-empty list of shard numbers"),
]
LogLevel = Annotated[
    Literal["DEBUG", "INFO", "WARNING", "ERROR"],
    _folded("upper"),
    Field(description="one of DEBUG, INFO, WARNING, ERROR"),
]
LogFormat = Annotated[
    Literal["text", "json"], _folded("lower"), Field(description="one of text, json")
]


@dataclass(frozen=True, config=ConfigDict(extra="forbid"))
class Settings:
    """Everything the bot is configured with; built by ``load_settings`` or directly in tests."""

    token: Annotated[str, Field(strict=True, min_length=1)] = Field(repr=False)
    prefix: Prefix = "!"
    admin_role_ids: Snowflakes = frozenset()
    admin_user_ids: Snowflakes = frozenset()
    owner_ids: Snowflakes = frozenset()
    listen_channel_ids: Snowflakes = frozenset()
    listen_min_score: Score = 0.75
    followup_minutes: Seconds = 5.0
    cooldown_rate: Count = 5
    cooldown_per_seconds: Seconds = 60.0
    admin_cooldown_rate: Count = 10
    admin_cooldown_per_seconds: Seconds = 60.0
    max_question_chars: PositiveCount = 1000
    dev_guild_id: Snowflake | None = None
    knowledge_path: FilePath = Field(default_factory=default_knowledge_path)
    unanswered_log_path: FilePath = DEFAULT_UNANSWERED_LOG
    unanswered_log_max_bytes: LogCap = 1_000_000
    store_path: FilePath | None = None
    """The store of questions and feedback (None: none; a config file defaults it to onem.db)."""
    store_retention_days: Seconds = 180.0
    store_max_rows: PositiveCount = 200_000
    store_user_ids: Switch = True
    watch: Switch = False
    admin_channel_id: Snowflake | None = None
    shard_count: ShardCount | None = None
    shard_ids: ShardIds | None = None
    message_content: Switch = True
    startup_retries: Count = 8
    log_level: LogLevel = "INFO"
    log_format: LogFormat = "text"

    @property
    def sharded(self) -> bool:
        """Return whether the bot should run as an AutoShardedBot."""
        return self.shard_count is not None or self.shard_ids is not None

    @model_validator(mode="after")
    def _shards_agree(self) -> Self:
        ids, count = self.shard_ids, self.shard_count
        if ids is None:
            return self
        if count is None:
            raise _refuse("shard_ids", "needs shard_count (the total number of shards)")
        if count == "auto":
            message = "needs a fixed shard_count: every process must agree on the total, so "
            raise _refuse(
                "shard_ids", message + "'auto' only works with one process running every shard"
            )
        if max(ids) >= count:
            raise _refuse("shard_ids", f"shard numbers must be below shard_count ({count})")
        return self

    @model_validator(mode="after")
    def _writes_destroy_nothing(self, info: ValidationInfo) -> Self:
        """Refuse a path the bot writes that is the knowledge or the config file, or the log."""
        log = self.unanswered_log_path
        lock = log.with_name(log.name + ".lock")
        protected = {"the knowledge file": self.knowledge_path, "the unanswered log": log}
        config = info.context.get("config_path") if isinstance(info.context, dict) else None
        if config is not None:
            protected["the config file"] = config
        for what, path in protected.items():
            destroyed = "the bot writes to this path and would destroy it"
            if path is not log and (same_file(log, path) or same_file(lock, path)):
                raise _refuse("unanswered_log_path", f"must not be {what} ({path}): {destroyed}")
            if self.store_path is not None and same_file(self.store_path, path):
                raise _refuse("store_path", f"must not be {what} ({path}): {destroyed}")
        return self


_SETTINGS = TypeAdapter(Settings)
FIELDS: Mapping[str, FieldInfo] = vars(Settings)["__pydantic_fields__"]
"""Every setting by name (``token`` included, though it never comes from the file)."""


def _descriptions(annotation: object) -> Iterator[str]:
    """Yield the descriptions on the types inside ``annotation``, outermost first."""
    for inner in typing.get_args(annotation):
        for meta in getattr(inner, "__metadata__", ()):
            if isinstance(meta, FieldInfo) and meta.description:
                yield meta.description
        yield from _descriptions(inner)


def _worded(error: ErrorDetails) -> ConfigError:
    """Word one of pydantic's errors as what the setting must be (never quoting the token)."""
    loc = error["loc"]
    key = str(loc[0]) if loc else ""
    if error["type"] == _REFUSED:
        ctx = error.get("ctx", {})
        return ConfigError(ctx.get("key") or key or None, str(ctx["message"]))
    if key == "token":
        message = f"the bot token is missing; set the {TOKEN_ENV} environment variable"
        return ConfigError(TOKEN_ENV, message)
    if key not in FIELDS:
        close = difflib.get_close_matches(key, [k for k in FIELDS if k != "token"], n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return ConfigError(key, f"unknown setting{hint}; see config.example.yaml")
    index = [part for part in loc[1:] if isinstance(part, int)]
    field = FIELDS[key]
    nested = [*_descriptions(field.annotation), "a valid value (see config.example.yaml)"]
    must = nested[0] if index else field.description or nested[0]
    name = key + "".join(f"[{i}]" for i in index)
    return ConfigError(name, f"must be {must}, not {error['input']!r}")


def settings_from_mapping(
    data: Mapping[object, object],
    *,
    token: str | None,
    base: Path = Path("."),
    config_path: Path | None = None,
    places: Mapping[str, str] | None = None,
) -> Settings:
    """Validate a parsed config mapping and the token; raise ConfigError naming every bad key.

    An empty value means the default. ``places`` gives each key's ``file:line``, added to its
    problem. The error never quotes the token, even when it was pasted as the value of a setting.
    """
    where = places or {}
    errors: list[ConfigError] = []
    values: dict[str, object] = {}
    for key, raw in data.items():  # what only the file can get wrong, before the model
        if not isinstance(key, str):
            errors.append(ConfigError(None, f"a key in the config file is not text: {key!r}"))
        elif key.lower() in _TOKEN_KEYS:
            message = f"never put the bot token in the config file; remove '{key}' and set the "
            errors.append(ConfigError(key, message + f"{TOKEN_ENV} environment variable instead"))
        elif raw is not None:
            values[key] = raw
    values.setdefault("unanswered_log_path", DEFAULT_UNANSWERED_LOG)
    values.setdefault("store_path", DEFAULT_STORE)
    values["token"] = (token or "").strip()
    context = {"base": base, "config_path": config_path}
    settings: Settings | None = None
    try:
        settings = _SETTINGS.validate_python(values, context=context)
    except ValidationError as exc:
        seen = {str(e) for e in errors}
        for error in exc.errors():
            problem = _worded(error)
            if str(problem) not in seen:  # a union reports each of its members
                seen.add(str(problem))
                errors.append(problem)
    if errors or settings is None:
        errors.sort(key=lambda e: (e.key == TOKEN_ENV, _line(where, e)))  # the file's first
        placed = [e.at(where.get(_setting(e))) for e in errors]
        raise problems(placed).without(token) from None
    return settings


def _setting(error: ConfigError) -> str:
    """Return the setting an error is about (``admin_user_ids`` for ``admin_user_ids[2]``)."""
    return (error.key or "").split("[")[0]


def _line(places: Mapping[str, str], error: ConfigError) -> float:
    """Return the line an error's setting is on, for listing problems in file order."""
    place = places.get(_setting(error))
    return int(place.rsplit(":", 1)[1]) if place else float("inf")


def _read(file: Path) -> str:
    try:
        raw = file.read_bytes()
        if len(raw) > MAX_CONFIG_BYTES:
            raise ConfigError(None, f"{file}: the config file is over 1 MB; it is not a config")
        return raw.decode("utf-8")
    except FileNotFoundError:
        raise ConfigError(
            None, f"{file}: config file not found (copy config.example.yaml to start)"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(None, f"{file}: cannot read the config file: {exc}") from None


def _parse(file: Path, text: str) -> tuple[dict[object, object], yaml.MappingNode]:
    """Return the settings and the mapping node they came from (for the line of each key)."""
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
        return {}, yaml.MappingNode("tag:yaml.org,2002:map", [])
    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        raise ConfigError(None, f"{file}: the config must be a mapping of settings")
    return data, root


def _places(file: Path, root: yaml.MappingNode) -> tuple[dict[str, str], list[ConfigError]]:
    """Return the ``file:line`` of each key, and a problem for each key written twice."""
    places: dict[str, str] = {}
    twice: list[ConfigError] = []
    for key_node, _ in root.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if not isinstance(key, str):
            continue
        where = f"{file.name}:{key_node.start_mark.line + 1}"
        if key in places:
            message = f"is set twice (first at {places[key]}); keep one"
            twice.append(ConfigError(key, message).at(where))
        else:
            places[key] = where
    return places, twice


def load_settings(path: str | Path, environ: Mapping[str, str] | None = None) -> Settings:
    """Read the YAML config at ``path`` and the token from DISCORD_TOKEN; validate everything.

    Every problem is reported at once, each with its key and line.
    """
    token = (os.environ if environ is None else environ).get(TOKEN_ENV)
    file = Path(path)
    data, root = _parse(file, _read(file))
    places, twice = _places(file, root)
    try:
        settings = settings_from_mapping(
            data, token=token, base=file.resolve().parent, config_path=file, places=places
        )
    except ConfigError as exc:
        raise problems([*twice, *exc.errors]).without(token) from None
    if twice:
        raise problems(twice).without(token)
    return settings
