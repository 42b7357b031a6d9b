"""The per-document work an engine maps over a corpus: the same stages `factfinder extract` runs.

``Worker`` holds one Pipeline (spaCy and the gazetteer loaded once per process
or Ray actor) and turns a batch of items into rows: one per document, with the
contract records of its incidents and statistics, or an error row. A bad
document never stops the batch.
"""

from __future__ import annotations

from typing import Any

from factfinder.errors import FactfinderError
from factfinder.scale.inputs import Item
from factfinder.settings import Settings

Row = dict[str, Any]


def _year(published: str | None) -> int | None:
    return int(published[:4]) if published and published[:4].isdigit() else None


class Worker:
    """Built once per process or Ray actor, then called per batch of items (``rows``)."""

    def __init__(self, settings: Settings | None = None) -> None:
        from factfinder.pipeline import Pipeline
        from factfinder.text.ocr import ocr_options

        # The run's settings: the spaCy model and gazetteer of the Pipeline, and the OCR options.
        self.pipeline = Pipeline(settings=settings)
        self.ocr = ocr_options(settings)

    def _document(self, item: Item) -> Any:
        from dataclasses import replace

        from factfinder.capture.checks import readable_error
        from factfinder.capture.common import make_capture
        from factfinder.capture.sniff import sniff
        from factfinder.text import document_from_capture, document_from_text

        if item.text is not None:
            document = document_from_text(item.text, published=item.published, id=item.id)
        else:
            data = item.data or b""
            media, label = sniff(data, name=item.origin)
            error = readable_error(data, media_type=media, label=label, name=item.origin)
            if error is not None:  # the capture stage's own checks: a photo, a locked or truncated PDF
                raise FactfinderError(error)
            document = document_from_capture(make_capture(data, origin=item.origin, media_type=media), ocr=self.ocr)
        return replace(document, url=item.url) if item.url and not document.url else document

    def rows(self, items: list[Item]) -> list[Row]:
        """One row per item: ``{"key", "origin", "year", "document", "incidents", "statistics", "error"}``.

        The batch's documents go through ``extract_many`` together (spaCy parses them
        in one stream); if that fails, each is extracted alone so one bad document
        becomes one error row.
        """
        rows: list[Row] = []
        documents: list[tuple[Row, Any]] = []
        for item in items:
            row: Row = {"key": item.key, "origin": item.origin, "id": item.id, "year": None,
                        "document": None, "incidents": [], "statistics": [], "error": item.error}
            rows.append(row)
            if item.error is None:
                try:
                    documents.append((row, self._document(item)))
                except FactfinderError as exc:
                    row["error"] = f"{item.origin}: {exc}"
        try:
            extractions = list(self.pipeline.extract_many([d for _, d in documents]))
        except Exception:  # noqa: BLE001 - find the document that fails, one by one
            extractions = None
        for n, (row, document) in enumerate(documents):
            try:
                _fill(row, extractions[n] if extractions is not None else self.pipeline.extract(document))
            except FactfinderError as exc:
                row["error"] = f"{row['origin']}: {exc}"
            except Exception as exc:  # noqa: BLE001 - one bad document must not stop a corpus run
                row["error"] = f"{row['origin']}: extraction failed ({type(exc).__name__}: {exc})"
        return rows


def _fill(row: Row, extraction: Any) -> None:
    """A row's document, incidents and statistics as contract records."""
    from factfinder.records import document_record, incident_record, statistic_record

    document = extraction.document
    pages = document.pages
    row.update(year=_year(document.published), document=document_record(document),
               incidents=[incident_record(i, pages=pages) for i in extraction.incidents],
               statistics=[statistic_record(s, pages=pages) for s in extraction.statistics])
