"""Every export says in which language its sources told each incident (the story's, else the document's)."""

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

# (text, document language, story language, place, lat, lon, admin1, type, count category)
REPORTS = {
    "https://www.rfa.org/a": ("Soldiers arrested nearly a hundred residents of Pauktaw on November 17.",
                              "en", None, "Pauktaw", 20.17, 92.90, "Rakhine", "arrest", "arrested"),
    # a Burmese post whose only story factfinder reads is its English summary
    "https://example.org/b": ("An air strike killed eight villagers in Kani township on November 12.",
                              "my", "en", "Kani", 22.4, 94.85, "Sagaing", "killing", "killed"),
    # stored as a French report (an extraction that read French would give it)
    "https://example.org/c": ("Des soldats ont incendié quarante maisons à Hpakant le 3 novembre.",
                              "fr", None, "Hpakant", 25.61, 96.31, "Kachin", "property_destruction", "other"),
}
WANT = {"Pauktaw": "en", "Kani": "en", "Hpakant": "fr"}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "f.db"
    with Store.open(path) as store:
        for url, (text, doc_lang, story_lang, name, lat, lon, adm1, kind, cat) in REPORTS.items():
            doc = Document(doc=hashlib.sha256(text.encode()).hexdigest(), text=text, published="2023-11-20",
                           url=url, language=doc_lang, stories=(Story(0, 0, len(text), language=story_lang),))
            at = text.index(name)
            inc = Incident(doc=doc.doc, type=kind, summary=text, evidence=(Span(0, len(text), text),), story=0,
                           date=DateRange("2023-11-17", "2023-11-17", "day"),
                           location=Place(Span(at, at + len(name), name), name, lat, lon, "MM", adm1,
                                          precision="town"),
                           perpetrators=(Actor("Myanmar military", Span(0, 8, text[:8])),),
                           counts=(Count(cat, 8, "exact", "people", Span(0, 8, text[:8])),))
            store.add_document(doc, None)
            store.add_extraction(Extraction(document=doc, incidents=(inc,)))
    return path


def _export(db: Path, tmp_path: Path, fmt: str) -> Path:
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_jsonl_gives_each_report_its_language_and_the_event_its_languages(db: Path, tmp_path: Path) -> None:
    rows = [json.loads(line) for line in _export(db, tmp_path, "jsonl").read_text().splitlines()]
    assert {r["location"]["name"]: [p["language"] for p in r["reports"]] for r in rows} == {
        place: [lang] for place, lang in WANT.items()}
    assert {r["location"]["name"]: r["languages"] for r in rows} == {p: [lang] for p, lang in WANT.items()}


def test_csv_geojson_and_acled_carry_the_languages(db: Path, tmp_path: Path) -> None:
    rows = list(csv.DictReader(_export(db, tmp_path, "csv").open(encoding="utf-8")))
    assert {r["place"]: r["languages"] for r in rows} == WANT
    features = json.loads(_export(db, tmp_path, "geojson").read_text())["features"]
    assert {f["properties"]["place"]: f["properties"]["languages"] for f in features} == {
        p: [lang] for p, lang in WANT.items()}
    acled = list(csv.DictReader(_export(db, tmp_path, "acled-csv").open(encoding="utf-8")))
    assert {r["location"]: [t for t in r["tags"].split("; ") if t.startswith("source-language:")]
            for r in acled} == {p: [f"source-language:{lang}"] for p, lang in WANT.items()}


def test_ftm_source_documents_carry_their_language(db: Path, tmp_path: Path) -> None:
    entities = [json.loads(line) for line in _export(db, tmp_path, "ftm").read_text().splitlines()]
    languages = sorted(tuple(e["properties"].get("language", [])) for e in entities if e["schema"] == "Document")
    assert languages == [("eng",), ("eng",), ("fra",)]  # FtM's ISO 639-3 codes


def test_the_html_report_marks_each_quotation_with_its_language(db: Path) -> None:
    from factfinder.consolidate.stored import update_events
    from factfinder.report.build import ReportOptions, build_report

    with Store.open(db) as store:
        update_events(store)
        html = build_report(store, ReportOptions(date_from="2023-11-01", date_to="2023-11-30"))
    assert '<th>language</th>' in html
    assert '<td lang="fr">Des soldats ont incendié' in html
    assert '<td lang="en">An air strike killed eight' in html
