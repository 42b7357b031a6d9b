"""Scoring the real annotated dev sets of ../shared/devsets exactly as their README says.

- gwn, tr_news: places through ``Pipeline.geoparse``; mention P/R/F1 (exact and
  overlap), accuracy within 161 and 25 km end to end, median error.
- isaf: through ``Pipeline.extract``; per document the killed sum and the
  arrested+detained sum equal the gold numbers, the primary incident's date
  (day precision), the primary located incident's admin1.
- case2021, event_location, hrds: through ``Pipeline.extract``, scored in
  ``devsets_events`` on the contract records.

``split`` keeps one fixed half of a file (``devsets_events.split_of``), so that a
part of every dev set stays aside as a final check.

The files are read at run time; nothing of them is copied into the project.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from factfinder.evaluate.devsets_events import (
    SPLITS, CaseTally, EventLocationTally, HrdsTally, country_matcher, primary_incident, split_of,
)
from factfinder.evaluate.geo import GeoTally
from factfinder.evaluate.report import EvaluationError, Report, StageUnavailable
from factfinder.evaluate.predict import make_document, predict_extraction_many, predict_places, read_jsonl

Record = dict[str, Any]
# The GeoWebNews types that are proper toponyms (the others are common nouns, demonyms, languages).
GWN_TOPONYM_TYPES = frozenset({
    "Literal", "Non_Literal_Modifier", "Metonymic", "Embedded_Non_Lit", "Mixed", "Literal_Modifier",
    "Coercion", "Embedded_Literal",
})
# Dev sets scored through extraction (the others through geoparsing).
EXTRACTION_KINDS = frozenset({"isaf", "case2021", "event_location", "hrds"})
# Units whose counts are not people, left out of casualty sums.
NON_PEOPLE_UNITS = frozenset({"households", "household", "buildings", "building", "homes", "money", "USD"})


def devset_kind(record: Record) -> str:
    gold = record.get("gold") or {}
    if "toponyms" in gold:
        return "gwn" if any("type" in t for t in gold["toponyms"]) else "tr_news"
    if "min_killed" in gold or "start_date" in gold:
        return "isaf"
    if "event_type" in gold:
        return "case2021"
    if "event_locations" in gold:
        return "event_location"
    if "violation_types" in gold:
        return "hrds"
    raise EvaluationError("not a devset record (no gold.toponyms, min_killed, event_type, event_locations "
                          "or violation_types); score gold files without --devset")


def gold_places(record: Record, kind: str) -> tuple[list[Record], int]:
    """Gold toponyms to score, and how many were skipped (non-toponym types, broken offsets)."""
    text, keep, skipped = record["text"], [], 0
    for t in record["gold"]["toponyms"]:
        if kind == "gwn" and t.get("type") not in GWN_TOPONYM_TYPES:
            continue
        if text[t["start"]:t["end"]] != t.get("text"):
            skipped += 1
            continue
        keep.append(t)
    return keep, skipped


def _people_sum(incidents: list[Record], categories: set[str]) -> float:
    return sum(float(c["value"]) for inc in incidents for c in inc.get("counts") or ()
               if c["category"] in categories and c.get("unit") not in NON_PEOPLE_UNITS)


def normalise_admin1(name: str | None) -> str:
    """Case- and accent-insensitive, without words like "province"."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"\b(province|provincia|wilayat|velayat|region|state|governorate)\b", " ", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


class IsafTally:
    """Per-document hits of the ISAF measures."""

    def __init__(self) -> None:
        self.docs = 0
        self.killed = 0
        self.captured = 0
        self.date_docs = 0
        self.date_hits = 0
        self.admin1_docs = 0
        self.admin1_hits = 0

    def add(self, gold: Record, incidents: list[Record]) -> None:
        self.docs += 1
        if gold.get("min_killed") is not None:
            self.killed += _people_sum(incidents, {"killed"}) == gold["min_killed"]
        if gold.get("min_captured") is not None:
            self.captured += _people_sum(incidents, {"arrested", "detained"}) == gold["min_captured"]
        if gold.get("start_date"):
            self.date_docs += 1
            primary = primary_incident(incidents)
            date = (primary or {}).get("date") or {}
            self.date_hits += date.get("start") == gold["start_date"] and date.get("precision") == "day"
        provinces = {normalise_admin1(p) for p in gold.get("province") or () if p}
        if provinces:
            self.admin1_docs += 1
            located = primary_incident(incidents, located=True)
            admin1 = normalise_admin1(((located or {}).get("location") or {}).get("admin1"))
            self.admin1_hits += bool(admin1) and admin1 in provinces

    def figures(self) -> dict[str, float | int | None]:
        def rate(hits: int, n: int) -> float | None:
            return round(hits / n, 4) if n else None
        return {"killed_sum_accuracy": rate(self.killed, self.docs),
                "captured_sum_accuracy": rate(self.captured, self.docs),
                "primary_date_accuracy": rate(self.date_hits, self.date_docs),
                "primary_admin1_accuracy": rate(self.admin1_hits, self.admin1_docs),
                "documents_with_date": self.date_docs, "documents_with_province": self.admin1_docs}


def evaluate_devset(path: Path, *, pipeline: Any | None = None, limit: int | None = None,
                    split: str | None = None, sample: int | None = None) -> Report:
    """Score one devset file with the pipeline, as ../shared/devsets/README.md describes.

    ``split`` ("dev" or "check") keeps one fixed half; ``sample`` keeps every
    n-th record of what is left (a fixed sample of a big file, for the CI gate);
    ``limit`` then keeps the first N.
    """
    if split is not None and split not in SPLITS:
        raise EvaluationError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    if pipeline is None:
        from factfinder.pipeline import Pipeline

        pipeline = Pipeline()
    records = [r for _, r in read_jsonl(path)]
    if split is not None:
        records = [r for r in records if split_of(str(r.get("id"))) == split]
    if sample:
        records = records[::sample]
    records = records[:limit]
    if not records:
        raise EvaluationError(f"{path} holds no records (for this split); check the path")
    kind = devset_kind(records[0])
    label = kind + (f"/{split}" if split else "")
    report = Report(kind=f"devset:{label}", source=str(path))
    geo, isaf, skipped = GeoTally(), IsafTally(), 0
    case, location = CaseTally(), EventLocationTally()
    hrds = HrdsTally(country_matcher(getattr(pipeline, "gazetteer", None))) if kind == "hrds" else None
    documents = [make_document(r["text"], published=r.get("pub_date"), id_=r.get("id")) for r in records]
    try:
        if kind in EXTRACTION_KINDS:
            for record, (incidents, _) in zip(records, predict_extraction_many(pipeline, documents)):
                gold = record["gold"]
                if kind == "isaf":
                    isaf.add(gold, incidents)
                elif kind == "case2021":
                    case.add(gold, incidents)
                elif kind == "event_location":
                    location.add(record["text"], gold, incidents)
                else:
                    assert hrds is not None
                    hrds.add(gold, incidents)
                report.documents += 1
        else:
            for record, document in zip(records, documents):
                places, bad = gold_places(record, kind)
                skipped += bad
                geo.add(places, predict_places(pipeline, document))
                report.documents += 1
    except StageUnavailable as exc:
        report.notes.append(str(exc))
        return report
    if kind == "isaf":
        report.figures = isaf.figures()
    elif kind == "case2021":
        report.figures = case.figures()
        report.notes.extend(f"{name}: n={n} acc={acc:.3f} -> {preds}" for name, n, acc, preds in case.confusion_rows())
    elif kind == "event_location":
        report.figures = location.figures()
    elif kind == "hrds":
        assert hrds is not None
        report.figures = hrds.figures()
    else:
        report.scores, report.figures = geo.scores(), geo.figures()
        if skipped:
            report.notes.append(f"{skipped} gold spans skipped: their offsets do not match their text")
    return report
