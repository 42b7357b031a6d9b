"""GeoNames' own points for admin1 units and countries, read from a GeoNames dump.

Geoparsing corpora (GeoWebNews, TR-News, LGL) place a state, province or country at the point of
its GeoNames feature (an ADM1 row, a PCLI row), which GeoNames sets by hand, often on a quarter
degree (docs/geo.md, "The gazetteer"): no packaged source carries those points and no rule
reproduces them, so the packaged gazetteer uses Natural Earth polygon centres and the factbook's
country points, 30-400 km away (Kentucky, Alberta, Queensland; Armenia, South Korea). A user who
has GeoNames' export (``allCountries.txt``, a country file such as ``US.txt``, or only its ADM1
and PCL rows, the same 19 tab-separated columns) can give it to the packaged build
(``factfinder geo build --points FILE``): each admin1 and country with a feature row there takes
that row's point and GeoNames id; every other row of the build stays as packaged.

The file is read line by line and only rows of those feature codes are split, so a whole
``allCountries.txt`` (12 million rows, 1.5 GB) takes seconds (0.8 s of CPU for 190 MB of town rows,
measured) and little memory.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from factfinder.errors import GazetteerError
from factfinder.geo.geonames_file import read_geonames_lines

# A country's feature, best first: an independent state, then a dependency, a freely associated,
# semi-independent or historical one; a code with several (rare) keeps the best.
_COUNTRY_CODES = ("PCLI", "PCLD", "PCLF", "PCLS", "PCL", "PCLIX")


@dataclass(frozen=True, slots=True)
class FeaturePoint:
    """The point and GeoNames id of one feature row."""

    lat: float
    lon: float
    geonameid: int


@dataclass(slots=True)
class FeaturePoints:
    """The admin1 points by (country, admin1 code) and the country points by ISO code of a dump."""

    admin1: dict[tuple[str, str], FeaturePoint] = field(default_factory=dict)
    countries: dict[str, FeaturePoint] = field(default_factory=dict)
    _ranks: dict[str, int] = field(default_factory=dict)  # the rank in _COUNTRY_CODES of each country's point

    def add(self, fcode: str, country: str, admin1: str, point: FeaturePoint) -> None:
        """Take one feature row of class A: an ADM1 row (the first of its code), or a country's
        row where it ranks above the one taken so far."""
        if not country:
            return
        if fcode == "ADM1":
            if admin1 and admin1 != "00":  # "00": GeoNames' code for no admin1
                self.admin1.setdefault((country, admin1), point)
        elif fcode in _COUNTRY_CODES and _COUNTRY_CODES.index(fcode) < self._ranks.get(country, len(_COUNTRY_CODES)):
            self._ranks[country] = _COUNTRY_CODES.index(fcode)
            self.countries[country] = point


def _wanted(line: str) -> bool:
    """Cheap test before splitting: only ADM1 and PCL rows are read (a tab on both sides of
    the code: "ADM1H", a former admin1, and "ADM1" inside a name are other things)."""
    return "\tADM1\t" in line or "\tPCL" in line


def read_feature_points(path: Path) -> FeaturePoints:
    """The ADM1 and country feature points of a GeoNames dump file (``GazetteerError`` when it
    cannot be read or a row of those codes is not a dump row)."""
    points = FeaturePoints()
    for number, fields in read_geonames_lines(
            path, wanted=_wanted, advice="pass allCountries.txt, a country file or its ADM1 and PCL rows as they come"):
        try:
            point = FeaturePoint(float(fields[4]), float(fields[5]), int(fields[0]))
        except ValueError as exc:
            raise GazetteerError(f"{path}:{number}: no point in this GeoNames row ({exc})") from exc
        if fields[6] == "A":
            points.add(fields[7], fields[8], fields[10], point)
    return points


def apply_feature_points(conn: sqlite3.Connection, points: FeaturePoints, source: str) -> tuple[int, int]:
    """Move each admin1 and country place of a gazetteer being built to its GeoNames feature point
    (and id); returns how many admin1 units and countries moved. Runs before ``build._finish``
    (``source`` is still text then)."""
    moved_admin1 = moved_countries = 0
    for (country, code), p in points.admin1.items():
        moved_admin1 += conn.execute(
            "UPDATE place SET lat = ?, lon = ?, geonameid = ?, source = ? WHERE kind = 'admin1' AND country = ? "
            "AND admin1_code = ?", (p.lat, p.lon, p.geonameid, source, country, code)).rowcount
    for country, p in points.countries.items():
        moved_countries += conn.execute(
            "UPDATE place SET lat = ?, lon = ?, geonameid = ?, source = ? WHERE kind = 'country' AND country = ?",
            (p.lat, p.lon, p.geonameid, source, country)).rowcount
    return moved_admin1, moved_countries
