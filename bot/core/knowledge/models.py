"""The knowledge base as immutable data: sources, entries and the whole file."""

from __future__ import annotations

import itertools
import re
from array import array
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import overload

import numpy as np

from .packed import Strings


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
    """What a small-talk message is: a greeting, thanks, a reaction ("lol", "ok"), a goodbye, a
    call for help, or "who are you"."""

    GREETING = "greeting"
    THANKS = "thanks"
    REACTION = "reaction"
    FAREWELL = "farewell"
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
"""An entry as a plain tuple, its fields in order: what the loader builds for each entry, and
what ``Knowledge.rows`` reads back, fresh on each access, from the packed entries."""

SourceRow = tuple[str, str, str, str, str | None, str | None, str | None]
"""A source as a plain tuple: id, title, outlet, kind (its plain value), author, date, url."""

_STATUSES: dict[str, Status] = {s.value: s for s in Status}
_KINDS: dict[str, SourceKind] = {k.value: k for k in SourceKind}
_FIELDS = 10
_RECENT = 512
"""How many built entries an Entries keeps (see Entries.entry)."""
"""A row's fields of text (every field but the lines): the ones Entry equality compares."""


def claimant_of(claimed_by: str) -> str:
    """Return who made a claim from its ``claimed_by`` text, without how it reached us."""
    return re.split(r"[,(]", claimed_by, maxsplit=1)[0].strip()


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


def _strings_of(
    rows: Iterable[EntryRow], fields: array[int], lines: array[int], line_at: array[int]
) -> Iterator[tuple[str, ...]]:
    """Yield every row's strings in order, a tuple a row, noting where each field and row's
    lines start."""
    count = 0
    for row in rows:
        questions, sources, related, conflicts, keywords = row[1], row[5], row[6], row[7], row[8]
        sizes = (1, len(questions), 1, 1, 1, len(sources), len(related), len(conflicts))
        fields.extend(itertools.accumulate((*sizes, len(keywords)), initial=count))
        strings = (
            row[0],
            *questions,
            *row[2:5],
            *sources,
            *related,
            *conflicts,
            *keywords,
            *row[9],
        )
        count += len(strings)
        yield strings
        lines.frombytes(row[10])
        line_at.append(len(lines))  # a row built in code may have no phrasing lines
    fields.append(count)


class Entries(Sequence[Entry]):
    """A knowledge file's entries in file order, packed: every string of every entry in one
    ``Strings``, and where each entry's fields start in one array (``rows`` reads them back).

    However many entries it holds, it is a few dozen objects, none of them tracked by the
    garbage collector, plus the last few hundred entries built (see ``entry``): a full
    collection has next to nothing of it to walk, and replacing a snapshot of any size frees a
    few hundred objects. It reads like the tuple of entries it stands for (length, index,
    slice, iteration, equality by value), but an access may build a new ``Entry``: compare
    entries with ``==``, never with ``is``. A slice is a tuple of entries.
    """

    __slots__ = ("_fields", "_line_at", "_lines", "_recent", "_strings", "rows")

    rows: Rows

    def __init__(self, rows: Iterable[EntryRow]) -> None:
        self._fields = array("I")  # row r's fields start at strings _fields[10 r : 10 r + 10]
        self._lines = array("I")  # row r's entry line, then its phrasings' lines
        self._line_at = array("I", [0])  # row r's lines are _lines[_line_at[r] : _line_at[r + 1]]
        self._strings = Strings(
            itertools.chain.from_iterable(
                _strings_of(rows, self._fields, self._lines, self._line_at)
            )
        )
        self.rows = Rows(self)
        self._recent: OrderedDict[int, Entry] = OrderedDict()  # the last _RECENT entries built

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> Entries:
        """Return ``entries`` packed (itself when it is already an Entries)."""
        if isinstance(entries, Entries):
            return entries
        return cls(entry_row(e) for e in entries)

    def row(self, number: int) -> EntryRow:
        """Return the row of entry ``number`` (in file order), built fresh."""
        fields, at = self._fields, _FIELDS * number
        bounds = fields[at : at + _FIELDS + 1]
        first = bounds[0]
        strings = self._strings[first : bounds[_FIELDS]]
        cut = [b - first for b in bounds]
        lines = self._lines[self._line_at[number] : self._line_at[number + 1]]
        return (
            strings[0],
            tuple(strings[cut[1] : cut[2]]),
            strings[cut[2]],
            strings[cut[3]],
            strings[cut[4]],
            tuple(strings[cut[5] : cut[6]]),
            tuple(strings[cut[6] : cut[7]]),
            tuple(strings[cut[7] : cut[8]]),
            tuple(strings[cut[8] : cut[9]]),
            tuple(strings[cut[9] : cut[10]]),
            lines.tobytes(),
        )

    def entry(self, number: int) -> Entry:
        """Return entry ``number`` (in file order), built once while it is among the recent ones.

        A question's matches, its reply's related entries and the next questions' often ask
        for the same entries: each is built from its strings once, not on every access.
        """
        entry = self._recent.get(number)
        if entry is None:
            entry = entry_of(self.row(number))
            if len(self._recent) >= _RECENT:  # the oldest goes: freeing all 512 at once took
                with suppress(KeyError):  # up to 0.6 ms of the question that filled them
                    self._recent.popitem(last=False)
            self._recent[number] = entry
        return entry

    def forget(self) -> None:
        """Drop the entries built so far (they are built again on access)."""
        self._recent.clear()

    def field(self, number: int, field: int) -> str:
        """Return one text field of entry ``number`` (0 the id, 2 the answer, 4 the claimant)."""
        return self._strings.at(self._fields[_FIELDS * number + field])

    def title(self, number: int) -> str:
        """Return the first phrasing of entry ``number`` (what ``Entry.title`` reads)."""
        at = _FIELDS * number + 1
        if self._fields[at] == self._fields[at + 1]:
            raise IndexError("entry has no phrasings")
        return self._strings.at(self._fields[at])

    def items(self, number: int, field: int) -> list[str]:
        """Return one list field of entry ``number`` (1 the questions, 8 the keywords...)."""
        at = _FIELDS * number + field
        return self._strings.span(self._fields[at], self._fields[at + 1])  # offsets in range

    def __len__(self) -> int:
        return len(self._fields) // _FIELDS

    @overload
    def __getitem__(self, index: int) -> Entry: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Entry, ...]: ...
    def __getitem__(self, index: int | slice) -> Entry | tuple[Entry, ...]:
        if isinstance(index, slice):
            return tuple(map(entry_of, self.rows[index]))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("entry index out of range")
        return self.entry(index)

    def __iter__(self) -> Iterator[Entry]:
        return map(entry_of, self.rows)

    def __reversed__(self) -> Iterator[Entry]:
        return map(entry_of, reversed(self.rows))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Entries):
            return self._fields == other._fields and self._strings == other._strings
        if isinstance(other, tuple):
            return tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self._strings, self._fields.tobytes()))

    def __repr__(self) -> str:
        return repr(tuple(self))


class Rows(Sequence[EntryRow]):
    """The entries of an Entries as rows of plain values, each built fresh on access."""

    __slots__ = ("_entries",)

    def __init__(self, entries: Entries) -> None:
        self._entries = entries

    def __len__(self) -> int:
        return len(self._entries)

    @overload
    def __getitem__(self, index: int) -> EntryRow: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[EntryRow, ...]: ...
    def __getitem__(self, index: int | slice) -> EntryRow | tuple[EntryRow, ...]:
        if isinstance(index, slice):
            return tuple(map(self._entries.row, range(*index.indices(len(self)))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("entry index out of range")
        return self._entries.row(index)

    def __iter__(self) -> Iterator[EntryRow]:
        return map(self._entries.row, range(len(self)))

    def texts(self, field: int) -> Iterator[str]:
        """Return one text field of every row, in order (0 the id, 2 the answer...)."""
        strings, fields = self._entries._strings, self._entries._fields  # by place, unbuilt
        return strings.picked(fields[field : _FIELDS * len(self) : _FIELDS])

    def lists(self, field: int) -> Iterator[tuple[str, ...]]:
        """Return one list field of every row, in order (1 the questions, 8 the keywords...)."""
        strings, fields = self._entries._strings, self._entries._fields  # by place, as texts
        starts = fields[field : _FIELDS * len(self) : _FIELDS]
        return map(tuple, map(strings.span, starts, fields[field + 1 :: _FIELDS]))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Rows):
            return self._entries == other._entries
        if isinstance(other, Sequence):
            return len(self) == len(other) and all(
                a[:_FIELDS] == b[:_FIELDS] for a, b in zip(self, other, strict=True)
            )
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._entries)


class EntriesById(Mapping[str, Entry]):
    """Entry id -> entry, over an Entries; a lookup builds the ``Entry`` (see Entries.entry).

    It holds no object per entry: each id's hash in one sorted array, and beside it the
    entry's number. A lookup finds the hash by bisection and checks the id itself.
    """

    __slots__ = ("_entries", "_hashes", "_numbers")

    def __init__(self, entries: Entries) -> None:
        self._entries = entries
        hashes = np.fromiter(map(hash, entries.rows.texts(0)), np.int64, len(entries))
        order = np.argsort(hashes, kind="stable")  # file order in a tie
        self._hashes = array("q", hashes[order].tobytes())
        self._numbers = array("I", order.astype(np.uintc).tobytes())

    def number(self, entry_id: object) -> int | None:
        """Return the number of the entry with this id (its place in file order), or None."""
        if not isinstance(entry_id, str):
            return None
        key = hash(entry_id)
        hashes, entries = self._hashes, self._entries
        at = bisect_left(hashes, key)
        while at < len(hashes) and hashes[at] == key:
            number = self._numbers[at]
            if entries.field(number, 0) == entry_id:
                return number
            at += 1
        return None

    def __getitem__(self, entry_id: str) -> Entry:
        number = self.number(entry_id)
        if number is None:
            raise KeyError(entry_id)
        return self._entries.entry(number)

    def __contains__(self, entry_id: object) -> bool:
        return self.number(entry_id) is not None

    def __iter__(self) -> Iterator[str]:
        entries = self._entries
        return (entries.field(n, 0) for n in range(len(entries)))

    def __len__(self) -> int:
        return len(self._entries)

    def title(self, entry_id: str) -> str:
        """Return an entry's title (its first phrasing) without building the entry; raise
        KeyError if there is none."""
        number = self.number(entry_id)
        if number is None:
            raise KeyError(entry_id)
        return self._entries.title(number)

    def row(self, entry_id: str) -> EntryRow:
        """Return the row of an entry; raise KeyError if there is none."""
        number = self.number(entry_id)
        if number is None:
            raise KeyError(entry_id)
        return self._entries.row(number)

    def same(self, entry_id: str, other: EntriesById) -> bool:
        """Return whether ``other`` holds an entry ``entry_id`` equal to this one's."""
        number = other.number(entry_id)
        return (
            number is not None
            and other._entries.row(number)[:_FIELDS] == self.row(entry_id)[:_FIELDS]
        )


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

    Entries are packed (see Entries) and sources kept as rows of plain values: a loaded file of
    any size is a few dozen objects, nothing for a full collection to walk while a reload builds
    the next file in a worker thread, and next to nothing to free once it is replaced. ``entries``,
    ``by_id`` and ``sources`` read like a tuple and mappings of ``Entry`` and ``Source`` objects,
    each built on access (see Entries.entry); they accept such a tuple and mapping when built
    in code.
    """

    path: str
    version: int
    synonyms: tuple[tuple[str, ...], ...]
    sources: Mapping[str, Source]
    entries: Sequence[Entry]
    digest: str
    smalltalk: tuple[SmallTalk, ...] = ()
    rows: Rows = field(init=False, repr=False, compare=False)
    """The entries as rows of plain values, in file order, each built on access (see EntryRow)."""
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
        for number, linked in enumerate(entries.rows.lists(7)):  # conflicts_with
            entry_id = entries.field(number, 0) if linked else ""
            for other in linked:
                links.setdefault(entry_id, {})[other] = None
                links.setdefault(other, {})[entry_id] = None
        object.__setattr__(
            self, "conflicts", MappingProxyType({k: tuple(v) for k, v in links.items()})
        )

    def __reduce__(self) -> tuple[type[Knowledge], tuple[object, ...]]:
        """Pickle the fields given to the constructor; the rest is derived again on load (the
        id lookup holds string hashes, which differ from one process to the next)."""
        fields = (self.path, self.version, self.synonyms, self.sources, self.entries)
        return Knowledge, (*fields, self.digest, self.smalltalk)
