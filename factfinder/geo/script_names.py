"""Names in Burmese, Chinese and Arabic script, as the gazetteer build writes them.

Build-time half of ``geo/scripts.py``: the level words of each script
(``data/gazetteer/script_terms.csv``), a name without its level word, and the
loader the gazetteer build calls once its places are written. Kept apart from
the run-time tagger so that the build imports nothing that reads a gazetteer.
"""

from __future__ import annotations

import csv
import sqlite3
from functools import lru_cache

from factfinder.geo.names import data_file, name_key, name_script


@lru_cache(maxsize=1)
def script_terms() -> dict[tuple[str, str], tuple[str, ...]]:
    """(script, kind) -> affixes of data/gazetteer/script_terms.csv, longest first."""
    table: dict[tuple[str, str], list[str]] = {}
    with data_file("script_terms.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            table.setdefault((row["script"], row["kind"]), []).append(row["affix"])
    return {key: tuple(sorted(affixes, key=len, reverse=True)) for key, affixes in table.items()}


def bare_name(form: str, script: str) -> str | None:
    """The name without its level word ("စစ်တွေမြို့" -> "စစ်တွေ", "喀什市" -> "喀什"), or None."""
    for suffix in script_terms().get((script, "suffix"), ()):
        if form.endswith(suffix) and len(form) - len(suffix) >= 2:
            return form[:-len(suffix)].rstrip()
    return None


def load_script_names(conn: sqlite3.Connection) -> int:
    """Add Myanmar's Burmese names and the bare form of every script name with a level word; returns how many.

    Called by the gazetteer build once its places are written. The Burmese names come
    from data/gazetteer/burmese_names.csv; a row whose place the gazetteer lacks (a
    MIMU town GeoNames spells otherwise) is left out. Then "စစ်တွေမြို့" (Sittwe town)
    also gives "စစ်တွေ", "喀什市" gives "喀什": text often drops the level word, and
    resolution should see every place a bare name can be.
    """
    codes = {name: code for code, name in conn.execute("SELECT code, name FROM admin1 WHERE country = 'MM'")}
    places: dict[tuple[str, str, str | None], list[int]] = {}
    for (pid, kind, name, code) in conn.execute(
            "SELECT id, kind, name, admin1_code FROM place WHERE country = 'MM' "
            "AND kind IN ('admin1', 'admin2', 'admin3', 'city')"):
        places.setdefault((kind, name, code), []).append(pid)
    kinds = {"admin1": "admin1", "admin2": "admin2", "admin3": "admin3", "town": "city"}
    names = []
    with data_file("burmese_names.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            found = places.get((kinds[row["level"]], row["name"], codes.get(row["admin1"])), [])
            names += [(name_key(row["burmese"]), row["burmese"], pid, 0) for pid in found]
    conn.executemany("INSERT OR IGNORE INTO name VALUES (?,?,?,?)", names)
    have = {(form, pid) for form, pid in conn.execute("SELECT form, place FROM name WHERE unicode(form) >= 1536")}
    bare = set()
    for form, pid in have:
        script = name_script(form)
        short = bare_name(form, script) if script else None
        if short and (short, pid) not in have:
            bare.add((name_key(short), short, pid, 0))
    conn.executemany("INSERT OR IGNORE INTO name VALUES (?,?,?,?)", sorted(bare))
    return len(names) + len(bare)
