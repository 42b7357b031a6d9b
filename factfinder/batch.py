"""Sinks that print the output contract's records of the pipeline's stream, and the batch runner.

Library side of ``factfinder extract`` and ``factfinder geoparse``: PATH inputs
go through capture and text (``pipeline.read_inputs``), ``--jsonl`` lines
through ``document_from_text``; each document yields its ``document`` record
first, then its incidents and statistics, or its places (records.py). A
``--jsonl`` extraction batch runs in several worker processes, each loading its
own Pipeline once, with the output kept in input order: running documents in
processes is the driver's business, not a stage's. Nothing here touches a
database.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Any

from factfinder.errors import FactfinderError, GazetteerError
from factfinder.model import Document, Extraction
from factfinder.pipeline import Pipeline, process_pool, read_inputs
from factfinder.records import document_record, error_record, incident_record, place_record, statistic_record
from factfinder.settings import Settings

Record = dict[str, Any]


def check_published(value: str | None) -> str | None:
    """Validate a --published value (YYYY-MM-DD, a real day)."""
    from factfinder.values.isodate import check_day

    return check_day(value, name="--published")


def extraction_records(extraction: Extraction) -> list[Record]:
    """The document record first, then its incidents and statistics."""
    pages = extraction.document.pages
    records = [document_record(extraction.document)]
    records.extend(incident_record(i, pages=pages) for i in extraction.incidents)
    records.extend(statistic_record(s, pages=pages) for s in extraction.statistics)
    return records


def place_records(extraction: Extraction) -> list[Record]:
    """The document record first, then one place record per mention (``factfinder geoparse``)."""
    document = extraction.document
    return [document_record(document)] + [place_record(p, doc=document.doc, id_=document.id)
                                          for p in extraction.places]


def document_from_line(line: str, number: int) -> Document | Record:
    """A --jsonl line as a Document, or the error record that says what is wrong with it."""
    from factfinder.text import document_from_text

    id_ = None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return error_record(f"line {number} is not JSON ({exc.msg}); write one JSON object per line", line=number)
    if not isinstance(obj, dict):
        return error_record(f"line {number} is not a JSON object; write {{\"id\": ..., \"text\": ...}}", line=number)
    id_ = obj.get("id")
    id_ = None if id_ is None else str(id_)
    text, published = obj.get("text"), obj.get("published")
    if not isinstance(text, str):
        return error_record(f"line {number} has no \"text\" string; add the report's text", id_=id_, line=number)
    if published is not None and not isinstance(published, str):
        return error_record(f"line {number}: \"published\" must be \"YYYY-MM-DD\" or null", id_=id_, line=number)
    try:
        document = document_from_text(text, published=published or None, id=id_)
    except FactfinderError as exc:
        return error_record(str(exc), id_=id_, line=number)
    url = obj.get("url")
    return replace(document, url=url) if isinstance(url, str) and url else document


class _Worker:
    """One process's Pipeline, loaded on first use and reused for every chunk of lines."""

    pipeline: Any = None
    settings: Settings | None = None
    components: tuple[str, ...] | None = None

    @classmethod
    def init(cls, settings: Settings, components: tuple[str, ...] | None = None) -> None:
        if (settings, components) != (cls.settings, cls.components):
            cls.pipeline = None  # another configuration in this process: load anew
        cls.settings = settings
        cls.components = components

    @classmethod
    def run_chunk(cls, chunk: list[tuple[int, str]]) -> list[Record]:
        """Records of a chunk of numbered lines, in order; documents are extracted as one batch."""
        parsed = [(number, document_from_line(line, number)) for number, line in chunk]
        documents = [doc for _, doc in parsed if isinstance(doc, Document)]
        if cls.pipeline is None and documents:
            cls.pipeline = Pipeline(settings=cls.settings, components=cls.components)
        try:
            extractions = iter(list(cls.pipeline.extract_many(documents))) if documents else iter(())
        except FactfinderError:
            raise  # a broken installation (model, gazetteer) stops the run with its message
        except Exception:  # noqa: BLE001 - isolate the document that fails, one by one
            extractions = None
        records: list[Record] = []
        for number, doc in parsed:
            if isinstance(doc, dict):
                records.append(doc)
            elif extractions is not None:
                records.extend(extraction_records(next(extractions)))
            else:
                records.extend(cls._one(number, doc))
        return records

    @classmethod
    def _one(cls, number: int, document: Document) -> list[Record]:
        try:
            return extraction_records(cls.pipeline.extract(document))
        except FactfinderError:
            raise
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a corpus run
            return [document_record(document),
                    error_record(f"extraction failed on line {number} ({type(exc).__name__}: {exc}); "
                                 "please report this with the line", id_=document.id, line=number)]


def _chunks(lines: Iterable[str], size: int) -> Iterator[list[tuple[int, str]]]:
    chunk: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            chunk.append((number, line))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_jsonl(lines: Iterable[str], *, settings: Settings | Mapping[str, Any] | None = None,
                  workers: int | None = None, spacy_model: str | None = None,
                  chunksize: int = 16, components: Iterable[str] | None = None) -> Iterator[Record]:
    """Records of every --jsonl line, in input order; blank lines are skipped, bad lines give errors.

    Lines go to the workers in chunks of ``chunksize``, so each worker parses a
    chunk's trigger sentences in one spaCy batch. Each worker builds its Pipeline
    from ``settings`` (model, gazetteer); ``workers`` and ``spacy_model``, when
    given, override the settings of the same name. ``components`` names the
    pipeline's components (default: the ``components`` setting, else the rule
    components); every worker runs the same.
    """
    resolved = Settings.coerce(settings).with_options(workers=workers, spacy_model=spacy_model)
    workers = resolved.workers
    chunks = _chunks(lines, chunksize)
    names = tuple(components) if components is not None else None
    if workers <= 1:
        _Worker.init(resolved, names)
        for chunk in chunks:
            yield from _Worker.run_chunk(chunk)
        return
    with process_pool(workers, settings=resolved, initializer=_Worker.init, initargs=(resolved, names)) as pool:
        for records in pool.imap(_Worker.run_chunk, chunks):
            yield from records


def extract_inputs(inputs: Iterable[str], *, published: str | None, settings: Settings | Mapping[str, Any],
                   pipeline: Pipeline) -> Iterator[Record]:
    """Records of every file, folder, URL or ``-`` input; an unreadable one yields an error record.

    ``published`` (the command line's --published) overrides the date a source
    gives: the user who passes it knows the report.
    """
    for read in read_inputs(inputs, settings=settings):
        if read.error is not None:
            yield error_record(read.capture.source.error or f"{read.capture.source.origin}: {read.error}")
        elif read.document is not None:
            document = read.document if published is None else replace(read.document, published=published)
            yield from extraction_records(pipeline.extract(document))


def geoparse_inputs(inputs: Iterable[str], *, settings: Settings | Mapping[str, Any],
                    pipeline: Pipeline) -> Iterator[Record]:
    """``factfinder geoparse`` over PATH inputs: place records, or an error record per unreadable input."""
    for read in read_inputs(inputs, settings=settings):
        if read.error is not None:
            yield error_record(read.capture.source.error or f"{read.capture.source.origin}: {read.error}")
        elif read.document is not None:
            yield from place_records(pipeline.geoparse(read.document))


def geoparse_jsonl(lines: Iterable[str], *, pipeline: Pipeline) -> Iterator[Record]:
    """``factfinder geoparse --jsonl``: place records per line; a bad line or document gives an error record."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        document = document_from_line(line, number)
        if isinstance(document, dict):
            yield document
            continue
        try:
            yield from place_records(pipeline.geoparse(document))
        except GazetteerError:
            raise  # a broken installation stops the run with its message
        except FactfinderError as exc:
            yield error_record(str(exc), id_=document.id, line=number)
