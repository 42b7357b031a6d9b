"""`factfinder export` over a store: filters, --force, errors, an empty selection."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factfinder.cli import main
from factfinder.model import Actor, Count, DateRange, Document, Extraction, Incident, Place, Span, Story
from factfinder.store import Store

REPORTS = {
    "https://www.rfa.org/a": ("Soldiers arrested nearly a hundred residents of Pauktaw on November 17.",
                              "Pauktaw", 20.17, 92.90, "MM", "Rakhine", "arrest", "arrested", 100),
    "https://example.org/b": ("An air strike killed eight villagers in Kani township on November 12.",
                              "Kani", 22.4, 94.85, "MM", "Sagaing", "killing", "killed", 8),
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "f.db"
    with Store.open(path) as store:
        for url, (text, name, lat, lon, cc, adm1, kind, cat, value) in REPORTS.items():
            doc = Document(doc=hashlib.sha256(text.encode()).hexdigest(), text=text, published="2023-11-20",
                           url=url, stories=(Story(0, 0, len(text)),))
            at = text.index(name)
            inc = Incident(doc=doc.doc, type=kind, summary=text, evidence=(Span(0, len(text), text),), story=0,
                           date=DateRange("2023-11-17", "2023-11-17", "day"),
                           location=Place(Span(at, at + len(name), name), name, lat, lon, cc, adm1, precision="town"),
                           perpetrators=(Actor("Myanmar military", Span(0, 8, text[:8])),),
                           counts=(Count(cat, value, "approx", "people", Span(0, 8, text[:8])),))
            store.add_document(doc, None)
            store.add_extraction(Extraction(document=doc, incidents=(inc,)))
    return path


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_export_filters_by_type_and_writes_acled_rows(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "acled.csv"
    result = _run("export", "--db", str(db), "--format", "acled-csv", "-o", str(out), "--type", "killing")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open()))
    # a killing by an air strike is ACLED's remote violence, not a one-sided attack on the ground
    assert [(r["event_type"], r["sub_event_type"], r["location"], r["fatalities"]) for r in rows] == [
        ("Explosions/Remote violence", "Air/drone strike", "Kani", "8")]


def test_export_needs_force_for_an_existing_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    out.write_text("old")
    result = _run("export", "--db", str(db), "--format", "jsonl", "-o", str(out))
    assert result.exit_code == 2 and "--force" in result.output and out.read_text() == "old"
    result = _run("export", "--db", str(db), "--format", "jsonl", "-o", str(out), "--force")
    assert result.exit_code == 0 and len(out.read_text().splitlines()) == 2


def test_filter_matching_nothing_gives_an_empty_valid_geojson(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "none.geojson"
    result = _run("export", "--db", str(db), "--format", "geojson", "-o", str(out), "--country", "SD")
    assert result.exit_code == 0
    assert json.loads(out.read_text()) == {"type": "FeatureCollection", "features": []}


@pytest.mark.parametrize("args, message", [
    (["--format", "kml"], "known formats: acled-csv"),
    (["--format", "csv", "--since", "17/11/2023"], "YYYY-MM-DD"),
    (["--format", "csv", "--type", "riot"], "unknown incident type"),
    (["--format", "csv", "--country", "Myanmar"], "alpha-2"),
])
def test_bad_options_are_one_line_errors(db: Path, tmp_path: Path, args: list[str], message: str) -> None:
    result = _run("export", "--db", str(db), "-o", str(tmp_path / "o"), *args)
    assert result.exit_code == 2 and message in result.output
    assert "Traceback" not in result.output and not (tmp_path / "o").exists()


def test_missing_database_says_what_to_do(tmp_path: Path) -> None:
    result = _run("export", "--db", str(tmp_path / "nope.db"), "--format", "csv", "-o", str(tmp_path / "o.csv"))
    assert result.exit_code != 0 and "factfinder ingest" in result.output
