"""Choosing where each incident happened, from the places of its document.

The place must be supported by the text: first a resolved place inside the
incident's evidence sentence(s), preferring "in/at/near X" phrases and the most
specific one; else the place its story mentions most. A place inside an
organisation's name ("Radio Free Europe") never locates an event.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Sequence

from factfinder.geo.parser import EMBEDDED_CONFIDENCE
from factfinder.model import Document, Incident, Place

_SPECIFICITY = {"point": 5, "town": 4, "admin2": 3, "admin1": 2, "country": 1}
_LOCATIVE = re.compile(r"\b(in|at|near|outside|inside|across|around|of)\s+(the\s+)?"
                       r"((town|city|village|township|district|province|region|state|area) of\s+)?$",
                       re.IGNORECASE)


def _event_places(places: Sequence[Place]) -> list[Place]:
    return [p for p in places if p.resolved and p.confidence > EMBEDDED_CONFIDENCE]


def _score(place: Place, text: str) -> tuple[int, int, int, int]:
    """Local places (town, admin2) before regions before countries; within a level, "in X" first."""
    before = text[max(0, place.span.start - 30):place.span.start]
    locative = 1 if _LOCATIVE.search(before) else 0
    specificity = _SPECIFICITY.get(place.precision or "", 0)
    return (min(specificity, 3), locative, specificity, -place.span.start)


def _in_evidence(place: Place, incident: Incident) -> bool:
    return any(ev.start <= place.span.start and place.span.end <= ev.end for ev in incident.evidence)


def _in_dateline(place: Place, text: str) -> bool:
    """"KABUL, Afghanistan (Jan. 25, 2013) –": where the report was filed, not the event."""
    line_start = text.rfind("\n", 0, place.span.start) + 1
    comma = text.find(",", line_start, line_start + 40)
    first = text[line_start:comma] if comma >= 0 else ""  # the dateline's city, in capitals
    return place.span.start - line_start < 40 and len(first) > 2 and first.isupper()


def _dominant(places: Sequence[Place], text: str, before: int | None) -> Place | None:
    """The place a story is set in, when the incident's own sentences name none.

    Datelines are left out; a local place (town, district) beats a region, and a
    region a country, since a country alone says least; within a level, the most
    mentioned, then the nearest before the incident.
    """
    setting = [p for p in places if not _in_dateline(p, text)] or list(places)
    if not setting:
        return None
    counts = Counter((p.name, p.country, p.precision) for p in setting)
    anchor = before if before is not None else 0
    return max(setting, key=lambda p: (min(_SPECIFICITY.get(p.precision or "", 0), 3),
                                       counts[(p.name, p.country, p.precision)],
                                       p.span.start <= anchor, -abs(anchor - p.span.start)))


def locate(incidents: Sequence[Incident], places: Sequence[Place], document: Document) -> tuple[Incident, ...]:
    """Each incident with ``location`` set to where it happened, or None when nothing says."""
    usable = _event_places(places)
    located = []
    for incident in incidents:
        own = [p for p in usable if _in_evidence(p, incident)]
        best: Place | None
        if own:
            best = max(own, key=lambda p: _score(p, document.text))
        else:
            story = None
            if incident.story is not None:
                story = next((s for s in document.stories if s.index == incident.story), None)
            if story is not None:
                pool = [p for p in usable if story.start <= p.span.start < story.end]
            elif incident.evidence:
                here = document.story_at(incident.evidence[0].start)
                pool = [p for p in usable if here is None or here.start <= p.span.start < here.end]
            else:
                pool = usable
            best = _dominant(pool, document.text, incident.evidence[0].start if incident.evidence else None)
        located.append(replace(incident, location=best))
    return tuple(located)
