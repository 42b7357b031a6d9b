"""Do two reports describe the same event? Field-by-field compatibility.

Each test answers with a number in [0, 1] or ``None`` when a field is unknown on
one side (unknown is neither evidence for nor against). Hard incompatibilities
(two places 300 km apart, dates a month apart) veto a merge outright: a monitor
would rather see two incidents than one wrong merge.
"""

from __future__ import annotations

import re
from datetime import date

from rapidfuzz import fuzz

from factfinder.geo.gazetteer import haversine_km
from factfinder.model import DateRange, Place, Report

# How far apart two reports of one event may be. The day window covers the
# usual lag of "yesterday" / "on Tuesday" resolution and time-zone edges.
DATE_WINDOW_DAYS = 2
# Radius within which two town-precision places are the same event place.
TOWN_RADIUS_KM = 25.0
# Radius within which two differently named admin1 areas may still be one place.
ADMIN1_RADIUS_KM = 100.0

_WORD = re.compile(r"[a-z0-9]+")


def day_number(iso: str) -> int:
    return date.fromisoformat(iso).toordinal()


def date_compatibility(a: DateRange | None, b: DateRange | None, *,
                       window_days: int = DATE_WINDOW_DAYS) -> float | None:
    """1.0 for the same day, lower as days part; 0 beyond the window; None if unknown.

    ``window_days`` is the slack between sources (2); within one document the
    merge stage gives none (0: the ranges must overlap)."""
    if a is None or b is None:
        return None
    a0, a1, b0, b1 = (day_number(d) for d in (a.start, a.end, b.start, b.end))
    gap = max(0, max(a0, b0) - min(a1, b1))  # 0 when the ranges overlap
    if gap > window_days:
        return 0.0
    return 1.0 - gap / (window_days + 1)


_RANK = {"point": 0, "town": 1, "admin2": 2, "admin1": 3, "country": 4}


def place_compatibility(a: Place | None, b: Place | None) -> float | None:
    """Compare at the coarser of the two precisions; None when either is unknown."""
    if a is None or b is None or (not a.resolved and not a.name) or (not b.resolved and not b.name):
        return None
    if a.country and b.country and a.country != b.country:
        return 0.0
    coarser = max(_RANK.get(a.precision or "country", 4), _RANK.get(b.precision or "country", 4))
    if coarser >= _RANK["country"]:
        return 0.5  # same country only: weak evidence
    if coarser == _RANK["admin1"]:
        if a.admin1 and b.admin1 and a.admin1.casefold() == b.admin1.casefold():
            return 0.7
        # Sources name regions differently ("Kyiv" city vs "Kyiv Oblast"); close
        # coordinates still say the same area.
        if a.resolved and b.resolved:
            km = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
            return 0.5 if km <= ADMIN1_RADIUS_KM else 0.0
        return 0.5 if not (a.admin1 and b.admin1) else 0.0
    if a.resolved and b.resolved:
        km = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        radius = TOWN_RADIUS_KM if coarser <= _RANK["town"] else 4 * TOWN_RADIUS_KM
        return 0.0 if km > radius * 3 else max(0.0, 1.0 - km / (radius * 3))
    same_name = (a.name or "").casefold() == (b.name or "").casefold()
    return 1.0 if same_name else 0.0


def set_overlap(a: tuple[str, ...], b: tuple[str, ...]) -> float | None:
    """Overlap of canonical names over the shorter list (one report often names one party of a
    fight the other names both of: that agrees); None when either side names nobody."""
    if not a or not b:
        return None
    sa, sb = set(a), set(b)
    return len(sa & sb) / min(len(sa), len(sb))


def text_similarity(a: str, b: str) -> float:
    """Token-set similarity of two summaries, robust to reordering and extra clauses."""
    return fuzz.token_set_ratio(" ".join(_WORD.findall(a.lower())), " ".join(_WORD.findall(b.lower()))) / 100.0


def count_agreement(a: Report, b: Report) -> float | None:
    """Share of common count categories whose values agree; None if none in common."""
    va = {c.category: c.value for c in a.incident.counts}
    vb = {c.category: c.value for c in b.incident.counts}
    common = set(va) & set(vb)
    if not common:
        return None
    return sum(1.0 for k in common if va[k] == vb[k]) / len(common)


# Weights of the evidence for "same event"; known fields only are averaged.
WEIGHTS = {"date": 0.25, "place": 0.25, "actors": 0.15, "targets": 0.1, "counts": 0.1, "text": 0.15}
SAME_EVENT_THRESHOLD = 0.6


# Two copies of one story (a digest repeating an item, one wire story in two
# outlets) tell the same events: same-type incidents in them merge once their
# wording is this similar, even when one copy is worded anew.
COPY_TEXT_SIMILARITY = 0.4


def _copies_of_one_story(a: Report, b: Report) -> bool:
    return (a.text_fingerprint is not None and a.text_fingerprint == b.text_fingerprint
            and (a.incident.doc, a.incident.story) != (b.incident.doc, b.incident.story))


def same_event_score(a: Report, b: Report) -> float:
    """Weighted agreement over the known fields; 0 when a hard field disagrees.

    The cheap hard fields (type, date, place) are tested first so that most
    candidate pairs are rejected before the text comparison runs.
    """
    ia, ib = a.incident, b.incident
    if ia.type != ib.type:
        return 0.0
    date_score = date_compatibility(ia.date, ib.date)
    if date_score == 0.0:
        return 0.0
    place_score = place_compatibility(ia.location, ib.location)
    if place_score == 0.0:
        return 0.0
    text_score = text_similarity(ia.summary, ib.summary)
    if _copies_of_one_story(a, b) and text_score >= COPY_TEXT_SIMILARITY:
        return 1.0
    # With neither a date nor a place on both sides, only near-identical wording counts.
    if date_score is None and place_score is None and text_score < 0.85:
        return 0.0
    scores = {
        "date": date_score,
        "place": place_score,
        "actors": set_overlap(tuple(x.name for x in ia.perpetrators), tuple(x.name for x in ib.perpetrators)),
        "targets": set_overlap(tuple(x.name for x in ia.targets), tuple(x.name for x in ib.targets)),
        "counts": count_agreement(a, b),
        "text": text_score,
    }
    known = {k: v for k, v in scores.items() if v is not None}
    return sum(WEIGHTS[k] * v for k, v in known.items()) / sum(WEIGHTS[k] for k in known)
