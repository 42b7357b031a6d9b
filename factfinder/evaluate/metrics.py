"""Counting primitives of the evaluation: precision/recall/F1 tallies and distances."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from collections.abc import Iterable, Sequence
from typing import Any

from factfinder.geo.gazetteer import haversine_km as haversine_km  # re-exported for the scorers


@dataclass(frozen=True, slots=True)
class Score:
    """A precision/recall tally: ``tp`` hits over ``predicted`` and ``gold`` items.

    Tallies add up across documents (micro-averaging), so a long document
    weighs by what it contains, not as one vote.
    """

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def __add__(self, other: "Score") -> "Score":
        return Score(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def defined(self) -> bool:
        """False when neither gold nor prediction has anything: the score says nothing."""
        return bool(self.predicted or self.gold)

    def as_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "predicted": self.predicted, "gold": self.gold}


def set_score(predicted: Iterable[Any], gold: Iterable[Any]) -> Score:
    """Score two collections as sets: each distinct predicted value found in gold is a hit."""
    p, g = set(predicted), set(gold)
    return Score(len(p & g), len(p), len(g))


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters two half-open ranges share."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def greedy_pairs(candidates: Sequence[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold, predicted) taken best weight first; ties keep input order."""
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, g, p in sorted(candidates, key=lambda c: -c[0]):
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            pairs.append((g, p))
    return sorted(pairs)
