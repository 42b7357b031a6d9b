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
    """Callable on a batch of items (Ray Data's actor-pool protocol: construct once, call per batch)."""

    def __init__(self, settings: Settings | None = None) -> None:
        from factfinder.pipeline import Pipeline
        from factfinder.text.ocr import ocr_options

        # The run's settings: the spaCy model and gazetteer of the Pipeline, and the OCR options.
        self.pipeline = Pipeline(settings=settings)
        self.ocr = ocr_options(settings)

    def _document(self, item: Item) -> Any:
        from dataclasses import replace

        from factfinder.capture.common import make_capture
        from factfinder.capture.sniff import sniff
        from factfinder.text import document_from_capture, document_from_text

        if item.text is not None:
            document = document_from_text(item.text, published=item.published, id=item.id)
        else:
            media, label = sniff(item.data or b"", name=item.origin)
            if label is not None:
                raise FactfinderError(f"cannot read {item.origin}: it is {label}")
            capture = make_capture(item.data or b"", origin=item.origin, media_type=media)
            document = document_from_capture(capture, ocr=self.ocr)
        return replace(document, url=item.url) if item.url and not document.url else document

    def rows(self, items: list[Item]) -> list[Row]:
        """One row per item: ``{"key", "origin", "year", "document", "incidents", "statistics", "error"}``."""
        from factfinder.records import document_record, incident_record, statistic_record

        rows: list[Row] = []
        for item in items:
            row: Row = {"key": item.key, "origin": item.origin, "id": item.id, "year": None,
                        "document": None, "incidents": [], "statistics": [], "error": item.error}
            if item.error is None:
                try:
                    extraction = self.pipeline.extract(self._document(item))
                    document = extraction.document
                    pages = document.pages
                    row.update(year=_year(document.published), document=document_record(document),
                               incidents=[incident_record(i, pages=pages) for i in extraction.incidents],
                               statistics=[statistic_record(s, pages=pages) for s in extraction.statistics])
                except FactfinderError as exc:
                    row["error"] = f"{item.origin}: {exc}"
                except Exception as exc:  # noqa: BLE001 - one bad document must not stop a corpus run
                    row["error"] = f"{item.origin}: extraction failed ({type(exc).__name__}: {exc})"
            rows.append(row)
        return rows
