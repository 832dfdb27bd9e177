"""Fix a question word's spelling against the words one knowledge file knows."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Container, Iterable, Sequence

from .text import PARTICLES, STOPWORDS, english_zipf, stem, words

MIN_TYPO_LEN = 4
_NAME_TYPO_LEN = 6  # a word this long may be a name typed with two edits ("segular")
_SHORTENED_BY = 2  # a name typed shorter ("jrob" for JRobUSC) lacks at least two letters
_JOINED_ZIPF = 3.0  # two words that make a word this common ("every day") stay two
_REAL_WORD_ZIPF = 3.2  # a word this common in English is not a typo, so it is never "corrected"
_JOINED_LEN = 5  # a word this long may be two typed without a space ("onthe")
_JOINED_MAX = 24  # and no longer: each split point is tried, so the work stays bounded
_PART_LEN = 2  # each of the two at least this long ("az dealer", "is from")
_PART_ZIPF = 3.5  # a part not in the knowledge must be this common in English
_VOWELS = frozenset("aeiouy")
_SOUNDED = ("shun", "tion")  # "-tion" typed as it sounds: "producshun", "allocashun"


def _skeleton(word: str) -> str:
    """Return a word without its vowels ("what" -> "wht")."""
    return "".join(c for c in word if c not in _VOWELS)


def _skeletons(known: Iterable[str]) -> dict[str, str]:
    """Map each known word's letters without vowels to the most common such word ("wht" is
    "what", not "white"), so that a word typed without vowels reads as it."""
    best: dict[str, str] = {}
    for word in known:
        bare = _skeleton(word)
        if len(bare) >= MIN_TYPO_LEN - 1 and bare != word and word.isalpha():
            had = best.get(bare)
            if had is None or (-english_zipf(word), word) < (-english_zipf(had), had):
                best[bare] = word
    return best


def _pools(known: set[str]) -> dict[tuple[str, int], tuple[str, ...]]:
    """Group words by first letter, or last two (for a typo in the first), and by length.

    A typo is compared only with words of its group and of a length within reach: a word two
    letters longer is never one edit away. Tuples of strings, which the collector soon stops
    tracking, hold each group.
    """
    pools: dict[tuple[str, int], list[str]] = {}
    for word in known:
        if len(word) >= MIN_TYPO_LEN - 1 and word.isalpha():
            pools.setdefault((word[0], len(word)), []).append(word)
            pools.setdefault(("~" + word[-2:], len(word)), []).append(word)
    return {key: tuple(group) for key, group in pools.items()}


# A common word with one of these endings is a word of its own ("detailer", "tinkerers"),
# even when the word list lacks it: not a typo of another known word ("dealer").
_DERIVING = ("ers", "er")


def _derived_from(word: str) -> str | None:
    """Return the common English word a word is made from with a doer's ending ("detail" for
    "detailer"), or None."""
    for end in _DERIVING:
        base = word[: -len(end)]
        if (
            word.endswith(end)
            and len(base) >= MIN_TYPO_LEN
            and english_zipf(base) >= _REAL_WORD_ZIPF
        ):
            return base
    return None


class Spelling:
    """The known words of a knowledge file, and the closest of them to a misspelt word."""

    def __init__(self, words: set[str], stems: Container[str], names: Iterable[str] = ()) -> None:
        self._words = words
        self._stems = stems
        self._pools = _pools(words)
        self._names = sorted(names)
        self._skeletons = _skeletons(words)

    def fix(self, word: str) -> str:
        """Return the known word a typo stands for, or the word itself."""
        word = self._unsounded(word)
        bare = _VOWELS.isdisjoint(word) and word not in self._words
        if bare and word in self._skeletons and english_zipf(word) < _REAL_WORD_ZIPF:
            return self._skeletons[word]  # typed without vowels: "wht", "shld"
        if word.endswith("in") and word not in self._words and word + "g" in self._words:
            return word + "g"  # dropped g: "gettin", "doin"
        if (
            word in self._words
            or len(word) < MIN_TYPO_LEN - 1
            or not word.isalpha()
            or english_zipf(word) >= _REAL_WORD_ZIPF
        ):
            return word
        fixed = self._correct(word)
        base = _derived_from(word)
        if base is not None and not fixed.startswith(base):
            return word  # "detailer" is no "dealer"; "collecter" is "collector"
        return fixed

    def split(self, word: str) -> tuple[str, str] | None:
        """Return the two words a word typed without the space between them stands for, or
        None for a word of its own ("waitlist", "writeup": compounds stay whole).

        Two function words, the second no particle ("isfrom", "onthe", not "letdown"); a
        word the typo fix would drop from a known one ("azdealer" is no "dealer"); and a long
        known word before a typo of another ("monthlynumbrs").
        """
        if (
            not _JOINED_LEN <= len(word) <= _JOINED_MAX
            or not word.isalpha()
            or word in self._words
            or stem(word) in self._stems
            or english_zipf(word) > 0
        ):
            return None
        fixed = self.fix(word)
        if fixed != word:
            return self._dropped(word, fixed)
        longest = ""  # the longest known first part: its rest may be a typo
        for at in range(_PART_LEN, len(word) - _PART_LEN + 1):
            one, two = word[:at], word[at:]
            if one in STOPWORDS and two in STOPWORDS and two not in PARTICLES:
                return one, two  # "isfrom"; "letdown", "getup" are words of their own
            if one in self._words or english_zipf(one) >= _PART_ZIPF:
                longest = one
        if len(longest) < _JOINED_LEN:
            return None
        rest = self._misspelt_part(word[len(longest) :])
        return None if rest is None else (longest, rest)

    def _dropped(self, word: str, fixed: str) -> tuple[str, str] | None:
        """Return a word and the known word its typo fix dropped from its start or end, or
        None for a typo of one word (or of an ending: "whered", "couldve")."""
        if word.endswith(fixed) and self._droppable(word[: -len(fixed)]):
            return word[: -len(fixed)], fixed
        if word.startswith(fixed) and self._droppable(word[len(fixed) :]):
            return fixed, word[len(fixed) :]
        return None

    def _droppable(self, part: str) -> bool:
        """Return whether a part dropped by a typo fix is a word of its own the knowledge
        holds ("az"), not an ending ("s", "ll")."""
        return len(part) >= _PART_LEN and part in self._words and part not in STOPWORDS

    def _misspelt_part(self, typed: str) -> str | None:
        """Return the known word a joined word's long last part is a typo of, or None."""
        if len(typed) < _JOINED_LEN:
            return None
        fixed = self.fix(typed)
        return fixed if fixed != typed and fixed in self._words else None

    def _unsounded(self, word: str) -> str:
        """Return a word whose "-tion" was typed as it sounds ("producshun") with "-tion"."""
        heard, written = _SOUNDED
        if word.endswith(heard) and len(word) > len(heard) + 2 and word not in self._words:
            return word[: -len(heard)] + written
        return word

    def _correct(self, word: str) -> str:
        from rapidfuzz import process  # imported on the first typo, not on every start
        from rapidfuzz.distance import OSA

        if stem(word) in self._stems:
            return word
        named = self._shortened(word)
        if named is not None:
            return named
        # Transposed letters count as one edit; short words get one edit, longer ones two.
        allowed = 1 if len(word) < 8 else 2
        sizes = range(len(word) - allowed, len(word) + allowed + 1)
        keys = [(key, size) for size in sizes for key in (word[0], "~" + word[-2:])]
        pool = list(itertools.chain.from_iterable(self._pools.get(k, ()) for k in keys))
        near = process.extract(word, pool, scorer=OSA.distance, score_cutoff=allowed, limit=None)
        if not near and allowed == 1 and len(word) >= _NAME_TYPO_LEN:
            near = self._misspelt_name(word)
        if not near:
            return word
        # Of the closest words, one keeping the typo's first letter (a typo seldom changes it:
        # "aloted" is "alloted" before "loted"), then the most common in English: "sill" is
        # "still" before "sell".
        fewest = min(edits for _, edits, _ in near)
        closest = {str(w) for w, edits, _ in near if edits == fewest}
        candidate = min(closest, key=lambda w: (w[0] != word[0], -english_zipf(w), w))
        if len(word) == 3 and sorted(candidate) != sorted(word):
            return word  # three-letter words: only fix swapped letters ("teh")
        return candidate

    def _misspelt_name(self, word: str) -> list[tuple[str, int, int]]:
        """Return the names two edits from ``word`` that start with its letter ("segular" is
        Segler): a name is rare enough that a word this close stands for it."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        start = bisect.bisect_left(self._names, word[0])
        end = bisect.bisect_left(self._names, chr(ord(word[0]) + 1))
        found = process.extract(
            word, self._names[start:end], scorer=OSA.distance, score_cutoff=2, limit=None
        )
        return [(str(name), int(edits), at) for name, edits, at in found]

    def _shortened(self, word: str) -> str | None:
        """Return the one name that ``word`` shortens ("jrob" for "jrobusc"), if any."""
        if len(word) < MIN_TYPO_LEN:
            return None
        at = bisect.bisect_left(self._names, word)
        found = list(itertools.takewhile(lambda n: n.startswith(word), self._names[at : at + 2]))
        if len(found) == 1 and len(found[0]) >= len(word) + _SHORTENED_BY:
            return found[0]
        return None


_TITLED = re.compile(r"([A-Z](?<!\w[A-Z])(?:[a-z]{1,2}\.|\w*))(?=[ \t]+([A-Z]\w+))")
"""Two capitalised words in a row ("Brian Watts", "Laguna Seca", "Mr. Mowse"): one name. A
word ending in a full stop starts a name only as a short title ("Dr.", "Mr."), not as the end
of a sentence ("... in November. It"). The second word is read ahead: "Commenter Mr. Mowse"
holds two. It finds what a lookahead for the two words tried at every word boundary finds
(the test keeps that form), about twice as fast: it starts with a capital, which the regex
engine seeks quickly, checks the word boundary before it by looking back, and takes in the
first word, in which no other name can start."""


def name_pairs(texts: Iterable[str]) -> set[tuple[str, str]]:
    """Return the two-word names written in ``texts``, as pairs of lower-case words."""
    pairs: set[tuple[str, str]] = set()
    for first, second in {pair for text in texts for pair in _TITLED.findall(text)}:
        one, two = words(first), words(second)
        if len(one) == len(two) == 1 and one[0] not in STOPWORDS and two[0] not in STOPWORDS:
            pairs.add((one[0], two[0]))
    return pairs


class Names:
    """Two-word names a knowledge file writes ("Brian Watts", "Laguna Seca"): typed with one
    word right, the other may be misspelt even into a real English word ("brian wats",
    "lagoona seca", "mr mouse")."""

    def __init__(
        self, pairs: set[tuple[str, str]], known: Container[str], stems: Container[str]
    ) -> None:
        self._known = known
        self._stems = stems
        self._after: dict[str, tuple[str, ...]] = {}
        self._before: dict[str, tuple[str, ...]] = {}
        for first, second in sorted(pairs):
            self._after[first] = (*self._after.get(first, ()), second)
            self._before[second] = (*self._before.get(second, ()), first)

    def fix(self, found: Sequence[str]) -> list[str]:
        """Return the words with each misspelt half of a two-word name spelt as the name, and
        a one-word name typed in two ("herr 26", "jrob usc") joined."""
        out = self._joined(found)
        for i in range(len(out) - 1):
            one, two = out[i], out[i + 1]
            if one in self._after:
                out[i + 1] = self._nearest(two, self._after[one])
            elif two in self._before:
                out[i] = self._nearest(one, self._before[two])
        return out

    def _joined(self, found: Sequence[str]) -> list[str]:
        """Return the words with two in a row joined where together they are a rare word the
        knowledge holds ("herr 26" is HERR26) and one of them is not: two known words ("bmw
        blog") keep their own meaning."""
        out: list[str] = []
        for word in found:
            if out and (joined := out[-1] + word) in self._known and self._split(out[-1], word):
                out[-1] = joined
            else:
                out.append(word)
        return out

    def _split(self, one: str, two: str) -> bool:
        """Return whether two typed words may be one name split in two."""
        if one in STOPWORDS or two in STOPWORDS or english_zipf(one + two) >= _JOINED_ZIPF:
            return False
        return one not in self._known or two not in self._known

    def _nearest(self, typed: str, names: tuple[str, ...]) -> str:
        if len(typed) < MIN_TYPO_LEN or not typed.isalpha():
            return typed
        if typed in self._known or stem(typed) in self._stems:
            return typed  # a word the knowledge holds is what was meant
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        allowed = 1 if len(typed) < 6 else 2  # a model may follow its brand in hundreds of names
        near = process.extract(typed, names, scorer=OSA.distance, score_cutoff=allowed, limit=None)
        edits, name = min(((int(d), str(n)) for n, d, _ in near), default=(0, typed))
        return name if 0 < edits <= allowed else typed
