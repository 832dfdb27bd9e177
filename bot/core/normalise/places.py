"""The places the question readers know: each word with its kind and the market it is in."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import NamedTuple


class Kind(StrEnum):
    """What a place word names ("ohio": a state); a reader may ask for some kinds only."""

    COUNTRY = "country"
    REGION = "region"  # "europe", "asia": more than one country
    STATE = "state"  # a US state, or a chat name of one ("cali")
    CITY = "city"  # read as the place it lies in: "city:arizona"
    PEOPLE = "people"  # a market's people: "aussies", "british"


class Place(NamedTuple):
    kind: Kind
    market: str  # the market whose figures it goes by: "ohio" -> "us", "sydney" -> "australia"
    lies_in: str  # the place a city is read as ("phoenix" -> "arizona"); "" for the others


# Add a place here, and every reader asking for its kind knows it: a line gives a market, then
# each kind with its words ("city:arizona": cities read as Arizona). Round 112's cities are of
# markets the sources give figures for; "maine" is no state here, as it stems to "main".
_TABLE = """
us country us usa america people american yank city:arizona phoenix scottsdale tucson tempe mesa
us state alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
us state hawaii idaho illinois indiana iowa kansas kentucky louisiana maryland massachusetts
us state michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
us state pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming carolina
us state dakota cali socal norcal
uk country uk britain england people british brits brit english scottish welsh
australia country australia oz aus people australian australians aussie aussies
australia city:australia sydney melbourne brisbane perth adelaide canberra hobart
canada country canada people canadian canadians
europe region europe eu people european europeans
asia region asia people asian asians
germany country germany people german germans
japan country japan people japanese
mexico country mexico people mexican mexicans
ireland people irish
nz people kiwi
"""
# The places the shipped answers name; not the US, which nearly every entry names.
ANSWERED = ("australia", "uk", "asia")


def _parsed(table: str) -> Mapping[str, Place]:
    """Return the table's places by word."""
    found: dict[str, Place] = {}
    for market, *said in (line.split() for line in table.strip().splitlines()):
        for token in said:
            kind, colon, lies = token.partition(":")
            if colon or kind in set(Kind):
                place = Place(Kind(kind), market, lies)
            else:
                found[token] = place
    return MappingProxyType(found)


PLACES = _parsed(_TABLE)


def named(*kinds: Kind) -> frozenset[str]:
    """Return the words that name a place of any of the kinds."""
    return frozenset(w for w, place in PLACES.items() if place.kind in kinds)


def lies_in(word: str) -> str:
    """Return the place a city lies in ("sydney" -> "australia"), or any other word as it is."""
    place = PLACES.get(word)
    return place.lies_in if place is not None and place.kind is Kind.CITY else word
