"""What the place noun around a name says it is: an area, a site or a natural feature.

"the village of X", "X district", "the X Refugee Camp", "the X shopping mall": a noun of
``data/place_nouns.txt`` that frames a name tells an area (finer than the town it lies in)
from a building, a road or a river (whose town the event-location gold marks). Read by the
event's clause names (``clause_names``), ``locate`` and ``finer_beside``.
"""

from __future__ import annotations

import re

from factfinder.geo.place_nouns import noun_kinds
from factfinder.model import Span

_WORD_AFTER = re.compile(r"\s+([A-Za-z]+(?:-[a-z]+)?)\b")
# Words that end the phrase of a name: what follows them frames something else.
_NOT_A_FRAME = frozenset("the a an of and or in on at to from by for with near as is was were are has had have "
                         "that which who where when while after before said says".split())


def frame_kind(text: str, start: int, end: int) -> str | None:
    """The kind (``area``, ``site``, ``feature``) of the place noun that frames the name
    ("the village of X", "X district", "the X Refugee Camp", "the X Hospital"), or None."""
    kinds = noun_kinds()
    words = text[start:end].split()
    if " " in text[start:end] and (kind := kinds.get(words[-1].lower())):
        return kind
    # "X local government area", "X sub-district", "the X shopping centre": the first place noun of
    # the few lower-case words after the name, before any function word
    at = end
    for i in range(3):
        after = _WORD_AFTER.match(text, at, min(len(text), end + 40))
        if after is None or (i and not after.group(1).islower()) or after.group(1).lower() in _NOT_A_FRAME:
            break
        if kind := kinds.get(after.group(1).lower()):
            return kind
        at = after.end()
    before = re.search(r"\b([A-Za-z]+)\s+of\s+(?:the\s+)?$", text[max(0, start - 40):start])
    return kinds.get(before.group(1).lower()) if before else None


def finer_than_town(text: str, span: Span) -> bool:
    """Whether a place noun frames the name as a place inside a town (a neighbourhood, a
    village, a district: an ``area``), rather than a building, a road or a natural feature the
    town is the place of ("the Beyazit Mosque", "the Tigris river", "Kassim Road"). A bare
    name says nothing of its size: the gazetteer may only have missed a region ("Lower
    Shabelle")."""
    return _kind(text, span) == "area"


def is_site(text: str, span: Span) -> bool:
    """Whether a place noun frames the name as a building, a road or a natural feature ("the old
    Diyala Bridge", "Lakeside Hospital", "the Tigris river") rather than an area or a settlement."""
    return _kind(text, span) in ("site", "feature")


def _kind(text: str, span: Span) -> str | None:
    """The kind of the place noun that frames the name, or else of the name's own first word
    ("Camp X", "Hospital Y")."""
    words = span.text.split()
    return frame_kind(text, span.start, span.end) or (noun_kinds().get(words[0].lower()) if words else None)
