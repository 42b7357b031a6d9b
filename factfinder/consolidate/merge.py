"""Turn a cluster of reports into one incident with per-field provenance.

Values are never averaged: where sources agree the value stands with all its
reports behind it; where they disagree every value is kept with its reports and
the field is flagged as a conflict, for an analyst to settle.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from factfinder.consolidate.same_event import text_similarity
from factfinder.consolidate.telling import day_number
from factfinder.model import (
    Conflict, Count, DateRange, Event, FieldValue, Place, SourcedIncident,
)

# Summaries this similar from different outlets are copies of one wire story.
WIRE_COPY_SIMILARITY = 0.95
_PLACE_RANK = {"point": 0, "town": 1, "admin2": 2, "admin1": 3, "country": 4}
_VERIFICATION_PRIORITY = ("alleged", "unconfirmed", "reported")


def independent_sources(reports: list[SourcedIncident]) -> int:
    """How many independent sources told the event.

    Reports from one outlet count once; so do copies of one wire story (the same
    story fingerprint, or near-identical wording) carried by several outlets.
    """
    parent = list(range(len(reports)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    for i, a in enumerate(reports):
        for j in range(i):
            if find(i) == find(j):
                continue  # already one source: no need to compare the wording
            b = reports[j]
            same_outlet = (a.outlet or a.incident.doc) == (b.outlet or b.incident.doc)
            same_copy = a.text_fingerprint is not None and a.text_fingerprint == b.text_fingerprint
            if same_outlet or same_copy or (
                text_similarity(a.incident.summary, b.incident.summary) >= WIRE_COPY_SIMILARITY
                and a.incident.doc != b.incident.doc
            ):
                union(i, j)
    return len({find(i) for i in range(len(reports))})


def _group(values: list[tuple[str | float | None, str]]) -> tuple[FieldValue, ...]:
    by_value: dict[str | float | None, list[str]] = defaultdict(list)
    for value, key in values:
        by_value[value].append(key)
    ordered = sorted(by_value.items(), key=lambda kv: -len(kv[1]))
    return tuple(FieldValue(value=v, reports=tuple(keys)) for v, keys in ordered)


def _merge_date(reports: list[SourcedIncident]) -> tuple[DateRange | None, tuple[FieldValue, ...], bool]:
    dated = [(d, r.key) for r in reports if (d := r.incident.date) is not None]
    if not dated:
        return None, (), False
    values = _group([(f"{d.start}/{d.end}", k) for d, k in dated])
    # The most precise date wins (the narrowest range), most reported first on ties.
    support = {fv.value: len(fv.reports) for fv in values}
    best = min(dated, key=lambda dk: (day_number(dk[0].end) - day_number(dk[0].start),
                                      -support[f"{dk[0].start}/{dk[0].end}"]))[0]
    day_values = {d.start for d, _ in dated if d.start == d.end}
    return best, values, len(day_values) > 1


def _merge_location(reports: list[SourcedIncident]) -> tuple[Place | None, tuple[FieldValue, ...], bool]:
    located = [(p, r.key) for r in reports if (p := r.incident.location) is not None]
    if not located:
        return None, (), False
    values = _group([(p.name or p.span.text, k) for p, k in located])
    best = min(located, key=lambda pk: (_PLACE_RANK.get(pk[0].precision or "country", 5),
                                        not pk[0].resolved))[0]
    finest = _PLACE_RANK.get(best.precision or "country", 5)
    same_level = {p.name for p, _ in located if _PLACE_RANK.get(p.precision or "country", 5) == finest}
    return best, values, len(same_level) > 1


def _merge_counts(reports: list[SourcedIncident]) -> tuple[tuple[Count, ...], list[tuple[str, tuple[FieldValue, ...]]], list[Conflict]]:
    by_category: dict[str, list[tuple[Count, str]]] = defaultdict(list)
    for r in reports:
        for c in r.incident.counts:
            by_category[c.category].append((c, r.key))
    merged: list[Count] = []
    provenance: list[tuple[str, tuple[FieldValue, ...]]] = []
    conflicts: list[Conflict] = []
    for category, items in by_category.items():
        values = _group([(c.value, k) for c, k in items])
        field_name = f"counts.{category}"
        provenance.append((field_name, values))
        if len(values) > 1:
            conflicts.append(Conflict(field=field_name, values=values))
        top = values[0].value  # most reported value; the conflict keeps the others
        merged.append(next(c for c, _ in items if c.value == top))
    return tuple(merged), provenance, conflicts


def _verification(reports: list[SourcedIncident], independent: int) -> str:
    states = {r.incident.verification for r in reports}
    if "disputed" in states:
        return "disputed"
    if independent >= 2:
        return "corroborated"
    for state in _VERIFICATION_PRIORITY:
        if state in states:
            return state
    return "reported"


def _names(reports: list[SourcedIncident], attr: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for r in reports:
        for actor in getattr(r.incident, attr):
            seen.setdefault(actor.name, None)
    return tuple(seen)


def consolidated_id(reports: list[SourcedIncident]) -> str:
    """Stable across runs: derived from the first report's key."""
    return "inc-" + hashlib.sha256(min(r.key for r in reports).encode()).hexdigest()[:16]


def merge_cluster(reports: list[SourcedIncident]) -> Event:
    date, date_values, date_conflict = _merge_date(reports)
    location, place_values, place_conflict = _merge_location(reports)
    counts, count_provenance, conflicts = _merge_counts(reports)
    if date_conflict:
        conflicts.insert(0, Conflict(field="date", values=date_values))
    if place_conflict:
        conflicts.insert(0, Conflict(field="location", values=place_values))
    provenance = [("date", date_values), ("location", place_values), *count_provenance]
    independent = independent_sources(reports)
    return Event(
        id=consolidated_id(reports),
        type=reports[0].incident.type,
        reports=tuple(reports),
        date=date,
        location=location,
        perpetrators=_names(reports, "perpetrators"),
        targets=_names(reports, "targets"),
        counts=counts,
        provenance=tuple((f, v) for f, v in provenance if v),
        conflicts=tuple(conflicts),
        verification=_verification(reports, independent),
        independent_sources=independent,
    )
