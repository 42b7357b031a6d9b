"""Finding place mentions: spaCy NER spans plus a dictionary tagger over the gazetteer.

NER finds places the gazetteer lacks and tells a person from a place; the
dictionary finds well-known names NER missed (machine-translated text often
defeats NER) and places inside organisation names. Guards drop common words,
demonyms and person names; ``Mention.embedded`` marks a place inside an
organisation's name ("Radio Free Europe"), which geoparsing corpora count as a
toponym but which never locates an event.

``find_mentions`` runs the steps in turn, each deciding one thing: which entity spans
are places (``_entity_mentions``), which dictionary names stand alone and which need a
cue (``_dictionary_hits``), where the dictionary overrules an entity span
(``_overruled``), which dictionary names a host span (a person, a body) keeps out
(``_accept_hits``), which doubtful names one sense per document lets in
(``_accept_pending``); the cues are ``mention_cues``, the names proposed for resolution
to confirm ``proposals``.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Sequence

from factfinder.geo.gazetteer import Gazetteer
from factfinder.geo.mention_cues import (COMMON_WORDS, OF_BEFORE, Mention, clean_span, coordinated,
                                         demonyms, is_admin_or_country, joined_place_name, known_bare, lowercase_words,
                                         named_person_of, person_surnames, place_cue, sentence_initial_common,
                                         stopnames, surname_said_as_place, written_in_lower_case)
from factfinder.geo.names import admin_terms
from factfinder.geo.place_nouns import street_words
from factfinder.geo.proposals import cued_units, fuzzy_town_mentions, known_names
from factfinder.geo.spans import SpanIndex
from factfinder.text.calendar_words import WEEKDAY_NAMES
from factfinder.text.datelines import AFTER_PLACE, caps_place_names

if TYPE_CHECKING:
    from factfinder.geo.tagger import DictionaryTagger

# The names other modules import from here.
__all__ = ["COMMON_WORDS", "Mention", "clean_span", "demonyms", "find_mentions", "stopnames"]

Entity = tuple[int, int, str]
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Other NER labels under which a known admin1 or country can hide ("Rakhine State" as PERSON).
RESCUE_LABELS = {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"}
_CAPS_WORD = re.compile(r"\b[A-Z]{3,}(?:[ -][A-Z]{3,})*\b")


def _split_at_line_breaks(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """NER spans cut at line breaks: no name runs from a headline into a dateline
    ("Goma\n\nGOMA" tagged as one person hid both places)."""
    out: list[Entity] = []
    for start, end, label in entities:
        if "\n" not in text[start:end]:
            out.append((start, end, label))
            continue
        out.extend((start + m.start(), start + m.end(), label) for m in re.finditer(r"[^\n]+", text[start:end])
                   if m.group().strip())
    return out


def find_mentions(text: str, entities: Sequence[Entity], gazetteer: Gazetteer,
                  tagger: DictionaryTagger) -> list[Mention]:
    """Every place mention of ``text``; ``entities`` are spaCy (start, end, label) spans."""
    terms = admin_terms()
    entities = _split_at_line_breaks(text, entities)
    hits, pending = _dictionary_hits(text, entities, tagger)
    # a dateline place in capitals, looked up by its folded name (text/datelines)
    datelines = [(start, end) for start, end, name in caps_place_names(text)
                 if gazetteer.lookup(name)]  # "SANTA FE –" that NER cut in two
    mentions = _overruled(text, _entity_mentions(text, entities, gazetteer, terms), hits, datelines, gazetteer,
                          terms)
    # A known name of several words that the shape-based finder saw whole wins over a shorter
    # dictionary name inside it ("Musa Qala" over "Qala"), as an NER place span does.
    hit_index = SpanIndex(hits)
    for start, end, label in entities:
        if label == "NAME" and " " in text[start:end] and hit_index.overlaps(start, end) and \
                all(start <= s and e <= end and e - s < end - start for s, e in hits if s < end and e > start):
            mentions.append(Mention(start, end, text[start:end], "dict"))
    taken = SpanIndex((m.start, m.end) for m in mentions)
    non_places = [(s, e, lab) for s, e, lab in entities if lab not in PLACE_LABELS and lab != "NAME"]
    lowercase = lowercase_words(text)
    lone = list(pending)  # the small towns' names without a cue, before host spans add to them
    mentions += _accept_hits(text, hits, pending, non_places, taken, lowercase, gazetteer, terms)
    mentions += _accept_pending(text, mentions, pending, taken)
    for start, end in datelines:
        if not taken.overlaps(start, end):
            mentions.append(Mention(start, end, text[start:end], "dict"))
            taken.add((start, end))
    fuzzy = fuzzy_town_mentions(text, taken, gazetteer, lowercase)
    mentions.extend(fuzzy)
    taken.extend((m.start, m.end) for m in fuzzy)
    persons = SpanIndex((s, e, lab) for s, e, lab in entities if lab == "PERSON")
    mentions.extend(cued_units(text, taken, gazetteer, persons))
    mentions.extend(known_names(text, entities, taken, lowercase))
    mentions.extend(_story_towns(text, lone, non_places, taken, lowercase))
    mentions.extend(_venues(text, non_places, mentions, taken))
    return _mark_embedded(sorted(mentions, key=lambda m: m.start), non_places)


_AT_BEFORE = re.compile(r"\bat\s+(?:the\s+)?$")
_IN_AFTER = re.compile(r"(?:\s+in|,)\s+")


def _venues(text: str, non_places: Sequence[Entity], mentions: Sequence[Mention],
            taken: SpanIndex[tuple[int, int]]) -> list[Mention]:
    """Venues the gazetteer lacks, named "at X in Y" or "at X, Y" with Y a place the finder
    found ("a reading at Marula Arts House in Nairobi"): a name of several unknown words that the
    shape reader took for a person's, after "at" and put inside a place, is a building or a site
    there (one is "with" a person "in" a town, not "at" one); resolution places it in Y, the
    container. Geoparsing corpora count such venues as places (a fifth of GeoWebNews' never-found
    names are shops, halls and schools). A body's name (ORG: "at North Ridge School District in
    ...") stays out: the corpora count bodies as no place (TR-News check lost precision)."""
    starts = {m.start for m in mentions if not m.embedded}
    found: list[Mention] = []
    for start, end, label in non_places:
        if label != "PERSON" or taken.overlaps(start, end) or " " not in text[start:end] \
                or not _AT_BEFORE.search(text, max(0, start - 8), start):
            continue
        after = _IN_AFTER.match(text, end)
        if (after is None or after.end() not in starts) and not _held_at(text, start, end):
            continue
        found.append(Mention(start, end, text[start:end], "ner", "FAC"))
        taken.add((start, end))
    return found


# When or where-clause words after a venue: "at Harbour Lights on Friday", "at Croft Circuit, where".
# The weekdays come from text/calendar_words, capitalised as a venue's date prints them.
_WHEN_AFTER = re.compile(r"(?:\s+on\s+(?:" + "|".join(day.capitalize() for day in WEEKDAY_NAMES) + r")"
                         r"|\s+(?:last|this|next)\s+(?:week|month|year|night|weekend)|,\s+where)\b")
# Words that aim "at" a person: "took aim at", "lashed out at", "a jab at".
_AIMED_AT = re.compile(r"\b(?:aim|aimed|aiming|jabs?|swipes?|shots?|shot|fired|firing|laughed|looked|looking|lashed"
                       r"|out|hit|hits|angry|furious|directed|pointed|glared|stared|smiled|waved|yelled|shouted)"
                       r"\s+at\s+$")


def _held_at(text: str, start: int, end: int) -> bool:
    """Whether a venue's "at X" is followed by its time or a where-clause ("an auction at Harbour
    Lights on Friday", "the season opens at Croft Circuit, where ..."): one is at a person only
    when aiming at one ("took aim at Jo Carver on Monday"), which the words before "at" tell."""
    return _WHEN_AFTER.match(text, end) is not None and not _AIMED_AT.search(text, max(0, start - 20), start)


def _entity_mentions(text: str, entities: Sequence[Entity], gazetteer: Gazetteer,
                     terms: dict[str, str]) -> list[Mention]:
    """The entity spans that are places: GPE/LOC (FAC when the gazetteer knows it), a known
    admin1 or country under another label ("Rakhine State" as PERSON), and a country
    adjective of a known country ("French forces": embedded, never an event place)."""
    demonym = demonyms()
    mentions: list[Mention] = []
    for start, end, label in entities:
        if label not in PLACE_LABELS and label not in RESCUE_LABELS:
            continue
        start, end = clean_span(text, start, end)
        surface = text[start:end]
        if not surface or not (surface[0].isupper() or (label == "LOC" and surface[0].isdigit())) \
                or (surface.lower() in COMMON_WORDS and not surface.isupper()):  # "14th St." is a street
            continue
        if surface in demonym:
            if is_admin_or_country(surface, gazetteer, terms):
                mentions.append(Mention(start, end, surface, "ner", label, embedded=True))
            continue
        if label in PLACE_LABELS:
            if label == "FAC" and not gazetteer.known(surface):
                continue
            mentions.append(Mention(start, end, surface, "ner", label))
        elif label in RESCUE_LABELS and surface not in stopnames() and \
                is_admin_or_country(surface, gazetteer, terms):  # "the Centre" (a government) stays out
            mentions.append(Mention(start, end, surface, "ner", label))
    return mentions


def _dictionary_hits(text: str, entities: Sequence[Entity], tagger: DictionaryTagger
                     ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(hits, pending): the dictionary names that may stand here (strong, or weak with a
    place cue) and the weak ones without a cue, which only one sense per document or a list
    of places can let in."""
    all_hits = tagger.find_all(text)
    # ALL-CAPS words (datelines, "CHINA brands ...") matched in title case, offsets unchanged.
    capsless = _CAPS_WORD.sub(lambda m: m.group().title(), text)
    if capsless != text:
        # A longer name read in title case wins over the shorter ones matched as written that
        # it covers ("SAN DIEGO", not the "SAN" some town has as another name).
        caps = [(s, e, strong) for s, e, strong in tagger.find_all(capsless)
                if text[s:e].isupper() and text[s:e].lower() not in COMMON_WORDS]  # "ON THE ROAD"
        covered = {(s, e, st) for s, e, st in all_hits
                   if any(cs <= s and e <= ce and ce - cs > e - s for cs, ce, _strong in caps)}
        found = SpanIndex([hit for hit in all_hits if hit not in covered])
        all_hits = sorted((set(all_hits) - covered) | {hit for hit in caps if not found.overlaps(hit[0], hit[1])})
    # A small town's name after "of" inside an organisation's name is a word of that name
    # ("Ministry of Commerce", "Chamber of Commerce"), not a place the "of" points to, and a
    # common given name after "of" a person's.
    orgs = SpanIndex((s, e) for s, e, label in entities if label == "ORG")
    cued = {(s, e) for s, e, strong in all_hits if not strong and place_cue(text, s, e)
            and not named_person_of(text, s, e)
            and not (OF_BEFORE.search(text, max(0, s - 4), s) and (org := orgs.containing(s, e)) is not None
                     and org[0] < s)}
    hits = [(s, e) for s, e, strong in all_hits if strong or (s, e) in cued]
    pending = [(s, e) for s, e, strong in all_hits if not strong and (s, e) not in cued]
    return hits, pending


def _overruled(text: str, mentions: list[Mention], hits: list[tuple[int, int]], datelines: list[tuple[int, int]],
               gazetteer: Gazetteer, terms: dict[str, str]) -> list[Mention]:
    """Entity mentions less the ones the dictionary overrules. An NER span the gazetteer does
    not know, overlapping a dictionary name, was cut wrong ("Paying Township" for "Di Paying
    Township"); a known name longer than the NER span that it covers was cut short by NER
    ("Trinidad" of "Trinidad and Tobago", "Porto" of "Porto Velho"): the dictionary wins."""
    hit_index = SpanIndex(hits)
    return [m for m in mentions if not (hit_index.overlaps(m.start, m.end) and not known_bare(m.text, gazetteer, terms)
                                        and not _owned_building(m) and not _whole_name(m, hits))
            and not any(s <= m.start and m.end <= e and e - s > m.end - m.start for s, e in hits + datelines)]


def _whole_name(mention: Mention, hits: list[tuple[int, int]]) -> bool:
    """A street named after a town ("Mombasa Road", "Damascus Street") or a Romance place name
    joined by "da"/"de" ("Praia da Luz"): the whole span is the place, not the towns named
    inside it; resolution puts it in the place the text or the story gives, else leaves it
    unplaced. Geoparsing corpora annotate the whole name."""
    words = mention.text.split()
    return mention.label == "LOC" and len(words) > 1 \
        and (words[-1] in street_words() or joined_place_name(mention.text)) \
        and all(mention.start <= s and e <= mention.end for s, e in hits if s < mention.end and e > mention.start)


def _owned_building(mention: Mention) -> bool:
    """A building named with its owner's possessive ("St George's Chapel"): the name inside it is
    a saint's or a person's, not the town of that name."""
    return mention.label == "LOC" and ("'s " in mention.text or "’s " in mention.text)


def _accept_hits(text: str, hits: list[tuple[int, int]], pending: list[tuple[int, int]], non_places: list[Entity],
                 taken: SpanIndex[tuple[int, int]], lowercase: set[str], gazetteer: Gazetteer,
                 terms: dict[str, str]) -> list[Mention]:
    """The dictionary names that stand: not inside a person's name, not a common word opening
    a sentence or written in lower case elsewhere; a place inside a body's name is embedded.
    A name that a host span makes doubtful but that could be a place is added to ``pending``."""
    demonym = demonyms()
    hosts = SpanIndex(non_places)
    # The surnames of the persons the text names in full ("Brennan" of "Niamh Brennan"): standing
    # alone, such a name is that person where the word before it is said of persons as readily as
    # of places ("close to Brennan", "a friend of Brennan"); "at", "in", "near" keep a place.
    family = person_surnames(non_places, text)
    mentions: list[Mention] = []
    for start, end in hits:
        if taken.overlaps(start, end):
            continue
        surface = text[start:end]
        host = hosts.containing(start, end)
        if surface in demonym:
            if (host is None or host[2] in {"NORP", "ORG"}) and is_admin_or_country(surface, gazetteer, terms):
                mentions.append(Mention(start, end, surface, "dict", None, embedded=True))
                taken.add((start, end))
            continue
        if host is not None and (_hosted_out(text, start, end, host, pending, gazetteer, terms)
                                 or (host[2] == "PERSON" and (host[0], host[1]) == (start, end) and surface in family
                                     and not surname_said_as_place(text, start, end)
                                     and not is_admin_or_country(surface, gazetteer, terms))):
            continue
        if host is None and sentence_initial_common(text, start, end):
            continue
        if " " not in surface and not surface.isupper() and written_in_lower_case(surface, text, lowercase):
            continue  # the same word written in lower case elsewhere: a common word here too ("US" is not "us")
        # a name NER alone calls a product or a work ("seized Azaz", Azaz as PRODUCT) is the place
        # when a cue says so; inside a longer such name it is a word of that name
        embedded = host is not None and host[2] in {"ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT"} and not (
            host[2] in {"WORK_OF_ART", "EVENT", "PRODUCT"} and (host[0], host[1]) == (start, end)
            and place_cue(text, start, end))
        mentions.append(Mention(start, end, surface, "dict", host[2] if host else None, embedded=embedded))
        taken.add((start, end))
    return mentions


def _hosted_out(text: str, start: int, end: int, host: Entity, pending: list[tuple[int, int]],
                gazetteer: Gazetteer, terms: dict[str, str]) -> bool:
    """Does the span around a dictionary name keep it out? A word of a person's name is no
    place ("Vladimir Kara-Murza"), even when a region bears that name; NER calls unfamiliar
    town names persons, so a whole span with a place cue is still a place ("residents of
    Phong Taw"), and a whole span without one waits in ``pending``."""
    if host[2] == "PERSON" and not (host[0] == start and (not text[end:host[1]].strip()
                                                         or text[end:host[1]].strip().capitalize() in terms)):
        return True
    if host[2] not in {"PERSON", "NORP", "DATE", "TIME", "MONEY", "CARDINAL"}:
        return False
    rest = text[end:host[1]].strip()
    whole = host[0] == start and (not rest or rest.capitalize() in terms)
    dateline = (start == 0 or text[start - 1] == "\n") and AFTER_PLACE.match(text, end)
    cue = bool(place_cue(text, start, end, person=host[2] == "PERSON") or rest or dateline)
    if not (whole and cue) and not is_admin_or_country(text[start:end], gazetteer, terms):
        if whole:
            pending.append((start, end))
        return True
    return False


def _accept_pending(text: str, mentions: list[Mention], pending: list[tuple[int, int]],
                    taken: SpanIndex[tuple[int, int]]) -> list[Mention]:
    """Names that needed a cue but are listed with accepted places are places too, and so
    is a name that NER calls a person or a group here but that is a place elsewhere in the
    same text at least as often (one sense per document: "Douma" tagged PERSON once among
    three; a surname NER once took for a place stays a surname)."""
    places_named = Counter(m.text.casefold() for m in mentions if not m.embedded)
    doubtful = Counter(text[s:e].casefold() for s, e in pending if not taken.overlaps(s, e))
    accepted = {form for form, n in places_named.items() if n >= doubtful[form]}
    added: list[Mention] = []
    grew = True
    while grew and pending:
        grew = False
        for start, end in list(pending):
            if not taken.overlaps(start, end) and (text[start:end].casefold() in accepted
                                                   or coordinated(text, start, end, taken)):
                added.append(Mention(start, end, text[start:end], "dict"))
                taken.add((start, end))
                pending.remove((start, end))
                grew = True
    return added


def _story_towns(text: str, lone: list[tuple[int, int]], non_places: list[Entity],
                 taken: SpanIndex[tuple[int, int]], lowercase: set[str]) -> list[Mention]:
    """Small towns' names with no cue and no host span ("a Brattleboro mason", "the Dingwall
    skater"), proposed for the story's map to confirm (``source="near"``): resolution keeps
    them only within a few kilometres of another town of the story. A name said more than three
    times without a cue is a person or a body of the story ("Harlow said", "Harlow's reports").
    A body named after such a town ("Paducah Public Schools", "the Tralee Institute") names it
    too: an embedded mention, kept where resolution finds it in the document's countries (GWN counts
    "the Venice Commission" as Venice, "Halton Regional Police" as Peel); a name that is the whole
    body ("Notre Dame" the team) stays on the story's map."""
    hosts = SpanIndex(non_places)

    def opens_body(start: int, end: int) -> bool:  # "Paducah Public Schools", "the Tralee Institute"
        host = hosts.containing(start, end)
        return host is not None and host[2] == "ORG" and host[0] == start

    said = Counter(text[s:e] for s, e in lone if not opens_body(s, e))
    found: list[Mention] = []
    for start, end in lone:
        surface = text[start:end]
        host = hosts.containing(start, end)
        named_after = opens_body(start, end)
        if said[surface] > 3 or taken.overlaps(start, end) \
                or (host is not None and not named_after) or surface in demonyms() \
                or sentence_initial_common(text, start, end) or surface.isupper() \
                or (" " not in surface and written_in_lower_case(surface, text, lowercase)):
            continue
        # A body that names its town in more words than the town's name ("Halton Regional Police",
        # "the Venice Commission") says where it is: the town is read as a name after "in" is,
        # in the document's countries (``source="cue"``), not only beside another town of the story.
        body = host if named_after else None
        source = "cue" if body is not None and body[1] > end else "near"
        found.append(Mention(start, end, surface, source, body[2] if body is not None else None, embedded=named_after))
        taken.add((start, end))
    return found


def _mark_embedded(mentions: list[Mention], non_places: Sequence[Entity]) -> list[Mention]:
    """Flag NER places that sit inside an ORG span (spaCy sometimes nests by overlap)."""
    out = []
    orgs = SpanIndex((s, e, lab) for s, e, lab in non_places if lab == "ORG")
    for m in mentions:
        if not m.embedded and m.source != "ner" and orgs.containing(m.start, m.end):
            m = Mention(m.start, m.end, m.text, m.source, m.label, True, m.fuzzy_name)
        out.append(m)
    return out
