"""The common nouns that say a name is a place, and the words that make a name part of another noun.

``data/place_nouns.txt`` lists the nouns that frame a place ("the village of X", "X
district", "the X Hospital"), each with its kind. A place name in an event's clause is not
always where the event happened: "a U.S. military vehicle", "the Assad regime". The parse of
the project's small model ties such names to the event as closely as a real place
("destroyed" -> dobj), so the word after the name decides: a common noun that is no place
noun nor a part of a place ("a Baghdad mosque", "the Sri Lanka capital" stay places).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from factfinder.geo.gazetteer import Candidate, Gazetteer
from factfinder.geo.mentions import demonyms
from factfinder.geo.place_nouns import noun_kinds
from factfinder.model import Attachment, Incident, Place, Span


@lru_cache(maxsize=1)
def place_nouns() -> frozenset[str]:
    """The nouns that say the name beside them is a place, with their plurals."""
    return frozenset(noun_kinds())


# Words that may follow a place name without making it a modifier of another noun.
_FOLLOWERS = frozenset("the of and to in a is that for on was with by as at from it are were be has have had been "
                       "this which their its an not or but they he she said after who will would also than into "
                       "about over during amid since until against near where when while before without under "
                       "across along around between through toward towards within throughout outside inside "
                       "on last late early earlier later yesterday today tonight overnight close next".split())
# Nouns of a part of a place: "the outskirts of X", "Pakistan's northwest", "the heart of X".
PARTS = frozenset("outskirts heart centre center edge edges part parts side sides vicinity perimeter periphery "
                   "north south east west northeast northwest southeast southwest northern southern eastern western "
                   "capital interior coast frontline outskirt environs streets street".split())


def modifies_noun(text: str, end: int) -> bool:
    """"the ISIS bombing", "the Assad regime", "a U.S. military vehicle": a name right before a
    common noun that is no place noun qualifies that noun; it is not where."""
    after = re.match(r"[ ]+([a-z][a-z-]*)\b(?:[ ]+([a-z][a-z-]*)\b)?(?:[ ]+([a-z][a-z-]*)\b)?", text[end:end + 50])
    if after is None:
        return False
    word = after.group(1)
    if any(w in place_nouns() for w in after.groups() if w):
        return False  # "X local government area", "X motor park"
    return word not in _FOLLOWERS and word not in PARTS and not word.endswith(("ing", "ed"))


_OWNED_NAME = re.compile(r"['’]s?\s+((?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*)(?:\s+([a-z]+))?")


def owner_of_a_name(text: str, end: int) -> int | None:
    """Where the name a place owns starts ("Kenya's Paul Otieno", "Iraq's Saddam Hussein"), or
    None when the place owns no capitalised name or the name is framed as a place ("Khartoum's
    Riyadh district", "Lviv's Polytechnic University"): the caller tells a place name from another."""
    owned = _OWNED_NAME.match(text, end)
    if owned is None:
        return None
    words = owned.group(1).lower().split()
    if owned.group(2) in place_nouns() or any(w in place_nouns() or w in PARTS for w in words):
        return None
    return owned.start(1)


def owns_a_thing(text: str, end: int) -> bool:
    """"Dana's car", "Yusuf's house": an unknown name that owns a common thing is a person's.
    (A known place may own things that stand in it, "London's transit system"; a name the
    gazetteer does not know gets no such benefit of the doubt.)"""
    owned = re.match(r"['’]s?\s+((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)\b", text[end:end + 50])
    return owned is not None and not any(w in place_nouns() or w in PARTS for w in owned.group(1).split())


# Names of documents, meetings and processes a place opens: "the Rome Statute", "the Geneva
# Conventions", "the Oslo Accords", "the Astana Process".
_NAMED_AFTER = re.compile(r"[ ](?:Statute|Treaty|Conventions?|Protocols?|Agreements?|Accords?|Declaration|Charter|"
                          r"Summit|Conference|Process|Principles|Pact|Agenda|Forum|Initiative|Talks|Peace Plan)\b")


def opens_a_name(text: str, end: int) -> bool:
    """Whether the place ending at ``end`` opens the name of a treaty, a meeting or a process ("the
    country left the Rome Statute"): the name says nothing of where an event happened."""
    return _NAMED_AFTER.match(text, end) is not None


# A body's seat: "a report by the IPVM research center in the state of Pennsylvania", "according
# to the monitoring group in London", "the Britain-based observatory", "a group based in Paris".
_BODY_NOUNS = (r"(?:cent(?:er|re)|institute|group|organi[sz]ation|university|foundation|agency|office|council|"
               r"commission|committee|watchdog|monitor|observatory|network|association|society|ngo|think[ -]tank|"
               r"newspaper|channel|radio|broadcaster)")
_SEAT_BEFORE = re.compile(
    rf"(?:\b(?:by|from|according\s+to)\s+(?:the\s+|an?\s+)?(?:[\w\"'“”‘’.-]+\s+){{0,4}}{_BODY_NOUNS}s?,?\s+"
    r"(?:(?:based|headquartered|located)\s+)?in|\b(?:based|headquartered)\s+in)\s+"
    r"(?:the\s+(?:(?:state|city|province|region)\s+of\s+)?)?$", re.IGNORECASE)


def seat_of_a_body(text: str, start: int) -> bool:
    """Whether the place starting at ``start`` only says where a body that reports or acts sits
    ("released by the IPVM research center in the state of Pennsylvania", "according to the
    observatory, based in Britain"): the place of the source, not of the event it tells."""
    return _SEAT_BEFORE.search(text, max(0, start - 90), start) is not None


# Where a party to the event comes from or is posted: "who was born in the US state of X", "soldiers
# of a signals company, stationed at Fort Hood, Texas", "an air wing based in X"; not "his hometown
# of X", where events often happen.
_HOME_BEFORE = re.compile(r"\b(?:born|raised|stationed|garrisoned|based|headquartered)\s+(?:at|in)\s+(?:the\s+)?"
                          r"(?:(?:[\w-]+\s+){0,2}(?:state|city|town|province|region)\s+of\s+)?"
                          r"(?:[A-Z][\w’'.-]*\s+){0,3}?(?:[A-Z][\w’'.-]*,\s+)?$")


# Where a named person is from or sits for, written after the name: a legislator's seat ("Rep. Jane
# Roe of Ohio", "Senator John Doe of Vermont") and a home town set off by commas, as the press gives
# a convict's or a victim's ("John Doe, 41, of Leeds, was jailed"); with the town's own region after
# it ("of Hackney, in east London,"). A person's name, not a body's: "the Ministry of Interior" has
# no comma, and an office other than a legislator's ("the Governor of Kano") names the unit it runs.
_PERSON_OF_BEFORE = re.compile(
    r"(?:(?-i:\b(?:Reps?|Sens?|Del)\.?|\b(?:Representative|Senator|Congress(?:wo)?man|Assembly(?:wo)?man|"
    r"Councill?or|Council(?:wo)?man|MP|MEP|[Ll]awmaker|[Ll]egislator))\s+(?-i:(?:[A-Z][\w’'.-]*\s+){1,3})"
    r"|(?-i:\b[A-Z][a-z][\w’'-]*),\s+(?:\d{1,3},\s+)?)"
    r"of\s+(?:the\s+)?(?:(?-i:(?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'.-]*),\s+(?:in\s+)?"
    r"(?:(?:north|south|east|west|central|(?:north|south)-?(?:east|west))(?:ern)?\s+)?)?$", re.IGNORECASE)


def home_of_a_party(text: str, start: int) -> bool:
    """Whether the place starting at ``start`` only says where someone was born, lives or is posted
    ("who was born in Ohio", "soldiers stationed at Fort Hood, Texas"), or whom a legislator sits
    for ("Rep. Jane Roe of Ohio") or where a named person is from ("John Doe, 41, of Leeds"): an
    attribute of a party, not where the event happened."""
    return _HOME_BEFORE.search(text, max(0, start - 70), start) is not None \
        or _PERSON_OF_BEFORE.search(text, max(0, start - 90), start) is not None


# Verbs whose object is a place ("patrolled Mopti", "stormed Al-Madiyounah", "entered Tal Sheer");
# not "captured", whose object is as often a person ("captured Barghouti").
_PLACE_OBJECT = re.compile(r"(?:patrol|enter|storm|shell|bomb|besieg|invad|overr[au]n|infiltrat|liberat)",
                           re.IGNORECASE)
# Ties through another clause of the sentence (a coordinated verb, a participle, "after capturing").
CLAUSE_TIES = frozenset({"conj", "advcl", "xcomp", "after", "before", "while", "by"})
# A verb that takes a place as its object, right before the name ("attacked Sontyo village",
# "after capturing the village of X"); a capture's object may be a person unless framed as a place.
_TAKING_VERB = re.compile(r"\b(?:(attack|storm|shell|bomb|raid|overr[au]n|invad|besieg|encircl|liberat|enter|target|pound)|"
                          r"(captur|recaptur|seiz|retak|overtak|occup))\w*\s+(?:the\s+)?$", re.IGNORECASE)


# "the key village of", "the Islamist controlled town of": a place noun framing the name after the verb
_UNIT_OF = re.compile(r"(?:\bthe\s+(?:[A-Za-z][\w’'-]*\s+){0,2})?(?:village|town|city|district|neighbou?rhood|camp|area|"
                      r"part|outskirt|suburb)s?"
                      r"\s+of\s+(?:the\s+)?$")
# "targeting the National Army (NA) controlled X": the side that holds the place, named before it
_HOLDER_WORDS = re.compile(r"(?<=\s)(?:the\s+)(?:[\w’'-]+\s+|\([A-Z]+\)\s+){1,5}(?:controlled|held|occupied)\s+$")


def after_a_taking_verb(text: str, start: int, framed: bool) -> bool:
    """Whether the name stands right after a verb whose object is a place ("attacked Sontyo village",
    "capturing Tindil village"; "captured X" only when a place noun frames X)."""
    before = _HOLDER_WORDS.sub("", _UNIT_OF.sub("", text[max(0, start - 90):start]))
    found = _TAKING_VERB.search(before)
    return found is not None and (found.group(1) is not None or framed)


def place_object(incident: Incident, tie: Attachment, text: str, start: int) -> bool:
    """Whether the name is the object of a verb that takes only a place ("Soldiers patrolled
    Kassa", "forces have entered Tal Sheer", NER calling the town a person): the event's own
    verb, or the verb right before the name in its clause. The verb says what the name is."""
    if incident.trigger is not None and tie.depth <= 1 and _PLACE_OBJECT.match(incident.trigger.text):
        return True
    return _PLACE_VERB_BEFORE.search(text, max(0, start - 40), start) is not None


# The verb right before its object: "entered Tal Sheer", "stormed the previously untouched X".
_PLACE_VERB_BEFORE = re.compile(rf"\b{_PLACE_OBJECT.pattern}\w*\s+(?:the\s+)?(?:[a-z-]+\s+)?$", re.IGNORECASE)


# A reference point, not where: "raids north of Dodoma in Kondoa".
REFERENCE_BEFORE = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?$",
                              re.IGNORECASE)
# A measured reference: "40 km (25 miles) northeast of X", "20 miles from X", "north of X" after a
# place ("in Tarmoli district, south of Kandahar"); not "in the north of Chad", which is inside it.
_MEASURED_BEFORE = re.compile(r"\b\d[\d,.]*\s*(?:km|kms|kilomet(?:er|re)s?|miles?)\b[^.;:]{0,40}?"
                              r"\b(?:from|of|outside)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)


_QUALIFIED_NAME = re.compile(r"(?<=\bof )(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*,\s*$")


def reference_point(place: Place, text: str) -> bool:
    """Whether the text names the place only to measure another from it ("south of Kandahar",
    "40 km northeast of X"): where the event happened is the place measured, when the
    sentence names it; alone, the reference is the best the sentence gives."""
    before = text[max(0, place.span.start - 80):place.span.start]
    # the state that qualifies the reference is part of it: "west of Laredo, Texas"
    before = _QUALIFIED_NAME.sub("", before)
    found = REFERENCE_BEFORE.search(before)
    if found is not None and not re.search(r"\b(?:the|far|its|their)\s+$", before[:found.start()]):
        return True
    return _MEASURED_BEFORE.search(before) is not None


def kind_not_name(text: str, span: Span) -> bool:
    """"the mostly Shi'i neighbourhoods", "Serb villages": one name before a place noun in the
    plural names a kind of places, not one place (a list, "Jebba and Kpaki districts", names them)."""
    after = re.match(r"\s+([a-z]+)\b", text[span.end:span.end + 30])
    if after is None or " " in span.text.strip():
        return False
    noun = after.group(1)
    plural = noun in place_nouns() and noun.endswith("s") and noun[:-1] in place_nouns() | {"citie", "communitie"}
    listed = re.search(r"(?:,|\band|\bor)\s+$", text[max(0, span.start - 6):span.start])
    return plural and listed is None


def organisation_name(name: str) -> bool:
    """"the Freedom and Justice Party", "the Amaq News Agency": a word of an organisation's name
    (``data/gazetteer/name_shapes.txt``) makes the name a body's, not a place's."""
    from factfinder.geo.shapes import shape_words

    words = shape_words()
    return any(words.get(w) == "org" and noun_kinds().get(w.lower()) is None for w in name.split())


# The compass words of a part of a place: "north", "northern", "south-east", "southwestern"
# (``untied.py`` reads them before a country's name, with "far", "deep", "remote").
COMPASS = r"(?:north|south|east|west)(?:ern)?|(?:north|south)-?(?:east|west)(?:ern)?"
# The words of a part of a place before its name ("in central X", "in downtown X", "greater X"):
# ``setting_places`` reads them after a locative (with "suburban"); the words between a place and
# its container (``_DIRECTIONS``) add "the", "upper", "lower", "old" and the capital's words.
PART_OF_PLACE = rf"(?:{COMPASS}|central|downtown|rural|greater)"
_DIRECTIONS = rf"(?:the|{PART_OF_PLACE}|upper|lower|old|provincial|capital|city)"
# Nouns of a place that the text names after them ("the West Bank city of Nablus").
_SETTLEMENTS = frozenset({"city", "cities", "town", "towns", "village", "villages", "hamlet", "settlement",
                          "township", "camp", "suburb"})
_COMMA_OR_OF = r"(?:\s*,\s*|\s+of\s+(?:the\s+)?|\s+in\s+(?:the\s+)?)"


def stands_under(text: str, end: int, start: int) -> bool:
    """Whether the place that starts at ``start`` holds the name that ends at ``end``: "X district,
    Y province", "the X neighbourhood of Baghdad", "X in northern Aleppo"."""
    between = text[end:start]
    if len(between) > 45 or re.search(r"[.;:()]|\b(?:and|or|to|from|between|than)\b", between):
        return False
    found = re.fullmatch(rf"((?:\s+[A-Za-z-]+){{0,2}}?){_COMMA_OR_OF}(?:{_DIRECTIONS}\s+){{0,2}}", between)
    if found is None:
        return False
    # the words between name what the first place is ("X district of Y"), never another thing
    # ("the Cameroon embassy in Paris") nor what the second is ("the West Bank city of Nablus")
    words = found.group(1).lower().split()
    return all(noun_kinds().get(w) == "area" and w not in _SETTLEMENTS for w in words)


# "the Spanish region of Murcia", "the mainly Basque towns of X", "the Chadian capital N'Djamena":
# a word before a place noun that the text then names qualifies that place, it is not one.
_QUALIFIED_AFTER = re.compile(r"\s+(?:[a-z]+\s+)??([a-z]+)(?:\s+of\s+(?:the\s+)?|\s+)(?=[A-Z‘'])")


def qualifies_a_place(text: str, span: Span, entities: Sequence[tuple[int, int, str]] = ()) -> bool:
    """Whether the name only qualifies the place the text names after a place noun: a settlement
    ("the Industrial city of Sialkot", "the Aegean island of Lispsi", "the Polish capital Warsaw"),
    or any place noun after a nation or a creed ("the Catholic neighbourhood of Ardoyne"); not
    "the Shaab district of Baghdad", where the district is the name's."""
    after = _QUALIFIED_AFTER.match(text, span.end)
    if after is None:
        return False
    noun = after.group(1)
    if noun == "capital":
        return True
    between = text[span.end:after.end()]
    if " of " not in between and not between.endswith(" of"):
        return False
    if (noun in _SETTLEMENTS or noun in ("island", "islands", "borough")) and re.search(
            r"\bthe\s+(?:[a-z]+\s+){0,2}$", text[max(0, span.start - 40):span.start]):
        return True  # not "Garubula village of Biu LGA", the village's own name
    nation = span.text in demonyms() or any(
        s <= span.start and span.end <= e and label == "NORP" for s, e, label in entities)
    return nation and noun in place_nouns()


def struck_city(gazetteer: Gazetteer | None, name: str, incident: Incident) -> Candidate | None:
    """The city of that name, when the event's verb strikes land ("Trincomalee was captured by the
    rebels", "X was overrun last month") and NER took the name for a person or a people: a city of 15,000 or
    more by that very name is the better reading of a land verb's passive subject."""
    if gazetteer is None or incident.trigger is None or not _LAND_VERB.match(incident.trigger.text):
        return None
    cities = [c for c in gazetteer.lookup(name) if c.primary and c.population >= 15_000 and c.kind == "city"]
    return max(cities, key=lambda c: c.population, default=None)


# Verbs whose passive subject is land, not a person: "X was captured / overrun / shelled".
_LAND_VERB = re.compile(r"(?:captur|recaptur|overr[au]n|shell|bomb|besieg|invad|occup|liberat|seiz)", re.IGNORECASE)


# The people of a place: "bombs rained on the people of X", "civilians of X were killed".
_PEOPLE_OF = re.compile(r"\b(?:people|peoples|civilians|residents|inhabitants|population|villagers|townspeople)\s+"
                        r"of\s+(?:the\s+)?$", re.IGNORECASE)


def people_of(text: str, start: int) -> bool:
    """Whether the name at ``start`` says whose people an act struck ("killing ... the people of
    X"): they are in X, and so is the act, whatever the preposition before them ("bombs on ...")."""
    return _PEOPLE_OF.search(text, max(0, start - 40), start) is not None

