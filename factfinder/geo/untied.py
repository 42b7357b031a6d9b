"""Places of an incident's sentence that its parse does not tie to the event as where.

``locate`` (geo/locate.py) ranks the places the parse ties to the event's predicate;
this module says which resolved places may locate an event at all, how a place ranks
when the parse gives nothing ("in X" before it, a local place before a region), and
which untied places may still be where: the small English parser often hangs "in
southern X" on the wrong word, and a witness on the spot ("a hospital source in X")
speaks where the event happened.
"""

from __future__ import annotations

import re
from typing import Sequence

from factfinder.extract.attachment import SPEAKER, attachment_of
from factfinder.geo.parser import EMBEDDED_CONFIDENCE
from factfinder.geo.place_words import COMPASS, home_of_a_party, opens_a_name, seat_of_a_body
from factfinder.geo.story_setting import SPECIFICITY as _SPECIFICITY
from factfinder.model import Incident, Place


_LOCATIVE = re.compile(r"\b(in|at|near|outside|inside|across|around|of)\s+(the\s+)?"
                       r"((town|city|village|township|district|province|region|state|area) of\s+)?$",
                       re.IGNORECASE)


def event_places(places: Sequence[Place], text: str) -> list[Place]:
    """Resolved places that may locate an event: not inside a name, nor opening one ("the Rome Statute"),
    nor a body's seat or a party's home ("the London-based bank", "who was born in Ohio")."""
    return [p for p in places if p.resolved and (p.confidence > EMBEDDED_CONFIDENCE or _owns_its_host(p, text))
            and not opens_a_name(text, p.span.end) and not _article_of_a_name(p, text)
            and not _SEAT_AFTER.match(text, p.span.end) and not home_of_a_party(text, p.span.start)]


# "the London-based charity", "a Paris-headquartered group": the body's seat, never where.
_SEAT_AFTER = re.compile(r"[-‐–]\s?(?:based|headquartered)\b", re.IGNORECASE)


# "Accra's National Theatre", "Manila's historic Hotel Luneta": NER takes the
# town into the facility's name, yet the town only owns it, and the facility stands in the town.
_OWNS_A_NAME = re.compile(r"['’]s\s+(?:[a-z]+\s+)?[A-Z]")


def _owns_its_host(place: Place, text: str) -> bool:
    """A town or region NER put inside a name only because it owns the name with "'s"."""
    return place.precision not in (None, "country") and _OWNS_A_NAME.match(text, place.span.end) is not None


def _article_of_a_name(place: Place, text: str) -> bool:
    """"La Modelo prison", "El Rodeo": two letters in title case before a name are its article,
    not a state's abbreviation."""
    word = place.span.text
    return (len(word) <= 2 and word[:1].isupper() and word[1:].islower()
            and re.match(r" [A-Z]", text[place.span.end:place.span.end + 2]) is not None)


def score(place: Place, text: str) -> tuple[int, int, int, int]:
    """Local places (town, admin2) before regions before countries; within a level, "in X" first."""
    before = text[max(0, place.span.start - 30):place.span.start]
    locative = 1 if _LOCATIVE.search(before) else 0
    specificity = _SPECIFICITY.get(place.precision or "", 0)
    return (min(specificity, 3), locative, specificity, -place.span.start)


def local_source(own: Sequence[Place], incident: Incident, text: str) -> Place | None:
    """The town of a local source when the sentence names no other place for the event ("a
    hospital source in Guiglo confirmed the attack", "a Kitgum resident said the raiders
    attacked"): a local witness speaks where the event happened; a country or a region is
    the source's seat rather than where."""
    towns = [p for p in own if p.precision in ("town", "admin2", "point")
             and (tie := attachment_of(p.span, incident.attachments)) is not None
             and tie.relation in (SPEAKER, "according")
             and (_WITNESS_BEFORE.search(text, max(0, p.span.start - 50), p.span.start)
                  or _WITNESS_AFTER.match(text, p.span.end))]
    return towns[0] if len(towns) == 1 else None


# Witnesses on the spot, not officials whose office has a seat: "a hospital source in X",
# "residents of X", "local reports from X", "an X resident".
_WITNESS_BEFORE = re.compile(r"\b(?:sources?|residents?|witness(?:es)?|activists?|reports?|correspondents?|"
                             r"doctors?|medics?)\s+(?:in|from|of|inside(?:\s+of)?)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}$",
                             re.IGNORECASE)
_WITNESS_AFTER = re.compile(r"\s+(?:residents?|witness(?:es)?|villagers?)\b")


def untied_setting(own: Sequence[Place], text: str) -> list[Place]:
    """Places of the sentence the parse does not tie to the event that may still be its place:
    after a locative word ("in X", "near X") and finer than a country. The small parser often
    hangs such a phrase on the wrong word; a country in another clause is more often background,
    and a body's seat ("a report by a research center in Pennsylvania") is the source's place."""
    own = [p for p in own if not seat_of_a_body(text, p.span.start)]
    return [p for p in own if (score(p, text)[1] or _LOOSE_LOCATIVE.search(text, max(0, p.span.start - 40),
                                                                            p.span.start))
            and p.precision != "country"] or [
        p for p in own if p.precision == "country" and ((found := _LOOSE_LOCATIVE.search(
            text, max(0, p.span.start - 40), p.span.start)) and found.group(1) or _OWNS_A_PART.match(text, p.span.end)
            and _LOOSE_LOCATIVE.search(text, max(0, p.span.start - 40), p.span.start))]


# "through Egypt's streets", "in Congo's capital": the country's own part says where.
_OWNS_A_PART = re.compile(r"['’]s\s+(?:main\s+|central\s+|northern\s+|southern\s+|eastern\s+|western\s+)?"
                          r"(?:streets|capital|north|south|east|west|northeast|northwest|southeast|southwest|border)\b")


# "in X", "in southern X", "in far eastern X", "in Venezuela's central X", "in the capital X",
# "in the rebel-held parts of X": a locative word before the place
_LOOSE_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside|across|around|through|throughout)\s+(?:the\s+)?"
                             rf"((?:[A-Z][\w-]*['’]s\s+)?(?:(?:far|deep|{COMPASS}|central|downtown|rural|upper|lower|"
                             r"remote)\s+)*)"
                             r"(?:(?:town|city|village|township|district|province|region|state|area) of\s+|"
                             r"(?:[\w-]+\s+)?(?:parts?|areas?|outskirts|suburbs?|heart|cent(?:re|er)|streets)\s+of\s+"
                             r"(?:the\s+)?|capital\s+|(?:[a-z-]+\s+)?(?:city|town)\s+of\s+)?$",
                             re.IGNORECASE)
