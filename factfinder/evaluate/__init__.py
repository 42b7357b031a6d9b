"""evaluation: score the pipeline against gold files and the shared dev sets.

    reports = evaluate_paths([Path("tests/gold")])       # gold of docs/gold-format.md
    report = evaluate_devset(Path("../shared/devsets/gwn.jsonl"))
    print(format_report(report))

Matching and field rules are in docs/eval.md; the quality gate
(tests/test_quality_gate.py) compares the F1s with tests/gold/floors.json.
"""

from __future__ import annotations

from factfinder.evaluate.devsets import evaluate_devset
from factfinder.evaluate.extraction import match_incidents, match_statistics, score_extraction
from factfinder.evaluate.floors import check_floors
from factfinder.evaluate.geo import GeoTally, match_mentions
from factfinder.evaluate.metrics import Score, haversine_km
from factfinder.evaluate.report import EvaluationError, Report, StageUnavailable, format_report
from factfinder.evaluate.runner import evaluate_file, evaluate_paths

__all__ = [
    "EvaluationError", "GeoTally", "Report", "Score", "StageUnavailable", "check_floors", "evaluate_devset",
    "evaluate_file", "evaluate_paths", "format_report", "haversine_km", "match_incidents", "match_mentions",
    "match_statistics", "score_extraction",
]
