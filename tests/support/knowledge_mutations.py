"""A generator of broken (and some merely unusual) versions of a knowledge file.

Each ``Mutation`` builds its bytes lazily from the base file and says what loading them must
give: ``same`` (loads, and says exactly what the base file says), ``valid`` (loads; what it
says is checked against an independent reading, see ``oracle``), ``reject`` (a KnowledgeError)
or ``either`` (one or the other: a truncated file may still be a valid, shorter one).

Payloads that would run code if the file were ever built with an unsafe YAML loader create a
*marker* file; the tests check that it never appears.
"""

from __future__ import annotations

import codecs
import copy
import gzip
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml

from bot.core.knowledge.loader import ENTRY_FIELDS, MAX_FILE_BYTES, SOURCE_FIELDS
from bot.core.knowledge.models import Entry, Knowledge, Source, SourceKind, Status

Make = Callable[[Path], bytes]
"""Build a mutation's bytes; the argument is the marker file a payload would create."""

Locate = Callable[[bytes], tuple[int, int]]
"""Return the first and last line (1-based) where a mutation's damage is, given its bytes."""

MB = 1024 * 1024


@dataclass(frozen=True)
class Mutation:
    """One version of the file to feed to the loader, and what loading it must give."""

    name: str
    make: Make = field(repr=False)
    expect: str  # "same" | "valid" | "reject" | "either"
    lines: Locate | None = None  # when rejected: some problem lies in these lines
    mentions: str | None = None  # when rejected: some problem's message says this
    check: Callable[[Knowledge], None] | None = field(default=None, repr=False)


def payloads(marker: Path) -> dict[str, str]:
    """YAML values that run code (each creates ``marker``) if the YAML is built unsafely."""
    m = str(marker)
    return {
        "os.system": f'!!python/object/apply:os.system ["touch {m}"]',
        "open": f'!!python/object/apply:builtins.open ["{m}", "w"]',
        "subprocess": f'!!python/object/apply:subprocess.check_call [["touch", "{m}"]]',
        "nested apply": (
            "!!python/object/apply:builtins.exec "
            f"[!!python/object/apply:builtins.str [\"open('{m}', 'w')\"]]"
        ),
        "apply mapping": f'!!python/object/apply:os.system {{args: ["touch {m}"]}}',
    }


def oracle(data: bytes) -> tuple[object, ...]:
    """Read a file the way the format describes it, independently of ``bot.core.knowledge.loader``.

    Uses PyYAML's base constructor (every scalar stays text, as the loader reads it) and builds
    the same tuple as ``hardening_support.content``. Only meaningful for files that loaded.
    """
    doc = yaml.load(data.decode("utf-8-sig"), Loader=yaml.CBaseLoader)

    def norm(value: Any) -> str:
        return " ".join(str(value).split())

    def many(value: Any) -> tuple[str, ...]:
        return (norm(value),) if isinstance(value, str) else tuple(norm(v) for v in value)

    sources = {}
    for s in doc["sources"]:
        sources[norm(s["id"])] = Source(
            norm(s["id"]),
            norm(s["title"]),
            norm(s["outlet"]),
            SourceKind(norm(s["kind"]).lower()),
            *(norm(s[k]) if k in s else None for k in ("author", "date", "url")),
        )
    entries = tuple(
        Entry(
            id=norm(e["id"]),
            questions=many(e["questions"]),
            answer=norm(e["answer"]),
            status=Status(norm(e["status"]).lower()),
            claimed_by=norm(e["claimed_by"]),
            **{
                k: many(e[k])
                for k in ("sources", "related", "conflicts_with", "keywords", "tags")
                if k in e
            },
        )
        for e in doc["entries"]
    )
    synonyms = tuple(many(group) for group in doc.get("synonyms", ()))
    version = int(doc.get("version", "1")) or 1
    return (version, synonyms, sources, entries)


def entry_lines(text: str, index: int) -> tuple[int, int]:
    """Return the first and last line (1-based) of the ``index``-th item of ``entries``."""
    lines = text.splitlines()
    top = next(n for n, line in enumerate(lines) if line.startswith("entries:"))
    starts: list[int] = []
    indent: str | None = None
    end = len(lines)
    for n in range(top + 1, len(lines)):
        line = lines[n]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = re.match(r"^(\s*)- ", line)
        if indent is None:
            if item is None:
                break
            indent = item.group(1)
        depth = len(line) - len(line.lstrip(" "))
        if item and item.group(1) == indent:
            starts.append(n)
        elif depth < len(indent) or (depth == len(indent) and not item):
            end = n
            break
    first = starts[index]
    last = starts[index + 1] if index + 1 < len(starts) else end
    return first + 1, last


def fixed(first: int, last: int | None = None) -> Locate:
    return lambda _: (first, first if last is None else last)


def entry_at(index: int) -> Locate:
    return lambda data: entry_lines(data.decode("utf-8", "replace"), index)


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" "))]


class Mutator:
    """Generates the mutations of one base file; ``long`` makes the sweeps denser."""

    def __init__(self, base: bytes, *, long: bool = False) -> None:
        self.base = base
        self.text = base.decode("utf-8")
        self.lines = self.text.splitlines(keepends=True)
        self.long = long
        self.doc: dict[str, Any] = yaml.load(self.text, Loader=yaml.CBaseLoader)
        self.entry_ids = [e["id"] for e in self.doc["entries"]]
        self.first = self.entry_ids[0]
        self.span = entry_lines(self.text, 0)
        # The first entry's claimed_by line: a plain one-line value to damage in place.
        self.target = next(
            n
            for n in range(self.span[0], self.span[1] + 1)
            if re.match(r"^\s+claimed_by: [\w(]", self.lines[n - 1])
        )
        self.indent = _indent(self.lines[self.target - 1])
        self.base_content = oracle(base)

    # --- helpers -------------------------------------------------------------------------

    def at_line(self, line: int, edit: Callable[[str], str]) -> bytes:
        """Return the base with one (1-based) line replaced by ``edit(line)``."""
        lines = list(self.lines)
        lines[line - 1] = edit(lines[line - 1])
        return "".join(lines).encode("utf-8")

    def in_target(self, insert: str) -> bytes:
        """Return the base with ``insert`` placed in the middle of the target line's value."""

        def edit(line: str) -> str:
            cut = line.index(":") + 3
            return line[:cut] + insert + line[cut:]

        return self.at_line(self.target, edit)

    def set_key(self, key: str, value: str) -> tuple[bytes, int]:
        """Set a key of the first entry to a one-line value; return the bytes and its line.

        An existing key is replaced with all its continuation lines; a missing one is added
        just before the target line.
        """
        lines = list(self.lines)
        own = rf"^{self.indent}{re.escape(key)}:"
        found = [n for n in range(self.span[0], self.span[1] + 1) if re.match(own, lines[n - 1])]
        if not found:
            lines.insert(self.target - 1, f"{self.indent}{key}: {value}\n")
            return "".join(lines).encode("utf-8"), self.target
        line = found[0]
        last = line
        for k in range(line + 1, len(lines) + 1):
            text = lines[k - 1]
            if text.strip() and len(_indent(text)) <= len(self.indent):
                break
            if text.strip():
                last = k
        lines[line - 1 : last] = [f"{self.indent}{key}: {value}\n"]
        return "".join(lines).encode("utf-8"), line

    def keyed(
        self,
        name: str,
        key: str,
        value: str,
        expect: str,
        mentions: str | None = None,
        *,
        slack: int = 0,
    ) -> Mutation:
        """A mutation setting a key of the first entry; a rejection must point at that line
        (or up to ``slack`` lines below: some syntax errors show only at the next token)."""
        data, line = self.set_key(key, value)
        return Mutation(name, _const(data), expect, fixed(line, line + slack), mentions)

    def dump(self, doc: Any, **options: Any) -> bytes:
        """Serialise a document of strings, keeping ``version`` a number."""
        if isinstance(doc, dict) and str(doc.get("version", "")).isdigit():
            doc = {**doc, "version": int(doc["version"])}
        options = {"sort_keys": False, "allow_unicode": True, "width": 100, **options}
        return yaml.dump(doc, Dumper=yaml.CSafeDumper, **options).encode("utf-8")

    def edited(self, edit: Edit, *, replace: bool = False, **options: Any) -> Make:
        """Return a builder that edits a fresh copy of the document (in place, or returning
        its replacement when ``replace``) and dumps it."""

        def make(_: Path) -> bytes:
            doc = copy.deepcopy(self.doc)
            replaced = edit(doc)
            return self.dump(replaced if replace else doc, **options)

        return make

    # --- the mutations -------------------------------------------------------------------

    def all(self) -> list[Mutation]:
        found = [
            *self.truncations(),
            *self.line_edits(),
            *self.structure(),
            *self.wrong_types(),
            *self.encodings(),
            *self.junk(),
            *self.sizes(),
            *self.tags(),
            *self.aliases(),
            *self.nesting(),
            *self.yaml_oddities(),
        ]
        names = [m.name for m in found]
        assert len(names) == len(set(names)), "mutation names must be unique"
        return found

    def truncations(self) -> Iterator[Mutation]:
        size = len(self.base)
        count = 400 if self.long else 16
        offsets = {0, 1, size - 1}
        for k in range(count):
            offset = int(size * (k + 0.5) / count)
            while offset > 1 and self.base[offset - 1 : offset] == b"\n":
                offset -= 1  # mid-line, not at a line's end
            offsets.add(offset)
        ids = self.entry_ids
        full = {e.id: e for e in cast(tuple[Entry, ...], self.base_content[3])}

        def prefix_of_base(kb: Knowledge) -> None:
            got = [e.id for e in kb.entries]
            assert got == ids[: len(got)], "a truncated file can only lose trailing entries"
            assert all(full[e.id] == e for e in kb.entries[:-1]), "only the cut entry may change"

        for offset in sorted(offsets):
            whole = offset == size - 1 and self.base.endswith(b"\n")
            yield Mutation(
                f"truncated at byte {offset:,}",
                _const(self.base[:offset]),
                "same" if whole else "either",
                check=prefix_of_base,
            )
        damaged = self.in_target("\u00e9\u2026")
        cut = damaged.index("\u2026".encode()) + 1
        yield Mutation(
            "truncated inside a UTF-8 character",
            _const(damaged[:cut]),
            "reject",
            fixed(self.target),
            "UTF-8",
        )

    def line_edits(self) -> Iterator[Mutation]:
        content = [n for n, line in enumerate(self.lines, 1) if line.strip()]
        stride = max(1, len(content) // (60 if self.long else 2))
        chosen = content[stride // 2 :: stride]
        edits: dict[str, Callable[[str], str]] = {
            "indented one more space": lambda s: " " + s,
            "indented one less space": lambda s: s[1:] if s.startswith(" ") else s,
            "indentation removed": lambda s: s.lstrip(" "),
            "indented with a tab": lambda s: "\t" + s.lstrip(" ") if s.startswith(" ") else s,
            "tab after the colon": lambda s: s.replace(": ", ":\t", 1),
        }
        for label, edit in edits.items():
            for n in chosen:
                if edit(self.lines[n - 1]) != self.lines[n - 1]:
                    yield Mutation(f"line {n} {label}", _const(self.at_line(n, edit)), "either")

    def structure(self) -> Iterator[Mutation]:
        first = self.first
        e0, e1, s0 = _item("entries", 0), _item("entries", 1), _item("sources", 0)
        s1 = _item("sources", 1)
        rejects: list[tuple[str, Edit, Locate | None, str]] = [
            ("duplicate entry id", _put(e1, "id", first), entry_at(1), "duplicate entry id"),
            (
                "duplicate source id",
                lambda d: s1(d).__setitem__("id", s0(d)["id"]),
                None,
                "duplicate source id",
            ),
            ("dangling source", _add(e0, "sources", "no-such"), entry_at(0), "unknown source"),
            ("dangling related", _add(e0, "related", "no-such"), entry_at(0), "unknown entry"),
            (
                "dangling conflict",
                _add(e0, "conflicts_with", "no-such"),
                entry_at(0),
                "unknown entry",
            ),
            ("entry related to itself", _add(e0, "related", first), entry_at(0), "itself"),
            ("entry opposing itself", _add(e0, "conflicts_with", first), entry_at(0), "itself"),
            ("empty questions", _put(e0, "questions", []), entry_at(0), "empty list"),
            ("empty sources", _put(e0, "sources", []), entry_at(0), "empty"),
            (
                "a phrasing under two entries",
                lambda d: e1(d).__setitem__(
                    "questions", [*_many(e1(d)["questions"]), _many(e0(d)["questions"])[0]]
                ),
                entry_at(1),
                "under both",
            ),
            (
                "a phrasing repeated in an entry",
                lambda d: e0(d).__setitem__(
                    "questions",
                    [*_many(e0(d)["questions"]), _many(e0(d)["questions"])[0].upper() + " ?!"],
                ),
                entry_at(0),
                "repeats",
            ),
            ("unknown status", _put(e0, "status", "maybe"), entry_at(0), "status"),
            ("unknown source kind", _put(s0, "kind", "podcast"), None, "kind"),
            ("empty answer", _put(e0, "answer", ""), entry_at(0), "empty"),
            ("blank answer", _put(e0, "answer", " \t "), entry_at(0), "empty"),
            ("null answer", _put(e0, "answer", None), entry_at(0), "empty"),
            ("entry id not a slug", _put(e0, "id", "Not A Slug!"), entry_at(0), "slug"),
            ("source id not a slug", _put(s0, "id", "bad id"), None, "slug"),
            ("unknown key in an entry", _put(e0, "colour", "red"), entry_at(0), "unknown key"),
            ("unknown key in a source", _put(s0, "colour", "red"), None, "unknown key"),
            ("unknown top-level key", lambda d: d.__setitem__("x", "y"), None, "unknown key"),
            ("version as words", lambda d: d.__setitem__("version", "one"), fixed(1), "version"),
            ("version as a list", lambda d: d.__setitem__("version", [1]), fixed(1, 2), "version"),
            ("no sources at all", lambda d: d.__setitem__("sources", []), None, "sources"),
            ("no entries at all", lambda d: d.pop("entries"), fixed(1), "entries"),
            ("entries as a mapping", lambda d: d.__setitem__("entries", {"a": "b"}), None, "list"),
            (
                "a synonym group of one term",
                lambda d: d.__setitem__("synonyms", [*d.get("synonyms", []), ["lonely"]]),
                None,
                "two terms",
            ),
            (
                "synonyms as one string",
                lambda d: d.__setitem__("synonyms", "a, b"),
                None,
                "synonyms",
            ),
            ("root is a list", lambda d: [d], fixed(1), "mapping"),
            ("root is a string", lambda d: "just text", fixed(1), "mapping"),
        ]
        rejects += [
            (f"entry without {f.name}", _drop(e0, f.name), entry_at(0), "missing")
            for f in ENTRY_FIELDS
            if f.required
        ]
        rejects += [
            (f"source without {f.name}", _drop(s0, f.name), None, "missing")
            for f in SOURCE_FIELDS
            if f.required
        ]
        for name, edit, where, mentions in rejects:
            root = name.startswith("root is")
            yield Mutation(name, self.edited(edit, replace=root), "reject", where, mentions)

        phrase = "a phrasing nobody else uses, zqxj"
        status = self.doc["entries"][0]["status"]
        valid: list[tuple[str, Edit, Callable[[Knowledge], bool]]] = [
            (
                "questions as one string",
                _put(e0, "questions", phrase),
                lambda kb: kb.by_id[first].questions == (phrase,),
            ),
            (
                "status in capitals",
                _put(e0, "status", status.upper()),
                lambda kb: kb.by_id[first].status.value == status,
            ),
            ("version 2", lambda d: d.__setitem__("version", 2), lambda kb: kb.version == 2),
            ("no synonyms", lambda d: d.pop("synonyms", None), lambda kb: kb.synonyms == ()),
            (
                "no optional lists",
                lambda d: [e.pop(k, None) for e in d["entries"] for k in _OPTIONAL_LISTS] and None,
                lambda kb: all(not e.related and not e.tags for e in kb.entries),
            ),
            (
                "entries reversed",
                lambda d: d["entries"].reverse(),
                lambda kb: [e.id for e in kb.entries] == self.entry_ids[::-1],
            ),
            (
                "numbers and booleans as text",
                lambda d: e0(d).update(claimed_by=1234, answer=True),
                lambda kb: (kb.by_id[first].claimed_by, kb.by_id[first].answer) == ("1234", "true"),
            ),
            (
                "a 3,990-character answer (the budget is 4,000)",
                _put(e0, "answer", "the molds last " * 266),
                lambda kb: len(kb.by_id[first].answer) == 3_989,
            ),
        ]
        if not self.long:  # each valid file costs a full load and index build: keep a few
            valid = [v for v in valid if v[0] in _CORE_VALID]
        for name, edit, check in valid:
            yield Mutation(name, self.edited(edit), "valid", check=_holds(check))
        yield Mutation(  # past the budget of an answer: refused, with its line
            "a 100 KB answer",
            self.edited(_put(e0, "answer", "the molds last " * 7000)),
            "reject",
            entry_at(0),
            "the limit is 4,000",
        )
        if self.long:
            yield Mutation("dumped again", self.edited(lambda d: None), "same")
        yield Mutation("keys in reverse order", self.edited(_reverse_keys, replace=True), "same")
        yield Mutation(
            "flow style throughout", self.edited(lambda d: None, default_flow_style=True), "same"
        )
        nines = "9" * 5000
        yield Mutation(
            "a 1,000-digit number in a question",
            self.edited(_put(e0, "questions", [nines[:1000]])),
            "valid",
            check=_holds(lambda kb: kb.by_id[first].questions == (nines[:1000],)),
        )
        yield Mutation(  # past the length budget of a field: refused, with its line
            "a 5,000-digit number in a question",
            self.edited(_put(e0, "questions", [nines])),
            "reject",
        )
        yield Mutation(
            "a 3,900-digit number in an answer",
            self.edited(_put(e0, "answer", f"about {nines[:3900]} cars")),
            "valid",
            check=_holds(lambda kb: kb.by_id[first].answer == f"about {nines[:3900]} cars"),
        )
        yield Mutation(
            "a 5,000-digit number in an answer",
            self.edited(_put(e0, "answer", f"about {nines} cars")),
            "reject",
        )

    def wrong_types(self) -> Iterator[Mutation]:
        wrong = {"a mapping": "{a: b}", "a list": "[a, b]", "a list of lists": "[[nested]]"}
        for n, f in enumerate(ENTRY_FIELDS):
            shapes = ["a mapping", "a list" if f.kind in ("text", "slug", "status") else
                      "a list of lists"]  # fmt: skip
            for shape in shapes if self.long else shapes[n % 2 : n % 2 + 1]:
                name = f"entry {f.name} as {shape}"
                if f.name == "id":  # the item's first key: edit the document instead
                    value = {"a": "b"} if shape == "a mapping" else ["a", "b"]
                    make = self.edited(_put(_item("entries", 0), "id", value))
                    yield Mutation(name, make, "reject", entry_at(0), "id")
                else:
                    yield self.keyed(name, f.name, wrong[shape], "reject", f.name)
        for f in SOURCE_FIELDS if self.long else SOURCE_FIELDS[::3]:
            yield Mutation(
                f"source {f.name} as a mapping",
                self.edited(_put(_item("sources", 0), f.name, {"a": "b"})),
                "reject",
                None,
                f.name,
            )
        version = next(n for n, line in enumerate(self.lines, 1) if line.startswith("version:"))
        values = ["0x10", "1:30", "9" * 5000, "!!int abc"]
        values += ["0b101", "0o17", "1.5", "null"] if self.long else []
        for value in values:
            yield Mutation(
                f"version {value[:12]}",
                _const(self.at_line(version, lambda _, v=value: f"version: {v}\n")),
                "reject",
                fixed(version),
                "version",
            )

    def encodings(self) -> Iterator[Mutation]:
        t = fixed(self.target)
        base = self.base
        accented = self.in_target("caf\u00e9 \u201cquoted\u201d ").decode("utf-8")
        mixed = b"".join(
            line.replace(b"\n", b"\r\n") if n % 2 else line
            for n, line in enumerate(base.splitlines(keepends=True))
        )
        yield Mutation("byte order mark", _const(codecs.BOM_UTF8 + base), "same")
        yield Mutation("CRLF line ends", _const(base.replace(b"\n", b"\r\n")), "same")
        if self.long:
            yield Mutation("no final newline", _const(base.rstrip(b"\n")), "same")
            yield Mutation("CR line ends", _const(base.replace(b"\n", b"\r")), "same")
            yield Mutation("mixed line ends", _const(mixed), "same")
            yield Mutation("trailing spaces", _const(base.replace(b"\n", b"   \n")), "same")
            blank = base.replace(b"\n\n", b"\n\n\n")
            yield Mutation("blank lines doubled", _const(blank), "same")
        latin1 = accented.encode("latin-1", "replace")
        yield Mutation("Latin-1", _const(latin1), "reject", t, "UTF-8")
        yield Mutation("Windows-1252", _const(accented.encode("cp1252")), "reject", t, "UTF-8")
        for codec in ("utf-16", "utf-16-le", "utf-32", *(("utf-16-be",) if self.long else ())):
            yield Mutation(
                f"{codec.upper()} text", _const(accented.encode(codec)), "reject", fixed(1)
            )
        yield Mutation(
            "UTF-8 BOM then UTF-16 BOM",
            _const(codecs.BOM_UTF8 + codecs.BOM_UTF16_LE + base),
            "reject",
            fixed(1),
        )
        halves = self.in_target("@@").split(b"@@")
        for label, bad in _some(
            self.long,
            ("an encoded surrogate", b"\xed\xa0\x80"),
            ("an overlong slash", b"\xc0\xaf"),
            ("a lone continuation byte", b"\x80"),
            ("a cut 4-byte sequence", b"\xf0\x9f\x9a"),
            ("a byte above F4", b"\xf8\x88\x80\x80\x80"),
        ):
            yield Mutation(
                f"invalid UTF-8: {label}", _const(bad.join(halves)), "reject", t, "UTF-8"
            )
        for label, char in _some(
            self.long,
            ("a NUL byte", "\x00"),
            ("a bell character", "\x07"),
            ("the noncharacter U+FFFE", "\ufffe"),
            ("an escape sequence", "\x1b[31m"),
            ("DEL", "\x7f"),
            ("a C1 control", "\x9b"),
            ("the noncharacter U+FFFF", "\uffff"),
        ):
            yield Mutation(f"{label} in a value", _const(self.in_target(char)), "reject", t)
        for label, char in _some(
            self.long,
            ("a right-to-left override", "\u202e"),
            ("a mention", "@everyone <@&456>"),
            ("a zero-width joiner", "\u200d"),
            ("zalgo", "Z\u0336\u0337\u0338\u0335\u0334"),
            ("an emoji", "\U0001f697"),
        ):
            yield Mutation(f"{label} in a value", _const(self.in_target(char)), "valid")

    def junk(self) -> Iterator[Mutation]:
        rng = random.Random(1)
        noise = rng.randbytes(4096)
        half = len(self.base) // 2
        soup = "".join(rng.choice("{}[]:,&*!|>'\"%@`#-?") for _ in range(400)).encode()
        yield Mutation("random bytes", _const(noise), "reject")
        yield Mutation("random bytes appended", _const(self.base + noise), "reject")
        middle = self.base[:half] + noise + self.base[half:]
        yield Mutation("random bytes in the middle", _const(middle), "reject")
        yield Mutation("every byte value", _const(bytes(range(256)) * 4), "reject")
        yield Mutation("gzip of the file", _const(gzip.compress(self.base, mtime=0)), "reject")
        png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise[:64]
        yield Mutation("PNG header", _const(png), "reject")
        yield Mutation("ELF header", _const(b"\x7fELF\x02\x01\x01\x00" + noise[:64]), "reject")
        soup_middle = self.base[:half] + soup + self.base[half:]
        yield Mutation("YAML punctuation soup in the middle", _const(soup_middle), "either")
        yield Mutation("only YAML punctuation", _const(soup), "reject")

    def sizes(self) -> Iterator[Mutation]:
        def padded() -> bytes:
            line = b"# " + b"padding " * 12 + b"\n"
            return self.base + line * (10 * MB // len(line) + 1)

        yield Mutation("10 MB of comments", _lazy(padded), "same")
        count = 1_000_000 if self.long else 5_000  # ~11 MB (loads in ~15 s) or ~60 KB
        tags = [f"t{i:07d}" for i in range(count)]
        yield Mutation(  # past the budget of a list's items: refused with the line
            f"a list of {count:,} tags",
            self.edited(_put(_item("entries", 0), "tags", tags)),
            "reject",
            entry_at(0),
            "the limit is",
        )
        yield Mutation(
            "a list of 200 tags (the budget)",
            self.edited(_put(_item("entries", 0), "tags", tags[:200])),
            "valid",
            check=_holds(lambda kb: kb.by_id[self.first].tags == tuple(tags[:200])),
        )
        yield Mutation(
            "over the size limit",
            _lazy(lambda: self.base + b"#" * (MAX_FILE_BYTES - len(self.base)) + b"\n"),
            "reject",
            mentions="limit",
        )

    def tags(self) -> Iterator[Mutation]:
        _, claimed = self.set_key("claimed_by", "x")
        for label in payloads(Path("M")):
            yield Mutation(
                f"python tag ({label}) as claimed_by",
                lambda marker, label=label: self.set_key("claimed_by", payloads(marker)[label])[0],
                "reject",
                fixed(claimed, claimed + 1),
            )
        yield Mutation(
            "python tag (os.system) as the answer",
            lambda marker: self.set_key("answer", payloads(marker)["os.system"])[0],
            "reject",
        )
        yield Mutation(
            "python tag as a key",
            lambda marker: self.at_line(
                self.target, lambda s: s + f"{self.indent}{payloads(marker)['open']}: x\n"
            ),
            "reject",
        )
        yield Mutation(
            "%TAG directive aliasing python/object/apply",
            lambda marker: (
                b"%TAG !p! tag:yaml.org,2002:python/object/apply:\n---\n"
                + self.set_key("claimed_by", f'!p!os.system ["touch {marker}"]')[0]
            ),
            "reject",
        )
        entries = self.base.replace(b"\nentries:", b"\nentries: !!python/tuple", 1)
        yield Mutation("python tag on the entries list", _const(entries), "reject", None, "tag")
        yield Mutation(
            "python object tag on the root",
            _const(b"--- !!python/object:__main__.Pwned\n" + self.base),
            "reject",
            fixed(1),
            "tag",
        )
        yield self.keyed(
            "python tag on a list", "questions", "!!python/tuple [a, b]", "reject", "tag"
        )
        yield self.keyed(
            "python name tag", "claimed_by", "!!python/name:os.system", "reject", "tag"
        )
        yield self.keyed("python module tag", "claimed_by", "!!python/module:os", "reject", "tag")
        yield self.keyed("a local tag", "claimed_by", "!include /etc/passwd", "reject", "tag")
        yield self.keyed("a set tag", "tags", "!!set {a, b}", "reject", "tags")
        yield self.keyed("an omap tag", "tags", "!!omap [a: 1]", "reject", "tag")
        if self.long:
            yield self.keyed("a str tag", "claimed_by", "!!str 1234", "valid")
            yield self.keyed("a binary tag", "claimed_by", "!!binary aGVsbG8gd29ybGQ=", "either")

    def aliases(self) -> Iterator[Mutation]:
        laughs = ["lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        laughs += [f"lol{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
        bomb = "billion_laughs:\n" + "".join(f"  {line}\n" for line in laughs)
        yield Mutation(
            "billion laughs under an unknown key",
            _const(self.base + bomb.encode()),
            "reject",
            mentions="aliases repeat",
        )
        nested = "[&b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol], " + ", ".join(
            f"&b{i} [{', '.join([f'*b{i - 1}'] * 9)}]" for i in range(1, 10)
        )
        yield self.keyed("billion laughs as tags", "tags", nested + "]", "reject", "aliases")
        yield self.keyed(
            "billion laughs as keywords", "keywords", nested + ", *b9, *b9]", "reject", "aliases"
        )
        aliases = 199  # a list holds at most 200 items
        many = "[&k allocation, " + ", ".join(["*k"] * aliases) + "]"
        data, _ = self.set_key("keywords", many)
        yield Mutation(
            f"{aliases:,} aliases of one keyword",
            _const(data),
            "valid",
            check=_holds(lambda kb: len(kb.by_id[self.first].keywords) == aliases + 1),
        )
        over = "[&k allocation, " + ", ".join(["*k"] * 10_001) + "]"
        yield self.keyed(
            "10,001 aliases (the budget is 10,000)", "keywords", over, "reject", "alias"
        )
        lists = "[&l [a, b], " + ", ".join(["*l"] * 10_000) + "]"
        yield self.keyed("10,000 aliases of a list", "keywords", lists, "reject", "keywords")
        yield self.keyed("a recursive alias", "tags", "&r [a, *r]", "reject", "tags")
        yield self.keyed("an undefined alias", "tags", "*nowhere", "reject", "alias")
        yield Mutation(
            "an alias reusing another entry's questions",
            self.edited(
                lambda d: d["entries"][1].__setitem__("questions", d["entries"][0]["questions"])
            ),
            "reject",
            entry_at(1),
            "under both",
        )
        yield Mutation(
            "a merge key",
            _const(self.at_line(self.target, lambda s: s + f"{self.indent}<<: {{x: y}}\n")),
            "reject",
            fixed(self.target + 1),
            "<<",
        )

    def nesting(self) -> Iterator[Mutation]:
        for label, value in (
            ("100,000 nested flow lists", "[" * 100_000 + "]" * 100_000),
            ("50,000 nested flow mappings", "{a: " * 50_000 + "b" + "}" * 50_000),
            ("200,000 unclosed flow lists", "[" * 200_000),
            ("65 nested flow lists", "[" * 65 + "]" * 65),
        ):
            yield self.keyed(label, "tags", value, "reject", "nests")
        end = len(self.lines)
        block = b"deep:\n  " + b"- " * 100_000 + b"x\n"
        yield Mutation(
            "100,000 nested block lists",
            _const(self.base + block),
            "reject",
            fixed(end + 2),
            "nests",
        )
        deep = "deep:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(2000)) + "x\n"
        yield Mutation(
            "2,000 nested block mappings",
            _const(self.base + deep.encode()),
            "reject",
            fixed(end + 1, end + 2001),
            "nests",
        )

    def yaml_oddities(self) -> Iterator[Mutation]:
        t = self.target
        yield Mutation(
            "two documents", _const(self.base + b"---\n" + self.base), "reject", None, "document"
        )
        yield Mutation(
            "document end then more", _const(self.base + b"...\nmore: stuff\n"), "reject"
        )
        if self.long:
            yield Mutation("YAML 1.1 directive", _const(b"%YAML 1.1\n---\n" + self.base), "same")
            yield Mutation("YAML 1.2 directive", _const(b"%YAML 1.2\n---\n" + self.base), "either")
        yield Mutation("YAML 2.0 directive", _const(b"%YAML 2.0\n---\n" + self.base), "reject")
        yield Mutation(
            "a key given twice",
            _const(self.at_line(t, lambda s: s + s)),
            "reject",
            fixed(t + 1),
            "twice",
        )
        yield Mutation(
            "an unclosed quote",
            _const(self.at_line(t, lambda s: s.replace(": ", ': "', 1))),
            "reject",
        )
        yield self.keyed("an unclosed flow list", "tags", "[a, b", "reject", slack=5)
        for label, data in (
            ("an empty file", b""),
            ("only a BOM", codecs.BOM_UTF8),
            ("only whitespace", b" \n\t\n  \n"),
            ("only comments", b"# nothing\n# here\n"),
            ("null", b"null\n"),
            ("a tilde", b"~\n"),
            ("an empty list", b"[]\n"),
            ("an empty mapping", b"{}\n"),
            ("a document marker", b"---\n"),
            ("a block scalar", b"--- |\n  text\n"),
            ("a bare number", b"42\n"),
        ):
            yield Mutation(f"{label} as the file", _const(data), "reject", fixed(1, 3))


Edit = Callable[[dict[str, Any]], Any]
_OPTIONAL_LISTS = ("related", "conflicts_with", "keywords", "tags")
_CORE_VALID = ("questions as one string", "entries reversed", "numbers and booleans as text")


def _const(data: bytes) -> Make:
    return lambda _: data


def _lazy(build: Callable[[], bytes]) -> Make:
    return lambda _: build()


def _holds(check: Callable[[Knowledge], bool]) -> Callable[[Knowledge], None]:
    def run(kb: Knowledge) -> None:
        assert check(kb)

    return run


def _item(key: str, index: int) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda d: cast(dict[str, Any], d[key][index])


def _put(getter: Callable[[Any], Any], key: str, value: Any) -> Edit:
    return lambda d: getter(d).__setitem__(key, copy.deepcopy(value))


def _add(getter: Callable[[Any], Any], key: str, value: Any) -> Edit:
    return lambda d: getter(d).__setitem__(key, [*_many(getter(d).get(key, [])), value])


def _many(value: Any) -> list[Any]:
    return [value] if isinstance(value, str) else list(value)


def _drop(getter: Callable[[Any], Any], key: str) -> Edit:
    return lambda d: getter(d).pop(key, None)


def _reverse_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _reverse_keys(v) for k, v in reversed(value.items())}
    if isinstance(value, list):
        return [_reverse_keys(v) for v in value]
    return value


def _some(long: bool, *items: tuple[str, Any]) -> tuple[tuple[str, Any], ...]:
    """All the items in the long run, the first two otherwise."""
    return items if long else items[:2]
