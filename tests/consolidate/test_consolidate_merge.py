"""Consolidation: same events merge across sources, different events stay apart,
conflicts are kept side by side, and only independent sources corroborate."""

from __future__ import annotations

from dataclasses import replace

from factfinder.consolidate import build_series, consolidate
from factfinder.model import (
    Actor, Attribution, Count, DateRange, Incident, Place, Report, Span, Statistic,
)


def _span(text: str) -> Span:
    return Span(0, len(text), text)


def _place(name: str, lat: float, lon: float, country: str, admin1: str, precision: str = "town") -> Place:
    return Place(span=_span(name), name=name, lat=lat, lon=lon, country=country, admin1=admin1,
                 precision=precision)  # type: ignore[arg-type]


PAUKTAW = _place("Pauktaw", 20.17, 92.90, "MM", "Rakhine")
SITTWE = _place("Sittwe", 20.15, 92.90, "MM", "Rakhine")
MANDALAY = _place("Mandalay", 21.97, 96.08, "MM", "Mandalay")


def _report(key: str, summary: str, *, kind: str = "arrest", day: str | None = "2023-11-17",
            place: Place | None = PAUKTAW, outlet: str = "rfa.org", counts: tuple[tuple[str, float], ...] = (),
            perpetrators: tuple[str, ...] = ("Myanmar military",), verification: str = "reported",
            fingerprint: str | None = None) -> Report:
    incident = Incident(
        doc=f"doc-{key}", type=kind, summary=summary, evidence=(_span(summary),),
        date=DateRange(day, day, "day") if day else None, location=place,
        perpetrators=tuple(Actor(name=n, span=_span(n)) for n in perpetrators),
        targets=(Actor(name="civilians", span=_span("civilians")),),
        counts=tuple(Count(category=c, value=v, qualifier="approx", unit="people", span=_span(str(v)))
                     for c, v in counts),
        attribution=(Attribution(source=outlet, kind="media", span=_span(outlet)),),
        verification=verification,
    )
    return Report(key=key, incident=incident, outlet=outlet, text_fingerprint=fingerprint)


def test_two_outlets_reporting_one_arrest_merge_and_corroborate() -> None:
    merged = consolidate([
        _report("a", "Junta troops arrested nearly a hundred residents of Pauktaw after retaking the town.",
                counts=(("arrested", 100),)),
        _report("b", "About 100 people were detained by soldiers in Pauktaw, Rakhine State, residents said.",
                outlet="irrawaddy.com", counts=(("arrested", 100),)),
    ])
    assert len(merged) == 1
    incident = merged[0]
    assert incident.verification == "corroborated"
    assert incident.independent_sources == 2
    assert [r.key for r in incident.reports] == ["a", "b"]
    assert not incident.conflicts


def test_one_outlet_twice_is_not_corroboration() -> None:
    merged = consolidate([
        _report("a", "Troops arrested residents in Pauktaw on Friday.", counts=(("arrested", 100),)),
        _report("b", "Residents of Pauktaw were arrested by troops, the station reported.", counts=(("arrested", 100),)),
    ])
    assert len(merged) == 1
    assert merged[0].independent_sources == 1
    assert merged[0].verification == "reported"


def test_wire_copies_in_two_outlets_count_once() -> None:
    merged = consolidate([
        _report("a", "Soldiers detained dozens of villagers in Pauktaw.", outlet="paper-one.com", fingerprint="wire-1"),
        _report("b", "Soldiers detained dozens of villagers in Pauktaw.", outlet="paper-two.com", fingerprint="wire-1"),
    ])
    assert len(merged) == 1
    assert merged[0].independent_sources == 1


def test_count_conflict_is_kept_side_by_side() -> None:
    merged = consolidate([
        _report("a", "At least 15 civilians were killed in Pauktaw during the battle.", kind="killing",
                counts=(("killed", 15),)),
        _report("b", "Twenty civilians died in Pauktaw in two days of fighting, an aid group said.", kind="killing",
                outlet="aid-group.org", counts=(("killed", 20),)),
    ])
    assert len(merged) == 1
    (conflict,) = merged[0].conflicts
    assert conflict.field == "counts.killed"
    assert sorted(v.value for v in conflict.values) == [15, 20]
    assert {k for v in conflict.values for k in v.reports} == {"a", "b"}


def test_same_day_events_far_apart_stay_separate() -> None:
    merged = consolidate([
        _report("a", "Troops arrested residents in Pauktaw.", place=PAUKTAW),
        _report("b", "Troops arrested residents in Mandalay.", place=MANDALAY, outlet="other.org"),
    ])
    assert len(merged) == 2


def test_events_beyond_the_date_window_stay_separate() -> None:
    merged = consolidate([
        _report("a", "Troops arrested residents in Pauktaw.", day="2023-11-02"),
        _report("b", "Troops arrested residents in Pauktaw.", day="2023-11-17", outlet="other.org"),
    ])
    assert len(merged) == 2


def test_different_types_never_merge() -> None:
    merged = consolidate([
        _report("a", "Troops arrested residents in Pauktaw.", kind="arrest"),
        _report("b", "Troops shelled Pauktaw.", kind="attack", outlet="other.org"),
    ])
    assert len(merged) == 2


def test_nearby_town_within_radius_merges() -> None:
    merged = consolidate([
        _report("a", "Military council forces arrested civilians near the town.", place=PAUKTAW,
                counts=(("arrested", 100),)),
        _report("b", "Military council forces arrested civilians near the town.", place=SITTWE, outlet="x.org",
                counts=(("arrested", 100),)),
    ])
    assert len(merged) == 1
    assert merged[0].conflicts[0].field == "location"


def test_repeated_digest_item_without_date_or_place_merges_by_wording() -> None:
    text = "A Chinese police official has been elected to the Executive Committee of Interpol."
    merged = consolidate([
        _report("a", text, kind="other", day=None, place=None, perpetrators=(), fingerprint="story-4"),
        _report("b", text, kind="other", day=None, place=None, perpetrators=(), fingerprint="story-4"),
        _report("c", "Police detained six protesters outside the consulate.", kind="arrest", day=None,
                place=None, perpetrators=()),
    ])
    assert [len(m.reports) for m in merged] == [2, 1]
    assert merged[0].independent_sources == 1


def test_a_denial_makes_the_merged_incident_disputed() -> None:
    merged = consolidate([
        _report("a", "Troops arrested residents in Pauktaw.", counts=(("arrested", 100),)),
        _report("b", "The army denied that troops arrested residents in Pauktaw.", outlet="state-tv.mm",
                verification="disputed", counts=(("arrested", 100),)),
    ])
    assert len(merged) == 1 and merged[0].verification == "disputed"


def _stat(value: float, as_of: str, doc: str) -> Statistic:
    text = f"{value} civilians have been arrested since the military coup"
    return Statistic(doc=doc, measure="civilians arrested since the military coup", category="arrested",
                     value=value, qualifier="exact", unit="people", evidence=(_span(text),), as_of=as_of,
                     attribution=(Attribution(source="Assistance Association for Political Prisoners", kind="ngo",
                                              span=_span("AAPP")),))


def test_statistics_form_a_series_by_as_of_date() -> None:
    series = build_series([_stat(19693, "2023-11-17", "d2"), _stat(19500, "2023-10-01", "d1"),
                           _stat(19693, "2023-11-17", "d3")])
    assert len(series) == 1
    points = series[0].points
    assert [(p.as_of, p.value) for p in points] == [("2023-10-01", 19500), ("2023-11-17", 19693)]
    assert points[1].docs == ("d2", "d3")


def test_a_digest_item_retold_in_other_words_merges_through_its_story_link() -> None:
    first = _report("a", "Hu Binchen, a deputy director-general of China's police ministry, was elected to "
                         "Interpol's Executive Committee.", kind="other", day=None, place=None, perpetrators=(),
                    fingerprint="doc:3")
    again = _report("b", "Hu Binchen, a Chinese official, has applied for a top position at Interpol.",
                    kind="other", day=None, place=None, perpetrators=(), fingerprint="doc:3")
    first = Report(key=first.key, incident=replace(first.incident, doc="doc", story=3), outlet="digest",
                   text_fingerprint="doc:3")
    again = Report(key=again.key, incident=replace(again.incident, doc="doc", story=9), outlet="digest",
                   text_fingerprint="doc:3")
    merged = consolidate([first, again])
    assert len(merged) == 1 and merged[0].independent_sources == 1
