"""The index build's shortcuts find what the plain per-answer code finds."""

from __future__ import annotations

import itertools
import pickle
import re
import sys

from hypothesis import example, given
from hypothesis import strategies as st

from bot.core.knowledge.loader import default_knowledge_path, load_knowledge, load_with_phrase_keys
from bot.core.normalise.question import ADVISORS, BUSINESSES, HOLDERS, titled
from bot.core.normalise.text import Synonyms, analyse, analyse_many, content, phrase_key
from bot.core.retrieve.matcher import (
    _BUSINESS,
    _BUSINESS_LOWER,
    _BUSINESS_NEEDLES,
    _CLAUSE_BREAK,
    _COUNTED,
    _COUNTED_LOWER,
    _DAY,
    _ENGINE,
    _HOLDER_NEEDLES,
    _HOLDER_WORD,
    _KIND_NEEDS,
    _LOWERED,
    _MONEY,
    _PERCENT,
    _WORD_GAPS,
    _WRITTEN_GAPS,
    _WRITTEN_WORD,
    Matcher,
    _brands,
    _claimant_handles,
    _handles,
    _holding,
    _kinds_held,
    _one_word_terms,
    _titled_places,
    _written_words,
    answer_kinds,
)

_PIECES = st.sampled_from(
    "$45,000 60k euros 5 dollars \u00a3300 15% 2 per cent the day before The Day After V8 "
    "W12 v8 yesterday Monday 2011 1999 1:50 12:30 March spring weeks ago 600-car 2,500 cars "
    "four years 4 to 5 years two per dealer Scottsdale dealership salesman Bob CA "
    "\u017ftore DEALERS K \u212a 1M M3s a an the of . , ' - \t".split(" ")
)
_TEXTS = st.lists(_PIECES, min_size=1, max_size=10).map(" ".join)


@given(st.lists(_TEXTS, max_size=8))
def test_kinds_held_are_each_answers_kinds(texts: list[str]) -> None:
    texts = [*texts, "5 %", "the day before"]
    syn = Synonyms([["per cent", "percent"], ["day", "days"]])
    terms, _ = analyse_many(texts, syn)
    plain: dict[str, list[int]] = {}
    for index, (answer, text) in enumerate(zip(terms, texts, strict=True)):
        for kind in answer_kinds(answer, text):
            plain.setdefault(kind, []).append(index)
    held = _kinds_held(terms, texts)
    assert {kind: found for kind, found in held.items() if found} == plain


@given(_TEXTS)
def test_lowered_patterns_find_on_ascii_what_the_case_blind_ones_find(text: str) -> None:
    if not text.isascii():  # "\u017f" matches "s" only case-blind: such text keeps the pattern
        return
    lowered = [tuple(part.lower() for part in found) for found in _COUNTED.findall(text)]
    assert _COUNTED_LOWER.findall(text.lower()) == lowered
    assert bool(_BUSINESS_LOWER.search(text.lower())) == bool(_BUSINESS.search(text))
    assert _COUNTED_LOWER.flags & re.IGNORECASE == 0


# The kinds' patterns as first written, with the check of what stands before them first.
_PLAIN_FORMS = (
    (_DAY, re.compile(r"\bthe day (?:before|after)\b", re.IGNORECASE)),
    (_ENGINE, re.compile(r"\b[VW](?:6|8|10|12|16)\b")),
    (
        _MONEY,
        re.compile(
            r"[$\u20ac\u00a3]\s?\d|\d\s?(?:k\s)?(?:dollars?|euros?|pounds|usd|eur|gbp|aud|bucks)\b",
            re.IGNORECASE,
        ),
    ),
)
_NEAR_MISSES = st.lists(
    st.sampled_from(
        [
            *"the The tHE day DAY before after xthe _the 1the V W v w 6 8 10 12 16 1V8 _V8 V8x "
            "$ \u20ac \u00a3 5 \u0661 k K \u212a dollar dollars euro usd bucks pounds . - , "
            "\u0442he \u0130".split(" "),
            " ",
            "  ",
            "\t",
            "",
        ]
    ),
    max_size=12,
).map("".join)


@given(st.one_of(_NEAR_MISSES, _NEAR_MISSES.map(lambda t: t.replace("", " ")), _TEXTS))
def test_kind_patterns_match_as_their_plain_forms(text: str) -> None:
    """Read from their first character (which the regex engine skips to), the answer kinds'
    patterns find what their plain forms find, where they find it."""
    for pattern, plain in _PLAIN_FORMS:
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]
        for start in range(len(text)):
            assert bool(pattern.fullmatch(text, start)) == bool(plain.fullmatch(text, start))


@given(st.lists(st.one_of(_NEAR_MISSES, _TEXTS, st.just("5 PER cent")), max_size=8))
@example(["$ 5", "V12", "w8", "6 % up", "THE DAY after", "a the day before"])
def test_the_kinds_patterns_search_only_texts_that_may_hold_one(texts: list[str]) -> None:
    """Each ASCII text an answer kind's pattern finds something in holds one of the needles
    that ``_kinds_held`` looks for first (the others are always searched)."""
    for pattern, needs in zip((_MONEY, _PERCENT, _DAY, _ENGINE), _KIND_NEEDS, strict=True):
        found = {i for i, text in enumerate(texts) if text.isascii() and pattern.search(text)}
        assert found <= _holding(texts, needs, _LOWERED)


_WRITERS = st.sampled_from(
    "goat (reader comment)|bmwblog (site)|JRobUSC (forum)|jrobusc (forum)|Herr26|herr26 (x)|"
    "e92fan (comment)|BMW press release".split("|")
)
_WORDS = st.sampled_from(
    "goat Goat GOAT. bmwblog BMWBlog BMWBlog, (BMWBlog) JRobUSC jrobusc! e92fan E92fan "
    "Herr26 \"goat\" 'bmwblog' said the 1M . , ( ) \u017ftore \u212a".split(" ")
)


@given(
    st.lists(st.lists(_WORDS, min_size=1, max_size=6).map(" ".join), max_size=6),
    st.lists(_WRITERS, max_size=6),
)
def test_handles_and_brands_from_the_shared_words(answers: list[str], claimants: list[str]) -> None:
    """The handles and brands read from the words read once for both (``_written_words``) are
    those each found reading every text itself: stripping marks changes no word's case."""
    syn = Synonyms([["bmwblog", "bmw blog"]])
    texts = dict.fromkeys(itertools.chain(answers, claimants))
    handles = _claimant_handles(claimants)
    not_lower = {
        word.strip(".,;:!?()\"'").lower()
        for text in texts
        for word in text.split()
        if not word.islower()
    }
    written = dict.fromkeys(w.strip(".,;:!?()\"'") for text in texts for w in text.split())
    camel = {
        word.lower() for word in written if re.fullmatch(r"(?=\w*[a-z])[A-Z]\w*[A-Z]\w*", word)
    }
    words = _written_words(answers, claimants)
    assert list(words) == list(written)
    assert _handles(words, handles, syn) == _one_word_terms(handles - not_lower, syn)
    assert _brands(words, handles, syn) == _one_word_terms(handles & camel, syn)


def test_lowering_makes_no_mark_part_of_a_written_word() -> None:
    """No character outside a written word lowers to one inside it: a word found whole among
    an answer's words lowered one by one is found whole in the answer lowered at once."""
    inside = re.compile(r"[\w'\u2019]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lowered = char.lower()
        if lowered != char and not inside.match(char):
            assert not inside.search(lowered), hex(code)


def _titled_places_read_whole(
    answers: list[str], names: frozenset[str], syn: Synonyms
) -> dict[str, list[int]]:
    """``_titled_places`` as first written: every answer read clause by clause."""
    seen: dict[str, dict[int, bool]] = {}
    for index, answer in enumerate(answers):
        for clause in _CLAUSE_BREAK.split(answer):
            said = _WRITTEN_WORD.findall(clause)
            lowered = [w.lower() for w in said]
            for at, word in enumerate(said):
                if word[:1].isupper():
                    for term in [t for t in content(analyse(word, syn)) if t in names]:
                        uses = seen.setdefault(term, {})
                        uses[index] = uses.get(index, True) and titled(lowered, at)
    return {
        term: [index for index, only in uses.items() if only]
        for term, uses in seen.items()
        if any(uses.values())
    }


_PLACES = st.sampled_from(
    "Asia ASIA asia Europe Chile the head HEAD Head heads ahead headline guy Guy guys person "
    "personal rep report side inside of for in from sales M BMW 's Asia's VP vp Vp \u212aorea "
    "\u0130 \u03a3 \u2019 ' . , ( ) ; - _head head_ 1head".split(" ")
)


@given(st.lists(st.lists(_PLACES, min_size=1, max_size=12).map(" ".join), max_size=6))
@example(["the ASIA GUY said 600", "HEAD of sales for Asia", "Asia gets 600"])
@example(["Chile's Head, in Asia", "Asia REP", "VP for BMW"])
def test_titled_places_skip_only_answers_without_a_holder(answers: list[str]) -> None:
    """An answer with no word naming who holds a title, skipped, changes no place found."""
    syn = Synonyms([["asia", "asian market"]])
    names = frozenset({"asia", "europ", "chile", "korea", "bmw"})
    assert _titled_places(answers, names, syn) == _titled_places_read_whole(answers, names, syn)


@given(st.lists(st.one_of(_TEXTS, st.lists(_PLACES, max_size=8).map(" ".join)), max_size=8))
@example(["salesman Bob", "the CA's car", "cars", "a Dealer", "_dealer", "x-ca", ""])
@example(["Asia's Head", "head_", "\u212a ahead", "the guy's", "rep", "REPs", "1vp", "VP"])
def test_the_texts_holding_a_word_are_those_its_pattern_finds(texts: list[str]) -> None:
    """Read all at once by ``str.find``, the ASCII texts hold a business's or a holder's word
    where the patterns find one in each text lowered (the others are left to the patterns)."""
    for needles, gaps, pattern in (
        (_BUSINESS_NEEDLES, _WORD_GAPS, _BUSINESS_LOWER),
        (_HOLDER_NEEDLES, _WRITTEN_GAPS, _HOLDER_WORD),
    ):
        found = {
            i for i, text in enumerate(texts) if text.isascii() and pattern.search(text.lower())
        }
        assert _holding(texts, needles, gaps) == found
    assert all(word.isalpha() and word.islower() for word in [*HOLDERS, *BUSINESSES, *ADVISORS])


def _state(value: object) -> object:
    """A built field as plain data: an object as its attributes, each pickled on its own (the
    same words may be one string object in one build and two in another)."""
    if hasattr(value, "__dict__") and not isinstance(value, type):
        return {name: pickle.dumps(field) for name, field in vars(value).items()}
    return pickle.dumps(value)


def test_the_index_reads_the_phrasings_words_from_the_loaders_phrase_keys() -> None:
    """The phrase keys the loader's duplicate check made build the index it builds without."""
    knowledge, keys = load_with_phrase_keys(default_knowledge_path())
    assert knowledge == load_knowledge(default_knowledge_path())
    assert keys == {q: phrase_key(q) for row in knowledge.rows for q in row[1]}
    with_keys, without = Matcher(knowledge, phrase_keys=keys), Matcher(knowledge)
    assert vars(with_keys).keys() == vars(without).keys()
    for name, value in vars(without).items():
        assert _state(vars(with_keys)[name]) == _state(value), name
