"""Parts of towns and villages the gazetteer lacks, marked by the word beside them
(geo/quarters.py, geo/proposals.py): placed in the town or unit that holds them, or in the town
the story is told in; words that only qualify the level word name no place. Texts written for
these tests; the geoparser's own mention finder reads them (no NER)."""

from __future__ import annotations

import pytest

from factfinder.geo import Gazetteer, Geoparser
from factfinder.geo.press_spellings import press_spelling, press_spellings
from factfinder.model import Document, Place


@pytest.fixture(scope="module")
def parser() -> Geoparser:
    return Geoparser(Gazetteer.open())


def _places(parser: Geoparser, text: str) -> dict[str, list[Place]]:
    found: dict[str, list[Place]] = {}
    for place in parser.parse(Document(doc="q" * 64, text=text)):
        found.setdefault(place.span.text, []).append(place)
    return found


def test_a_neighbourhood_after_its_towns_possessive_lies_in_that_town(parser: Geoparser) -> None:
    text = ("Police said a bomb went off on Sunday in Cairo's Zawiyet Nakhla district, near a church. "
            "A second device was defused in Alexandria's Karmouzia neighbourhood.")
    places = _places(parser, text)
    assert [(p.name, p.country, p.precision) for p in places["Zawiyet Nakhla"]] == [("Cairo", "EG", "town")]
    assert [(p.name, p.country) for p in places["Karmouzia"]] == [("Alexandria", "EG")]
    assert places["Karmouzia"][0].confidence < places["Alexandria"][0].confidence  # somewhere inside it


def test_a_suburb_named_after_several_words_and_named_again_alone_is_one_place(parser: Geoparser) -> None:
    """"Harare's leafy northern suburb of X": the town holds it across three words, and the bare
    name said later in the story is the same suburb (one sense per document)."""
    text = ("Riot police broke up a vigil in Harare's leafy northern suburb of Mabvazuva on Friday. "
            "Residents of Mabvazuva said the water supply had been cut for a month.")
    places = _places(parser, text)
    assert [(p.name, p.country) for p in places["Mabvazuva"]] == [("Harare", "ZW"), ("Harare", "ZW")]


def test_a_neighbourhood_before_the_place_that_holds_it_lies_there(parser: Geoparser) -> None:
    text = "Troops went door to door in the Qasr Nakhil suburb in the southern Gaza Strip on Tuesday."
    assert [(p.name, p.country) for p in _places(parser, text)["Qasr Nakhil"]] == [("Gaza Strip", "PS")]


def test_the_citys_district_lies_in_the_town_the_story_is_told_in(parser: Geoparser) -> None:
    text = ("CAIRO - A bomb hit a church in Cairo on Sunday. The explosion in the city's Zahret Gomaa district "
            "killed 20 people, Cairo officials said.")
    assert [p.name for p in _places(parser, text)["Zahret Gomaa"]] == ["Cairo"]


def test_village_of_a_local_government_area_names_the_area_without_its_level_word(parser: Geoparser) -> None:
    """"X village of Bokkos LGA": the gazetteer writes the area "Bokkos"; the village lies in it."""
    text = "Three families who fled from Hurti village of Bokkos LGA were given tents and blankets in Jos."
    places = _places(parser, text)
    assert [(p.name, p.precision, p.admin1) for p in places["Bokkos"]] == [("Bokkos", "admin2", "Plateau")]
    assert [(p.name, p.country) for p in places["Hurti"]] == [("Bokkos", "NG")]


def test_a_village_read_as_a_look_alike_outside_its_district_lies_in_the_district(parser: Geoparser) -> None:
    """A village name the gazetteer spells nowhere is matched to the closest spelling of the
    country; where the text puts the village in a district and the look-alike lies outside it,
    the district stands in."""
    text = "Police searched houses before dawn in Badgam's Wathora village, a shopkeeper told journalists in Srinagar."
    village = _places(parser, text)["Wathora"][0]
    badgam = _places(parser, text)["Badgam"][0]
    assert (village.name, village.lat, village.lon) == (badgam.name, badgam.lat, badgam.lon)


@pytest.mark.parametrize("text, word", [
    ("Gunmen burned houses in an Alawite village near Hama on Monday.", "Alawite"),
    ("Activists said a Kashmiri village near Srinagar had been sealed off for a week.", "Kashmiri"),
    ("Six villages were destroyed by the floods near Tabriz, officials said.", "Six"),
    ("Exports from Egypt rose in the July-September quarter, Cairo officials said.",
     "July-September"),
    ("Workers of the Unite union marched through Wellington on Saturday.", "Unite"),
    ("Fighters entered the Industrial city of Sialkot before dawn.", "Industrial"),
    ("Shops closed in the Rohingya Muslim neighbourhood of Aung Mingalar in Sittwe.", "Rohingya Muslim"),
])
def test_a_word_that_only_qualifies_a_level_word_names_no_place(parser: Geoparser, text: str, word: str) -> None:
    assert word not in _places(parser, text)


def test_press_spelling_writes_the_article_and_the_vowels_as_the_press_does() -> None:
    assert press_spelling("Jisr ash Shughūr") == "Jisr al-Shughur"
    assert press_spelling("Dayr al Balaḩ") == "Deir al-Balah"
    assert press_spelling("Ra’s al ‘Ayn") == "Ras al-Ain"
    assert press_spelling("Bayt Ḩānūn") == "Beit Hanun"
    assert press_spelling("Khan Yunis") is None  # nothing to respell
    assert press_spellings("Ash Shaykh Miskīn", "Shaykh Miskīn")[-1] == "Sheikh Miskin"


def test_towns_of_arabic_speaking_countries_are_found_by_their_press_spelling(parser: Geoparser) -> None:
    text = ("Air strikes hit Jisr al-Shughur in Idlib province on Monday. In Gaza, families sheltered "
            "in Deir al-Balah after leaving Beit Hanun.")
    places = _places(parser, text)
    assert places["Jisr al-Shughur"][0].country == "SY"
    assert places["Deir al-Balah"][0].country == "PS"
    assert places["Beit Hanun"][0].country == "PS"


def test_a_district_of_a_province_after_the_is_still_a_district(parser: Geoparser) -> None:
    """"the X town of Y" says what Y is; "the X district of Y" names X, a district inside Y."""
    text = "A roadside bomb hit two cars in the Dawlatzai district of Ghazni Province on Saturday."
    assert [(p.name, p.country) for p in _places(parser, text)["Dawlatzai"]] == [("Ghazni", "AF")]


def test_a_place_adjective_shared_with_another_qualifier_is_a_mention(parser: Geoparser) -> None:
    places = _places(parser, "Crowds waved Korean and US flags outside the court in Seoul.")
    assert [p.country for p in places["Korean"]] == ["KR"]


def test_a_numbered_street_lies_in_the_town_the_story_is_told_in(parser: Geoparser) -> None:
    text = "JASPER, Ala. - Police arrested three men on 14th St. on Thursday, the Jasper police chief said."
    street = next(p for text_, found in _places(parser, text).items() if text_.startswith("14th St") for p in found)
    assert (street.name, street.admin1, street.precision) == ("Jasper", "Alabama", "town")
