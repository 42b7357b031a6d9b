"""Names proposed for resolution to confirm: towns and units the dictionary leaves out.

Districts, townships, villages and small towns are not in the dictionary tagger (their
names are often ordinary words). They are proposed here only where the text marks them
as places: a level word after them ("Kani township"), a locative before them ("residents
of Kin Taung"), a container after a level word ("Homna upazila in Comilla"), brackets
("Daulatpur (Manikganj)"), a county or state after a name and a comma ("Cupar, Fife"),
or a word of place or movement beside a name the shape-based finder saw standing alone
("leave Pokrovsk"). Resolution keeps them only where they
resolve in the document's countries (``source`` "cue" and "fuzzy").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from factfinder.geo.gazetteer import UNIT_KINDS, Gazetteer
from factfinder.geo.mention_cues import (COMMON_WORDS, MOTION_BEFORE, UNIT_AFTER, Mention, demonyms,
                                         named_person_of, place_cue, shape_words, stopnames, written_in_lower_case)
from factfinder.geo.names import admin_terms, name_key
from factfinder.geo.quarters import no_name, quarter_mentions, said_again
from factfinder.geo.spans import SpanIndex

_TOWN_WORDS = re.compile(r"\s*(townships?|villages?|towns?|city|cities|districts?|upazil+as?|unions?)\b",
                         re.IGNORECASE)  # plurals: "Buthidaung and Maungdaw townships"
_CAPITALISED = re.compile(r"[A-Z][\w’'-]*(?:[ -][A-Z][\w’'-]*){0,3}")
_LISTED_AFTER = re.compile(r"(?:,| and| or|, and|, or) (?P<name>[A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+){0,2})")
_CUED_NAME = re.compile(r"\b(?:in|at|near|from|of|towards|to|outside|around)\s+"
                        r"(?P<name>[A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+){0,2})")
_CONTAINER_AFTER_LEVEL = re.compile(
    r"\b(?i:township|upazila|upazilla|district|village|tract|county|union|division|region|state|province|"
    r"governorate|oblast|commune|locality)\s*(?:,|in|of|,\s*in)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)")
_ABBREVIATION = re.compile(r"[A-Z][\w’'-]*[A-Z][\w’'-]*")  # two capitals in one word: "BA", "MoD", "PoP"
_BRACKETED = re.compile(r"[A-Z][\w’'-]+\s*\((?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)\)")
# "Cupar, Fife", "HARLAN, Ky": a unit after a name and a comma, the name's county or state.
_UNIT_AFTER_COMMA = re.compile(r"(?P<left>[A-Z][\w’'.-]+), "
                               r"(?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)(?=[\s.,;:(]|$)")
_HOLDING_KINDS = frozenset({"admin1", "admin2"})

# Towns below this population are left out of the dictionary tagger (Geoparser's default).
_TAGGED_POPULATION = 2000


def _calendar_word(surface: str) -> bool:
    """A day or month: "in May", "on Friday" say when, not where (no Mayville). "May" is no time
    word of the shapes, where it may be a surname (Theresa May); after a locative it is the month."""
    return surface == "May" or shape_words().get(surface) == "time"


def known_names(text: str, entities: Sequence[tuple[int, int, str]], taken: SpanIndex[tuple[int, int]],
                lowercase: set[str]) -> list[Mention]:
    """Names the shape-based finder saw standing alone that the gazetteer knows (label
    ``NAME``, from ``shapes.name_shapes``): small towns and other names of towns that the
    dictionary leaves out and NER would have tagged ("leave Pokrovsk", "Families from Musa
    Qala"). Proposed like a name after a locative (``source="cue"``): kept only where
    resolution places them in the document's countries."""
    found: list[Mention] = []
    for start, end, label in entities:
        if label != "NAME" or taken.overlaps(start, end):
            continue
        surface = text[start:end]
        if surface in demonyms() or (surface in stopnames() and " " in surface) or _calendar_word(surface) or \
                (" " not in surface and (written_in_lower_case(surface, text, lowercase)
                                         or named_person_of(text, start, end)
                                         or not (MOTION_BEFORE.search(text, max(0, start - 30), start)
                                                 or UNIT_AFTER.match(text, end) or place_cue(text, start, end)))):
            continue  # a lone word is too often a surname or a brand: a word of place or movement by it
        found.append(Mention(start, end, surface, "cue"))
        taken.add((start, end))
    return found


def cued_units(text: str, taken: SpanIndex[tuple[int, int]], gazetteer: Gazetteer,
               persons: SpanIndex[tuple[int, int, str]] | None = None) -> list[Mention]:
    """Village, township and small-town names after "in/at/near/from ..." ("Residents of Kin
    Taung", "near Sugapa").

    The dictionary leaves these out (their names are often ordinary words), so they are
    proposed only behind a locative word, only when the gazetteer knows the name as a
    district, township or village, and (``source="cue"``) kept only if resolution places
    them in the document's country. A part of a person's name (``persons``) is no place:
    "from Howard Preston" does not name the town Howard.
    """
    found: list[Mention] = []
    persons = persons if persons is not None else SpanIndex()
    for match in _CUED_NAME.finditer(text):
        mention = _known_prefix(text, *match.span("name"), taken, gazetteer, persons)
        # The names listed after it share its locative: "from Aberporth and Blaenporth".
        while mention is not None:
            found.append(mention)
            taken.add((mention.start, mention.end))
            listed = _LISTED_AFTER.match(text, mention.end)
            mention = None if listed is None else \
                _known_prefix(text, *listed.span("name"), taken, gazetteer, persons)
    return found


def _known_prefix(text: str, start: int, end: int, taken: SpanIndex[tuple[int, int]], gazetteer: Gazetteer,
                  persons: SpanIndex[tuple[int, int, str]]) -> Mention | None:
    """The longest prefix of the capitalised words at [start, end) that the gazetteer knows as a
    unit or a town too small for the dictionary ("Kin Taung and ..." -> "Kin Taung"), if any."""
    words = text[start:end].split()
    while words:
        end = start + len(" ".join(words))
        surface = text[start:end]
        person = persons.containing(start, end)
        if person is not None and (person[0], person[1]) != (start, end):
            return None
        if not taken.overlaps(start, end) and surface not in stopnames() and \
                surface.lower() not in COMMON_WORDS and not _calendar_word(surface) and \
                not named_person_of(text, start, end) and \
                any(c.kind in UNIT_KINDS or (c.kind == "city" and (c.population < _TAGGED_POPULATION
                                                                    or not c.primary))
                    for c in gazetteer.lookup(surface)):
            return Mention(start, end, surface, "cue")
        words.pop()
    return None


def _holds_the_name_before(match: re.Match[str], gazetteer: Gazetteer) -> bool:
    """A name after "Name, " that the gazetteer knows as a county or state holds that name
    ("Cupar, Fife", "HARLAN, Ky"); a common word before the comma is no name ("Now, Toledo")."""
    return match.group("left").lower() not in COMMON_WORDS and \
        any(c.kind in _HOLDING_KINDS for c in gazetteer.lookup(match.group("name")))


def _without_level_word(text: str, start: int, end: int, gazetteer: Gazetteer) -> tuple[int, int]:
    """The span of a unit's name without the level word the gazetteer does not write with it:
    "village of Mokwa LGA" names Guma."""
    words = text[start:end].split()
    if len(words) > 1 and words[-1].casefold() in _level_terms() and not gazetteer.known(text[start:end]):
        return start, start + text[start:end].rindex(" ")
    return start, end


@lru_cache(maxsize=1)
def _level_terms() -> frozenset[str]:
    return frozenset(term.casefold() for term in admin_terms())


def fuzzy_town_mentions(text: str, taken: SpanIndex[tuple[int, int]], gazetteer: Gazetteer,
                        lowercase: set[str]) -> list[Mention]:
    """Capitalised words before "township/village/town/city" that the gazetteer spells otherwise.

    Only proposes; resolution later restricts the fuzzy match to the document's
    countries (Paoktaw -> Pauktaw in Myanmar, never a look-alike elsewhere).
    """
    proposed: SpanIndex[tuple[int, int]] = SpanIndex()
    quarters = quarter_mentions(text, taken, proposed, lowercase)
    found: list[Mention] = []
    for match in _CAPITALISED.finditer(text):
        start, end = match.span()
        possessive = max(text.rfind("'s ", start, end), text.rfind("’s ", start, end))
        if possessive >= 0:  # "Sagaing's Kani township": the township is Kani
            start = possessive + 3
        if not _TOWN_WORDS.match(text, end) or taken.overlaps(start, end) or proposed.overlaps(start, end):
            continue
        found.append(Mention(start, end, text[start:end], "fuzzy"))
        proposed.add((start, end))
    # "the town of X" / "in X city" are handled by the same pattern above or by NER.
    for match in re.finditer(r"\b(?:town|city|village|township) of ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)", text):
        start, end = _without_level_word(text, *match.span(1), gazetteer)
        if not taken.overlaps(start, end) and not proposed.overlaps(start, end):
            found.append(Mention(start, end, text[start:end], "fuzzy"))
            proposed.add((start, end))
    # The unit that contains a named unit: "Homna upazila in Comilla", "Kani township of
    # Sagaing", "Daulatpur (Manikganj)"; proposed only where the gazetteer knows the name.
    # An abbreviation in brackets ("Ministry of Defence (MoD)", "British Airways (BA)") names
    # the words before it, not a place (airport codes are towns' other names: TPA, MEA).
    for pattern in (_CONTAINER_AFTER_LEVEL, _BRACKETED, _UNIT_AFTER_COMMA):
        for match in pattern.finditer(text):
            start, end = _without_level_word(text, *match.span("name"), gazetteer)
            if not taken.overlaps(start, end) and not proposed.overlaps(start, end) \
                    and not (pattern is _BRACKETED and _ABBREVIATION.fullmatch(text[start:end])) \
                    and gazetteer.known(text[start:end]) \
                    and (pattern is not _UNIT_AFTER_COMMA or _holds_the_name_before(match, gazetteer)):
                found.append(Mention(start, end, text[start:end], "fuzzy"))
                proposed.add((start, end))
    kept = [m for m in found if name_key(m.text) and m.text not in stopnames()
            and m.text.split()[0].lower() not in COMMON_WORDS
            and (gazetteer.known(m.text) or not no_name(text, m.start, m.end, lowercase))] + quarters
    return kept + said_again(text, kept, taken, proposed, gazetteer)
