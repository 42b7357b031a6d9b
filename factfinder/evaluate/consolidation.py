"""Scoring consolidation on annotated pairs of reports (tests/gold/consolidation/).

Each gold pair is two short reports from two outlets and whether they tell the
same event. Both texts go through the whole pipeline (extraction, dates,
places); in each, the incident of the pair's type whose evidence overlaps the
annotated anchor sentence stands for the event (any incident overlapping it
when none has that type). The two documents' incidents are consolidated
together, and the pair is predicted "same" when those two incidents land in one
merged incident.

Pairwise precision = pairs predicted same that are same / pairs predicted same;
recall = pairs predicted same that are same / pairs that are same. A pair where
extraction found no incident at an anchor is predicted "different" (a miss for
a same pair) and counted in the ``anchor_missed`` figure.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from factfinder.evaluate.metrics import Score
from factfinder.evaluate.report import EvaluationError, Report
from factfinder.model import Incident, Report as SourceReport


def _anchor_incident(incidents: tuple[Incident, ...], text: str, anchor: str, kind: str) -> int | None:
    start = text.find(anchor)
    if start < 0:
        raise EvaluationError(f"anchor {anchor[:40]!r} is not in its text; fix the gold line")
    end = start + len(anchor)
    overlapping = [i for i, inc in enumerate(incidents) if any(s.start < end and start < s.end for s in inc.evidence)]
    typed = [i for i in overlapping if incidents[i].type == kind]
    chosen = typed or overlapping
    return chosen[0] if chosen else None


def evaluate_pairs(path: Path, *, pipeline: Any | None = None, limit: int | None = None) -> Report:
    from factfinder.consolidate import consolidate
    from factfinder.pipeline import Pipeline
    from factfinder.text import document_from_text

    pipeline = pipeline or Pipeline()
    report = Report(kind="consolidation", source=str(path))
    pairs = Score()
    missed = wrong_type = 0
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for line in lines[:limit]:
        gold = json.loads(line)
        chosen: list[tuple[str, Incident]] = []
        reports: list[SourceReport] = []
        for side in ("a", "b"):
            item = gold[side]
            doc = document_from_text(item["text"], published=item.get("published"),
                                     url=f"https://{item['outlet']}/{gold['id']}-{side}")
            incidents = pipeline.extract(doc).incidents
            reports += [SourceReport(key=f"{side}:{n}", incident=inc, outlet=item["outlet"],
                                     published=item.get("published")) for n, inc in enumerate(incidents)]
            index = _anchor_incident(incidents, item["text"], gold[f"{side}_anchor"], gold["type"])
            if index is not None:
                chosen.append((f"{side}:{index}", incidents[index]))
        report.documents += 2
        predicted_same = False
        if len(chosen) == 2:
            wrong_type += sum(1 for _, inc in chosen if inc.type != gold["type"])
            cluster_of = {r.key: n for n, merged in enumerate(consolidate(reports)) for r in merged.reports}
            predicted_same = cluster_of[chosen[0][0]] == cluster_of[chosen[1][0]]
        else:
            missed += 1
        pairs += Score(tp=int(predicted_same and gold["same"]), predicted=int(predicted_same),
                       gold=int(bool(gold["same"])))
    report.scores["merge_pairs"] = pairs
    report.figures["pairs"] = len(lines[:limit])
    report.figures["anchor_missed"] = missed
    report.figures["anchor_other_type"] = wrong_type
    return report
