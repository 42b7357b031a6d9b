"""Running the pipeline over gold files and scoring what it returns.

Gold files are JSON Lines in the formats of docs/gold-format.md. The kind of
each file (extraction or geo) is read from its first record. A document whose
``seed`` names a file of ../shared/seeds is read from there at run time: seed
text is never copied into the repository.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from factfinder.evaluate.extraction import add_scores, score_extraction
from factfinder.evaluate.geo import GeoTally
from factfinder.evaluate.metrics import Score
from factfinder.evaluate.predict import make_document, predict_extraction_many, predict_places, read_jsonl
from factfinder.evaluate.report import EvaluationError, Report, StageUnavailable

Record = dict[str, Any]


def gold_kind(record: Record) -> str:
    """"extract", "geo" or "devset" (../shared/devsets format) from the keys of a record."""
    if "incidents" in record or "statistics" in record:
        return "extract"
    if "places" in record:
        return "geo"
    if "gold" in record:
        return "devset"
    if "same" in record and "a" in record and "b" in record:
        return "consolidation"
    raise EvaluationError("a gold record needs `incidents`/`statistics` (extraction), `places` (geo) or "
                          "`same`/`a`/`b` (consolidation pairs); see docs/gold-format.md")


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; directories become the *.jsonl files under them, sorted."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(path.rglob("*.jsonl")))
        elif path.is_file():
            out.append(path)
        else:
            raise EvaluationError(f"{path} does not exist; pass gold .jsonl files or a folder holding them")
    return out


def find_seeds_dir(start: Path) -> Path | None:
    """../shared/seeds beside the checkout that holds ``start`` (or the working directory)."""
    for base in (start.resolve(), *start.resolve().parents, Path.cwd(), *Path.cwd().parents):
        candidate = base.parent / "shared" / "seeds"
        if candidate.is_dir():
            return candidate
    return None


def gold_text(record: Record, *, path: Path, seeds_dir: Path | None) -> str:
    """The document text of a gold record: inline, or read from the named seed file."""
    if record.get("text") is not None:
        return str(record["text"])
    seed = str(record.get("seed") or "")
    if not seed:
        raise EvaluationError(f"gold record {record.get('id')!r} in {path} has neither `text` nor `seed`")
    folder = seeds_dir or find_seeds_dir(path)
    if folder is None or not (folder / seed).is_file():
        raise EvaluationError(f"seed {seed!r} of {path} not found; put ../shared/seeds beside the checkout "
                              "or pass --seeds DIR")
    return (folder / seed).read_text(encoding="utf-8")


def _records_with_text(records: list[Record], *, path: Path,
                       seeds_dir: Path | None) -> tuple[list[Record], list[str]]:
    """The records whose text can be had, and the seed names of those that cannot.

    A clone with nothing beside it has no ../shared/seeds: the records annotated on
    the seeds are skipped (and named in the report) so the rest of the gold still counts.
    """
    folder = seeds_dir or find_seeds_dir(path)
    keep, missing = [], []
    for record in records:
        seed = record.get("seed")
        if record.get("text") is None and seed and (folder is None or not (folder / seed).is_file()):
            missing.append(seed)
        else:
            keep.append(record)
    return keep, missing


def _check_spans(text: str, spans: Iterable[Record], where: str, notes: list[str]) -> None:
    for span in spans:
        if text[span["start"]:span["end"]] != span.get("text", text[span["start"]:span["end"]]):
            notes.append(f"{where}: gold span {span['start']}-{span['end']} does not match its text")


def evaluate_file(path: Path, *, pipeline: Any, seeds_dir: Path | None = None, limit: int | None = None,
                  strict: bool = True) -> Report:
    """Score one gold file; a stage that is not implemented yet leaves a note instead of scores.

    With ``strict=False`` (files found in a folder) a file of another kind of
    gold (e.g. consolidation pairs) is skipped with a note instead of an error.
    """
    records = [r for _, r in read_jsonl(path)][:limit]
    if not records:
        return Report(kind="empty", source=str(path), notes=["no gold records yet"])
    try:
        kind = gold_kind(records[0])
    except EvaluationError as exc:
        if strict:
            raise EvaluationError(f"{path}: {exc}") from exc
        return Report(kind="skipped", source=str(path), notes=["not extraction, geo or devset gold; skipped"])
    if kind == "devset":
        from factfinder.evaluate.devsets import evaluate_devset

        return evaluate_devset(path, pipeline=pipeline, limit=limit)
    if kind == "consolidation":
        from factfinder.evaluate.consolidation import evaluate_pairs

        return evaluate_pairs(path, pipeline=pipeline, limit=limit)
    report = Report(kind=kind, source=str(path))
    tally = GeoTally()
    scores: dict[str, Score] = {}
    records, missing = _records_with_text(records, path=path, seeds_dir=seeds_dir)
    if missing:
        report.notes.append(f"{len(missing)} gold documents skipped: their seed files "
                            f"({', '.join(sorted(set(missing)))}) are not beside the checkout "
                            "(put ../shared/seeds there or pass --seeds DIR)")
    texts = [gold_text(record, path=path, seeds_dir=seeds_dir) for record in records]
    documents = [make_document(text, published=record.get("published"), id_=record.get("id"))
                 for text, record in zip(texts, records)]
    try:
        if kind == "extract":
            predictions = predict_extraction_many(pipeline, documents)
            for record, text, (incidents, statistics) in zip(records, texts, predictions):
                for item in (record.get("incidents") or []) + (record.get("statistics") or []):
                    _check_spans(text, item.get("evidence") or [], f"{path.name}:{record.get('id')}", report.notes)
                scores = add_scores(scores, score_extraction(record, incidents, statistics))
                report.documents += 1
        else:
            for record, text, document in zip(records, texts, documents):
                _check_spans(text, record.get("places") or [], f"{path.name}:{record.get('id')}", report.notes)
                tally.add(record.get("places") or [], predict_places(pipeline, document))
                report.documents += 1
    except StageUnavailable as exc:
        return Report(kind=kind, source=str(path), notes=[str(exc)])
    if kind == "extract":
        report.scores = scores
    else:
        report.scores, report.figures = tally.scores(), tally.figures()
    return report


def evaluate_paths(paths: Iterable[Path], *, pipeline: Any | None = None, seeds_dir: Path | None = None,
                   limit: int | None = None) -> list[Report]:
    """Score every gold file under ``paths`` with one pipeline (resources load once)."""
    if pipeline is None:
        from factfinder.pipeline import Pipeline

        pipeline = Pipeline()
    paths = list(paths)
    named = {p for p in paths if p.is_file()}
    files = expand_paths(paths)
    if not files:
        raise EvaluationError("no gold .jsonl files found; see docs/eval.md for where gold lives")
    return [evaluate_file(f, pipeline=pipeline, seeds_dir=seeds_dir, limit=limit, strict=f in named) for f in files]
