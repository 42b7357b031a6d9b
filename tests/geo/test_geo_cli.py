"""`factfinder geoparse` prints the output contract; a bad --jsonl line is an error record, not a stop."""

from __future__ import annotations

import json

from click.testing import CliRunner

from factfinder.cli import main


def test_geoparse_jsonl_prints_documents_places_and_error_records(nlp) -> None:
    lines = "\n".join([
        json.dumps({"id": "a", "text": "Police in Almaty, Kazakhstan detained six protesters.", "published": None}),
        "{not json",
        json.dumps({"id": "b", "text": "Shelling hit Pauktaw in Rakhine State.", "published": "2023-11-17"}),
    ])
    result = CliRunner().invoke(main, ["geoparse", "--jsonl", "-"], input=lines + "\n")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["record"] for r in records if r["record"] != "place"] == ["document", "error", "document"]
    error = next(r for r in records if r["record"] == "error")
    assert error["line"] == 2
    places = {r["text"]: r for r in records if r["record"] == "place"}
    assert places["Almaty"]["id"] == "a" and places["Almaty"]["country"] == "KZ"
    assert places["Pauktaw"]["id"] == "b" and places["Pauktaw"]["admin1"] == "Rakhine"
    assert places["Pauktaw"]["precision"] == "town"
    texts = {r["id"]: r["text"] for r in records if r["record"] == "document"}
    for place in places.values():
        assert texts[place["id"]][place["start"]:place["end"]] == place["text"]


def test_geo_reverse_rejects_out_of_range_coordinates() -> None:
    result = CliRunner().invoke(main, ["geo", "reverse", "--", "95", "10"])
    assert result.exit_code == 2
    assert "out of range" in result.output


def test_geoparsing_english_through_the_pipeline_never_loads_spacy() -> None:
    """The geoparse reads names by their shape: the pipeline's spaCy model stays unloaded."""
    from factfinder import Pipeline
    from factfinder.model import Document

    pipeline = Pipeline(nlp=object())  # a stand-in that fails if anything runs it as a spaCy model
    text = "Soldiers shelled Pauktaw in Rakhine State, and police in Almaty, Kazakhstan detained six people."
    (geoparsed,) = pipeline.geoparse_many([Document(doc="e" * 64, text=text, language="en")])
    places = {p.span.text: (p.name, p.country) for p in geoparsed.places}
    assert places["Pauktaw"] == ("Pauktaw", "MM") and places["Almaty"] == ("Almaty", "KZ")
    assert pipeline.geoparser.nlp is None and pipeline.geoparser.ner is False
