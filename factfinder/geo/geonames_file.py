"""The GeoNames dump format, read in one place: 19 tab-separated columns a line.

Two builds read it: the gazetteer built from a whole dump (``geonames_dump.build_from_geonames``,
every row) and the admin1 and country points a packaged build takes from one
(``feature_points.read_feature_points``, only ADM1 and PCL rows). Both refuse a line that is not
a dump line with the same message, naming the line and its count of columns. A reader that wants
a few rows of a 1.5 GB ``allCountries.txt`` passes ``wanted``, a test on the raw line that runs
before the split, so the other 12 million lines cost one substring search each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from factfinder.errors import GazetteerError

COLUMNS = ("geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude",
           "feature_class", "feature_code", "country_code", "cc2", "admin1_code", "admin2_code",
           "admin3_code", "admin4_code", "population", "elevation", "dem", "timezone", "modification_date")
"""The columns of a GeoNames dump line, in order (GeoNames' readme.txt)."""


def read_geonames_lines(path: Path, *, wanted: Callable[[str], bool] | None = None,
                        advice: str = "pass allCountries.txt (or a country file) from the GeoNames export as it comes",
                        ) -> Iterator[tuple[int, list[str]]]:
    """(line number, the 19 fields) of each row of a GeoNames dump that ``wanted`` keeps (every
    row when it is None); blank and comment lines are skipped. ``GazetteerError`` when the file
    cannot be read or a kept line has another count of columns (``advice`` says what to pass)."""
    try:
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip() or line.startswith("#") or (wanted is not None and not wanted(line)):
                    continue
                fields = line.rstrip("\n").split("\t")
                if len(fields) != len(COLUMNS):
                    raise GazetteerError(f"{path}:{number} has {len(fields)} columns, a GeoNames dump line has "
                                         f"{len(COLUMNS)}; {advice}")
                yield number, fields
    except OSError as exc:
        raise GazetteerError(f"cannot read the GeoNames file {path}: {exc.strerror}") from exc


def read_geonames_dump(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a GeoNames dump (allCountries.txt, cities500.txt, XX.txt), each by column name."""
    for _, fields in read_geonames_lines(path):
        yield dict(zip(COLUMNS, fields))
