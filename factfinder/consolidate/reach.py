"""Ruling out a whole cluster at once, before any pair of it is scored.

Clustering 100,000 reports compares each with the clusters of its block; most
of them lie days or a hundred kilometres away, which the scorer's date and
place vetoes reject pair by pair. A cluster's ``Reach`` (the envelope of its
members' days and the cells of their places) lets ``cluster.py`` pass such a
cluster over in one test. It is exact: it rules out only what the scorer
(``same_event.score``) would score 0 against every member.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from factfinder.consolidate.same_event import SameEventRules
from factfinder.consolidate.telling import KM_PER_RADIAN, RANK, Telling


class Reach:
    """Where and when a group of tellings lies, so that a telling the scorer's vetoes would
    reject against every member is ruled out in one test (clustering 100,000 reports).

    Exact, never a guess: ``excludes`` is true only when ``score`` would be 0 for
    every member added. Dates: the members' days lie in one envelope; a telling
    more than the date window away from it is away from each. Places: the cell
    (``Probe``) of each member resolved at town or point precision; two such places
    whose cells are not neighbours are further apart than the town reach, at which
    two town places are compared. A member whose date or place the vetoes cannot
    use opens the group to every telling on that field.
    """

    __slots__ = ("first", "last", "undated", "bands", "cells", "band_only", "anywhere")

    def __init__(self) -> None:
        self.first: int | None = None
        self.last: int | None = None
        self.undated = False
        self.bands: set[int] = set()  # latitude bands of the members with one
        self.cells: set[tuple[int, int]] = set()  # (latitude band, longitude band) of those with both
        self.band_only: set[int] = set()  # latitude bands of members too near a pole for a longitude band
        self.anywhere = False

    def add(self, probe: Probe) -> None:
        days = probe.days
        if days is None:
            self.undated = True
        else:
            self.first = days[0] if self.first is None else min(self.first, days[0])
            self.last = days[1] if self.last is None else max(self.last, days[1])
        band = probe.band
        if band is None:
            self.anywhere = True
            return
        self.bands.add(band)
        if probe.lon_band is None:
            self.band_only.add(band)
        else:
            self.cells.add((band, probe.lon_band))

    def excludes(self, probe: Probe) -> bool:
        """Whether every member's score with the probed telling is 0."""
        if not probe.applies:
            return False
        days = probe.days
        if days is not None and not self.undated and self.first is not None and self.last is not None \
                and max(days[0], self.first) - min(days[1], self.last) > probe.window:
            return True
        band = probe.band
        if band is None or self.anywhere:
            return False
        near = probe.near_bands
        if self.bands.isdisjoint(near):
            return True
        if probe.lon_band is None or not self.band_only.isdisjoint(near):
            return False
        return self.cells.isdisjoint(probe.near_cells)


@dataclass(frozen=True, slots=True)
class Probe:
    """A telling as ``Reach`` reads it, worked out once per telling rather than per group.

    ``band``: the latitude band of a place resolved at town or point precision,
    bands a little wider than the town reach (two places two bands apart are
    further apart than that in latitude alone). ``lon_band``: the longitude band,
    for places within 60 degrees of the equator only: there the great-circle
    distance is at least ``2R asin(cos 60° sin(dlon / 2))``, so bands of the width
    at which that reaches the town reach part places of non-neighbouring bands
    (counted round the globe)."""

    days: tuple[int, int] | None
    band: int | None
    lon_band: int | None
    window: int
    applies: bool
    near_bands: tuple[int, ...] = ()
    near_cells: tuple[tuple[int, int], ...] = ()

    @classmethod
    def of(cls, telling: Telling, rules: SameEventRules) -> Probe:
        band = lon_band = None
        near_bands: tuple[int, ...] = ()
        near_cells: tuple[tuple[int, int], ...] = ()
        where = telling.where
        if where is not None and where.resolved and where.rank <= RANK["town"]:
            reach = 3 * rules.town_radius_km / KM_PER_RADIAN  # radians of arc
            # Slightly wider than the bounds need, so that rounding never rules out a pair within reach.
            band = math.floor(math.radians(where.lat) / (reach * 1.01))
            near_bands = (band - 1, band, band + 1)
            if abs(where.lat) <= 60.0:
                count = _lon_band_count(reach)
                lon_band = math.floor((math.radians(where.lon) + math.pi) / (2 * math.pi / count)) % count
                lon_near = ((lon_band - 1) % count, lon_band, (lon_band + 1) % count)
                near_cells = tuple((b, lon) for b in near_bands for lon in lon_near)
        return cls(telling.days, band, lon_band, rules.date_window_days, _reach_applies(rules),
                   near_bands, near_cells)


@lru_cache(maxsize=8)
def _lon_band_count(reach: float) -> int:
    """How many longitude bands go round the globe: each at least as wide as the longitude
    difference that, within 60 degrees of the equator, puts two places ``reach`` apart."""
    width = 2 * math.asin(min(1.0, math.sin(reach / 2) / math.cos(math.radians(60.0)))) * 1.01
    return max(1, math.floor(2 * math.pi / width))


def _reach_applies(rules: SameEventRules) -> bool:
    """Whether the vetoes of ``rules`` are the ones ``Reach`` relies on (and nothing scores before them)."""
    return ({"date", "place"} <= rules.vetoes and rules.date_context_is_evidence and not rules.places_by_province
            and not rules.one_toll_two_places and not rules.shared_evidence_is_same and not rules.one_story)
