"""Geocoding v2 (issue 12), session 10: a story's namesakes read together, and small places
found near the story's others kept (geo/joint.py, geo/plausibility.py).

Texts written for these tests (facts restated, no third-party text); the geoparser's own
mention finder reads them (no NER), as ``factfinder geoparse`` does."""

from __future__ import annotations

import pytest

from factfinder.geo import Gazetteer, Geoparser
from factfinder.geo.gazetteer import Candidate
from factfinder.geo.joint import inside_name_readings, joint_readings
from factfinder.model import Document, Place


@pytest.fixture(scope="module")
def parser() -> Geoparser:
    return Geoparser(Gazetteer.open(), None)


def _all(places: list[Place], surface: str) -> list[Place]:
    found = [p for p in places if p.span.text == surface]
    assert found, f"{surface!r} not found among {[p.span.text for p in places]}"
    return found


def _read(parser: Geoparser, text: str, surface: str) -> set[tuple[str | None, str | None, str | None]]:
    """(country, admin1, precision) of every mention of ``surface``: one sense per name."""
    places = parser.parse(Document(doc="t", text=text))
    return {(p.country, p.admin1, p.precision) for p in _all(places, surface)}


def test_a_city_named_often_beside_its_own_small_neighbours_is_their_namesake(parser: Geoparser) -> None:
    # London is never placed by a country or a province here; St. Thomas and Strathroy (resolved
    # surely, in Ontario) have readings beside London, Ontario, and none beside London, England
    # (Middlesex has one beside each): the story's names agree on Ontario.
    text = ("London's food bank says more families asked for help this autumn than in any year before. "
            "Volunteers in London sorted donations on Saturday, and churches in St. Thomas and Strathroy opened "
            "their halls for the overflow. The Middlesex health unit asked donors in London for warm coats.")
    assert _read(parser, text, "London") == {("CA", "Ontario", "town")}


def test_a_city_whose_country_the_text_names_keeps_its_reading(parser: Geoparser) -> None:
    # Cartersville and Rome, Georgia lie 30 km apart, but the choir flew to Italy: Rome is Rome.
    text = ("A church choir from Cartersville, Georgia, flew to Italy for a concert tour. The singers spent "
            "five days in Rome and will be back in Cartersville on Monday.")
    assert {country for country, _a, _p in _read(parser, text, "Rome")} == {"IT"}


def test_a_capital_without_a_namesake_s_neighbours_stays(parser: Geoparser) -> None:
    text = "Commuters in London faced long delays on Monday after a signal failure near Croydon."
    assert {country for country, _a, _p in _read(parser, text, "London")} == {"GB"}


def _town(ident: int, name: str, lat: float, lon: float, population: int, country: str = "CA") -> Candidate:
    return Candidate(id=ident, geonameid=None, name=name, kind="city", country=country, admin1_code="08",
                     admin1=None, lat=lat, lon=lon, population=population, primary=True)


def test_joint_readings_move_only_to_a_region_more_names_share() -> None:
    big = _town(1, "Northam", 10.0, 10.0, 900_000, "GB")
    small = _town(2, "Northam", 40.0, -80.0, 300_000)
    anchor = _town(3, "Eastwick", 40.1, -80.1, 30_000)
    cands = {"northam": [big, small], "eastwick": [anchor]}
    free = {"northam": True, "eastwick": True}
    chosen = {"northam": (big, 1.0), "eastwick": (anchor, 0.95)}
    assert joint_readings(["northam", "eastwick"], chosen, cands, free) == {"northam": (small, 0.95)}
    # a doubtful neighbour pulls nothing, nor does one that also has a reading beside the big city
    assert joint_readings(["northam", "eastwick"], chosen | {"eastwick": (anchor, 0.6)}, cands, free) == {}
    twin = _town(4, "Eastwick", 10.1, 10.1, 1_000, "GB")
    assert joint_readings(["northam", "eastwick"], chosen, cands | {"eastwick": [anchor, twin]}, free) == {}
    # a name the text placed itself ("Northam, England") is not read again
    assert joint_readings(["northam", "eastwick"], chosen, cands, free | {"northam": False}) == {}


def test_a_village_in_the_story_s_region_over_100_km_from_its_towns_is_kept(parser: Geoparser) -> None:
    # Porthkerry (a village of the Vale of Glamorgan, no population figure) lies about 120 km from
    # Cardigan and Fishguard, in the Wales the story's other places lie in.
    text = ("A search for a missing kayaker off the coast of Wales went on through the night. A rescue "
            "helicopter from Porthkerry joined lifeboat crews from Cardigan and Fishguard.")
    places = parser.parse(Document(doc="t", text=text))
    village = _all(places, "Porthkerry")[0]
    assert (village.country, village.admin1) == ("GB", "Wales")
    assert village.lat is not None and abs(village.lat - 51.39) < 0.1


def test_a_town_s_short_name_is_read_abroad(parser: Geoparser) -> None:
    # "Clacton" is an alternate name of Clacton-on-Sea: the first words of its own, not an old
    # spelling of another town, so a story that also names Canada and the US may mean it.
    text = "After a spring tour of Canada and the US, the folk trio heads to Clacton in June."
    places = parser.parse(Document(doc="t", text=text))
    town = _all(places, "Clacton")[0]
    assert (town.name, town.country) == ("Clacton-on-Sea", "GB")


def test_a_bare_name_of_the_state_a_dateline_abbreviates_is_that_state(parser: Geoparser) -> None:
    # "Wash." names the state surely; "Washington" of the same story is that state, not the
    # capital, which the story writes "Washington, D.C." where it means it.
    text = ("SPOKANE, Wash. - The state's emergency team trains in Washington most of the year, though its "
            "members also flew to Washington, D.C., and Guam last spring. At home in Washington they answer "
            "floods and fires.")
    assert _read(parser, text, "Washington") == {("US", "Washington", "admin1")}
    assert {precision for _c, _a, precision in _read(parser, text, "Washington, D.C.")} == {"town"}


def test_the_capital_stays_where_no_state_is_named_otherwise(parser: Geoparser) -> None:
    text = "Lawmakers in Washington voted on Tuesday to extend the farm bill, and the president signed it."
    assert {(country, precision) for country, _a, precision in _read(parser, text, "Washington")} == {("US", "town")}


def test_a_lone_small_town_in_the_story_s_province_within_150_km_is_kept(parser: Geoparser) -> None:
    # "The Fernie clinic": a small town's name with no cue, kept where the story's map confirms it.
    # Fernie lies about 70 km from Cranbrook, beyond the 30 km a lone name needs elsewhere, but in
    # the province that holds the story's other places.
    text = ("Hospital staff in Cranbrook, British Columbia, said on Monday the ward will reopen. The Fernie "
            "clinic will close, a health official said.")
    assert _read(parser, text, "Fernie") == {("CA", "British Columbia", "town")}
    # the same name in a story told in another province's towns is no place
    text = ("Hospital staff in Halifax, Nova Scotia, said on Monday the ward will reopen. The Fernie "
            "clinic will close, a health official said.")
    assert "Fernie" not in {p.span.text for p in parser.parse(Document(doc="t", text=text)) if p.resolved}


def test_a_unit_abroad_gives_way_to_the_story_s_own_town_of_its_name(parser: Geoparser) -> None:
    # "territory" asks for a province-level unit, and Bolivia's El Beni department is one, but the
    # story is told in North Kivu: Beni there lies beside Butembo, resolved surely.
    text = ("Families displaced by the fighting reached Butembo and Goma this week, aid workers said. In Beni "
            "territory, traders closed their shops for two days after an attack on a market.")
    assert {(country, admin1) for country, admin1, _p in _read(parser, text, "Beni territory")} \
        == {("CD", "North Kivu")}


def test_a_mention_its_own_container_places_abroad_takes_the_namesake_there(parser: Geoparser) -> None:
    # One sense per name per story, save where the text says otherwise: the last Córdoba is Spain's.
    text = ("Students in Córdoba marched to the provincial legislature on Tuesday, and classes in Rosario and "
            "Mendoza were suspended. Argentina's universities say their budgets have shrunk by a third. A twin "
            "university in Córdoba, Spain, sent a letter of support.")
    places = [p for p in parser.parse(Document(doc="t", text=text)) if p.span.text == "Córdoba"]
    assert [p.country for p in places] == ["AR", "ES"]


def test_a_common_given_name_is_no_small_town_of_the_story_s_province(parser: Geoparser) -> None:
    # "Zachary" is a town of Louisiana, about 95 km from Lafayette, and a common given name: the
    # brother, not a place the story's map confirms (beyond the 30 km a lone name needs).
    text = ("Police in Lafayette, Louisiana, arrested a man on Friday after a fire at a rented house. His "
            "brother Zachary called firefighters, officers said.")
    assert "Zachary" not in {p.span.text for p in parser.parse(Document(doc="t", text=text)) if p.resolved}


def test_a_town_inside_a_body_s_name_is_the_well_known_place_not_a_small_namesake(parser: Geoparser) -> None:
    # A Moldovan story with American votes ("Washington", "a US envoy"): the commission's Venice is
    # the Italian city, not Venice, California, which the story never points to.
    text = ("Moldova's parliament passed the new judicial law on Thursday. Washington and Brussels urged "
            "lawmakers to follow the advice of the Venice Commission before the vote, and a US envoy met the "
            "speaker in Chisinau. The Venice Commission will publish its opinion in June.")
    assert _read(parser, text, "Venice") == {("IT", "Veneto", "town")}


def test_inside_name_readings_move_only_far_small_towns_to_a_big_namesake() -> None:
    small = _town(1, "Avonford", 34.0, -118.0, 9_000, "US")
    famous = _town(2, "Avonford", 45.0, 12.0, 80_000, "IT")
    anchor = _town(3, "Westbury", 34.1, -118.1, 20_000, "US")
    cands = {"avonford": [small, famous], "westbury": [anchor]}
    chosen = {"avonford": (small, 0.9), "westbury": (anchor, 0.5)}
    assert inside_name_readings({"avonford": True}, chosen, cands) == {"avonford": (famous, 0.4)}
    # a name also standing alone, or a reading beside a place the story resolved surely, stays
    assert inside_name_readings({"avonford": False}, chosen, cands) == {}
    assert inside_name_readings({"avonford": True}, chosen | {"westbury": (anchor, 0.9)}, cands) == {}
    # no reading big enough to be the place the name means: nothing to move to
    smaller = _town(2, "Avonford", 45.0, 12.0, 30_000, "IT")
    assert inside_name_readings({"avonford": True}, chosen, cands | {"avonford": [small, smaller]}) == {}


@pytest.mark.parametrize(("text", "surface", "country"), [
    ("Lebanon: two protesters were shot dead in Tripoli during a march over bread prices, the army said.",
     "Tripoli", "LB"),
    ("Canada: students in Kingston walked out of class on Friday to demand action on climate change.",
     "Kingston", "CA"),
    ("Spain: a court in Cordoba convicted two prison guards of abusing inmates, prosecutors said.",
     "Cordoba", "ES"),
])
def test_a_story_about_one_country_means_its_own_town_of_a_name(parser: Geoparser, text: str, surface: str,
                                                                country: str) -> None:
    # The headline names the country; no other name votes for the bigger namesake's country
    # (Tripoli, Libya; Kingston, Jamaica; Córdoba, Argentina), which its own size had chosen.
    assert {c for c, _a, _p in _read(parser, text, surface)} == {country}


def test_a_foreign_city_the_text_places_abroad_stays_abroad(parser: Geoparser) -> None:
    text = ("Syria: a car bomb exploded in Tripoli, the capital of Libya, and another in Damascus, "
            "killing nine people in all.")
    assert {c for c, _a, _p in _read(parser, text, "Tripoli")} == {"LY"}
