"""Is each predicted incident, and each of its fields, right? And how well does confidence say so?

Labels come from the same matching rules as the scorers, one rule per kind of gold.
``date``, ``location`` and ``actors`` are labelled only where the incident gives a
value (their confidence says "this value is right"; with no value it is 0, and
there is nothing to label); ``counts`` is labelled either way (the counts given,
or none, are right):

- the project's gold (``tests/gold/extract``, exhaustive): an incident is right when it
  matches a gold incident (``extraction.match_incidents``); its type is right when a gold
  incident sharing its evidence has its type; a matched incident's date and location
  are right when they equal the gold's (a value where the gold has none is wrong), its
  counts when they equal the gold's, its actors when every perpetrator and target it
  names is one of the gold's;
- case2021: the primary incident's type is in the snippet class's accept set;
- hrds: an incident of a violation type (arrest, disappearance, killing, torture) is
  right when the article reports such a violation; the first matching one's date when
  it is the gold day, its actors when its perpetrators' class (state / non-state) is the
  gold perpetrator type's, its place when it is the gold city (else region);
- isaf: the primary incident's date is the gold day, the primary located incident's admin1
  the gold province;
- event_location: every incident's place overlaps a gold place span of the sentence
  (a place where the sentence gives none is wrong).

``None`` is "not labelled" (no gold says, or no value to judge). ``calibration_table``
bins confidences and gives the share right in each bin, and of those at 0.8 or more.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factfinder.evaluate.devsets import normalise_admin1
from factfinder.evaluate.devsets_events import (
    CASE_ACCEPT, HRDS_TYPES, HRDS_VIOLATION_TYPES, PERPETRATOR_CLASS, _overlaps, gold_day, perpetrator_class,
    primary_incident,
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


def _given(gold: Any, pred: Any, equal: Any) -> int | None:
    """Whether the value given is right: None when none is given, wrong where the gold has none."""
    if pred is None:
        return None
    return int(gold is not None and bool(equal(gold, pred)))


def _actors_right(gold: Record, pred: Record) -> int | None:
    """Every perpetrator and target the incident names is one of the gold's (None: it names none)."""
    perpetrators, targets = _names(pred.get("perpetrators")), _names(pred.get("targets"))
    if not perpetrators and not targets:
        return None
    return int(perpetrators <= _names(gold.get("perpetrators")) and targets <= _names(gold.get("targets")))


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
            labels["date"] = _given(g.get("date"), pred.get("date"), same_date)
            labels["location"] = _given(g.get("location"), pred.get("location"), same_location)
            labels["counts"] = int({_count_key(c) for c in g.get("counts") or ()}
                                   == {_count_key(c) for c in pred.get("counts") or ()})
            labels["actors"] = _actors_right(g, pred)
        out.append(labels)
    return out


def _hrds_place(gold: Record, place: Record) -> int | None:
    """An HRDsAttack article's place: the gold city by the name the text or the gazetteer gives it,
    else the gold region at admin1; None where the gold names a country only (nothing finer to judge)."""
    names = {normalise_admin1(place.get("text")), normalise_admin1(place.get("name"))}
    if gold.get("city"):
        return int(normalise_admin1(gold["city"]) in names)
    if gold.get("region"):
        region = normalise_admin1(gold["region"])
        return int(region in names or normalise_admin1(place.get("admin1")) == region)
    return None


def devset_labels(kind: str, record: Record, predicted: list[Record]) -> list[Labels]:
    """Labels of each predicted incident of one dev-set (or hrds_train) record; unlabelled fields None.

    Each dev set labels what it annotates, by its own scoring rule (one function per set)."""
    out = [_empty() for _ in predicted]
    labeller = _DEVSET_LABELLERS.get(kind)
    if labeller is not None:
        labeller(record, record.get("gold") or {}, predicted, out)
    return out


def _at(predicted: list[Record], incident: Record | None) -> int | None:
    """The position of ``incident`` (one of ``predicted``, by identity)."""
    return next((n for n, p in enumerate(predicted) if p is incident), None)


def _case2021(record: Record, gold: Record, predicted: list[Record], out: list[Labels]) -> None:
    """The primary incident's type, in the class's accept set."""
    at = _at(predicted, primary_incident(predicted))
    if at is not None:
        right = int(predicted[at]["type"] in CASE_ACCEPT.get(gold.get("event_type", ""), frozenset()))
        out[at]["incident"] = out[at]["type"] = right


def _hrds(record: Record, gold: Record, predicted: list[Record], out: list[Labels]) -> None:
    """Every incident of a violation type; the first one that the article reports: its day,
    perpetrator class and place."""
    violations = [v for v in gold.get("violation_types") or () if v in HRDS_VIOLATION_TYPES]
    accepted = frozenset().union(*(HRDS_VIOLATION_TYPES[v] for v in violations))
    for labels, pred in zip(out, predicted):
        if pred["type"] in HRDS_TYPES:
            labels["incident"] = labels["type"] = int(pred["type"] in accepted)
    found = next((n for n, p in enumerate(predicted) if p["type"] in accepted), None)
    if found is None:
        return
    first, labels = predicted[found], out[found]
    day = gold_day(gold)
    if day and first.get("date"):
        labels["date"] = int(first["date"].get("start") == day and first["date"].get("precision") == "day")
    wanted = PERPETRATOR_CLASS.get(gold.get("perpetrator_type") or "")
    if wanted and first.get("perpetrators"):
        labels["actors"] = int(perpetrator_class(first) == wanted)
    if first.get("location"):
        labels["location"] = _hrds_place(gold, first["location"])


def _isaf(record: Record, gold: Record, predicted: list[Record], out: list[Labels]) -> None:
    """The primary incident's day; the primary located incident's province (admin1)."""
    at = _at(predicted, primary_incident(predicted))
    if at is None:
        return
    date = predicted[at].get("date")
    if gold.get("start_date") and date:
        out[at]["date"] = int(date.get("start") == gold["start_date"] and date.get("precision") == "day")
    provinces = {normalise_admin1(p) for p in gold.get("province") or ()}
    located = primary_incident(predicted, located=True)  # the province scorer's incident
    n = _at(predicted, located)
    if provinces and located is not None and n is not None:
        out[n]["location"] = int(normalise_admin1(located["location"].get("admin1")) in provinces)


def _event_location(record: Record, gold: Record, predicted: list[Record], out: list[Labels]) -> None:
    """Each incident's place: right when it overlaps a gold event place (wrong where there is none)."""
    places = [(g["start"], g["end"]) for g in gold.get("event_locations") or ()]
    for labels, pred in zip(out, predicted):
        needle = (pred.get("location") or {}).get("text")
        if needle:
            labels["location"] = int(any(_overlaps(record["text"], s, e, needle) for s, e in places))


_DEVSET_LABELLERS: dict[str, Callable[[Record, Record, list[Record], list[Labels]], None]] = {
    "case2021": _case2021, "hrds": _hrds, "isaf": _isaf, "event_location": _event_location,
}


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


SUMMARY_HEADER = ("| dev set · field | n | 0.0–0.2 | 0.2–0.4 | 0.4–0.6 | 0.6–0.8 | 0.8–1.0 | of those ≥ 0.8: right |"
                  " no value (of all incidents) |\n|---|---|---|---|---|---|---|---|---|")


def format_row(title: str, pairs: list[tuple[float, int]], *, no_value: int | None = None) -> str:
    """One row of the summary table: the share right (and how many) in each bin, as docs/ shows them."""
    bins, high = calibration_table(pairs)
    cells = ["–" if b.share_right is None else f"{b.share_right:.3f} ({b.n})" for b in bins]
    above = "–" if high.share_right is None else f"{high.share_right:.3f} of {high.n}"
    return f"| {title} | {len(pairs)} | {' | '.join(cells)} | {above} | {'–' if no_value is None else no_value} |"
