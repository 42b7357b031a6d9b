"""The harness end to end with an injected stand-in pipeline: gold files, devsets, CLI, floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factfinder.evaluate import check_floors, evaluate_devset, evaluate_file, evaluate_paths
from factfinder.evaluate.report import EvaluationError, Report
from factfinder.evaluate.metrics import Score
from factfinder.model import Count, DateRange, Extraction, Incident, Place, Span

FIXTURES = Path(__file__).parent / "fixtures"


class StandInPipeline:
    """Finds what a test tells it to, by phrase, so scores are known in advance."""

    def __init__(self, *, incidents=(), places=(), extract_ready=True, geo_ready=True):
        self.incidents, self.places = incidents, places
        self.extract_ready, self.geo_ready = extract_ready, geo_ready

    def extract(self, document):
        if not self.extract_ready:
            raise NotImplementedError("wired by the extraction work")
        found = []
        for phrase, type_, extra in self.incidents:
            start = document.text.find(phrase)
            if start >= 0:
                span = Span.of(document.text, start, start + len(phrase))
                found.append(Incident(doc=document.doc, type=type_, summary=span.text, evidence=(span,),
                                      **extra(document.text) if callable(extra) else extra))
        return Extraction(document=document, incidents=tuple(found))

    def geoparse(self, document):
        if not self.geo_ready:
            raise NotImplementedError("wired by the geo work")
        found = []
        for name, lat, lon in self.places:
            start = document.text.find(name)
            if start >= 0:
                found.append(Place(span=Span.of(document.text, start, start + len(name)), name=name, lat=lat, lon=lon))
        return Extraction(document=document, places=tuple(found))


def test_extraction_gold_file_is_scored():
    pipeline = StandInPipeline(incidents=[
        ("Soldiers detained twelve students in Kellan", "arrest",
         {"date": DateRange("2024-03-03", "2024-03-03", "day")}),
        ("militia fighters burned the market", "attack", {}),
    ])
    report = evaluate_file(FIXTURES / "extract_small.jsonl", pipeline=pipeline)
    assert report.kind == "extract" and report.documents == 1 and not report.notes
    s = report.scores
    assert (s["incident"].tp, s["incident"].predicted, s["incident"].gold) == (1, 2, 2)
    assert s["date"].f1 == 1.0
    assert s["location"].recall == 0.0  # the stand-in gives no location
    assert (s["statistics"].tp, s["statistics"].gold) == (0, 1)


def test_geo_gold_file_is_scored():
    pipeline = StandInPipeline(places=[("Kellan", 10.0, 20.0), ("Dorvan", 14.0, 20.5)])
    report = evaluate_file(FIXTURES / "geo_small.jsonl", pipeline=pipeline)
    assert report.kind == "geo"
    assert report.scores["mention_exact"].tp == 2 and report.scores["mention_exact"].gold == 3
    assert report.figures["acc@161km"] == pytest.approx(1 / 3, abs=1e-3)


def test_stage_not_implemented_leaves_a_note_not_a_crash():
    report = evaluate_file(FIXTURES / "extract_small.jsonl", pipeline=StandInPipeline(extract_ready=False))
    assert not report.scored and "not available yet" in report.notes[0]
    geo = evaluate_file(FIXTURES / "geo_small.jsonl", pipeline=StandInPipeline(geo_ready=False))
    assert not geo.scored and "geo stage" in geo.notes[0]


def test_folders_expand_and_unknown_records_are_refused(tmp_path):
    reports = evaluate_paths([FIXTURES], pipeline=StandInPipeline())
    assert {r.kind for r in reports} == {"extract", "geo", "devset:gwn", "devset:isaf"}
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "t"}\n', encoding="utf-8")
    with pytest.raises(EvaluationError, match="gold-format"):
        evaluate_file(bad, pipeline=StandInPipeline())
    with pytest.raises(EvaluationError, match="gold-format"):
        evaluate_paths([bad], pipeline=StandInPipeline())
    # found in a folder, another kind of gold is skipped with a note
    (skipped,) = evaluate_paths([tmp_path], pipeline=StandInPipeline())
    assert skipped.kind == "skipped" and not skipped.scored
    with pytest.raises(EvaluationError, match="does not exist"):
        evaluate_paths([tmp_path / "missing.jsonl"], pipeline=StandInPipeline())


def test_seed_gold_reads_the_seed_file(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "s.txt").write_text("Police detained six protesters in Almaty.", encoding="utf-8")
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "s", "seed": "s.txt", "text": None, "published": None, "incidents": [
        {"type": "arrest", "evidence": [{"start": 0, "end": 41, "text": "Police detained six protesters in Almaty."}]}
    ]}) + "\n", encoding="utf-8")
    pipeline = StandInPipeline(incidents=[("Police detained six", "arrest", {})])
    report = evaluate_file(gold, pipeline=pipeline, seeds_dir=seeds)
    assert report.scores["incident"].f1 == 1.0



def test_gold_whose_seed_is_absent_is_skipped_with_a_note_and_the_rest_scored(tmp_path):
    """A plain clone has no ../shared/seeds: its seed gold is skipped, the written gold still counts."""
    gold = tmp_path / "g.jsonl"
    sentence = "Police detained six protesters in Almaty."
    records = [
        {"id": "s", "seed": "s.txt", "text": None, "published": None, "incidents": [
            {"type": "arrest", "evidence": [{"start": 0, "end": 41, "text": sentence}]}]},
        {"id": "w", "seed": None, "text": sentence, "published": None, "incidents": [
            {"type": "arrest", "evidence": [{"start": 0, "end": 41, "text": sentence}]}]},
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    pipeline = StandInPipeline(incidents=[("Police detained six", "arrest", {})])
    report = evaluate_file(gold, pipeline=pipeline, seeds_dir=tmp_path / "nowhere")
    assert report.documents == 1 and report.scores["incident"].f1 == 1.0
    assert any("1 gold documents skipped" in n and "s.txt" in n for n in report.notes)


def test_geo_devset_filters_non_toponyms_and_broken_offsets():
    pipeline = StandInPipeline(places=[("Kellan", 10.0, 20.0), ("Eastlanders", 11.0, 21.0)])
    report = evaluate_devset(FIXTURES / "geo_devset_like.jsonl", pipeline=pipeline)
    assert report.kind == "devset:gwn"
    assert report.scores["mention_exact"].gold == 2  # the demonym and the broken span are left out
    assert report.scores["mention_exact"].tp == 1 and report.scores["mention_exact"].predicted == 2
    assert report.figures["acc@161km"] == 0.5
    assert any("1 gold spans skipped" in n for n in report.notes)


def test_casualty_devset_sums_counts_and_checks_primary_date_and_admin1():
    def first(text):
        start = text.index("killed two")
        return {"counts": (Count("killed", 2, "exact", "people", Span.of(text, start, start + 10)),
                           Count("detained", 3, "exact", "people", Span.of(text, start, start + 10))),
                "date": DateRange("2024-03-04", "2024-03-04", "day"),
                "location": Place(span=Span.of(text, start, start + 6), admin1="Kellan Province")}

    def second(text):
        start = text.index("detained several")
        return {"counts": (Count("detained", 3, "approx", "people", Span.of(text, start, start + 16)),),
                "date": DateRange("2024-03-01", "2024-03-07", "week")}

    pipeline = StandInPipeline(incidents=[("A security force killed two", "killing", first),
                                          ("A patrol detained several", "arrest", second)])
    report = evaluate_devset(FIXTURES / "casualty_devset_like.jsonl", pipeline=pipeline)
    f = report.figures
    assert report.kind == "devset:isaf" and report.documents == 2
    assert f["killed_sum_accuracy"] == 1.0 and f["captured_sum_accuracy"] == 1.0
    assert f["primary_date_accuracy"] == 0.5  # a week-precision date is not a day
    assert f["primary_admin1_accuracy"] == 0.5  # "Kellan Province" == "kellan"; no location in the second


def test_floors_fail_below_and_report_unchecked():
    reports = [Report(kind="extract", source="x", scores={"incident": Score(1, 2, 2)}),
               Report(kind="geo", source="y", figures={"acc@161km": 0.7})]
    failures, unchecked = check_floors(reports, {"extract": {"incident": 0.6, "date": 0.1},
                                                 "geo": {"acc@161km": 0.5}})
    assert failures == ["extract.incident: 0.500 < floor 0.600"]
    assert unchecked == ["extract.date"]


def test_cli_prints_tables_and_json(monkeypatch):
    import factfinder.pipeline
    from factfinder.cli import main

    monkeypatch.setattr(factfinder.pipeline, "Pipeline",
                        lambda **_: StandInPipeline(places=[("Kellan", 10.0, 20.0)]))
    runner = CliRunner()
    table = runner.invoke(main, ["eval", str(FIXTURES / "geo_small.jsonl")])
    assert table.exit_code == 0, table.output
    assert "mention_exact" in table.output and "acc@161km" in table.output
    as_json = runner.invoke(main, ["eval", "--json", str(FIXTURES / "geo_small.jsonl")])
    record = json.loads(as_json.output.splitlines()[0])
    assert record["kind"] == "geo" and record["scores"]["mention_exact"]["tp"] == 1


def test_cli_says_what_to_do_when_nothing_can_be_scored(monkeypatch):
    import factfinder.pipeline
    from factfinder.cli import main

    monkeypatch.setattr(factfinder.pipeline, "Pipeline", lambda **_: StandInPipeline(extract_ready=False))
    result = CliRunner().invoke(main, ["eval", str(FIXTURES / "extract_small.jsonl")])
    assert result.exit_code == 2 and "nothing could be scored" in result.output
    assert "Traceback" not in result.output
    usage = CliRunner().invoke(main, ["eval"])
    assert usage.exit_code == 2 and "--devset" in usage.output


def test_every_eval_option_is_documented():
    from factfinder.cli import main

    docs = (Path(__file__).resolve().parents[2] / "docs" / "eval.md").read_text(encoding="utf-8")
    command = main.get_command(None, "eval")
    options = [opt for p in command.params for opt in getattr(p, "opts", []) if opt.startswith("--")]
    missing = [opt for opt in options if f"`{opt}" not in docs and f" {opt} " not in docs]
    assert not missing, f"options missing from docs/eval.md: {missing}"


def test_batched_pipelines_are_called_once_per_file():
    class Batched(StandInPipeline):
        calls = 0

        def extract_many(self, documents):
            Batched.calls += 1
            return (self.extract(d) for d in documents)

    pipeline = Batched(incidents=[("A security force killed two", "killing", {})])
    report = evaluate_devset(FIXTURES / "casualty_devset_like.jsonl", pipeline=pipeline)
    assert Batched.calls == 1 and report.documents == 2
    assert report.figures["killed_sum_accuracy"] == 0.5  # no counts: right only where gold is 0
