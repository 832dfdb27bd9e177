"""The knowledge base as immutable data: sources, entries and the whole file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType


class Status(StrEnum):
    """How settled a claim is."""

    FACT = "fact"
    RUMOR = "rumor"
    DENIED = "denied"
    OPINION = "opinion"
    DISPUTED = "disputed"

    @property
    def label(self) -> str:
        """Return the badge text users see, e.g. ``Rumor``."""
        return self.value.capitalize()


class SourceKind(StrEnum):
    """What kind of publication a source is."""

    ARTICLE = "article"
    INTERVIEW = "interview"
    OFFICIAL_STATEMENT = "official-statement"
    OTHER_SITE = "other-site"
    READER_COMMENT = "reader-comment"

    @property
    def label(self) -> str:
        """Return the kind in words, e.g. ``reader comment``."""
        return self.value.replace("-", " ")


@dataclass(frozen=True, slots=True)
class Source:
    """A publication, statement or comment that claims come from."""

    id: str
    title: str
    outlet: str
    kind: SourceKind
    author: str | None = None
    date: str | None = None
    url: str | None = None

    def citation(self) -> str:
        """Return a one-line citation such as ``reader comment by Gabe, on "…" (outlet)``."""
        who = f" by {self.author}" if self.author else ""
        when = f", {self.date}" if self.date else ""
        return f'{self.kind.label}{who}: "{self.title}" ({self.outlet}{when})'


@dataclass(frozen=True, slots=True)
class Entry:
    """One claim: the phrasings that ask for it, the answer, and who claims it."""

    id: str
    questions: tuple[str, ...]
    answer: str
    status: Status
    claimed_by: str
    sources: tuple[str, ...]
    related: tuple[str, ...] = ()
    conflicts_with: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    line: int = field(default=0, compare=False)
    question_lines: tuple[int, ...] = field(default=(), compare=False)
    """The file line of each phrasing (empty when built in code)."""

    @property
    def title(self) -> str:
        """Return the entry's first phrasing, used when offering it as a suggestion."""
        return self.questions[0]


class TalkKind(StrEnum):
    """What a small-talk message is: a greeting, thanks, a call for help, or "who are you"."""

    GREETING = "greeting"
    THANKS = "thanks"
    HELP = "help"
    IDENTITY = "identity"


@dataclass(frozen=True, slots=True)
class SmallTalk:
    """Messages that are not questions about the topic, and the reply each gets."""

    kind: TalkKind
    phrasings: tuple[str, ...]
    reply: str


@dataclass(frozen=True, slots=True)
class Knowledge:
    """A whole, validated knowledge file."""

    path: str
    version: int
    synonyms: tuple[tuple[str, ...], ...]
    sources: Mapping[str, Source]
    entries: tuple[Entry, ...]
    digest: str
    smalltalk: tuple[SmallTalk, ...] = ()
    by_id: Mapping[str, Entry] = field(init=False, repr=False, compare=False)
    conflicts: Mapping[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    """Entry id -> the entries it conflicts with, whichever side lists the link."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "sources", MappingProxyType(dict(self.sources)))
        object.__setattr__(self, "by_id", MappingProxyType({e.id: e for e in self.entries}))
        links: dict[str, dict[str, None]] = {}
        for entry in self.entries:
            for other in entry.conflicts_with:
                links.setdefault(entry.id, {})[other] = None
                links.setdefault(other, {})[entry.id] = None
        object.__setattr__(
            self, "conflicts", MappingProxyType({k: tuple(v) for k, v in links.items()})
        )
