"""Inference of ``factfinder.event_type.tfidf.v1`` with numpy only (no scikit-learn at run time).

The artefact ``factfinder/data/models/event_type_tfidf_v1.npz`` holds the
vocabulary, the idf weights and one row of logistic-regression coefficients per
class (float16); ``train.py`` writes it and docs/models.md says what it was
trained on. Its SHA-256 is pinned here: a different file is refused, so a
result can always be traced to the exact weights that produced it.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from factfinder.errors import FactfinderError
from factfinder.extract.event_type.features import ngrams

NAME = "factfinder.event_type.tfidf.v1"
ARTEFACT = Path(__file__).resolve().parents[2] / "data" / "models" / "event_type_tfidf_v1.npz"
SHA256 = "25a9a12d75d8881df73cb0d8a50ae87d850bd51f9877b19d8a6a808df07e36e8"


@dataclass(frozen=True, slots=True)
class Prediction:
    """Per-class probabilities of one sentence, and the n-gram that pushed each class most."""

    probabilities: dict[str, float]
    cues: dict[str, str]

    def best(self, exclude: frozenset[str] = frozenset()) -> tuple[str, float]:
        return max(((c, p) for c, p in self.probabilities.items() if c not in exclude),
                   key=lambda item: item[1], default=("none", 0.0))


class EventTypeModel:
    """TF-IDF (sublinear tf, l2) and one logistic regression per class, scored with numpy."""

    def __init__(self, vocabulary: list[str], idf: Any, coef: Any, intercept: Any, classes: list[str],
                 meta: dict[str, Any]) -> None:
        self.index = {term: i for i, term in enumerate(vocabulary)}
        self.vocabulary = vocabulary
        self.idf = idf.astype("float32")
        self.coef = coef.astype("float32")  # classes x features
        self.intercept = intercept.astype("float32")
        self.classes = classes
        self.meta = meta

    @classmethod
    def load(cls, path: Path = ARTEFACT, sha256: str | None = SHA256) -> "EventTypeModel":
        import numpy as np

        try:
            data = path.read_bytes()
        except OSError as exc:
            raise FactfinderError(f"the event-type model {path} cannot be read ({exc.strerror}); reinstall "
                                  "factfinder or retrain it (docs/models.md)") from exc
        digest = hashlib.sha256(data).hexdigest()
        if sha256 is not None and digest != sha256:
            raise FactfinderError(f"the event-type model {path} has SHA-256 {digest}, not the pinned {sha256}; "
                                  "reinstall factfinder, or pin the new digest in model.py after retraining")
        with np.load(path, allow_pickle=False) as npz:
            return cls(str(npz["vocabulary"]).split("\n"), npz["idf"], npz["coef"], npz["intercept"],
                       str(npz["classes"]).split("\n"), json.loads(str(npz["meta"])))

    def predict(self, text: str) -> Prediction:
        import numpy as np

        counts: dict[int, int] = {}
        for term in ngrams(text):
            i = self.index.get(term)
            if i is not None:
                counts[i] = counts.get(i, 0) + 1
        if not counts:
            return Prediction({c: 1 / (1 + math.exp(-float(b))) for c, b in zip(self.classes, self.intercept)}, {})
        ids = np.fromiter(counts, dtype=np.int64)
        values = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float32))) * self.idf[ids]
        values /= np.linalg.norm(values)
        contributions = self.coef[:, ids] * values  # classes x present features
        scores = contributions.sum(axis=1) + self.intercept
        probabilities = 1.0 / (1.0 + np.exp(-scores))
        best = contributions.argmax(axis=1)
        return Prediction({c: float(p) for c, p in zip(self.classes, probabilities)},
                          {c: self.vocabulary[int(ids[j])] for c, j in zip(self.classes, best)})


@lru_cache(maxsize=1)
def default_model() -> EventTypeModel:
    """The shipped model, loaded once on first use (never at import)."""
    return EventTypeModel.load()
