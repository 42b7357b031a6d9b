"""The gazetteer file: GeoNames dump loader, lookups, reverse lookup, and its error messages."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from factfinder.errors import GazetteerError, UsageError
from factfinder.geo import Gazetteer
from factfinder.geo.build import name_key, short_admin_name
from factfinder.geo.geonames_dump import build_from_geonames
from factfinder.geo.geonames_file import read_geonames_dump

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def dump_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path = tmp_path_factory.mktemp("gaz") / "dump.sqlite"
    build_from_geonames(path, FIXTURES / "allCountries_sample.txt", FIXTURES / "admin1CodesASCII_sample.txt")
    return Gazetteer.open(path)


def test_name_key_folds_accents_case_and_punctuation() -> None:
    assert name_key("Côte d’Ivoire") == name_key("cote d'ivoire")
    assert name_key("Ye-U") == name_key("Ye U")
    assert name_key("U.S.") == "us"


def test_short_admin_name_strips_generic_words() -> None:
    terms = ["Sheng", "Province", "Oblast", "Wilayat-e"]
    assert short_admin_name("Henan Sheng", terms) == "Henan"
    assert short_admin_name("Wilayat-e Baghlan", terms) == "Baghlan"
    assert short_admin_name("Province", terms) == "Province"


def test_dump_loader_reads_cities_with_admin1_and_alternate_names(dump_gazetteer: Gazetteer) -> None:
    prague = [c for c in dump_gazetteer.lookup("Praha") if c.kind == "city"]
    assert prague and prague[0].geonameid == 3067696 and prague[0].country == "CZ"
    assert prague[0].admin1 == "Prague"
    paris = [c for c in dump_gazetteer.lookup("Paris") if c.kind == "city"]
    assert {c.country for c in paris} == {"FR", "US"}
    assert paris[0].country == "FR"  # most populous first


def test_dump_loader_takes_admin1_points_from_adm1_rows(dump_gazetteer: Gazetteer) -> None:
    texas = [c for c in dump_gazetteer.lookup("Texas") if c.kind == "admin1"][0]
    assert (texas.lat, texas.lon) == (31.25044, -99.25061)
    assert texas.population == 22875689


def test_packaged_admin1_points_take_the_geonames_points_the_own_gold_recorded() -> None:
    # admin1_override.csv replaces the polygon centre of admin1.csv where tests/gold/geo recorded
    # the GeoNames ADM1 feature (Texas, British Columbia ...) and for Australia's states (a GeoNames
    # country file a package ships); other units keep the centre.
    import csv

    from factfinder.geo.names import data_file

    def rows(name: str) -> dict[tuple[str, str], tuple[float, float]]:
        with data_file(name).open(encoding="utf-8", newline="") as fh:
            return {(r["country"], r["code"]): (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(fh)}

    overrides, centres = rows("admin1_override.csv"), rows("admin1.csv")
    assert len(overrides) == 18 and set(overrides) <= set(centres)
    gazetteer = Gazetteer.open()
    for name, code, cc in (("Texas", "TX", "US"), ("British Columbia", "02", "CA"), ("Ohio", "OH", "US"),
                           ("Queensland", "04", "AU")):
        unit = next(c for c in gazetteer.lookup(name) if c.kind == "admin1" and c.country == cc)
        assert (unit.lat, unit.lon) == overrides.get((cc, code), centres[(cc, code)]), name
    assert overrides[("US", "TX")] == (31.25044, -99.25061) != centres[("US", "TX")]
    # Australia's eight units are GeoNames' points of AU.txt (npm geonames 0.2.1), on whole degrees
    # near the middle of the state; the polygon centre of Queensland lies about 290 km south of it.
    assert {code for cc, code in overrides if cc == "AU"} == {f"0{n}" for n in range(1, 9)}
    assert overrides[("AU", "04")] == (-20.0, 145.0) != centres[("AU", "04")]


def test_territories_countryinfo_lacks_are_countries_at_their_capital() -> None:
    from factfinder.geo.territories import news_forms

    assert news_forms("Virgin Islands, U.S.") == ["U.S. Virgin Islands"]
    assert news_forms("Sint Maarten (Dutch part)") == ["Sint Maarten"]
    assert news_forms("Turks and Caicos Islands") == ["Turks and Caicos Islands", "Turks and Caicos"]
    assert news_forms("Bonaire, Sint Eustatius and Saba") == ["Bonaire, Sint Eustatius and Saba"]
    gazetteer = Gazetteer.open()
    for name, iso in (("the U.S. Virgin Islands", "VI"), ("British Virgin Islands", "VG"), ("Curaçao", "CW"),
                      ("Turks and Caicos", "TC")):
        top = gazetteer.lookup(name.removeprefix("the "))[0]
        assert (top.kind, top.country) == ("country", iso), name
    usvi = gazetteer.lookup("US Virgin Islands")[0]
    assert abs(usvi.lat - 18.34) < 0.1 and abs(usvi.lon + 64.93) < 0.1  # Charlotte Amalie


def test_dump_loader_rejects_a_file_that_is_not_a_dump(tmp_path: Path) -> None:
    bad = tmp_path / "cities.csv"
    bad.write_text("name,lat,lon\nPrague,50.1,14.4\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="19"):
        list(read_geonames_dump(bad))


def test_reverse_lookup_reads_country_and_admin1_of_nearest_town(dump_gazetteer: Gazetteer) -> None:
    region = dump_gazetteer.reverse(20.2, 92.95)
    assert region.country == "MM" and region.admin1 == "Rakhine"
    assert region.nearest in {"Pauktaw", "Sittwe"} and region.distance_km < 30
    assert dump_gazetteer.reverse(-60.0, -140.0).country is None  # open ocean


@pytest.mark.parametrize("lat, lon", [(91.0, 10.0), (10.0, 181.0), (float("nan"), 0.0)])
def test_reverse_lookup_rejects_impossible_coordinates(dump_gazetteer: Gazetteer, lat: float, lon: float) -> None:
    with pytest.raises(UsageError, match="latitude|not numbers"):
        dump_gazetteer.reverse(lat, lon)


def test_corrupt_gazetteer_says_how_to_rebuild(tmp_path: Path) -> None:
    broken = tmp_path / "gaz.sqlite"
    broken.write_bytes(b"this is not a database" * 100)
    with pytest.raises(GazetteerError, match="factfinder geo build"):
        Gazetteer.open(broken)


def test_gazetteer_of_another_schema_says_how_to_rebuild(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite"
    conn = sqlite3.connect(old)
    conn.executescript("CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES ('schema', '0');"
                       "CREATE TABLE admin1 (country, code, name, place);")
    conn.close()
    with pytest.raises(GazetteerError, match="rebuild"):
        Gazetteer.open(old)


def test_missing_explicit_gazetteer_names_the_build_command(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="factfinder geo build --output"):
        Gazetteer.open(tmp_path / "nowhere.sqlite")


def test_dump_loader_keeps_admin1_spellings_and_short_district_names(dump_gazetteer: Gazetteer) -> None:
    paktya = [c for c in dump_gazetteer.lookup("Paktya") if c.kind == "admin1"]
    assert paktya and paktya[0].country == "AF" and (paktya[0].lat, paktya[0].lon) == (33.75, 69.25)
    zurmat = [c for c in dump_gazetteer.lookup("Zurmat") if c.kind == "admin2"]
    assert zurmat and zurmat[0].country == "AF" and zurmat[0].admin1 == paktya[0].admin1
