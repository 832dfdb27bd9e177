"""One table of places: each word with its kind and its market, for every reader."""

from __future__ import annotations

from bot.core.normalise import question as q
from bot.core.normalise.places import PLACES, Kind, lies_in, named


def test_a_place_has_its_kind_and_its_market() -> None:
    assert (PLACES["ohio"].kind, PLACES["ohio"].market) == (Kind.STATE, "us")
    assert (PLACES["aussies"].kind, PLACES["aussies"].market) == (Kind.PEOPLE, "australia")
    assert (PLACES["europe"].kind, PLACES["europe"].market) == (Kind.REGION, "europe")
    assert "maine" not in PLACES  # it stems to "main"


def test_a_reader_asks_for_the_kinds_it_reads() -> None:
    assert "texas" in named(Kind.STATE) and "uk" not in named(Kind.STATE)


def test_a_city_lies_in_its_state_or_country() -> None:
    assert lies_in("phoenix") == "arizona"
    assert lies_in("sydney") == "australia"
    assert lies_in("ohio") == "ohio"  # a state is no city: read as it is


def test_the_asker_in_a_state_still_asks_of_the_us() -> None:
    # "im in OHIO, how many does the us get": a state is not read as a city would be; a city
    # of Arizona the asker is in reads as the state, whose market is the US.
    (ohio,) = q.parts("im in ohio, how many does the us get")
    assert ohio.words == ("im", "in", "ohio", "how", "many", "does", "the", "us", "get")
    (tempe,) = q.parts("im in tempe, how many does the us get")
    assert tempe.words[:3] == ("im", "in", "arizona")
    assert PLACES[tempe.words[2]].market == "us"
