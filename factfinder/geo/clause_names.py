"""Place names of an event's own clause that the gazetteer does not place.

The gazetteer knows countries, regions and towns; reports say where an event
happened far more finely: a neighbourhood ("the Shaab neighbourhood of
Baghdad"), a village the gazetteer lacks ("the village of Tal Hamid"), a road, a
camp, an airport. On real wire sentences (the event-location dev set) a third of
the events' own places were such names, unfound or unresolved by the geoparser.
A capitalised name is taken as the event's place only when the parse ties it to
the event's predicate and the text says it is a place: a locative word right
before it ("in X", "near eastern X", "at the strategic X Complex") or a place
noun that frames it ("the village of X", "X district", "the X Refugee Camp").
Dates, groups, people, demonyms and organisation names that NER labels as such
stay out.

The name keeps its own text; its coordinates, country and regions are those of
the known place it stands under when the sentence names one right after it
("X district, Y province", "X neighbourhood of Baghdad", "X in northern
Aleppo"), else null: a place the text states, not a guess.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Callable, Sequence

from factfinder.extract.attachment import attachment_of
from factfinder.geo.gazetteer import Gazetteer
from factfinder.geo.mention_cues import given_names
from factfinder.geo.mentions import demonyms
from factfinder.geo.parser import EMBEDDED_CONFIDENCE, place_from
from factfinder.geo.place_frames import frame_kind, finer_than_town
from factfinder.geo.place_nouns import noun_kinds
from factfinder.geo.place_words import (
    CLAUSE_TIES, after_a_taking_verb, kind_not_name, modifies_noun, organisation_name, owns_a_thing,
    place_nouns, place_object, qualifies_a_place, stands_under, struck_city,
)
from factfinder.geo.stated_regions import REGION_AFTER, REGION_WORD, region_variant
from factfinder.model import Attachment, Incident, Place, Span
from factfinder.text.calendar_words import MONTHS, WEEKDAYS

# Ties that say where the event happened when the name stands after them.
LOCATIVE_TIES = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "along", "into", "through",
                           "on", "over", "off", "between", "within", "throughout", "toward", "towards", "beside",
                           "under", "upon", "amid", "behind", "past"})
# Ties after which a framed name ("stormed the village of X") is still the event's place.
FRAMED_TIES = LOCATIVE_TIES | frozenset({"dobj", "nsubjpass", "conj", "appos", "pobj", "predicate", "shared",
                                         "advcl", "xcomp", "compound", "against", "to", "for", "of", "nsubj",
                                         "acl", "poss", "amod", "npadvmod", "attr"})
# Events whose object is a place: "captured Garsale", "stormed Al-Madiyounah", "shelled X".
_TERRITORY_TYPES = frozenset({"armed_clash", "attack", "other", "property_destruction"})
# NER labels a place name never carries (a person or an organisation label is often a
# mislabelled village, so those are kept when a place noun or a locative word vouches).
_NOT_PLACE_LABELS = frozenset({"PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE"})
# Labels NER also gives to unfamiliar village names ("In Panjwa'i district yesterday" as a
# date): kept only when a place noun frames the name.
_DOUBTFUL_LABELS = frozenset({"NORP", "LAW", "WORK_OF_ART", "PRODUCT", "EVENT", "DATE", "TIME"})
# Titles that start a person's name, not a place's ("President X", "Gen. X").
_TITLES = frozenset("mr mrs ms dr gen general col colonel lt capt captain maj major sgt president minister prime "
                    "king queen prince sheikh imam pope saint st judge sen senator rep governor mayor".split())
# Titles of holy men that also open place names ("Sheikh Barakat", "Saint-Denis"): after a
# locative word, the name is taken as a place.
_HALLOWED = frozenset({"sheikh", "shaikh", "saint", "st", "imam", "sayyida", "sayyidah"})
_PARTICLES = "al|el|ad|ash|as|ez|az|an|ar|at|ul|bin|ibn|de|del|da|das|di|do|dos|du|la|le|van|von"
_WORD = rf"(?:[A-Z][\w’'‘-]*|‘[A-Z][\w’'-]*|(?:{_PARTICLES})-[A-Z][\w’'-]*|\d[\w-]*(?=[ ][A-Z]))"
_NAME = re.compile(rf"(?<![\w’'-]){_WORD}(?:[ ](?:(?:{_PARTICLES})[ ])?{_WORD})*")
_LEADING = frozenset("the a an in on at near of and or but as after before during while when since on by "
                     "meanwhile also then there this that these those its his her their our yet around inside "
                     "outside across along within throughout he she it they we you both all many most some several "
                    "each few none others another".split())  # "Both were wounded": a quantifier, no name
# "in X", "near eastern X", "in an alleyway of ancient X"
_LOCATIVE_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(LOCATIVE_TIES))})\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,3}}"
    r"(?:of\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2})?$", re.IGNORECASE)
_OBJECT_BEFORE = re.compile(r"\b(?:(?:support|protest|memory|honou?r|favou?r|defen[cs]e|solidarity|case|name|wake|hands|"
                            r"aftermath) of(?:\s+[a-z]+)?"
                            r"|for|against|with|to|by)\s+$", re.IGNORECASE)  # "in support of embattled X"



def _before_site(text: str, end: int) -> bool:
    """The name stands right before a building's noun ("a Catholic church", "the Kurdish school")."""
    after = re.match(r"\s+([a-z]+)\b", text[end:end + 25])
    return after is not None and noun_kinds().get(after.group(1)) == "site"


def _framed(text: str, start: int, end: int) -> bool:
    """"the village of X", "X district", "the X Refugee Camp": a place noun says X is a place."""
    return frame_kind(text, start, end) is not None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The name without capitalised function words before it ("The", "In"), the owner before it
    ("Mogadishu's"), or a possessive after it."""
    words = list(re.finditer(r"\S+", text[start:end]))
    owner = next((i for i, w in enumerate(words[:-1]) if w.group().endswith(("'s", "’s"))), None)
    if owner is not None:  # "Khartoum's Riyadh district": the name is what the owner holds
        words = words[owner + 1:]
    while words and words[0].group().lower() in _LEADING:
        words.pop(0)
    for i, word in enumerate(words):  # "Lyon Saturday", "Kabul Monday": the name ends before the day
        if i and (word.group().lower() in MONTHS or word.group().lower() in WEEKDAYS):
            words = words[:i]
            end = start + words[-1].end()
            break
    if not words:
        return end, end
    start = start + words[0].start()
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    return start, end


# The last word of a body's, a unit's or a thing's name, never a place's: fighting fronts, armies, unions,
# parties, agencies, trophies, vehicles; a numbered division is a unit ("the 324B Division").
_BODY_OR_THING = re.compile(r"\b(?:Front|Corps|Regiment|Legion|Forces?|Union|Movement|Legislature|Cooperation|Army|"
                            r"Committee|Party|Alliance|Coalition|Organi[sz]ation|Agency|Ministry|Internet|Devices|"
                            r"Vehicles?|Cup|Trophy|Games|Championships?)$|^\d\w*\s(?:[\w-]+\s)*Division$")


def _not_a_name(text: str, start: int, end: int, entities: Sequence[tuple[int, int, str]], *,
                framed: bool = False) -> bool:
    words = text[start:end].lower().split()
    if not words or any(w in MONTHS or w in WEEKDAYS for w in words):
        return True
    if len(words) == 1 and words[0] in place_nouns():
        return True  # "the same District": a place noun, capitalised, names nothing
    if words[0] in _TITLES and not framed:  # "Sheikh Saeed district" is a place
        return True
    if len(words) == 1 and len(words[0]) <= 3 and text[end:end + 1] == ".":  # "Mr.", "U.N.", "Gen."
        return True
    if len(words) == 1 and (text[start:end].isupper() and len(words[0]) <= 5
                            or re.fullmatch(r"[A-Z]{2,5}s", text[start:end])):
        return True  # "IED", "SAA", "NDF", "IEDs": acronyms of things and groups
    if len(words) == 1 and re.search(r"-(?:[a-z]+ed|held|led|run|born|style|era|majority)$", text[start:end]):
        return True  # "ISIS-held", "Turkish-backed": who holds or backs it, not a place
    if all(not w.lstrip("‘’'\"“")[:1].isalpha() for w in words):
        return True
    if _BODY_OR_THING.search(text[start:end]):
        return True  # "the Tigris Front", "the Democratic Union", "the Davis Cup", "the 12th Armoured Division"
    for s, e, label in entities:
        if s < end and start < e and label in _NOT_PLACE_LABELS:
            return True
    return False


def _inside_other_name(span: Span, entities: Sequence[tuple[int, int, str]]) -> bool:
    """A demonym ("Syrian forces") or a place inside a longer name ("Syrian Arab Army")."""
    return any(s < span.end and span.start < e and (label == "NORP" or e - s > span.end - span.start)
               for s, e, label in entities)


def _headline(sentence: str) -> bool:
    """A title in title case ("Police Arrest Smugglers in Search of Stolen Cattle"): its
    capitals say nothing about names."""
    words = re.findall(r"[A-Za-z][\w’'-]*", sentence)
    long = [w for w in words if len(w) > 3]
    return len(long) >= 4 and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


def _sentence_start(text: str, start: int, evidence: Span) -> bool:
    before = text[evidence.start:start].strip()
    return not before or before[-1] in ".!?:\"“‘(—–-"


def _container(text: str, start: int, end: int, places: Sequence[Place]) -> Place | None:
    """The resolved place the name stands under: named right after it ("X district, Y province",
    "the X neighbourhood of Baghdad", "X in northern Aleppo")."""
    for place in sorted((p for p in places if p.resolved and p.confidence > EMBEDDED_CONFIDENCE
                         and p.span.start >= end), key=lambda p: p.span.start):
        return place if stands_under(text, end, place.span.start) else None
    return None


def _inside(place: Place, container: Place | None) -> bool:
    """Whether a resolved place lies in the container the text names for it ("the town of Finote
    Selam in Ethiopia's Amhara region"): no container, or one whose country (and region) it shares."""
    if container is None:
        return True
    if place.country != container.country:
        return False
    return container.precision == "country" or (container.precision == "admin1" and place.admin1 is not None
                                                and place.admin1 == container.admin1)


def _placed(span: Span, container: Place | None) -> Place:
    """A Place for a name: its own text, the container's coordinates and regions when known."""
    if container is None:
        return Place(span=span, name=span.text, confidence=0.0)
    return Place(span=span, name=span.text, lat=container.lat, lon=container.lon, country=container.country,
                 admin1=container.admin1, admin2=container.admin2, geonameid=None,
                 precision=container.precision, confidence=container.confidence)


def _labels(text: str, start: int, end: int, entities: Sequence[tuple[int, int, str]]) -> set[str]:
    """The NER labels of the entities over the name, but for a place a date entity swallowed: "in Arles
    Saturday" labelled as one EVENT or DATE is a name and a day, and the label is the day's."""
    return {label for s, e, label in entities if s < end and start < e
            and not (s >= start and e > end and _DAY_AFTER.fullmatch(text, end, e))} - {"GPE", "LOC", "FAC"}


_DAY_AFTER = re.compile(r"\s+(?:(?:last|this|next|on|early|late)\s+)?(?:%s)\b\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?"
                        r"(?:,?\s+\d{4})?" % "|".join(
    sorted(w.capitalize() for w in (*MONTHS, *WEEKDAYS))))


def _event_tie(text: str, span: Span, incident: Incident, evidence: Span, entities: Sequence[tuple[int, int, str]],
               actors: Callable[[str], bool] | None, gazetteer: Gazetteer | None = None) -> Attachment | None:
    """The name's tie to the event's predicate when the text makes it the event's place, else None."""
    start, end = span.start, span.end
    if span.text in demonyms() or qualifies_a_place(text, span, entities) or kind_not_name(text, span):
        return None  # "the Spanish region of Murcia": the name is Murcia
    if organisation_name(span.text):
        return None
    framed = _framed(text, start, end)
    # "at Sheikh Barakat", "inside Saint-Denis": a holy man's title opens many a town's name
    hallowed = span.text.split()[0].lower() in _HALLOWED and bool(_LOCATIVE_BEFORE.search(text, max(0, start - 60), start))
    if _not_a_name(text, start, end, entities, framed=framed or hallowed):
        return None
    tie = attachment_of(span, incident.attachments)
    if tie is None or tie.distance:
        return None
    if tie.relation in CLAUSE_TIES and after_a_taking_verb(text, start, framed):
        tie = replace(tie, relation="dobj")  # "as gunmen attacked Sontyo village": the clause's object
    labels = _labels(text, start, end, entities)
    # "Kindu was captured by the rebels": the place a capture or an attack struck
    struck = (tie.relation == "nsubjpass" and incident.type in _TERRITORY_TYPES and tie.depth <= 2
              and (not labels or tie.depth <= 1 and struck_city(gazetteer, span.text, incident) is not None)
              and _sentence_start(text, start, evidence) and not re.search(r"\d", span.text))
    if struck and labels:
        labels = set()  # a city the land verb struck, whatever NER called it
    if _sentence_start(text, start, evidence) and not (framed or struck):
        return None  # a capital that only opens the sentence
    # "in X", "near eastern X"; not "in support of X", "in protest against X"
    locative = bool(_LOCATIVE_BEFORE.search(text[max(0, start - 60):start])) and not _OBJECT_BEFORE.search(
        text[max(0, start - 24):start])
    taken = tie.relation == "dobj" and (incident.type in _TERRITORY_TYPES and not labels
                                        or place_object(incident, tie, text, start))
    if not ((tie.relation in LOCATIVE_TIES and (locative or framed))
            or (framed and tie.relation in FRAMED_TIES) or taken or struck):
        return None
    if modifies_noun(text, end) or owns_a_thing(text, end) or (actors is not None and actors(span.text)):
        return None  # "the Gezi Park trial", "the Assad regime", "Dana's car", "ISIS"
    if labels and not (framed or (locative and tie.relation != "on") or taken):
        return None  # a person's or an organisation's name, with nothing that says place
    if "PERSON" in labels and not (framed or taken or struck) and " " in span.text \
            and span.text.split()[0] in given_names():
        return None  # "at a boat carrying Jimmy X", "in which Charles X": a person, a few words on
    if labels & _DOUBTFUL_LABELS and not taken and not (framed and not any(w in demonyms() for w in re.split(r"[ -]", span.text))
                                          and not (" " not in span.text and _before_site(text, end))):
        return None  # a creed or a nation, not a name: "a Catholic church"
    return tie


_RIGHT_AFTER_IN = re.compile(r"\b(?:in|at|near|inside|outside)\s+(?:the\s+)?$", re.IGNORECASE)


def held_name(text: str, holder: Place, evidence: Span, entities: Sequence[tuple[int, int, str]] = (),
              actors: Callable[[str], bool] | None = None) -> Place | None:
    """The name the text places right inside ``holder`` ("Tumbari Village in Wukari district", "the
    X neighbourhood in central Y", "a prison in X in the southern state of Y"), placed under it,
    or None. For a place the parse leaves untied: the text
    names the finer place first and the one that holds it after."""
    before = [m for m in _NAME.finditer(text, evidence.start, holder.span.start)]
    if not before:
        return None
    start, end = _trimmed(text, *before[-1].span())
    if end <= start or not stands_under(text, end, holder.span.start):
        return None
    span = Span.of(text, start, end)
    framed = _framed(text, start, end)
    if (_not_a_name(text, start, end, entities, framed=framed) or span.text in demonyms() or organisation_name(span.text)
            or (actors is not None and actors(span.text)) or _sentence_start(text, start, evidence)
            or not (framed or _RIGHT_AFTER_IN.search(text, max(0, start - 12), start))):
        return None
    if framed and not finer_than_town(text, span):
        return None  # "the X river north of Y", "the Museum of Modern Arts in Y": the town says where
    return _placed(span, holder)


# Untied names that only look framed: a unit or a movement ("the 4th Armoured Division", "the National
# Liberation Front", "the Combat Base"), and waters an event is rarely "in" ("the Kasai River").
_UNIT_OR_WATER = re.compile(r"\d|\b(?:Division|Front|Base|Brigade|Corps|Regiment|River|Lake)$")
_WATER_AFTER = re.compile(r"\s+(?:river|lake)s?\b")


def untied_names(incident: Incident, text: str, places: Sequence[Place],
                 entities: Sequence[tuple[int, int, str]] = (), actors: Callable[[str], bool] | None = None
                 ) -> list[Place]:
    """Names of the incident's sentence the parse leaves untied that the text still says are where
    ("Gunmen attacked Kwarana village in X district where 20 were killed", "bombs in the Kfar Hamam
    Farms, which killed one", "the attack took place in X village"): framed by a place noun, or
    right after "in"."""
    known = [p.span for p in places if p.resolved and p.confidence > EMBEDDED_CONFIDENCE]
    found = []
    for evidence in incident.evidence:
        if _headline(text[evidence.start:evidence.end]):
            continue
        for match in _NAME.finditer(text, evidence.start, evidence.end):
            start, end = _trimmed(text, *match.span())
            if end <= start or any(s.start < end and start < s.end for s in known):
                continue
            span = Span.of(text, start, end)
            framed = _framed(text, start, end)
            labels = {label for s, e, label in entities if s < end and start < e} - {"GPE", "LOC", "FAC"}
            if (not (framed or (_RIGHT_AFTER_IN.search(text, max(0, start - 12), start) and not labels))
                    or _UNIT_OR_WATER.search(span.text) or _WATER_AFTER.match(text, end)
                    or any(w in demonyms() for w in span.text.split())
                    or attachment_of(span, incident.attachments) is not None
                    or _not_a_name(text, start, end, entities, framed=framed) or span.text in demonyms()
                    or qualifies_a_place(text, span, entities) or kind_not_name(text, span)
                    or organisation_name(span.text) or _sentence_start(text, start, evidence)
                    or modifies_noun(text, end) or owns_a_thing(text, end) or (actors is not None and actors(span.text))):
                continue
            found.append(_placed(span, _container(text, start, end, places)))
    return found


def clause_names(incident: Incident, text: str, places: Sequence[Place],
                 entities: Sequence[tuple[int, int, str]] = (),
                 actors: Callable[[str], bool] | None = None, gazetteer: Gazetteer | None = None
                 ) -> list[tuple[Place, Attachment]]:
    """Names of the incident's own clause that the text calls a place and the gazetteer did not place,
    with their tie to the predicate, as unresolved places (or placed under their container).

    ``actors`` tells whether a name is an armed group, a force or another actor ("ISIS",
    "the Army"), which is never a place; with the ``gazetteer``, a region the text spells
    otherwise is matched to an admin1 of the document's countries."""
    if not incident.attachments:
        return []
    found: list[tuple[Place, Attachment]] = []
    # A place the geoparser doubted only because NER labelled the name alone as something else
    # ("the town of Puerto Lleras") is read again as a name; a demonym or a place inside a longer
    # name ("Syrian" of "Syrian Arab Army") is not.
    known = [p.span for p in places if p.resolved and p.confidence > EMBEDDED_CONFIDENCE]
    doubted = [p.span for p in places if p.resolved and p.confidence <= EMBEDDED_CONFIDENCE
               and _inside_other_name(p.span, entities)]
    countries = [c for c, _ in Counter(p.country for p in places if p.resolved and p.country).most_common(2)]
    for evidence in incident.evidence:
        if _headline(text[evidence.start:evidence.end]):
            continue
        for match in _NAME.finditer(text, evidence.start, evidence.end):
            start, end = _trimmed(text, *match.span())
            if end <= start or any(s.start < end and start < s.end for s in known) or any(
                    s.start < end and start < s.end and not (start <= s.start and s.end <= end and end - start >
                                                             s.end - s.start) for s in doubted):
                continue  # a place of its own, or a demonym; "Tal" of "the town of Tal Marzuk" is a part
            span = Span.of(text, start, end)
            tie = _event_tie(text, span, incident, evidence, entities, actors, gazetteer)
            if tie is None:
                continue
            resolved = next((p for p in places if p.resolved and (p.span.start, p.span.end) == (start, end)
                             and p.country in countries), None)
            # a place the geoparser resolved but doubted, in the document's country: the text vouches
            container = _container(text, start, end, places)  # "the Garki district of Abuja" beats a namesake
            place = replace(resolved, confidence=0.5) if resolved and _inside(resolved, container) \
                else _placed(span, container)
            if place.geonameid is None and tie.relation == "nsubjpass" and (
                    city := struck_city(gazetteer, span.text, incident)) is not None:
                place = place_from(city, span, 0.5)
            if place.admin1 is None and gazetteer is not None and countries and (
                    REGION_AFTER.match(text, end) or REGION_WORD.search(span.text)):
                region = region_variant(span.text, countries, gazetteer)
                if region is not None:
                    place = place_from(region, span, 0.5)
            found.append((place, tie))
    return found
