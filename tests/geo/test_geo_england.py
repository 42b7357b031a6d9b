"""English county abbreviations and the regions of England (issue 12).

The report sentences are written for these tests; the expected places come from the rows of
``data/gazetteer/curated.csv`` (the curated county rows and their abbreviations, the English regions).
"""

from __future__ import annotations

import pytest

from factfinder.geo import Gazetteer, Geoparser
from factfinder.model import Document, Place


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.open()


@pytest.fixture(scope="module")
def parser(gazetteer: Gazetteer) -> Geoparser:
    return Geoparser(gazetteer, None)


def _places(parser: Geoparser, text: str) -> dict[str, Place]:
    return {p.span.text: p for p in parser.parse(Document(doc="t", text=text))}


# --- county abbreviations ---

def test_a_county_abbreviation_is_a_name_of_the_dictionary_tagger(gazetteer: Gazetteer) -> None:
    forms = {form: (kind, curated) for form, kind, _pop, _primary, curated in gazetteer.tagger_forms(min_population=2000)}
    for short in ("Herts", "Staffs", "Wilts", "Lincs", "Warks"):
        assert forms.get(short) == ("admin2", True), short


def test_a_county_abbreviation_inside_a_bodys_name_is_found(parser: Geoparser) -> None:
    # Only the dictionary tagger sees a place inside a body's name: the shape reader takes the body whole.
    text = ("Firefighters from the Staffs Fire and Rescue Service tackled a barn blaze near Leek on Friday, "
            "and a spokesman for the Wilts Air Ambulance said a rider hurt in a fall was stable.")
    places = _places(parser, text)
    assert (places["Staffs"].name, places["Staffs"].country, places["Staffs"].precision) == (
        "Staffordshire", "GB", "admin2")
    assert (places["Wilts"].name, places["Wilts"].country) == ("Wiltshire", "GB")


def test_the_abbreviations_added_name_their_counties(gazetteer: Gazetteer) -> None:
    for short, county in (("Lincs", "Lincolnshire"), ("Warks", "Warwickshire"), ("Shrops", "Shropshire")):
        assert [(c.name, c.kind, c.country) for c in gazetteer.lookup(short)] == [(county, "admin2", "GB")]


# --- the regions of England ---

def test_the_regions_of_england_are_found_whole_in_england(parser: Geoparser) -> None:
    text = ("Rail strikes hit commuters in the South East of England and in Yorkshire and the Humber, "
            "while the East Midlands escaped; the East of England saw delays on Tuesday.")
    places = _places(parser, text)
    for span, name in (("South East of England", "South East England"),
                       ("Yorkshire and the Humber", "Yorkshire and the Humber"),
                       ("East Midlands", "East Midlands"), ("East of England", "East of England")):
        place = places[span]
        assert (place.name, place.country, place.admin1, place.precision) == (name, "GB", "England", "admin1")
    assert "South East" not in places and "Midlands" not in places  # no Botswana, no Zimbabwe


def test_a_region_point_lies_inside_its_region(gazetteer: Gazetteer) -> None:
    # The mean of its counties' points: the South West's lies between Bristol and Exeter.
    south_west = gazetteer.lookup("South-West England")[0]
    assert south_west.name == "South West England" and 50.7 < (south_west.lat or 0) < 51.5
    assert -3.5 < (south_west.lon or 0) < -2.5


def test_a_bare_compass_region_keeps_its_other_countries_sense(parser: Geoparser) -> None:
    # Only the forms that say England are English regions: "the North West" of a Cameroonian story
    # is the region around Bamenda.
    places = _places(parser, "Separatist fighters clashed with soldiers near Bamenda, in the North West region, "
                             "on Monday.")
    assert places["North West region"].country == "CM"
