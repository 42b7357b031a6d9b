"""Scoring extracted incidents and statistics against gold (rules in docs/eval.md).

Both sides are plain dicts in the shape of the output contract (predictions
are ``records.incident_record`` output, gold follows docs/gold-format.md), so
the same scorer can read a saved ``factfinder extract --jsonl`` run.
"""

from __future__ import annotations

import unicodedata
from typing import Any, Callable

from factfinder.evaluate.metrics import Score, greedy_pairs, haversine_km, overlap, set_score

Record = dict[str, Any]
# Gold location without coordinates matches by name and country; with them, within this distance.
LOCATION_KM = 25.0
FIELDS: tuple[str, ...] = (
    "date", "location", "counts", "perpetrators", "targets", "attribution", "attribution_source", "verification",
)


def evidence_overlap(a: Record, b: Record) -> int:
    """Characters shared by the evidence spans of two records."""
    return sum(overlap(x["start"], x["end"], y["start"], y["end"])
               for x in a.get("evidence") or () for y in b.get("evidence") or ())


def match_incidents(gold: list[Record], predicted: list[Record]) -> list[tuple[int, int]]:
    """One-to-one (gold, predicted) pairs: same type, overlapping evidence, largest overlap first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if g["type"] == p["type"]:
                shared = evidence_overlap(g, p)
                if shared > 0:
                    candidates.append((shared, gi, pi))
    return greedy_pairs(candidates)


def _norm(value: Any) -> str:
    text = unicodedata.normalize("NFKD", str(value))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


def _names(items: list[Any] | None) -> set[str]:
    """Canonical names from gold strings or predicted ``{"name": ...}`` objects."""
    return {_norm(i["name"] if isinstance(i, dict) else i) for i in items or () if i}


def same_date(gold: Record, pred: Record) -> bool:
    return gold.get("start") == pred.get("start") and gold.get("end") == pred.get("end")


def same_location(gold: Record, pred: Record) -> bool:
    """A place within 25 km of the gold point; a country is its country code at country precision.

    A country's point is a convention (the gazetteer's and an annotator's centres lie hundreds
    of km apart), and the contract's country-level place says only "in this country": two
    country-level places of the same country are the same answer, a town in it is not.
    """
    if gold.get("precision") == "country":
        return pred.get("precision") == "country" and bool(gold.get("country")) \
            and (gold.get("country") or "").upper() == (pred.get("country") or "").upper()
    if gold.get("lat") is not None and gold.get("lon") is not None:
        if pred.get("lat") is None or pred.get("lon") is None:
            return False
        return haversine_km(gold["lat"], gold["lon"], pred["lat"], pred["lon"]) <= LOCATION_KM
    return (_norm(gold.get("name") or "") == _norm(pred.get("name") or "")
            and (gold.get("country") or "").upper() == (pred.get("country") or "").upper())


def _single(name: str, equal: Callable[[Record, Record], bool]) -> Callable[[Record, Record], Score]:
    def score(gold: Record, pred: Record) -> Score:
        g, p = gold.get(name), pred.get(name)
        return Score(int(g is not None and p is not None and equal(g, p)), int(p is not None), int(g is not None))
    return score


def _count_key(c: Record) -> tuple[str, float, str]:
    return (c["category"], float(c["value"]), c.get("qualifier") or "exact")


FIELD_SCORERS: dict[str, Callable[[Record, Record], Score]] = {
    "date": _single("date", same_date),
    "location": _single("location", same_location),
    "counts": lambda g, p: set_score(map(_count_key, p.get("counts") or ()), map(_count_key, g.get("counts") or ())),
    "perpetrators": lambda g, p: set_score(_names(p.get("perpetrators")), _names(g.get("perpetrators"))),
    "targets": lambda g, p: set_score(_names(p.get("targets")), _names(g.get("targets"))),
    "attribution": lambda g, p: set_score({a["kind"] for a in p.get("attribution") or ()},
                                          {a["kind"] for a in g.get("attribution") or ()}),
    "attribution_source": lambda g, p: set_score({_norm(a["source"]) for a in p.get("attribution") or ()},
                                                 {_norm(a["source"]) for a in g.get("attribution") or ()}),
    "verification": _single("verification", lambda g, p: g == p),
}


# The fields a monitor checks on every incident (issue 21): all must be right for ``all_fields``.
WHOLE_FIELDS: tuple[str, ...] = ("date", "location", "counts", "perpetrators", "targets")


def _field_right(name: str, gold: Record, pred: Record) -> bool:
    """A field is right when the pair's score for it is perfect, or both sides leave it empty."""
    score = FIELD_SCORERS[name](gold, pred)
    return score.tp == score.predicted == score.gold


def score_incidents(gold: list[Record], predicted: list[Record]) -> dict[str, Score]:
    """Detection (overall and per type) plus every field over the matched pairs of one document."""
    pairs = match_incidents(gold, predicted)
    scores: dict[str, Score] = {"incident": Score(len(pairs), len(predicted), len(gold))}
    for t in sorted({r["type"] for r in gold} | {r["type"] for r in predicted}):
        hits = sum(1 for gi, _ in pairs if gold[gi]["type"] == t)
        scores[f"incident.{t}"] = Score(hits, sum(r["type"] == t for r in predicted),
                                        sum(r["type"] == t for r in gold))
    for name in FIELDS:
        total = Score()
        for gi, pi in pairs:
            total += FIELD_SCORERS[name](gold[gi], predicted[pi])
        scores[name] = total
    # incidents found with type, date, place, counts, perpetrators and targets all right
    whole = sum(all(_field_right(n, gold[gi], predicted[pi]) for n in WHOLE_FIELDS) for gi, pi in pairs)
    scores["all_fields"] = Score(whole, len(predicted), len(gold))
    return scores


def match_statistics(gold: list[Record], predicted: list[Record]) -> list[tuple[int, int]]:
    """One-to-one pairs with equal (category, value) and overlapping evidence."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if g["category"] == p["category"] and float(g["value"]) == float(p["value"]):
                shared = evidence_overlap(g, p)
                if shared > 0:
                    candidates.append((shared, gi, pi))
    return greedy_pairs(candidates)


def score_statistics(gold: list[Record], predicted: list[Record]) -> dict[str, Score]:
    pairs = match_statistics(gold, predicted)
    as_of = Score()
    for gi, pi in pairs:
        g, p = gold[gi].get("as_of"), predicted[pi].get("as_of")
        as_of += Score(int(g is not None and g == p), int(p is not None), int(g is not None))
    return {"statistics": Score(len(pairs), len(predicted), len(gold)), "statistics.as_of": as_of}


def score_extraction(gold_doc: Record, incidents: list[Record], statistics: list[Record]) -> dict[str, Score]:
    """All extraction scores of one gold document against its predicted records."""
    scores = score_incidents(gold_doc.get("incidents") or [], incidents)
    scores.update(score_statistics(gold_doc.get("statistics") or [], statistics))
    return scores


def add_scores(total: dict[str, Score], more: dict[str, Score]) -> dict[str, Score]:
    out = dict(total)
    for name, score in more.items():
        out[name] = out.get(name, Score()) + score
    return out
