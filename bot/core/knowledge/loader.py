"""Load a knowledge file with PyYAML's safe composer, reporting every problem at once."""

from __future__ import annotations

import codecs
import hashlib
import heapq
import os
import re
import stat
from array import array
from collections.abc import Callable, Iterator, KeysView
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml

from ..normalise.text import phrase_keys
from . import default_knowledge_path as default_knowledge_path
from .errors import MAX_PROBLEMS, KnowledgeError, Problem
from .models import (
    Entries,
    EntryRow,
    Knowledge,
    SmallTalk,
    SourceKind,
    SourceRow,
    Sources,
    Status,
    TalkKind,
    packed_lines,
)

MAX_FILE_BYTES = 32 * 1024 * 1024
"""Refuse files above this size before parsing (a knowledge file of 100,000 entries is ~30 MB)."""

MAX_DEPTH = 64
"""Refuse YAML nested deeper than this before composing it: libyaml slows down quadratically
with flow nesting and its composer recurses in C (a deep enough file crashes the process)."""

MAX_ALIASES = 10_000
"""Refuse files with more YAML aliases (``*name``) than this."""

MAX_ALIAS_EXPANSION = 2_000_000
"""Refuse files whose aliases repeat more than this many characters and nodes in all: a small
file of nested aliases would otherwise expand to gigabytes (a "billion laughs")."""

MAX_TEXT_CHARS = 1_000
"""The longest text a field may hold (titles, claimants, phrasings, keywords...)."""

MAX_ANSWER_CHARS = 4_000
"""The longest answer (a Discord embed's description holds 4,096 characters)."""

MAX_LIST_ITEMS = 200
"""The most items a list in an entry or a synonym group may hold."""

MAX_SYNONYM_WORDS = 8
"""The most words a synonym term may have (each question is scanned for every term length)."""

MAX_SYNONYM_TERMS = 20_000
"""The most synonym terms in all."""

try:  # libyaml's event parser (C); the pure-Python reader, scanner and parser otherwise
    from yaml import CBaseLoader as _EVENTS
except ImportError:  # pragma: no cover - PyYAML built without libyaml

    class _EVENTS(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):  # type: ignore[no-redef]
        """The pure-Python event parser."""

        def __init__(self, data: bytes) -> None:
            yaml.reader.Reader.__init__(self, data)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)

        def dispose(self) -> None:
            """Drop the parser's state."""
            self.states, self.state = [], None


_YAML = "tag:yaml.org,2002:"
_STR = _YAML + "str"
_NULL = _YAML + "null"
_SEQ = _YAML + "seq"
_MAP = _YAML + "map"
_REMEMBERED_TAG_CHARS = 24
_SCALAR_TAGS = frozenset(
    _YAML + t for t in ("str", "int", "float", "bool", "null", "timestamp", "binary")
)
_T = TypeVar("_T")
_E = TypeVar("_E", Status, SourceKind, TalkKind)
_Collection = TypeVar("_Collection", yaml.SequenceNode, yaml.MappingNode)
_Row = TypeVar("_Row", SourceRow, EntryRow)
_ProblemRow = tuple[str, int, str]
"""A problem's file, line and message: a Problem's fields, in its sort order."""
_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_OTHER_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


@dataclass(frozen=True, slots=True)
class Field:
    """One key a mapping in the file may hold."""

    name: str
    required: bool
    kind: str  # "text", "int", "slug", "list", "slugs", "status", "source-kind", "groups", ...


TOP_FIELDS = (
    Field("version", False, "int"),
    Field("synonyms", False, "groups"),
    Field("sources", True, "sources"),
    Field("entries", True, "entries"),
    Field("smalltalk", False, "smalltalk"),
)
TALK_FIELDS = (
    Field("kind", True, "talk-kind"),
    Field("phrasings", True, "list"),
    Field("reply", True, "text"),
)
SOURCE_FIELDS = (
    Field("id", True, "slug"),
    Field("title", True, "text"),
    Field("outlet", True, "text"),
    Field("kind", True, "source-kind"),
    Field("author", False, "text"),
    Field("date", False, "text"),
    Field("url", False, "text"),
)
ENTRY_FIELDS = (
    Field("id", True, "slug"),
    Field("questions", True, "list"),
    Field("answer", True, "text"),
    Field("status", True, "status"),
    Field("claimed_by", True, "text"),
    Field("sources", True, "slugs"),
    Field("related", False, "slugs"),
    Field("conflicts_with", False, "slugs"),
    Field("keywords", False, "list"),
    Field("tags", False, "list"),
)


def _keys(fields: tuple[Field, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """Return the keys a mapping of ``fields`` may hold, and those it must (in their order)."""
    return frozenset(f.name for f in fields), tuple(f.name for f in fields if f.required)


# Worked out once: the validator checks a mapping's keys against them 10,000 times a big file.
_TOP_KEYS, _TALK_KEYS, _SOURCE_KEYS, _ENTRY_KEYS = map(
    _keys, (TOP_FIELDS, TALK_FIELDS, SOURCE_FIELDS, ENTRY_FIELDS)
)


def load_knowledge(path: str | Path, *, max_bytes: int = MAX_FILE_BYTES) -> Knowledge:
    """Read, parse and validate a knowledge file; raise KnowledgeError listing every problem."""
    return load_with_phrase_keys(path, max_bytes=max_bytes)[0]


def load_with_phrase_keys(
    path: str | Path, *, max_bytes: int = MAX_FILE_BYTES
) -> tuple[Knowledge, dict[str, str]]:
    """Load a knowledge file as ``load_knowledge`` does, and return with it each phrasing's
    phrase key (see ``phrase_key``), which the duplicate check makes: ``Matcher`` takes them
    instead of splitting every phrasing again. They are not kept with the knowledge."""
    name = str(path)
    try:
        size, data = _read_regular_file(path, max_bytes)
    except OSError as exc:
        raise KnowledgeError([Problem(name, 0, f"cannot read the file: {exc.strerror}")]) from None
    if data is None and size < 0:  # a directory, /dev/zero or a pipe would never end
        raise KnowledgeError([Problem(name, 0, "cannot read the file: not a regular file")])
    if data is None or len(data) > max_bytes:
        raise KnowledgeError([Problem(name, 0, _too_big(max(size, len(data or b"")), max_bytes))])
    return _parse(data, name, max_bytes)


def _read_regular_file(path: str | Path, max_bytes: int) -> tuple[int, bytes | None]:
    """Return a regular file's size and up to ``max_bytes + 1`` of its bytes.

    The bytes are None when the file is too big, and the size is -1 when it is not a regular
    file. The file is opened without blocking and checked once open, so a FIFO swapped in after
    a check can never block the reload (opening a FIFO for reading waits for a writer).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return -1, None
        if info.st_size > max_bytes:
            return info.st_size, None
        with os.fdopen(os.dup(fd), "rb") as handle:
            return info.st_size, handle.read(max_bytes + 1)  # it may grow after fstat()
    finally:
        os.close(fd)


def parse_knowledge(data: bytes | str, name: str, *, max_bytes: int = MAX_FILE_BYTES) -> Knowledge:
    """Parse and validate knowledge from bytes or text; ``name`` is used in problem reports."""
    return _parse(data, name, max_bytes)[0]


def _parse(data: bytes | str, name: str, max_bytes: int) -> tuple[Knowledge, dict[str, str]]:
    """Parse and validate knowledge; return it and its phrasings' phrase keys."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if len(raw) > max_bytes:
        raise KnowledgeError([Problem(name, 0, _too_big(len(raw), max_bytes))])
    _check_encoding(raw, name)
    validator = _Validator(name, hashlib.sha256(raw).hexdigest()[:12])
    try:
        # libyaml decodes the UTF-8 itself
        root = _compose(raw, name, validator.streamed, validator.flat)
    except yaml.reader.ReaderError as exc:
        text = _decode(raw, name)  # a located "not UTF-8" problem, if that is the cause
        raise KnowledgeError([_reader_problem(exc, text, name)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        last = raw.count(b"\n") + 1  # libyaml may point past an unterminated end
        line = min(mark.line + 1, last) if mark else 0
        raise KnowledgeError([Problem(name, line, _syntax_message(exc))]) from None
    except yaml.YAMLError as exc:
        raise KnowledgeError([Problem(name, 0, f"YAML error: {exc}")]) from None
    except RecursionError:
        raise KnowledgeError([Problem(name, 0, _too_deep())]) from None
    return validator.knowledge(root), validator.phrase_keys


_NESTING = "nesting depth"  # how PyYAML 6.0.4 and later word their own nesting limit


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    """Word a YAML error for an admin; PyYAML's own nesting limit reads like ours."""
    what = " ".join(str(p) for p in (exc.context, exc.problem) if p)
    if _NESTING in what:
        return _too_deep()
    return f"YAML syntax error: {what}"


def _too_deep() -> str:
    return f"the YAML nests more than {MAX_DEPTH} levels deep"


_STREAMED = frozenset({"sources", "entries"})
_DRAIN = 2048  # rows freed at a time once packed


_Build = Callable[[str, yaml.Node], SourceRow | EntryRow | None]
"""Validate a top-level list item as soon as it is read: its row stands in for its node."""

_FlatScalar = tuple[str, str, Any, Any, Any]
"""A scalar as its node would hold it: tag, value, start mark, end mark, style."""
_FlatList = tuple[str, list[_FlatScalar], Any, Any, Any]
"""A list of scalars as its node would hold it: tag, items, start mark, end mark, flow style."""
_Flat = tuple[list[tuple[_FlatScalar, _FlatScalar | _FlatList]], Any, Any]
"""A top-level list's item read flat: its (key, value) pairs, its start event, its end mark."""
_BuildFlat = Callable[[str, _Flat], SourceRow | EntryRow | None]
"""Validate a top-level list item read flat (see ``_Composer._flat_item``)."""


class _DepthError(Exception):
    """A collection nested deeper than MAX_DEPTH, at ``line``."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _BudgetError(Exception):
    """The file's aliases went over a budget, at ``line``."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


_OPENING = (yaml.SequenceStartEvent, yaml.MappingStartEvent)  # what _nested composes


class _Composer(yaml.composer.Composer, _EVENTS, yaml.resolver.Resolver):
    """PyYAML's node composer over the C parser's events, refusing deep nesting as it goes.

    The C composer recurses without a limit (deep nesting crashes the process); this one stops
    at MAX_DEPTH, in one pass over the file.
    """

    def __init__(self, data: bytes, build: _Build | None, flat: _BuildFlat | None = None) -> None:
        _EVENTS.__init__(self, data)
        yaml.composer.Composer.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self._depth = 0
        self._build = build
        self._flat = flat
        self._aliases = 0
        self._expanded = 0
        self._weights: dict[int, int] = {}
        # The first characters of the plain scalars an implicit resolver may tag (no resolver
        # for every character, no path resolvers): any other scalar is tagged "str" at once.
        resolvers: dict[Any, Any] = self.yaml_implicit_resolvers
        self._fast = None not in resolvers and not self.yaml_path_resolvers
        self._resolved: frozenset[str] = frozenset(resolvers)
        self._plain_tags: dict[str, str] = {}  # short plain scalars' tags: keys, statuses

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        # ``index``: the position in a list, or the key node in a mapping (the stub says int).
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            self._count_alias(event)
        if isinstance(event, yaml.ScalarEvent) and event.anchor is None:  # as PyYAML's would:
            if self._fast:
                return self._scalar(self.get_event())
            return self.compose_scalar_node(None)  # type: ignore[arg-type]  # (stub: no None)
        if (
            self._depth == 1
            and self._build is not None
            and isinstance(parent, yaml.MappingNode)
            and isinstance(index, yaml.ScalarNode)
            and index.value in _STREAMED
            and isinstance(event, yaml.SequenceStartEvent)
            and event.anchor is None
        ):
            return self._stream(str(index.value), self._build)
        nested = isinstance(event, yaml.CollectionStartEvent)
        if nested:
            self._depth += 1
            if self._depth > MAX_DEPTH:
                mark = getattr(event, "start_mark", None)
                raise _DepthError(int(mark.line) + 1 if mark is not None else 0)
        try:
            node: yaml.Node | None = super().compose_node(parent, index)
        finally:
            if nested:
                self._depth -= 1
        return node

    def _scalar(self, event: Any) -> yaml.ScalarNode:
        """Return the node of a scalar without an anchor, as ``compose_scalar_node`` would.

        Only with no path resolvers and no implicit resolver for every character: the tag of
        a quoted scalar, or of a plain one whose first character no resolver is for, is "str".
        """
        tag = event.tag
        if tag is None or tag == "!":
            value = event.value
            implicit = event.implicit
            if implicit[0] and (not value or value[0] in self._resolved):
                # With no path resolvers, a plain scalar's tag depends on its text alone.
                tag = self._plain_tags.get(value)
                if tag is None:
                    tag = self.resolve(yaml.ScalarNode, value, implicit)  # type: ignore[no-untyped-call]
                    if len(value) <= _REMEMBERED_TAG_CHARS:
                        self._plain_tags[value] = tag
            else:
                tag = _STR
        return yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)

    def _opened(self, kind: type[_Collection], anchor: str | None) -> _Collection:
        """Return the empty node a list's or mapping's start event opens, as PyYAML would."""
        start: Any = self.get_event()
        tag = start.tag
        if tag is None or tag == "!":
            tag = self.resolve(kind, None, start.implicit)  # type: ignore[no-untyped-call]
        node = kind(tag, [], start.start_mark, None, flow_style=start.flow_style)
        if anchor is not None:
            self.anchors[anchor] = node
        return node

    def compose_sequence_node(self, anchor: str | None) -> yaml.SequenceNode:  # type: ignore[override]
        """Compose a list as PyYAML's composer would, its plain scalars without a call each."""
        if not self._fast:
            return super().compose_sequence_node(anchor)  # type: ignore[arg-type]
        return self._fill_sequence(self._opened(yaml.SequenceNode, anchor))

    def _fill_sequence(self, node: yaml.SequenceNode) -> yaml.SequenceNode:
        """Compose the rest of a list's items into ``node``, then close it."""
        items = node.value
        peek: Callable[[], Any] = self.peek_event  # events, read without a check
        get: Callable[[], Any] = self.get_event
        while True:
            event = peek()
            kind = type(event)
            if kind is yaml.SequenceEndEvent:
                break
            if kind is yaml.ScalarEvent and event.anchor is None:
                items.append(self._scalar(get()))
            elif kind in _OPENING and event.anchor is None and self._depth != 1:
                items.append(self._nested(event))
            else:
                items.append(self.compose_node(node, len(items)))
        node.end_mark = get().end_mark
        return node

    def compose_mapping_node(self, anchor: str | None) -> yaml.MappingNode:  # type: ignore[override]
        """Compose a mapping as PyYAML's composer would, its plain scalars without a call each."""
        if not self._fast:
            return super().compose_mapping_node(anchor)  # type: ignore[arg-type]
        return self._fill_mapping(self._opened(yaml.MappingNode, anchor))

    def _fill_mapping(self, node: yaml.MappingNode) -> yaml.MappingNode:
        """Compose the rest of a mapping's pairs into ``node``, then close it."""
        pairs = node.value
        peek: Callable[[], Any] = self.peek_event  # events, read without a check
        get: Callable[[], Any] = self.get_event
        while True:
            event = peek()
            kind = type(event)
            if kind is yaml.MappingEndEvent:
                break
            if kind is yaml.ScalarEvent and event.anchor is None:
                key: Any = self._scalar(get())
            else:
                key = self.compose_node(node, None)
            event = peek()
            kind = type(event)
            if kind is yaml.ScalarEvent and event.anchor is None:
                value: Any = self._scalar(get())
            elif kind in _OPENING and event.anchor is None and self._depth != 1:
                value = self._nested(event)
            else:
                value = self.compose_node(node, key)
            pairs.append((key, value))
        node.end_mark = get().end_mark
        return node

    def _nested(self, event: Any) -> yaml.Node:
        """Compose the list or mapping that ``event`` opens (no anchor, below the top level,
        where no list is streamed) as ``compose_node`` would, without its calls and checks:
        with no path resolvers, PyYAML's resolver has nothing to descend into."""
        self._depth += 1
        if self._depth > MAX_DEPTH:
            mark = getattr(event, "start_mark", None)
            raise _DepthError(int(mark.line) + 1 if mark is not None else 0)
        try:
            if type(event) is yaml.SequenceStartEvent:
                return self.compose_sequence_node(None)
            return self.compose_mapping_node(None)
        finally:
            self._depth -= 1

    def _count_alias(self, event: yaml.AliasEvent) -> None:
        """Count an alias and what it repeats; refuse the file past either budget."""
        mark = getattr(event, "start_mark", None)
        line = int(mark.line) + 1 if mark is not None else 0
        self._aliases += 1
        if self._aliases > MAX_ALIASES:
            raise _BudgetError(line, f"the file uses more than {MAX_ALIASES:,} YAML aliases")
        target = self.anchors.get(event.anchor) if event.anchor is not None else None
        if isinstance(target, yaml.Node):
            self._expanded += self._weight(target)
        if self._expanded > MAX_ALIAS_EXPANSION:
            raise _BudgetError(
                line,
                f"the YAML aliases repeat more than {MAX_ALIAS_EXPANSION:,} characters and "
                "values in all; write the repeated parts out, or repeat less",
            )

    def _weight(self, node: yaml.Node) -> int:
        """Return the characters and nodes a node holds, aliases expanded (each node once)."""
        known = self._weights.get(id(node))
        if known is not None:
            return known
        if isinstance(node, yaml.ScalarNode):
            weight = 1 + len(str(node.value))
        elif isinstance(node, yaml.SequenceNode):
            weight = 1 + sum(self._weight(item) for item in node.value)
        elif isinstance(node, yaml.MappingNode):
            weight = 1 + sum(self._weight(k) + self._weight(v) for k, v in node.value)
        else:
            weight = 1
        self._weights[id(node)] = weight
        return weight

    def _flat_scalar(self, event: Any) -> _FlatScalar:
        """Read the scalar ``event`` (peeked; no tag, no anchor) as ``_scalar`` would tag it."""
        self.get_event()
        value = event.value
        if event.implicit[0] and (not value or value[0] in self._resolved):
            tag = self._plain_tags.get(value)
            if tag is None:
                tag = self.resolve(yaml.ScalarNode, value, event.implicit)  # type: ignore[no-untyped-call]
                if len(value) <= _REMEMBERED_TAG_CHARS:
                    self._plain_tags[value] = tag
        else:
            tag = _STR
        return (tag, value, event.start_mark, event.end_mark, event.style)

    def _flat_item(self) -> _Flat | yaml.MappingNode:
        """Read a top-level list's item, a mapping (no tag, no anchor), as plain tuples while
        it holds only scalars and lists of scalars (no tags, anchors or aliases): no node is
        made for it. From anything else on, it is composed as usual, and its node returned."""
        start: Any = self.get_event()
        pairs: list[tuple[_FlatScalar, _FlatScalar | _FlatList]] = []
        peek: Callable[[], Any] = self.peek_event
        get: Callable[[], Any] = self.get_event
        read = self._flat_scalar
        scalar = yaml.ScalarEvent
        # (each event's type is checked first: the end events have no tag and no anchor)
        while True:
            event = peek()
            if type(event) is yaml.MappingEndEvent:
                return pairs, start, get().end_mark
            if type(event) is not scalar or event.anchor is not None or event.tag is not None:
                return self._unflattened(start, pairs, None, None, [])
            key = read(event)
            event = peek()
            if type(event) is scalar and event.anchor is None and event.tag is None:
                pairs.append((key, read(event)))
                continue
            if (
                type(event) is not yaml.SequenceStartEvent
                or event.anchor is not None  # neither a tag nor an anchor
                or event.tag is not None
            ):
                return self._unflattened(start, pairs, key, None, [])
            opened: Any = get()
            items: list[_FlatScalar] = []
            while type(event := peek()) is scalar and event.anchor is None and event.tag is None:
                if event.implicit[0]:  # plain: tagged as _scalar would
                    items.append(read(event))
                else:  # quoted: text
                    get()
                    items.append((_STR, event.value, event.start_mark, event.end_mark, event.style))
            if type(event) is not yaml.SequenceEndEvent:
                return self._unflattened(start, pairs, key, opened, items)
            closed = get().end_mark
            pairs.append((key, (_SEQ, items, opened.start_mark, closed, opened.flow_style)))

    def _unflattened(
        self,
        start: Any,
        pairs: list[tuple[_FlatScalar, _FlatScalar | _FlatList]],
        key: _FlatScalar | None,
        opened: Any,
        items: list[_FlatScalar],
    ) -> yaml.MappingNode:
        """Compose the rest of an item ``_flat_item`` stopped reading: ``pairs`` read, then
        ``key`` (if read) and the list it opened (if any) with its ``items`` so far."""
        tag = self.resolve(yaml.MappingNode, None, start.implicit)  # type: ignore[no-untyped-call]
        node = yaml.MappingNode(tag, [], start.start_mark, None, flow_style=start.flow_style)
        node.value.extend((_node(k), _node(v)) for k, v in pairs)
        self._depth += 1  # the item, as _nested counts it
        try:
            if key is not None:
                key_node = _node(key)
                value: yaml.Node | None
                if opened is not None:
                    tag = self.resolve(yaml.SequenceNode, None, opened.implicit)  # type: ignore[no-untyped-call]
                    value = yaml.SequenceNode(
                        tag, [], opened.start_mark, None, flow_style=opened.flow_style
                    )
                    value.value.extend(map(_node, items))
                    self._depth += 1
                    try:
                        self._fill_sequence(value)
                    finally:
                        self._depth -= 1
                else:  # as _fill_mapping composes a value
                    event: Any = self.peek_event()
                    if type(event) is yaml.ScalarEvent and event.anchor is None:
                        value = self._scalar(self.get_event())
                    elif type(event) in _OPENING and event.anchor is None:
                        value = self._nested(event)
                    else:
                        value = self.compose_node(node, key_node)
                node.value.append((key_node, value))
            return self._fill_mapping(node)
        finally:
            self._depth -= 1

    def _stream(self, key: str, build: _Build) -> yaml.Node:
        """Compose a top-level list as PyYAML would, handing over each item as it is complete.

        Only the built items are kept, so the file's biggest lists never exist as node trees.
        """
        start: Any = self.get_event()
        tag = start.tag
        if tag is None or tag == "!":
            tag = self.resolve(yaml.SequenceNode, None, start.implicit)  # type: ignore[no-untyped-call]
        node = yaml.SequenceNode(tag, [], start.start_mark, None, flow_style=start.flow_style)
        self._depth += 1
        try:
            peek: Callable[[], Any] = self.peek_event
            flat = self._flat if self._fast else None
            while type(event := peek()) is not yaml.SequenceEndEvent:
                item: yaml.Node | _Flat | None
                if (
                    flat is not None
                    and type(event) is yaml.MappingStartEvent
                    and event.anchor is None  # neither a tag nor an anchor
                    and event.tag is None
                ):
                    item = self._flat_item()
                    if type(item) is tuple:
                        node.value.append(flat(key, item))
                        continue
                elif self._fast and type(event) in _OPENING and event.anchor is None:
                    item = self._nested(event)
                else:
                    item = self.compose_node(node, len(node.value))
                if isinstance(item, yaml.Node):
                    node.value.append(build(key, item))
        finally:
            self._depth -= 1
        end: Any = self.get_event()
        node.end_mark = end.end_mark
        return node


def _compose(
    data: bytes, name: str, build: _Build | None = None, flat: _BuildFlat | None = None
) -> yaml.Node | None:
    """Compose a file's nodes; the items of its top-level lists go to ``build`` as nodes, or
    to ``flat`` as read flat (when both are given; see ``_Composer._flat_item``)."""
    composer = _Composer(data, build, flat)
    try:
        node: yaml.Node | None = composer.get_single_node()
    except _DepthError as exc:
        raise KnowledgeError([Problem(name, exc.line, _too_deep())]) from None
    except _BudgetError as exc:
        raise KnowledgeError([Problem(name, exc.line, exc.message)]) from None
    finally:
        composer.dispose()
    return node


def _node(flat: _FlatScalar | _FlatList) -> yaml.Node:
    """Return the node of a scalar or a list read flat, as the composer would have made it."""
    tag, value, start, end, style = flat
    if isinstance(value, str):
        return yaml.ScalarNode(tag, value, start, end, style)
    return yaml.SequenceNode(tag, [_node(item) for item in value], start, end, flow_style=style)


def _flat_node(item: _Flat) -> yaml.MappingNode:
    """Return the node of a top-level list's item read flat, as the composer would have made it."""
    pairs, start, end = item
    node = yaml.MappingNode(_MAP, [], start.start_mark, end, flow_style=start.flow_style)
    node.value.extend((_node(k), _node(v)) for k, v in pairs)
    return node


def _reader_problem(exc: yaml.reader.ReaderError, text: str, name: str) -> Problem:
    code = exc.character if isinstance(exc.character, int) else None
    if code is None:
        return Problem(name, 0, f"YAML error: {exc.reason}")
    at = text.find(chr(code))
    line = text.count("\n", 0, at) + 1 if at >= 0 else 0
    return Problem(name, line, f"the character U+{code:04X} is not allowed in YAML ({exc.reason})")


def _too_big(size: int, limit: int) -> str:
    return f"the file is {size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB"


def _check_encoding(raw: bytes, name: str) -> None:
    for bom, encoding in _OTHER_BOMS:
        if raw.startswith(bom):
            msg = f"the file is {encoding} text; save it as UTF-8"
            raise KnowledgeError([Problem(name, 1, msg)])
    nul = raw.find(b"\x00")
    if nul >= 0:
        line = raw.count(b"\n", 0, nul) + 1
        raise KnowledgeError(
            [Problem(name, line, "binary data (a NUL byte): not a YAML text file")]
        )


def _decode(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        bad = raw[exc.start : exc.start + 1].hex()
        msg = f"not UTF-8 text (byte 0x{bad}); save the file as UTF-8"
        raise KnowledgeError([Problem(name, line, msg)]) from None


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _item_lines(node: yaml.Node | None, count: int) -> tuple[int, ...]:
    """Return the line of each item of a list node (nothing unless there are ``count``)."""
    if isinstance(node, yaml.SequenceNode) and len(node.value) == count:
        return tuple([item.start_mark.line + 1 for item in node.value])  # as _line reads them
    return ()


class _Validator:
    """Walk the composed YAML tree once, collecting problems instead of stopping at the first."""

    def __init__(self, name: str, digest: str) -> None:
        self.name = name
        self.digest = digest
        # Each problem as a (file, line, message) row, which the collector stops tracking: a
        # hostile file can have 100,000 problems, and a Problem object each would be walked by
        # every full collection while the rest of the file is read. Problem objects are made
        # only for the ones reported.
        self.problems: list[_ProblemRow] = []
        # Per streamed list: each item's line, and the problems of the items that have some
        # (by position). Kept as numbers, not one object per item, for the collector's sake.
        self._streamed: dict[str, tuple[array[int], dict[int, tuple[_ProblemRow, ...]]]] = {}
        # Each phrasing's phrase key, made for the duplicate check: the index reads the
        # phrasings' words from them (see load_with_phrase_keys).
        self.phrase_keys: dict[str, str] = {}

    def problem(self, node: yaml.Node | int, message: str) -> None:
        line = node if isinstance(node, int) else _line(node)
        self.problems.append((self.name, line, message))

    def error(self) -> KnowledgeError:
        """Return the error listing the problems found (the first ones, and how many in all)."""
        first = heapq.nsmallest(MAX_PROBLEMS + 1, self.problems)  # as sorted(...)[:n] would
        return KnowledgeError([Problem(*row) for row in first], count=len(self.problems))

    def knowledge(self, root: yaml.Node | None) -> Knowledge:
        if root is None:
            raise KnowledgeError([Problem(self.name, 1, "the file is empty")])
        top = self.mapping(root, "the file", _TOP_KEYS)
        version = 1
        if top is not None and "version" in top:
            version = self.integer(top["version"], "version") or 1
        groups = self.groups(top["synonyms"]) if top and "synonyms" in top else ()
        sources = self.items(top, "sources", self.source)
        entries = self.items(top, "entries", self.entry)
        talk = self.items(top, "smalltalk", self.talk)
        self.cross_check(sources, entries)
        if self.problems:
            raise self.error()
        return Knowledge(
            path=self.name,
            version=version,
            synonyms=groups,
            sources=Sources({s[0]: s for s in sources[0]}),
            entries=Entries(_drained(entries[0])),
            digest=self.digest,
            smalltalk=tuple(talk[0]),
        )

    def items(
        self,
        top: dict[str, yaml.Node] | None,
        key: str,
        build: Callable[[yaml.Node], _T | None],
    ) -> tuple[list[_T], list[int]]:
        """Return the valid items of a top-level list, and the line of each."""
        values: list[_T] = []
        lines: list[int] = []
        if top is None or key not in top:
            return values, lines
        node = top[key]
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.problem(node, f"'{key}' must be a non-empty list")
            return values, lines
        self.check_tag(node)
        streamed_lines, streamed_problems = self._streamed.get(key, (array("q"), {}))
        for position, item in enumerate(node.value):
            if isinstance(item, yaml.Node):
                built, line = build(item), _line(item)
            else:  # built while the file was read
                self.problems += streamed_problems.get(position, ())
                built, line = item, streamed_lines[position]
            if built is not None:
                values.append(built)
                lines.append(line)
        if key in self._streamed:  # never aliased: only ``values`` holds its rows now
            node.value = []
        return values, lines

    def streamed(self, key: str, node: yaml.Node) -> SourceRow | EntryRow | None:
        """Build one item of the top-level list ``key`` as soon as it is read."""
        saved, self.problems = self.problems, []
        try:
            value = self.source(node) if key == "sources" else self.entry(node)
        finally:
            found, self.problems = self.problems, saved
        if key not in self._streamed:
            self._streamed[key] = (array("q"), {})
        lines, problems = self._streamed[key]
        if found:
            problems[len(lines)] = tuple(found)
        lines.append(_line(node))
        return value

    def flat(self, key: str, item: _Flat) -> SourceRow | EntryRow | None:
        """Build one item of the top-level list ``key`` read flat: an entry straight from its
        values when ``plain_entry`` finds it valid, else from its node, as ``streamed`` does
        (which reports its problems)."""
        row = self.plain_entry(item) if key == "entries" else None
        if row is None:
            return self.streamed(key, _flat_node(item))
        if key not in self._streamed:
            self._streamed[key] = (array("q"), {})
        self._streamed[key][0].append(item[1].start_mark.line + 1)
        return row

    def plain_entry(self, item: _Flat) -> EntryRow | None:
        """Return the row of an entry read flat, or None unless ``entry`` would find no problem
        in it: its keys known, once each, and all required; its fields untagged text and lists
        of text, each within its limits, as ``entry`` builds them (its id a slug, its status
        one). None also for what it leaves to ``entry``: a list written as one text, say."""
        fields: dict[str, _FlatScalar | _FlatList] = {}
        known = _ENTRY_KEYS[0]
        for key, value in item[0]:
            name = key[1]
            if key[0] != _STR or name not in known or name in fields:
                return None
            fields[name] = value
        if not all(map(fields.__contains__, _ENTRY_KEYS[1])):
            return None
        eid = _plain_text(fields["id"], MAX_TEXT_CHARS)
        questions = _plain_texts(fields["questions"], allow_empty=False)
        answer = _plain_text(fields["answer"], MAX_ANSWER_CHARS)
        status = _plain_text(fields["status"], MAX_TEXT_CHARS)
        claimed = _plain_text(fields["claimed_by"], MAX_TEXT_CHARS)
        if (
            eid is None
            or not _SLUG.match(eid)
            or not questions
            or answer is None
            or status is None
            or status.lower() not in _STATUSES
            or claimed is None
        ):
            return None
        lists: list[tuple[str, ...]] = []
        for name in _ENTRY_LISTS:
            given = fields.get(name)
            found = () if given is None else _plain_texts(given, allow_empty=name != "sources")
            if found is None:
                return None
            lists.append(found)
        asked: Any = fields["questions"][1]
        return (
            eid,
            questions,
            answer,
            _STATUSES[status.lower()],
            claimed,
            *lists,
            packed_lines(item[1].start_mark.line + 1, [q[2].line + 1 for q in asked]),
        )  # type: ignore[return-value]

    def mapping(
        self, node: yaml.Node, what: str, keys: tuple[frozenset[str], tuple[str, ...]]
    ) -> dict[str, yaml.Node] | None:
        """Return a mapping's values by key; ``keys``: those allowed and those required."""
        if type(node) is not yaml.MappingNode or node.tag != _MAP:
            self.check_tag(node)
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{what} must be a mapping of keys to values")
            return None
        known, required = keys
        out: dict[str, yaml.Node] = {}
        for key_node, value in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key in known and key not in out:  # a known key, once: the checks below pass
                out[key] = value
            elif not isinstance(key, str):
                self.problem(key_node, f"{what} has a key that is not text")
            elif key not in known:
                hint = ", ".join(sorted(known))
                self.problem(key_node, f"unknown key '{_clip(key)}' in {what} (allowed: {hint})")
            elif key in out:
                self.problem(key_node, f"key '{key}' appears twice in {what}")
            else:
                out[key] = value
        if len(out) < len(required) or not all(map(out.__contains__, required)):
            for name in required:
                if name not in out:
                    self.problem(node, f"{what} is missing the required key '{name}'")
        return out

    def check_tag(self, node: yaml.Node) -> bool:
        tag = node.tag or ""
        allowed = tag in _SCALAR_TAGS if isinstance(node, yaml.ScalarNode) else tag in (_SEQ, _MAP)
        if not allowed:
            self.problem(node, f"the YAML tag '{tag}' is not allowed in a knowledge file")
        return allowed

    def text(self, node: yaml.Node, what: str, limit: int = MAX_TEXT_CHARS) -> str | None:
        if type(node) is yaml.ScalarNode and node.tag == _STR:  # most fields: the checks below
            value = _clean(node.value, limit)
            if value is not None:
                return value
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, f"{what} must be text, not a {_kind(node)}")
            return None
        tag = node.tag
        if tag not in _SCALAR_TAGS:
            self.check_tag(node)  # reports it
            return None
        split = str(node.value).split()
        if tag == _NULL or not split:
            self.problem(node, f"{what} must not be empty")
            return None
        value = " ".join(split)
        if len(value) > limit:
            self.problem(node, f"{what} is {len(value):,} characters long; the limit is {limit:,}")
            return None
        return value

    def integer(self, node: yaml.Node, what: str) -> int | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == _YAML + "int":
            try:  # YAML 1.1 ints include 0x1F, 0b101, 1:30 and 5,000-digit numbers
                return int(node.value)
            except ValueError:
                pass
        self.problem(node, f"{what} must be a whole number written in decimal digits")
        return None

    def texts(self, node: yaml.Node, what: str, *, allow_empty: bool) -> tuple[str, ...]:
        if isinstance(node, yaml.ScalarNode) and node.tag == _STR:
            node = yaml.SequenceNode(_SEQ, [node], node.start_mark, node.end_mark)
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"{what} must be a list of text, not a {_kind(node)}")
            return ()
        if node.tag != _SEQ:
            self.check_tag(node)
        if not node.value and not allow_empty:
            self.problem(node, f"{what} must not be an empty list")
        if len(node.value) > MAX_LIST_ITEMS:
            count = len(node.value)
            self.problem(node, f"{what} has {count:,} items; the limit is {MAX_LIST_ITEMS:,}")
            return ()
        text, each = self.text, f"each item of {what}"
        return tuple(value for item in node.value if (value := text(item, each)) is not None)

    def groups(self, node: yaml.Node) -> tuple[tuple[str, ...], ...]:
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, "'synonyms' must be a list of lists of terms")
            return ()
        self.check_tag(node)
        out: list[tuple[str, ...]] = []
        total = 0
        for group in node.value:
            terms = self.texts(group, "a synonym group", allow_empty=False)
            if len(terms) == 1:
                self.problem(group, "a synonym group needs at least two terms")
            for term in terms:
                if len(term.split()) > MAX_SYNONYM_WORDS:
                    self.problem(
                        group,
                        f"the synonym '{_clip(term)}' has more than {MAX_SYNONYM_WORDS} words",
                    )
            total += len(terms)
            if total > MAX_SYNONYM_TERMS:
                self.problem(group, f"more than {MAX_SYNONYM_TERMS:,} synonym terms in all")
                return tuple(out)
            out.append(terms)
        return tuple(out)

    def slug(self, node: yaml.Node, what: str) -> str | None:
        value = self.text(node, what)
        if value is not None and not _SLUG.match(value):
            self.problem(
                node, f"{what} '{value}' must be a slug: lowercase letters, digits, dashes"
            )
            return None
        return value

    def choice(self, node: yaml.Node, what: str, enum: type[_E]) -> _E | None:
        value = self.text(node, what)
        if value is None:
            return None
        try:
            return enum(value.lower())
        except ValueError:
            options = ", ".join(m.value for m in enum)
            self.problem(node, f"{what} '{value}' is not one of: {options}")
            return None

    def source(self, node: yaml.Node) -> SourceRow | None:
        m = self.mapping(node, "a source", _SOURCE_KEYS)
        if m is None:
            return None
        sid = self.slug(m["id"], "source id") if "id" in m else None
        where = f"source '{sid}'" if sid else "a source"
        title = self.text(m["title"], f"the title of {where}") if "title" in m else None
        outlet = self.text(m["outlet"], f"the outlet of {where}") if "outlet" in m else None
        kind = self.choice(m["kind"], f"the kind of {where}", SourceKind) if "kind" in m else None
        optional = {
            k: self.text(m[k], f"the {k} of {where}") for k in ("author", "date", "url") if k in m
        }
        if sid is None:
            return None
        # An invalid source still takes part in the cross-checks; the file is rejected anyway.
        # A row of plain values, not a Source: the collector stops tracking it (see EntryRow).
        return (
            sid,
            title or "",
            outlet or "",
            (kind or SourceKind.OTHER_SITE).value,
            optional.get("author"),
            optional.get("date"),
            optional.get("url"),
        )

    def talk(self, node: yaml.Node) -> SmallTalk | None:
        m = self.mapping(node, "a small-talk item", _TALK_KEYS)
        if m is None or not all(k in m for k in ("kind", "phrasings", "reply")):
            return None
        kind = self.choice(m["kind"], "the kind of a small-talk item", TalkKind)
        phrasings = self.texts(m["phrasings"], "small-talk phrasings", allow_empty=False)
        reply = self.text(m["reply"], "a small-talk reply")
        if kind is None or reply is None:
            return None
        return SmallTalk(kind, phrasings, reply)

    def entry(self, node: yaml.Node) -> EntryRow | None:
        m = self.mapping(node, "an entry", _ENTRY_KEYS)
        if m is None:
            return None
        eid = self.slug(m["id"], "entry id") if "id" in m else None
        where = f"entry '{eid}'" if eid else "an entry"
        questions = (
            self.texts(m["questions"], f"the questions of {where}", allow_empty=False)
            if "questions" in m
            else ()
        )
        answer = (
            self.text(m["answer"], f"the answer of {where}", MAX_ANSWER_CHARS)
            if "answer" in m
            else None
        )
        status = (
            self.choice(m["status"], f"the status of {where}", Status) if "status" in m else None
        )
        claimed = (
            self.text(m["claimed_by"], f"claimed_by of {where}") if "claimed_by" in m else None
        )
        lists = {
            key: self.texts(m[key], f"{key} of {where}", allow_empty=key != "sources")
            for key in ("sources", "related", "conflicts_with", "keywords", "tags")
            if key in m
        }
        if eid is None:
            return None
        # An invalid entry still takes part in the cross-checks; the file is rejected anyway.
        # A row of plain values, not an Entry: the collector stops tracking it (see EntryRow).
        return (
            eid,
            questions,
            answer or "",
            (status or Status.RUMOR).value,
            claimed or "",
            lists.get("sources", ()),
            lists.get("related", ()),
            lists.get("conflicts_with", ()),
            lists.get("keywords", ()),
            lists.get("tags", ()),
            packed_lines(_line(node), _item_lines(m.get("questions"), len(questions))),
        )

    def cross_check(
        self, sources: tuple[list[SourceRow], list[int]], entries: tuple[list[EntryRow], list[int]]
    ) -> None:
        source_ids = self.unique(*sources, "source")
        entry_ids = self.unique(*entries, "entry")
        owner: dict[str, str] = {}
        keys = self.phrase_keys = phrase_keys([q for row in entries[0] for q in row[1]])
        for row, node in zip(*entries, strict=True):
            eid, questions, cited, related, conflicts = row[0], row[1], row[5], row[6], row[7]
            for ref in cited:
                if ref not in source_ids:
                    self.problem(node, f"entry '{eid}' cites unknown source '{ref}'")
            for key, refs in (("related", related), ("conflicts_with", conflicts)):
                for ref in refs:
                    if ref == eid:
                        self.problem(node, f"entry '{eid}' lists itself in {key}")
                    elif ref not in entry_ids:
                        self.problem(node, f"entry '{eid}' has unknown entry '{ref}' in {key}")
            for question in questions:
                phrase = keys[question]
                other = owner.get(phrase)
                if other is None:
                    owner[phrase] = eid
                elif other == eid:
                    self.problem(node, f"entry '{eid}' repeats the phrasing '{question}'")
                else:
                    self.problem(
                        node, f"the phrasing '{question}' is under both '{other}' and '{eid}'"
                    )

    def unique(self, rows: list[_Row], lines: list[int], what: str) -> KeysView[str]:
        seen: dict[str, int] = {}
        for row, node in zip(rows, lines, strict=True):
            item_id = row[0]
            if item_id in seen:
                self.problem(
                    node, f"duplicate {what} id '{item_id}' (first at line {seen[item_id]})"
                )
            else:
                seen[item_id] = node
        return seen.keys()


_ENTRY_LISTS = ("sources", "related", "conflicts_with", "keywords", "tags")  # in a row's order
_STATUSES = {status.value: status.value for status in Status}  # as Status(text) reads text


def _clean(value: str, limit: int) -> str | None:
    """Return a text with its runs of white space made one space, or None if that leaves it
    empty or longer than ``limit``: what ``text`` accepts without a problem."""
    text = " ".join(value.split())
    return text if text and len(text) <= limit else None


def _plain_text(flat: _FlatScalar | _FlatList, limit: int) -> str | None:
    """Return the text of an untagged scalar read flat as ``text`` would, or None unless it
    would be valid."""
    value = flat[1]
    if flat[0] != _STR or type(value) is not str:
        return None
    return _clean(value, limit)


def _plain_texts(flat: _FlatScalar | _FlatList, *, allow_empty: bool) -> tuple[str, ...] | None:
    """Return the texts of a list read flat as ``texts`` would, or None unless they would all
    be valid (a text alone, which ``texts`` reads as a list of one, is left to it)."""
    items = flat[1]
    if flat[0] != _SEQ or type(items) is not list or len(items) > MAX_LIST_ITEMS:
        return None
    if not items and not allow_empty:
        return None
    out: list[str] = []
    for item in items:
        text = _plain_text(item, MAX_TEXT_CHARS)
        if text is None:
            return None
        out.append(text)
    return tuple(out)


def _drained(rows: list[_Row]) -> Iterator[_Row]:
    """Yield the rows and empty the list as it goes, a few thousand rows at a time.

    The rows of a big file are a million small objects: freed all at once, they would hold the
    GIL (and stall the event loop) for as long as that takes.
    """
    while rows:
        some = rows[:_DRAIN]
        del rows[:_DRAIN]
        yield from some


def _clip(text: str, limit: int = 80) -> str:
    """Return text cut short for quoting in a problem."""
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    if isinstance(node, yaml.SequenceNode):
        return "list"
    return "single value"
