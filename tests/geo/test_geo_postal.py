"""Localities of a GeoNames postal-code dump (``factfinder geo build --postal``, issue 12).

The sample file has the twelve tab-separated columns of GeoNames' postal export; its rows
were written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from factfinder.cli import main
from factfinder.errors import GazetteerError
from factfinder.geo import Gazetteer, Geoparser, haversine_km
from factfinder.geo.build_postal import PostalCode, localities, nearest_admin1, read_postal
from factfinder.geo.geonames_dump import build_from_geonames
from factfinder.model import Document

FIXTURES = Path(__file__).parent / "fixtures"
POSTAL = FIXTURES / "postalCodes_sample.txt"


@pytest.fixture(scope="module")
def postal_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path = tmp_path_factory.mktemp("gaz") / "postal.sqlite"
    build_from_geonames(path, FIXTURES / "allCountries_sample.txt", FIXTURES / "admin1CodesASCII_sample.txt", POSTAL)
    return Gazetteer.open(path)


def test_codes_of_one_name_near_each_other_are_one_locality() -> None:
    found = sorted(localities(read_postal(POSTAL)))
    assert [loc.name for loc in found].count("Petty") == 1  # two codes 1 km apart: one place
    far = list(localities([PostalCode("US", "75470", "Petty", 33.61, -95.79),
                           PostalCode("US", "79901", "Petty", 31.76, -106.49)]))
    assert len(far) == 2  # a namesake 1,000 km away is another place
    assert [loc.name for loc in found if loc.name.startswith("Gif")] == ["Gif-sur-Yvette"]  # not capitals
    names = {loc.name for loc in found}
    assert not names & {"Petty SO", "Paris 08", "Paris Cedex", "Sittwe Road"}  # post offices, districts, streets
    assert "George" not in names  # a common given name is no village, whatever the dump says
    [petty] = [loc for loc in found if loc.name == "Petty"]
    assert petty.admin2 == "Lamar"  # the county the codes name


def test_a_locality_lies_in_the_admin1_of_its_nearest_town() -> None:
    towns = [(33.66, -95.56, "TX"), (35.47, -97.52, "OK")]
    assert nearest_admin1([(33.61, -95.78), (35.2, -97.4)], towns) == ["TX", "OK"]
    assert nearest_admin1([(1.0, 1.0)], []) == [None]


def test_postal_localities_join_the_gazetteer_without_repeating_its_towns(postal_gazetteer: Gazetteer) -> None:
    [petty] = [c for c in postal_gazetteer.lookup("Petty") if c.kind == "village"]
    assert petty.admin1 == "Texas" and haversine_km(petty.lat, petty.lon, 33.61, -95.78) < 2
    assert [c.kind for c in postal_gazetteer.lookup("Paris") if c.country == "US"] == ["city"]  # the dump's town
    assert [c.admin1 for c in postal_gazetteer.lookup("Gif-sur-Yvette")] == ["Île-de-France"]


def test_a_postal_locality_resolves_inside_the_region_the_text_names(postal_gazetteer: Gazetteer, nlp) -> None:
    text = "Storm damage\n\nA tornado destroyed two barns near Petty, Texas, on Sunday, the county sheriff said."
    places = {p.span.text: p for p in Geoparser(postal_gazetteer, nlp).parse(Document(doc="t", text=text))}
    assert places["Petty"].country == "US" and places["Petty"].admin1 == "Texas"
    assert haversine_km(places["Petty"].lat, places["Petty"].lon, 33.61, -95.78) < 2


def test_a_file_that_is_not_a_postal_dump_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "postal.txt"
    bad.write_text("US\t75470\tPetty\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="12"):
        list(read_postal(bad))


def test_geo_build_takes_a_postal_file(tmp_path: Path) -> None:
    out = tmp_path / "g.sqlite"
    result = CliRunner().invoke(main, ["geo", "build", "--output", str(out), "--geonames",
                                       str(FIXTURES / "allCountries_sample.txt"), "--admin1",
                                       str(FIXTURES / "admin1CodesASCII_sample.txt"), "--postal", str(POSTAL)])
    assert result.exit_code == 0, result.output
    assert [c.kind for c in Gazetteer.open(out).lookup("Horoměřice")] == ["village"]


# The packaged tier (postal_localities.csv.gz, derive_postal.py) in the default gazetteer.

@pytest.fixture(scope="module")
def default_gazetteer() -> Gazetteer:
    return Gazetteer.open()


def test_the_default_gazetteer_knows_postal_localities_as_villages(default_gazetteer: Gazetteer) -> None:
    [township] = [c for c in default_gazetteer.lookup("Khayelitsha") if c.country == "ZA"]
    assert township.kind == "village" and township.admin1 == "Western Cape" and township.population == 0
    assert township.postal and not any(c.postal for c in default_gazetteer.lookup("Cape Town"))
    assert haversine_km(township.lat, township.lon, -34.04, 18.67) < 10
    assert not default_gazetteer.known("Khayelitsha")  # never read as a place by the shapes of names alone
    assert not [c for c in default_gazetteer.lookup("George") if c.postal]


def test_a_postal_locality_is_the_place_after_a_locative_in_its_country(default_gazetteer: Gazetteer, nlp) -> None:
    text = ("South Africa: shacks burned\n\nCAPE TOWN, South Africa - Residents said police fired rubber "
            "bullets at people protesting evictions in Khayelitsha on Tuesday.")
    places = {p.span.text: p for p in Geoparser(default_gazetteer, nlp).parse(Document(doc="t", text=text))}
    assert places["Khayelitsha"].country == "ZA" and places["Khayelitsha"].admin1 == "Western Cape"


def test_a_postal_locality_abroad_is_no_place_of_a_story_elsewhere(default_gazetteer: Gazetteer, nlp) -> None:
    # Khayelitsha is a township of Cape Town only; a Kenyan story that names it as a surname-like
    # word without a cue gives it no place, and nothing in Kenya takes its name.
    text = "Kenya: Nairobi court hearing\n\nNAIROBI - Khayelitsha Mwangi told the court in Nairobi on Monday."
    places = Geoparser(default_gazetteer, nlp).parse(Document(doc="t", text=text))
    assert not [p for p in places if p.span.text.startswith("Khayelitsha") and p.lat is not None]


def test_derived_localities_take_their_district_and_leave_common_names_out(tmp_path: Path) -> None:
    from factfinder.geo.build_postal import Locality
    from factfinder.geo.derive_postal import common_names, district_names, with_districts

    archive = tmp_path / "US.zcsv"
    import zipfile

    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("US.csv", "postal_code,country_code,admin_name1,admin_code1,admin_name2,admin_name3,place_name\n"
                              "75470,US,Texas,TX,Lamar,,Petty\n75471,US,Texas,TX,nan,,Petty\n")
    districts = district_names(tmp_path)
    assert districts == {("US", "75470", "petty"): "Lamar"}
    codes = with_districts([PostalCode("US", "75470", "Petty", 33.61, -95.79),
                            PostalCode("US", "75471", "Petty", 33.62, -95.78, "Red River")], districts)
    assert [c.admin2 for c in codes] == ["Lamar", "Red River"]  # the dump's own district is kept
    many = [Locality("MX", "Centro", 19.0 + i, -99.0) for i in range(6)] + [Locality("MX", "Tepito", 19.4, -99.1)]
    assert common_names(many) == {("MX", "centro")}


def test_a_postal_village_resolves_in_the_state_the_text_names(default_gazetteer: Gazetteer, nlp) -> None:
    # "X, State": the only Ewing of the towns is in New Jersey; the postal tier has the Missouri village.
    text = "EWING, Mo. — Firefighters put out a barn fire north of Ewing, Missouri, on Tuesday."
    places = [p for p in Geoparser(default_gazetteer, nlp).parse(Document(doc="h" * 64, text=text))
              if p.span.text.casefold() == "ewing"]
    assert places and all((p.country, p.admin1, p.precision) == ("US", "Missouri", "town") for p in places)
