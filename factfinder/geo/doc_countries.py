"""The document's countries: the prior a lone name in another country must overcome.

Read before any name is resolved, from names whose best reading is a country or a place
unambiguous by a wide margin; a country named where the report opens ("Myanmar: 900
displaced ...", a dateline "KABUL, Afghanistan") counts most, and a big city votes only when
none of its namesakes lies in a country already named ("London" in an Ontario story).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable

from factfinder.geo.gazetteer import Candidate
from factfinder.geo.mentions import Mention

# score(candidate, key, doc_countries): the resolver's score of a candidate for the name ``key``
# with no other place resolved yet.
Score = Callable[[Candidate, str, Counter[str]], float]


def document_countries(text: str, mentions: list[Mention], keys: list[str], cands: dict[str, list[Candidate]],
                       score: Score, by_name: dict[str, Counter[str]] | None = None) -> Counter[str]:
    """Votes per country (ISO 3166-1 alpha-2) of the names of one document; ``by_name``, where
    given, receives each name's own votes (a name's own vote is no evidence for its reading)."""
    own: dict[str, Counter[str]] = {} if by_name is None else by_name
    # Pass 1: the document's countries, from names whose best reading is a country or a
    # place that is unambiguous by a wide margin; a country named where the report opens
    # ("Myanmar: 900 displaced ...", a dateline "KABUL, Afghanistan") counts most.
    doc_countries: Counter[str] = Counter()
    opening = opening_keys(text, mentions, keys)
    # Countries and regions vote first; a big city votes after them, and not at all when
    # one of its namesakes lies in a country they named ("London" in an Ontario story).
    weights = Counter(keys)
    for stage in ("regions", "cities"):
        named = set(doc_countries)
        for key, found in cands.items():
            weight = weights[key] + (4 if key in opening else 0)
            if not found:
                continue
            top_kind = found[0].kind
            if stage == "regions" and top_kind == "country" and found[0].primary and found[0].country:
                doc_countries[found[0].country] += 2 * weight
                own.setdefault(key, Counter())[found[0].country] += 2 * weight
                continue
            if (stage == "regions") != (top_kind in {"admin1", "region", "country"}):
                continue
            if stage == "cities" and found[0].population < 100_000:
                continue  # only well-known places vote: a lone small namesake abroad must not
            if stage == "cities" and any(c.country in named and c.country != found[0].country and
                                         (c.population >= 0.1 * found[0].population or c.kind != "city")
                                         for c in found[1:]):
                continue
            top = score(found[0], key, doc_countries)
            runner_up = max((score(c, key, doc_countries)
                             for c in found[1:] if c.country != found[0].country), default=-99)
            if top - runner_up > 3 and found[0].country:
                doc_countries[found[0].country] += weight
                own.setdefault(key, Counter())[found[0].country] += weight
    for country, voters in _town_clusters(cands, set(doc_countries)).items():
        doc_countries[country] += len(voters)
        for key in voters:
            own.setdefault(key, Counter())[country] += 1
    return doc_countries


_CLUSTER_KINDS = frozenset({"city", "admin2", "admin3", "village_tract", "village"})


def _town_clusters(cands: dict[str, list[Candidate]], named: set[str]) -> dict[str, set[str]]:
    """The names that vote for a country where two or more names that no country of the document explains
    have readings within about a degree of each other there: a local story names its own
    towns ("Brattleboro", "Putney", "Dummerston": Vermont), though it names its country only
    as a word of a body's name or not at all, and a lone "native of Mexico" must not send its
    towns abroad. A name with a reading in a country already named takes no part."""
    cells: dict[tuple[str, int, int], set[str]] = {}
    for key, found in cands.items():
        if not found or any(c.country in named for c in found):
            continue
        biggest = max((c.population for c in found), default=0)
        for c in found[:_CLUSTER_READINGS]:
            # a small namesake of a big city maps no story ("Los Angeles" beside "a university's name": not the Philippines)
            if c.kind in _CLUSTER_KINDS and c.country and (point := c.point) is not None \
                    and c.population * _CLUSTER_SHARE >= biggest:
                cells.setdefault((c.country, int(point[0] // 1), int(point[1] // 1)), set()).add(key)
    supported: dict[str, set[str]] = {}
    for (country, lat, lon), keys in cells.items():
        near = set().union(*(cells.get((country, lat + dy, lon + dx), set()) for dy in (-1, 0, 1) for dx in (-1, 0, 1)))
        if len(near) > 1:
            supported.setdefault(country, set()).update(keys)
    return {country: keys for country, keys in supported.items() if len(keys) >= 2}


_CLUSTER_READINGS = 40  # of a name's readings, the first (biggest) ones tried
_CLUSTER_SHARE = 500  # a reading takes part when the name's biggest reading is at most this many times its size


def opening_keys(text: str, mentions: list[Mention], keys: list[str]) -> set[str]:
    """Names that open the report: a headline or first line "Myanmar: ...", or a dateline
    "KABUL, Afghanistan (Jan. 5) -"; what a report is about is said there first."""
    found: set[str] = set()
    first_lines = text[:300].split("\n")
    limit = 0
    for line in first_lines[:3]:
        limit += len(line) + 1
        if line.strip():
            break
    for m, key in zip(mentions, keys):
        if m.start >= limit + 200:
            break
        line_start = text.rfind("\n", 0, m.start) + 1
        head = text[line_start:m.start]
        tail = text[m.end:m.end + 3]
        if m.start < limit or (len(head) < 40 and re.match(r"\s*[:,\u2014\u2013-]", tail)):
            found.add(key)
    return found
