"""The calibrated confidence model ``factfinder.confidence.v1``: one logistic model per field.

``factfinder/data/models/confidence_v1.json`` holds, for each field of
``features.FIELD_FEATURES``, the feature names and their weights; ``train.py``
fits them (logistic regression, i.e. Platt scaling over several scores at once)
on the project's own gold reports and on ``hrds_train``, never on a dev set,
and docs/extraction-fields.md gives the calibration tables. Scoring is a dot
product and a sigmoid: no library at run time.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from factfinder.errors import FactfinderError
from factfinder.model import Confidence

NAME = "factfinder.confidence.v1"
ARTEFACT = Path(__file__).resolve().parents[1] / "data" / "models" / "confidence_v1.json"


@dataclass(frozen=True, slots=True)
class FieldModel:
    """One field's logistic model; with ``given``, the probability that the value given is right
    (0 when the feature ``given`` says no value is given: nothing to be right)."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    given: str | None = None

    def probability(self, values: dict[str, float]) -> float:
        if self.given is not None and not values[self.given]:
            return 0.0
        score = sum(w * values[f] for f, w in zip(self.features, self.weights))
        return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))


class ConfidenceModel:
    """Feature values in, a ``Confidence`` out (every field in [0, 1], rounded to 3 places)."""

    def __init__(self, fields: dict[str, FieldModel], meta: dict[str, Any] | None = None) -> None:
        self.fields = fields
        self.meta = meta or {}

    @classmethod
    def load(cls, path: Path = ARTEFACT) -> "ConfidenceModel":
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise FactfinderError(f"cannot read the confidence model {path} ({exc}); reinstall factfinder or "
                                  "rebuild it with `python -m factfinder.confidence.train`") from exc
        return cls.from_json(raw)

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> "ConfidenceModel":
        fields = {name: FieldModel(tuple(spec["features"]), tuple(float(w) for w in spec["weights"]), spec.get("given"))
                  for name, spec in raw["fields"].items()}
        return cls(fields, {k: v for k, v in raw.items() if k != "fields"})

    def to_json(self) -> dict[str, Any]:
        return {**self.meta, "fields": {name: {"features": list(m.features), "weights": [round(w, 5) for w in m.weights],
                                               **({"given": m.given} if m.given else {})}
                                        for name, m in self.fields.items()}}

    def confidence(self, values: dict[str, float]) -> Confidence:
        p = {name: round(m.probability(values), 3) for name, m in self.fields.items()}
        return Confidence(incident=p["incident"], type=p["type"], location=p["location"], date=p["date"],
                          counts=p["counts"], actors=p["actors"])


@lru_cache(maxsize=1)
def default_model() -> ConfidenceModel:
    return ConfidenceModel.load()
