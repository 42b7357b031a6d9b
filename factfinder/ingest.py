"""ingest: the sink of the stream that stores it (``factfinder ingest``, web uploads, followed feeds).

``read_inputs`` (pipeline.py) gives capture -> text; this sink stores each original
once, its text and stories, and its incidents when a Pipeline is given, in
batches whose originals are written in the background while the next batch is
read, then lets consolidation update the events the new incidents touch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from factfinder.capture.common import Capture
from factfinder.model import Document, Extraction
from factfinder.pipeline import Pipeline, Read, read_inputs
from factfinder.settings import Settings
from factfinder.store.reports import IngestOutcome, IngestReport, IngestStatus

# Sources whose originals are written together (bench/ingest.py); small enough
# that a killed run redoes little and memory stays bounded.
_INGEST_BATCH = 32
_INGEST_BATCH_BYTES = 64_000_000


def ingest_inputs(inputs: Iterable[str], *, store: Any, settings: Settings | Mapping[str, Any],
                  pipeline: Pipeline | None = None,
                  on_event: Callable[[IngestOutcome], None] | None = None,
                  client: Any | None = None) -> IngestReport:
    """Capture every input into ``store``, extract its text and stories, and its incidents
    when a ``pipeline`` is given; then update the events.

    One transaction per batch of sources (per source while extracting): a run
    killed at any moment and run again leaves every original stored exactly once. Bytes already stored are not
    captured again; a document already extracted is not extracted again. A bad
    input never stops the run: it becomes a "failed" outcome with its reason.
    ``client`` is an injected httpx.Client for URL captures.
    """
    sink = _IngestSink(store, pipeline, on_event)
    for read in read_inputs(inputs, settings=settings, client=client, want_text=sink.wants_text):
        sink.add(read)
    sink.flush(wait=True)
    outcomes = tuple(sink.outcomes)
    extracted = any(o.incidents or o.statistics for o in outcomes)
    # Consolidation follows the store: new incidents may tell events already known.
    from factfinder.consolidate.stored import update_events  # only the blocks the new incidents touch

    return IngestReport(outcomes, events=update_events(store) if extracted else None)


_Item = tuple[Capture, Document | None, Extraction | None, IngestOutcome | None]  # capture, document, extraction, failure


class _IngestSink:
    """Stores reads in batches: originals written in the background while the next batch is read."""

    def __init__(self, store: Any, pipeline: Pipeline | None,
                 on_event: Callable[[IngestOutcome], None] | None) -> None:
        self.store = store
        self.pipeline = pipeline
        self.on_event = on_event
        self.outcomes: list[IngestOutcome] = []
        self.batch: list[_Item] = []
        self.writing: tuple[list[_Item], Any] | None = None  # the previous batch, its originals being written

    def _in_flight(self) -> set[str]:
        return {c.source.sha256 for c, *_ in self.batch} | (
            {c.source.sha256 for c, *_ in self.writing[0]} if self.writing else set())

    def wants_text(self, capture: Capture) -> bool:
        """Text is read for an original neither stored nor waiting in a batch."""
        sha = capture.source.sha256
        return sha not in self._in_flight() and not self.store.has_document(sha)

    def add(self, read: Read) -> None:
        from factfinder.errors import FactfinderError

        capture, source = read.capture, read.capture.source
        sha = source.sha256 or None
        document, extraction, failure = read.document, None, None
        if read.error is not None:
            failure = IngestOutcome(source.origin, "failed", sha, read.error)
        elif (self.pipeline is not None and not read.container and sha not in self._in_flight()
              and not self.store.is_extracted(sha)):
            try:
                extraction = self.pipeline.extract(document or self.store.get_document(sha))
            except FactfinderError as exc:
                failure = IngestOutcome(source.origin, "failed", sha,
                                        f"original and text stored, but extraction failed: {exc}")
        self.batch.append((capture, document, extraction, failure))
        if extraction is not None:
            # Extraction dominates the time: store each source at once, so
            # progress shows and a killed run loses little.
            self.flush(wait=True)
        elif (len(self.batch) >= _INGEST_BATCH
              or sum(len(c.data or b"") for c, *_ in self.batch) >= _INGEST_BATCH_BYTES):
            self.flush(wait=False)

    def flush(self, *, wait: bool) -> None:
        """Commit the batch whose originals are being written, then start on the current one."""
        if self.writing is not None:
            items, future = self.writing
            self.writing = None
            future.result()
            self._commit(items)
        if self.batch:
            items, self.batch = self.batch, []
            future = self.store.prepare_captures([c for c, *_ in items], background=not wait)
            if wait:
                self._commit(items)
            else:
                self.writing = (items, future)

    def _commit(self, items: list[_Item]) -> None:
        # One transaction per batch (each source's rows inside it, all or none):
        # a killed run loses at most the batch, whose originals are already on
        # disk, and the re-run stores it again.
        from factfinder.capture import is_url, warc_records

        store = self.store
        with store.transaction():
            for capture, document, extraction, failure in items:
                source = capture.source
                warc = warc_records(capture) if is_url(source.origin) and capture.data is not None else None
                with store.transaction():
                    status: IngestStatus = "stored" if store.add_capture(capture, warc=warc) else "present"
                    if document is not None:
                        store.add_document(document, source.sha256, index=False)
                        status = "stored"
                    if extraction is not None:
                        store.add_extraction(extraction)
                outcome = failure or IngestOutcome(
                    source.origin, status, source.sha256 or None, None,
                    len(extraction.incidents) if extraction else 0, len(extraction.statistics) if extraction else 0)
                self.outcomes.append(outcome)
                if self.on_event is not None:
                    self.on_event(outcome)
        # Full-text index of the batch's stories in one go; after a crash the next
        # batch picks up whatever was left unindexed.
        store.index_stories()
