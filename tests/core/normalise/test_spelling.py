"""Spelling fixes: a typo becomes the known word it stands for; real words stay as typed."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bot.core.normalise.spelling import _TITLED, Names, Spelling, name_pairs
from bot.core.normalise.text import stem

KNOWN = {"allocation", "production", "dealer", "getting", "segler", "molds", "the"}


def spelling() -> Spelling:
    return Spelling(KNOWN, {stem(w) for w in KNOWN})


def test_a_typo_becomes_the_known_word() -> None:
    fix = spelling().fix
    assert fix("alocation") == "allocation"
    assert fix("prodcution") == "production"  # a swap counts as one edit
    assert fix("seglr") == "segler"


def test_a_dropped_g_is_put_back() -> None:
    assert spelling().fix("gettin") == "getting"


def test_common_english_words_and_far_words_stay_as_typed() -> None:
    fix = spelling().fix
    assert fix("weather") == "weather"  # a real word is never "corrected"
    assert fix("zqxvbn") == "zqxvbn"  # nothing within reach
    assert fix("teh") == "the"  # three letters: only swapped letters are fixed
    assert fix("tha") == "tha"


def test_a_word_typed_without_vowels_is_the_most_common_word_with_them() -> None:
    fix = Spelling(KNOWN | {"what", "white", "should"}, {stem(w) for w in KNOWN}).fix
    assert fix("wht") == "what"  # not "white", the rarer word
    assert fix("shld") == "should"
    assert fix("bmw") == "bmw"  # no known word has these letters


def test_a_misspelt_half_of_a_two_word_name_is_spelt_as_the_name() -> None:
    pairs = name_pairs(["Commenter Mr. Mowse met Brian Watts at Laguna Seca in November. It"])
    assert ("mr", "mowse") in pairs and ("laguna", "seca") in pairs
    assert ("november", "it") not in pairs  # a sentence's end starts no name
    names = Names(pairs, {"track", "watts"}, {"track"})
    assert names.fix(["mr", "mouse", "said"]) == ["mr", "mowse", "said"]
    assert names.fix(["brian", "wats"]) == ["brian", "watts"]
    assert names.fix(["lagoona", "seca"]) == ["laguna", "seca"]
    assert names.fix(["brian", "was"]) == ["brian", "was"]  # too short to be a typo
    assert names.fix(["laguna", "track"]) == ["laguna", "track"]  # a word the knowledge holds


def test_a_name_typed_shorter_is_the_name() -> None:
    fix = Spelling(KNOWN | {"jrobusc"}, {stem(w) for w in KNOWN}, ["jrobusc", "segler"]).fix
    assert fix("jrob") == "jrobusc"
    assert fix("segl") == "segler"


def test_a_one_word_name_typed_in_two_is_joined() -> None:
    names = Names(set(), {"herr26", "jrobusc", "bmw", "blog", "bmwblog"}, set())
    assert names.fix(["herr", "26", "said"]) == ["herr26", "said"]
    assert names.fix(["jrob", "usc"]) == ["jrobusc"]
    assert names.fix(["bmw", "blog"]) == ["bmw", "blog"]  # two known words keep their meaning


def test_a_name_may_be_typed_two_edits_off_but_a_plain_word_may_not() -> None:
    fix = Spelling(KNOWN | {"mowse"}, {stem(w) for w in KNOWN}, ["mowse", "segler"]).fix
    assert fix("segular") == "segler"  # a name: two edits still reach it
    assert fix("dealler") == "dealer"  # one edit, as before
    assert fix("prodution") == "production"
    assert fix("dellaer") == "dellaer"  # not a name: two edits from "dealer" stay as typed
    assert fix("mowze") == "mowse"


def test_a_typo_keeps_its_first_letter_before_a_commoner_word() -> None:
    fix = Spelling(KNOWN | {"location"}, {stem(w) for w in KNOWN | {"location"}}).fix
    assert fix("alocation") == "allocation"  # one edit from both; "location" is commoner
    assert fix("locaton") == "location"


def test_round_54_a_common_word_with_a_doers_ending_is_no_typo() -> None:
    # "detailer" is "detail" + "er", not "dealer" two edits away; "collecter" is still the
    # known "collector" it misspells.
    fix = Spelling(KNOWN | {"collector"}, {stem(w) for w in KNOWN | {"collector"}}).fix
    assert fix("detailer") == "detailer"
    assert fix("collecter") == "collector"


def test_round_97_a_tion_typed_as_it_sounds_is_read_as_tion() -> None:
    # "alocashun" is three edits from "allocation" until its "-shun" is read as "-tion"; a word
    # that is only the ending ("shun") stays as typed.
    fix = spelling().fix
    assert fix("alocashun") == "allocation"
    assert fix("producshun") == "production"
    assert fix("shun") == "shun"


# The two-word-name pattern as first written: a lookahead tried at every position.
_TITLED_PLAIN = re.compile(r"(?=\b([A-Z][a-z]{1,2}\.|[A-Z]\w*)[ \t]+([A-Z]\w+))")


@given(st.text(alphabet="ABMab1_.'-( \t\n\u00c9\u00e9", max_size=40))
def test_two_word_names_are_found_as_the_plain_pattern_finds_them(text: str) -> None:
    # Names overlap ("Commenter Mr. Mowse"), start after any non-word ("(Ab Cd", "x.Ab Cd") or
    # at the start, never inside a word ("aBc Def", "_Ab Cd", "\u00e9Ab Cd").
    assert _TITLED.findall(text) == _TITLED_PLAIN.findall(text)
    for fixed in ("Commenter Mr. Mowse said", "Dr. Ab and Brian Watts", "in Nov. It", "aBc Def"):
        assert _TITLED.findall(fixed) == _TITLED_PLAIN.findall(fixed)


def test_round_135_two_words_typed_without_a_space_are_read_as_the_two() -> None:
    # Round 135: two function words run together, a known word that the typo fix would drop,
    # and a long known word before a typo of another are two words typed as one.
    known = KNOWN | {"where", "ca", "yearly", "numbers", "list", "wait", "write", "up", "could"}
    split = Spelling(known, {stem(w) for w in known}).split
    assert split("wherethe") == ("where", "the")
    assert split("cadealer") == ("ca", "dealer")
    assert split("yearlynumbrs") == ("yearly", "numbers")
    # ... while a compound, a typo of one word and a dropped ending stay one word
    assert split("waitlist") is None and split("writeup") is None and split("letdown") is None
    assert split("alocation") is None
    assert split("couldd") is None
    assert split("dealer") is None


def test_a_run_of_letters_longer_than_two_joined_words_is_never_split() -> None:
    # Every split point of a word is tried, so only words as long as two joined words are.
    known = KNOWN | {"yearly", "reallocations", "internationalisations"}
    split = Spelling(known, {stem(w) for w in known}).split
    assert split("yearlyreallocatons") == ("yearly", "reallocations")
    assert split("yearlyinternationalisatons") is None
