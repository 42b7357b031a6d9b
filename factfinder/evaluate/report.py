"""What one evaluation run reports, as a table for people and JSON for tools."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from factfinder.errors import FactfinderError
from factfinder.evaluate.metrics import Score


class EvaluationError(FactfinderError):
    """A gold or devset file cannot be scored as given; the message says why and what to do."""


class StageUnavailable(EvaluationError):
    """A pipeline stage the gold needs is not implemented yet (it raised NotImplementedError)."""


@dataclass
class Report:
    """Scores of one gold or devset file.

    ``scores`` are precision/recall tallies (their F1 is what floors pin);
    ``figures`` are single numbers such as accuracies and median errors.
    """

    kind: str  # "extract", "geo", "devset:gwn", "devset:tr_news", "devset:isaf"
    source: str
    documents: int = 0
    scores: dict[str, Score] = field(default_factory=dict)
    figures: dict[str, float | int | None] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def scored(self) -> bool:
        return bool(self.scores or self.figures)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "source": self.source, "documents": self.documents,
                "scores": {k: v.as_dict() for k, v in ordered(self.scores)},
                "figures": dict(self.figures), "notes": list(self.notes)}


_ORDER = ("incident", "date", "location", "counts", "perpetrators", "targets", "attribution", "attribution_source",
          "verification", "all_fields", "statistics", "statistics.as_of", "mention_exact", "mention_overlap")


def _row_key(name: str) -> tuple[int, str]:
    """Detection first, then its per-type rows, then fields in a fixed order."""
    if name.startswith("incident."):
        return (1, name)
    return (0 if name == "incident" else 2 + (_ORDER.index(name) if name in _ORDER else len(_ORDER)), name)


def ordered(scores: dict[str, Score]) -> list[tuple[str, Score]]:
    return sorted(scores.items(), key=lambda item: _row_key(item[0]))


def format_report(report: Report) -> str:
    """A fixed-width table: one row per field, then the single figures, then notes."""
    lines = [f"{report.kind}: {report.source} ({report.documents} documents)"]
    if report.scores:
        lines.append(f"  {'field':<32}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'pred':>6}{'gold':>6}")
        for name, s in ordered(report.scores):
            lines.append(f"  {name:<32}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.predicted:>6}{s.gold:>6}")
    for name, value in report.figures.items():
        shown = "n/a" if value is None else (f"{value:.4g}" if isinstance(value, float) else str(value))
        lines.append(f"  {name:<32}{shown:>7}")
    lines.extend(f"  note: {n}" for n in report.notes)
    return "\n".join(lines)
