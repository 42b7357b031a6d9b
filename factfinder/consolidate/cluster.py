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
from itertools import chain
from typing import Iterable

from factfinder.consolidate.reach import Probe, Reach
from factfinder.consolidate.same_event import ACROSS_SOURCES, SameEventRules, score
from factfinder.consolidate.telling import Telling
from factfinder.model import SourcedIncident

# Dates coarser than this many days (a month, a year) are too vague to block
# on: such reports go to the undated pool of their type and country.
MAX_BLOCKING_RANGE_DAYS = 7
# How many clusters of an undated pool a report is compared with (most recent first).
UNDATED_POOL_LIMIT = 200
# How many members of a cluster stand for it in comparisons.
REPRESENTATIVES = 3
DATE_WINDOW_DAYS = ACROSS_SOURCES.date_window_days
BUCKET_DAYS = DATE_WINDOW_DAYS + 1


@dataclass
class Cluster:
    members: list[SourcedIncident] = field(default_factory=list)
    tellings: list[Telling] = field(default_factory=list)
    reach: Reach = field(default_factory=Reach)

    def add(self, report: SourcedIncident, telling: Telling, probe: Probe) -> None:
        self.members.append(report)
        self.tellings.append(telling)
        self.reach.add(probe)

    def representatives(self) -> list[Telling]:
        """The first member and the latest ones: who the cluster is compared through."""
        if len(self.tellings) <= REPRESENTATIVES:
            return self.tellings
        return [self.tellings[0], *self.tellings[-(REPRESENTATIVES - 1):]]


def _country(report: SourcedIncident) -> str:
    loc = report.incident.location
    return (loc.country if loc is not None and loc.country else "?")


def _blocking_days(telling: Telling) -> tuple[int, int] | None:
    """First and last day of the telling's date, or None when undated or too coarse to block on."""
    days = telling.days
    return None if days is None or days[1] - days[0] > MAX_BLOCKING_RANGE_DAYS else days


def cluster_reports(reports: Iterable[SourcedIncident], *,
                    rules: SameEventRules = ACROSS_SOURCES) -> list[Cluster]:
    """Cluster reports so that each cluster is one real event (in input order)."""
    clusters: list[Cluster] = []
    index: dict[tuple[str, str, int | None], list[int]] = defaultdict(list)
    indexed: set[tuple[tuple[str, str, int | None], int]] = set()
    threshold = rules.threshold
    for report in reports:
        telling = Telling.of_report(report)
        probe = Probe.of(telling, rules)
        kind, country = report.incident.type, _country(report)
        countries = [country] if country == "?" else [country, "?"]
        days = _blocking_days(telling)
        keys: list[tuple[str, str, int | None]] = []
        for c in countries:
            if days is not None:
                lo, hi = (days[0] - DATE_WINDOW_DAYS) // BUCKET_DAYS, (days[1] + DATE_WINDOW_DAYS) // BUCKET_DAYS
                keys.extend((kind, c, b) for b in range(lo, hi + 1))
            keys.append((kind, c, None))  # an undated report may be the same event
        best, best_score = None, threshold
        # Every cluster indexed under the keys, once, in the order the keys give them.
        candidates = dict.fromkeys(chain.from_iterable(
            index.get(key, ()) if key[2] is not None else index.get(key, [])[-UNDATED_POOL_LIMIT:]
            for key in keys))
        for cid in candidates:
            cluster = clusters[cid]
            if cluster.reach.excludes(probe):
                continue
            s = 0.0
            for rep in cluster.representatives():
                t = score(telling, rep, rules)
                if t > s:
                    s = t
            if s >= best_score:
                best, best_score = cid, s
        if best is None:
            best = len(clusters)
            clusters.append(Cluster())
        clusters[best].add(report, telling, probe)
        home = (kind, country, None if days is None else days[0] // BUCKET_DAYS)
        if (home, best) not in indexed:
            indexed.add((home, best))
            index[home].append(best)
    return clusters
