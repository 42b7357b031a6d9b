"""Fit ``factfinder.confidence.v1``: one logistic model per field, on the project's gold and hrds_train.

    python -m factfinder.confidence.train [--gold tests/gold/extract] [--hrds ../shared/devsets/hrds_train.jsonl]

Training data (docs/extraction-fields.md, "Confidence"): the project's own
extraction gold (``tests/gold/extract/**/*.jsonl``: reports and NGO paragraphs
written for factfinder, and the two seed reports read from ../shared/seeds) and
``hrds_train.jsonl`` (HRDsAttack, Ran et al. 2023, MIT; the one dev-set file
the project may train on). The pipeline runs without this stage; each
incident's features (``features.py``) and its labels (the evaluation's
matching rules, ``evaluate/calibration.py``) make one row per field it labels.
A logistic regression over a field's features is Platt scaling of several
scores at once: its output is a calibrated probability on the data it saw.
No dev set is read. Seedless (the solver is deterministic).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from factfinder.confidence import features_of, type_probabilities
from factfinder.confidence.features import FIELD_FEATURES, GIVEN
from factfinder.confidence.model import ARTEFACT, NAME, ConfidenceModel, FieldModel

ROOT = Path(__file__).resolve().parents[2]


def labelled_rows(pipeline: Any, gold_dir: Path, hrds: Path | None
                  ) -> Iterator[tuple[dict[str, float], dict[str, int | None]]]:
    """(features, labels) of every predicted incident of the training documents."""
    from factfinder.evaluate.calibration import gold_records, labelled_extractions, read_records

    probabilities = type_probabilities()
    sources: list[tuple[str, dict[str, Any]]] = [("gold", r) for r in gold_records(gold_dir)]
    if hrds is not None:
        sources += [("hrds", r) for r in read_records(hrds)]
    for extraction, labels in labelled_extractions(pipeline, sources):
        yield from zip(features_of(extraction, probabilities), labels)


def fit(rows: list[tuple[dict[str, float], dict[str, int | None]]], *, strength: float = 1.0) -> ConfidenceModel:
    from sklearn.linear_model import LogisticRegression  # training only

    fields: dict[str, FieldModel] = {}
    counts: dict[str, dict[str, int]] = {}
    for field, names in FIELD_FEATURES.items():
        given = GIVEN.get(field)  # a "this value is right" field learns from values given only
        data = [([values[n] for n in names], label) for values, labels in rows
                if (label := labels.get(field)) is not None and (given is None or values[given])]
        ys = [y for _, y in data]
        counts[field] = {"rows": len(data), "right": sum(ys)}
        if len(set(ys)) < 2:
            raise SystemExit(f"too few labelled rows to fit {field} ({len(data)}); add gold")
        model = LogisticRegression(C=strength, fit_intercept=False, max_iter=2000)
        model.fit([x for x, _ in data], ys)
        fields[field] = FieldModel(names, tuple(float(w) for w in model.coef_[0]), given)
    return ConfidenceModel(fields, {"name": NAME, "trained_on": "tests/gold/extract/**/*.jsonl (seeds from ../shared/seeds) and hrds_train.jsonl",
                                    "rows": counts})


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "extract")
    parser.add_argument("--hrds", type=Path, default=None, help="hrds_train.jsonl (../shared/devsets/)")
    parser.add_argument("--no-hrds", action="store_true")
    parser.add_argument("-o", "--output", type=Path, default=ARTEFACT)
    args = parser.parse_args(argv)
    from factfinder.evaluate.calibration import pipeline_without

    pipeline = pipeline_without(NAME)
    hrds = None if args.no_hrds or args.hrds is None else args.hrds
    rows = list(labelled_rows(pipeline, args.gold, hrds))
    model = fit(rows)
    args.output.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    print(json.dumps(model.meta["rows"]))


if __name__ == "__main__":
    main()
