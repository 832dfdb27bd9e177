"""Check that the knowledge file says only what its cited sources say, as far as words can tell.

Every source id of the knowledge file maps to its passages of the texts in ``../shared/sources/``
(``source_passages.yaml`` beside this module). For every entry, each number and each proper name
of its answer and of its ``claimed_by`` must occur in the passages of the sources the entry cites;
a short reviewed allow-list covers the words of our own framing. An invented figure or name, or
one borrowed from a source the entry does not cite, is then a failing test rather than an audit
finding.

What counts:

- a *number* is any word holding a digit (``2,500``, ``1:50``, ``1Ms``, ``N54``, ``100%``) or a
  number word (``two`` ... ``thousand``; not ``one``, which is mostly a pronoun). Number words of
  the passages count as their digits, so "two cars" is grounded by "2 per dealer" and back;
- a *proper name* is a capitalised word that does not start a sentence, a word with a capital
  after its first letter (``BMWBlog``, ``BMWNA``, ``UK``) wherever it stands, and a capitalised
  sentence-initial word that appears capitalised mid-sentence somewhere else in the knowledge
  (so "Segler said ..." is checked too, "The blog ..." is not).

Words compare case-insensitively after dropping a possessive ``'s``, commas inside numbers, and
a plural ``s`` (``GPs`` = ``GP``, ``BimmerCasts`` = ``BimmerCast``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.core.knowledge.models import Knowledge

HERE = Path(__file__).parent
REPO = HERE.parent.parent
MAP_PATH = HERE / "source_passages.yaml"
SOURCES_DIR = REPO.parent / "shared" / "sources"
"""The CI clone has ``../shared`` beside it, as does the development checkout."""

if not SOURCES_DIR.is_dir():  # a git worktree two levels below the checkout (/work/wt/<name>)
    SOURCES_DIR = REPO.parent.parent / "shared" / "sources"

NUMBER_WORDS = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20", "thirty": "30",
    "forty": "40", "fifty": "50", "sixty": "60", "hundred": "100", "thousand": "1000",
    "dozen": "12", "twice": "2", "double": "2",
}  # fmt: skip
ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "st", "vs", "jr", "sr"})
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'"})  # the sources' curly apostrophes

_WORD = re.compile(r"[A-Za-z0-9]+(?:[.,:'][A-Za-z0-9]+)*%?")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*$")


@dataclass(frozen=True, slots=True)
class Passage:
    """A slice of one source text."""

    file: str
    text: str


@dataclass(frozen=True, slots=True)
class Token:
    """A word of an answer that must be grounded: its normal form and how it was written."""

    key: str
    written: str
    kind: str  # "number" or "name"


@dataclass(frozen=True, slots=True)
class Finding:
    """A number or name of an entry that none of its cited passages holds."""

    entry_id: str
    field: str
    token: Token
    sources: tuple[str, ...]

    def __str__(self) -> str:
        cited = ", ".join(self.sources)
        return (
            f"{self.entry_id}: {self.token.kind} {self.token.written!r} in its {self.field} "
            f"is not in the passages of {cited}"
        )


@dataclass(frozen=True, slots=True)
class PassageMap:
    """The source-id -> passages map with the framing allow-list and the equivalents."""

    passages: Mapping[str, tuple[Passage, ...]]
    framing: frozenset[str]
    equivalents: Mapping[str, str]


def normalise(word: str) -> str:
    """Return a word's comparison form: lowercase, no possessive, no plural s, no digit commas."""
    word = word.translate(QUOTES).rstrip("%")
    word = re.sub(r"'(s|ll|m|d|ve|re)$", "", word, flags=re.I)
    word = re.sub(r"(?<=\d),(?=\d)", "", word)
    body = word[:-1]
    if (
        word.endswith("s")
        and body
        and (
            any(c.isdigit() for c in body) or body.isupper() or (len(word) >= 4 and word[-2] != "s")
        )
    ):
        word = body
    word = word.lower()
    return NUMBER_WORDS.get(word, word)


def is_number(word: str) -> bool:
    """Whether a word is a figure: it holds a digit or is a number word."""
    return any(c.isdigit() for c in word) or word.lower() in NUMBER_WORDS


def words(text: str) -> Iterator[tuple[str, bool]]:
    """Yield each word of a text with whether it starts a sentence."""
    start = True
    text = text.translate(QUOTES)
    for match in _WORD.finditer(text):
        word = match.group()
        yield word, start
        tail = text[match.end() : match.end() + 3]
        ends = bool(_SENTENCE_END.match(tail.split(" ")[0] if tail else ""))
        start = ends and word.lower() not in ABBREVIATIONS


def capitalised(word: str) -> bool:
    """Whether a word is written with a capital first letter."""
    return word[:1].isupper()


def strong_name(word: str) -> bool:
    """Whether a word is a name wherever it stands: a capital after its first letter."""
    core = re.sub(r"'s$", "", word.translate(QUOTES))
    return any(c.isupper() for c in core[1:]) and not core.isdigit()


def name_vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Return the normal forms of every word written capitalised mid-sentence in the texts."""
    return frozenset(
        normalise(word)
        for text in texts
        for word, start in words(text)
        if capitalised(word) and not start and not is_number(word)
    )


def tokens(text: str, vocabulary: frozenset[str]) -> Iterator[Token]:
    """Yield the numbers and proper names of a text that must be grounded."""
    for word, start in words(text):
        key = normalise(word)
        if is_number(word):
            yield Token(key, word, "number")
        elif strong_name(word) or (capitalised(word) and (not start or key in vocabulary)):
            yield Token(key, word, "name")


def passage_keys(text: str) -> frozenset[str]:
    """Return the normal forms of every word of a passage (number words as their digits).

    Words split at dashes and spaces, so "4-5" holds 4 and 5, and "1M's" is "1M".
    """
    return frozenset(normalise(word) for word, _ in words(text))


def load_map(path: Path = MAP_PATH, sources_dir: Path = SOURCES_DIR) -> PassageMap:
    """Read the passage map and slice every passage out of the source texts."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    texts: dict[str, list[str]] = {}
    passages: dict[str, tuple[Passage, ...]] = {}
    for source_id, items in data["passages"].items():
        sliced = []
        for item in items:
            name = item["file"]
            if name not in texts:
                texts[name] = (sources_dir / name).read_text(encoding="utf-8").splitlines()
            lines = texts[name]
            first, last = item.get("lines", [1, len(lines)])
            if not 1 <= first <= last <= len(lines):
                raise ValueError(f"{source_id}: lines {first}-{last} outside {name}")
            text = "\n".join(lines[first - 1 : last])
            text = _between(text, item.get("from"), item.get("to"), f"{source_id} in {name}")
            sliced.append(Passage(name, text))
        passages[source_id] = tuple(sliced)
    return PassageMap(
        passages,
        frozenset(str(k).lower() for k in data.get("framing", {})),
        _both_ways(data.get("equivalents", {})),
    )


def _both_ways(pairs: Mapping[str, str]) -> dict[str, str]:
    """Return the equivalents both ways: "Australian" is grounded by "Australia" and back."""
    forward = {normalise(str(k)): normalise(str(v)) for k, v in pairs.items()}
    return forward | {v: k for k, v in forward.items()}


def _between(text: str, start: str | None, end: str | None, where: str) -> str:
    """Cut a text from the start of one anchor to the end of the other (each found once)."""
    for anchor in (start, end):
        if anchor is not None and text.count(anchor) != 1:
            raise ValueError(f"{where}: anchor {anchor!r} found {text.count(anchor)} times")
    begin = text.index(start) if start is not None else 0
    finish = text.index(end, begin) + len(end) if end is not None else len(text)
    if finish <= begin:
        raise ValueError(f"{where}: anchor {end!r} comes before {start!r}")
    return text[begin:finish]


def check(knowledge: Knowledge, passage_map: PassageMap) -> list[Finding]:
    """Return every number or name of an entry that its cited passages do not hold."""
    vocabulary = name_vocabulary(
        text for e in knowledge.entries for text in (e.answer, e.claimed_by)
    )
    keys = {
        source_id: frozenset().union(*(passage_keys(p.text) for p in items))
        for source_id, items in passage_map.passages.items()
    }
    findings = []
    for entry in knowledge.entries:
        known = frozenset().union(*(keys.get(s, frozenset()) for s in entry.sources))
        for field, text in (("answer", entry.answer), ("claimed_by", entry.claimed_by)):
            for token in tokens(text, vocabulary):
                if not grounded(token.key, known, passage_map):
                    findings.append(Finding(entry.id, field, token, entry.sources))
    return findings


def check_sources(knowledge: Knowledge, passage_map: PassageMap) -> list[str]:
    """Return the names in source records (title, outlet, author) that no source text holds."""
    every = frozenset().union(
        *(passage_keys(p.text) for items in passage_map.passages.values() for p in items)
    )
    vocabulary = name_vocabulary(
        text for s in knowledge.sources.values() for text in (s.title, s.outlet, s.author or "")
    )
    problems = []
    for source in knowledge.sources.values():
        for field, text in (("title", source.title), ("outlet", source.outlet),
                            ("author", source.author or "")):  # fmt: skip
            problems += [
                f"source {source.id}: {t.kind} {t.written!r} in its {field} is in no source text"
                for t in tokens(text, vocabulary)
                if not grounded(t.key, every, passage_map)
            ]
    return problems


def grounded(key: str, known: frozenset[str], passage_map: PassageMap) -> bool:
    """Whether a word's normal form is in the passages, our framing, or spelled another way."""
    return (
        key in known
        or key in passage_map.framing
        or passage_map.equivalents.get(key, "\0") in known
    )
