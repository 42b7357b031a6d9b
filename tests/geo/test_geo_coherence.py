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
    # Names are resolved bigger first, so the US state is chosen before the Australian towns are
    # known; checked again beside them, Wyoming is the town of the New South Wales Central Coast.
    text = ("The Central Coast council will pay for new roofs on two sports halls this winter. The hall in "
            "Wyoming closes first, then the one in Gosford, a spokeswoman for the Australian council said.")
    places = parser.parse(Document(doc="t", text=text))
    wyoming = _first(places, "Wyoming")
    assert (wyoming.country, wyoming.precision) == ("AU", "town")


def test_a_state_after_a_town_stays_the_state(parser: Geoparser) -> None:
    # "Bronx, New York" names the state that holds the Bronx: checking it again beside the
    # Bronx must not turn it into New York City.
    text = "She trained at a clinic in Bronx, New York, and later worked in Albany and Buffalo."
    places = parser.parse(Document(doc="t", text=text))
    state = _first(places, "New York")
    assert (state.country, state.precision) == ("US", "admin1")


def test_a_street_of_a_story_lies_in_its_only_town_even_inside_a_body_s_name(parser: Geoparser) -> None:
    text = ("The Halifax Regional Fire service said a fire broke out overnight in the 300 block of "
            "Quinpool Road. Nobody was hurt.")
    street = _first(parser.parse(Document(doc="t", text=text)), "Quinpool Road")
    assert (street.name, street.country, street.precision) == ("Halifax", "CA", "town")
    assert 0 < street.confidence < 0.5  # a stand-in: somewhere in the town


# A place the gazetteer lacks, or a doubtful small namesake far from the story, in a local story
# that no one town names twice: it lies where the story's towns cluster.
_LOCAL_STORIES = [
    # Three Oregon towns within 10 km of each other (Sherwood has a bigger namesake in Arkansas):
    # the library the gazetteer lacks lies among them.
    ("Riders from Tualatin and Sherwood can now board the new shuttle that stops in Tigard. The county "
     "will also open the Cedar Hollow Branch Library next year.", "Cedar Hollow Branch Library", "Oregon"),
    # Three Chicago-area towns; "Wells" (a street here) is a town in England and in several US states,
    # none near Chicago: read with doubt, far from the story, it names the story's town.
    ("A man from Oak Park was charged on Thursday after a burglary in Chicago. Deputies from Cicero said "
     "he was caught near the corner of Wells and Kinzie, a few blocks from the river.", "Wells", "Illinois"),
]


@pytest.mark.parametrize(("text", "surface", "admin1"), _LOCAL_STORIES)
def test_a_place_of_a_local_story_lies_where_its_towns_cluster(parser: Geoparser, text: str, surface: str,
                                                                admin1: str) -> None:
    place = _first(parser.parse(Document(doc="t", text=text)), surface)
    assert (place.country, place.admin1, place.precision) == ("US", admin1, "town")


def test_a_building_of_a_story_told_in_far_apart_towns_stays_unplaced(parser: Geoparser) -> None:
    text = ("Police in Kandahar and Kabul said shops were closed, while officials in Herat and "
            "Mazar-i-Sharif reopened the Blue Mosque Gardens.")
    gardens = _first(parser.parse(Document(doc="t", text=text)), "Blue Mosque Gardens")
    assert gardens.lat is None and gardens.country is None


def test_towns_of_a_regional_story_keep_their_own_readings(parser: Geoparser) -> None:
    # Towns hundreds of kilometres from the capital the story also names are no strays: each has
    # one reading, or one read with confidence.
    text = ("Rescue teams from Wabag reached the landslide on Sunday. Flights from Port Moresby carried "
            "food to Mount Hagen, and the road to Porgera stayed closed.")
    places = parser.parse(Document(doc="t", text=text))
    assert {p.span.text: p.name for p in places if p.span.text != "Port Moresby"} == \
        {"Wabag": "Wabag", "Mount Hagen": "Mount Hagen", "Porgera": "Porgera"}


def test_a_town_s_name_heading_a_venue_at_a_sentence_s_end_is_no_namesake(parser: Geoparser) -> None:
    # "the Abilene Centre." heads a venue though the venue word carries the full stop; Abilene,
    # Texas (too big a town to be a stray) lies far from this Ontario story, whose towns stand in.
    text = ("The junior hockey season starts tonight at the Abilene Centre. Buses came from Barrie and Guelph, "
            "and the mayor of Toronto dropped the puck.")
    abilene = _first(parser.parse(Document(doc="t", text=text)), "Abilene")
    assert (abilene.country, abilene.admin1) == ("CA", "Ontario")


@pytest.mark.parametrize(("text", "found"), [
    # A body named after a small town of the story: the town is an embedded mention, never an event place.
    ("Hutchinson Public Schools and the other schools of Reno County, Kansas, will share a grant for buses.",
     {"Hutchinson": ("US", "Kansas")}),
    # No town of the story near any reading: the body's first word is no place.
    ("The Venice Commission said the draft law falls short of European standards.", {}),
    ("Hope Foundation volunteers handed out blankets in Lagos on Sunday.", {}),
])
def test_a_small_town_opening_a_body_s_name_is_a_place_where_the_story_lies_near_it(
        parser: Geoparser, text: str, found: dict[str, tuple[str, str]]) -> None:
    places = {p.span.text: p for p in parser.parse(Document(doc="t", text=text))}
    for name in ("Hutchinson", "Venice", "Hope"):
        if name in found:
            assert (places[name].country, places[name].admin1) == found[name]
            assert places[name].confidence <= 0.05
        else:
            assert name not in places


def test_a_lone_small_town_s_name_is_tried_again_beside_the_story_s_towns(parser: Geoparser) -> None:
    # "a Winooski bookkeeper": no cue, and Winooski is decided before the towns that place the
    # story in Vermont; once they are known it lies 3 km from Burlington.
    text = ("MONTPELIER — Prosecutors charged a Winooski bookkeeper with embezzlement on Wednesday. Police "
            "in Williston found the missing ledgers, and a judge in Burlington will hear the case.")
    winooski = _first(parser.parse(Document(doc="t", text=text)), "Winooski")
    assert (winooski.country, winooski.admin1, winooski.precision) == ("US", "Vermont", "town")


def test_a_month_after_in_is_no_village(parser: Geoparser) -> None:
    text = "BRATTLEBORO — A welder was charged with fraud. He was held in Bennington; his trial opens in Rutland in May."
    assert [p.span.text for p in parser.parse(Document(doc="t", text=text))] == ["BRATTLEBORO", "Bennington", "Rutland"]


def test_a_village_of_a_province_is_no_street_of_the_dateline_s_capital(parser: Geoparser) -> None:
    # The only town of the text is the dateline's, where the release was issued; the operation was
    # in another province, so the village the gazetteer lacks is not placed at Kabul.
    text = ("KABUL, Afghanistan (May 3) - An Afghan and coalition force detained a militant during an "
            "operation in Wardak province on Sunday. The force searched a compound in the village of "
            "Qarya-e Sarband before dawn.")
    village = _first(parser.parse(Document(doc="t", text=text)), "Qarya-e Sarband")
    assert village.lat is None and village.name is None


def test_two_names_joined_by_and_are_places_of_one_rank(parser: Geoparser) -> None:
    # "Jazan" is both a Saudi province and its capital; joined to the town Abha, it is the town.
    text = ("Houthi forces in Yemen fired drones at Jazan and Abha overnight, the Saudi-led coalition said. "
            "In Aden, officials reported no damage.")
    places = parser.parse(Document(doc="t", text=text))
    jazan, abha = _first(places, "Jazan"), _first(places, "Abha")
    assert (abha.country, abha.precision) == ("SA", "town")
    assert (jazan.country, jazan.precision) == ("SA", "town")
