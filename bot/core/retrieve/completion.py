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
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from ..knowledge.models import Knowledge

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
    """Every distinct phrasing (entries' first phrasings first) and where each word occurs."""

    digest: str
    texts: tuple[str, ...]
    folded: tuple[str, ...]
    postings: Mapping[str, array[int]]
    vocabulary: tuple[str, ...]

    @classmethod
    def build(cls, knowledge: Knowledge) -> CompletionIndex:
        """Index a knowledge base's phrasings (linear in their total length, plus a sort)."""
        firsts = (e.questions[0] for e in knowledge.entries)
        rest = (q for e in knowledge.entries for q in e.questions[1:])
        seen: dict[str, str] = {}
        for question in itertools.chain(firsts, rest):
            clipped = clip(" ".join(question.split()))
            seen.setdefault(clipped.casefold(), clipped)
        postings: dict[str, array[int]] = {}
        for rank, folded in enumerate(seen):
            for word in set(_WORD.findall(folded)):
                posting = postings.get(word)
                if posting is None:
                    posting = postings[word] = array("I")
                posting.append(rank)
        return cls(
            digest=knowledge.digest,
            texts=tuple(seen.values()),
            folded=tuple(seen),
            postings=postings,
            vocabulary=tuple(sorted(postings)),
        )

    def complete(self, current: str, limit: int = CHOICE_LIMIT) -> list[str]:
        """Return up to ``limit`` known questions matching what is typed so far.

        Phrasings that start with the typed text come first, then those containing it, then
        those containing each typed word; each group in rank order.
        """
        typed = " ".join(current[: MAX_TYPED_CHARS * 4].split()).casefold()[:MAX_TYPED_CHARS]
        if not typed:
            return list(self.texts[:limit])
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
        best: list[array[int]] | None = None
        best_size = 0
        for word in _WORD.findall(typed)[:MAX_TYPED_WORDS]:
            lists = self._starting(word)
            if not lists:  # too vague, or only inside words: no help in picking candidates
                continue
            size = sum(len(p) for p in lists)
            if best is None or size < best_size:
                best, best_size = lists, size
        if best is None:  # only vague words or none at all: the top phrasings, in order
            return iter(range(len(self.texts)))
        return _unique(heapq.merge(*best))

    def _starting(self, word: str) -> list[array[int]] | None:
        """Return the posting lists of the known words that ``word`` starts; None if too many."""
        low = bisect.bisect_left(self.vocabulary, word)
        end = min(low + MAX_PREFIX_WORDS + 1, len(self.vocabulary))
        high = bisect.bisect_left(self.vocabulary, word + "\U0010ffff", low, end)
        if high - low > MAX_PREFIX_WORDS:
            return None
        return [self.postings[w] for w in self.vocabulary[low:high]]


def _unique(ranks: Iterable[int]) -> Iterator[int]:
    last = -1
    for rank in ranks:
        if rank != last:
            yield rank
            last = rank
