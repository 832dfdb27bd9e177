"""Normalise text into matchable tokens: case, accents, punctuation, numbers, stems."""

from __future__ import annotations

import itertools
import operator
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from itertools import filterfalse
from pathlib import Path

import Stemmer

# No cache of its own: ``stem`` caches, and PyStemmer's cache holds a list per word, thousands
# of containers that the garbage collector would scan on every full pass.
_STEMMER = Stemmer.Stemmer("english", 0)

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are aren as at be because been
    before being below between both but by can cannot could couldn did didn do does doesn doing
    don down during each else ever few for from further had hadn has hasn have haven having he
    her here hers herself him himself his how i if in into is isn it its itself just let like
    me might more most much must mustn my myself no nor not now of off on once one only or
    other ought our ours ourselves out over own please really same shall she should shouldn so
    some such than that the their theirs them themselves then there these they this those
    through to too under until up upon very was wasn we were weren what whats when where which
    while who whom whose why will with would wouldn yet you your yours yourself yourselves
    hey hi hello ok okay thanks thank tell explain know anyone anybody someone guys pls plz im ive
    id somebody everybody nobody noone
    youre thats theres wheres whos hows s t d ll re ve m get got getting going go gonna wanna
    theyre theyll theyve hes shes weve itll thatll whatre
    gets didnt dont doesnt isnt wasnt wont cant arent werent havent hasnt wouldnt shouldnt
    couldnt
    anyway anyways actually basically exactly literally honestly seriously lol lmao haha heh um uh
    hmm ya yeah yep nah nope bro dude mate yo wondering curious guess reckon reckons think thinking
    wonder heard hear stuff thing things whole
    theyd youd hed itd wed em tryna ugh super seem seems everyone everyones swear swears swore
    tidbit though although even kinda sorta btw idk whether apparently supposedly
    presumably obviously definitely probably maybe perhaps somehow
    """.split()
)
"""Function words that carry no topic; they are ignored when weighing a question."""

# The calendar's names: "built in MARCH" is no place, "on a MONDAY" is a day.
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def is_year(word: str) -> bool:
    """Return whether a word is a year of the last two centuries ("1999", "2011"), not a count."""
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


_NUMBER_WORDS = {
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "grand": 1000}
_ORDINALS = dict(
    zip("1st 2nd 3rd 4th 5th".split(), "first second third fourth fifth".split(), strict=True)
)  # "the 2nd article" is the second one

_ASCII_MARKS = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"}
    | {chr(c): " " for c in (*range(32), 127) if chr(c) not in "\n\t"}
)
_MAX_DIGITS = 12  # longer digit runs stay plain tokens (int() of huge strings is slow or refused)
_MAX_NUMBER = 10**12
_THOUSANDS = re.compile(r"\d(?<![\d.,]\d)\d{0,2}(?:,\d{3})++(?!\d|,\d)")
r"""A number written with thousands separators. Linear time on any input: a run can only start
after a non-digit, non-comma character, and its groups are taken possessively (no backtracking).
A comma after the number ends it ("1,000, or more"). Its first digit comes first and what
stands before it is checked by looking back from after it: the same matches as
``(?<![\d.,])\d{1,3}...``, but the regex engine skips to the digits instead of trying every
position."""
# "5k", "2.5 k": the digits first, as in _THOUSANDS (``(?<![\w.])(\d+(?:\.\d+)?)\s?k\b``).
_SHORT_K = re.compile(r"(\d(?<![\w.]\d)\d*(?:\.\d+)?)\s?k\b")
_CONTRACTION = re.compile(r"\s?'\s?(s|t|re|ve|ll|d|m)\b")
_DIGIT = re.compile(r"\d")
# A letter typed three times or more ("sooo", "lmaooo", "nothinggg"): no English word has one.
_STRETCHED = re.compile(r"([a-z])\1\1+")
_BARE_PERCENT = re.compile(r"(?<!\d)(?<!\d\s)%")  # "value %", not "100%", "100 %" nor "100\n%"
# "0-100", "0-60": a sprint from standstill, "0 to 100"; joined, it read as the figure "100".
_FROM_ZERO = re.compile(r"(?<![\w.,])0\s?-\s?(?=[1-9])")
_TOKEN = re.compile(r"\d+:\d\d|[a-z0-9]+")
# Each byte but a letter or digit as a space: ASCII text then splits into _TOKEN's words.
_GAPS = bytes(c if chr(c) in "0123456789abcdefghijklmnopqrstuvwxyz" else 32 for c in range(256))
_BATCH = 2048  # texts folded per step by analyse_many
_NUMBERS_OR_ORDINALS = frozenset(_NUMBER_WORDS) | frozenset(_ORDINALS)


# What Discord puts in a message for a ping, a channel link or a custom emoji ("<@318844>",
# "<#9912>", "<:pepe:8123>", "<a:dance:8123>") and a ping of everyone ("@here"): no topic.
PINGS = re.compile(r"<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|@(?:everyone|here)\b", re.IGNORECASE)
# The same and an emoji typed by its code (":flag_au:", ":joy:"): chat markup.
_MARKUP = re.compile(PINGS.pattern + r"|(?<![\w:]):[a-z][a-z0-9_+-]*:(?![\w:])", re.IGNORECASE)
# A pasted link: its site's name is what it says ("https://www.bmwblog.com/2011/..." -> bmwblog).
_LINK = re.compile(r"\bhttps?://(?:www\d?\.)?([a-z0-9-]+)(?:\.[a-z0-9-]+)*\S*", re.IGNORECASE)


# The same in a message as typed, and the gaps between its words (kept as they are).
_STRETCHED_TYPED = re.compile(r"([a-z])\1\1", re.IGNORECASE)
_WORD_GAPS = re.compile(r"([^a-z0-9]+)", re.IGNORECASE)


def unstretched(text: str) -> str:
    """Return chat text with each stretched word as the word typed ("sooo" -> "so")."""
    if _STRETCHED_TYPED.search(text) is None:  # most messages; knowledge texts never go here
        return text
    return "".join(
        _unstretched(part.lower()) if _STRETCHED_TYPED.search(part) else part
        for part in _WORD_GAPS.split(text)
    )


# "so thats official now": "that's" typed without its apostrophe, the pointer "that" and "is".
_ELIDED = re.compile(r"\b(that)(s)\b", re.IGNORECASE)


def unelided(text: str) -> str:
    """Return chat text with "thats" written as "that's", the apostrophe put back."""
    if "hats" not in text.lower():  # most messages
        return text
    return _ELIDED.sub(r"\1'\2", text)


def unmarked(text: str) -> str:
    """Return chat text without pings and emoji, and with each pasted link as its site's name."""
    if ":" not in text and "<" not in text and "@" not in text:  # most messages
        return text
    return _LINK.sub(r" \1 ", _MARKUP.sub(" ", text))


# "yes or no, any more ferries this week", "... this week, yes or no?": a frame asking the
# answer's form, not its topic ("no, any more" read as a denial); alone it asks of the last answer.
_YES_OR_NO = r"(?:yes\s+or\s+no|y\s*/\s*n)"
_FRAMED = re.compile(
    r"^\W*(?:(?:quick|simple|straight|honest|just|so|ok|okay)\s+)*" + _YES_OR_NO + r"\b"
    r"(?:\s+(?:pls|plz|please|only|answer|question|q))?\s*[,:;.!?-]+\s*(?=\w)"
    r"|(?<=\w)[\s,;:-]+(?:just\s+)?" + _YES_OR_NO + r"(?:\s+(?:pls|plz|please|only))?(?=\W*$)",
    re.IGNORECASE,
)


def unframed(text: str) -> str:
    """Return a question without a frame asking for a yes or no ("yes or no, is it out")."""
    if "/" not in text and "yes" not in text.lower():
        return text  # most messages
    return _FRAMED.sub("", text, count=2)


def fold(text: str) -> str:
    """Lower-case text, strip accents and invisible marks; control characters become spaces."""
    if text.isascii():
        return text.lower().translate(_ASCII_MARKS)
    kept = []
    for ch in unicodedata.normalize("NFKD", text):
        kind = unicodedata.category(ch)
        if kind == "Cc":
            kept.append(" ")
        elif not (unicodedata.combining(ch) or kind[0] == "C"):
            kept.append(ch)
    return "".join(kept).casefold().translate(_ASCII_MARKS)


def _expand_k(match: re.Match[str]) -> str:
    value = float(match.group(1)) * 1000
    return str(int(value)) if value.is_integer() else match.group(0)


def _number(word: str) -> int | None:
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    if word == "0":
        return 0
    if word.isascii() and word.isdigit() and len(word) <= _MAX_DIGITS and word[0] != "0":
        return int(word)
    return None


def _join_number_words(tokens: list[str]) -> list[str]:
    """Join spelled and written numbers: "two thousand five hundred" -> "2500"."""
    out: list[str] = []
    total: int | None = None  # None while no number is being read
    current = 0
    for word in [*tokens, ""]:
        scale = _SCALES.get(word) if total is not None else None
        value = _number(word)
        if scale is not None and total is not None:
            current = max(current, 1) * scale
            if scale >= 1000:
                total, current = total + current, 0
            if total + current <= _MAX_NUMBER:
                continue
        elif value == 0:  # "0-60", "zero to sixty": a zero joins no figure ("0 100" no 100)
            if total is not None:
                out.append(str(total + current))
                total, current = None, 0
            out.append("0")
            continue
        elif value is not None:
            if total is not None and current and value >= current:
                out.append(str(total + current))
                total, current = None, 0
            total = total or 0
            current += value
            continue
        if total is not None:
            out.append(str(total + current))
            total, current = None, 0
        if word and scale is None:
            out.append(word)
    return out


def words(text: str) -> list[str]:
    """Split text into lower-case words with numbers in one canonical form."""
    return list(_words(text))


@lru_cache(maxsize=256)  # a message is split three times on its way to an answer
def _words(text: str) -> tuple[str, ...]:
    """Split text into words once (see words)."""
    return tuple(_split(fold(text)))


def _split(folded: str) -> list[str]:
    """Split folded text into words, numbers in one canonical form."""
    has_digit = _DIGIT.search(folded) is not None
    if has_digit:
        if "," in folded:
            folded = _THOUSANDS.sub(_no_commas, folded)
        if "k" in folded:
            folded = _SHORT_K.sub(_expand_k, folded)
    if has_digit and "0" in folded and "-" in folded:
        folded = _FROM_ZERO.sub("0 to ", folded)
    if "'" in folded:
        folded = _CONTRACTION.sub(_contracted, folded)
    if "%" in folded:  # "what residual value % will it keep": the word, asked of no figure
        folded = _BARE_PERCENT.sub(" percent ", folded)
    plain = ":" not in folded and folded.isascii()  # no "12:30": split faster than _TOKEN finds
    tokens = folded.encode().translate(_GAPS).decode().split() if plain else _TOKEN.findall(folded)
    if not _NUMBERS_OR_ORDINALS.isdisjoint(tokens):  # one check for both, seldom met
        if has_digit and not _ORDINALS.keys().isdisjoint(tokens):
            tokens = [_ORDINALS.get(t, t) for t in tokens]
        if not _NUMBER_WORDS.keys().isdisjoint(tokens):
            return _join_number_words(tokens)
    if has_digit and not _SCALES.keys().isdisjoint(tokens):  # "3 hundred"
        return _join_number_words(tokens)
    # Figures join only where one stands right before another: "2011" stays "2011", and so
    # does "in 2011 it built 740 cars" (any digits count as a figure here: only texts that
    # cannot change skip the joining).
    if has_digit and sum(map(str.isdigit, tokens)) > 1:
        digits = list(map(str.isdigit, tokens))
        if True in map(operator.and_, digits, itertools.islice(digits, 1, None)):
            return _join_number_words(tokens)
    return tokens


def _split_lines(folded: str) -> list[list[str]]:
    """Return ``_split`` of each line of folded ASCII text: a line that no rule of ``_split``
    can change is split by its marks made spaces, the whole text's at once, and only the rest
    (a superset of the lines a rule changes, found by _RULED's searches) one at a time."""
    # A comprehension, not list(map(...)): a reload builds this in a worker thread, and a map
    # drained in C holds the GIL for the whole batch (24 ms at 10,000 entries), stalling the loop.
    out = [line.split() for line in folded.encode().translate(_LINE_GAPS).decode().split("\n")]
    ruled = {i for i, plain in enumerate(map(_RULED_WORDS.isdisjoint, out)) if not plain}
    line, at = 0, 0
    for start in sorted({m.start() for rule in _RULED for m in rule.finditer(folded)}):
        line += folded.count("\n", at, start)  # no match runs across a line break
        at = start
        ruled.add(line)
    if ruled:
        lines = folded.split("\n")
        for line in ruled:
            out[line] = _split(lines[line])
    return out


# What a line must hold for a rule of _split to change its words: a number word, an ordinal
# or a scale; a contraction; a "%" after no figure; a time ("12:30"); a figure written with a
# comma; a "k" after a figure; a "0-"; two figures with only marks between them. Each search
# opens on a literal or a class that the engine skips along to (one pattern of them all is
# several times slower).
_RULED_WORDS = frozenset([*_NUMBER_WORDS, *_ORDINALS, *_SCALES])
_RULED = (
    re.compile(r"'[^\S\n]?(?:s|t|re|ve|ll|d|m)\b"),
    re.compile(r"%(?<!\d%)(?<!\d %)"),
    re.compile(r":(?<=\d:)(?=\d\d)"),
    re.compile(r",(?<=\d,)(?=\d)"),
    re.compile(r"k(?:(?<=\dk)|(?<=\d k)|(?<=\d\tk))"),
    re.compile(r"-(?:(?<=0-)|(?<=0 -)|(?<=0\t-))"),
    re.compile(r"\d[^a-z0-9\n]+\d"),
)
_LINE_GAPS = bytes(c if c == 10 else g for c, g in enumerate(_GAPS))  # _GAPS keeping "\n"


@lru_cache(maxsize=4096)
def _unstretched(word: str) -> str:
    """Shorten each letter typed three times or more to the commoner word ("gooood" -> "good",
    "sooo" -> "so", "lmaooo" -> "lmao"); one letter alone repeated ("www", "zzz") stays."""
    if len(set(word)) == 1:
        return word
    shorter = max(_STRETCHED.sub(r"\1\1", word), _STRETCHED.sub(r"\1", word), key=english_zipf)
    return shorter if english_zipf(shorter) >= english_zipf(word) else word


def _no_commas(match: re.Match[str]) -> str:
    return match.group(0).replace(",", "")


def _contracted(match: re.Match[str]) -> str:
    return "" if match.group(1) == "s" else match.group(1)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Reduce a word to its stem; plurals of model names (1Ms, M3s, GPs) lose their s."""
    if len(word) > 2 and word.endswith("s") and not word.endswith("ss"):
        head = word[:-1]
        if any(ch.isdigit() for ch in head) or (len(head) <= 3 and not _has_vowel(head)):
            return head
    if word.isdigit() or ":" in word:
        return word
    result: str = _STEMMER.stemWord(word)
    return result


def _has_vowel(word: str) -> bool:
    return any(ch in "aeiouy" for ch in word)


@lru_cache(maxsize=1)
def _zipf_table() -> dict[str, float]:
    table: dict[str, float] = {}
    data = (Path(__file__).parent / "data" / "english_zipf.txt").read_text("utf-8")
    for line in data.splitlines():
        if line and not line.startswith("#"):
            value, *listed = line.split()
            table.update(dict.fromkeys(listed, float(value)))
    return table


def english_zipf(word: str) -> float:
    """Return how common an English word is (Zipf scale: 7 = "the", 3 = rare, 0 = unknown)."""
    return _zipf_table().get(word, 0.0)


def phrase_key(text: str) -> str:
    """Return the form two phrasings share when they differ only in case, spacing or marks."""
    return " ".join(words(text))


def phrase_keys(texts: Sequence[str]) -> dict[str, str]:
    """Return ``phrase_key`` of each distinct text, in the order first met, plain ASCII texts
    on one line folded as one string (as ``analyse_many`` does) and without going through the
    small cache of ``words``. A key holds its text's words: no word is empty or holds a space,
    so ``key.split()`` gives them back."""
    distinct = dict.fromkeys(texts)
    keys: dict[str, str] = {}
    batch = [text for text in distinct if text.isascii() and "\n" not in text]
    for start in range(0, len(batch), _BATCH):
        some = batch[start : start + _BATCH]
        folded = "\n".join(some).lower().translate(_ASCII_MARKS)
        keys.update(zip(some, map(" ".join, _split_lines(folded)), strict=True))
    return {text: keys[text] if text in keys else phrase_key(text) for text in distinct}


# Words that only stress or hedge what they stand in ("can you EVEN get", "is it REALLY
# over"): a synonym phrase is read across them (see ``Synonyms.apply``).
_SKIPPED = frozenset(stem(w) for w in "even just really literally kinda sorta".split())


class Synonyms:
    """Rewrite words and multi-word phrases to the canonical term of their group."""

    def __init__(self, groups: Iterable[Sequence[str]]) -> None:
        self._rules: dict[tuple[str, ...], tuple[str, ...]] = {}
        sizes: dict[str, set[int]] = {}
        for group in groups:
            stems = [tuple(stem(w) for w in words(term)) for term in group]
            stems = [s for s in stems if s]
            if not stems:
                continue
            canonical = stems[0]
            for variant in stems:
                self._rules.setdefault(variant, canonical)
                sizes.setdefault(variant[0], set()).add(len(variant))
        # Tuples, not lists: the collector soon stops tracking them.
        self._sizes = {first: tuple(sorted(n, reverse=True)) for first, n in sizes.items()}
        # One-word canonical terms: a group's name for its topic ("horsepower", "topspeed").
        self.canonical = frozenset(c[0] for c in self._rules.values() if len(c) == 1)
        # Word-for-word rules can be applied by a plain lookup; any other rule needs the scan.
        self._single = {v[0]: c[0] for v, c in self._rules.items() if len(v) == len(c) == 1}
        # One-word rules whose canonical term has more words ("salesman" -> "client advisor").
        self._wider = {v[0]: c for v, c in self._rules.items() if len(v) == 1 and len(c) > 1}
        self._phrase_starts = {first for first in sizes if first not in self._single} | {
            v[0] for v, c in self._rules.items() if len(v) > 1 or len(c) > 1
        }
        # The first two words of every phrase of two words or more: no longer phrase can match
        # where the next word is not one of them.
        self._pairs = frozenset(v[:2] for v in self._rules if len(v) > 1)
        # The words after a phrase's first word that ``apply`` must read on from: a pair's
        # second.
        self._follow = frozenset(v[1] for v in self._pairs)

    def apply(self, tokens: Sequence[str]) -> list[str]:
        """Rewrite a stem sequence, preferring the longest phrase at each position; a filler
        ("what colours can you EVEN get") is left out when that joins more words into
        phrases."""
        read = self._apply(tokens)
        if _SKIPPED.isdisjoint(tokens):  # most texts
            return read
        kept = [t for t in tokens if t not in _SKIPPED]
        joined = self._apply(kept)
        return joined if len(kept) - len(joined) > len(tokens) - len(read) else read

    def _apply(self, tokens: Sequence[str]) -> list[str]:
        """Rewrite a stem sequence, preferring the longest phrase at each position."""
        sizes, single = self._sizes, self._single
        if sizes.keys().isdisjoint(tokens):
            return list(tokens)
        starts = self._phrase_starts
        if starts.isdisjoint(tokens):
            return list(map(single.get, tokens, tokens))
        out: list[str] = []
        done = 0  # tokens before this index are in ``out`` already
        pairs, wider, rules = self._pairs, self._wider, self._rules
        last = len(tokens) - 1
        follow = self._follow
        for i in [i for i, token in enumerate(tokens) if token in starts]:
            if i < done:
                continue
            token = tokens[i]
            # Most starts are followed by no word that could go on any of the readings below.
            if (tokens[i + 1] if i < last else None) not in follow and token not in wider:
                continue
            # A longer phrase only if the next two words begin one (at the end, a phrase cut
            # short would match no more than its one-word rule, which is tried as size 1).
            if i < last and (token, tokens[i + 1]) in pairs:
                for size in sizes[token]:
                    replacement = rules.get(tuple(tokens[i : i + size]))
                    if replacement is not None:
                        break
            else:  # a word-for-word rule is the plain lookup below, as if the word were not here
                replacement, size = wider.get(token), 1
            if replacement is not None:
                out.extend(map(single.get, tokens[done:i], tokens[done:i]))
                out.extend(replacement)
                done = i + size
        out.extend(map(single.get, tokens[done:], tokens[done:]))
        return out


def analyse(text: str, synonyms: Synonyms) -> list[str]:
    """Turn text into the stems the matcher compares, synonyms applied, stopwords kept."""
    return analyse_words(words(text), synonyms)


def analyse_words(found: Sequence[str], synonyms: Synonyms) -> list[str]:
    """Stem already split words and apply the synonyms."""
    return synonyms.apply(list(map(stem, found)))


def analyse_many(
    texts: Sequence[str], synonyms: Synonyms, keys: Mapping[str, str] | None = None
) -> tuple[list[tuple[str, ...]], set[str]]:
    """Return each text's content stems (as ``analyse`` then ``content``, without repeats) and
    every word seen, as one text at a time would, several times faster: each distinct text is
    read once, and plain ASCII texts on one line are read a batch at a time: folded as one
    string, then split one by one (no rule reaches across two); the batch's words, each text's
    closed by a mark no word can be, are stemmed, rewritten by the synonyms (no rule holds the
    mark, so none reaches across it) and cleared of stopwords as one list, then cut at the
    marks. Stems are tuples, which the collector soon stops tracking.

    ``keys`` holds texts' phrase keys already made (see ``phrase_keys``): those texts' words
    are read from their keys instead of being split again.
    """
    distinct = dict.fromkeys(texts)
    batch = [text for text in distinct if text.isascii() and "\n" not in text]
    terms: dict[str, tuple[str, ...]] = {}
    seen: set[str] = set()
    for start in range(0, len(batch), _BATCH):
        some = batch[start : start + _BATCH]
        written: list[str] = []  # the batch's words, each text's closed by _END
        for found in _batch_words(some, keys or {}):  # each text's list freed at once
            seen.update(found)
            written += found
            written.append(_END)
        stems = synonyms.apply(list(map(stem, written)))
        kept = list(filterfalse(_STOP_STEMS.__contains__, stems))
        at, find = 0, kept.index
        for text in some:
            end = find(_END, at)
            terms[text] = tuple(dict.fromkeys(kept[at:end]))
            at = end + 1
    for text in [text for text in distinct if text not in terms]:
        written = words(text)
        seen.update(written)
        stems = synonyms.apply(list(map(stem, written)))
        terms[text] = tuple(dict.fromkeys(filterfalse(_STOP_STEMS.__contains__, stems)))
    return [terms[text] for text in texts], seen


def _batch_words(some: list[str], keys: Mapping[str, str]) -> Iterator[list[str]]:
    """Yield the words of each of a batch's texts (plain ASCII, on one line): read from its
    phrase key if ``keys`` holds it, else split, these texts folded as one string."""
    fresh = [text for text in some if text not in keys] if keys else some
    split = iter(_split_lines("\n".join(fresh).lower().translate(_ASCII_MARKS)))
    if len(fresh) == len(some):
        return split
    return (keys[text].split() if text in keys else next(split) for text in some)


# Closes each text's words in analyse_many's sequences: no word holds a line break, and a
# word with a colon is its own stem.
_END = "\n:"


def content(tokens: Iterable[str]) -> list[str]:
    """Drop stopwords (compared as stems) from a token sequence, keeping order and repeats."""
    return [t for t in tokens if t not in _STOP_STEMS]


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")  # "w" for with, "u" for you, stray initials
_STOP_STEMS = frozenset(stem(w) for w in STOPWORDS) | STOPWORDS | _LETTERS
