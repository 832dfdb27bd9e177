"""Text normalisation: the forms people type reduce to the same tokens."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.normalise.text import (
    _SCALES,
    _SHORT_K,
    _THOUSANDS,
    STOPWORDS,
    Synonyms,
    _join_number_words,
    _split,
    _split_lines,
    analyse,
    analyse_many,
    content,
    is_year,
    phrase_key,
    phrase_keys,
    stem,
    unelided,
    unframed,
    unmarked,
    unstretched,
    words,
)


def test_number_forms_agree() -> None:
    assert words("2,500") == words("2500") == words("2.5k") == ["2500"]
    assert words("five thousand") == words("5k") == words("5,000") == ["5000"]
    assert words("two per dealer") == ["2", "per", "dealer"]
    assert words("twenty five to sixty five") == ["25", "to", "65"]


def test_times_and_plurals_of_model_names() -> None:
    assert "1:50" in words("at the 1:50 mark")
    assert stem("1ms") == "1m" and stem("m3s") == "m3" and stem("gps") == "gp"
    assert stem("dealerships") == stem("dealership")


def test_case_accents_zalgo_and_curly_apostrophes_fold_away() -> None:
    assert (
        words("SEGLER\u2019s")
        == words("Ségler's")
        == words("s\u0336e\u0336g\u0336ler")
        == ["segler"]
    )
    assert words("didn \u2018t") == words("didn't")


def test_phrase_key_ignores_case_and_punctuation() -> None:
    assert phrase_key("How many 1Ms, is the US getting?") == phrase_key(
        "how many 1ms is the us getting"
    )


def test_synonyms_rewrite_phrases_longest_first() -> None:
    syn = Synonyms([["usa", "us", "the states", "united states of america"], ["1m", "1 series m"]])
    assert analyse("1 Series M for the United States of America", syn) == [
        "1m",
        "for",
        "the",
        "usa",
    ]
    assert analyse("stateside", syn) == ["statesid"]


def test_content_drops_function_words() -> None:
    assert content(analyse("What is the price of the car?", Synonyms([]))) == ["price", "car"]


def test_nobody_is_a_function_word_like_somebody() -> None:
    assert content(analyse("nobody or noone knows the price", Synonyms([]))) == ["price"]


def test_round_52_somehow_is_a_hedge_like_perhaps() -> None:
    # "would it hurt the price SOMEHOW": a hedge, no topic a word the knowledge never saw adds
    assert content(analyse("would it hurt the price somehow", Synonyms([]))) == ["hurt", "price"]


def test_synonyms_mix_word_and_phrase_rules_at_any_position() -> None:
    syn = Synonyms([["usa", "america", "north america"], ["suv", "big car"], ["uk", "gb"]])
    assert analyse("big car north america gb", syn) == ["suv", "usa", "uk"]
    assert analyse("north korea and america", syn) == ["north", "korea", "and", "usa"]
    assert analyse("a big deal in gb", syn) == ["a", "big", "deal", "in", "uk"]


def test_numbers_join_only_when_they_are_next_to_each_other_or_scaled() -> None:
    assert words("the 2011 run of 2500 cars") == ["the", "2011", "run", "of", "2500", "cars"]
    assert words("5 thousand cars") == ["5000", "cars"]
    assert words("twenty five cars in 2011") == ["25", "cars", "in", "2011"]


def test_round_101_a_zero_joins_no_figure() -> None:
    # Round 101: "0-100", "zero to sixty": a sprint's range, not the figure after the zero.
    assert words("the 0 100 sprint") == ["the", "0", "100", "sprint"]
    assert words("zero sixty") == ["0", "60"]
    assert words("a 20 0 score") == ["a", "20", "0", "score"]


_PIECES = st.sampled_from(
    "one two twenty five hundred thousand grand 5 50 2,500 2.5k 1M 3k 007 0 1:30 k , . ' 's "
    "don't it's 2011 \u00b2 \u0661 5k é Ünïcode north america us 1 series m the states "
    "north america the states series 1 salesman client advisor % \t".split(" ")
)


@given(st.lists(st.lists(_PIECES, max_size=8).map(" ".join), max_size=12))
def test_analysing_many_texts_at_once_equals_one_at_a_time(texts: list[str]) -> None:
    # A batch's texts are rewritten as one list of words: a phrase ending one text and one
    # starting the next ("... north", "america ...") must not join, and a word rewritten as
    # two ("salesman": "client advisor") keeps both in its own text.
    syn = Synonyms(
        [
            ["usa", "us", "the states", "north america"],
            ["1m", "1 series m"],
            ["client advisor", "salesman"],
        ]
    )
    many, seen = analyse_many(texts, syn)
    assert many == [tuple(dict.fromkeys(content(analyse(t, syn)))) for t in texts]
    assert seen == set().union(*(words(t) for t in texts))


@given(st.lists(st.lists(_PIECES, max_size=8).map(" ".join), max_size=12))
def test_phrase_keys_of_many_texts_equal_one_at_a_time(texts: list[str]) -> None:
    texts += ["Line one\nline two", "Ségler\u2019s 2,500 cars"]
    keys = phrase_keys(texts)
    assert keys == {t: phrase_key(t) for t in texts}
    assert list(keys) == list(dict.fromkeys(texts))
    # A key gives its text's words back: no word is empty or holds a space.
    assert all(key.split() == words(text) for text, key in keys.items())


# Pieces that each rule of _split reads, beside near misses that none does ("5 ka", "it'x",
# "100%", "1:3"), a line break between texts and other marks.
_RULED_PIECES = st.sampled_from(
    "two seven seventy 1st 5th hundred grand 2,500 1,2 5k 5 k 5\tk 5ka k 0-60 0 - 6 0-0 it's "
    "don't it'x ' value % 100% 100 % 12:30 1:3 1 2 3 a1 2b gp89 2011 - , . ` \t \n bmw m".split(" ")
)


@given(st.lists(_RULED_PIECES, max_size=12).map("".join), st.lists(_RULED_PIECES, max_size=12))
def test_lines_split_at_once_are_split_as_one_at_a_time(glued: str, pieces: list[str]) -> None:
    # A line is split by its marks made spaces only when no rule of _split can change it.
    for text in (glued, " ".join(pieces)):
        assert _split_lines(text) == [_split(line) for line in text.split("\n")]


def test_each_rule_of_split_is_read_in_lines_split_at_once() -> None:
    # Each line needs one rule of _split (its words split plainly would differ), among lines
    # that need none.
    ruled = "a1,000 cars|5k cars|5 k cars|0-60 in|don't|value %|1:30b|in 20 5 days|two cars|1st"
    text = ruled.replace("|", "\nthe m3 gp89 costs 100%\n")
    assert _split_lines(text) == [_split(line) for line in text.split("\n")]
    assert all(_split(line) != line.split() for line in ruled.split("|"))


@given(
    st.lists(st.lists(_PIECES, max_size=8).map(" ".join), max_size=12),
    st.lists(st.lists(_PIECES, max_size=8).map(" ".join), max_size=12),
)
def test_analysing_with_phrase_keys_made_equals_splitting(
    texts: list[str], keyed: list[str]
) -> None:
    """Texts whose phrase keys are given (some, all or none of a batch's; not only plain ASCII
    ones) are read from their keys, with the same stems and words seen as when split."""
    texts += [*keyed, "Line one\nline two", "Ségler\u2019s 2,500 cars", "five 5k", "it's"]
    syn = Synonyms([["usa", "us", "the states"], ["client advisor", "salesman"]])
    for given_keys in (phrase_keys(keyed), phrase_keys(texts), phrase_keys(texts[::2]), {}):
        assert analyse_many(texts, syn, given_keys) == analyse_many(texts, syn)


_GROUPS = [
    ["usa", "us", "the states", "united states of america", "the united states"],
    ["1m", "1 series m", "1 series"],
    ["state", "nation"],
    ["series", "run", "production run"],
    ["client advisor", "salesman"],  # a word rewritten as two
]
_STEMS = st.sampled_from(
    [
        stem(w)
        for w in "the united states of america us 1 series m run production a salesman client "
        "advisor".split()
    ]
)


def _longest_first(groups: list[list[str]], tokens: list[str]) -> list[str]:
    """Rewrite tokens as the synonyms promise, plainly: the longest phrase at each position."""
    rules: dict[tuple[str, ...], tuple[str, ...]] = {}
    for group in groups:
        variants = [tuple(stem(w) for w in words(term)) for term in group]
        for variant in variants:
            rules.setdefault(variant, variants[0])
    out: list[str] = []
    i = 0
    while i < len(tokens):
        size = next(
            (n for n in range(len(tokens) - i, 0, -1) if tuple(tokens[i : i + n]) in rules), 0
        )
        out += rules[tuple(tokens[i : i + size])] if size else [tokens[i]]
        i += size or 1
    return out


@given(st.lists(_STEMS, max_size=10))
def test_synonyms_take_the_longest_phrase_at_each_position(tokens: list[str]) -> None:
    # Phrases that share their first word ("the states", "the united states"), a phrase cut
    # short at the end, and one-word rules on a phrase's first word ("1 series", "series").
    assert Synonyms(_GROUPS).apply(tokens) == _longest_first(_GROUPS, tokens)


def test_ordinals_read_as_words() -> None:
    assert words("the 2nd article") == words("the second article")
    assert words("1st and 3rd") == ["first", "and", "third"]


def test_somebody_is_a_function_word_like_someone() -> None:
    """Round 17: "SOMEBODY in the comments guessed" names nobody, as "someone" does."""
    assert "somebody" in STOPWORDS and "everybody" in STOPWORDS


def test_round_53_a_bare_percent_sign_is_the_word() -> None:
    assert words("what resale % is left") == ["what", "resale", "percent", "is", "left"]
    assert words("100% sure, 50 % off") == ["100", "sure", "50", "off"]


def test_a_percent_sign_on_the_next_line_after_a_figure_is_the_figures() -> None:
    # A line break reads as a space on every path, so the sign stays the figure's there too.
    assert words("50\n% off") == words("50 % off") == ["50", "off"]
    assert words("50\t% off") == ["50", "off"]


@given(st.text(alphabet="0123456789,.k kx_\u0661", max_size=30))
def test_number_patterns_match_as_their_lookbehind_first_forms(text: str) -> None:
    # The first digit is read before what stands before it is checked: the same matches.
    thousands = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})++(?!\d|,\d)")
    short_k = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?k\b")
    for pattern, plain in ((_THOUSANDS, thousands), (_SHORT_K, short_k)):
        found = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in plain.finditer(text)]


_NUMBERISH = st.sampled_from(
    "0 00 05 7 12 2011 740 1000000000000 99999999999999 1m first hundred thousand grand "
    "cars in the \u00b2 \u0661 12:30".split(" ")
)


@given(st.lists(_NUMBERISH, max_size=10))
def test_figures_apart_read_the_same_joined(tokens: list[str]) -> None:
    """Without a number word, joining changes nothing unless a figure stands right before
    another or a scale word: ``_split`` skips the joining then."""
    close = any(a.isdigit() and (b.isdigit() or b in _SCALES) for a, b in pairwise(tokens))
    if not close:
        assert _join_number_words(tokens) == tokens


def test_figures_join_only_side_by_side() -> None:
    assert _split("in 2011 it built 740 cars, 2 per dealer") == [
        "in", "2011", "it", "built", "740", "cars", "2", "per", "dealer",
    ]  # fmt: skip
    assert _split("100 5 cars and 3 hundred more in 2011 2012") == [
        "105", "cars", "and", "300", "more", "in", "2011", "2012",
    ]  # fmt: skip
    assert _split("the 2nd of 3 two 1ms") == ["the", "second", "of", "5", "1ms"]


def test_round_88_a_stretched_letter_reads_as_the_word_typed() -> None:
    # Chat stretches a letter for stress: the commoner of the word with it once or twice.
    assert words(unstretched("Sooo which bakery, the GOOOOD one? lmaooo")) == [
        "so", "which", "bakery", "the", "good", "one", "lmao",
    ]  # fmt: skip
    assert words(unstretched("realllly cheaperrrr bread")) == ["really", "cheaper", "bread"]
    # One letter alone repeated is no stretched word; figures and the rest are left as typed.
    assert unstretched("www zzz 1000 loaves, ok?") == "www zzz 1000 loaves, ok?"


def test_chat_markup_goes_and_a_link_is_its_site() -> None:
    marked = "<@77120> which bakery :bread: <:pog:88120> <a:spin:88121> @here"
    assert words(unmarked(marked)) == ["which", "bakery"]
    assert words(unmarked("read https://www.bakerblog.com/2011/03/rye-loaf/ first")) == [
        "read", "bakerblog", "first",
    ]  # fmt: skip
    # A time, a colon after a word and text without markup are left as they are.
    assert unmarked("at 12:30, question: which loaf") == "at 12:30, question: which loaf"


def test_followup_53_a_dash_from_zero_is_a_sprint_not_a_figure() -> None:
    # Follow-up round 53: "0-100" joined into the figure "100", so "0-100 on the 1m?" got a
    # claim counting 100 cars; from zero, the dash reads as "to", a sprint's span.
    assert words("0-100 in the m3?") == ["0", "to", "100", "in", "the", "m3"]
    assert words("its 0 - 62 time") == ["its", "0", "to", "62", "time"]
    assert words("10-20 cars") == ["10", "20", "cars"]  # a range from ten stays as it was


def test_code_round_u1_a_year_is_four_digits_of_the_last_two_centuries() -> None:
    # Code round u1: one reading of a year for the question readers, the matcher and talk.
    assert is_year("1999") and is_year("2011")
    assert not is_year("2500")  # a count of cars
    assert not is_year("201") and not is_year("20111") and not is_year("20x1")


def test_round_141_a_phrase_is_read_across_a_filler() -> None:
    # Round 141: "what flavours can you EVEN get" is "flavours can you get": a filler inside a
    # phrase no longer hides it.
    syn = Synonyms([["flavourmenu", "flavours can you get"]])
    assert "flavourmenu" in analyse("what flavours can you even get", syn)
    assert "flavourmenu" in analyse("what flavours can you really get", syn)
    # ... a phrase that holds the filler is still read with it ...
    syn = Synonyms([["wheresfrom", "where is that even from"]])
    assert analyse("where is that even from", syn) == ["wheresfrom"]
    # ... and a text with no phrase across its filler keeps its filler.
    assert analyse("can you even bake", Synonyms([])) == ["can", "you", "even", "bake"]


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("yes or no, any more ferries this week", "any more ferries this week"),
        ("quick yes or no: is the harbour open", "is the harbour open"),
        ("Yes or no - did the kettle sell out", "did the kettle sell out"),
        ("is the harbour open today, yes or no?", "is the harbour open today?"),
        ("is the harbour open y/n", "is the harbour open"),
        ("yes or no", "yes or no"),  # alone it asks of the last answer
        ("yes or no are the ferries late", "yes or no are the ferries late"),  # no frame
        ("is the yes vote in", "is the yes vote in"),
    ],
)
def test_followup_80_a_yes_or_no_frame_is_no_word_of_the_question(
    message: str, question: str
) -> None:
    # Follow-up round 80: "yes or no, any more ... for the us" asks what "any more ... for the
    # us" asks; its "no, any more" read as a denial and the question was declined.
    assert unframed(message) == question


@pytest.mark.parametrize(
    ("message", "read"),
    [
        ("so thats official now", "so that's official now"),
        ("Thats it for the ferry?", "That's it for the ferry?"),
        ("THATS the harbour", "THAT'S the harbour"),
        ("whats the fare", "whats the fare"),  # no "that"
        ("the hats were sold", "the hats were sold"),
        ("thatsa lot", "thatsa lot"),  # not the word alone
    ],
)
def test_followup_81_thats_typed_without_its_apostrophe_is_thats(message: str, read: str) -> None:
    # Follow-up round 81: "so thats official now" points at the last answer as "so that's
    # official now" does; "thats" is no pointing word, and the message was declined.
    assert unelided(message) == read
