"""The quality gate: pinned minimum F1s (and figures) that a change must not drop below.

floors.json maps a report kind to ``{score or figure name: minimum}``, e.g.
``{"extract": {"incident": 0.4, "date": 0.3}, "geo": {"mention_overlap": 0.6, "acc@161km": 0.5}}``.
A score is compared by its F1, a figure by its value. A floor whose score is
absent from the run (no gold yet, stage not implemented) is reported as
unchecked, not as a failure.
"""

from __future__ import annotations

import json
from pathlib import Path

from factfinder.evaluate.metrics import Score
from factfinder.evaluate.report import EvaluationError, Report


def load_floors(path: Path) -> dict[str, dict[str, float]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"cannot read floors from {path}: {exc}; it must be a JSON object") from exc
    return {kind: {k: float(v) for k, v in values.items()} for kind, values in data.items()
            if not kind.startswith("_")}


def measured(reports: list[Report]) -> dict[str, dict[str, float]]:
    """F1 of every score and value of every figure, pooled per kind over the reports."""
    pooled: dict[str, dict[str, Score]] = {}
    for report in reports:
        scores = pooled.setdefault(report.kind, {})
        for name, score in report.scores.items():
            scores[name] = scores[name] + score if name in scores else score
    out: dict[str, dict[str, float]] = {kind: {n: s.f1 for n, s in scores.items() if s.defined}
                                        for kind, scores in pooled.items()}
    for report in reports:
        for name, value in report.figures.items():
            # only rates are floors; a median error (lower is better) is reported, not gated
            if isinstance(value, float) and not name.endswith("_km"):
                kind = out.setdefault(report.kind, {})
                kind[name] = min(value, kind.get(name, value))  # several files: the weakest one counts
    return out


def check_floors(reports: list[Report], floors: dict[str, dict[str, float]]) -> tuple[list[str], list[str]]:
    """(failures, unchecked): floors the run fell below, and floors it had nothing to compare with."""
    values = measured(reports)
    failures, unchecked = [], []
    for kind, pinned in floors.items():
        for name, floor in pinned.items():
            value = values.get(kind, {}).get(name)
            if value is None:
                unchecked.append(f"{kind}.{name}")
            elif value + 1e-9 < floor:
                failures.append(f"{kind}.{name}: {value:.3f} < floor {floor:.3f}")
    return failures, unchecked
