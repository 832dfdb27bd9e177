"""One table of places: each word with its kind and its market, for every reader."""

from __future__ import annotations

from bot.core.decide.followups import _MARKETS
from bot.core.normalise import question as q
from bot.core.normalise.places import PLACES, Kind, lies_in, markets, named, spoken


def test_a_place_has_its_kind_and_its_market() -> None:
    assert (PLACES["ohio"].kind, PLACES["ohio"].market) == (Kind.STATE, "us")
    assert (PLACES["aussies"].kind, PLACES["aussies"].market) == (Kind.PEOPLE, "australia")
    assert (PLACES["europe"].kind, PLACES["europe"].market) == (Kind.REGION, "europe")
    assert "maine" not in PLACES  # it stems to "main"


def test_a_reader_asks_for_the_kinds_it_reads() -> None:
    # "how many does the uk get", "and the brits?": a market by its name or its people's
    counted = markets(Kind.COUNTRY, Kind.REGION, Kind.PEOPLE)
    assert counted["brits"] == counted["england"] == "uk"
    assert "ohio" not in counted and "sydney" not in counted
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


def test_a_market_is_named_as_a_reply_says_it() -> None:
    assert spoken("uk") == "the UK"
    assert spoken("canada") == "Canada"


def test_a_place_in_the_table_is_known_to_every_reader_of_its_kind() -> None:
    # Issue 13: the market reader once kept a list of its own, so "scottish" was no market a
    # count is asked of.
    assert _MARKETS["scottish"] == "uk" and _MARKETS["japanese"] == "japan"
    assert "us" not in _MARKETS.values()  # "us" is a pronoun too
