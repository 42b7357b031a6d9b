"""The finer name beside the known place chosen for an event (``locate``'s last step).

A name the gazetteer does not know, in the same phrase as a known place, is often the finer
place ("the Karrada district of central Baghdad"); but the event-location gold marks
the town for a building, a road or a river in it ("a bomb at the X market in central Y").
"""

from __future__ import annotations

import re
from typing import Sequence

from factfinder.geo.place_frames import finer_than_town, is_site
from factfinder.geo.stated_regions import under
from factfinder.model import Place


def _same_phrase(a: Place, b: Place, text: str) -> bool:
    """Two places a few words apart with no list, route, clause or sentence between them."""
    first, second = sorted((a.span, b.span), key=lambda s: s.start)
    between = text[first.end:second.start]
    return len(between) <= 40 and not re.search(
        r"\b(?:and|or|to|from|than|while|when|after)\b|[;:()]|[.!?](?=\s+[A-Z])", between)


# A building, a road or a river the text then places in a town: "the X hospital in Y", "X bridge in
# downtown Y city", "X Hospital located in the rebel-held east of Y" (not "X University south of Y").
_SITE_IN_TOWN = re.compile(r"[\w\s'’-]{0,30}?\s(?:located\s+)?in\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:of\s+)?")


def finer_beside(best: Place, names: Sequence[Place], own: Sequence[Place], text: str) -> Place:
    """A name the gazetteer does not know, in the same phrase as a known place, is the finer
    place of the two, and lies where the known one is: "the Karrada district of central
    Baghdad", "Penal Colony No. 6 in Vladimir region", "Maiwand district, Kandahar". Beside
    a known town, only an area is finer (a neighbourhood, a village): a building, a road or a
    river in it leaves the town as the place (the event-location gold marks the town)."""
    if not best.resolved and best in names:
        # the known place in its phrase ("Penal Colony No. 6 in Vladimir region"), else the one
        # town its sentence names ("police in Istanbul ... in Galatasaray Square")
        known = [p for p in own if _same_phrase(best, p, text)]
        towns = {(p.name, p.country) for p in own if p.precision in ("town", "admin2")}
        if not known and len(towns) == 1:
            known = [p for p in own if p.precision in ("town", "admin2")]
        if not known:
            return best
        near = min(known, key=lambda p: abs(p.span.start - best.span.start))
        if is_site(text, best.span) and near.precision in ("town", "point") and _SITE_IN_TOWN.fullmatch(
                text, best.span.end, near.span.start):
            return near  # "the Hadid steel plant in north Omdurman": the town says where
        return under(best, near)
    for name in names:
        if best.resolved and best.precision in ("town", "point") and not finer_than_town(text, name.span):
            continue  # "Medina's Al-Salam clinic", "bridges in Cologne over the Rhine": the town says where
        if best.span.end <= name.span.start and re.fullmatch(r"\s*,\s*|\s+(?:of|in)\s+(?:the\s+)?",
                                                             text[best.span.end:name.span.start]):
            continue  # "Gbajibo village of Mokwa LGA", "X, Y district": the name holds the known place
        if _same_phrase(name, best, text):
            return name if name.resolved else under(name, best)
    return best
