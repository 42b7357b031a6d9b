"""Geocoding v2 (issue 12): the document's country, the administrative hierarchy, and units below admin1.

The texts are written for these tests; the expected places come from the gazetteer
data factfinder ships (MIMU place codes for Myanmar, OCHA boundaries for Bangladesh).
"""

from __future__ import annotations

import pytest

from factfinder.geo import Gazetteer, Geoparser, haversine_km
from factfinder.geo.containers import inside as _inside
from factfinder.model import Document, Place


@pytest.fixture(scope="module")
def geoparser(nlp) -> Geoparser:
    return Geoparser(Gazetteer.open(), nlp)


def _places(geoparser: Geoparser, text: str) -> dict[str, list[Place]]:
    found: dict[str, list[Place]] = {}
    for place in geoparser.parse(Document(doc="test", text=text)):
        assert text[place.span.start:place.span.end] == place.span.text
        found.setdefault(place.span.text, []).append(place)
    return found


KANI_REPORT = ("Myanmar: 900 displacements in Sagaing\n\n"
               "Soldiers shelled villages and displaced 900 people in Kani township in Sagaing last week, "
               "aid groups said. Families from Kani walked to monasteries in the west of the township.")


def test_kani_township_in_sagaing_is_placed_in_sagaing_myanmar(geoparser: Geoparser) -> None:
    found = _places(geoparser, KANI_REPORT)
    assert found["Kani"], "Kani not found"
    for kani in found["Kani"]:
        assert (kani.country, kani.admin1) == ("MM", "Sagaing"), kani
        assert kani.precision == "admin2" and kani.admin2 == "Yinmarbin"
        assert haversine_km(kani.lat, kani.lon, 22.44, 94.85) < 25  # not Kani in Gifu, Japan
    assert all(p.country == "MM" for p in found["Sagaing"])


def test_bare_kani_without_myanmar_context_is_not_sent_to_myanmar(geoparser: Geoparser) -> None:
    found = _places(geoparser, "Kani, a city in Gifu prefecture, Japan, opened a new museum on Monday.")
    assert found["Kani"][0].country == "JP"


def test_upazila_of_a_district_resolves_inside_that_district(geoparser: Geoparser) -> None:
    text = ("Bangladesh: clashes after local polls\n\nTwo people were injured in Homna upazila in Comilla on "
            "Sunday. Police detained five men in Sirajdikhan upazila of Munshiganj, and a shop was set on fire "
            "at Daulatpur (Manikganj).")
    found = _places(geoparser, text)
    homna, siraj, daulat = found["Homna"][0], found["Sirajdikhan"][0], found["Daulatpur"][0]
    assert (homna.country, homna.admin2, homna.precision) == ("BD", "Cumilla", "admin2")
    assert (siraj.country, siraj.admin2) == ("BD", "Munshiganj")
    assert found["Munshiganj"][0].country == "BD"
    # Two upazilas are called Daulatpur (Manikganj, Kushtia): the bracket decides.
    assert (daulat.country, daulat.admin2) == ("BD", "Manikganj")
    assert haversine_km(daulat.lat, daulat.lon, 23.96, 89.80) < 25


def test_village_with_a_common_name_is_taken_from_the_named_township(geoparser: Geoparser) -> None:
    # "Ywar Thit" ("new village") is the name of dozens of villages in Myanmar.
    text = ("Myanmar: houses burned in Sagaing\n\nTroops burned more than 40 houses in Ywar Thit village, "
            "Pale township, on Friday, residents said.")
    village = _places(geoparser, text)["Ywar Thit"][0]
    assert (village.country, village.admin1, village.admin2) == ("MM", "Sagaing", "Yinmarbin")
    assert haversine_km(village.lat, village.lon, 22.07, 94.79) < 10


def test_a_resolved_place_carries_country_and_admin1_from_the_gazetteer(geoparser: Geoparser) -> None:
    text = "Myanmar: fighting in Sagaing\n\nResidents fled Budalin township after shelling on Monday."
    budalin = _places(geoparser, text)["Budalin"][0]
    assert (budalin.country, budalin.admin1, budalin.admin2, budalin.precision) == \
        ("MM", "Sagaing", "Monywa", "admin2")


def test_village_names_are_not_tagged_without_a_cue(geoparser: Geoparser) -> None:
    # Myanmar village names include everyday words; a bare capitalised word must not become a village.
    found = _places(geoparser, "Kin Taung said the report was late. The committee met in London on Monday.")
    assert "Kin Taung" not in found
    assert found["London"][0].country == "GB"


def test_inside_scores_the_gazetteer_hierarchy() -> None:
    from factfinder.geo.gazetteer import Candidate

    sagaing = Candidate(1, None, "Sagaing", "admin1", "MM", "10", "Sagaing", 24.0, 95.5, 0, True)
    kani = Candidate(2, None, "Kani", "admin3", "MM", "10", "Sagaing", 22.44, 94.85, 0, True,
                     admin2="Yinmarbin")
    kani_jp = Candidate(3, None, "Kani", "city", "JP", "09", "Gifu", 35.40, 137.06, 102143, True)
    yinmarbin = Candidate(4, None, "Yinmarbin", "admin2", "MM", "10", "Sagaing", 22.08, 94.91, 0, True)
    assert _inside(kani, sagaing) > _inside(kani_jp, sagaing) == 0.0
    assert _inside(kani, yinmarbin) >= 7.0


def test_a_town_reports_the_district_of_its_same_named_township(geoparser: Geoparser) -> None:
    text = "Myanmar: protest in Sagaing\n\nHundreds of people marched through Monywa on Sunday, residents said."
    monywa = _places(geoparser, text)["Monywa"][0]
    assert (monywa.country, monywa.admin1, monywa.precision) == ("MM", "Sagaing", "town")
    assert monywa.admin2 == "Monywa"  # filled from the gazetteer's hierarchy, not from the text


def test_an_unknown_single_word_is_a_place_only_after_a_locative(geoparser: Geoparser) -> None:
    text = "Zorblax said on Monday that aid reached Quorvath, and families sheltered in Velmoria."
    entities = [(text.index(w), text.index(w) + len(w), "GPE") for w in ("Zorblax", "Quorvath", "Velmoria")]
    found = {p.span.text: p for p in geoparser.parse(Document(doc="t", text=text), entities=entities)}
    assert "Zorblax" not in found and "Quorvath" not in found  # NER's guess alone is not enough
    assert "Velmoria" in found and not found["Velmoria"].resolved  # "in X": kept, unresolved


@pytest.mark.parametrize("text", [
    "Troops burned houses in Kani in northern Sagaing on Friday, residents said.",
    "Shelling hit Sagaing's Kani township overnight, residents said.",
])
def test_containment_phrasings_place_kani_in_sagaing(geoparser: Geoparser, text: str) -> None:
    kani = _places(geoparser, text)["Kani"][0]
    assert (kani.country, kani.admin1, kani.admin2) == ("MM", "Sagaing", "Yinmarbin")


def test_a_comma_container_selects_the_upazila_of_that_district(geoparser: Geoparser) -> None:
    found = _places(geoparser, "Police raided homes in Lama, Bandarban, on Tuesday.")
    assert (found["Lama"][0].country, found["Lama"][0].admin2) == ("BD", "Bandarban")


def test_an_office_after_a_name_says_its_level(geoparser: Geoparser) -> None:
    # A governor's state or province, not the city of that name; a mayor's town.
    state = _places(geoparser, "Former New York Gov. Hugh Carey signed the bill.")["New York"][0]
    assert (state.precision, state.admin1) == ("admin1", "New York")
    province = _places(geoparser, "An aide to the Kandahar governor said the bridge would reopen.")["Kandahar"][0]
    assert (province.precision, province.country) == ("admin1", "AF")
    town = _places(geoparser, "Kandahar Mayor Rohullah Nizam said the road was closed.")["Kandahar"][0]
    assert (town.precision, town.country) == ("town", "AF")


@pytest.mark.parametrize("text, names", [
    ("Heavy snow closed roads in Niigata and Toyama prefectures on Monday.", ("Niigata", "Toyama")),
    ("Shelling hit villages in the Kherson, Zaporizhzhia and Donetsk regions overnight, officials said.",
     ("Kherson", "Zaporizhzhia", "Donetsk")),
])
def test_a_plural_level_word_after_a_list_says_the_level_of_every_name(geoparser: Geoparser, text: str,
                                                                        names: tuple[str, ...]) -> None:
    found = _places(geoparser, text)
    for name in names:
        assert found[name][0].precision == "admin1", found[name][0]  # the prefecture, not its capital city
    # Without the level word the bare names are the cities.
    bare = _places(geoparser, "Heavy snow closed roads in Niigata and Toyama on Monday.")
    assert [bare[n][0].precision for n in ("Niigata", "Toyama")] == ["town", "town"]
