"""Statistics form series: the same measure from the same source over time.

A tally such as "civilians arrested since the coup" is published again and
again by one organisation; lining the figures up by as-of date lets a monitor
chart its growth. Repeats of one figure (the same value on the same day) are
kept once, with every document that carried it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from factfinder.model import Statistic

_STOP = {"the", "a", "an", "of", "in", "have", "has", "been", "were", "was", "people", "who", "since", "after", "across"}
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    as_of: str | None
    value: float
    qualifier: str
    docs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StatisticSeries:
    key: str  # "<category>|<source>|<country>|<measure words>"
    category: str
    source: str | None
    country: str | None
    measure: str
    points: tuple[SeriesPoint, ...]  # by as_of, undated last


def series_key(stat: Statistic) -> str:
    source = stat.attribution[0].source if stat.attribution else None
    country = stat.place.country if stat.place is not None else None
    words = sorted({w for w in _WORD.findall(stat.measure.lower()) if w not in _STOP})
    return "|".join([stat.category, source or "", country or "", " ".join(words)])


def build_series(statistics: Iterable[Statistic]) -> list[StatisticSeries]:
    groups: dict[str, list[Statistic]] = defaultdict(list)
    for stat in statistics:
        groups[series_key(stat)].append(stat)
    out: list[StatisticSeries] = []
    for key, stats in groups.items():
        points: dict[tuple[str | None, float], list[Statistic]] = defaultdict(list)
        for s in stats:
            points[(s.as_of, s.value)].append(s)
        ordered = sorted(points.items(), key=lambda kv: (kv[0][0] is None, kv[0][0] or "", kv[0][1]))
        first = stats[0]
        out.append(StatisticSeries(
            key=key, category=first.category,
            source=first.attribution[0].source if first.attribution else None,
            country=first.place.country if first.place is not None else None,
            measure=first.measure,
            points=tuple(SeriesPoint(as_of=a, value=v, qualifier=ss[0].qualifier,
                                     docs=tuple(dict.fromkeys(s.doc for s in ss)))
                         for (a, v), ss in ordered),
        ))
    return out
