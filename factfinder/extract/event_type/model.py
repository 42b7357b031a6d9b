"""Inference of ``factfinder.event_type.tfidf.v3`` with numpy only (no scikit-learn at run time).

The artefact ``factfinder/data/models/event_type_tfidf_v3.npz`` holds the
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

NAME = "factfinder.event_type.tfidf.v3"
ARTEFACT = Path(__file__).resolve().parents[2] / "data" / "models" / "event_type_tfidf_v3.npz"
SHA256 = "7a48787c61bdff6f2c28f5eaffe4e3994daaebd2bc96016e37020d69b2e83caf"


@dataclass(frozen=True, slots=True)
class Prediction:
    """Per-class probabilities of one sentence; ``cue`` names the n-gram that pushed a class most."""

    probabilities: dict[str, float]
    terms: tuple[str, ...] = ()  # the sentence's known n-grams
    contributions: Any = None  # terms x classes: tf-idf value times coefficient
    classes: tuple[str, ...] = ()

    def best(self, exclude: frozenset[str] = frozenset()) -> tuple[str, float]:
        return max(((c, p) for c, p in self.probabilities.items() if c not in exclude),
                   key=lambda item: item[1], default=("none", 0.0))

    def cue(self, kind: str) -> str | None:
        if not self.terms or kind not in self.classes:
            return None
        return self.terms[int(self.contributions[:, self.classes.index(kind)].argmax())]


class EventTypeModel:
    """TF-IDF (sublinear tf, l2) and one logistic regression per class, scored with numpy."""

    def __init__(self, vocabulary: list[str], idf: Any, coef: Any, intercept: Any, classes: list[str],
                 meta: dict[str, Any]) -> None:
        self.index = {term: i for i, term in enumerate(vocabulary)}
        self.vocabulary = vocabulary
        self.idf = idf.astype("float32")
        self.weights = coef.astype("float32").T.copy()  # features x classes: one row gathered per n-gram
        self.intercept = intercept.astype("float32")
        self.classes = classes
        self.meta = meta
        # The same sentence is read again: by the rules' second look after the parse, by a short
        # text's whole reading and by the confidence stage (its incidents' sentences). A reading
        # depends on the text alone, and callers only read it.
        self._predict_cached = lru_cache(maxsize=2048)(self._predict)

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
        """Per-class probabilities of ``text`` (a sentence or a short text)."""
        return self._predict_cached(text)

    def _predict(self, text: str) -> Prediction:
        import numpy as np

        counts: dict[int, int] = {}
        for term in ngrams(text):
            i = self.index.get(term)
            if i is not None:
                counts[i] = counts.get(i, 0) + 1
        if not counts:
            return Prediction({c: 1 / (1 + math.exp(-float(b))) for c, b in zip(self.classes, self.intercept)})
        ids = np.fromiter(counts, dtype=np.int64, count=len(counts))
        values = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))) * self.idf[ids]
        values /= np.linalg.norm(values)
        contributions = self.weights[ids] * values[:, None]  # present features x classes
        scores = contributions.sum(axis=0) + self.intercept
        probabilities = 1.0 / (1.0 + np.exp(-scores))
        return Prediction(dict(zip(self.classes, probabilities.tolist())),
                          tuple(self.vocabulary[i] for i in counts), contributions, tuple(self.classes))


@lru_cache(maxsize=1)
def default_model() -> EventTypeModel:
    """The shipped model, loaded once on first use (never at import)."""
    return EventTypeModel.load()
