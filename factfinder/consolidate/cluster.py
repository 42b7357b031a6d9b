"""Group reports of the same event: blocking, then leader clustering.

Blocking keeps the work near linear: a report is only compared with clusters of
the same type, the same country (or no known country) and a date bucket within
the merge window. Inside a block, a report joins the best-scoring existing
cluster above the threshold or starts its own. Each cluster is compared through
a few representative members, not all, so a big cluster costs no more than a
small one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from factfinder.consolidate.similarity import (
    DATE_WINDOW_DAYS, SAME_EVENT_THRESHOLD, day_number, same_event_score,
)
from factfinder.model import Report

# Dates coarser than this many days (a month, a year) are too vague to block
# on: such reports go to the undated pool of their type and country.
MAX_BLOCKING_RANGE_DAYS = 7
# How many clusters of an undated pool a report is compared with (most recent first).
UNDATED_POOL_LIMIT = 200
# How many members of a cluster stand for it in comparisons.
REPRESENTATIVES = 3
BUCKET_DAYS = DATE_WINDOW_DAYS + 1


@dataclass
class Cluster:
    members: list[Report] = field(default_factory=list)

    def representatives(self) -> list[Report]:
        if len(self.members) <= REPRESENTATIVES:
            return self.members
        return [self.members[0], *self.members[-(REPRESENTATIVES - 1):]]


def _country(report: Report) -> str:
    loc = report.incident.location
    return (loc.country if loc is not None and loc.country else "?")


def _blocking_days(report: Report) -> tuple[int, int] | None:
    """First and last day of the report's date, or None when undated or too coarse to block on."""
    date = report.incident.date
    if date is None:
        return None
    start, end = day_number(date.start), day_number(date.end)
    return None if end - start > MAX_BLOCKING_RANGE_DAYS else (start, end)


def _buckets(report: Report) -> list[int] | None:
    """Date buckets covering the report's date plus the merge window; None if undated."""
    days = _blocking_days(report)
    if days is None:
        return None
    lo, hi = (days[0] - DATE_WINDOW_DAYS) // BUCKET_DAYS, (days[1] + DATE_WINDOW_DAYS) // BUCKET_DAYS
    return list(range(lo, hi + 1))


def _home_bucket(report: Report) -> int | None:
    days = _blocking_days(report)
    return None if days is None else days[0] // BUCKET_DAYS


def cluster_reports(reports: Iterable[Report], *, threshold: float = SAME_EVENT_THRESHOLD) -> list[Cluster]:
    """Cluster reports so that each cluster is one real event (in input order)."""
    clusters: list[Cluster] = []
    index: dict[tuple[str, str, int | None], list[int]] = defaultdict(list)
    for report in reports:
        kind = report.incident.type
        countries = [_country(report)] if _country(report) == "?" else [_country(report), "?"]
        buckets = _buckets(report)
        keys: list[tuple[str, str, int | None]] = []
        for country in countries:
            if buckets is None:
                keys.append((kind, country, None))
            else:
                keys.extend((kind, country, b) for b in buckets)
                keys.append((kind, country, None))  # an undated report may be the same event
        best, best_score = None, threshold
        seen: set[int] = set()
        for key in keys:
            candidates = index.get(key, ())
            if key[2] is None:
                candidates = candidates[-UNDATED_POOL_LIMIT:]
            for cid in candidates:
                if cid in seen:
                    continue
                seen.add(cid)
                score = max(same_event_score(report, rep) for rep in clusters[cid].representatives())
                if score >= best_score:
                    best, best_score = cid, score
        if best is None:
            best = len(clusters)
            clusters.append(Cluster())
        cluster = clusters[best]
        cluster.members.append(report)
        home = (kind, _country(report), _home_bucket(report))
        if best not in index[home]:
            index[home].append(best)
    return clusters
