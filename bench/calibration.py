"""Calibration tables of the confidence stage on the dev sets: bins of confidence and the share right.

Usage: .venv/bin/python bench/calibration.py [--shared DIR] [--limit N] [--sample K] [SET ...]
SET among case2021, hrds, isaf, event_location, gold (the project's own gold, which the
model was fitted on: an in-sample check). Each incident's labels follow the dev set's
own scoring rule (factfinder/evaluate/calibration.py); a field a dev set does not
annotate is left out, and so is a date, place or actors field the incident gives no
value for (its confidence is 0; "no value" counts, of all the set's incidents, those
that give none). Dev sets are read at run time from ../shared and only measured:
nothing is fitted on them. Prints one Markdown table per (set, field), then the
summary table that docs/extraction-fields.md shows.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FILES = {"case2021": "case2021_dev.jsonl", "hrds": "hrds_dev.jsonl", "isaf": "isaf_dev.jsonl",
         "event_location": "event_location_dev.jsonl"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="*", default=[*FILES, "gold"])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--limit", type=int, default=None, help="at most N records of each set")
    ap.add_argument("--sample", type=int, default=1, help="every K-th record (event_location is 6,662)")
    args = ap.parse_args()

    from factfinder.confidence.features import GIVEN
    from factfinder.evaluate.calibration import (
        FIELDS, SUMMARY_HEADER, format_row, format_table, gold_records, labelled_extractions, read_records,
    )
    from factfinder.pipeline import Pipeline

    pipeline = Pipeline()
    summary = [SUMMARY_HEADER]
    for name in args.sets:
        started = time.perf_counter()
        if name == "gold":
            records = gold_records(ROOT / "tests" / "gold" / "extract", seeds_dir=args.shared / "seeds")
        else:
            records = read_records(args.shared / "devsets" / FILES[name])
        records = records[::args.sample][:args.limit]
        pairs: dict[str, list[tuple[float, int]]] = {f: [] for f in FIELDS}
        no_value = dict.fromkeys(GIVEN, 0)
        incidents = 0
        for extraction, labels in labelled_extractions(pipeline, [(name, r) for r in records]):
            for incident, label in zip(extraction.incidents, labels):
                if incident.confidence is None:
                    continue
                incidents += 1
                for field in FIELDS:
                    if label[field] is not None:
                        pairs[field].append((getattr(incident.confidence, field), label[field]))
                    elif field in no_value and not _given(incident, field):
                        no_value[field] += 1
        print(f"## {name}: {len(records)} records, {incidents} incidents, {time.perf_counter() - started:.0f} s\n")
        for field in FIELDS:
            if pairs[field]:
                print(format_table(f"{name} · {field}", pairs[field]) + "\n")
                summary.append(format_row(f"{name} · {field}", pairs[field], no_value=no_value.get(field)))
    print("\n".join(summary))


def _given(incident: object, field: str) -> bool:
    if field == "actors":
        return bool(getattr(incident, "perpetrators") or getattr(incident, "targets"))
    return getattr(incident, field) is not None


if __name__ == "__main__":
    main()
