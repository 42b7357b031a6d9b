"""Scoring place mentions: finding them (by span) and resolving them (by distance).

Rules follow ../shared/devsets/README.md: mentions are matched one to one,
exact spans first, then largest overlap; accuracy within 161 km and 25 km is
end to end over gold places with coordinates (unfound or unresolved = miss).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from factfinder.evaluate.metrics import Score, greedy_pairs, haversine_km, median, overlap

Record = dict[str, Any]
ACCURACY_KM: tuple[float, ...] = (161.0, 25.0)


def match_mentions(gold: list[Record], predicted: list[Record]) -> list[tuple[int, int]]:
    """One-to-one (gold, predicted) pairs: exact spans first, then by overlap size."""
    exact = {(g["start"], g["end"]): gi for gi, g in enumerate(gold)}
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    for pi, p in enumerate(predicted):
        gi = exact.get((p["start"], p["end"]))
        if gi is not None and gi not in used_g:
            pairs.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    candidates = []
    for gi, g in enumerate(gold):
        if gi in used_g:
            continue
        for pi, p in enumerate(predicted):
            if pi not in used_p:
                shared = overlap(g["start"], g["end"], p["start"], p["end"])
                if shared > 0:
                    candidates.append((shared, gi, pi))
    return sorted(pairs + greedy_pairs(candidates))


def _has_coords(r: Record) -> bool:
    return r.get("lat") is not None and r.get("lon") is not None


@dataclass
class GeoTally:
    """Running totals over documents; ``figures`` turns them into the reported numbers."""

    exact: Score = field(default_factory=Score)
    overlap: Score = field(default_factory=Score)
    with_coords: int = 0
    hits: dict[float, int] = field(default_factory=lambda: {km: 0 for km in ACCURACY_KM})
    errors_km: list[float] = field(default_factory=list)

    def add(self, gold: list[Record], predicted: list[Record]) -> None:
        pairs = match_mentions(gold, predicted)
        exact_hits = sum(1 for gi, pi in pairs
                         if (gold[gi]["start"], gold[gi]["end"]) == (predicted[pi]["start"], predicted[pi]["end"]))
        self.exact += Score(exact_hits, len(predicted), len(gold))
        self.overlap += Score(len(pairs), len(predicted), len(gold))
        self.with_coords += sum(1 for g in gold if _has_coords(g))
        for gi, pi in pairs:
            g, p = gold[gi], predicted[pi]
            if not (_has_coords(g) and _has_coords(p)):
                continue
            km = haversine_km(g["lat"], g["lon"], p["lat"], p["lon"])
            self.errors_km.append(km)
            for limit in ACCURACY_KM:
                self.hits[limit] += km <= limit

    def scores(self) -> dict[str, Score]:
        return {"mention_exact": self.exact, "mention_overlap": self.overlap}

    def figures(self) -> dict[str, float | None]:
        out: dict[str, float | None] = {}
        for limit in ACCURACY_KM:
            out[f"acc@{int(limit)}km"] = round(self.hits[limit] / self.with_coords, 4) if self.with_coords else None
        error = median(self.errors_km)
        out["median_error_km"] = round(error, 1) if error is not None else None
        out["gold_with_coords"] = self.with_coords
        return out
