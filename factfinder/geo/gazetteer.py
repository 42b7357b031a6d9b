"""The offline gazetteer: an indexed SQLite file of countries, admin1, cities and regions.

Built once (``factfinder geo build`` or on first use) into the user cache, then
opened read-only in well under a second. Lookups are by folded name key
(``build.name_key``); every row keeps the source it came from.
"""

from __future__ import annotations

import math
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factfinder.errors import GazetteerError, UsageError
from factfinder.model import PlacePrecision
from factfinder.values.places import valid_coordinate
from factfinder.values.places import haversine_km as haversine_km  # re-exported: one great-circle distance
from factfinder.geo.build import SCHEMA_VERSION, build_gazetteer
from factfinder.geo.names import admin_terms, name_key

KIND_PRECISION: dict[str, PlacePrecision] = {
    "continent": "country", "region": "admin1", "country": "country", "admin1": "admin1", "admin2": "admin2",
    "admin3": "admin2", "city": "town", "village_tract": "town", "village": "town", "point": "point"}
# Units without a population figure (districts, townships, villages): never proposed by the
# dictionary tagger on their own, and resolved only where the document points to them.
UNIT_KINDS = frozenset({"admin2", "admin3", "village_tract", "village"})
REBUILD_HINT = "rebuild it with `factfinder geo build` (or delete it and it is rebuilt on next use)"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry that a name can refer to."""

    id: int
    geonameid: int | None
    name: str
    kind: str  # continent, region, country, admin1, admin2, admin3, city, village_tract, village, point
    country: str | None
    admin1_code: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    primary: bool  # the name matched is the entry's main name, not an alternate
    capital: bool = False  # a national capital
    admin2: str | None = None  # name of the district (admin2) it lies in, where the gazetteer knows it
    admin3: str | None = None  # name of the township or upazila (admin3) it lies in

    @property
    def precision(self) -> PlacePrecision:
        return KIND_PRECISION.get(self.kind, "town")

    @property
    def postal(self) -> bool:
        """A postal-code locality (the tier of build_postal.py, negative ids): resolution may ask
        more evidence of it than of a town."""
        return self.id < 0

    @property
    def point(self) -> tuple[float, float] | None:
        """(lat, lon), or None for an entry the gazetteer has no coordinates for."""
        return (self.lat, self.lon) if self.lat is not None and self.lon is not None else None


@dataclass(frozen=True, slots=True)
class Region:
    """Result of a reverse lookup: the country and admin1 around a coordinate."""

    country: str | None
    admin1: str | None
    nearest: str | None  # the populated place the answer was read from
    distance_km: float | None


def check_coordinates(lat: float, lon: float) -> None:
    """Reject coordinates that cannot be on Earth (a swapped pair is the usual cause)."""
    if not (isinstance(lat, (int, float)) and isinstance(lon, (int, float))) or math.isnan(lat) or math.isnan(lon):
        raise UsageError(f"coordinates ({lat!r}, {lon!r}) are not numbers; give decimal degrees")
    if not valid_coordinate(lat, lon):
        raise UsageError(f"coordinates ({lat}, {lon}) are out of range: latitude must be within ±90 and "
                         "longitude within ±180 (were latitude and longitude swapped?)")


def default_path() -> Path:
    """The gazetteer file in the user cache; the `gazetteer` setting (factfinder.settings,
    which also reads FACTFINDER_GAZETTEER) names another file by passing its path to ``open``."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "factfinder" / f"gazetteer-{SCHEMA_VERSION}.sqlite"


_COLUMNS = ("p.id, p.geonameid, p.name, p.kind, p.country, p.admin1_code, p.lat, p.lon, p.population, p.capital, "
            "p.admin2, p.admin3")
# One row of _COLUMNS, as the place table's schema (build.py) types it.
CandidateRow = tuple[int, int | None, str, str, str | None, str | None, float | None, float | None, int, int,
                     str | None, str | None]


class Gazetteer:
    """Read-only access to a built gazetteer file. Cheap to share between documents."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self._admin1: dict[tuple[str, str], str] = {}
        self._cache: dict[str, list[Candidate]] = {}
        self._known: dict[str, bool] = {}
        self._initials: dict[str, list[str]] = {}
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta"))
            if meta.get("schema") != SCHEMA_VERSION:
                raise GazetteerError(f"the gazetteer {path} has schema {meta.get('schema')!r}, this factfinder "
                                     f"needs {SCHEMA_VERSION!r}; {REBUILD_HINT}")
            self._admin1 = {(cc, code): name for cc, code, name in conn.execute(
                "SELECT country, code, name FROM admin1")}
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"the gazetteer {path} is corrupt ({exc}); {REBUILD_HINT}") from exc

    @classmethod
    def open(cls, path: Path | str | None = None) -> "Gazetteer":
        """Open the gazetteer; the default one is built on first use (about 30 s, once)."""
        explicit = path is not None
        target = Path(path).expanduser() if path is not None else default_path()
        if not target.is_file():
            if explicit:
                raise GazetteerError(f"no gazetteer at {target}; build one with "
                                     f"`factfinder geo build --output {target}`")
            build_gazetteer(target)
            if target == default_path():
                from factfinder.geo.cache_files import remove_older_schemas

                remove_older_schemas(target.parent, SCHEMA_VERSION)
        try:
            conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True, check_same_thread=False)
            # Name lookups read scattered pages: map the file (the OS shares the pages between
            # processes) and keep 64 MB of pages, instead of a read call per page.
            conn.execute("PRAGMA mmap_size = 268435456")
            conn.execute("PRAGMA cache_size = -65536")
        except sqlite3.Error as exc:
            raise GazetteerError(f"cannot open the gazetteer {target} ({exc}); {REBUILD_HINT}") from exc
        return cls(conn, target)

    def close(self) -> None:
        self._conn.close()

    def _rows(self, sql: str, params: tuple[object, ...]) -> list[tuple[Any, ...]]:
        """The rows of one query; their columns' types are the query's (sqlite3 does not know them)."""
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"the gazetteer {self.path} is corrupt ({exc}); {REBUILD_HINT}") from exc

    def _candidate(self, row: CandidateRow, primary: bool) -> Candidate:
        pid, gid, name, kind, cc, code, lat, lon, pop, capital, admin2, admin3 = row
        return Candidate(pid, gid, name, kind, cc, code, self._admin1.get((cc, code)) if cc and code else None,
                         lat, lon, pop, primary, bool(capital), admin2, admin3)

    def lookup(self, name: str) -> list[Candidate]:
        """Every entry that ``name`` can refer to, most populous first."""
        key = name_key(name)
        if key in self._cache:
            return self._cache[key]
        rows = [] if self._known.get(key) is False else self._rows(  # probed before and absent: no query
            f"SELECT {_COLUMNS}, MAX(n.is_primary) FROM name n JOIN place p ON p.id = n.place "
            "WHERE n.key = ? GROUP BY p.id ORDER BY p.population DESC LIMIT 200", (key,))
        found = [self._candidate(r[:12], bool(r[12])) for r in rows] + self._localities(key)
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[key] = found
        return found

    def _localities(self, key: str) -> list[Candidate]:
        """The postal-code localities of a name (build_postal.py), as villages: no population, so
        they are proposed only after a locative and resolved only in the document's countries or
        beside a container. They are not ``known``: the shapes of names never read one as a place."""
        rows = self._rows("SELECT id, NULL, name, 'village', country, admin1_code, lat / 1e4, lon / 1e4, 0, 0, "
                          "admin2, NULL FROM locality WHERE key = ? LIMIT 50", (key,))
        return [self._candidate(r, True) for r in rows]

    def known(self, name: str) -> bool:
        """Whether any entry has this name: one indexed probe, not the candidates (the shape-based
        mention finder asks it of every capitalised run, mostly persons and organisations)."""
        key = name_key(name)
        if key in self._cache:
            return any(not c.postal for c in self._cache[key])
        found = self._known.get(key)
        if found is None:
            if len(self._known) > 200_000:
                self._known.clear()
            found = self._known[key] = bool(self._rows("SELECT 1 FROM name WHERE key = ? LIMIT 1", (key,)))
        return found

    def country(self, iso2: str) -> Candidate | None:
        rows = self._rows(f"SELECT {_COLUMNS} FROM place p WHERE kind = 'country' AND country = ?", (iso2,))
        return self._candidate(rows[0], True) if rows else None

    def admin1(self, iso2: str, code: str) -> Candidate | None:
        rows = self._rows(f"SELECT {_COLUMNS} FROM place p WHERE kind = 'admin1' AND country = ? "
                          "AND admin1_code = ?", (iso2, code))
        return self._candidate(rows[0], True) if rows else None

    def admin1_codes(self, iso2: str) -> dict[str, str]:
        """Code -> name of every admin1 of one country (a region the text spells otherwise is matched on them)."""
        return {code: name for (cc, code), name in self._admin1.items() if cc == iso2}

    def admin1_name(self, iso2: str | None, code: str | None) -> str | None:
        return self._admin1.get((iso2, code)) if iso2 and code else None

    def tagger_forms(self, *, min_population: int) -> list[tuple[str, str, int, bool, bool]]:
        """(form, kind, population, is_primary, curated) of names worth a dictionary match.

        All names of countries, admin1, regions and curated rows; for cities only
        those of at least ``min_population`` people; of districts and smaller units
        only names that carry their level word ("Lamar County"): a bare village name
        is too often a common word or a surname, and NER or a cue proposes it.
        """
        units = ",".join(f"'{k}'" for k in sorted(UNIT_KINDS))
        curated = "p.source_id IN (SELECT id FROM source WHERE text LIKE 'curated%')"
        rows = self._rows(
            f"SELECT n.form, p.kind, p.population, n.is_primary, {curated} "
            f"FROM name n JOIN place p ON p.id = n.place WHERE (p.kind NOT IN ('city', {units}) "
            f"OR (p.kind = 'city' AND p.population >= ?) OR {curated} "
            "OR (p.kind = 'admin2' AND n.form LIKE '% %'))", (min_population,))
        terms = set(admin_terms())
        return [(form, kind, pop, bool(primary), bool(curated)) for form, kind, pop, primary, curated in rows
                if kind != "admin2" or curated or form.rsplit(" ", 1)[-1] in terms]

    def keys_like(self, key: str) -> list[str]:
        """Every name key that starts as ``key`` does (its first two letters, with or without a
        leading apostrophe: "'Ardamata"), for fuzzy variant matching.

        Read from the covering index of keys, once per prefix and process: a few milliseconds,
        where reading a country's town names through the place table took 0.3-0.7 s (the
        transliteration variants seen in the dev sets, the gold and the seeds all keep their
        first two letters: Paoktaw/Pauktaw, Qatraneh/Qatranah, Mocsi/Moshi)."""
        letter = key.lstrip("'")[:2]
        if not letter:
            return []
        cached = self._initials.get(letter)
        if cached is None:
            cached = []
            for start in (letter, "'" + letter):
                end = start[:-1] + chr(ord(start[-1]) + 1)
                cached += [k for (k,) in self._rows("SELECT DISTINCT key FROM name WHERE key >= ? AND key < ?",
                                                    (start, end))]
            self._initials[letter] = cached
        return cached

    def reverse(self, lat: float, lon: float) -> Region:
        """Country and admin1 of a coordinate, read from the nearest populated place.

        Looks in widening boxes (1°, 3°, 8°); a point farther than ~900 km from
        any town (open ocean, Antarctica) returns an empty Region.
        """
        check_coordinates(lat, lon)
        for pad in (1, 3, 8):
            rows = self._rows(
                f"SELECT {_COLUMNS} FROM place p WHERE kind = 'city' "
                "AND CAST(lat AS INTEGER) BETWEEN ? AND ? AND CAST(lon AS INTEGER) BETWEEN ? AND ?",
                (int(lat) - pad, int(lat) + pad, int(lon) - pad, int(lon) + pad))
            if rows:
                best = min(rows, key=lambda r: haversine_km(lat, lon, r[6], r[7]))
                cand = self._candidate(best, True)
                return Region(cand.country, cand.admin1, cand.name, round(haversine_km(lat, lon, best[6], best[7]), 1))
        return Region(None, None, None, None)
