"""How a place's tie to the event's predicate is read when the tie alone misleads (``locate``).

The parse ties each place of the sentence to the event's predicate by a relation and the
nearest preposition (``extract/attachment.py``). Some ties say where in other words than a
locative: a passive subject the act struck ("Baghdad was bombed", "X's streets were
patrolled"), a town that qualifies the event's subject ("Nangarhar residents protested"), the
victim's moment ("shot as he entered a X mosque"), a harm told beside the act ("killed and two
were wounded north of X"), "by the side of X", "the approaches to X".
"""

from __future__ import annotations

import re

from factfinder.geo.place_frames import frame_kind
from factfinder.geo.place_words import PARTS, modifies_noun
from factfinder.model import Attachment, Incident, Place

# Events whose passive subject is the place they struck or took ("Baghdad was bombed").
STRUCK_TYPES = frozenset({"attack", "armed_clash", "property_destruction", "other"})


# A "by" that says beside the place, not who acted: "by the side of a X highway", "by the banks of X".
BY_THE_SIDE = re.compile(r"\bby\s+the\s+(?:side|sides|edge|banks?|shores?|roadside)\s+of\s+(?:the\s+|a\s+|an\s+)?"
                         r"(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)


# A "to" that says by the place, not towards it: "the approaches to X", "an entrance to X".
APPROACH_TO = re.compile(r"\b(?:approach(?:es)?|entrances?|gates?|road|roads|highway|leading|access)\s+to\s+"
                         r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


# A harm told beside the act ("killed and two were wounded north of X").
_HARM_VERB = re.compile(r"\b(?:wounded|injured|hurt|killed|shot|maimed)\b", re.IGNORECASE)


def circumstance(place: Place, tie: Attachment, incident: Incident, text: str) -> bool:
    """A place of the clause that tells the victim's moment of the act ("was shot dead as he left a
    Basra bakery", "killed while they were driving through X") or of a harm coordinated with it ("a
    guard was shot dead and three porters were hurt south of X"): where the act happened, ranked
    after the act's own ties. Another party's clause ("as warplanes pounded X", "when Washington
    launched") tells another act."""
    if place.precision == "country" or incident.trigger is None or place.span.start < incident.trigger.end:
        return False
    between = text[incident.trigger.end:place.span.start]
    if tie.relation == "advcl":
        # the victim's own moment ("as he left", "while they were driving"), not another party's act
        marker = re.search(r"\b(?:as|while|when)\s+(?:he|she|they)\b", between, re.IGNORECASE)
        return marker is not None and not re.search(r"[;:]|\b(?:after|before|since|until|because)\b",
                                                    between[marker.start():], re.IGNORECASE)
    if tie.relation == "conj":
        return bool(re.fullmatch(r"[^,;:]{0,40}?\band\b[^,;:]{0,40}?", between)) and bool(_HARM_VERB.search(between))
    return False


def local_subject(place: Place, tie: Attachment, incident: Incident, text: str) -> bool:
    """A town or region that qualifies the event's subject ("Angry Sindh farmers
    marched", "The Venice theater had burned down", "Lagos police shot dead a driver"): the
    subject is of that place, and so, when nothing else says where, is the event. A country
    qualifies an actor's nationality ("Pakistani police") and never counts."""
    if not (tie.relation in ("nsubj", "nsubjpass") and tie.depth <= 2 and place.precision != "country"
            and modifies_noun(text, place.span.end) and not text.startswith(("'", "’"), place.span.end)):
        return False
    # the noun after the name is its head ("residents"), not the name's own verb ("Moscow rejects")
    head = next((a for a in incident.attachments if a.span.start > place.span.end), None)
    return head is not None and head.depth < tie.depth and head.relation == tie.relation


# Verbs whose passive subject is land ("X is patrolled", "Kuwait was invaded"), not a person.
TERRITORY_VERB = re.compile(r"(?:patrol|invad|occup|bomb|shell|captur|seiz|overr[au]n|raid|liberat|annex)", re.IGNORECASE)


def struck(place: Place, tie: Attachment, incident: Incident, text: str) -> bool:
    """"Baghdad was heavily bombed", "Damascus is being shelled": the passive subject of an attack
    or a capture is the place it struck (not "Houston's brother was shot", "Ortega, 37, was shot")."""
    framed = frame_kind(text, place.span.start, place.span.end) is not None  # "the village of X was bombed"
    # "Bulawayo's streets were patrolled", "Aleppo's eastern outskirts were shelled": a part of the place
    part = re.match(r"['’]s?\s+([a-z]+)\b(?:\s+([a-z]+)\b)?", text[place.span.end:place.span.end + 40])
    owned_part = part is not None and (part.group(1) in PARTS or part.group(2) in PARTS)
    return (tie.relation == "nsubjpass" and incident.type in STRUCK_TYPES
            and tie.depth <= (3 if framed or owned_part else 2)
            and (owned_part or not re.match(r"['’]|,\s*\d", text[place.span.end:place.span.end + 6])))
