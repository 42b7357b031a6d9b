"""Every export format, read back by a real consumer of that format."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest

from factfinder.errors import UsageError
from factfinder.export import export_incidents, exporter_class, write_incidents
from factfinder.export.acled import COLUMNS as ACLED_COLUMNS
from factfinder.model import (
    Actor, Attribution, ConsolidatedIncident, Count, DateRange, Incident, Place, Report, Source, Span,
)

HERE = Path(__file__).parent
TEXT = ("Military council troops arrested nearly a hundred residents of Pauktaw on November 17, "
        "a resident told RFA. Ko Aung, a teacher, was among those held.")


def _incident(kind: str = "arrest", *, located: bool = True, doc: str = "a" * 64) -> ConsolidatedIncident:
    sent = Span(0, 107, TEXT[:107])
    place = Place(span=Span(62, 69, "Pauktaw"), name="Pauktaw", lat=20.17, lon=92.9, country="MM",
                  admin1="Rakhine", precision="town") if located else None
    inc = Incident(doc=doc, type=kind, summary=TEXT, evidence=(sent, Span(109, len(TEXT), TEXT[109:])),
                   date=DateRange("2023-11-17", "2023-11-17", "day"), location=place,
                   perpetrators=(Actor("Myanmar military", Span(0, 23, TEXT[:23])),),
                   targets=(Actor("residents", Span(51, 60, "residents")),),
                   counts=(Count("arrested", 100, "approx", "people", Span(33, 48, "nearly a hundred")),),
                   attribution=(Attribution("anonymous resident", "witness", Span(89, 106, TEXT[89:106])),))
    report = Report(key=f"{doc}:0", incident=inc, outlet="rfa.org", published="2023-11-20")
    return ConsolidatedIncident(id=f"inc-{kind}-{located}", type=kind, reports=(report,), date=inc.date,
                                location=place, perpetrators=("Myanmar military",), targets=("residents",),
                                counts=inc.counts, verification="reported", independent_sources=1)


def test_geojson_is_a_valid_rfc7946_feature_collection() -> None:
    import geojson
    import jsonschema

    out = io.StringIO()
    exporter = write_incidents([_incident(), _incident("killing", located=False)], out, format="geojson")
    data = json.loads(out.getvalue())
    jsonschema.validate(data, json.loads((HERE / "geojson_rfc7946.schema.json").read_text()))
    assert geojson.loads(out.getvalue()).is_valid
    (feature,) = data["features"]
    assert feature["geometry"]["coordinates"] == [92.9, 20.17]  # lon, lat
    assert exporter.skipped == 1


def test_empty_selection_gives_valid_empty_files(tmp_path: Path) -> None:
    for fmt in ("geojson", "csv", "acled-csv", "jsonl"):
        path = tmp_path / f"empty.{fmt}"
        export_incidents([], path, format=fmt)
        text = path.read_text()
        if fmt == "geojson":
            assert json.loads(text) == {"type": "FeatureCollection", "features": []}
        elif fmt == "jsonl":
            assert text == ""
        else:
            assert len(list(csv.reader(io.StringIO(text)))) == 1  # header only


def test_acled_csv_has_acleds_columns_and_mapping() -> None:
    out = io.StringIO()
    write_incidents([_incident(), _incident("surveillance")], out, format="acled-csv")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == ACLED_COLUMNS
    arrest, surveillance = rows
    assert (arrest["event_type"], arrest["sub_event_type"]) == ("Strategic developments", "Arrests")
    assert arrest["event_id_cnty"] == "MMR1" and arrest["iso"] == "104" and arrest["country"] == "Myanmar"
    assert arrest["time_precision"] == "1" and arrest["geo_precision"] == "1"
    assert arrest["actor1"] == "Myanmar military" and arrest["source"] == "rfa.org"
    assert arrest["fatalities"] == "0"
    assert "non-acled-type:surveillance" in surveillance["tags"]


def test_ftm_entities_load_back_in_followthemoney() -> None:
    model = pytest.importorskip("followthemoney").model
    out = io.StringIO()
    write_incidents([_incident(), _incident("killing")], out, format="ftm")
    proxies = [model.get_proxy(json.loads(line)) for line in out.getvalue().splitlines()]
    schemata = [p.schema.name for p in proxies]
    assert schemata.count("Event") == 2
    assert schemata.count("Organization") == 1 and schemata.count("Document") == 1  # emitted once
    event = next(p for p in proxies if p.schema.name == "Event")
    org = next(p for p in proxies if p.schema.name == "Organization")
    assert event.get("organizer") == [org.id]
    assert event.get("startDate") == ["2023-11-17"]


def test_warc_export_reads_back_with_warcio_and_digests_match(tmp_path: Path) -> None:
    from warcio.archiveiterator import ArchiveIterator

    data = TEXT.encode()
    sha = hashlib.sha256(data).hexdigest()
    source = Source(sha256=sha, size=len(data), media_type="text/plain", origin=str(tmp_path / "r.txt"),
                    captured_at="2023-11-20T10:00:00Z")
    path = tmp_path / "out.warc.gz"
    export_incidents([_incident(doc=sha), _incident("killing", doc=sha)], path, format="warc",
                     sources=lambda s: (source, data) if s == sha else None)
    records = []  # (type, headers, body): a record's body is readable only while iterating
    with path.open("rb") as fh:
        for rec in ArchiveIterator(fh, check_digests="raise"):
            records.append((rec.rec_type, rec.rec_headers, rec.content_stream().read()))
    resources = [r for r in records if r[0] == "resource"]
    assert len(resources) == 1  # one original, however many incidents cite it
    _, headers, body = resources[0]
    assert hashlib.sha256(body).hexdigest() == sha == headers.get_header("X-Factfinder-SHA256")
    assert headers.get_header("WARC-Payload-Digest").startswith("sha256:")
    assert headers.get_header("WARC-Target-URI").startswith("file://")
    meta = [json.loads(body) for kind, _, body in records if kind == "metadata"]
    assert meta == [{"sha256": sha, "incidents": ["inc-arrest-True", "inc-killing-True"]}]


def test_existing_path_needs_force(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text("keep me")
    with pytest.raises(UsageError, match="--force"):
        export_incidents([_incident()], path, format="jsonl")
    assert path.read_text() == "keep me"
    export_incidents([_incident()], path, format="jsonl", force=True)
    assert json.loads(path.read_text())["id"] == "inc-arrest-True"


def test_unknown_format_lists_the_known_ones() -> None:
    with pytest.raises(UsageError, match="acled-csv, csv, ftm, geojson, jsonl, warc"):
        exporter_class("shapefile")


def test_interrupted_export_leaves_no_file_under_the_final_name(tmp_path: Path) -> None:
    def incidents():
        yield _incident()
        raise KeyboardInterrupt

    path = tmp_path / "out.csv"
    with pytest.raises(KeyboardInterrupt):
        export_incidents(incidents(), path, format="csv")
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []  # the partial file is gone too


def test_jsonl_keeps_sources_evidence_and_provenance() -> None:
    out = io.StringIO()
    write_incidents([_incident()], out, format="jsonl")
    record = json.loads(out.getvalue())
    assert record["reports"][0]["outlet"] == "rfa.org"
    assert record["reports"][0]["evidence"][0]["text"] == TEXT[:107]
    assert record["counts"] == [{"category": "arrested", "value": 100, "qualifier": "approx", "unit": "people",
                                 "text": "nearly a hundred"}]
