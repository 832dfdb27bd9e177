"""Fix a question word's spelling against the words one knowledge file knows."""

from __future__ import annotations

import itertools
from collections.abc import Container

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .text import english_zipf, stem

MIN_TYPO_LEN = 4
_REAL_WORD_ZIPF = 3.2  # a word this common in English is not a typo, so it is never "corrected"


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


class Spelling:
    """The known words of a knowledge file, and the closest of them to a misspelt word."""

    def __init__(self, words: set[str], stems: Container[str]) -> None:
        self._words = words
        self._stems = stems
        self._pools = _pools(words)

    def fix(self, word: str) -> str:
        """Return the known word a typo stands for, or the word itself."""
        if word.endswith("in") and word not in self._words and word + "g" in self._words:
            return word + "g"  # dropped g: "gettin", "doin"
        if (
            word in self._words
            or len(word) < MIN_TYPO_LEN - 1
            or not word.isalpha()
            or english_zipf(word) >= _REAL_WORD_ZIPF
        ):
            return word
        return self._correct(word)

    def _correct(self, word: str) -> str:
        if stem(word) in self._stems:
            return word
        # Transposed letters count as one edit; short words get one edit, longer ones two.
        allowed = 1 if len(word) < 8 else 2
        sizes = range(len(word) - allowed, len(word) + allowed + 1)
        keys = [(key, size) for size in sizes for key in (word[0], "~" + word[-2:])]
        pool = list(itertools.chain.from_iterable(self._pools.get(k, ()) for k in keys))
        near = process.extract(word, pool, scorer=OSA.distance, score_cutoff=allowed, limit=None)
        if not near:
            return word
        # Of the closest words, the most common in English: "sill" is "still" before "sell".
        fewest = min(edits for _, edits, _ in near)
        closest = {str(w) for w, edits, _ in near if edits == fewest}
        candidate = min(closest, key=lambda w: (-english_zipf(w), w))
        if len(word) == 3 and sorted(candidate) != sorted(word):
            return word  # three-letter words: only fix swapped letters ("teh")
        return candidate
