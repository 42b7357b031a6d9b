"""Scoring a geoparser the way the held-out geoparsing corpora are scored.

Gold and predicted mentions are matched one to one by overlapping span (exact
matches first, then largest overlap). Mention precision/recall/F1 by exact span
and by overlap; accuracy within 161 km and 25 km is end to end over every gold
toponym with coordinates (an unfound or unresolved one is a miss); the median
error is over matched, resolved pairs. Used by ``bench/geo_devset.py`` and
callable from ``factfinder eval``.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from factfinder.geo.gazetteer import haversine_km

# GeoWebNews types that are proper toponyms (../shared/devsets/README.md).
GWN_TOPONYM_TYPES = frozenset({"Literal", "Non_Literal_Modifier", "Metonymic", "Embedded_Non_Lit", "Mixed",
                               "Literal_Modifier", "Coercion", "Embedded_Literal"})


@dataclass(frozen=True, slots=True)
class GoldPlace:
    start: int
    end: int
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class PredictedPlace:
    start: int
    end: int
    lat: float | None
    lon: float | None


@dataclass
class GeoScore:
    gold: int = 0
    predicted: int = 0
    exact_matches: int = 0
    overlap_matches: int = 0
    gold_with_coords: int = 0
    hits_161: int = 0
    hits_25: int = 0
    errors_km: list[float] = field(default_factory=list)

    def add(self, gold: Sequence[GoldPlace], predicted: Sequence[PredictedPlace]) -> list[tuple[GoldPlace, PredictedPlace | None]]:
        """Score one document; returns the gold-to-prediction matching for error analysis."""
        self.gold += len(gold)
        self.predicted += len(predicted)
        pairs = match_mentions(gold, predicted)
        for g, p in pairs:
            if p is not None:
                self.overlap_matches += 1
                self.exact_matches += int((g.start, g.end) == (p.start, p.end))
            if g.lat is None or g.lon is None:
                continue
            self.gold_with_coords += 1
            if p is None or p.lat is None or p.lon is None:
                continue
            error = haversine_km(g.lat, g.lon, p.lat, p.lon)
            self.errors_km.append(error)
            self.hits_161 += int(error <= 161)
            self.hits_25 += int(error <= 25)
        return pairs

    def summary(self) -> dict[str, Any]:
        def prf(matches: int) -> tuple[float, float, float]:
            p = matches / self.predicted if self.predicted else 0.0
            r = matches / self.gold if self.gold else 0.0
            return round(p, 3), round(r, 3), round(2 * p * r / (p + r), 3) if p + r else 0.0

        n = self.gold_with_coords or 1
        return {"gold": self.gold, "predicted": self.predicted,
                "exact_prf": prf(self.exact_matches), "overlap_prf": prf(self.overlap_matches),
                "acc161": round(self.hits_161 / n, 3), "acc25": round(self.hits_25 / n, 3),
                "median_km": round(statistics.median(self.errors_km), 1) if self.errors_km else None,
                "gold_with_coords": self.gold_with_coords}


def match_mentions(gold: Sequence[GoldPlace], predicted: Sequence[PredictedPlace]) -> list[tuple[GoldPlace, PredictedPlace | None]]:
    """One-to-one matching: exact spans first, then the largest overlap."""
    used: set[int] = set()
    matched: dict[int, int] = {}
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if pi not in used and (p.start, p.end) == (g.start, g.end):
                matched[gi] = pi
                used.add(pi)
                break
    overlaps = sorted(((min(g.end, p.end) - max(g.start, p.start), gi, pi)
                       for gi, g in enumerate(gold) if gi not in matched
                       for pi, p in enumerate(predicted) if pi not in used and p.start < g.end and g.start < p.end),
                      reverse=True)
    for _size, gi, pi in overlaps:
        if gi not in matched and pi not in used:
            matched[gi] = pi
            used.add(pi)
    return [(g, predicted[matched[gi]] if gi in matched else None) for gi, g in enumerate(gold)]


def gold_places(record: dict[str, Any]) -> list[GoldPlace]:
    """The scored gold toponyms of a devset record (GeoWebNews or TR-News layout)."""
    out = []
    text = record["text"]
    for t in record["gold"]["toponyms"]:
        if t.get("offset_status", "ok") != "ok" or text[t["start"]:t["end"]] != t["text"]:
            continue
        if "type" in t and t["type"] not in GWN_TOPONYM_TYPES:
            continue
        lat, lon = t.get("lat"), t.get("lon")
        out.append(GoldPlace(t["start"], t["end"], float(lat) if lat is not None else None,
                             float(lon) if lon is not None else None))
    return out


def predicted_places(records: Iterable[dict[str, Any]]) -> list[PredictedPlace]:
    """`place` records of the output contract as predictions."""
    return [PredictedPlace(r["start"], r["end"], r.get("lat"), r.get("lon"))
            for r in records if r.get("record") == "place"]
