"""Is each predicted incident, and each of its fields, right? And how well does confidence say so?

Labels come from the same matching rules as the scorers, one rule per kind of gold:

- the project's gold (``tests/gold/extract``, exhaustive): an incident is right when it
  matches a gold incident (``extraction.match_incidents``); its type is right when a gold
  incident sharing its evidence has its type; a matched incident's date, location,
  counts and actors are right when they equal the gold's, an absent value where the
  gold has none counting as right;
- case2021: the primary incident's type is in the snippet class's accept set;
- hrds: an incident of a violation type (arrest, disappearance, killing, torture) is
  right when the article reports such a violation; the first matching one's date when
  it is the gold day;
- isaf: the primary incident's date is the gold day, its admin1 the gold province;
- event_location: every incident's place overlaps a gold place span of the sentence,
  or no place where the sentence gives none.

``None`` is "not labelled" (no gold says). ``calibration_table`` bins confidences
and gives the share right in each bin, and of those at 0.8 or more.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factfinder.evaluate.devsets import normalise_admin1
from factfinder.evaluate.devsets_events import (
    CASE_ACCEPT, HRDS_TYPES, HRDS_VIOLATION_TYPES, _overlaps, gold_day, primary_incident,
)
from factfinder.evaluate.extraction import (
    _count_key, _names, evidence_overlap, match_incidents, same_date, same_location,
)

Record = dict[str, Any]
Labels = dict[str, int | None]
FIELDS = ("incident", "type", "location", "date", "counts", "actors")
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0000001)


def _empty() -> Labels:
    return {f: None for f in FIELDS}


def _both(gold: Any, pred: Any, equal: Any) -> int:
    if gold is None or pred is None:
        return int(gold is None and pred is None)
    return int(bool(equal(gold, pred)))


def gold_labels(gold: Record, predicted: list[Record]) -> list[Labels]:
    """Labels of each predicted incident against an exhaustively annotated gold document."""
    incidents = gold.get("incidents") or []
    pairs = dict((pi, gi) for gi, pi in match_incidents(incidents, predicted))
    out = []
    for pi, pred in enumerate(predicted):
        labels = _empty()
        labels["incident"] = int(pi in pairs)
        sharing = [g for g in incidents if evidence_overlap(g, pred) > 0]
        if sharing:
            labels["type"] = int(any(g["type"] == pred["type"] for g in sharing))
        if pi in pairs:
            g = incidents[pairs[pi]]
            labels["date"] = _both(g.get("date"), pred.get("date"), same_date)
            labels["location"] = _both(g.get("location"), pred.get("location"), same_location)
            labels["counts"] = int({_count_key(c) for c in g.get("counts") or ()}
                                   == {_count_key(c) for c in pred.get("counts") or ()})
            labels["actors"] = int(_names(g.get("perpetrators")) == _names(pred.get("perpetrators"))
                                   and _names(g.get("targets")) == _names(pred.get("targets")))
        out.append(labels)
    return out


def devset_labels(kind: str, record: Record, predicted: list[Record]) -> list[Labels]:
    """Labels of each predicted incident of one dev-set (or hrds_train) record; unlabelled fields None."""
    gold, out = record.get("gold") or {}, [_empty() for _ in predicted]
    primary = primary_incident(predicted)
    at = next((n for n, p in enumerate(predicted) if p is primary), None)
    if kind == "case2021" and at is not None:
        right = int(predicted[at]["type"] in CASE_ACCEPT.get(gold.get("event_type", ""), frozenset()))
        out[at]["incident"] = out[at]["type"] = right
    elif kind == "hrds":
        violations = [v for v in gold.get("violation_types") or () if v in HRDS_VIOLATION_TYPES]
        accepted = frozenset().union(*(HRDS_VIOLATION_TYPES[v] for v in violations))
        for labels, pred in zip(out, predicted):
            if pred["type"] in HRDS_TYPES:
                labels["incident"] = labels["type"] = int(pred["type"] in accepted)
        found = next((n for n, p in enumerate(predicted) if p["type"] in accepted), None)
        day = gold_day(gold)
        if found is not None and day:
            date = predicted[found].get("date") or {}
            out[found]["date"] = int(date.get("start") == day and date.get("precision") == "day")
    elif kind == "isaf" and at is not None:
        date = predicted[at].get("date") or {}
        if gold.get("start_date"):
            out[at]["date"] = int(date.get("start") == gold["start_date"] and date.get("precision") == "day")
        provinces = {normalise_admin1(p) for p in gold.get("province") or ()}
        if provinces:
            admin1 = (predicted[at].get("location") or {}).get("admin1")
            out[at]["location"] = int(normalise_admin1(admin1) in provinces)
    elif kind == "event_location":
        places = [(g["start"], g["end"]) for g in gold.get("event_locations") or ()]
        for labels, pred in zip(out, predicted):
            needle = (pred.get("location") or {}).get("text")
            labels["location"] = (int(any(_overlaps(record["text"], s, e, needle) for s, e in places))
                                  if places else int(not needle))
    return out


def labelled_extractions(pipeline: Any, sources: list[tuple[str, Record]]
                         ) -> Iterator[tuple[Any, list[Labels]]]:
    """Each (kind, record)'s extraction and its incidents' labels; kind "gold" for the project's gold."""
    from factfinder.evaluate.predict import make_document
    from factfinder.records import incident_record

    documents = [make_document(r["text"], published=r.get("published") or r.get("pub_date"), id_=r.get("id"))
                 for _, r in sources]
    for (kind, record), extraction in zip(sources, pipeline.extract_many(documents)):
        predicted = [incident_record(i) for i in extraction.incidents]
        yield extraction, (gold_labels(record, predicted) if kind == "gold"
                           else devset_labels(kind, record, predicted))


def pipeline_without(component: str) -> Any:
    """The default pipeline less one component (training reads what the stages before it give)."""
    from factfinder.components import RULES
    from factfinder.pipeline import Pipeline

    return Pipeline(components=[n for n in RULES if n != component])


def read_records(path: Path) -> list[Record]:
    from factfinder.evaluate.predict import read_jsonl

    return [r for _, r in read_jsonl(path) if r.get("text")]


def gold_records(gold_dir: Path, *, seeds_dir: Path | None = None) -> list[Record]:
    """Every record of the project's extraction gold (sub-folders too), with the seed texts read in;
    a seed that is not beside the checkout is left out."""
    from factfinder.evaluate.predict import read_jsonl
    from factfinder.evaluate.report import EvaluationError
    from factfinder.evaluate.runner import gold_text

    out = []
    for path in sorted(gold_dir.rglob("*.jsonl")):
        for _, record in read_jsonl(path):
            try:
                out.append({**record, "text": gold_text(record, path=path, seeds_dir=seeds_dir)})
            except EvaluationError:
                continue
    return out


@dataclass(frozen=True, slots=True)
class Bin:
    low: float
    high: float
    n: int
    mean_confidence: float | None
    share_right: float | None


def calibration_table(pairs: Iterable[tuple[float, int]]) -> tuple[list[Bin], Bin]:
    """Confidence bins with the share right in each, and the row of confidences >= 0.8."""
    pairs = list(pairs)

    def row(low: float, high: float) -> Bin:
        inside = [(c, y) for c, y in pairs if low <= c < high]
        if not inside:
            return Bin(low, min(high, 1.0), 0, None, None)
        return Bin(low, min(high, 1.0), len(inside), round(sum(c for c, _ in inside) / len(inside), 3),
                   round(sum(y for _, y in inside) / len(inside), 3))
    return [row(lo, hi) for lo, hi in zip(BINS, BINS[1:])], row(0.8, 1.0000001)


def format_table(title: str, pairs: list[tuple[float, int]]) -> str:
    """A Markdown table of one field's calibration (as docs/extraction-fields.md shows it)."""
    bins, high = calibration_table(pairs)
    lines = [f"{title} (n={len(pairs)})", "", "| confidence | n | mean confidence | share right |", "|---|---|---|---|"]
    for b in bins + [high]:
        label = f"≥ {b.low:.1f}" if b is high else f"{b.low:.1f}–{b.high:.1f}"
        mean = "–" if b.mean_confidence is None else f"{b.mean_confidence:.3f}"
        share = "–" if b.share_right is None else f"{b.share_right:.3f}"
        lines.append(f"| {label} | {b.n} | {mean} | {share} |")
    return "\n".join(lines)
