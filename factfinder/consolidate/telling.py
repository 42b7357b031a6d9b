"""What the "same event" scorer reads of an incident, read once: a ``Telling``.

Clustering compares each report with many candidates; parsing its dates,
normalising its wording and collecting its figures and actor names once, rather
than for every pair, keeps the comparison to integers and sets.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from factfinder.dates import find_date_spans
from factfinder.model import Incident, Place, SourcedIncident

WORD = re.compile(r"[a-z0-9]+")
RANK = {"point": 0, "town": 1, "admin2": 2, "admin1": 3, "country": 4}
"""Place precisions, finest first."""
KM_PER_RADIAN = 6371.0
"""Kilometres per radian of arc on the sphere ``haversine_km`` uses: a pair whose latitudes
alone lie further apart than a radius is beyond it (no trigonometry needed)."""


def day_number(iso: str) -> int:
    return date.fromisoformat(iso).toordinal()


@dataclass(slots=True, eq=False)
class Where:
    """What the place test reads of a place, computed once (not frozen: made 100,000 times
    in a run, and a frozen dataclass pays for each field it sets; nothing changes it)."""

    place: Place
    resolved: bool
    rank: int  # of its precision, RANK (unknown: country)
    lat: float
    lon: float
    lat_radians: float

    @classmethod
    def of(cls, place: Place | None) -> Where | None:
        if place is None:
            return None
        if place.lat is not None and place.lon is not None:
            return cls(place, True, RANK.get(place.precision or "country", 4), place.lat, place.lon,
                       math.radians(place.lat))
        return cls(place, False, RANK.get(place.precision or "country", 4), 0.0, 0.0, 0.0)


@dataclass(slots=True, eq=False)
class Telling:
    """What the scorer reads of one incident, computed once (not frozen, as ``Where``)."""

    incident: Incident
    days: tuple[int, int] | None
    date_is_context: bool
    where: Where | None
    words: str
    count_values: Mapping[str, float]
    perpetrators: frozenset[str]
    targets: frozenset[str]
    fingerprint: str | None = None

    @classmethod
    def of(cls, incident: Incident, fingerprint: str | None = None) -> Telling:
        d = incident.date
        span = incident.date_span
        return cls(
            incident=incident,
            days=(day_number(d.start), day_number(d.end)) if d is not None else None,
            # The date phrase lies outside the incident's own sentences (taken from an
            # earlier paragraph or the dateline): context, not the event's own words.
            date_is_context=span is not None and not any(e.start <= span.start < e.end for e in incident.evidence),
            where=Where.of(incident.location),
            words=normalised_words(incident.summary),
            count_values={c.category: c.value for c in incident.counts},
            perpetrators=frozenset(x.name for x in incident.perpetrators),
            targets=frozenset(x.name for x in incident.targets),
            fingerprint=fingerprint,
        )

    @classmethod
    def of_report(cls, report: SourcedIncident) -> Telling:
        return cls.of(report.incident, report.text_fingerprint)


@lru_cache(maxsize=8192)
def normalised_words(text: str) -> str:
    """A summary's words, lower-cased, one space apart (cached: a cluster's summaries are
    compared with each other again when its sources are counted)."""
    return " ".join(WORD.findall(text.lower()))


_TIME_OPENER = re.compile(r"^\W*(?:(?:in|on|by|since|between|from|during|until|at the (?:start|end) of|"
                          r"(?:in )?(?:early|mid|late))[\s-]+)*(?:the\s+)?$", re.IGNORECASE)
_RELATIVE_OPENING = re.compile(
    r"^\W*(?:(?:earlier|later)(?: (?:that|the same|in the) (?:day|night|morning|afternoon|evening|week|month))?|"
    r"(?:the next|the following|the previous) (?:day|night|morning|week|month)|"
    r"(?:hours|days|weeks|months|a (?:day|week|month|year)) (?:later|earlier)),", re.IGNORECASE)
_ADVERBIAL_END = re.compile(r"[^,;.]{0,25},")


@lru_cache(maxsize=4096)
def opens_with_time(sentence: str) -> bool:
    """Whether the sentence opens with a time phrase of its own set off by a comma: "In March, a
    court ...", "On 29 and 30 September, after ...", "Earlier the same day, a bomb ...". Within one
    report such a sentence tells a new act (the date grammar of ``factfinder.dates``)."""
    if _RELATIVE_OPENING.match(sentence):
        return True
    head = sentence[:80]
    for span in find_date_spans(head):
        if _TIME_OPENER.match(head[:span.start]):
            return _ADVERBIAL_END.match(sentence, span.end) is not None
        break
    return False
