"""Spelling fixes: a typo becomes the known word it stands for; real words stay as typed."""

from __future__ import annotations

from bot.core.normalise.spelling import Names, Spelling, name_pairs
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
