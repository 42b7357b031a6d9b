"""Whether a candidate reading is plausible in its document at all, whatever its score.

A small place that nothing else in the story supports is a namesake elsewhere more often
than the place meant: the resolver leaves such a name unresolved rather than send it to
another continent. Kept apart from ``resolve.py``, which scores the readings.
"""

from __future__ import annotations

import re
from collections import Counter

from factfinder.geo.containers import nearest_km
from factfinder.geo.gazetteer import UNIT_KINDS, Candidate
from factfinder.geo.names import name_key

_NEAR_UNIT_KM = 100  # how close a village must lie to another place of the story
_NEAR_ADMIN1_KM = 150  # the same, in the admin1 the story's places lie in or the text names
_KNOWN_UNIT = 100_000  # people: a district or county that needs no level word in a text about nowhere else
# Admin1 units named by a compass point alone ("West Coast", "North West", "Nord-Ouest", "South East"):
# a story says these of its own country ("the West Coast" of a US story is no region of New Zealand).
_COMPASS_NAME = re.compile(r"(?:(?:north|south|east|west|central|nord|sud|ouest|est|norte|sur|oeste|este|northern|"
                           r"southern|eastern|western)(?:[ -]|$)){1,2}(?:coast|region|province)?", re.IGNORECASE)


def plausible(cand: Candidate, doc_countries: Counter[str], points: list[tuple[float, float]], *,
              levelled: bool, contained: bool, story_admin1: bool = False, short_form: bool = False) -> bool:
    """Reject a small place that nothing else in the story supports (a namesake elsewhere).

    A district, township or village (no population figure) needs the document: its
    country among the document's, a level word (``levelled``), or a container it lies in
    (``contained``); or another place of the story within ``_NEAR_UNIT_KM``, within
    ``_NEAR_ADMIN1_KM`` where that admin1 holds the story's other places or the text names it
    (``story_admin1``: a Welsh village 120 km from the Ceredigion coast of a Welsh story). A small
    town needs its country among the document's or another place of the story within 500 km. A
    town read by an alternate name abroad is a namesake unless the name is the first words of its
    own (``short_form``: "Walton" of Walton-on-Thames; "Samar" is no word of Samara).
    """
    if cand.kind in UNIT_KINDS:
        if contained:
            return True
        if cand.country not in doc_countries:
            # "Lorain County"; a county of 100,000 people stands alone ("Bramall Lane, South Yorkshire")
            return not doc_countries and cand.kind in {"admin2", "admin3"} and \
                (levelled or cand.population >= _KNOWN_UNIT)
        return levelled or cand.kind in {"admin2", "admin3"} or \
            bool((near := nearest_km(cand, points)) is not None and
                 near < (_NEAR_ADMIN1_KM if story_admin1 else _NEAR_UNIT_KM))
    if cand.kind == "admin1" and doc_countries and cand.country not in doc_countries and \
            _COMPASS_NAME.fullmatch(cand.name):
        return False
    if cand.kind == "city" and doc_countries and cand.country not in doc_countries and not cand.primary \
            and not short_form:
        return False  # "Samar" as an old spelling of Samara, in a story about the Philippines
    if cand.kind != "city" or cand.population >= 20000:
        return True
    if cand.country in doc_countries:
        return True
    if (near := nearest_km(cand, points)) is not None and near < 500:
        return True
    return not doc_countries and cand.population >= 1000


def short_form(key: str, name: str) -> bool:
    """Whether the name ``key`` is the first words of ``name`` ("walton" of "Walton-on-Thames")."""
    full = name_key(name)
    return full != key and full.startswith(key) and full[len(key):len(key) + 1] in {" ", "-"}
