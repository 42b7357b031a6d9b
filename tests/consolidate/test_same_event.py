"""The one "same event" scorer: the two declared rule sets, and the exactness of ``Reach``."""

from __future__ import annotations

import random
from dataclasses import replace

from factfinder.consolidate.reach import Probe, Reach
from factfinder.consolidate.same_event import ACROSS_SOURCES, WITHIN_DOCUMENT, same_event, score
from factfinder.consolidate.telling import Telling
from factfinder.model import Actor, Count, DateRange, Incident, Place, Span

LEAD = ("Security forces detained 40 protesters in Mandalay on 3 March 2024, a rights group said. "
        "Troops also detained 38 students in Monywa the next day.")


def _incident(sentence: str, *, day: str, place: str, lat: float, lon: float, admin1: str,
              detained: float, doc: str = "d1", story: int = 0) -> Incident:
    start = LEAD.index(sentence) if sentence in LEAD else 0
    span = Span(start, start + len(sentence), sentence)
    return Incident(doc=doc, type="arrest", summary=sentence, evidence=(span,), story=story,
                    date=DateRange(day, day, "day"),
                    location=Place(span, name=place, lat=lat, lon=lon, country="MM", admin1=admin1, precision="town"),
                    perpetrators=(Actor("Myanmar military", span),),
                    counts=(Count("detained", detained, "exact", "people", span),))


FIRST = "Security forces detained 40 protesters in Mandalay on 3 March 2024, a rights group said."
SECOND = "Troops also detained 38 students in Monywa the next day."


def test_within_a_document_a_day_apart_is_another_event_across_sources_the_same() -> None:
    a = _incident(FIRST, day="2024-03-03", place="Mandalay", lat=21.97, lon=96.08, admin1="Mandalay", detained=40)
    b = _incident(SECOND, day="2024-03-04", place="Mandalay", lat=21.97, lon=96.08, admin1="Mandalay", detained=40)
    assert not same_event(Telling.of(a), Telling.of(b), WITHIN_DOCUMENT)  # no day of slack in one story
    other_source = replace(b, doc="d2")
    assert same_event(Telling.of(a), Telling.of(other_source), ACROSS_SOURCES)  # sources lag a day or two


def test_two_towns_of_one_province_are_one_operation_within_a_document_only() -> None:
    a = _incident(FIRST, day="2024-03-03", place="Mandalay", lat=21.97, lon=96.08, admin1="Sagaing", detained=40)
    b = _incident(SECOND, day="2024-03-03", place="Monywa", lat=22.11, lon=95.14, admin1="Sagaing", detained=38)
    # 98 km apart: beyond the cross-source town reach (75 km), inside one admin1 area
    assert same_event(Telling.of(a), Telling.of(b), WITHIN_DOCUMENT)
    assert score(Telling.of(a), Telling.of(replace(b, doc="d2")), ACROSS_SOURCES) == 0.0


def test_figures_within_hedging_agree_in_one_document_and_grade_across_sources() -> None:
    a = _incident(FIRST, day="2024-03-03", place="Mandalay", lat=21.97, lon=96.08, admin1="Mandalay", detained=40)
    b = _incident(SECOND, day="2024-03-03", place="Mandalay", lat=21.97, lon=96.08, admin1="Mandalay", detained=300)
    far = replace(b, perpetrators=a.perpetrators)
    assert not same_event(Telling.of(a), Telling.of(far), WITHIN_DOCUMENT)  # 40 and 300: two detentions
    near = replace(far, counts=(Count("detained", 38, "exact", "people", b.evidence[0]),))
    assert same_event(Telling.of(a), Telling.of(near), WITHIN_DOCUMENT)  # 38 and 40: one toll, hedged
    # Across sources figures are graded evidence, not a veto: the same day, place and actor still merge.
    assert score(Telling.of(a), Telling.of(replace(far, doc="d2")), ACROSS_SOURCES) >= ACROSS_SOURCES.threshold


def _telling(rng: random.Random, n: int, lat: float, lon: float, day: int) -> Telling:
    span = Span(0, 10, "Police arr")
    precision = rng.choice(["town", "town", "point", "admin1", "country", None])
    place = None if precision is None else Place(span, name=f"P{n % 7}", lat=lat, lon=lon, country="XX",
                                                 admin1=f"A{n % 3}", precision=precision)  # type: ignore[arg-type]
    iso = f"2024-03-{day:02d}"
    incident = Incident(doc=f"d{n}", type="arrest", summary=f"Police arrested {n % 5} people", evidence=(span,),
                        date=DateRange(iso, iso, "day") if rng.random() > 0.1 else None, location=place)
    return Telling.of(incident)


def test_reach_never_rules_out_a_pair_the_scorer_would_merge() -> None:
    """``Reach.excludes`` is exact: whenever it passes a group over, every member scores 0. Probes
    are put near the groups (within about 1.5 degrees and 4 days, across the antimeridian and
    at high latitudes too), so that close calls are tried, not only far ones."""
    rng = random.Random(3)
    excluded = kept_and_merged = 0
    for g in range(300):
        lat = rng.choice([rng.uniform(-75, 75), rng.uniform(50, 60), rng.uniform(-60, -50)])
        lon, day = rng.choice([rng.uniform(-180, 180), 179.8]), rng.randrange(5, 25)
        group = [_telling(rng, g * 10 + k, lat + rng.uniform(-0.4, 0.4),
                          (lon + rng.uniform(-0.6, 0.6) + 180) % 360 - 180, day + rng.randrange(-1, 2))
                 for k in range(3)]
        reach = Reach()
        for member in group:
            reach.add(Probe.of(member, ACROSS_SOURCES))
        for k in range(30):
            probe = _telling(rng, g * 10 + k % 5, lat + rng.uniform(-1.0, 1.0),
                             (lon + rng.uniform(-2.0, 2.0) + 180) % 360 - 180, day + rng.randrange(-4, 5))
            scores = [score(probe, member, ACROSS_SOURCES) for member in group]
            if reach.excludes(Probe.of(probe, ACROSS_SOURCES)):
                excluded += 1
                assert scores == [0.0, 0.0, 0.0]
            elif max(scores) > 0:
                kept_and_merged += 1
    assert excluded > 500 and kept_and_merged > 500  # both sides of the test were tried
