"""The country of the state body whose own act an incident is, when its sentence names no place.

A digest about one country also reports what other states' bodies did about it: "a Canadian
senator will introduce a bill", "the US Senate passed a bill", "the Dutch parliament voted to
ban", "the Australian government imposed sanctions". A bill, a vote, a ban, a sanction or a
designation of a legislature, a government or a ministry happens where that body sits, not in the
country the report is about; the document-country fallback (``geo/incident_country.py``) would
place it there. This step gives such an incident its acting body's country, at country precision,
read from the body's own words: a demonym of ``data/actor_demonyms.csv`` or a resolved place
(a country, or a region such as "Quebec") right before the body's noun ("the British parliament",
"Quebec's senator"), or after it ("the parliament of Lithuania").

Only where the incident's own sentence gave it no place: a place named there stays. The acting
body is the subject of the event's clause or the agent of its passive ("a bill passed by ...").
A statement keeps its own rule (``locate.SPOKEN``). Abuses (an arrest, a killing) keep the rules
they have: a foreign force's act happens where it acts, not at home.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from factfinder.extract.attachment import in_evidence
from factfinder.geo.incident_country import DOCUMENT_COUNTRY_CONFIDENCE, demonym_mentions
from factfinder.geo.parser import EMBEDDED_CONFIDENCE, place_from
from factfinder.model import Attachment, Document, Incident, Place, Span
from factfinder.text.legislators import MEMBERS

# The acts of a state body: they happen where the body sits. Not a statement: it stays where its
# own sentence says it was made, or nowhere (``locate.SPOKEN``; the gold gives "Serbia's interior
# ministry rejected the findings" no place, tried: six places more on the own gold, none right).
BODY_ACTS = frozenset({"legislation", "sanction", "designation"})
# Nouns of a legislature, a government or a ministry, and of their members (``text/legislators``).
# Not an MEP: the European Parliament sits in none of the countries its members' demonyms name.
_BODY = re.compile(
    rf"(?:{MEMBERS}|senate|parliaments?|legislatures?|congress|assembly|government|ministry|ministers?|cabinet"
    r"|administration|department|treasury|president|premier|chancellor)", re.IGNORECASE)
# Where the body's noun stands to the event: the clause's subject, the passive's agent.
_ACTING = frozenset({"nsubj", "by"})
_MAX_DEPTH = 3  # "senator" under "will introduce a bill to ban": the subject of the shared verb
# Between the owner and the body's noun: a possessive and at most two words ("the Canadian
# foreign ministry", "the US State Department", "Britain's upper house"), no comma, no word that
# opens another phrase ("a Danish court said the government", "Danish and Swedish ministers").
_OWNER_GAP = re.compile(r"(?:['’]s)?(?:\s+(?!(?:and|or|but|said|says|told|to|of|in|on|the|a|an)\b)[\w.-]+){0,2}\s+$")
# After the body's noun: "the parliament of Lithuania", "the Senate of Canada".
_OF_GAP = re.compile(r"\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# The confidence of a country read from the acting body's name: said in the incident's own
# sentence, but not as the place of the event.
BODY_COUNTRY_CONFIDENCE = 0.6


def _acting_nouns(incident: Incident) -> list[Attachment]:
    return [a for a in incident.attachments
            if a.relation in _ACTING and a.depth <= _MAX_DEPTH
            and _BODY.fullmatch(a.span.text) is not None]


def _owners(places: Sequence[Place], text: str, spans: Sequence[Span]) -> list[tuple[str, Span]]:
    """Every country named inside ``spans``, by a demonym or a resolved place (a country or a region)."""
    found = [(code, span) for within in spans for code, span in demonym_mentions(text, within.start, within.end)]
    found += [(p.country, p.span) for p in places
              if p.resolved and p.country and p.confidence > EMBEDDED_CONFIDENCE
              and p.precision in {"country", "admin1"}
              and any(w.start <= p.span.start and p.span.end <= w.end for w in spans)]
    return found


def _owned(nouns: Sequence[Span], owners: Sequence[tuple[str, Span]], text: str) -> dict[str, Span]:
    """The countries that own the body nouns: named right before one ("the US Senate") or after
    it ("the parliament of Lithuania"); each with the words that name it."""
    named: dict[str, Span] = {}
    for noun in nouns:
        for code, span in owners:
            before = span.end <= noun.start and _OWNER_GAP.fullmatch(text, span.end, noun.start)
            after = noun.end <= span.start and _OF_GAP.fullmatch(text, noun.end, span.start)
            if before or after:
                named.setdefault(code, span)
    return named


# A chamber is one per story: "the Senate" alone is the one the story named with its country before
# ("the Dutch Senate ... On Friday the Senate voted"). Not a government or a minister, which a story
# about one country tells of several.
_CHAMBER = re.compile(r"senate|parliament|congress|legislature|assembly", re.IGNORECASE)


def _named_before(nouns: Sequence[Attachment], places: Sequence[Place], text: str, end: int) -> dict[str, Span]:
    """The countries of the same chamber, named with its country earlier in the document."""
    words = {a.span.text.casefold() for a in nouns if _CHAMBER.fullmatch(a.span.text)}
    if not words:
        return {}
    earlier = [Span.of(text, m.start(), m.end()) for m in re.finditer(r"\b[A-Za-z]+\b", text[:end])
               if m.group().casefold() in words]
    return _owned(earlier, _owners(places, text, (Span.of(text, 0, end),)), text) if earlier else {}


def body_country(incident: Incident, places: Sequence[Place], text: str) -> tuple[str, Span] | None:
    """The country of the state body that acts in the incident's own sentence, and the words
    that name it; None when no body of one country acts there. A chamber its sentence names
    alone takes the country it was named with earlier (``_CHAMBER``)."""
    if incident.type not in BODY_ACTS:
        return None
    nouns = _acting_nouns(incident)
    if not nouns:
        return None
    named = _owned([a.span for a in nouns], _owners(places, text, incident.evidence), text)
    if not named:
        named = _named_before(nouns, places, text, min(e.start for e in incident.evidence))
    if len(named) != 1:
        return None
    ((code, span),) = named.items()
    return code, span


def _open(incident: Incident) -> bool:
    """Whether the incident's place is not its own sentence's: none, borrowed from another
    sentence, or the country the document-country fallback gave it."""
    place = incident.location
    return place is None or not in_evidence(place.span, incident) or (
        place.precision == "country" and place.confidence == DOCUMENT_COUNTRY_CONFIDENCE)


def with_acting_body_country(incidents: Sequence[Incident], places: Sequence[Place], document: Document,
                             gazetteer: Any) -> tuple[Incident, ...]:
    """Each act of a state body whose own sentence names no place of it, given the body's country."""
    out = []
    for incident in incidents:
        found = body_country(incident, places, document.text) if _open(incident) else None
        candidate = gazetteer.country(found[0]) if found is not None and gazetteer is not None else None
        # a borrowed place in the body's own country stays: the story's town may be the body's seat
        if found is not None and candidate is not None and (
                incident.location is None or incident.location.country != found[0]):
            incident = replace(incident, location=replace(
                place_from(candidate, found[1], BODY_COUNTRY_CONFIDENCE), precision="country"))
        out.append(incident)
    return tuple(out)
