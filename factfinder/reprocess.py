"""Running the pipeline again over what a store already holds: `factfinder reprocess`.

Sinks on the one stream, like ingest (pipeline.py) and batch (batch.py): every stored
document extracted again with the current components, or every kept scan read again
with other OCR options, and the events rebuilt.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from factfinder.pipeline import Pipeline
from factfinder.settings import Settings


def reprocess_store(store: Any, pipeline: Pipeline, *,
                    on_document: Callable[[str, int, int], None] | None = None) -> tuple[int, int]:
    """Run extraction again over every stored document, then consolidate anew.

    Machine output is replaced; incidents and statistics an analyst reviewed are
    kept (the store's ``add_extraction`` rule), and analyst pins of events
    survive the rebuild. Returns (documents, events).
    """
    documents = 0
    for extraction in pipeline.run(list(store.iter_documents())):
        store.add_extraction(extraction)
        documents += 1
        if on_document is not None:
            on_document(extraction.document.doc, len(extraction.incidents), len(extraction.statistics))
    from factfinder.consolidate.stored import rebuild_events

    return documents, rebuild_events(store)


def reread_scans(store: Any, settings: Settings | Mapping[str, Any] | None, *,
                 on_document: Callable[[str, str | None], None] | None = None) -> int:
    """Read every stored PDF and image again from its kept original with the run's OCR options.

    ``reprocess --ocr always --ocr-lang mya`` after a scan was read with the wrong
    language or none. A document whose text comes out different replaces its old
    text, stories, pages and language (``store/writer.replace_document``); one whose
    output an analyst reviewed is left alone. ``on_document(doc, problem)`` hears of
    each document read again (problem None) or left (why). Returns how many changed.
    """
    from factfinder.capture.common import make_capture
    from factfinder.errors import FactfinderError
    from factfinder.text import document_from_capture
    from factfinder.text.language import language_override
    from factfinder.text.ocr import ocr_options

    ocr, language = ocr_options(settings), language_override(settings)
    changed = 0
    for doc, media_type, origin in store.scanned_documents():
        old = store.get_document(doc)
        try:
            capture = make_capture(store.map_original(doc), origin=origin, media_type=media_type)
            document = replace(document_from_capture(capture, ocr=ocr, language=language),
                               published=old.published, url=old.url, title=old.title)
        except FactfinderError as exc:
            problem: str | None = str(exc)
        else:
            if document.text == old.text and document.pages == old.pages and document.language == old.language:
                continue
            problem = store.replace_document(document)
            changed += problem is None
        if on_document is not None:
            on_document(doc, problem)
    return changed
