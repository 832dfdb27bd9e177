"""The knowledge base as immutable data: sources, entries and the whole file."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import overload


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


EntryRow = tuple[
    str,  # id
    tuple[str, ...],  # questions
    str,  # answer
    str,  # status, as its plain value ("fact")
    str,  # claimed_by
    tuple[str, ...],  # sources
    tuple[str, ...],  # related
    tuple[str, ...],  # conflicts_with
    tuple[str, ...],  # keywords
    tuple[str, ...],  # tags
    bytes,  # lines: the entry's line, then each phrasing's (see lines_of)
]
"""An entry as a plain tuple, its fields in order: the form a loaded file keeps its entries in.

A tuple holding only strings, numbers and such tuples is one the garbage collector stops
tracking, so a snapshot of any size adds next to nothing to what each full collection scans (an
``Entry`` is always tracked, and so is a ``Status`` member: the row holds the status's value).
The line numbers are packed into one ``bytes`` object, not a tuple of ints, so that dropping a
big snapshot frees one object per entry for them instead of several.
"""

SourceRow = tuple[str, str, str, str, str | None, str | None, str | None]
"""A source as a plain tuple: id, title, outlet, kind (its plain value), author, date, url."""

_STATUSES: dict[str, Status] = {s.value: s for s in Status}
_KINDS: dict[str, SourceKind] = {k.value: k for k in SourceKind}
_COMPARED = 10
"""A row's first fields, the ones Entry equality compares (not the lines)."""


def packed_lines(line: int, question_lines: Iterable[int]) -> bytes:
    """Return an entry's line and its phrasings' lines packed as a row keeps them."""
    return array("I", (line, *question_lines)).tobytes()


def lines_of(packed: bytes) -> tuple[int, tuple[int, ...]]:
    """Return the entry's line and its phrasings' lines from a row's packed lines."""
    numbers = array("I")
    numbers.frombytes(packed)
    return numbers[0], tuple(numbers[1:])


def entry_row(entry: Entry) -> EntryRow:
    """Return an entry as a row of plain values."""
    return (
        str(entry.id),
        tuple(map(str, entry.questions)),
        str(entry.answer),
        str(entry.status.value),
        str(entry.claimed_by),
        tuple(map(str, entry.sources)),
        tuple(map(str, entry.related)),
        tuple(map(str, entry.conflicts_with)),
        tuple(map(str, entry.keywords)),
        tuple(map(str, entry.tags)),
        packed_lines(entry.line, entry.question_lines),
    )


def entry_of(row: EntryRow) -> Entry:
    """Return a fresh Entry for a row (equal by value to every other Entry of the row)."""
    line, question_lines = lines_of(row[10])
    return Entry(
        row[0],
        row[1],
        row[2],
        _STATUSES[row[3]],
        row[4],
        row[5],
        row[6],
        row[7],
        row[8],
        row[9],
        line,
        question_lines,
    )


def source_row(source: Source) -> SourceRow:
    """Return a source as a row of plain values."""
    return (
        str(source.id),
        str(source.title),
        str(source.outlet),
        str(source.kind.value),
        None if source.author is None else str(source.author),
        None if source.date is None else str(source.date),
        None if source.url is None else str(source.url),
    )


def source_of(row: SourceRow) -> Source:
    """Return a fresh Source for a row."""
    return Source(row[0], row[1], row[2], _KINDS[row[3]], row[4], row[5], row[6])


class Entries(Sequence[Entry]):
    """A knowledge file's entries in file order, kept as rows of plain values (``rows``).

    It reads like the tuple of entries it stands for (length, index, slice, iteration, equality
    by value), but each access builds a fresh ``Entry``: compare entries with ``==``, never with
    ``is``. A slice is a tuple of entries.
    """

    __slots__ = ("rows",)

    rows: tuple[EntryRow, ...]

    def __init__(self, rows: Iterable[EntryRow]) -> None:
        self.rows = tuple(rows)

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> Entries:
        """Return the rows of ``entries`` (itself when it is already an Entries)."""
        if isinstance(entries, Entries):
            return entries
        return cls(entry_row(e) for e in entries)

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, index: int) -> Entry: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Entry, ...]: ...
    def __getitem__(self, index: int | slice) -> Entry | tuple[Entry, ...]:
        if isinstance(index, slice):
            return tuple(map(entry_of, self.rows[index]))
        return entry_of(self.rows[index])

    def __iter__(self) -> Iterator[Entry]:
        return map(entry_of, self.rows)

    def __reversed__(self) -> Iterator[Entry]:
        return map(entry_of, reversed(self.rows))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Entries):
            return len(self.rows) == len(other.rows) and all(
                a[:_COMPARED] == b[:_COMPARED] for a, b in zip(self.rows, other.rows, strict=True)
            )
        if isinstance(other, tuple):
            return tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(row[:_COMPARED] for row in self.rows))

    def __repr__(self) -> str:
        return repr(tuple(self))


class EntriesById(Mapping[str, Entry]):
    """Entry id -> entry, over the rows of an Entries; each lookup builds a fresh ``Entry``.

    It holds one dict of id -> row number: strings and ints, which the collector never tracks.
    """

    __slots__ = ("_at", "_rows")

    def __init__(self, entries: Entries) -> None:
        self._rows = entries.rows
        self._at = {row[0]: number for number, row in enumerate(self._rows)}

    def __getitem__(self, entry_id: str) -> Entry:
        return entry_of(self._rows[self._at[entry_id]])

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._at

    def __iter__(self) -> Iterator[str]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)

    def row(self, entry_id: str) -> EntryRow:
        """Return the row of an entry; raise KeyError if there is none."""
        return self._rows[self._at[entry_id]]

    def same(self, entry_id: str, other: EntriesById) -> bool:
        """Return whether ``other`` holds an entry ``entry_id`` equal to this one's."""
        at = other._at.get(entry_id)
        return at is not None and other._rows[at][:_COMPARED] == self.row(entry_id)[:_COMPARED]


class Sources(Mapping[str, Source]):
    """Source id -> source, kept as rows of plain values; each lookup builds a fresh ``Source``."""

    __slots__ = ("_at", "_rows")

    def __init__(self, rows: Mapping[str, SourceRow]) -> None:
        self._rows = tuple(rows.values())
        self._at = {key: number for number, key in enumerate(rows)}

    @classmethod
    def of(cls, sources: Mapping[str, Source]) -> Sources:
        """Return the rows of ``sources`` (itself when it is already a Sources)."""
        if isinstance(sources, Sources):
            return sources
        return cls({str(key): source_row(source) for key, source in sources.items()})

    def __getitem__(self, source_id: str) -> Source:
        return source_of(self._rows[self._at[source_id]])

    def __contains__(self, source_id: object) -> bool:
        return source_id in self._at

    def __iter__(self) -> Iterator[str]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)

    def __repr__(self) -> str:
        return repr(dict(self))


@dataclass(frozen=True, slots=True)
class Knowledge:
    """A whole, validated knowledge file.

    Entries and sources are kept as rows of plain values, which the garbage collector does not
    track: a loaded file of any size adds a fixed handful of objects to every full collection
    (a reload builds the next file in a worker thread while this one serves). ``entries``,
    ``by_id`` and ``sources`` read like a tuple and mappings of ``Entry`` and ``Source`` objects,
    each built fresh on access; they accept such a tuple and mapping when built in code.
    """

    path: str
    version: int
    synonyms: tuple[tuple[str, ...], ...]
    sources: Mapping[str, Source]
    entries: Sequence[Entry]
    digest: str
    smalltalk: tuple[SmallTalk, ...] = ()
    rows: tuple[EntryRow, ...] = field(init=False, repr=False, compare=False)
    """The entries as rows of plain values, in file order (see EntryRow)."""
    by_id: EntriesById = field(init=False, repr=False, compare=False)
    conflicts: Mapping[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    """Entry id -> the entries it conflicts with, whichever side lists the link."""

    def __post_init__(self) -> None:
        entries = Entries.of(self.entries)
        object.__setattr__(self, "entries", entries)
        object.__setattr__(self, "sources", Sources.of(self.sources))
        object.__setattr__(self, "rows", entries.rows)
        object.__setattr__(self, "by_id", EntriesById(entries))
        links: dict[str, dict[str, None]] = {}
        for row in entries.rows:
            entry_id = row[0]
            for other in row[7]:
                links.setdefault(entry_id, {})[other] = None
                links.setdefault(other, {})[entry_id] = None
        object.__setattr__(
            self, "conflicts", MappingProxyType({k: tuple(v) for k, v in links.items()})
        )
