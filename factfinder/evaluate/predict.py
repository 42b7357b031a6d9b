"""What the scorers run: gold lines read, documents built, and the pipeline's records of them.

Shared by the gold runner (``runner.py``) and the dev-set scorers
(``devsets.py``); the evaluation is a sink on the pipeline's stream
(``Pipeline.extract_many`` and ``Pipeline.geoparse``), it wires no stages.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

from factfinder.evaluate.report import EvaluationError, StageUnavailable

Record = dict[str, Any]


def read_jsonl(path: Path) -> Iterator[tuple[int, Record]]:
    """(line number, object) for each non-empty line; a broken line is an error naming it."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise EvaluationError(f"cannot read {path}: {exc.strerror}; check the path") from exc
    with handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise EvaluationError(f"{path}:{number} is not valid JSON ({exc.msg}); fix that line") from exc


def make_document(text: str, *, published: str | None, id_: str | None) -> Any:
    from factfinder.text import document_from_text

    return document_from_text(text, published=published, id=id_)


def predict_extraction(pipeline: Any, document: Any) -> tuple[list[Record], list[Record]]:
    """Contract records of the incidents and statistics the pipeline finds in one document."""
    from factfinder.records import incident_record, statistic_record

    try:
        extraction = pipeline.extract(document)
    except NotImplementedError as exc:
        raise StageUnavailable(f"the extraction stage is not available yet ({exc}); "
                               "geo gold can still be scored") from exc
    return ([incident_record(i) for i in extraction.incidents],
            [statistic_record(s) for s in extraction.statistics])


def predict_extraction_many(pipeline: Any, documents: list[Any]) -> Iterator[tuple[list[Record], list[Record]]]:
    """``predict_extraction`` over many documents, batched when the pipeline can (``extract_many``)."""
    from factfinder.records import incident_record, statistic_record

    if not hasattr(pipeline, "extract_many"):
        for document in documents:
            yield predict_extraction(pipeline, document)
        return
    try:
        for extraction in pipeline.extract_many(documents):
            yield ([incident_record(i) for i in extraction.incidents],
                   [statistic_record(s) for s in extraction.statistics])
    except NotImplementedError as exc:
        raise StageUnavailable(f"the extraction stage is not available yet ({exc}); "
                               "geo gold can still be scored") from exc


def predict_places(pipeline: Any, document: Any) -> list[Record]:
    """Contract records of every place mention the pipeline finds in one document."""
    from factfinder.records import place_record

    try:
        extraction = pipeline.geoparse(document)
    except NotImplementedError as exc:
        raise StageUnavailable(f"the geo stage is not available yet ({exc}); "
                               "extraction gold can still be scored") from exc
    return [place_record(p, doc=document.doc) for p in extraction.places]
