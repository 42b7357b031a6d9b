"""Administrative units (issue 12): level words whose level depends on the country, units GeoNames
names with the level word first, the UN M49 subregions, abbreviations and two-part demonyms.

The report sentences are written for these tests; the expected places come from the data
factfinder ships (``level_words_by_country.csv``, the GeoNames admin2 names of
``admin_units.csv.gz``, the subregions of ``curated.csv``).
"""

from __future__ import annotations

import pytest

from factfinder.geo import Gazetteer, Geoparser
from factfinder.geo.levels import level_after, level_before, level_fit, level_inside, level_of, level_units
from factfinder.geo.names import admin_terms
from factfinder.geo.units import bare_unit_name
from factfinder.model import Document, Place


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.open()


@pytest.fixture(scope="module")
def parser(gazetteer: Gazetteer) -> Geoparser:
    return Geoparser(gazetteer, None)


def _places(parser: Geoparser, text: str) -> dict[str, Place]:
    return {p.span.text: p for p in parser.parse(Document(doc="t", text=text))}


# --- level words whose level depends on the country ---

def test_a_territory_is_a_district_in_the_dr_congo_and_an_admin1_elsewhere() -> None:
    terms = admin_terms()
    token, _ = level_after("Beni territory, where", len("Beni"), terms)
    assert level_of(token, "CD") == "admin2"
    assert level_of(token, "AU") == "admin1" and level_of(token, None) == "admin1"
    assert "admin2" in level_units(token, "CD") and "admin1" in level_units(token, "AU")
    assert level_fit(token, "admin2", "CD") > level_fit(token, "admin1", "CD")


def test_a_county_province_and_department_take_their_countrys_level() -> None:
    terms = admin_terms()
    county, bare = level_inside("Kalmar County", terms)
    assert bare == "Kalmar"
    assert (level_of(county, "SE"), level_of(county, "US"), level_of(county, "GB")) == ("admin1", "admin2", "admin2")
    province, _ = level_inside("Cuneo Province", terms)
    assert (level_of(province, "IT"), level_of(province, "AF")) == ("admin2", "admin1")
    plural, _ = level_after("Cuneo and Asti provinces", len("Cuneo and Asti"), terms)
    assert level_of(plural, "IT") == "admin2"
    department = level_before("the department of Gironde", len("the department of "), terms)
    assert (level_of(department, "FR"), level_of(department, "CO")) == ("admin2", "admin1")
    # A word with one level everywhere stays that level.
    assert level_inside("Rakhine State", terms)[0] == "admin1"


def test_a_ministry_called_department_names_no_level() -> None:
    terms = admin_terms()
    assert level_before("the Department of Georgia", len("the Department of "), terms) is None


def test_a_territory_of_a_congolese_story_is_its_district_not_a_bolivian_department(parser: Geoparser) -> None:
    text = ("DR Congo: armed men burned two villages in Beni territory of North Kivu on Sunday, and in "
            "Djugu territory of Ituri province a camp for displaced families was attacked.")
    places = _places(parser, text)
    beni = places["Beni territory"]
    assert (beni.country, beni.admin1, beni.precision) == ("CD", "North Kivu", "admin2")
    assert places["Djugu"].country == "CD"


def test_the_state_holding_a_local_government_area_is_no_country(parser: Geoparser) -> None:
    terms = admin_terms()
    text = "Bandits raided a farm in Mokwa Local Government Area of Niger"
    assert level_before(text, len(text) - len("Niger"), terms) == "admin1"
    text = ("Bandits raided a farm in Mokwa Local Government Area of Niger on Friday and took nine "
            "women away. Police in Niger said they were searching the forest.")
    found = [p for p in parser.parse(Document(doc="t", text=text)) if p.span.text == "Niger"]
    assert found and all((p.country, p.precision) == ("NG", "admin1") for p in found)
    # with no level word, the country's name is the country; "the state of Israel" stays a country
    text = "Soldiers from Niger and Chad patrolled the border, and the state of Israel sent observers."
    places = _places(parser, text)
    assert (places["Niger"].country, places["Niger"].precision) == ("NE", "country")
    assert (places["Israel"].country, places["Israel"].precision) == ("IL", "country")


def test_a_level_phrase_ending_a_name_is_read_in_any_case() -> None:
    terms = admin_terms()
    assert level_inside("Faskari Local Government Area", terms) == ("admin2", "Faskari")
    assert level_inside("Faskari LGA", terms) == ("admin2", "Faskari")
    assert level_inside("Ningxia Hui Autonomous Region", terms)[0] == "admin1"
    assert level_after("Kauru Local Government Area, where", len("Kauru"), terms)[0] == "admin2"
    # a single level word still needs a name before it
    assert level_inside("Local Government Area", terms) == (None, "Local Government Area")


def test_a_local_government_area_spelled_out_is_the_unit_not_the_storys_town(parser: Geoparser) -> None:
    # The whole capitalised name was found in no gazetteer and placed at the story's town.
    text = ("Gunmen raided a market in Funtua on Sunday. Two days later a herder fled his home in Danmarke "
            "village of Faskari Local Government Area with his family.")
    places = _places(parser, text)
    lga = places["Faskari Local Government Area"]
    assert (lga.name, lga.country, lga.admin1, lga.precision) == ("Faskari", "NG", "Katsina", "admin2")
    assert places["Danmarke"].admin2 == "Faskari"  # the village of the unit lies in it
    assert places["Funtua"].precision == "town"


# --- units GeoNames names with the level word first ---

@pytest.mark.parametrize("name, bare", [
    ("County of Ceredigion", "Ceredigion"), ("Departement de la Gironde", "Gironde"),
    ("Département de l'Ain", "Ain"), ("Provincia di Cuneo", "Cuneo"), ("Distrito de Lima", "Lima"),
    ("Lamar County", None), ("City of Edinburgh", None), ("District of Columbia", None),
])
def test_the_bare_name_of_a_unit_named_with_its_level_word_first(name: str, bare: str | None) -> None:
    assert bare_unit_name(name) == bare


def test_a_unit_is_found_by_its_bare_name_unless_a_town_of_its_admin1_bears_it(gazetteer: Gazetteer) -> None:
    assert any(c.kind == "admin2" and c.country == "FR" for c in gazetteer.lookup("Gironde"))
    assert any(c.kind == "admin2" and c.country == "GB" for c in gazetteer.lookup("Ceredigion"))
    # Verona the town stands for the bare name; the Provincia di Verona keeps its own.
    assert not any(c.kind == "admin2" and c.country == "IT" for c in gazetteer.lookup("Verona"))
    assert any(c.kind == "admin2" and c.country == "IT" for c in gazetteer.lookup("Provincia di Verona"))


def test_a_department_named_in_a_french_story_is_found(parser: Geoparser) -> None:
    text = "Storms felled trees across the department of Gironde overnight, the prefecture in Bordeaux said."
    gironde = _places(parser, text)["Gironde"]
    assert (gironde.country, gironde.precision) == ("FR", "admin2")


# --- regions, abbreviations, demonyms ---

@pytest.mark.parametrize("name", ["Central America", "West Africa", "East Africa", "Southern Africa",
                                  "the Caribbean", "Anatolia"])
def test_the_subregions_reports_name_are_regions_of_the_gazetteer(gazetteer: Gazetteer, name: str) -> None:
    assert any(c.kind == "region" for c in gazetteer.lookup(name))


def test_central_american_migrants_come_from_central_america_not_the_united_states(parser: Geoparser) -> None:
    text = "Border officers said 40 Central American migrants were held at a checkpoint in Chiapas."
    place = _places(parser, text)["Central American"]
    assert place.name == "Central America" and place.country is None


def test_the_act_of_an_australian_story_is_the_capital_territory(parser: Geoparser) -> None:
    text = "Police in New South Wales and the ACT closed roads after the bushfire near Queanbeyan."
    place = _places(parser, text)["ACT"]
    assert (place.country, place.precision) == ("AU", "admin1")


def test_nigerias_federal_capital_territory_is_not_another_countrys_capital_district(parser: Geoparser) -> None:
    for text, name in (("Gunmen abducted four traders in the Federal Capital Territory on Sunday.",
                        "Federal Capital Territory"),
                       ("Police in the FCT said the suspects were held at a station in Kubwa.", "FCT")):
        place = _places(parser, text)[name]
        assert (place.country, place.precision, place.admin1) == ("NG", "admin1", "Federal Capital Territory")


def test_a_two_part_countrys_demonyms_are_two_names(gazetteer: Gazetteer) -> None:
    for demonym in ("Barbudan", "Antiguan"):
        assert [c.country for c in gazetteer.lookup(demonym) if c.kind == "country"] == ["AG"]
    assert not gazetteer.lookup("Antiguan,Barbudan")


def test_a_delta_region_is_read_whole_not_as_the_state_inside_its_name(parser: Geoparser) -> None:
    text = ("Lagos, Nigeria: Villagers in the Niger Delta said an oil spill had fouled their creeks, and "
            "farmers in Egypt's Nile Delta said the same week that their canals were running dry.")
    places = _places(parser, text)
    assert (places["Niger Delta"].country, places["Niger Delta"].name) == ("NG", "Niger Delta")
    assert (places["Nile Delta"].country, places["Nile Delta"].name) == ("EG", "Nile Delta")


def test_an_english_county_is_found_by_its_usual_abbreviation(gazetteer: Gazetteer) -> None:
    for short, county in (("Herts", "Hertfordshire"), ("Northants", "Northamptonshire"), ("Glos", "Gloucestershire")):
        assert any(c.name == county and c.kind == "admin2" for c in gazetteer.lookup(short))


# --- admin1 units split since the GeoNames snapshot, and their English forms ---

def test_a_name_several_codes_share_takes_each_codes_current_name() -> None:
    from factfinder.geo.derive_admin1_current import current_names

    rows = [{"country": "CD", "code": "17", "name": "Eastern Province"},
            {"country": "CD", "code": "30", "name": "Eastern Province"},
            {"country": "CD", "code": "11", "name": "Nord Kivu"}]
    now = {("CD", "17"): "Ituri", ("CD", "30"): "Tshopo", ("CD", "11"): "Nord-Kivu"}
    # A unit whose name no other code shares keeps it, whatever the current spelling.
    assert current_names(rows, now) == {("CD", "17"): "Ituri", ("CD", "30"): "Tshopo"}


def test_the_dr_congos_provinces_of_2015_are_admin1_units(parser: Geoparser) -> None:
    text = ("DR Congo: Militias attacked displacement sites in Ituri province and in Tanganyika province "
            "this week, and fighting reached the Kasai Central province.")
    places = _places(parser, text)
    assert (places["Ituri province"].country, places["Ituri province"].admin1) == ("CD", "Ituri")
    assert places["Tanganyika province"].admin1 == "Tanganyika"
    assert places["Kasai Central"].precision == "admin1"


def test_the_english_forms_of_iraqi_somali_and_cameroonian_admin1_units(parser: Geoparser) -> None:
    places = _places(parser, "Iraq: Families returned to Nineveh governorate after the floods, officials said.")
    assert (places["Nineveh governorate"].country, places["Nineveh governorate"].precision) == ("IQ", "admin1")
    places = _places(parser, "Somalia: Militants shelled a town in the Lower Shabelle region on Friday.")
    assert places["Lower Shabelle"].country == "SO"
    places = _places(parser, "Cameroon: Teachers fled the Northwest Region after schools were burned.")
    assert places["Northwest Region"].country == "CM"


def test_a_territory_keeps_its_word_in_its_display_name(parser: Geoparser) -> None:
    from factfinder.geo.build import display_name

    assert display_name("Northern Territory", "Northern") == "Northern Territory"
    assert display_name("Henan Sheng", "Henan") == "Henan"
    assert display_name("Central District", "Central") == "Central"  # not the whole name: see its docstring
    place = _places(parser, "Police in Darwin, Northern Territory, closed the highway after the floods.")["Darwin"]
    assert (place.country, place.admin1) == ("AU", "Northern Territory")


def test_a_town_of_an_admin1_the_old_snapshot_lacked_reports_it(parser: Geoparser) -> None:
    # Kenya's counties are its admin1 in GeoNames; the snapshot had some of them only.
    places = _places(parser, "Kenya: Police fired tear gas at traders in Nakuru on Tuesday, witnesses said.")
    assert (places["Nakuru"].country, places["Nakuru"].admin1) == ("KE", "Nakuru")


def test_a_kenyan_county_is_its_admin1(parser: Geoparser) -> None:
    place = _places(parser, "Kenya: Two protesters were shot dead in Nakuru County on Tuesday.")["Nakuru County"]
    assert (place.country, place.admin1, place.precision) == ("KE", "Nakuru", "admin1")
