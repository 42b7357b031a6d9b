"""Parts of towns and villages the gazetteer lacks, marked as places by the word beside them.

No packaged source names the neighbourhoods, suburbs and villages that reports locate events in
("in Amman's Jabal Luweibdeh neighbourhood", "the gated suburb of Madinaty", "Gbajibo village of Mokwa
LGA"). The word beside such a name says it is a place, and the text usually says which town or
unit holds it: resolution puts it there (``containers.container_stand_in``), or in the town the
story is told in, at the container's point and precision, which is as much as is known. A lone
name with no such word stays unproposed: the gazetteer cannot tell a village from a surname.

The guards keep out words that qualify the level word instead of naming the place: a people's
or a faith's ("the Kurdish district", "an Alawite village"), a common word ("the Financial
district" beside "financial"), an acronym of a body ("the TUC district leadership"), a trade
union ("Unite union"), a time ("the October-December quarter", "the Fourth quarter"), a name
after "a"/"an" ("a Kashmiri village": a kind of village), and a name after "the" or a possessive
and before "town of" + a name ("the Basque town of San Sebastian", "the Old city of Aleppo").
"""

from __future__ import annotations

import re

from factfinder.geo.gazetteer import Gazetteer
from factfinder.geo.mention_cues import Mention, demonyms, shape_words, stopnames, written_in_lower_case
from factfinder.geo.spans import SpanIndex

# A part of a town named before or after its word ("the Karmouz neighbourhood", "the suburb of
# Zahraa"); singular only: "the Shia neighbourhoods" qualifies the parts, it names none.
_NAME = r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2}"
_QUARTER_AFTER = re.compile(rf"(?P<name>{_NAME})\s+(?:suburb|neighbou?rhood|quarter)\b(?!-)")
# "the city's Abbasiya district": a district the text puts in the story's own town.
_TOWN_DISTRICT = re.compile(rf"\b(?:city|town|capital)['’]s\s+(?:[a-z-]+\s+)?(?P<name>{_NAME})\s+(?:district|area)\b")
_QUARTER_OF = re.compile(rf"\b(?:suburb|neighbou?rhood)\s+of\s+(?P<name>{_NAME})")
# "the Basque town of X", "the north Sinai town of X", "Syria's Kurdish-held town of X": after an
# article or a possessive and before "town of" + a name, a capitalised word says what the town is.
_QUALIFIER = re.compile(r"\b(?:[Tt]he|[A-Z][\w-]*['’]s?)\s+(?:[a-z-]+\s+){0,2}$")
_OF_NAME = re.compile(r"\s+(?:town|city|village|port|capital)\s+of\s+(?:the\s+)?[A-Z]")  # not "the X district of Y"
# "a Kashmiri village", "an old Alawite quarter": the name says what kind of place, not which.
_KIND_ARTICLE = re.compile(r"\b(?:an?|An?)\s+(?:[a-z-]+\s+){0,2}$")


def no_name(text: str, start: int, end: int, lowercase: set[str]) -> bool:
    """The capitalised words before a level word name no place of their own (module docstring);
    nor does one name before a plural level word, unless it closes a list ("Kashmiri villages",
    but "Buthidaung and Maungdaw townships")."""
    surface = text[start:end]
    return all(word.replace("'", "").replace("’", "") in demonyms() for word in re.split(r"[ -]", surface)) \
        or surface in stopnames() or surface.isupper() \
        or bool(_QUALIFIER.search(text, max(0, start - 40), start) and _OF_NAME.match(text, end)) \
        or any(word in {"May", "First", "Second", "Third", "Fourth"} or shape_words().get(word) == "time"
               for word in re.split(r"[ -]", surface)) \
        or (plural_after(text, end) and not _LIST_BEFORE.search(text, max(0, start - 6), start)) \
        or written_in_lower_case(surface, text, lowercase) \
        or bool(_KIND_ARTICLE.search(text, max(0, start - 30), start)) \
        or bool(re.match(r"\s+unions?\b", text[end:end + 8], re.IGNORECASE))


def quarter_mentions(text: str, taken: SpanIndex[tuple[int, int]], proposed: SpanIndex[tuple[int, int]],
                     lowercase: set[str]) -> list[Mention]:
    """Names of suburbs, neighbourhoods and quarters (``source="quarter"``): resolved like a name
    after a locative, in the document's countries only, or placed in the town that holds them."""
    found: list[Mention] = []
    for pattern in (_QUARTER_AFTER, _QUARTER_OF, _TOWN_DISTRICT):
        for match in pattern.finditer(text):
            start, end = match.span("name")
            possessive = max(text.rfind("'s ", start, end), text.rfind("’s ", start, end))
            if possessive >= 0:  # "Amman's Jabal Luweibdeh neighbourhood": the part is Jabal Luweibdeh
                start = possessive + 3
            if taken.overlaps(start, end) or proposed.overlaps(start, end) or no_name(text, start, end, lowercase) \
                    or text[start:end].split()[0].lower() in {"the", "a", "an", "in", "of"}:
                continue
            found.append(Mention(start, end, text[start:end], "quarter"))
            proposed.add((start, end))
    return found


_QUARTER_WORD = re.compile(r"\s+(?:suburb|neighbou?rhood|quarter|district|area)\b")


def quarter_word_end(text: str, end: int) -> int:
    """Where the quarter word after a name ends ("Sheikh Zayed suburb| in the northern Gaza Strip"),
    so that the place after it is read as its container; ``end`` when none follows."""
    match = _QUARTER_WORD.match(text, end)
    return match.end() if match else end


_LIST_BEFORE = re.compile(r"(?:,| and| or)\s+$")
_PLURAL_AFTER = re.compile(r"\s+(?:townships|villages|towns|cities|districts|upazil+as|unions|suburbs|"
                           r"neighbou?rhoods|quarters)\b", re.IGNORECASE)


def plural_after(text: str, end: int) -> bool:
    """"Six villages", "major EU cities": a plural level word after one name counts or qualifies
    the units; it does not say that the name is one of them."""
    return bool(_PLURAL_AFTER.match(text, end))


def said_again(text: str, marked: list[Mention], taken: SpanIndex[tuple[int, int]],
               proposed: SpanIndex[tuple[int, int]], gazetteer: Gazetteer) -> list[Mention]:
    """The other mentions of a name the gazetteer lacks that a level word marked as a place
    ("the gated suburb of X" ... "the X academy" ... "beyond X"): one sense per document, so
    they are the same place and are resolved with it (by the container of the marked one)."""
    again: list[Mention] = []
    seeds = {m.text: m.source for m in marked if not plural_after(text, m.end) and not gazetteer.known(m.text)}
    for surface, source in seeds.items():
        for match in re.finditer(rf"(?<![\w’'-]){re.escape(surface)}(?![\w’'-])", text):
            start, end = match.span()
            if not taken.overlaps(start, end) and not proposed.overlaps(start, end):
                again.append(Mention(start, end, surface, source))
                proposed.add((start, end))
    return again
