"""Countries and territories that ``countries.csv`` lacks, placed at their capital.

``countries.csv`` comes from PyPI ``countryinfo`` (derive.py), which has no row for a dozen ISO
3166-1 territories: the U.S. and British Virgin Islands, Curaçao, Sint Maarten, Saint Martin,
Saint Barthélemy, Turks and Caicos, Bonaire, Åland ("the U.S. Virgin Islands" was read as the
United States). The build adds each one that has a capital in GeoNames' country table
(``geonames_countries.csv``) and a cities500 town of that name, at the town's point: for a
small island territory the capital lies within a few tens of kilometres of anything else one
could call its middle. Names: pycountry's, with the word order news uses ("Virgin Islands, U.S."
-> "U.S. Virgin Islands"), without "(Dutch part)", and without a closing "Islands" ("Turks and
Caicos"). Antarctica, Bouvet Island and the U.S. Minor Outlying Islands have no capital and stay
out (Antarctica is a continent of the gazetteer).
"""

from __future__ import annotations

import re
import sqlite3
from typing import Protocol

from factfinder.geo.names import name_key
from factfinder.geo.towns import capitals

SOURCE = "capital's point (GeoNames cities500); names from pycountry (territory missing from countryinfo)"


class PlaceWriter(Protocol):
    """The build's writer (``build._Writer``): what this module needs of it."""

    conn: sqlite3.Connection

    def place(self, *, name: str, kind: str, country: str | None, admin1_code: str | None,
              lat: float | None, lon: float | None, population: int, source: str,
              geonameid: int | None = None, aliases: list[str] = ..., admin2: str | None = None,
              admin3: str | None = None) -> int: ...

    def flush(self) -> None: ...


def news_forms(name: str) -> list[str]:
    """The forms news writes an ISO name in: "Virgin Islands, U.S." -> "U.S. Virgin Islands",
    "Sint Maarten (Dutch part)" -> "Sint Maarten", "Turks and Caicos Islands" -> "Turks and Caicos"."""
    bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
    head, comma, tail = bare.partition(", ")
    if comma and len(tail.split()) == 1:  # "Virgin Islands, British"; not "Bonaire, Sint Eustatius and Saba"
        return [f"{tail} {head}"]  # "U.S. Virgin Islands" (never "U.S. Virgin")
    if bare.endswith(" Islands"):
        return [bare, bare[:-len(" Islands")]]
    return [bare]


def load_territories(w: PlaceWriter, loaded: set[str]) -> int:
    """Add the countries of pycountry that ``loaded`` lacks and that have a capital town; returns
    how many. Runs after the towns are written (it reads the capital's point from them)."""
    import pycountry

    capital_of = {iso: capital for iso, _gid, capital in capitals() if capital}
    added = 0
    for country in pycountry.countries:
        iso = country.alpha_2
        if iso in loaded or iso not in capital_of:
            continue
        row = w.conn.execute(
            "SELECT p.lat, p.lon FROM name n JOIN place p ON p.id = n.place WHERE n.key = ? AND p.kind = 'city' "
            "AND p.country = ? ORDER BY p.population DESC LIMIT 1", (name_key(capital_of[iso]), iso)).fetchone()
        if row is None:
            continue
        official = [getattr(country, a, None) or "" for a in ("name", "common_name", "official_name")]
        forms = news_forms(country.name)
        w.place(name=forms[0], kind="country", country=iso, admin1_code=None, lat=row[0], lon=row[1],
                population=0, source=SOURCE, aliases=forms[1:] + [f for f in official if f])
        added += 1
    w.flush()
    return added
