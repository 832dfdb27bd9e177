"""What the store holds, as plain data, and who may see which rows."""

from __future__ import annotations

from dataclasses import dataclass

FORMATS = ("csv", "jsonl")
"""The formats ``export`` writes a table of the store in."""


@dataclass(frozen=True, slots=True)
class Scope:
    """Whose data a read covers: one server (``guild_id``; None for DMs) or everything."""

    guild_id: int | None = None
    everything: bool = False

    @classmethod
    def all(cls) -> Scope:
        """Return the scope of a global admin: every server and the DMs."""
        return cls(None, True)

    @classmethod
    def server(cls, guild_id: int | None) -> Scope:
        """Return the scope of one server (None: the DMs)."""
        return cls(guild_id, False)

    @property
    def key(self) -> str:
        """Return the scope as stored beside dismissals and picks."""
        if self.everything:
            return "*"
        return "dm" if self.guild_id is None else f"g{self.guild_id}"

    def where(self, column: str = "guild_id") -> tuple[str, tuple[int, ...]]:
        """Return an SQL condition (and its parameters) that keeps this scope's rows."""
        if self.everything:
            return "1", ()
        if self.guild_id is None:
            return f"{column} IS NULL", ()
        return f"{column} = ?", (self.guild_id,)


@dataclass(frozen=True, slots=True)
class Asked:
    """One question asked and what the bot did with it."""

    question: str
    answered: bool
    score: float
    kind: str = "answer"
    entry_id: str | None = None
    suggestions: tuple[str, ...] = ()
    guild_id: int | None = None
    channel_id: int | None = None
    user_id: int | None = None
    message_id: int | None = None
    """The id of the bot's reply, which buttons and votes point back to."""
    source: str = "discord"
    at: float | None = None


@dataclass(frozen=True, slots=True)
class Taught:
    """One line of the audit trail: who taught (or dismissed, or picked) what, and when."""

    at: float
    user_id: int | None
    guild_id: int | None
    action: str
    entry_id: str | None
    phrasing: str | None
    detail: str = ""


@dataclass(frozen=True, slots=True)
class DayCount:
    """Questions answered and declined on one day (UTC)."""

    day: str
    answered: int
    declined: int


@dataclass(frozen=True, slots=True)
class Usage:
    """One scope's figures: per day, the entries answered most, the questions missed most."""

    days: tuple[DayCount, ...]
    top_entries: tuple[tuple[str, int], ...]
    top_misses: tuple[tuple[str, int], ...]
    votes: tuple[tuple[str, int, int], ...]
    """Per entry: thumbs up, thumbs down."""
    flags: int = 0

    @property
    def answered(self) -> int:
        """Return the questions answered in all."""
        return sum(d.answered for d in self.days)

    @property
    def declined(self) -> int:
        """Return the questions declined in all."""
        return sum(d.declined for d in self.days)
