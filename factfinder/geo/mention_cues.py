"""What the words around a name say about it: the cues and word lists of mention finding.

A place mention is a name plus evidence that it is a place here: "in/of/at ..." before it,
", Region" after it, an apposition that says what it is ("Djibo, a town in ..."), a list
it stands in with accepted places. Against it: a common word, a demonym, the same word
written in lower case elsewhere. Kept apart from the finders (``mentions``,
``proposals``) so that each decides one thing and they share one reading of the cues.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from factfinder.geo.gazetteer import Gazetteer
from factfinder.geo.names import data_file, word_list
from factfinder.geo.spans import SpanIndex


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    source: str  # "ner", "dict", "fuzzy", "cue" (a unit name after in/at/near)
    label: str | None = None  # spaCy label when NER proposed it
    embedded: bool = False  # inside an organisation's name
    fuzzy_name: str | None = None  # gazetteer form a transliteration variant was matched to


# The first word of a Portuguese, Spanish or Italian place name joined by "da", "de", "del"...
# ("Praia da Luz", "Vila do Bispo", "Puerto de la Cruz"): a beach, town, port or bridge.
_ROMANCE_HEADS = frozenset({"Praia", "Playa", "Vila", "Villa", "Ciudad", "Cidade", "Puerto", "Porto", "Ponte",
                            "Puente", "Foz", "Isla", "Ilha", "Cabo", "Serra", "Sierra", "Castelo", "Castillo",
                            "Bahía", "Lagoa", "Laguna", "Fuente", "Torre", "Aldea", "Quinta", "Arroyo", "Barra"})
_ROMANCE_JOINS = frozenset({"da", "das", "de", "do", "dos", "del", "di"})


def joined_place_name(surface: str) -> bool:
    """A place name of the Romance languages, "<Praia|Vila|Puerto...> da|de|del <Name>": one name,
    not a town of its first word and another of its last ("Praia da Luz" is neither Praia, Cape
    Verde, nor a Luz). Where the gazetteer lacks it, the place the text puts it in holds it."""
    words = surface.split()
    return len(words) >= 3 and words[0] in _ROMANCE_HEADS and words[1] in _ROMANCE_JOINS and words[-1][:1].isupper()


@lru_cache(maxsize=1)
def stopnames() -> frozenset[str]:
    return word_list("stopnames.txt")


@lru_cache(maxsize=1)
def shape_words() -> dict[str, str]:
    """word -> kind (facility, org, title, time), from ``name_shapes.txt``: what a word says of the
    capitalised name it stands in (read by ``shapes.py`` and the proposals)."""
    words: dict[str, str] = {}
    for line in data_file("name_shapes.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, kind = line.split("\t")
            words.setdefault(word.strip(), kind.strip())
    return words


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names (``given_names.txt``): a pair opening with one is a person."""
    return word_list("given_names.txt")


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    import csv

    with data_file("countries.csv").open(encoding="utf-8") as fh:
        from_countries = {row["demonym"] for row in csv.DictReader(fh) if row["demonym"]}
    plural = {d + "s" for d in from_countries}
    return frozenset(word_list("demonyms.txt") | from_countries | plural)


COMMON_WORDS = frozenset(
    "a about after all also an and as at but by can for from he her his how i if in is it its more most "
    "new no not now of on one or our over said says she so some such than that the their them then there "
    "these they this those to two under up us was we were what when where which while who why will with "
    "would you last first many much other both each every".split())

# "in/of/at ... X", also sentence-initial ("In Porto Alegre, ...").
_LOCATIVE_BEFORE = re.compile(r"\b(in|of|at|from|near|to|into|around|towards|outside)\s+(the\s+)?$", re.IGNORECASE)
_CONTAINER_AFTER = re.compile(r"(,(\s+in|\s+near)?|\s+in|\s+near)\s+[A-Z][a-z]")  # "Kryvyi Rih, in Dnipropetrovsk"
# An apposition that says what the name is: "Djibo, a town in northern Burkina Faso",
# "Mekelle, the capital of Tigray", "Malaita, the most populous island".
_APPOSITION_AFTER = re.compile(
    r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,4}?(?:capital|town|city|village|district|province|region|state|county|"
    r"port|island|camp|settlement|suburb|neighbou?rhood|municipality|township|commune|governorate)\b")
OF_BEFORE = re.compile(r"\bof\s+$")
_COORDINATION = re.compile(r"\s*(,|and|or|,\s*and|,\s*or)\s*$")
# Words after which a lone capitalised name is a place: prepositions of place and movement, and
# verbs of moving, reaching and attacking ("leave Pokrovsk", "shelled Jindires", "nears Kupiansk").
MOTION_BEFORE = re.compile(
    r"\b(?:in|at|near|from|into|to|towards?|toward|through|via|across|around|outside|inside|between|beyond|"
    r"past|with|and|or|of|leave|left|leaving|reach|reached|reaching|enter|entered|entering|nearby|nears|neared|"
    r"approach|approached|captured?|seized?|shelled|shelling|attacked|struck|hit|fled|flee|returned|return|"
    r"displaced|evacuated|evacuate|moved|cross|crossed)\s+(?:the\s+)?$", re.IGNORECASE)
UNIT_AFTER = re.compile(r"\s+(?:camps?|settlements?|villages?|towns?|districts?|provinces?|regions?|roads?|"
                        r"border|townships?|count(?:y|ies)|upazilas?|crossings?|area)\b")
_WORDS = re.compile(r"\w+")


# Verbs of taking and striking land, before their object or after their passive subject:
# "rebels seized Rutshuru", "a mortar strike on Azaz", "Birao was overrun". Wire reports of war name
# towns this way without a locative word, and NER often calls such a town a person or a product.
_TAKING = (r"(?:re)?captur(?:e|ed|ing)|seiz(?:e|ed|ing)|stormed|storming|overr[au]n|overrunning|liberat(?:e|ed|ing)|"
           r"besieged|besieging|encircled|encircling|shelled|shelling|bombed|bombing|bombarded|bombarding|"
           r"raided|raiding|invaded|invading|occupied|occupying|recaptur(?:e|ed|ing)|retook|retaken|took\s+control\s+of|"
           r"(?:attacks?|assaults?|offensives?|raids?|advance|push|strikes?|airstrikes?|shelling|march)\s+(?:on|against|towards?)")
_TAKING_BEFORE = re.compile(rf"\b(?:{_TAKING})\s+(?:the\s+)?$", re.IGNORECASE)
_PASSIVE = r"\s+(?:was|were|has\s+been|had\s+been|is\s+being|was\s+being)\s+(?:[a-z]+ly\s+)?"
# a person is captured or seized as often as a town: only land verbs cue a name NER calls a person
_LAND_TAKEN_AFTER = re.compile(rf"{_PASSIVE}(?:stormed|overrun|liberated|besieged|encircled|shelled|bombed|"
                               r"bombarded|invaded|occupied|retaken)\b")
_TAKEN_AFTER = re.compile(rf"{_PASSIVE}(?:(?:re)?captured|seized)\b")
_NAME_GOES_ON = re.compile(r"\s+[A-Z]")  # "an attack on the Kassala Sugar Factory": a word of a longer name


def place_cue(text: str, start: int, end: int, *, person: bool = False) -> bool:
    """A locative word before the name, a container after it, an apposition that says what it is,
    or a verb of taking or striking land whose object or passive subject it is (for a name NER
    calls a ``person``, only a verb said of land: "Herrera was captured" is a man)."""
    return bool(_LOCATIVE_BEFORE.search(text[max(0, start - 12):start]) or _CONTAINER_AFTER.match(text, end)
                or (_TAKING_BEFORE.search(text[max(0, start - 40):start]) and not _NAME_GOES_ON.match(text, end))
                or _APPOSITION_AFTER.match(text, end)
                or _LAND_TAKEN_AFTER.match(text, end) or (not person and _TAKEN_AFTER.match(text, end)))


def named_person_of(text: str, start: int, end: int) -> bool:
    """A common given name after "of" names a person ("the deaths of Ruth, Walter and Edna"),
    not a small town the "of" points to, unless the place that holds it follows ("of Ada, Oklahoma")."""
    return text[start:end] in given_names() and bool(OF_BEFORE.search(text, max(0, start - 4), start)) \
        and not _HOLDER_AFTER.match(text, end)


# A locative right before a person's surname keeps it a place: "in Pearl", "near Houston",
# "towards the Rouge" (but "at Pearl's home" is the person's). Narrower than ``_LOCATIVE_BEFORE``:
# "of", "from" and "to" are said of persons as readily ("a friend of Pearl", "close to Pearl").
_SURNAME_LOCATIVE = re.compile(r"\b(?:in|at|near|into|inside|outside|around|towards)\s+(?:the\s+)?$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\b")


def person_surnames(entities: Iterable[tuple[int, int, str]], text: str) -> frozenset[str]:
    """The last words of the persons NER names in full ("Pearl" of "Martin Pearl"): said alone
    elsewhere, such a word is that person, not the town of that name (``surname_said_as_place``
    says when it is a place). Session 12 measured a given-name guard on the first word (against
    NER's "Banda Aceh" as a person): it lost mentions on GWN and TR-News and gained nowhere."""
    return frozenset(words[-1] for s, e, label in entities
                     if label == "PERSON" and len(words := text[s:e].split()) > 1)


def surname_said_as_place(text: str, start: int, end: int) -> bool:
    """A person's surname at ``start:end`` that a locative before it makes a place ("an arrest in
    Pearl"), not followed by a possessive ("in Pearl's car" is the person's)."""
    return bool(_SURNAME_LOCATIVE.search(text, max(0, start - 12), start)) and not _POSSESSIVE.match(text, end)


_HOLDER_AFTER = re.compile(r",\s+[A-Z][\w.]*\b(?:\s+[A-Z][\w.]*\b)?(?!\s*,\s*[A-Z]|\s+and\b)")  # not a list's next name


def coordinated(text: str, start: int, end: int, accepted: SpanIndex[tuple[int, int]]) -> bool:
    """A name listed with an accepted place ("Nabire and Timika", "Lille, Rennes and Dijon").

    Only the nearest accepted place on either side can be listed with it: any
    farther one has the nearer one's words in between.
    """
    left, right = accepted.before(start), accepted.after(end)
    if left is not None and _COORDINATION.fullmatch(text[left[1]:start]):
        return True
    return right is not None and bool(_COORDINATION.fullmatch(text[end:right[0]]))


def lowercase_words(text: str) -> set[str]:
    """The words of ``text`` written in lower case (for ``written_in_lower_case``)."""
    return {w for w in _WORDS.findall(text) if w.islower()}


def written_in_lower_case(surface: str, text: str, lowercase: set[str]) -> bool:
    """Does the name's lower-case form stand as a word elsewhere in the text?"""
    lowered = surface.lower()
    if _WORDS.fullmatch(lowered):
        return lowered in lowercase
    return re.search(rf"\b{re.escape(lowered)}\b", text) is not None  # "ye-u": rare, scan


def known_bare(surface: str, gazetteer: Gazetteer, terms: dict[str, str]) -> bool:
    """The gazetteer knows the name, or the name without a level word after it ("Rakhine State")."""
    words = surface.split()
    bare = " ".join(words[:-1]) if len(words) > 1 and words[-1].capitalize() in terms else surface
    return gazetteer.known(surface) or gazetteer.known(bare)


def is_admin_or_country(surface: str, gazetteer: Gazetteer, terms: dict[str, str]) -> bool:
    """The name (without a level word after it) is a country, an admin1, a region or a continent."""
    words = surface.split()
    bare = " ".join(words[:-1]) if len(words) > 1 and words[-1] in terms else surface
    return any(c.kind in {"country", "admin1", "region", "continent"} for c in gazetteer.lookup(bare))


def sentence_initial_common(text: str, start: int, end: int) -> bool:
    """A single dictionary word opening a sentence ("Say", "Bear") is too weak alone."""
    before = text[max(0, start - 3):start].strip()
    if before and before[-1] not in ".!?\n\"“":
        return False
    word = text[start:end]
    return " " not in word and not word.isupper() and word.lower() in COMMON_WORDS


def clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim "the", possessive "'s" and punctuation from an entity span."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] != ".":
        end -= 1
    if text[start:start + 4].lower() == "the ":
        start += 4
    for suffix in ("'s", "’s"):
        if text[start:end].endswith(suffix):
            end -= len(suffix)
    while end > start and text[end - 1] in ".,;:" and not re.search(r"\b[A-Z]\.$", text[start:end]):
        end -= 1
    return start, end
