"""Finding place mentions: spaCy NER spans plus a dictionary tagger over the gazetteer.

NER finds places the gazetteer lacks and tells a person from a place; the
dictionary finds well-known names NER missed (machine-translated text often
defeats NER) and places inside organisation names. Guards drop common words,
demonyms and person names; ``Mention.embedded`` marks a place inside an
organisation's name ("Radio Free Europe"), which geoparsing corpora count as a
toponym but which never locates an event.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from factfinder.geo.names import admin_terms, data_file, name_key
from factfinder.geo.gazetteer import UNIT_KINDS, Gazetteer
from factfinder.geo.spans import SpanIndex

if TYPE_CHECKING:
    from factfinder.geo.tagger import DictionaryTagger

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Other NER labels under which a known admin1 or country can hide ("Rakhine State" as PERSON).
RESCUE_LABELS = {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"}
_TOWN_WORDS = re.compile(r"\s*(townships?|villages?|towns?|city|cities|districts?|upazil+as?|unions?)\b",
                         re.IGNORECASE)  # plurals: "Buthidaung and Maungdaw townships"
# "in/of/at ... X", also sentence-initial ("In Porto Alegre, ...").
_LOCATIVE_BEFORE = re.compile(r"\b(in|of|at|from|near|to|into|around|towards|outside)\s+(the\s+)?$", re.IGNORECASE)
_CONTAINER_AFTER = re.compile(r"(,(\s+in|\s+near)?|\s+in|\s+near)\s+[A-Z][a-z]")  # "Kryvyi Rih, in Dnipropetrovsk"
# An apposition that says what the name is: "Djibo, a town in northern Burkina Faso",
# "Mekelle, the capital of Tigray", "Malaita, the most populous island".
_APPOSITION_AFTER = re.compile(
    r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,4}?(?:capital|town|city|village|district|province|region|state|county|"
    r"port|island|camp|settlement|suburb|neighbou?rhood|municipality|township|commune|governorate)\b")
_CAPS_WORD = re.compile(r"\b[A-Z]{3,}(?:[ -][A-Z]{3,})*\b")
# A dateline place in capitals at the start of a line, accents and short parts allowed
# ("NOUMÉA, New Caledonia —", "PORT-AU-PRINCE —"), looked up by its folded name.
_CAPS_DATELINE = re.compile(r"(?m)^(?P<name>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.]*(?:[ -][A-ZÀ-ÖØ-Þ'’.]+){0,3})"
                            r"(?=\s*(?:,|\u2014|\u2013|--?\s|\())")
_CAPITALISED = re.compile(r"[A-Z][\w’'-]*(?:[ -][A-Z][\w’'-]*){0,3}")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    source: str  # "ner", "dict", "fuzzy", "cue" (a unit name after in/at/near)
    label: str | None = None  # spaCy label when NER proposed it
    embedded: bool = False  # inside an organisation's name
    fuzzy_name: str | None = None  # gazetteer form a transliteration variant was matched to


def _read_list(name: str) -> frozenset[str]:
    lines = data_file(name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def stopnames() -> frozenset[str]:
    return _read_list("stopnames.txt")


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    import csv

    with data_file("countries.csv").open(encoding="utf-8") as fh:
        from_countries = {row["demonym"] for row in csv.DictReader(fh) if row["demonym"]}
    plural = {d + "s" for d in from_countries}
    return frozenset(_read_list("demonyms.txt") | from_countries | plural)


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


def _split_at_line_breaks(text: str, entities: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """NER spans cut at line breaks: no name runs from a headline into a dateline
    ("Goma\n\nGOMA" tagged as one person hid both places)."""
    out: list[tuple[int, int, str]] = []
    for start, end, label in entities:
        if "\n" not in text[start:end]:
            out.append((start, end, label))
            continue
        out.extend((start + m.start(), start + m.end(), label) for m in re.finditer(r"[^\n]+", text[start:end])
                   if m.group().strip())
    return out


def _place_cue(text: str, start: int, end: int) -> bool:
    return bool(_LOCATIVE_BEFORE.search(text[max(0, start - 12):start]) or _CONTAINER_AFTER.match(text, end)
                or _APPOSITION_AFTER.match(text, end))


_OF_BEFORE = re.compile(r"\bof\s+$")
_COORDINATION = re.compile(r"\s*(,|and|or|,\s*and|,\s*or)\s*$")
_DATELINE_AFTER = re.compile(r"\s*(,|—|–|-{1,2}|\()")


def _coordinated(text: str, start: int, end: int, accepted: SpanIndex[tuple[int, int]]) -> bool:
    """A name listed with an accepted place ("Nabire and Timika", "Lyon, Nantes and Toulouse").

    Only the nearest accepted place on either side can be listed with it: any
    farther one has the nearer one's words in between.
    """
    left, right = accepted.before(start), accepted.after(end)
    if left is not None and _COORDINATION.fullmatch(text[left[1]:start]):
        return True
    return right is not None and bool(_COORDINATION.fullmatch(text[end:right[0]]))


def find_mentions(text: str, entities: Sequence[tuple[int, int, str]], gazetteer: Gazetteer,
                  tagger: DictionaryTagger) -> list[Mention]:
    """Every place mention of ``text``; ``entities`` are spaCy (start, end, label) spans."""
    demonym = demonyms()
    terms = admin_terms()
    entities = _split_at_line_breaks(text, entities)
    mentions: list[Mention] = []
    for start, end, label in entities:
        if label not in PLACE_LABELS and label not in RESCUE_LABELS:
            continue
        start, end = clean_span(text, start, end)
        surface = text[start:end]
        if not surface or not surface[0].isupper() or (surface.lower() in COMMON_WORDS and not surface.isupper()):
            continue
        if surface in demonym:
            if _is_admin_or_country(surface, gazetteer, terms):  # "French forces": never an event place
                mentions.append(Mention(start, end, surface, "ner", label, embedded=True))
            continue
        if label in PLACE_LABELS:
            if label == "FAC" and not gazetteer.known(surface):
                continue
            mentions.append(Mention(start, end, surface, "ner", label))
        elif label in RESCUE_LABELS and surface not in stopnames() and \
                _is_admin_or_country(surface, gazetteer, terms):  # "the Centre" (a government) stays out
            mentions.append(Mention(start, end, surface, "ner", label))
    all_hits = tagger.find_all(text)
    # ALL-CAPS words (datelines, "CHINA brands ...") matched in title case, offsets unchanged.
    capsless = _CAPS_WORD.sub(lambda m: m.group().title(), text)
    if capsless != text:
        found = SpanIndex(all_hits)
        all_hits = sorted(set(all_hits) | {(s, e, strong) for s, e, strong in tagger.find_all(capsless)
                                           if text[s:e].isupper() and not found.overlaps(s, e)})
    # A small town's name after "of" inside an organisation's name is a word of that name
    # ("Ministry of Commerce", "Chamber of Commerce"), not a place the "of" points to.
    orgs = SpanIndex((s, e) for s, e, label in entities if label == "ORG")
    cued = {(s, e) for s, e, strong in all_hits if not strong and _place_cue(text, s, e)
            and not (_OF_BEFORE.search(text, max(0, s - 4), s) and (org := orgs.containing(s, e)) is not None
                     and org[0] < s)}
    hits = [(s, e) for s, e, strong in all_hits if strong or (s, e) in cued]
    pending = [(s, e) for s, e, strong in all_hits if not strong and (s, e) not in cued]
    # An NER span the gazetteer does not know, overlapping a dictionary name, was
    # cut wrong ("Paying Township" for "Di Paying Township"): the dictionary wins.
    # A known name longer than the NER span that it covers was cut short by NER
    # ("Trinidad" of "Trinidad and Tobago", "Boa" of "Boa Vista"): the dictionary wins too.
    hit_index = SpanIndex(hits)
    datelines = [match.span("name") for match in _CAPS_DATELINE.finditer(text)
                 if gazetteer.lookup(match.group("name"))]  # "ST. LOUIS –" that NER cut in two
    mentions = [m for m in mentions if not (hit_index.overlaps(m.start, m.end)
                                            and not _known_bare(m.text, gazetteer, terms))
                and not any(s <= m.start and m.end <= e and e - s > m.end - m.start for s, e in hits + datelines)]
    # A known name of several words that the shape-based finder saw whole wins over a shorter
    # dictionary name inside it ("Musa Qala" over "Qala"), as an NER place span does.
    for start, end, label in entities:
        if label == "NAME" and " " in text[start:end] and hit_index.overlaps(start, end) and \
                all(start <= s and e <= end and e - s < end - start for s, e in hits if s < end and e > start):
            mentions.append(Mention(start, end, text[start:end], "dict"))
    taken = SpanIndex((m.start, m.end) for m in mentions)
    non_places = [(s, e, lab) for s, e, lab in entities if lab not in PLACE_LABELS and lab != "NAME"]
    hosts = SpanIndex(non_places)
    lowercase_words = {w for w in _WORDS.findall(text) if w.islower()}
    for start, end in hits:
        if taken.overlaps(start, end):
            continue
        surface = text[start:end]
        host = hosts.containing(start, end)
        if surface in demonym:
            if (host is None or host[2] in {"NORP", "ORG"}) and _is_admin_or_country(surface, gazetteer, terms):
                mentions.append(Mention(start, end, surface, "dict", None, embedded=True))
                taken.add((start, end))
            continue
        if host is not None and host[2] == "PERSON" and not (
                host[0] == start and (not text[end:host[1]].strip()
                                      or text[end:host[1]].strip().capitalize() in terms)):
            continue  # part of a person's name ("Vladimir Kara-Murza"), even when a region bears that name
        if host is not None and host[2] in {"PERSON", "NORP", "DATE", "TIME", "MONEY", "CARDINAL"}:
            # NER calls unfamiliar town names persons; "residents of Phong Taw" is still a place.
            rest = text[end:host[1]].strip()
            whole = host[0] == start and (not rest or rest.capitalize() in terms)
            dateline = (start == 0 or text[start - 1] == "\n") and _DATELINE_AFTER.match(text, end)
            cue = bool(_place_cue(text, start, end) or rest or dateline)
            if not (whole and cue) and not _is_admin_or_country(surface, gazetteer, terms):
                if whole:
                    pending.append((start, end))
                continue
        if host is None and _sentence_initial_common(text, start, end):
            continue
        if " " not in surface and not surface.isupper() and _written_in_lower_case(surface, text, lowercase_words):
            continue  # the same word written in lower case elsewhere: a common word here too ("US" is not "us")
        embedded = host is not None and host[2] in {"ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT"}
        mentions.append(Mention(start, end, surface, "dict", host[2] if host else None, embedded=embedded))
        taken.add((start, end))
    # Names that needed a cue but are listed with accepted places are places too, and so
    # is a name that NER calls a person or a group here but that is a place elsewhere in the
    # same text at least as often (one sense per document: "Douma" tagged PERSON once among
    # three; a surname NER once took for a place stays a surname).
    places_named = Counter(m.text.casefold() for m in mentions if not m.embedded)
    doubtful = Counter(text[s:e].casefold() for s, e in pending if not taken.overlaps(s, e))
    accepted = {form for form, n in places_named.items() if n >= doubtful[form]}
    grew = True
    while grew and pending:
        grew = False
        for start, end in list(pending):
            if not taken.overlaps(start, end) and (text[start:end].casefold() in accepted
                                                   or _coordinated(text, start, end, taken)):
                mentions.append(Mention(start, end, text[start:end], "dict"))
                taken.add((start, end))
                pending.remove((start, end))
                grew = True
    for start, end in datelines:
        if not taken.overlaps(start, end):
            mentions.append(Mention(start, end, text[start:end], "dict"))
            taken.add((start, end))
    fuzzy = _fuzzy_town_mentions(text, taken, gazetteer)
    mentions.extend(fuzzy)
    taken.extend((m.start, m.end) for m in fuzzy)
    mentions.extend(_cued_units(text, taken, gazetteer))
    mentions.extend(_known_names(text, entities, taken, lowercase_words))
    return _mark_embedded(sorted(mentions, key=lambda m: m.start), non_places)


# Words after which a lone capitalised name is a place: prepositions of place and movement, and
# verbs of moving, reaching and attacking ("leave Pokrovsk", "shelled Jindires", "nears Kupiansk").
_MOTION_BEFORE = re.compile(
    r"\b(?:in|at|near|from|into|to|towards?|toward|through|via|across|around|outside|inside|between|beyond|"
    r"past|with|and|or|of|leave|left|leaving|reach|reached|reaching|enter|entered|entering|nearby|nears|neared|"
    r"approach|approached|captured?|seized?|shelled|shelling|attacked|struck|hit|fled|flee|returned|return|"
    r"displaced|evacuated|evacuate|moved|cross|crossed)\s+(?:the\s+)?$", re.IGNORECASE)
_UNIT_AFTER = re.compile(r"\s+(?:camps?|settlements?|villages?|towns?|districts?|provinces?|regions?|roads?|"
                         r"border|townships?|count(?:y|ies)|upazilas?|crossings?|area)\b")


def _known_names(text: str, entities: Sequence[tuple[int, int, str]], taken: SpanIndex[tuple[int, int]],
                 lowercase_words: set[str]) -> list[Mention]:
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
        if surface in demonyms() or (surface in stopnames() and " " in surface) or \
                (" " not in surface and (_written_in_lower_case(surface, text, lowercase_words)
                                         or not (_MOTION_BEFORE.search(text, max(0, start - 30), start)
                                                 or _UNIT_AFTER.match(text, end) or _place_cue(text, start, end)))):
            continue  # a lone word is too often a surname or a brand: a word of place or movement by it
        found.append(Mention(start, end, surface, "cue"))
        taken.add((start, end))
    return found


_CUED_NAME = re.compile(r"\b(?:in|at|near|from|of|towards|to|outside|around)\s+"
                        r"(?P<name>[A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+){0,2})")


# Towns below this population are left out of the dictionary tagger (Geoparser's default).
_TAGGED_POPULATION = 2000


def _cued_units(text: str, taken: SpanIndex[tuple[int, int]], gazetteer: Gazetteer) -> list[Mention]:
    """Village, township and small-town names after "in/at/near/from ..." ("Residents of Kin
    Taung", "near Sugapa").

    The dictionary leaves these out (their names are often ordinary words), so they are
    proposed only behind a locative word, only when the gazetteer knows the name as a
    district, township or village, and (``source="cue"``) kept only if resolution places
    them in the document's country.
    """
    found: list[Mention] = []
    for match in _CUED_NAME.finditer(text):
        start, end = match.span("name")
        words = text[start:end].split()
        while words:  # longest known prefix: "Kin Taung and ..." -> "Kin Taung"
            end = start + len(" ".join(words))
            surface = text[start:end]
            if not taken.overlaps(start, end) and surface not in stopnames() and \
                    surface.lower() not in COMMON_WORDS and \
                    any(c.kind in UNIT_KINDS or (c.kind == "city" and (c.population < _TAGGED_POPULATION
                                                                        or not c.primary))
                        for c in gazetteer.lookup(surface)):
                found.append(Mention(start, end, surface, "cue"))
                taken.add((start, end))
                break
            words.pop()
    return found


_WORDS = re.compile(r"\w+")


def _written_in_lower_case(surface: str, text: str, lowercase_words: set[str]) -> bool:
    """Does the name's lower-case form stand as a word elsewhere in the text?"""
    lowered = surface.lower()
    if _WORDS.fullmatch(lowered):
        return lowered in lowercase_words
    return re.search(rf"\b{re.escape(lowered)}\b", text) is not None  # "ye-u": rare, scan


def _known_bare(surface: str, gazetteer: Gazetteer, terms: dict[str, str]) -> bool:
    words = surface.split()
    bare = " ".join(words[:-1]) if len(words) > 1 and words[-1].capitalize() in terms else surface
    return gazetteer.known(surface) or gazetteer.known(bare)


def _is_admin_or_country(surface: str, gazetteer: Gazetteer, terms: dict[str, str]) -> bool:
    words = surface.split()
    bare = " ".join(words[:-1]) if len(words) > 1 and words[-1] in terms else surface
    return any(c.kind in {"country", "admin1", "region", "continent"} for c in gazetteer.lookup(bare))


def _sentence_initial_common(text: str, start: int, end: int) -> bool:
    """A single dictionary word opening a sentence ("Say", "Bear") is too weak alone."""
    before = text[max(0, start - 3):start].strip()
    if before and before[-1] not in ".!?\n\"“":
        return False
    word = text[start:end]
    return " " not in word and not word.isupper() and word.lower() in COMMON_WORDS


COMMON_WORDS = frozenset(
    "a about after all also an and as at but by can for from he her his how i if in is it its more most "
    "new no not now of on one or our over said says she so some such than that the their them then there "
    "these they this those to two under up us was we were what when where which while who why will with "
    "would you last first many much other both each every".split())


def _fuzzy_town_mentions(text: str, taken: SpanIndex[tuple[int, int]], gazetteer: Gazetteer) -> list[Mention]:
    """Capitalised words before "township/village/town/city" that the gazetteer spells otherwise.

    Only proposes; resolution later restricts the fuzzy match to the document's
    countries (Paoktaw -> Pauktaw in Myanmar, never a look-alike elsewhere).
    """
    found: list[Mention] = []
    proposed: SpanIndex[tuple[int, int]] = SpanIndex()
    for match in _CAPITALISED.finditer(text):
        start, end = match.span()
        possessive = max(text.rfind("'s ", start, end), text.rfind("’s ", start, end))
        if possessive >= 0:  # "Sagaing's Kani township": the township is Kani
            start = possessive + 3
        if not _TOWN_WORDS.match(text, end) or taken.overlaps(start, end):
            continue
        found.append(Mention(start, end, text[start:end], "fuzzy"))
        proposed.add((start, end))
    # "the town of X" / "in X city" are handled by the same pattern above or by NER.
    for match in re.finditer(r"\b(?:town|city|village|township) of ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)", text):
        start, end = match.span(1)
        if not taken.overlaps(start, end) and not proposed.overlaps(start, end):
            found.append(Mention(start, end, text[start:end], "fuzzy"))
            proposed.add((start, end))
    # The unit that contains a named unit: "Homna upazila in Comilla", "Kani township of
    # Sagaing", "Daulatpur (Manikganj)"; proposed only where the gazetteer knows the name.
    for pattern in (_CONTAINER_AFTER_LEVEL, _BRACKETED):
        for match in pattern.finditer(text):
            start, end = match.span("name")
            if not taken.overlaps(start, end) and not proposed.overlaps(start, end) \
                    and gazetteer.known(text[start:end]):
                found.append(Mention(start, end, text[start:end], "fuzzy"))
                proposed.add((start, end))
    return [m for m in found if name_key(m.text) and m.text not in stopnames()
            and m.text.split()[0].lower() not in COMMON_WORDS]


_CONTAINER_AFTER_LEVEL = re.compile(
    r"\b(?i:township|upazila|upazilla|district|village|tract|county|union|division|region|state|province|"
    r"governorate|oblast|commune|locality)\s*(?:,|in|of|,\s*in)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)")
_BRACKETED = re.compile(r"[A-Z][\w’'-]+\s*\((?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)\)")


def _mark_embedded(mentions: list[Mention], non_places: Sequence[tuple[int, int, str]]) -> list[Mention]:
    """Flag NER places that sit inside an ORG span (spaCy sometimes nests by overlap)."""
    out = []
    orgs = SpanIndex((s, e, lab) for s, e, lab in non_places if lab == "ORG")
    for m in mentions:
        if not m.embedded and m.source != "ner" and orgs.containing(m.start, m.end):
            m = Mention(m.start, m.end, m.text, m.source, m.label, True, m.fuzzy_name)
        out.append(m)
    return out
