"""GeoNames' own points for admin1 units and countries (``factfinder geo build --points``, issue 12).

The sample file has the 19 tab-separated columns of a GeoNames dump; its rows were written for
these tests and their points are made up (the tests check that the file's point is the one taken).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from factfinder.cli import main
from factfinder.errors import GazetteerError
from factfinder.geo import Gazetteer, Geoparser
from factfinder.geo.build import _SCHEMA, with_feature_points
from factfinder.geo.feature_points import FeaturePoint, apply_feature_points, read_feature_points
from factfinder.geo.geonames_dump import build_from_geonames
from factfinder.model import Document

FIXTURES = Path(__file__).parent / "fixtures"
POINTS = FIXTURES / "geonames_points_sample.txt"


def test_admin1_and_country_rows_are_read_and_the_rest_left_out() -> None:
    points = read_feature_points(POINTS)
    assert points.admin1 == {("MM", "01"): FeaturePoint(19.5, 94.0, 9100001),
                             ("AF", "36"): FeaturePoint(33.5, 69.5, 9100007)}  # no ADM1H, no "00", no towns
    # The independent state's row, though a dependency's row of the same code comes first.
    assert points.countries == {"MM": FeaturePoint(21.0, 96.0, 9100005), "AF": FeaturePoint(33.0, 66.0, 9100008)}


def test_a_file_that_is_not_a_geonames_dump_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "adm1.txt"
    bad.write_text("9100001\tRakhine State\t19.5\t94.0\tA\tADM1\tMM\t01\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"adm1.txt:1 has 8 columns"):
        read_feature_points(bad)
    with pytest.raises(GazetteerError, match="cannot read"):
        read_feature_points(tmp_path / "missing.txt")


def _small_build() -> sqlite3.Connection:
    """A gazetteer being built (``build._SCHEMA``, sources still text) with two units and two countries."""
    conn = sqlite3.connect(":memory:")
    conn.executescript(_SCHEMA)
    rows = [("Rakhine", "admin1", "MM", "01", 19.8, 93.9), ("Magway", "admin1", "MM", "03", 20.5, 94.8),
            ("Myanmar", "country", "MM", None, 22.0, 98.0), ("Sittwe", "city", "MM", "01", 20.15, 92.9),
            ("Peru", "country", "PE", None, -10.0, -76.0)]
    conn.executemany("INSERT INTO place (name, kind, country, admin1_code, lat, lon, source) "
                     "VALUES (?, ?, ?, ?, ?, ?, 'packaged')", rows)
    return conn


def test_the_packaged_build_takes_the_feature_points_of_the_units_and_countries_the_file_has() -> None:
    conn = _small_build()
    moved = apply_feature_points(conn, read_feature_points(POINTS), "GeoNames sample")
    assert moved == (1, 1)  # Rakhine and Myanmar; Paktia and Afghanistan are not in this build
    places = {name: (lat, lon, gid, source) for name, lat, lon, gid, source
              in conn.execute("SELECT name, lat, lon, geonameid, source FROM place")}
    assert places["Rakhine"] == (19.5, 94.0, 9100001, "GeoNames sample")
    assert places["Myanmar"] == (21.0, 96.0, 9100005, "GeoNames sample")
    assert places["Magway"][:2] == (20.5, 94.8) and places["Sittwe"][:2] == (20.15, 92.9)  # not in the file / a town
    assert places["Peru"] == (-10.0, -76.0, None, "packaged")


def test_the_build_says_how_many_points_it_took() -> None:
    assert with_feature_points(_small_build(), POINTS) == (
        "; GeoNames points of 1 admin1 units and 1 countries (geonames_points_sample.txt)")


def test_a_dump_build_places_units_and_countries_at_their_features(tmp_path: Path, nlp: object) -> None:
    path = tmp_path / "dump.sqlite"
    build_from_geonames(path, POINTS, FIXTURES / "admin1CodesASCII_sample.txt")
    gazetteer = Gazetteer.open(path)
    [myanmar] = [c for c in gazetteer.lookup("Myanmar") if c.kind == "country"]
    assert (myanmar.lat, myanmar.lon) == (21.0, 96.0)
    text = "Myanmar: villages burned\n\nSoldiers burned two villages near Sittwe in Rakhine State on Friday."
    places = {p.span.text: p for p in Geoparser(gazetteer, nlp).parse(Document(doc="t", text=text))}
    assert (places["Rakhine State"].lat, places["Rakhine State"].lon) == (19.5, 94.0)
    assert places["Rakhine State"].precision == "admin1" and places["Sittwe"].admin1 == "Rakhine"


def test_points_go_with_the_packaged_build_only(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["geo", "build", "--output", str(tmp_path / "g.sqlite"), "--geonames",
                                       str(POINTS), "--admin1", str(FIXTURES / "admin1CodesASCII_sample.txt"),
                                       "--points", str(POINTS)])
    assert result.exit_code != 0 and "--points is for the packaged build" in result.output


def test_the_line_filter_runs_before_the_column_check(tmp_path: Path) -> None:
    """One dump reader serves both builds: a line the filter drops is never split, so a short
    town row in a file of feature rows does not stop the feature points from being read."""
    from factfinder.geo.geonames_file import read_geonames_lines

    mixed = tmp_path / "mixed.txt"
    mixed.write_text("9100020\tOrvak\t41.1\t20.2\tP\tPPL\n"
                     "9100021\tNorth Vale\tNorth Vale\t\t41.5\t20.5\tA\tADM1\tMK\t\t07\t\t\t\t0\t\t\t\t2020-01-01\n",
                     encoding="utf-8")
    assert [number for number, _ in read_geonames_lines(mixed, wanted=lambda line: "\tADM1\t" in line)] == [2]
    assert read_feature_points(mixed).admin1 == {("MK", "07"): FeaturePoint(41.5, 20.5, 9100021)}
    with pytest.raises(GazetteerError, match=r"mixed.txt:1 has 6 columns"):
        list(read_geonames_lines(mixed))
