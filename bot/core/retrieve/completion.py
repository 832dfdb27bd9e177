"""Complete a half-typed question from the known phrasings, with bounded work at any size.

The index is built once per knowledge file (off any event loop). A lookup reads a bounded
number of phrasings whatever the knowledge holds: candidates come from the posting list of the
most selective typed word (a word of the phrasings that the typed word starts), in rank order,
and at most ``MAX_CHECKED`` of them are tested.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import re
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ..knowledge.models import Knowledge
from ..knowledge.packed import Strings

CHOICE_LIMIT = 25
CHOICE_CHARS = 100
MAX_TYPED_CHARS = 200
"""Typed text past this is ignored (a choice is at most 100 characters)."""
MAX_TYPED_WORDS = 12
MAX_PREFIX_WORDS = 64
"""A typed word that starts more known words than this is too vague to pick candidates."""
MAX_CHECKED = 2_000
"""Phrasings tested per lookup, at most."""
_WORD = re.compile(r"\w+")


def clip(text: str) -> str:
    """Return text cut to a choice's 100 characters, with an ellipsis when it was cut."""
    return text if len(text) <= CHOICE_CHARS else text[: CHOICE_CHARS - 1] + "\u2026"


@dataclass(frozen=True, slots=True)
class CompletionIndex:
    """Every distinct phrasing (entries' first phrasings first) and where each word occurs.

    The posting lists are flat (CSR-style): the phrasings holding ``vocabulary[w]`` are
    ``ranks[starts[w]:starts[w + 1]]``, in rank order. A few flat arrays and packed strings,
    not one container per word: the garbage collector has next to nothing to scan in an index of
    any size.
    """

    digest: str
    texts: Strings
    folded: Strings
    vocabulary: Strings
    ranks: array[int]
    starts: array[int]

    @classmethod
    def build(cls, knowledge: Knowledge) -> CompletionIndex:
        """Index a knowledge base's phrasings (linear in their total length, plus a sort)."""
        rows = knowledge.rows  # read by column: no Entry is built for each
        firsts = (questions[0] for questions in rows.lists(1))
        rest = (q for questions in rows.lists(1) for q in questions[1:])
        seen: dict[str, str] = {}
        for question in itertools.chain(firsts, rest):
            clipped = clip(" ".join(question.split()))
            seen.setdefault(clipped.casefold(), clipped)
        numbers: dict[str, int] = {}  # word -> its number, in order of first sight
        held, ranks = array("q"), array("q")  # (word number, phrasing rank), by rank
        for rank, folded in enumerate(seen):
            for word in set(_WORD.findall(folded)):
                held.append(numbers.setdefault(word, len(numbers)))
                ranks.append(rank)
        vocabulary = tuple(sorted(numbers))
        place = np.empty(len(numbers), dtype=np.int64)  # word number -> place in vocabulary
        place[[numbers[w] for w in vocabulary]] = np.arange(len(vocabulary))
        key = place[np.frombuffer(held, dtype=np.int64)] if held else np.empty(0, np.int64)
        order = np.argsort(key, kind="stable")  # by word, each word's ranks still ascending
        counts = np.bincount(key, minlength=len(vocabulary))
        return cls(
            digest=knowledge.digest,
            texts=Strings(seen.values()),
            folded=Strings(seen),
            vocabulary=Strings(vocabulary),
            ranks=_machine(np.frombuffer(ranks, dtype=np.int64)[order] if ranks else key),
            starts=_machine(np.concatenate(([0], np.cumsum(counts)))),
        )

    def complete(self, current: str, limit: int = CHOICE_LIMIT) -> list[str]:
        """Return up to ``limit`` known questions matching what is typed so far.

        Phrasings that start with the typed text come first, then those containing it, then
        those containing each typed word; each group in rank order.
        """
        typed = " ".join(current[: MAX_TYPED_CHARS * 4].split()).casefold()[:MAX_TYPED_CHARS]
        if not typed:
            return self.texts[:limit]
        pieces = typed.split()[:MAX_TYPED_WORDS]
        groups: tuple[list[str], list[str], list[str]] = ([], [], [])
        for rank in itertools.islice(self._candidates(typed), MAX_CHECKED):
            folded = self.folded[rank]
            if folded.startswith(typed):
                groups[0].append(self.texts[rank])
                if len(groups[0]) >= limit:
                    break  # nothing later can rank above these
            elif typed in folded:
                groups[1].append(self.texts[rank])
            elif all(p in folded for p in pieces):
                groups[2].append(self.texts[rank])
        return [*groups[0], *groups[1], *groups[2]][:limit]

    def _candidates(self, typed: str) -> Iterator[int]:
        """Yield phrasing ranks in order: those holding the most selective typed word."""
        best: tuple[int, int] | None = None
        best_size = 0
        starts = self.starts
        for word in _WORD.findall(typed)[:MAX_TYPED_WORDS]:
            span = self._starting(word)
            if span is None or span[0] == span[1]:  # too vague, or only inside words: no help
                continue
            size = starts[span[1]] - starts[span[0]]  # the words' lists lie side by side
            if best is None or size < best_size:
                best, best_size = span, size
        if best is None:  # only vague words or none at all: the top phrasings, in order
            return iter(range(len(self.texts)))
        ranks = memoryview(self.ranks)
        lists = [ranks[starts[w] : starts[w + 1]] for w in range(*best)]
        return _unique(heapq.merge(*lists))

    def _starting(self, word: str) -> tuple[int, int] | None:
        """Return the places in the vocabulary of the known words that ``word`` starts (from,
        up to); None if there are too many."""
        low = bisect.bisect_left(self.vocabulary, word)
        end = min(low + MAX_PREFIX_WORDS + 1, len(self.vocabulary))
        high = bisect.bisect_left(self.vocabulary, word + "\U0010ffff", low, end)
        if high - low > MAX_PREFIX_WORDS:
            return None
        return low, high


def _machine(values: npt.NDArray[np.int64]) -> array[int]:
    """Return ranks or offsets as a Python array of 32-bit unsigned ints (read one at a time,
    it is faster than numpy)."""
    out = array("I")
    out.frombytes(values.astype(np.uintc).tobytes())
    return out


def _unique(ranks: Iterable[int]) -> Iterator[int]:
    last = -1
    for rank in ranks:
        if rank != last:
            yield rank
            last = rank
