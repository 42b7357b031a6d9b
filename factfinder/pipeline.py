"""The only module that knows the stage order.

capture -> text -> extract -> geo + dates -> consolidate -> store -> serve/export

``Pipeline`` holds the heavy resources (the spaCy ``nlp``, the gazetteer),
loads them once and reuses them for every document. Its methods are pure over
their inputs plus those resources, so the same calls run in one process or in
a distributed engine's batch map.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from factfinder.model import Document, Extraction
from factfinder.settings import Settings
from factfinder.store.reports import IngestOutcome, IngestReport
from factfinder.text.reflow import Reflowed, reading_document, restore_spans


class Pipeline:
    """Runs text -> extract -> geo + dates over documents.

    Resources are injected or loaded lazily on first use, never at import.
    """

    def __init__(self, *, nlp: Any | None = None, gazetteer: Any | None = None,
                 spacy_model: str | None = None, settings: Settings | None = None) -> None:
        # ``settings`` names the spaCy model and the gazetteer file (the built-in
        # defaults when None); an injected ``nlp`` or ``gazetteer`` wins.
        self.settings = settings if settings is not None else Settings()
        self._nlp = nlp
        self._gazetteer = gazetteer
        self._spacy_model = spacy_model or self.settings.spacy_model
        self._extractor: Any | None = None
        self._geoparser: Any | None = None

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from factfinder.extract.nlp import load_nlp

            self._nlp = load_nlp(self._spacy_model)
        return self._nlp

    @property
    def gazetteer(self) -> Any:
        if self._gazetteer is None:
            from factfinder.geo import Gazetteer

            self._gazetteer = Gazetteer.open(self.settings.gazetteer_path)
        return self._gazetteer

    def extract(self, document: Document) -> Extraction:
        """Incidents and statistics of one document, with dates and places resolved."""
        return next(iter(self.extract_many([document])))

    def extract_many(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Extractions of several documents, in order (batched through spaCy; see ``extract``).

        extract (incidents with their date phrases, statistics, place mentions)
        -> dates (date phrases resolved against publication) -> geo (each
        incident's place) -> merge (the sentences of one event become one
        incident, which needs the resolved dates and places to tell events apart).
        """
        from dataclasses import replace

        from factfinder.dates import resolve_incident_dates
        from factfinder.extract.extractor import Extractor
        from factfinder.extract.incidents import merge_incidents
        from factfinder.geo import locate

        if self._extractor is None:
            self._extractor = Extractor.load(nlp=self.nlp, gazetteer=self.gazetteer)
        originals: list[Document] = []
        maps: list[Reflowed] = []

        def reading(documents: Iterable[Document]) -> Iterator[Document]:
            # Hard-wrapped text is read as its paragraphs; spans go back to the original below.
            for document in documents:
                view, reflowed = reading_document(document)
                originals.append(document)
                maps.append(reflowed)
                yield view

        for extraction in self._extractor.extract_many(reading(documents)):
            if extraction.incidents:
                incidents = resolve_incident_dates(extraction.incidents, extraction.document)
                incidents = locate(incidents, extraction.places, extraction.document)
                extraction = replace(extraction, incidents=merge_incidents(incidents))
            original, reflowed = originals.pop(0), maps.pop(0)
            # The extraction may have learned about the document (a dateline's date, notes):
            # keep that, with the original text and story bounds.
            document = replace(extraction.document, text=original.text, stories=original.stories)
            yield replace(restore_spans(extraction, reflowed), document=document)

    def geoparse(self, document: Document) -> Extraction:
        """Every place mention of one document, resolved where the gazetteer allows."""
        if self._geoparser is None:
            from factfinder.geo import Geoparser

            self._geoparser = Geoparser(self.gazetteer, self.nlp)
        view, reflowed = reading_document(document)  # "New" / "York" across a wrapped line is one place
        places = restore_spans(tuple(self._geoparser.parse(view)), reflowed)
        return Extraction(document=document, places=places)


# --- ingest: capture -> store -> text -> store -> extract -> store ----------

# Sources whose originals are written together (bench/ingest.py); small enough
# that a killed run redoes little and memory stays bounded.
_INGEST_BATCH = 32
_INGEST_BATCH_BYTES = 64_000_000


def ingest_inputs(inputs: Iterable[str], *, store: Any, settings: Mapping[str, Any],
                  pipeline: Pipeline | None = None,
                  on_event: Callable[[IngestOutcome], None] | None = None,
                  client: Any | None = None) -> IngestReport:
    """Capture every input into ``store``, extract its text and stories, and its incidents
    when a ``pipeline`` is given.

    One transaction per batch of sources (per source while extracting): a run
    killed at any moment and run again leaves every original stored exactly once. Bytes already stored are not
    captured again; a document already extracted is not extracted again. A bad
    input never stops the run: it becomes a "failed" outcome with its reason.
    While ``Pipeline.extract`` is not wired yet (NotImplementedError),
    extraction is skipped without a word. ``client`` is an injected
    httpx.Client for URL captures (see ``capture_inputs``).
    """
    from factfinder.capture import capture_inputs, is_container, is_url, warc_records
    from factfinder.errors import ExtractionError, FactfinderError
    from factfinder.text import document_from_capture
    from factfinder.text.ocr import ocr_options

    ocr = ocr_options(settings)
    outcomes: list[IngestOutcome] = []
    extract = pipeline is not None
    Item = tuple[Any, Any, Any, "IngestOutcome | None"]  # capture, document, extraction, failure
    batch: list[Item] = []
    writing: tuple[list[Item], Any] | None = None  # the previous batch, its originals being written

    def commit(items: list[Item]) -> None:
        # One transaction per batch (each source's rows inside it, all or none):
        # a killed run loses at most the batch, whose originals are already on
        # disk, and the re-run stores it again.
        with store.transaction():
            _commit(items)
        # Full-text index of the batch's stories in one go; after a crash the next
        # batch picks up whatever was left unindexed.
        store.index_stories()

    def _commit(items: list[Item]) -> None:
        for capture, document, extraction, failure in items:
            source = capture.source
            warc = warc_records(capture) if is_url(source.origin) and capture.data is not None else None
            with store.transaction():
                status = "stored" if store.add_capture(capture, warc=warc) else "present"
                if document is not None:
                    store.add_document(document, source.sha256, index=False)
                    status = "stored"
                if extraction is not None:
                    store.add_extraction(extraction)
            outcome = failure or IngestOutcome(
                source.origin, status, source.sha256 or None, None,  # type: ignore[arg-type]
                len(extraction.incidents) if extraction else 0, len(extraction.statistics) if extraction else 0)
            outcomes.append(outcome)
            if on_event is not None:
                on_event(outcome)

    def flush(*, wait: bool) -> None:
        # The originals of a batch are written in the background while the next
        # batch's text is extracted; its rows commit once the files are durable.
        nonlocal writing
        if writing is not None:
            items, future = writing
            writing = None
            future.result()
            commit(items)
        if batch:
            items = batch.copy()
            batch.clear()
            future = store.prepare_captures([c for c, *_ in items], background=not wait)
            if wait:
                commit(items)
            else:
                writing = (items, future)

    for capture in capture_inputs(inputs, settings=settings, client=client):
        source = capture.source
        sha = source.sha256 or None
        document = extraction = failure = None
        in_flight = {c.source.sha256 for c, *_ in batch} | (
            {c.source.sha256 for c, *_ in writing[0]} if writing else set())
        readable = (source.error is None and capture.data is not None and not is_container(capture)
                    and source.sha256 not in in_flight)
        if source.error is not None or capture.data is None:
            failure = IngestOutcome(source.origin, "failed", sha, source.error or "no bytes arrived")
        elif readable and not store.has_document(source.sha256):
            try:
                document = document_from_capture(capture, ocr=ocr)
            except ExtractionError as exc:
                failure = IngestOutcome(source.origin, "failed", sha, str(exc))
        if failure is None and readable and extract and not store.is_extracted(source.sha256):
            try:
                extraction = pipeline.extract(  # type: ignore[union-attr]
                    document or store.get_document(source.sha256))
            except NotImplementedError:
                extract = False
            except FactfinderError as exc:
                failure = IngestOutcome(source.origin, "failed", sha,
                                        f"original and text stored, but extraction failed: {exc}")
        batch.append((capture, document, extraction, failure))
        if extraction is not None:
            # Extraction dominates the time: store each source at once, so
            # progress shows and a killed run loses little.
            flush(wait=True)
        elif len(batch) >= _INGEST_BATCH or sum(len(c.data or b"") for c, *_ in batch) >= _INGEST_BATCH_BYTES:
            flush(wait=False)
    flush(wait=True)
    # Consolidation follows the store: new incidents may tell events already known.
    extracted = any(o.incidents or o.statistics for o in outcomes)
    from factfinder.consolidate.stored import update_events  # only the blocks the new incidents touch

    return IngestReport(tuple(outcomes), events=update_events(store) if extracted else None)


def reprocess_store(store: Any, pipeline: Pipeline, *,
                    on_document: Callable[[str, int, int], None] | None = None) -> tuple[int, int]:
    """Run extraction again over every stored document, then consolidate anew.

    Machine output is replaced; incidents and statistics an analyst reviewed are
    kept (the store's ``add_extraction`` rule), and analyst pins of events
    survive the rebuild. Returns (documents, events).
    """
    documents = 0
    for document in list(store.iter_documents()):
        extraction = pipeline.extract(document)
        store.add_extraction(extraction)
        documents += 1
        if on_document is not None:
            on_document(document.doc, len(extraction.incidents), len(extraction.statistics))
    from factfinder.consolidate.stored import rebuild_events

    return documents, rebuild_events(store)
