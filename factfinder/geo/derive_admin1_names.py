"""Regenerate ``admin1_names.csv``: other names of admin1 units (English variants, local scripts).

Maintainers only; the build reads the file, never the package. Run with PyPI
``iso3166-2`` 1.8.4 unpacked or installed (MIT; not a dependency of factfinder):

    pip download --no-deps iso3166-2==1.8.4
    python -m factfinder.geo.derive_admin1_names .../iso3166_2/iso3166-2.json

Why: reports spell provinces in many ways ("North Kivu" for Nord-Kivu, "Erbil" for
Arbīl, "Daikundi" for Dāykundī, "Urozgan" for Uruzgān), and a name the gazetteer
lacks leaves an incident without its admin1. ``iso3166-2`` gives, for every ISO
3166-2 subdivision, its other names with their language ("Bamiyan (eng), بامیان
(prs)"), taken from the ISO pages and Wikipedia. Kept: names in Latin script that
look like the unit's own name (rapidfuzz ratio >= 55 with its ISO, GeoNames or
short name, so that nicknames such as "City of Peace" or "Five Lions" stay out),
and names in the scripts the gazetteer reads (``names.NAME_SCRIPTS``: Arabic,
Burmese, Chinese), for documents written in them. The ISO code is matched to the
GeoNames admin1 code as the build matches pycountry's names (``iso_admin1.iso_subdivisions``).
The package's coordinates are not used: they come from a commercial geocoder.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

from factfinder.geo.build import _read_csv
from factfinder.geo.iso_admin1 import iso_subdivisions
from factfinder.geo.derive_admin import HERE
from factfinder.geo.names import admin_terms, is_kept_name, is_latin_name, name_key, short_admin_name

OUTPUT = "admin1_names.csv"
_NAME_LANG = re.compile(r"\s*([^,]+?)\s*\(([a-z]{2,3})\)")


def other_names(iso_json: Path) -> list[dict[str, str]]:
    """Rows (country, admin1_code, iso_code, name, lang) of the names worth keeping."""
    data = json.loads(iso_json.read_text(encoding="utf-8"))
    terms = admin_terms()
    rows = list(_read_csv("admin1.csv"))
    ours = {(r["country"], r["code"]): r["name"] for r in rows}
    by_iso = {iso_code: (key, iso_name) for key, (iso_code, iso_name) in iso_subdivisions(rows, terms).items()}
    stop = {name_key(w) for w in _read_lines("stopnames.txt") + _read_lines("demonyms.txt")}  # "Equator", "Karen"
    from rapidfuzz import fuzz

    out: list[dict[str, str]] = []
    for subdivisions in data.values():
        for iso_code, sub in subdivisions.items():
            if iso_code not in by_iso:
                continue
            (cc, code), iso_name = by_iso[iso_code]
            known = {name_key(n) for n in (iso_name, ours[(cc, code)], short_admin_name(ours[(cc, code)], terms))}
            seen = set(known)
            for name, lang in _NAME_LANG.findall(sub.get("localOtherName") or ""):
                key = name_key(name)
                if key in seen or not is_kept_name(name) or key in stop:
                    continue
                if is_latin_name(name) and (len(key) < 4 or not name[0].isupper()
                                            or max(fuzz.ratio(key, k) for k in known) < 55):
                    continue
                seen.add(key)
                out.append({"country": cc, "admin1_code": code, "iso_code": iso_code, "name": name, "lang": lang})
    return sorted(out, key=lambda r: (r["country"], r["admin1_code"], r["name"]))


def _read_lines(name: str) -> list[str]:
    text = (HERE / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("iso_json", type=Path, help="iso3166_2/iso3166-2.json of PyPI iso3166-2")
    args = ap.parse_args()
    rows = other_names(args.iso_json)
    with (HERE / OUTPUT).open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Other names of GeoNames admin1 units, from PyPI iso3166-2 1.8.4 (MIT): "
                 "python -m factfinder.geo.derive_admin1_names\n")
        writer = csv.DictWriter(fh, ["country", "admin1_code", "iso_code", "name", "lang"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} names of {len({(r['country'], r['admin1_code']) for r in rows})} admin1 units")


if __name__ == "__main__":
    main()
