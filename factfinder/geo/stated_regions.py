"""The region a sentence states for a town, over the gazetteer's namesake.

"in Tarime district, Mara region", "Mara region's Rorya district", "In Kigoma
region, ... in Kasulu district": the text names the region a town lies in, and when the
gazetteer resolved the town into another region it picked a namesake. ``locate``
(geo/locate.py) takes the stated region as the safer answer, keeping the town's own name; a region the text spells otherwise than the
gazetteer ("Paktiya province") is matched to its admin1 (``region_variant``).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Sequence

from factfinder.geo.gazetteer import Candidate, Gazetteer
from factfinder.geo.names import name_key
from factfinder.geo.parser import EMBEDDED_CONFIDENCE
from factfinder.geo.story_setting import SPECIFICITY as _SPECIFICITY
from factfinder.model import Place


def beside(place: Place, region: Place, text: str) -> bool:
    """"Tarime district, Mara region", "the Rorya district of Mara region": the region
    follows the place a few words on, not as another item of a list or another end of a route."""
    between = text[place.span.end:region.span.start]
    return 0 < len(between) <= 30 and not re.search(r"\b(?:and|or|from|to)\b|[.;]", between)


def owns(region: Place, place: Place, text: str) -> bool:
    """"Mara region's Rorya district": the region owns the place named right after it."""
    return region.span.end <= place.span.start and re.fullmatch(
        r"(?:\s+(?:province|region|state|governorate))?['’]s?\s+", text[region.span.end:place.span.start]) is not None


def under(place: Place, region: Place) -> Place:
    """The place, by its own name, known only to lie in ``region`` (its coordinates are the region's)."""
    return Place(span=place.span, name=place.span.text, lat=region.lat, lon=region.lon, country=region.country,
                 admin1=region.admin1, geonameid=None, precision=region.precision if region.resolved else None,
                 confidence=min(place.confidence, region.confidence) if place.resolved else region.confidence)


def in_stated_holders(places: Sequence[Place], text: str) -> list[Place]:
    """Every town resolved in another country than the known place the text says holds it ("the
    Cota 905 neighbourhood of Caracas" resolved to Cota in Colombia), taken as lying in that place:
    the gazetteer picked a namesake abroad."""
    known = [p for p in places if p.resolved and p.country and p.confidence > EMBEDDED_CONFIDENCE]
    out = []
    for place in places:
        if place.resolved and place.country and place.precision in ("town", "admin2", "point"):
            holder = next((h for h in known if h.span.start >= place.span.end
                           and _HOLDS.fullmatch(text[place.span.end:h.span.start])), None)
            if holder is not None and holder.country != place.country:
                place = under(place, holder)
        out.append(place)
    return out


# "X neighbourhood of Y", "X district, Y", "X in Y": the place after holds the one before.
_HOLDS = re.compile(r"(?:\s+[\w-]+)?\s+(?:neighbou?rhood|district|quarter|suburb|area|village|township)\s+of\s+"
                    r"(?:the\s+)?|\s*,\s*|\s+in\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+)?")


def in_stated_regions(places: Sequence[Place], text: str) -> list[Place]:
    """Every town resolved outside the region the text names right after it ("Salem district,
    Mara region" resolved to Salem in India), or that its sentence opens with ("In Kigoma
    region, ... in Kasulu district", Kasulu matched to a namesake in another region), is taken as
    lying in that region: the gazetteer picked a namesake, and the region the text states is
    the safer answer."""
    regions = [p for p in places if p.precision == "admin1" and p.admin1 and p.resolved
               and p.confidence > EMBEDDED_CONFIDENCE]
    out = []
    for place in places:
        if place.resolved and place.admin1 and _SPECIFICITY.get(place.precision or "", 0) > _SPECIFICITY["admin1"]:
            region = next((r for r in regions if beside(place, r, text) or owns(r, place, text)), None) or next(
                (r for r in regions if opens_sentence_of(r, place, text)), None)
            if region is not None and not same_region(place, region):
                place = under(place, region)
        out.append(place)
    return out


_OPENING_IN = re.compile(r"(?:\b(?:Moreover|Also|Meanwhile|Elsewhere|Separately|Additionally|Earlier|Later|"
                         r"Similarly|Furthermore),?\s+in|\bIn)\s+(?:the\s+)?$")


def opens_sentence_of(region: Place, place: Place, text: str) -> bool:
    """"In Kigoma region, ... X", "Moreover in Kigoma region, ... X": the region heads the
    sentence the place is in, same country."""
    if region.country != place.country or region.span.end > place.span.start:
        return False
    opening = _OPENING_IN.search(text, max(0, region.span.start - 30), region.span.start)
    if opening is None or not re.search(r"(?:^|[.!?\n])\s*$", text[max(0, opening.start() - 40):opening.start()]):
        return False
    return not re.search(r"[.!?](?:\s|$)", text[region.span.end:place.span.start])


def same_region(place: Place, region: Place) -> bool:
    return (place.country, (place.admin1 or "").casefold()) == (region.country, (region.admin1 or "").casefold())


REGION_AFTER = re.compile(r"\s+(?:province|governorate|state|region|oblast)\b", re.IGNORECASE)
REGION_WORD = re.compile(r"\s+(?:province|governorate|state|region|oblast)$", re.IGNORECASE)


def region_variant(name: str, countries: Sequence[str], gazetteer: Gazetteer) -> Candidate | None:
    """The admin1 of one of ``countries`` that a region name spells otherwise ("Paktiya province"
    for Paktia, "Hilmand" for Helmand): transliterations differ by a letter or two, so the
    closest admin1 name within a similarity of 0.8 is taken, and only in the document's countries."""
    key = name_key(REGION_WORD.sub("", name))
    best: tuple[float, str, str] | None = None
    for country in countries:
        for code, region in gazetteer.admin1_codes(country).items():
            ratio = SequenceMatcher(None, key, name_key(region)).ratio()
            if ratio >= 0.8 and (best is None or ratio > best[0]):
                best = (ratio, country, code)
    return gazetteer.admin1(best[1], best[2]) if best else None
