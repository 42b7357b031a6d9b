"""Place adjectives the gazetteer lacks (issue 12): "a Sicilian lemon", "the English city of ...",
"Latin American economies" are mentions of Sicily, England and Latin America, embedded (never an
event's place); the same word standing as a noun ("in English", "the Welsh said") is none.
Texts written for these tests; the geoparser reads names by their shape (no NER)."""

from __future__ import annotations

import pytest

from factfinder.geo import Gazetteer, Geoparser
from factfinder.geo.adjectives import place_adjectives, qualifies
from factfinder.model import Document, Place


@pytest.fixture(scope="module")
def parser() -> Geoparser:
    return Geoparser(Gazetteer.open(), None)


def _places(parser: Geoparser, text: str) -> dict[str, Place]:
    return {p.span.text: p for p in parser.parse(Document(doc="t", text=text))}


@pytest.mark.parametrize("text, surface, country, precision", [
    ("Police sealed off a park in Salisbury, an English cathedral city.", "English", "GB", "admin1"),
    ("The cake is filled with Sicilian lemon curd and cream.", "Sicilian", "IT", "admin1"),
    ("Protesters waved Korean flags outside the court in Seoul.", "Korean", "KR", "country"),
    ("He was a Bosnian Serb commander during the war.", "Bosnian", "BA", "country"),
    ("Latin American central banks raised rates again this month.", "Latin American", None, None),
])
def test_an_adjective_before_a_noun_is_its_place(parser: Geoparser, text: str, surface: str,
                                                 country: str | None, precision: str | None) -> None:
    places = _places(parser, text)
    assert surface in places, places
    place = places[surface]
    assert place.lat is not None
    assert place.confidence <= 0.05  # embedded: it qualifies a thing, it locates no event
    if country is not None:
        assert (place.country, place.precision) == (country, precision)


def test_a_longer_adjective_wins_over_the_demonym_inside_it(parser: Geoparser) -> None:
    places = _places(parser, "Latin American migrants waited at the border crossing for days.")
    assert "American" not in places  # not the United States
    assert places["Latin American"].name == "Latin America"


@pytest.mark.parametrize("text, surface", [
    ("The leaflet was printed in English.", "English"),
    ("The Welsh have won the cup twice; the Welsh said little after the match.", "Welsh"),
])
def test_the_word_as_a_noun_is_no_mention(parser: Geoparser, text: str, surface: str) -> None:
    assert surface not in _places(parser, text)


def test_qualifies_reads_the_next_word() -> None:
    assert qualifies("a Tuscan farmhouse", len("a Tuscan"))
    assert not qualifies("the Texan who won", len("the Texan"))
    assert not qualifies("in English.", len("in English"))
    assert "Sicilian" in place_adjectives() and "Kurdish" not in place_adjectives()  # a people's word stays out


def test_a_surname_is_no_adjective(parser: Geoparser) -> None:
    """"Bill English told reporters": English is a person's surname here, not England."""
    assert "English" not in _places(parser, "Prime Minister Bill English told reporters the budget would pass.")
    assert "Bosnian" in _places(parser, "He was a Bosnian Serb commander during the war.")
