"""The place a text puts a name inside stands in for it where the name's own reading fails
(geo/containers.py): an unknown street or building, a town known only in another state.
Texts written for these tests; the geoparser's own mention finder reads them (no NER)."""

from __future__ import annotations

import pytest

from factfinder.geo import Gazetteer, Geoparser
from factfinder.model import Document, Place


@pytest.fixture(scope="module")
def parser() -> Geoparser:
    return Geoparser(Gazetteer.open())


def _places(parser: Geoparser, text: str) -> dict[str, Place]:
    return {p.span.text: p for p in parser.parse(Document(doc="c" * 64, text=text))}


def test_an_unknown_street_takes_the_point_of_the_town_it_is_in(parser: Geoparser) -> None:
    places = _places(parser, "A new gallery of modern prints opened on Pelican Crescent Avenue in Miami Beach.")
    street = places["Pelican Crescent Avenue"]
    assert (street.name, street.country, street.admin1, street.precision) == ("Miami Beach", "US", "Florida", "town")
    assert street.confidence < places["Miami Beach"].confidence  # somewhere inside the town, no more


def test_an_unknown_street_named_alone_lies_in_the_town_the_story_is_told_in(parser: Geoparser) -> None:
    text = ("The council in Harare cut water to the eastern suburbs on Monday. Queues formed on Chiredzi Mews "
            "Avenue by dawn, and the Harare council said the supply would return within a week.")
    places = _places(parser, text)
    street = places["Chiredzi Mews Avenue"]
    assert (street.name, street.country, street.precision) == ("Harare", "ZW", "town")
    assert street.confidence < places["Harare"].confidence


def test_a_story_of_two_towns_gives_an_unknown_street_no_point(parser: Geoparser) -> None:
    text = ("Buses from Bulawayo reached Harare late. Queues formed on Chiredzi Mews Avenue by dawn; "
            "the crews returned to Bulawayo and then to Harare.")
    street = _places(parser, text)["Chiredzi Mews Avenue"]
    assert street.lat is None


def test_a_town_name_heading_a_street_far_from_the_story_gives_way_to_the_town_it_is_in(parser: Geoparser) -> None:
    # Tacoma is a city of Washington; "Tacoma Avenue in Detroit" is a street of Detroit.
    text = "Thieves broke into a pharmacy on Tacoma Avenue in Detroit overnight, police said."
    street = next(p for p in parser.parse(Document(doc="s" * 64, text=text)) if p.span.text.startswith("Tacoma"))
    assert (street.name, street.admin1) == ("Detroit", "Michigan")


def test_a_town_name_heading_a_building_near_the_story_keeps_its_town(parser: Geoparser) -> None:
    text = "Flights resumed at Kandahar Airport on Monday, officials in Kabul said."
    airport = next(p for p in parser.parse(Document(doc="k" * 64, text=text)) if p.span.text.startswith("Kandahar"))
    assert (airport.admin1, airport.country, airport.precision) == ("Kandahar", "AF", "town")


def test_a_building_followed_by_its_county_takes_the_county(parser: Geoparser) -> None:
    places = _places(parser, "The regional final is held at Greystone Motor Park, Cheshire, on Sunday.")
    venue = places["Greystone Motor Park"]
    assert venue.name == "Cheshire" and venue.country == "GB"


def test_a_town_known_only_in_another_state_gives_way_to_the_state_the_text_names(parser: Geoparser) -> None:
    # The gazetteer's only Shallowater is in Texas; the text says Missouri twice.
    text = "SHALLOWATER, Mo. — Firefighters put out a barn fire north of Shallowater, Missouri, on Tuesday."
    places = [p for p in parser.parse(Document(doc="h" * 64, text=text)) if p.span.text.casefold() == "shallowater"]
    assert places and all((p.name, p.admin1, p.precision) == ("Missouri", "Missouri", "admin1") for p in places)


def test_a_lone_unknown_word_after_a_place_is_not_given_its_point(parser: Geoparser) -> None:
    places = _places(parser, "Officials met in Lusaka, Zambia, and later toured Quonterby, Zambia.")
    assert "Quonterby" not in places or places["Quonterby"].lat is None


def test_a_town_is_not_read_as_another_towns_old_alternate_name(parser: Geoparser) -> None:
    # "Charleston" is also an alternate name of Charlestown, Massachusetts in GeoNames; near
    # Boston suburbs that reading must not beat the towns whose main name it is.
    text = ("Buyers from Quincy and Braintree toured the new homes, and one said the porches "
            "recall the old houses of Charleston.")
    place = _places(parser, text)["Charleston"]
    assert place.name == "Charleston" and place.country == "US"


def test_a_city_named_with_its_level_word_is_the_city_of_that_main_name(parser: Geoparser) -> None:
    place = _places(parser, "The prime minister spoke to reporters in Quebec City on Friday.")["Quebec City"]
    assert (place.name, place.country, place.admin1, place.precision) == ("Québec", "CA", "Quebec", "town")


def test_a_street_named_after_a_town_is_a_street_of_the_town_the_text_gives(parser: Geoparser) -> None:
    places = _places(parser, "Traders shut their stalls on Kinshasa Avenue in Lubumbashi after the clashes.")
    assert "Kinshasa" not in places
    street = places["Kinshasa Avenue"]
    assert (street.name, street.country) == ("Lubumbashi", "CD")


def test_a_street_named_after_a_town_is_no_mention_of_that_town(parser: Geoparser) -> None:
    places = _places(parser, "Riot police blocked Mandalay Road and Rangoon Street on Friday evening.")
    assert "Mandalay" not in places and "Rangoon" not in places
    assert all(places[street].lat is None for street in ("Mandalay Road", "Rangoon Street"))


def test_a_joined_romance_name_the_gazetteer_lacks_lies_in_the_country_the_text_gives(parser: Geoparser) -> None:
    # Praia is also the capital of Cape Verde: "Praia do Canto" is neither it nor a Canto.
    places = _places(parser, "Two surfers were robbed at Praia do Canto, in Portugal, last summer.")
    assert "Praia" not in places and "Canto" not in places
    beach = places["Praia do Canto"]
    assert (beach.country, beach.precision) == ("PT", "country")


def test_a_joined_romance_name_the_gazetteer_knows_keeps_its_town(parser: Geoparser) -> None:
    place = _places(parser, "Fishermen were detained in Vila do Conde on Tuesday.")["Vila do Conde"]
    assert (place.country, place.precision) == ("PT", "town")
