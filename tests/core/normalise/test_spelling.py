"""Spelling fixes: a typo becomes the known word it stands for; real words stay as typed."""

from __future__ import annotations

from bot.core.normalise.spelling import Spelling
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
