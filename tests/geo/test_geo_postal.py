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
from factfinder.geo.build_postal import localities, nearest_admin1, read_postal
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
    assert [name for _cc, name, _la, _lo in found].count("Petty") == 1  # two codes 1 km apart: one place
    far = list(localities(iter([("US", "Petty", 33.61, -95.79), ("US", "Petty", 31.76, -106.49)])))
    assert len(far) == 2  # a namesake 1,000 km away is another place
    assert [name for _cc, name, _la, _lo in found if name.startswith("Gif")] == ["Gif-sur-Yvette"]  # not capitals
    names = {name for _cc, name, _la, _lo in found}
    assert not names & {"Petty SO", "Paris 08", "Paris Cedex", "Sittwe Road"}  # post offices, districts, streets


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
