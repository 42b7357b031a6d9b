"""Geocoding v2 (issue 12), session 8: the story's own places decide between namesakes.

Texts written for these tests (facts restated, no third-party text); the geoparser's own
mention finder reads them (no NER), as ``factfinder geoparse`` does."""

from __future__ import annotations

import pytest

from factfinder.geo import Gazetteer, Geoparser
from factfinder.model import Document, Place


@pytest.fixture(scope="module")
def parser() -> Geoparser:
    return Geoparser(Gazetteer.open(), None)


def _first(places: list[Place], surface: str) -> Place:
    return next(p for p in places if p.span.text == surface)


def test_a_state_chosen_first_gives_way_to_the_story_s_own_town(parser: Geoparser) -> None:
    # Names are resolved bigger first, so the US state is chosen before the Irish towns are
    # known; checked again beside them, Virginia is the town in County Cavan.
    text = ("Ireland's energy agency will fund heat pumps for two halls in County Cavan. The parish hall "
            "in Virginia and the library in Cavan will be fitted first, the council in Ireland said.")
    places = parser.parse(Document(doc="t", text=text))
    virginia = _first(places, "Virginia")
    assert (virginia.country, virginia.precision) == ("IE", "town")


def test_a_state_after_a_town_stays_the_state(parser: Geoparser) -> None:
    # "Bronx, New York" names the state that holds the Bronx: checking it again beside the
    # Bronx must not turn it into New York City.
    text = "She trained at a clinic in Bronx, New York, and later worked in Albany and Buffalo."
    places = parser.parse(Document(doc="t", text=text))
    state = _first(places, "New York")
    assert (state.country, state.precision) == ("US", "admin1")
