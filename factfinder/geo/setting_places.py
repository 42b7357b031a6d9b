"""Which of a news story's places may stand for where its acts happened, and its lead's country.

``locate`` (geo/locate.py) falls back on a story's setting when an incident's sentence
ties no place to the event. Two kinds of mention are no setting, however often or finely
the story names them:

- a place an act of its own sentence ties as something other than where it happened: a
  destination or an origin ("put 222 prisoners on a plane to Washington"), or a country or a
  union that acts ("Spain offered its citizenship", "the European Union said"); it belongs to
  that act, a later one, not to the story's lead;
- a name the text uses as an organisation's, not a place's (``named_things``): "recognise Meta
  as an extremist organisation" in a Russian story is the company, not Colombia's Meta
  department; "shipping in the Red Sea" is the sea, not Sudan's Red Sea state.

A story that opens with a dateline ("MANAGUA - A Nicaraguan court ...") and whose sentences
up to the incident name the dateline's country is set in that country: an incident that no
place sets takes it at country precision (``with_dateline_country``). The dateline's city
says where the report was filed and is never the answer (tests/gold/README.md).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace

from factfinder.extract.attachment import attachment_of, in_evidence
from factfinder.geo.mention_cues import (MOTION_BEFORE, UNIT_AFTER, person_surnames, place_cue,
                                         surname_said_as_place)
from factfinder.geo.parser import EMBEDDED_CONFIDENCE
from factfinder.geo.place_words import PART_OF_PLACE
from factfinder.geo.story_setting import in_dateline, in_dateline_head, story_setting
from factfinder.model import Document, Incident, Place
from factfinder.text.captions import in_caption

# Ties that take a place away from the act's setting: where it went to or came from.
_AWAY = frozenset({"to", "from"})


def setting_places(usable: Sequence[Place], incidents: Sequence[Incident], where: Collection[str],
                   text: str, examples: Collection[int]) -> list[Place]:
    """``usable`` without the places an act of their own sentence ties as not where it happened
    (``where``: the locative ties) and as a destination or origin, or as a country or a union that
    acts, and without the places named as an example or a yardstick (``examples``: the ids
    ``compared`` gives) or in a photo's caption (``text.captions.in_caption``). A region or a
    town that acts ("the Chinese province of Henan is building a surveillance system", "the
    security bureau of Kashgar prefecture awarded a contract") acts where it is."""
    usable = [p for p in usable if id(p) not in examples and not in_caption(text, p.span.start, p.span.end)]
    def elsewhere(place: Place) -> bool:
        ties = [tie for i in incidents if in_evidence(place.span, i)
                and (tie := attachment_of(place.span, i.attachments)) is not None and not tie.distance]
        return bool(ties) and not any(t.relation in where for t in ties) and (
            place.precision == "country" or not place.country or any(t.relation in _AWAY for t in ties))
    return [p for p in usable if not elsewhere(p)]


# A comparison or an example opening before the name: "areas such as X", "cities like X", "more than
# in X", "compared with X"; between cue and name only an article, capitalised words, "of", a noun of
# places and the earlier items of the list ("better-known hotspots such as the Strait of X", "such as
# X, Y and Z").
_COMPARED = re.compile(r"\b(?i:such\s+as|like|unlike|compared\s+(?:with|to)|as\s+opposed\s+to|similar\s+to|than)\s+"
                       r"(?:(?:in|at)\s+)?(?:the\s+)?(?:(?:[A-Z][\w'’-]*,?|of|the|and|or|areas?|countries|places|"
                       r"cities|regions|states|nations|towns)\s+){0,8}$")
# A locative before the cue makes the examples where: "in areas such as X and Y, villages were attacked";
# so does a relative "where" after the name: "casualties, like in X where dozens were shot".
_WHERE_BEFORE = re.compile(r"\b(?i:in|at|across|throughout|near|around)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")
_WHERE_AFTER = re.compile(r",?\s+where\b")


def compared(places: Sequence[Place], text: str) -> dict[int, bool]:
    """The ids of places named as an example or a yardstick, not as where something happened here:
    "the Gulf has now overtaken better-known areas such as X", "more kidnappings than in X": the
    place belongs to the comparison, and another sentence's act does not borrow it. Each id says
    whether the example still tells where its own sentence's act happened: a locative introduces
    it ("in areas such as X, villages were attacked") or a "where" follows ("like in X where dozens
    were shot"). Found once per document for both readers (``setting_places``, ``geo.locate``)."""
    out: dict[int, bool] = {}
    for place in places:
        cue = _COMPARED.search(text, max(0, place.span.start - 80), place.span.start)
        if cue is not None:
            out[id(place)] = bool(_WHERE_BEFORE.search(text, max(0, cue.start() - 30), cue.start())
                                  or _WHERE_AFTER.match(text, place.span.end))
    return out


# NER labels of names that are no place: a company, a person, a product.
_THING_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "WORK_OF_ART"})
# "the Red Sea", "the Indian Ocean", "the Strait of Hormuz": a body of water, whatever land unit shares its name.
_WATER = re.compile(r"(?:the\s+)(?:[A-Z][\w'-]*\s+)*(?:Sea|Ocean|Strait|Straits|Gulf)\b")


# The noun of a body a name follows in apposition: "the state news agency SANA", "the rights group X".
_BODY_BEFORE = re.compile(r"\b(?:agency|company|firm|group|newspaper|broadcaster|channel|outlet|website|daily|"
                          r"network|platform|giant|organi[sz]ation|movement|party|operator|bank|brand)\s+$",
                          re.IGNORECASE)


def named_things(places: Sequence[Place], entities: Sequence[tuple[int, int, str]], text: str) -> set[int]:
    """The ids of places that name something else: a body of water read as the land unit of its
    name ("shipping in the Red Sea" read as Sudan's state, in a story that names other countries
    outright and not Sudan), unless a unit word follows ("Red Sea State"); a sea the gazetteer
    knows as a sea ("the Persian Gulf", no country) stays a place (the event-location gold marks
    it); a name in apposition to a body's noun ("the state news agency SANA", not Yemen's Sanaa);
    and a region or
    town whose every mention NER reads as an organisation or a person, never after a word that
    makes it a place (a locative or a verb of taking: "captured Walikale"), in a country the document
    names nowhere while it names another outright ("Meta" in a story about Russia; a sentence that
    names no country, or only by a demonym, keeps "shelled Douma", Douma tagged PERSON); and a
    name that is the surname of a person the document names in full, without a place's cue
    ("Daniel Pearl ... Pearl, the bureau chief, was abducted": not Pearl, Mississippi)."""
    things = {(s, e) for s, e, label in entities if label in _THING_LABELS}
    # named outright, not by a demonym ("the Rwandan border" is no story about Rwanda)
    countries = {p.country for p in places if p.resolved and p.precision == "country"
                 and p.confidence > EMBEDDED_CONFIDENCE}
    surnames = person_surnames(entities, text)
    by_name: dict[str, list[Place]] = {}
    for place in places:
        by_name.setdefault(place.span.text, []).append(place)
    out: set[int] = set()
    for place in places:
        if not place.resolved or place.precision == "country" or not place.span.text:
            continue
        start, end = place.span.start, place.span.end
        foreign = bool(countries) and bool(place.country) and place.country not in countries
        water = _WATER.match(text, max(0, start - 4)) if text[max(0, start - 4):start].lower() == "the " else None
        if foreign and water is not None and water.end() == end and not UNIT_AFTER.match(text, end) \
                and not re.match(r"\s+State\b", text[end:end + 7]):
            out.add(id(place))
            continue
        if _BODY_BEFORE.search(text, max(0, start - 20), start):
            out.add(id(place))
            continue
        if place.span.text in surnames and not surname_said_as_place(text, start, end):
            out.add(id(place))  # "Daniel Pearl was abducted ... Pearl, the bureau chief": the man
            continue
        mentions = by_name[place.span.text]
        if foreign and all(
                (m.span.start, m.span.end) in things and not place_cue(text, m.span.start, m.span.end)
                and not MOTION_BEFORE.search(text, max(0, m.span.start - 20), m.span.start)
                and not _PART_OF_PLACE_BEFORE.search(text, max(0, m.span.start - 40), m.span.start)
                for m in mentions):
            out.add(id(place))
    return out


# A locative word and a word of the place's part before the name: "marched in central X", "in
# downtown X", "fighting in the north of X". A company or a person is never "in central".
_PART_OF_PLACE_BEFORE = re.compile(
    rf"\b(?:in|at|near|across|around|throughout|outside)\s+(?:the\s+)?(?:{PART_OF_PLACE}|suburban)\s+$", re.IGNORECASE)


def reported_content(place: Place, incident: Incident, text: str) -> bool:
    """Whether a statement's place lies in what it reports ("said that the detention of Uyghurs in
    Xinjiang ...", "said China had given assurances that the men had returned to their families in
    Xinjiang", "said it was alarmed by events in Butembo"): the told act's place, not where the
    speaker spoke ("says she checked the toll in Lima" is where the toll was checked)."""
    trigger = incident.trigger
    return incident.type == "statement" and trigger is not None and trigger.end <= place.span.start \
        and _THAT.search(text, trigger.end, place.span.start) is not None


# What opens a told act after the speech verb: "that", or a feeling's object ("alarmed by events in X").
_THAT = re.compile(r"\bthat\b|\b(?:alarmed|concerned|worried|shocked|appalled|dismayed|troubled|saddened)\s+"
                   r"(?:by|about|over|at)\b", re.IGNORECASE)


# Where a court sits: "the Higher Regional Court in Koblenz", "a court in X", "a Koblenz court".
_COURT_BEFORE = re.compile(r"\b(?:court|tribunal)\s+(?:[\w-]+\s+){0,2}?(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
_COURT_AFTER = re.compile(r"(?:\s+[A-Z][\w-]*){0,3}\s+(?:court|tribunal)\b", re.IGNORECASE)


def borrowed_setting(incident: Incident, pool: Sequence[Place], document: Document,
                     state_acts: Collection[str]) -> Place | None:
    """The place an incident whose sentence sets it nowhere takes from its story (``pool``).

    A state's decision (``state_acts``: a law, a sanction, a designation) borrows no town or region:
    it takes the state's country (tests/gold/README.md), the story's country that it borrows or that
    ``geo.incident_country`` gives after. A
    proceeding happens where its court sits: the story's court seat ("the Higher Regional Court in
    Koblenz found that ... were tortured in Damascus") outranks the places of the acts it tries.
    Else the story's setting (``story_setting``)."""
    if incident.type == "legal_proceeding":
        seat = court_seat(incident, pool, document)
        if seat is not None:
            return seat
    setting = story_setting(incident, pool, document)
    if incident.type in state_acts and setting is not None and setting.precision != "country":
        return None
    return setting


def court_seat(incident: Incident, pool: Sequence[Place], document: Document) -> Place | None:
    """The place of the incident's story named as where a court sits, the first such one."""
    text = document.text
    story = document.story_at(incident.evidence[0].start) if incident.evidence else None
    return next((p for p in pool if (story is None or story.start <= p.span.start < story.end)
                 and (_COURT_BEFORE.search(text, max(0, p.span.start - 40), p.span.start)
                      or _COURT_AFTER.match(text, p.span.end))), None)


def dateline_country(incident: Incident, places: Sequence[Place], document: Document) -> Place | None:
    """The country of the story's dateline, when the story names that country by the incident's
    sentence ("MANAGUA - A Nicaraguan court stripped ...", "YANGON - ... Myanmar's military
    announced"); a dateline abroad ("OSLO - Iran hanged ...") gives nothing, its country being
    named nowhere as the story's."""
    if not incident.evidence:
        return None
    text = document.text
    story = document.story_at(incident.evidence[0].start)
    start = story.start if story is not None else 0
    end = incident.evidence[-1].end
    filed = next((p for p in places if start <= p.span.start < end and p.resolved and p.country
                  and in_dateline_head(p, text)), None)
    if filed is None:
        return None
    return next((p for p in places if start <= p.span.start < end and p.resolved and p.precision == "country"
                 and p.country == filed.country and not in_dateline(p, text)), None)


def with_dateline_country(incidents: Sequence[Incident], places: Sequence[Place],
                          document: Document) -> tuple[Incident, ...]:
    """Each incident still without a place given its story's dateline country (``dateline_country``)."""
    return tuple(replace(i, location=replace(found, precision="country"))
                 if i.location is None and (found := dateline_country(i, places, document)) is not None else i
                 for i in incidents)
