"""Rank knowledge entries for a question: weighted word coverage plus phrasing similarity."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from .models import Entry, Knowledge
from .text import STOPWORDS, Synonyms, analyse_words, content, english_zipf, stem, words

DEFAULT_THRESHOLD = 0.5
"""Answer only when the best entry scores at least this (0..1); below it, decline."""

NEAR_TIE = 0.06
"""A runner-up within this of the best score is named as related rather than silently dropped."""

_ANSWER_WEIGHT = 0.5  # a word found only in an entry's answer counts half
_COVERAGE_SHARE = 0.75  # the rest of the score is the best phrasing's similarity
_RERANK = 24  # how many coverage leaders get the (slower) phrasing comparison
_MIN_TYPO_LEN = 4
_MAX_CORRECTIONS = 4096
# A question made only of words most entries share ("is that true?", "1M source?") is too vague
# to answer: its scores are scaled down so that it gets suggestions instead of a guess.
_DISTINCTIVE_SHARE = 0.5
_VAGUE_FACTOR = 0.5
_PREFIX = 5  # unknown stems match known ones of the same family sharing this many letters
_SUFFIXES = frozenset("or er ion ibl abl al ic iv iti ment ist ism ship ness ful ous".split())
_UNKNOWN_DF = 0.5  # an unknown word weighs like one found in half an entry: rarer than any
_COMMON_ZIPF, _ZIPF_SPAN, _MIN_INFORMATIVE = 7.0, 2.5, 0.25
_REAL_WORD_ZIPF = 3.2  # a word this common in English is not a typo, so it is never "corrected"


def _informative(zipf: float) -> float:
    """Scale a word's weight by how unusual it is in English: "lasagna" tells more than "good"."""
    return min(1.0, max(_MIN_INFORMATIVE, (_COMMON_ZIPF - zipf) / _ZIPF_SPAN))


@dataclass(frozen=True, slots=True)
class Match:
    """An entry and how well it matches a question (0..1)."""

    entry: Entry
    score: float


@dataclass(frozen=True, slots=True)
class _Phrasing:
    terms: frozenset[str]
    weight: float


@dataclass(frozen=True, slots=True)
class _Term:
    stem: str
    weight: float
    known: bool


class Matcher:
    """An index over one Knowledge; build it once per load and reuse it for every question."""

    def __init__(self, knowledge: Knowledge, *, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.knowledge = knowledge
        self.threshold = threshold
        self.synonyms = Synonyms(knowledge.synonyms)
        self._entries = knowledge.entries
        strong: list[set[str]] = []
        weak: list[set[str]] = []
        self._phrasings: list[tuple[_Phrasing, ...]] = []
        df: dict[str, int] = defaultdict(int)
        strong_df: dict[str, int] = defaultdict(int)  # entries whose phrasings/keywords hold it
        phrasing_terms: list[list[frozenset[str]]] = []
        known_words: set[str] = set()

        def terms_of(text: str) -> list[str]:
            found = words(text)
            known_words.update(found)
            return self._terms_of_words(found)

        for group in knowledge.synonyms:
            for text in group:
                known_words.update(words(text))
        for entry in self._entries:
            terms = [frozenset(terms_of(q)) for q in entry.questions]
            keys = set().union(*terms, terms_of(" ".join(entry.keywords)))
            keys.update(self.terms(entry.id.replace("-", " ")))
            answer = set(terms_of(entry.answer)) - keys
            strong.append(keys)
            weak.append(answer)
            phrasing_terms.append(terms)
            for term in keys | answer:
                df[term] += 1
            for term in keys:
                strong_df[term] += 1
        self._size = max(len(self._entries), 1)
        self._common: dict[str, float] = {}
        for word in known_words:
            key = stem(word)
            self._common[key] = max(self._common.get(key, 0.0), english_zipf(word))
        self._idf = {
            t: math.log(1 + self._size / n) * _informative(self._common.get(t, 0.0))
            for t, n in df.items()
        }
        self._unknown_weight = math.log(1 + self._size / _UNKNOWN_DF)
        self._distinctive = {
            t for t, n in strong_df.items() if n <= _DISTINCTIVE_SHARE * self._size
        }
        for terms in phrasing_terms:
            self._phrasings.append(
                tuple(_Phrasing(t, sum(self._idf[x] for x in t)) for t in terms if t)
            )
        postings: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
        for index, (keys, answer) in enumerate(zip(strong, weak, strict=True)):
            for term in keys:
                postings[term][0].append(index)
                postings[term][1].append(1.0)
            for term in answer:
                postings[term][0].append(index)
                postings[term][1].append(_ANSWER_WEIGHT)
        self._postings: dict[str, tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]] = {
            t: (np.asarray(ix, dtype=np.int32), np.asarray(vals, dtype=np.float32))
            for t, (ix, vals) in postings.items()
        }
        self._words = set(STOPWORDS) | known_words
        self._by_prefix: dict[str, list[str]] = defaultdict(list)
        for term in self._idf:
            if len(term) >= _PREFIX and term.isalpha():
                self._by_prefix[term[:_PREFIX]].append(term)
        self._by_initial: dict[str, list[str]] = defaultdict(list)
        for word in self._words:
            if len(word) >= _MIN_TYPO_LEN - 1 and word.isalpha():
                self._by_initial[word[0]].append(word)
                self._by_initial["~" + word[-2:]].append(word)
        self._corrections: dict[str, str] = {}  # a plain dict: a cache bound to self is a cycle

    def terms(self, text: str) -> list[str]:
        """Return the content stems of text, synonyms applied, in order without repeats."""
        return self._terms_of_words(words(text))

    def _terms_of_words(self, found: list[str]) -> list[str]:
        return list(dict.fromkeys(content(analyse_words(found, self.synonyms))))

    def rank(self, question: str, limit: int = 5) -> list[Match]:
        """Return up to ``limit`` entries, best first, each with its 0..1 score."""
        query = self._query(question)
        total = sum(t.weight for t in query)
        if not self._entries or total <= 0:
            return []
        scores = np.zeros(len(self._entries), dtype=np.float32)
        for term in query:
            posting = self._postings.get(term.stem)
            if posting is not None:
                scores[posting[0]] += posting[1] * term.weight
        candidates = np.flatnonzero(scores)
        if candidates.size == 0:
            return []
        if candidates.size > _RERANK:
            top = np.argpartition(scores[candidates], -_RERANK)[-_RERANK:]
            candidates = candidates[top]
        found = [(t.stem, t.weight) for t in query if t.known]
        factor = 1.0 if any(t in self._distinctive for t, _ in found) else _VAGUE_FACTOR
        ordered = candidates[np.argsort(-scores[candidates], kind="stable")].tolist()
        ranked: list[Match] = []
        floor = -1.0  # the limit-th best score so far; no weaker candidate can enter the top
        for index in ordered:
            coverage = float(scores[index]) / total
            if factor * (_COVERAGE_SHARE * coverage + 1 - _COVERAGE_SHARE) < floor - 1e-4:
                break  # candidates come by falling coverage: none of the rest can catch up
            similarity = 0.0
            for p in self._phrasings[index]:
                shared = sum(w for t, w in found if t in p.terms)
                similarity = max(similarity, 2 * shared / (total + p.weight))
            score = factor * (_COVERAGE_SHARE * coverage + (1 - _COVERAGE_SHARE) * similarity)
            ranked.append(Match(self._entries[index], round(min(score, 1.0), 4)))
            if len(ranked) >= limit:
                floor = sorted((m.score for m in ranked), reverse=True)[limit - 1]
        ranked.sort(key=lambda m: (-m.score, m.entry.line))
        return ranked[:limit]

    def _query(self, question: str) -> list[_Term]:
        spelled = [self._spell(w) for w in words(question)]
        stems = [stem(w) for w in spelled]
        commonness = dict(zip(stems, map(english_zipf, spelled), strict=True))
        terms = []
        for term in dict.fromkeys(content(self.synonyms.apply(stems))):
            weight = self._idf.get(term)
            if weight is None:
                term = self._relative(term)
                weight = self._idf.get(term)
            if weight is None:
                unknown = self._unknown_weight * _informative(commonness.get(term, 0.0))
                terms.append(_Term(term, unknown, False))
            else:
                terms.append(_Term(term, weight, True))
        return terms

    def _relative(self, term: str) -> str:
        """Return a known stem of the same word family ("collect" -> "collector"), if any."""
        if len(term) < _PREFIX:
            return term
        family = [
            t
            for t in self._by_prefix.get(term[:_PREFIX], ())
            if (t.startswith(term) and t[len(term) :] in _SUFFIXES)
            or (term.startswith(t) and term[len(t) :] in _SUFFIXES)
        ]
        return min(family, key=lambda t: (abs(len(t) - len(term)), t)) if family else term

    def _spell(self, word: str) -> str:
        if word.endswith("in") and word not in self._words and word + "g" in self._words:
            return word + "g"  # dropped g: "gettin", "doin"
        if (
            word in self._words
            or len(word) < _MIN_TYPO_LEN - 1
            or not word.isalpha()
            or english_zipf(word) >= _REAL_WORD_ZIPF
        ):
            return word
        corrected = self._corrections.get(word)
        if corrected is None:
            corrected = self._correct(word)
            if len(self._corrections) < _MAX_CORRECTIONS:
                self._corrections[word] = corrected
        return corrected

    def _correct(self, word: str) -> str:
        if stem(word) in self._idf:
            return word
        # Transposed letters count as one edit; short words get one edit, longer ones two.
        allowed = 1 if len(word) < 8 else 2
        pool = self._by_initial.get(word[0], []) + self._by_initial.get("~" + word[-2:], [])
        best = process.extractOne(
            word, pool, scorer=DamerauLevenshtein.distance, score_cutoff=allowed
        )
        if best is None:
            return word
        candidate = str(best[0])
        if len(word) == 3 and sorted(candidate) != sorted(word):
            return word  # three-letter words: only fix swapped letters ("teh")
        return candidate
