"""Where a story is set, and which of its places only say where the report was filed.

``locate`` (geo/locate.py) falls back on the story's setting when an incident's own
sentences name no place, and never takes a dateline ("HERAT, Afghanistan (Oct. 9, 2012) –")
as the place of an event: it says where the report was written.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from factfinder.model import Document, Incident, Place
from factfinder.text.datelines import colon_after, dateline_head_end, filed_place_end

SPECIFICITY = {"point": 5, "town": 4, "admin2": 3, "admin1": 2, "country": 1}
"""Precision ranks, finer higher: a local place says more than a region, a region more than a country."""


def in_dateline_head(place: Place, text: str) -> bool:
    """Whether the place is inside the dateline that heads its line (not the sentence after it).
    A town that is the whole head before a colon is one too ("Washington: ..."); a country or a
    region there is a headline's subject ("Syria: ..."), left as it is."""
    line_start = text.rfind("\n", 0, place.span.start) + 1
    head_end = dateline_head_end(text, line_start)
    if head_end is not None and place.span.end <= head_end:
        return True
    return place.precision in ("town", "point") and not text[line_start:place.span.start].strip() \
        and colon_after(text, place.span.end)


def in_dateline(place: Place, text: str) -> bool:
    """"HERAT, Afghanistan (Oct. 9, 2012) –", "MOSCOW - ": where the report was filed, not the event."""
    if in_dateline_head(place, text):
        return True
    line_start = text.rfind("\n", 0, place.span.start) + 1
    if place.span.start - line_start >= 40:
        return False
    # The dateline ends at its dash or bracket: "ALMATY, Kazakhstan – Police in Almaty ..." names
    # Almaty twice, and only the first is where the report was filed.
    end = filed_place_end(text, line_start)
    return end is not None and place.span.start < end


def _dominant(places: Sequence[Place], text: str, before: int | None) -> Place | None:
    """The place a story is set in, when the incident's own sentences name none.

    Datelines are left out; a local place (town, district) beats a region, and a
    region a country, since a country alone says least; within a level, the most
    mentioned, then the nearest before the incident.
    """
    setting = [p for p in places if not in_dateline(p, text)]
    if not setting:
        return None
    counts = Counter((p.name, p.country, p.precision) for p in setting)
    # the region most of the story's places lie in ("Tarime district, Mara region"
    # before "talks in Dodoma city"): a story is set in one region, its towns named once each
    regions = Counter((p.country, p.admin1) for p in setting if p.admin1)
    anchor = before if before is not None else 0
    return max(setting, key=lambda p: (regions[(p.country, p.admin1)] if p.admin1 else 0,
                                       min(SPECIFICITY.get(p.precision or "", 0), 3),
                                       counts[(p.name, p.country, p.precision)],
                                       p.span.start <= anchor, -abs(anchor - p.span.start)))


def story_setting(incident: Incident, usable: Sequence[Place], document: Document) -> Place | None:
    """The place the incident's story is set in, among ``usable``."""
    story = None
    if incident.story is not None:
        story = next((s for s in document.stories if s.index == incident.story), None)
    if story is not None:
        pool = [p for p in usable if story.start <= p.span.start < story.end]
    elif incident.evidence:
        here = document.story_at(incident.evidence[0].start)
        pool = [p for p in usable if here is None or here.start <= p.span.start < here.end]
    else:
        pool = list(usable)
    return _dominant(pool, document.text, incident.evidence[0].start if incident.evidence else None)
