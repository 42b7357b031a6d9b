"""Validate the extraction gold set (tests/gold/extract/*.jsonl).

The gold set is what `factfinder eval` measures extraction against, so a span
that drifted from its text, a misspelt vocabulary value or a reversed date
range silently corrupts every figure we report. These tests check the format
of docs/gold-format.md against the output-contract vocabularies in
factfinder.model, the coverage floors of issue 4, and that each jsonl is
exactly what build_gold.py makes from its TOML sources.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pycountry
import pytest

from conftest import NEEDS_SHARED, SEEDS
from factfinder.model import (
    COUNT_CATEGORIES,
    DATE_PRECISIONS,
    INCIDENT_TYPES,
    PLACE_PRECISIONS,
    QUALIFIERS,
    SOURCE_KINDS,
    VERIFICATIONS,
)

EXTRACT_DIR = Path(__file__).resolve().parent / "extract"
# rglob: a sub-folder (as extract/unpinned/ once was) holds gold not yet pooled into the floors of the gate.
GOLD_FILES = sorted(EXTRACT_DIR.rglob("*.jsonl"))
NGO_PARAGRAPHS = EXTRACT_DIR / "ngo_paragraphs.jsonl"
DOC_KEYS = {"id", "seed", "text", "published", "incidents", "statistics"}
INCIDENT_KEYS = {
    "type", "evidence", "date", "location", "perpetrators", "targets",
    "counts", "attribution", "verification",
}
LOCATION_KEYS = {"name", "lat", "lon", "country", "admin1", "precision"}
STATISTIC_KEYS = {"category", "value", "qualifier", "as_of", "evidence"}
MIN_WRITTEN_REPORTS = 45
MIN_PER_TYPE = 2
MIN_NGO_PARAGRAPHS = 30


def _load_builder():
    """Import build_gold.py by path (tests/gold is not a package)."""
    name = "factfinder_build_extract_gold"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, EXTRACT_DIR / "build_gold.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def _read(path: Path) -> list[dict[str, Any]]:
    docs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"{path.name}:{number}: blank line"
        docs.append(json.loads(line))
    return docs


def _all_docs() -> list[tuple[str, dict[str, Any]]]:
    return [(f"{p.relative_to(EXTRACT_DIR)}:{d.get('id')}", d) for p in GOLD_FILES for d in _read(p)]


def _doc_text(doc: dict[str, Any]) -> str | None:
    """The document text, or None when it is a seed that is not beside the checkout."""
    if doc["seed"] is None:
        return doc["text"]
    path = SEEDS / doc["seed"]
    return path.read_text(encoding="utf-8") if path.is_file() else None


def _iso(value: str) -> dt.date:
    assert isinstance(value, str) and len(value) == 10, f"not YYYY-MM-DD: {value!r}"
    return dt.date.fromisoformat(value)


def _check_spans(where: str, spans: list[dict[str, Any]], text: str | None) -> None:
    assert spans, f"{where}: evidence is empty"
    for span in spans:
        assert set(span) == {"start", "end", "text"}, f"{where}: span keys {sorted(span)}"
        assert 0 <= span["start"] < span["end"], f"{where}: bad offsets {span['start']}..{span['end']}"
        assert span["text"].strip() == span["text"], f"{where}: span has outer whitespace"
        if text is not None:
            assert text[span["start"]:span["end"]] == span["text"], f"{where}: span text differs from document"


def _check_location(where: str, loc: dict[str, Any]) -> None:
    assert set(loc) == LOCATION_KEYS, f"{where}: location keys {sorted(loc)}"
    assert loc["precision"] in PLACE_PRECISIONS, f"{where}: precision {loc['precision']!r}"
    assert -90 <= loc["lat"] <= 90 and -180 <= loc["lon"] <= 180, f"{where}: coordinates out of range"
    assert pycountry.countries.get(alpha_2=loc["country"]) is not None, f"{where}: country {loc['country']!r}"
    assert loc["name"], f"{where}: location without a name"


def _check_incident(where: str, inc: dict[str, Any], text: str | None, published: str | None) -> None:
    assert set(inc) == INCIDENT_KEYS, f"{where}: incident keys {sorted(inc)}"
    assert inc["type"] in INCIDENT_TYPES, f"{where}: type {inc['type']!r}"
    _check_spans(where, inc["evidence"], text)
    if inc["date"] is not None:
        date = inc["date"]
        assert set(date) == {"start", "end", "precision"}, f"{where}: date keys"
        assert date["precision"] in DATE_PRECISIONS and date["precision"] != "unknown", f"{where}: date precision"
        assert _iso(date["start"]) <= _iso(date["end"]), f"{where}: date start after end"
        if date["precision"] == "day":
            assert (_iso(date["end"]) - _iso(date["start"])).days <= 6, f"{where}: a day range over a week"
        if published is not None:
            assert _iso(date["start"]) <= _iso(published), f"{where}: event after publication"
    if inc["location"] is not None:
        _check_location(where, inc["location"])
    for actor in inc["perpetrators"] + inc["targets"]:
        assert isinstance(actor, str) and actor.strip() == actor and actor, f"{where}: actor {actor!r}"
    for count in inc["counts"]:
        assert set(count) == {"category", "value", "qualifier"}, f"{where}: count keys"
        assert count["category"] in COUNT_CATEGORIES, f"{where}: count category {count['category']!r}"
        assert count["qualifier"] in QUALIFIERS, f"{where}: qualifier {count['qualifier']!r}"
        assert isinstance(count["value"], (int, float)) and count["value"] > 0, f"{where}: count value"
    for source in inc["attribution"]:
        assert set(source) == {"source", "kind"} and source["source"], f"{where}: attribution {source}"
        assert source["kind"] in SOURCE_KINDS, f"{where}: attribution kind {source['kind']!r}"
    assert inc["verification"] in VERIFICATIONS, f"{where}: verification {inc['verification']!r}"
    # corroborated/verified/rejected are set by consolidation or an analyst, never read from one text.
    assert inc["verification"] in {"reported", "unconfirmed", "alleged", "disputed"}, where


def _check_statistic(where: str, stat: dict[str, Any], text: str | None) -> None:
    assert set(stat) == STATISTIC_KEYS, f"{where}: statistic keys {sorted(stat)}"
    assert stat["category"] in COUNT_CATEGORIES, f"{where}: category {stat['category']!r}"
    assert stat["qualifier"] in QUALIFIERS, f"{where}: qualifier {stat['qualifier']!r}"
    assert stat["value"] > 0, f"{where}: value"
    if stat["as_of"] is not None:
        _iso(stat["as_of"])
    _check_spans(where, stat["evidence"], text)


def test_gold_files_exist():
    names = {p.name for p in GOLD_FILES}
    assert {"seeds.jsonl", "reports.jsonl"} <= names


@pytest.mark.parametrize("where,doc", _all_docs(), ids=lambda v: v if isinstance(v, str) else "")
def test_gold_document_is_well_formed(where: str, doc: dict[str, Any]):
    assert set(doc) == DOC_KEYS, f"{where}: document keys {sorted(doc)}"
    assert (doc["seed"] is None) != (doc["text"] is None), f"{where}: needs exactly one of seed and text"
    if doc["published"] is not None:
        _iso(doc["published"])
    text = _doc_text(doc)
    if doc["seed"] is not None and text is None:
        pytest.skip(NEEDS_SHARED)
    for n, inc in enumerate(doc["incidents"]):
        _check_incident(f"{where} incident {n}", inc, text, doc["published"])
    for n, stat in enumerate(doc["statistics"]):
        _check_statistic(f"{where} statistic {n}", stat, text)


def test_gold_document_ids_are_unique():
    ids = [doc["id"] for _, doc in _all_docs()]
    assert len(ids) == len(set(ids)), [i for i, c in Counter(ids).items() if c > 1]


def test_written_reports_cover_every_type_twice():
    docs = _read(EXTRACT_DIR / "reports.jsonl")
    assert len(docs) >= MIN_WRITTEN_REPORTS
    assert all(doc["seed"] is None for doc in docs)
    types = Counter(inc["type"] for doc in docs for inc in doc["incidents"])
    missing = {t: types[t] for t in INCIDENT_TYPES if types[t] < MIN_PER_TYPE}
    assert not missing, f"incident types annotated fewer than {MIN_PER_TYPE} times: {missing}"
    assert any(not doc["incidents"] and not doc["statistics"] for doc in docs), "no report without incidents"
    assert sum(len(doc["statistics"]) for doc in docs) >= 5


def test_written_reports_cover_every_vocabulary_value():
    docs = _read(EXTRACT_DIR / "reports.jsonl")
    incidents = [inc for doc in docs for inc in doc["incidents"]]
    kinds = {a["kind"] for inc in incidents for a in inc["attribution"]}
    assert {"media", "ngo", "un", "government", "armed_group", "witness", "official"} <= kinds
    assert {"reported", "unconfirmed", "alleged", "disputed"} <= {inc["verification"] for inc in incidents}
    assert {"day", "week", "month", "year"} <= {inc["date"]["precision"] for inc in incidents if inc["date"]}
    qualifiers = {c["qualifier"] for inc in incidents for c in inc["counts"]}
    assert {"exact", "approx", "at_least", "more_than"} <= qualifiers


def test_ngo_paragraphs_are_country_sections_with_annual_report_traps():
    """The annual-report set: a country heading over each paragraph, and the traps it was written for."""
    docs = _read(NGO_PARAGRAPHS)
    assert len(docs) >= MIN_NGO_PARAGRAPHS
    for doc in docs:
        heading = doc["text"].strip().splitlines()[0]
        assert heading.isupper() and len(heading.split()) <= 6, f"{doc['id']}: no country heading: {heading!r}"
        assert doc["incidents"], f"{doc['id']}: a paragraph without incidents"
        for inc in doc["incidents"]:
            assert heading not in {span["text"] for span in inc["evidence"]}, f"{doc['id']}: heading as evidence"
            # A UN committee or commission reports abuses: attribution, never their perpetrator; it is
            # the maker only of its own statement ("the Committee expressed concern").
            assert inc["type"] == "statement" or not any(
                p.startswith(("UN Committee", "UN Human Rights Committee", "UN Commission"))
                for p in inc["perpetrators"]), doc["id"]
    incidents = [inc for doc in docs for inc in doc["incidents"]]
    assert sum(1 for inc in incidents for c in inc["counts"] if c["category"] == "money") >= 10
    assert sum(1 for inc in incidents for a in inc["attribution"] if a["kind"] == "un") >= 5
    # Several events with their own dates in one paragraph, years apart (trials of earlier crimes).
    years = [{inc["date"]["start"][:4] for inc in doc["incidents"] if inc["date"]} for doc in docs]
    assert sum(1 for y in years if len(y) >= 2) >= 15


def test_gold_jsonl_is_built_from_its_sources():
    """Editing a jsonl by hand (or a TOML without rebuilding) is caught here."""
    builder = _load_builder()
    places = builder.load_places()
    for name, sources in builder.outputs().items():
        if name == "seeds.jsonl" and not SEEDS.is_dir():
            continue
        rebuilt = builder.build(sources, places, SEEDS)
        assert rebuilt == _read(EXTRACT_DIR / name), f"{name} is stale: run tests/gold/extract/build_gold.py"


def test_builder_widens_quotes_to_sentences_and_rejects_ambiguity():
    builder = _load_builder()
    text = "KABUL, Afghanistan (Jan. 10, 2011) - Forces detained two men. Mr. Ahmad said so. Forces left."
    span = builder.locate(text, "detained two", "t")
    assert span["text"] == "KABUL, Afghanistan (Jan. 10, 2011) - Forces detained two men."
    assert builder.locate(text, "Ahmad", "t")["text"] == "Mr. Ahmad said so."
    start = text.index("Forces left")
    assert builder.locate(text, "=Forces left", "t") == {"start": start, "end": start + 11, "text": "Forces left"}
    assert builder.locate(text, {"q": "Forces", "n": 2}, "t")["text"] == "Forces left."
    with pytest.raises(builder.GoldError, match="2 times"):
        builder.locate(text, "Forces", "t")
    with pytest.raises(builder.GoldError, match="not found"):
        builder.locate(text, "airstrike", "t")
