"""The pipeline as the one driver: declared components, their order, swapping one by configuration."""

from __future__ import annotations

import re
from pathlib import Path
from collections.abc import Iterable, Iterator
from dataclasses import replace

import pytest

from factfinder.components import GEOPARSE, RULES
from factfinder.errors import UsageError
from factfinder.model import Document, Extraction, Incident, Place, Span, Statistic
from factfinder.ingest import ingest_inputs
from factfinder.pipeline import Pipeline
from factfinder.registry import Registry, Resources, Step, registry

ARREST = ("Students detained after campus march\n\n"
          "Soldiers arrested 12 students in Mandalay on 3 March 2024, their families said. "
          "The students were taken to a police station.\n")


def _trigger_incidents(document: Document, word: str, kind: str) -> tuple[Incident, ...]:
    """Stand-in extraction: one incident per sentence holding ``word``, as a learned model would give."""
    out = []
    for sentence in re.finditer(r"[^.\n]+\.", document.text):
        hit = document.text.find(word, sentence.start(), sentence.end())
        if hit >= 0:
            evidence = Span.of(document.text, sentence.start(), sentence.end())
            out.append(Incident(doc=document.doc, type=kind, summary=evidence.text, evidence=(evidence,),
                                trigger=Span.of(document.text, hit, hit + len(word)), id=document.id))
    return tuple(out)


@registry.component("tests.incidents.keyword.v1", stage="extract", reads=("document",),
                    assigns=("incidents", "incidents.evidence", "incidents.trigger", "statistics",
                             "statistics.evidence", "entities"), languages=("en",))
def _keyword_incidents(resources: Resources) -> Step:
    def step(extractions: Iterable[Extraction]) -> Iterator[Extraction]:
        for e in extractions:
            yield replace(e, incidents=_trigger_incidents(e.document, "arrested", "arrest"), entities=())
    return step


def test_the_rule_components_have_versioned_names_and_declared_contracts() -> None:
    components = [registry.get(name) for name in RULES]
    assert [c.stage for c in components] == ["extract", "dates", "geo", "geo", "merge", "confidence"]
    for component in components:
        assert re.fullmatch(r"factfinder(\.[a-z_]+)+\.v\d+", component.name)
        assert component.reads and component.assigns
    assert registry.get(GEOPARSE[0]).assigns == ("places",)
    assert "factfinder.incidents.rules.v1" in registry.names("extract")


def test_a_component_that_reads_what_nothing_before_it_assigns_is_refused() -> None:
    with pytest.raises(UsageError, match="factfinder.geo.locate.v1 reads places"):
        Pipeline(components=["factfinder.geo.locate.v1"])
    with pytest.raises(UsageError, match="merge.rules.v1 reads incidents.date, incidents.location"):
        Pipeline(components=["factfinder.incidents.rules.v1", "factfinder.merge.rules.v1"])
    # the order DESIGN.md draws: dates and places before the merge that needs them
    with pytest.raises(UsageError, match="incidents.location"):
        Pipeline(components=["factfinder.incidents.rules.v1", "factfinder.dates.rules.v1",
                             "factfinder.merge.rules.v1", "factfinder.geo.resolve.v1", "factfinder.geo.locate.v1"])


def test_an_unknown_component_name_says_which_names_exist() -> None:
    with pytest.raises(UsageError, match="factfinder.incidents.rules.v1"):
        Pipeline(components=["factfinder.incidents.rules.v9"])
    with pytest.raises(UsageError, match="no pipeline component"):
        Pipeline(settings={"components": ["nowhere.v1"]})


def test_a_name_is_registered_once() -> None:
    own = Registry()
    own.component("x.v1", stage="extract", reads=("document",), assigns=("incidents",))(_keyword_incidents)
    with pytest.raises(ValueError, match="registered twice"):
        own.component("x.v1", stage="extract", reads=("document",), assigns=("incidents",))(lambda r: r)


def test_a_replacement_extract_component_runs_through_the_same_dates_geo_and_merge(nlp) -> None:
    """The later stages read only what extraction assigns: a different extractor needs no change in them."""
    names = ["tests.incidents.keyword.v1", *RULES[1:]]
    pipeline = Pipeline(components=names, nlp=nlp)
    extraction = pipeline.extract(Document(doc="d1", text=ARREST, published="2024-03-05"))
    (incident,) = extraction.incidents
    assert incident.type == "arrest" and incident.summary.startswith("Soldiers arrested 12 students")
    assert incident.date is not None and (incident.date.start, incident.date.precision) == ("2024-03-03", "day")
    assert incident.date_span is not None and incident.date_span.text == "3 March 2024"
    assert incident.location is not None and incident.location.country == "MM"
    assert incident.location.name == "Mandalay"


def test_a_document_in_a_language_a_component_cannot_read_passes_around_it_in_order() -> None:
    seen: list[str] = []

    @registry.component("tests.count.v1", stage="extract", reads=("document",), assigns=("incidents",),
                        languages=("en",))
    def counting(resources: Resources) -> Step:
        def step(extractions: Iterable[Extraction]) -> Iterator[Extraction]:
            batch = list(extractions)  # a component may read ahead (spaCy batches)
            seen.extend(e.document.doc for e in batch)
            yield from (replace(e, incidents=_trigger_incidents(e.document, "arrested", "arrest")) for e in batch)
        return step

    documents = [Document(doc="a", text=ARREST), Document(doc="b", text=ARREST, language="fr"),
                 Document(doc="c", text=ARREST, language=None), Document(doc="d", text="Nothing.", language="de")]
    out = list(Pipeline(components=["tests.count.v1"]).run(documents))
    assert [e.document.doc for e in out] == ["a", "b", "c", "d"]
    assert seen == ["a", "c"]
    assert [len(e.incidents) for e in out] == [1, 0, 1, 0]
    assert "language 'fr' is not supported yet" in out[1].document.notes[-1]


def test_a_component_that_loses_a_document_is_a_named_error_not_a_stray_tuple() -> None:
    @registry.component("tests.lossy.v1", stage="extract", reads=("document",), assigns=("incidents",))
    def lossy(resources: Resources) -> Step:
        def step(extractions: Iterable[Extraction]) -> Iterator[Extraction]:
            yield from list(extractions)[1:]  # drops the first document
        return step

    documents = [Document(doc="a", text=ARREST), Document(doc="b", text=ARREST)]
    with pytest.raises(RuntimeError, match="fewer extractions than documents"):
        list(Pipeline(components=["tests.lossy.v1"]).run(documents))


def test_the_locate_component_places_tallies_on_the_first_resolved_place_of_their_sentence() -> None:
    text = "Since January, 300 people have been detained in Sittwe, the group said. Yangon was calm."
    sentence = Span.of(text, 0, text.index(".") + 1)
    statistic = Statistic(doc="d", measure="people detained", category="detained", value=300, qualifier="exact",
                          unit="people", evidence=(sentence,))
    sittwe = Place(span=Span.of(text, text.index("Sittwe"), text.index("Sittwe") + 6), name="Sittwe",
                   lat=20.15, lon=92.9, country="MM", precision="town")
    yangon = Place(span=Span.of(text, text.index("Yangon"), text.index("Yangon") + 6), name="Yangon",
                   lat=16.8, lon=96.2, country="MM", precision="town")
    step = registry.get("factfinder.geo.locate.v1").factory(Pipeline())
    (out,) = step([Extraction(document=Document(doc="d", text=text), statistics=(statistic,),
                              places=(yangon, sittwe))])
    assert out.statistics[0].place == sittwe


def test_ingest_does_not_switch_extraction_off_when_a_stage_is_missing(tmp_path) -> None:
    """A pipeline that cannot extract is an error the user sees, not a run without incidents."""
    from factfinder.settings import load_settings
    from factfinder.store import Store

    class Unfinished:
        def extract(self, document: Document) -> Extraction:
            raise NotImplementedError("extraction is not wired")

    report = tmp_path / "report.txt"
    report.write_text(ARREST, encoding="utf-8")
    with Store.open(tmp_path / "ff.db") as store:
        with pytest.raises(NotImplementedError):
            ingest_inputs([str(report)], store=store, settings=load_settings(db=str(tmp_path / "ff.db")),
                          pipeline=Unfinished())  # type: ignore[arg-type]


def test_a_jsonl_batch_runs_the_components_it_is_given() -> None:
    import json

    from factfinder.batch import extract_jsonl

    lines = [json.dumps({"id": "a", "text": ARREST, "published": "2024-03-05"}),
             json.dumps({"id": "b", "text": "Officials opened a new bridge over the river.", "published": None})]
    records = list(extract_jsonl(lines, workers=1, components=["tests.count-only.v1"]))
    assert [(r["record"], r["id"]) for r in records] == [("document", "a"), ("incident", "a"), ("document", "b")]
    assert records[1]["type"] == "arrest" and records[1]["date"] is None  # no dates component was named


@registry.component("tests.count-only.v1", stage="extract", reads=("document",), assigns=("incidents",))
def _count_only(resources: Resources) -> Step:
    def step(extractions: Iterable[Extraction]) -> Iterator[Extraction]:
        for e in extractions:
            yield replace(e, incidents=_trigger_incidents(e.document, "arrested", "arrest"))
    return step


def test_extraction_finds_no_dates_or_places_itself(nlp) -> None:
    """Dates and places are later stages: the Extractor hands over trigger words and named entities."""
    from factfinder.extract.extractor import Extractor

    extraction = Extractor.load(nlp=nlp).extract(Document(doc="d", text=ARREST, published="2024-03-05"))
    triggers = [i.trigger for i in extraction.incidents if i.type == "arrest"]
    assert {"detained", "arrested"} <= {t.text for t in triggers if t is not None}  # headline and lead
    assert all(t is not None and ARREST[t.start:t.end] == t.text for t in triggers)
    assert all((i.date_span, i.date, i.location) == (None, None, None) for i in extraction.incidents)
    assert extraction.places == ()
    assert extraction.entities is not None and any(ARREST[s:e] == "Mandalay" for s, e, _ in extraction.entities)


def test_the_pipeline_holds_one_geoparser(nlp, monkeypatch) -> None:
    import factfinder.geo

    built = []

    class Counting(factfinder.geo.Geoparser):
        def __init__(self, *args, **kwargs) -> None:
            built.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(factfinder.geo, "Geoparser", Counting)
    pipeline = Pipeline(nlp=nlp)
    document = Document(doc="d", text=ARREST, published="2024-03-05")
    located = pipeline.extract(document).incidents[0].location
    places = pipeline.geoparse(document).places
    assert len(built) == 1
    assert located is not None and located.name in {p.name for p in places}


def test_read_inputs_gives_each_original_its_document_or_its_reason(tmp_path) -> None:
    from factfinder.pipeline import read_inputs
    from factfinder.settings import load_settings

    (tmp_path / "a.txt").write_text(ARREST, encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4 this is not a real PDF")
    reads = list(read_inputs([str(tmp_path), str(tmp_path / "missing.txt")], settings=load_settings()))
    by_name = {Path(r.capture.source.origin).name: r for r in reads}
    assert by_name["a.txt"].document is not None and by_name["a.txt"].document.text.startswith("Students")
    assert by_name["b.pdf"].document is None and by_name["b.pdf"].error
    assert by_name["missing.txt"].document is None and "missing.txt" in (by_name["missing.txt"].error or "")
    skipped = list(read_inputs([str(tmp_path / "a.txt")], settings=load_settings(), want_text=lambda c: False))
    assert skipped[0].document is None and skipped[0].error is None


def _loaded_models(_task: int) -> int:
    """In a pool worker: how many spaCy pipelines it holds before it loaded any itself."""
    from factfinder.extract.nlp import load_nlp

    return load_nlp.cache_info().currsize


def _no_setup() -> None:
    pass


def test_forked_workers_start_with_the_spacy_pipeline_already_loaded() -> None:
    """The worker pool loads the model once, before forking: no worker imports spaCy and reads it again."""
    import multiprocessing

    from factfinder.extract.nlp import load_nlp
    from factfinder.pipeline import process_pool
    from factfinder.settings import Settings

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.fail("this platform cannot fork; the pool loads the model in each worker there")
    load_nlp.cache_clear()  # other tests of the run may have loaded other pipelines in this process
    with process_pool(2, settings=Settings(), initializer=_no_setup) as pool:
        held = pool.map(_loaded_models, range(2))
    assert held == [1, 1]
    assert load_nlp.cache_info().currsize >= 1


def test_a_jsonl_batch_gives_the_same_records_in_the_same_order_with_two_workers() -> None:
    import json

    from factfinder.batch import extract_jsonl

    lines = [json.dumps({"id": str(n), "text": ARREST.replace("12", str(10 + n)), "published": "2024-03-05"})
             for n in range(40)] + ["not json"]
    one = list(extract_jsonl(lines, workers=1, chunksize=4))
    two = list(extract_jsonl(lines, workers=2, chunksize=4))
    assert two == one
    assert [r["id"] for r in two if r["record"] == "document"] == [str(n) for n in range(40)]
    assert sum(r["record"] == "incident" for r in two) >= 40 and two[-1]["record"] == "error"
