"""Choosing where each incident happened, from the places of its document.

The place must be supported by the text: first a resolved place inside the
incident's evidence sentence(s) that the parse ties to the event's own clause
(``Incident.attachments``: "marched in the capital Tbilisi", not "officials
in Kabul said" nor "30 km from X"), the most specific and then the closest to
the predicate; else, when the sentence names no place at all, the place its
story mentions most. A sentence whose places all belong to other clauses gives
no place rather than a borrowed one. A place inside an organisation's name
("Radio Free Europe") never locates an event.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Collection, Sequence

from factfinder.extract.attachment import SPEAKER, attachment_of, in_evidence, in_other_part
from factfinder.extract.country_heading import heading_country
from factfinder.geo.clause_names import clause_names, held_name, untied_names
from factfinder.geo.clause_ties import APPROACH_TO, BY_THE_SIDE, TERRITORY_VERB, circumstance, local_subject, struck
from factfinder.geo.finer_beside import finer_beside
from factfinder.geo.place_frames import finer_than_town, frame_kind, is_site
from factfinder.geo.gazetteer import Gazetteer
from factfinder.geo.parser import EMBEDDED_CONFIDENCE
from factfinder.geo.place_nouns import noun_kinds
from factfinder.geo.place_words import (
    CLAUSE_TIES, REFERENCE_BEFORE, after_a_taking_verb, modifies_noun, owner_of_a_name, people_of,
    qualifies_a_place, reference_point, stands_under,
)
from factfinder.geo.stated_regions import beside, in_stated_holders, in_stated_regions, same_region, under
from factfinder.geo.story_setting import SPECIFICITY as _SPECIFICITY
from factfinder.geo.setting_places import (
    borrowed_setting, compared, named_things, reported_content, setting_places,
)
from factfinder.geo.story_setting import in_dateline, in_dateline_head, story_setting
from factfinder.geo.untied import event_places, local_source, score, untied_setting
from factfinder.model import Attachment, Document, Incident, Place

# Ties that make a place something other than where the event happened: an origin
# ("fled from X", "fighters from X") or a comparison.
_NOT_WHERE = frozenset({"from", "than", "like", "according", "by", "for", "against", SPEAKER})
# Ties that say where: a locative preposition ("marched to X" is where the march went),
# a place that is the object ("captured Walikale", "shelled Idlib").
_WHERE = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout", "within", "on",
                    "into", "over", "along", "off", "onto", "beyond", "between", "among", "through", "dobj"})
# Ties of a place that acts or is reached rather than where the event happened: the subject
# ("Aleppo says", "Kabul was told"), a destination ("marched to X", "sent to X"), another
# coordinated event's or clause's place.
_ELSEWHERE = frozenset({"to", "nsubj", "conj", "nsubjpass", "advcl", "between"})
# Acts of a state whose place is the state that acts ("the United States imposed sanctions"); not a
# statement, whose speaker's country says who speaks ("Russia has warned", "Iran's envoy said": SPOKEN).
_ACTED_BY_STATE = frozenset({"sanction", "designation", "legislation"})
# A displacement happens where people flee from ("refugees from Di Pa Yin township").
_FROM_PLACED = frozenset({"displacement"})
# Seizures of people happen where they were taken from: "abducted from a hotel in Kirkuk".
_TAKEN_FROM = frozenset({"arrest", "disappearance", "other"})
_SITES = r"(?:house|home|hotel|office|school|hospital|camp|compound|apartment|residence|church|mosque|prison|jail|farm)"
_FROM_A_SITE = re.compile(rf"\bfrom\s+(?:the|a|an|his|her|their|its)\s+(?:[\w-]+\s+){{0,2}}{_SITES}s?\s+"
                          r"(?:in|at|near|of)\s+(?:the\s+)?$", re.IGNORECASE)
_SITE_AFTER = re.compile(rf"\s+{_SITES}\b", re.IGNORECASE)
SPOKEN = frozenset({"statement"})
_SPEAKER_DEPTH = 3  # "said in Geneva", "the mission in Geneva rejected"; not "alarmed by events in Cali"
"""Events that happen where their speaker is ("the UN Secretary-General condemned the attack"):
only a place their own sentence names locates them, never the story's setting nor its country."""


def _tied(place: Place, incident: Incident, text: str, places: Sequence[Place] = (),
          actors: Callable[[str], bool] | None = None) -> Attachment | None:
    """How the place is tied to the incident's predicate, or None when it is not the event's place.

    A country tied other than by a locative word is the actor's or the victims'
    ("Israel captured ...", "the U.S. military", "Japan's police chief"), not a place.
    """
    tie = attachment_of(place.span, incident.attachments)
    if tie is None or tie.distance:
        return None
    if tie.relation == "from" and incident.type in _TAKEN_FROM and place.precision != "country" and (
            _FROM_A_SITE.search(text, max(0, place.span.start - 40), place.span.start)
            or _SITE_AFTER.match(text, place.span.end)):
        tie = replace(tie, relation="at")  # "abducted from a hotel in Kirkuk", "from their Baghdad house"
    if tie.relation == "by" and BY_THE_SIDE.search(text, max(0, place.span.start - 50), place.span.start):
        tie = replace(tie, relation="near")  # "by the side of a X highway", "by the banks of the X": beside it
    if people_of(text, place.span.start) and tie.relation not in _NOT_WHERE | _ELSEWHERE \
            and incident.type not in SPOKEN:
        return replace(tie, relation="in")  # "bombs rained on the people of X, killing ...": in X
    if tie.relation in _NOT_WHERE and not (tie.relation == "from" and incident.type in _FROM_PLACED) and not (
            tie.relation == "by" and place.precision == "country" and incident.type in _ACTED_BY_STATE):
        return None  # but "blacklisted by the United States": the state that decides
    if tie.relation not in _WHERE and place.precision == "country" and incident.type not in _ACTED_BY_STATE \
            and not (struck(place, tie, incident, text) and incident.trigger is not None
                     and TERRITORY_VERB.match(incident.trigger.text)):
        return None  # "X is patrolled by peacekeepers", "Kuwait was invaded": the land struck; not "Jordan was shot"
    if tie.relation == "on" and place.precision == "country":
        return None  # "an attack on Syria", "sanctions on Iran": the country is the target
    if place.precision == "country" and tie.relation == "dobj" and (
            incident.type in SPOKEN or _qualifies_an_actor(place, text, actors)):
        return None  # "captured one of Colombia's traffickers", "accused Rwanda of backing the rebels"
    if place.precision == "country" and modifies_noun(text, place.span.end) and re.search(
            r"\b(?:the|an?)\s+$", text[max(0, place.span.start - 5):place.span.start], re.IGNORECASE):
        return None  # "a U.S. military vehicle", "outside the US embassy": the country's, not where
    if struck(place, tie, incident, text):
        return tie
    if tie.relation in CLAUSE_TIES and place.precision != "country" and after_a_taking_verb(
            text, place.span.start, frame_kind(text, place.span.start, place.span.end) is not None):
        return replace(tie, relation="dobj")  # "killed ... after capturing Aleppo": the clause's object
    if (owned := owner_of_a_name(text, place.span.end)) is not None and not any(
            p.span.start == owned for p in places):
        return None  # "a victory over Kenya's Paul Otieno": the place qualifies a person
    if tie.relation == "to" and APPROACH_TO.search(text, max(0, place.span.start - 60), place.span.start):
        tie = replace(tie, relation="near")  # "at an entrance to X", "on a road leading to X": by X
    if circumstance(place, tie, incident, text):
        return replace(tie, relation="local")  # "shot dead as he left a Basra bakery": where it happened
    if local_subject(place, tie, incident, text):
        return replace(tie, relation="local")  # "Sindh farmers marched", "the Venice theater burned"
    if _elsewhere(place, tie, text) and not (place.precision == "country" and incident.type in _ACTED_BY_STATE):
        return None  # "the World Bank suspended funding to Uganda" is still Uganda's matter
    return tie


def _qualifies_an_actor(country: Place, text: str, actors: Callable[[str], bool] | None) -> bool:
    """"Peru's largest drug gangs", "the FARC fought Colombia's government", "Marta
    Kowalska of Poland": the country is whose the actor or the person is, not where."""
    owned = re.match(r"['’]s?\s+((?:[\w-]+\s+){0,3}[\w-]+)", text[country.span.end:country.span.end + 50])
    if owned is not None and actors is not None and actors(owned.group(1)):
        return True
    before = re.search(r"\b([A-Z][\w-]+)\s+of\s+$", text[max(0, country.span.start - 40):country.span.start])
    return before is not None


_IN_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside)\s+(?:the\s+)?$", re.IGNORECASE)


def _elsewhere(place: Place, tie: Attachment, text: str) -> bool:
    """A tie that makes the place someone else's (``_ELSEWHERE``), unless "in" stands right before
    it: "In Tal Afar district, Nineveh province, a joint patrol ..." is parsed as part of
    the subject, yet says where."""
    return tie.relation in _ELSEWHERE and not _IN_BEFORE.search(text[max(0, place.span.start - 12):place.span.start])


def _syntax_score(place: Place, tie: Attachment, text: str, *, named: bool = False
                  ) -> tuple[bool, bool, bool, int, int, int, int]:
    """A place the text says where rather than measures from first ("in Tarmoli district, south of
    Kandahar"), then a locative tie, then local before regional before country, then the closest
    to the predicate; a name the gazetteer does not know (a neighbourhood, a village, a facility)
    is the finest."""
    specificity, _, fine, start = score(place, text)
    if named:
        specificity, fine = 3, _SPECIFICITY["point"] + 1 if finer_than_town(text, place.span) else _SPECIFICITY["town"]
    # the place a clause of the event strikes or takes ("an offensive in southern Darfur, targeting the
    # village of X", "to capture the city of X") before the region the offensive is in; not an owner
    # ("shelled Lviv's Polytechnic University")
    target = tie.relation == "dobj" and place.precision != "country" and after_a_taking_verb(
        text, place.span.start, frame_kind(text, place.span.start, place.span.end) is not None) \
        and not re.match(r"\s*['’]?\s*s\s", text[place.span.end:place.span.end + 6])
    return (not reference_point(place, text), target, tie.relation in _WHERE, specificity, fine, -tie.depth, start)


def _innermost(ties: list[tuple[Place, Attachment]], text: str) -> list[tuple[Place, Attachment]]:
    """The candidates without those that only hold another ("Tansen in Palpa district",
    "Jebba district of Mokwa LGA"): the place the text names first and places inside the
    other is where the event happened; nor those that only qualify another ("the Mexico
    state of Sonora")."""
    named = [p for p, _ in ties]
    qualifiers = {id(q) for q in named if any(_qualifies(q, p, text) or (
        qualifies_a_place(text, q.span) and q.span.end < p.span.start <= q.span.end + 40) for p in named)}
    ties = [(p, tie) for p, tie in ties if id(p) not in qualifiers]
    inner = [q for q, _ in ties if not REFERENCE_BEFORE.search(text, max(0, q.span.start - 25), q.span.start)
             and (q.resolved or frame_kind(text, q.span.start, q.span.end) in (None, "area"))]
    return [(p, tie) for p, tie in ties if not any(
        (q.span.end <= p.span.start and stands_under(text, q.span.end, p.span.start) and not _coarser(q, p))
        or (p.span.end < q.span.start and re.fullmatch(r"['’]s?\s+", text[p.span.end:q.span.start]))
        for q in inner)]  # "Deir El Zor's Jabiliyah District" holds Jabiliyah


def _coarser(q: Place, p: Place) -> bool:
    """A country named before a known town or region ("the capital of Burundi, Bujumbura", "the
    embassies of France and Italy in Lima"): a country stands in no town."""
    return q.resolved and p.resolved and q.precision == "country" and p.precision != "country"


def _qualifies(region: Place, place: Place, text: str) -> bool:
    """"the northern Mexico state of Sonora", "the Spanish region of Murcia": a country or a
    region that qualifies the unit the text then names is not the place, the unit is."""
    between = text[region.span.end:place.span.start]
    if not (region.resolved and region.span.end <= place.span.start
            and re.fullmatch(r"\s+[a-z]+\s+of\s+(?:the\s+)?", between)):
        return False
    noun = between.split()[0]
    if noun_kinds().get(noun) != "area" or noun.endswith("s"):
        return False  # "Jebba and Kpaki districts of Mokwa LGA" name the districts
    # never a coarser place; and a town before "district of" is the district ("the Shaab district of Baghdad")
    return region.precision in ("country", "admin1") and (
        not place.resolved or _SPECIFICITY.get(place.precision or "", 0) >= _SPECIFICITY[region.precision])


def _consistent(best: Place, own: Sequence[Place], text: str, incident: Incident) -> Place:
    """The sentence's own region instead of a town resolved outside it.

    "in Tarime district, Mara region": when the town resolves into another region
    than the one the sentence names beside it, the gazetteer picked a namesake, and
    the region the text states is the safer answer. The region must sit beside the town or be
    tied to the event as where it happened and named before the town ("In Kigoma region, ...
    in Kasulu district"; not "police in Quetta detained ... as a march against disappearances
    in Sindh"), not be an origin, a destination or another item of a list.
    """
    if _SPECIFICITY.get(best.precision or "", 0) <= _SPECIFICITY["admin1"] or not best.admin1:
        return best
    regions = [p for p in own if p.precision == "admin1" and p.admin1 and not is_site(text, p.span)
               and (beside(best, p, text) or (p.span.start < best.span.start and (
                   tie := _tied(p, incident, text)) is not None and tie.relation in _WHERE))]
    if regions and not any(same_region(best, r) for r in regions):
        return min(regions, key=lambda r: abs(r.span.start - best.span.start))
    return best


def _in_region(place: Place, own: Sequence[Place], incident: Incident, usable: Sequence[Place],
               document: Document) -> Place:
    """A name the gazetteer does not place, in the region its sentence names as where ("In
    Kandahar province, ... in Panjwa'i district"), else in the one region its story names (an
    ISAF release about Kandahar province) when no country the story names says otherwise; else
    as it is. A place the gazetteer resolved stays in its country: a region of another ("Pearl",
    a person, read in Mississippi) is no home for "Karachi"."""
    foreign = place.country if place.resolved else None
    regions = [p for p in own if p.precision == "admin1" and p.admin1 and foreign in (None, p.country) and (
        beside(place, p, document.text)
        or ((tie := _tied(p, incident, document.text)) is not None and tie.relation in _WHERE))]
    if regions:
        return under(place, min(regions, key=lambda r: abs(r.span.start - place.span.start)))
    story = document.story_at(incident.evidence[0].start) if incident.evidence else None
    setting = [p for p in usable if p.admin1 and p.precision != "country" and not in_dateline(p, document.text)
               and (story is None or story.start <= p.span.start < story.end) and foreign in (None, p.country)]
    named = {(p.country, p.admin1.casefold()) for p in setting if p.admin1}
    countries = {p.country for p in usable if p.precision == "country" and not in_dateline(p, document.text)
                 and (story is None or story.start <= p.span.start < story.end)}
    if len(named) != 1 or not countries <= {c for c, _ in named}:
        return place  # no one region, or a country the story names is not the region's
    region = next((p for p in setting if p.precision == "admin1"), None)
    if region is not None:
        return under(place, region)
    return replace(place, country=setting[0].country, admin1=setting[0].admin1)


def _finer_setting(country: Place, incident: Incident, others: Sequence[Place], document: Document) -> Place:
    """The story's setting instead of the country the incident's sentence names, when the story is
    set in a place of that country ("an air strike in eastern Afghanistan" in a release about
    Kunar province): the sentence says nothing finer, its story does."""
    setting = story_setting(incident, others, document)
    if setting is None or setting.country != country.country or setting.precision == "country":
        return country
    return setting


def _under_heading(incident: Incident, document: Document) -> bool:
    """Whether the incident's story is an annual report's paragraph under a country heading
    ("IRAN\n..."): each of its sentences tells another event, so a sentence that names no place
    takes the heading's country (``geo/incident_country.py``), not a town of another sentence."""
    story = document.story_at(incident.evidence[0].start) if incident.evidence else None
    return heading_country(document.text) is not None or (
        story is not None and heading_country(document.text[story.start:story.end]) is not None)


def _held(place: Place, incident: Incident, text: str, entities: Sequence[tuple[int, int, str]],
          actors: Callable[[str], bool] | None) -> Place:
    """The finer name the text places inside an untied region or town, else the place itself."""
    if place.precision not in ("town", "admin2", "admin1"):
        return place
    evidence = next((ev for ev in incident.evidence if ev.start <= place.span.start < ev.end), None)
    held = held_name(text, place, evidence, entities, actors) if evidence is not None else None
    return held if held is not None else place


def _vouched(places: Sequence[Place], entities: Sequence[tuple[int, int, str]]) -> list[Place]:
    """Resolved places the geoparser marked as inside an organisation's name only because NER
    labelled the name alone as one ("marched in Oslo", Copenhagen tagged ORG): the
    entity is exactly the place, not a longer name around it. They may locate an event only
    after a locative word (``_ORG_LABELLED`` ties)."""
    exact = {(s, e) for s, e, label in entities if label in ("ORG", "PERSON", "FAC", "GPE", "LOC")}
    longer = [(s, e) for s, e, label in entities if label not in ("GPE", "LOC")]
    return [p for p in places if p.resolved and p.confidence <= EMBEDDED_CONFIDENCE
            and (p.span.start, p.span.end) in exact and p.precision != "country"
            and not any(s <= p.span.start and p.span.end <= e and e - s > p.span.end - p.span.start for s, e in longer)]


def _elsewhere_named(vouched: Sequence[Place], incident: Incident) -> list[Place]:
    """Places NER mislabelled in the story's other sentences ("areas of El Fasher", El Fasher
    tagged ORG): where the story is set as much as a place NER got right."""
    return [p for p in vouched if not in_evidence(p.span, incident)]


def _candidates(incident: Incident, own: Sequence[Place], vouched: Sequence[Place], places: Sequence[Place],
                text: str, actors: Callable[[str], bool] | None) -> list[tuple[Place, Attachment]]:
    """The sentence's places tied to the event as where it happened, with their tie: resolved
    places, places NER mislabelled (after a locative word), and names the gazetteer does not place."""
    ties = [(p, tie) for p in own if (tie := _tied(p, incident, text, places, actors)) is not None]
    ties += [(p, tie) for p in vouched if in_evidence(p.span, incident)
             and (tie := _tied(p, incident, text)) is not None and tie.relation in _WHERE]
    return ties


def locate(incidents: Sequence[Incident], places: Sequence[Place], document: Document,
           entities: Sequence[tuple[int, int, str]] = (), *,
           actors: Callable[[str], bool] | None = None, gazetteer: Gazetteer | None = None,
           thing_ids: Collection[int] | None = None) -> tuple[Incident, ...]:
    """Each incident with ``location`` set to where it happened, or None when nothing says.

    ``entities`` are the NER spans extraction found (``Extraction.entities``): they tell a
    place NER mislabelled from a place inside a name, and a name that is no place;
    ``actors`` whether a name is an actor's (``extract.actors``), never a place; the
    ``gazetteer`` matches a region the text spells otherwise; ``thing_ids`` are the ids of the places
    that name something else (``named_things``), when the caller has found them already.
    """
    found = named_things(places, entities, document.text) if thing_ids is None else thing_ids
    things = [p for p in places if id(p) in found]  # names of other things: no place, nor a name to propose
    places = in_stated_regions(in_stated_holders([p for p in places if id(p) not in found], document.text),
                               document.text)
    usable = event_places(places, document.text)
    vouched = _vouched(places, entities)
    compared_ids = compared(usable, document.text)
    settings = setting_places(usable, incidents, _WHERE, document.text, compared_ids)
    # "areas such as X": no act's place, unless a locative or "where" says it is
    examples = {i for i, says_where in compared_ids.items() if not says_where}
    located = []
    for incident in incidents:
        own = [p for p in usable if in_evidence(p.span, incident) and id(p) not in examples]
        best: Place | None = None
        if incident.attachments:  # a dateline heading the sentence is where the report was filed
            own = [p for p in own if not in_dateline_head(p, document.text)]
            ties = _candidates(incident, own, vouched, places, document.text, actors)
            names = [(p, tie) for p, tie in clause_names(incident, document.text, [*places, *things], entities,
                                                         actors, gazetteer)
                     if not in_dateline_head(p, document.text) and (
                         not _elsewhere(p, tie, document.text) or struck(p, tie, incident, document.text))]
            named = {id(p) for p, _ in names}
            ties += names
            if incident.type in SPOKEN:  # the speaker's place ("China's mission in Geneva"), not the told act's
                ties = [(p, tie) for p, tie in ties if tie.depth <= _SPEAKER_DEPTH]
            if ties:
                ties = _innermost(ties, document.text)
                best = max(ties, key=lambda pt: _syntax_score(pt[0], pt[1], document.text,
                                                              named=id(pt[0]) in named))[0]
                best = finer_beside(best, [p for p, tie in names if tie.relation in _WHERE], own, document.text)
            elif (setting := untied_setting([p for p in own if attachment_of(p.span, incident.attachments) is None
                                              and not in_other_part(p.span, incident.attachments)
                                              and not reported_content(p, incident, document.text)],
                                             document.text)):
                best = max(setting, key=lambda p: (not reference_point(p, document.text), score(p, document.text)))
                best = _held(best, incident, document.text, entities, actors)
            elif incident.type in SPOKEN or _under_heading(incident, document):
                best = None
            elif (unnamed := untied_names(incident, document.text, places, entities, actors)):
                best = unnamed[0]
            elif (local := local_source(own, incident, document.text)) is not None:
                best = local
            elif own:  # the sentence's places are someone else's: the story's setting, from its other sentences
                mine = {id(p) for p in own}
                best = borrowed_setting(incident, [p for p in settings if id(p) not in mine], document,
                                        _ACTED_BY_STATE)
            else:
                best = borrowed_setting(incident, [*settings, *_elsewhere_named(vouched, incident)], document,
                                        _ACTED_BY_STATE)
        elif own:
            best = max(own, key=lambda p: score(p, document.text))
        elif incident.type not in SPOKEN and not _under_heading(incident, document):
            best = borrowed_setting(incident, [*settings, *_elsewhere_named(vouched, incident)], document,
                                    _ACTED_BY_STATE)
        if best is not None and best.precision == "country" and best.geonameid is not None \
                and incident.type not in SPOKEN and not _under_heading(incident, document):
            best = _finer_setting(best, incident, [p for p in usable if not in_evidence(p.span, incident)], document)
        if best is not None and incident.attachments:
            best = _consistent(best, own, document.text, incident)
        if best is not None and best.admin1 is None and best.precision != "country":
            best = _in_region(best, own, incident, usable, document)
        located.append(replace(incident, location=best))
    return tuple(located)
