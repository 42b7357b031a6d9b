"""The country an incident happened in when its own sentences name no place in it.

A report about one country names it rarely once it has said it: "Ugandan
authorities have arrested three teachers", a paragraph under the heading
`NIGERIA`, a story set in Tehran whose later sentences say only "in the
country". ``locate`` gives an incident the place its own clause names, else the
place its story is set in; this step gives the rest the document's country, at
country precision, so that every incident of a one-country report carries it:

1. the country heading an annual report's paragraph (``extract/country_heading.py``) wins;
2. otherwise the resolved place mentions of the incident's story (else of the
   document) vote for their countries, as the resolver's document-country pass
   left them (``geo/resolve.py``): a country named outright counts twice, a place
   in the report's opening (headline and lead) twice more, but not in a photo's caption there
   (where a picture was taken, often abroad); the demonyms of
   ``data/actor_demonyms.csv`` ("Egyptian authorities", "Belarusians") vote once
   each. The leading country is the document's when it is clearly ahead
   of the next (``_LEAD``); a report split between countries gets none, never a guess. A local
   report that names no country at all, only its towns ("CORPUS CHRISTI, Texas -"), gets the one
   they stand for, which fills incidents without a place of their country and overrides only a
   town abroad the document never supports (``towns_only``); a story's towns yield to the
   country the whole document names. A story
   that is one sentence (a wire report's lead set apart) counts the rest of the document's
   mentions of the same country as said outside it.

An incident takes that country when it has no place, when its place has no
country (a continent, "the European Union"), or when its place was borrowed from
another sentence of its story and lies in another country (a town named in a
caption or a speaker's city). A place its own sentence names is kept, but for a
release's filing place ("(Nairobi) – Ugandan authorities have arrested ..."), a country named
in passing, whose preposition the parse hangs on another noun than the event's, when
"neighbouring" says so or the document names it nowhere else ("suspected of ties with rebels
in neighbouring Congo", "reports of abuses in Mali"), a place hung on a noun of
shelter or of dealings between states ("hope of asylum in Canada", "after a quarrel with Rome":
where someone meant to go or whom a state dealt with; in a report split between countries it
yields to the country the report leads with), and a small town or region of a
country the document never names outright or by a demonym (the resolver's reading abroad of a
name of the story's own country, or a person's name read as a town). Before
that, a place borrowed from another sentence yields to the one country the
incident's own sentence names, when it names no finer place ("during Argentina's
war ... people arrested by the military"); one that lies in that country stays, whatever country
the document leads with ("bombs on the people of Yemen", set in the story's Yemeni town, in a
report that names Saudi Arabia more often).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from factfinder.extract.attachment import CAUSE, attachment_of, in_evidence, in_other_part
from factfinder.extract.country_heading import DEMONYMS_PATH, heading_country
from factfinder.geo.parser import EMBEDDED_CONFIDENCE, place_from
from factfinder.geo.place_words import modifies_noun
from factfinder.model import Attachment, Document, Incident, Place, Span
from factfinder.text.captions import in_caption

# A country named outright says more than a town in it.
_COUNTRY_WEIGHT = 2
# The headline and lead tell what the report is about.
_OPENING_CHARS = 600
_OPENING_WEIGHT = 2
# The leading country needs this many votes, and this many times the runner-up's.
_MIN_VOTES = 2
_LEAD = 1.5
# Confidence of a country given from the document rather than from the incident's own words.
DOCUMENT_COUNTRY_CONFIDENCE = 0.5


@dataclass(frozen=True, slots=True)
class DocumentCountry:
    """The country a document (or one of its stories) is about, and the words that name it."""

    country: str  # ISO 3166-1 alpha-2
    span: Span
    said_at: tuple[Span, ...] = ()  # every mention that voted for it
    towns_only: bool = False  # no words name the country itself: only its towns and regions voted


@lru_cache(maxsize=1)
def _demonym_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern over every demonym of ``data/actor_demonyms.csv`` (plural too), and demonym -> code."""
    import csv

    lines = [line for line in DEMONYMS_PATH.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    codes: dict[str, str] = {}
    for row in csv.DictReader(lines):
        codes.setdefault(row["demonym"].strip(), row["country"].strip())
    words = sorted(codes, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")s?\b"), codes


def demonym_mentions(text: str, start: int, end: int) -> list[tuple[str, Span]]:
    pattern, codes = _demonym_pattern()
    return [(codes[m.group(1)], Span.of(text, m.start(), m.end())) for m in pattern.finditer(text, start, end)]


def document_country(document: Document, places: Sequence[Place], start: int = 0,
                     end: int | None = None, *, lead: float = _LEAD) -> DocumentCountry | None:
    """The country ``document.text[start:end]`` is about, with the span that names it best; or None.
    ``lead``: how many times the runner-up's votes the leading country needs (above 1: strictly more)."""
    text = document.text
    end = len(text) if end is None else end
    heading = heading_country(text[start:end])
    if heading is not None:
        line = text[start:end].lstrip()
        first = start + (len(text[start:end]) - len(line))
        span = Span.of(text, first, first + len(line.split("\n", 1)[0].rstrip()))
        return DocumentCountry(heading, span, (span,))
    votes: Counter[str] = Counter()
    said_at: dict[str, list[Span]] = {}
    named: dict[str, Span] = {}  # the first mention of each country by its name
    for place in places:
        if not (place.resolved and place.country and place.confidence > EMBEDDED_CONFIDENCE
                and start <= place.span.start < end):
            continue
        weight = _COUNTRY_WEIGHT if place.precision == "country" else 1
        if place.span.start - start < _OPENING_CHARS and not in_caption(text, place.span.start, place.span.end):
            weight *= _OPENING_WEIGHT  # a photo's caption in the opening tells where a picture was taken
        votes[place.country] += weight
        said_at.setdefault(place.country, []).append(place.span)
        if place.precision == "country":
            named.setdefault(place.country, place.span)
    demonym_spans: dict[str, Span] = {}
    for code, span in demonym_mentions(text, start, end):
        # once each, in the opening too: "Four Bangladeshis were charged in Malaysia" names the
        # accused, not the setting (tried with the opening's weight: one loss on hrds_train, no gain)
        votes[code] += 1
        said_at.setdefault(code, []).append(span)
        demonym_spans.setdefault(code, span)
    if not votes:
        return None
    (top, n), *rest = votes.most_common(2) + [("", 0)]
    if n < _MIN_VOTES or n < lead * rest[0][1] or n == rest[0][1]:
        return None
    naming = named.get(top) or demonym_spans.get(top)
    if naming is None and not named and not demonym_spans:
        # a local report that names only towns and regions of its country ("CORPUS CHRISTI, Texas -",
        # "TORONTO -- ... in Scarborough"): the first names it; where another country is named, by
        # its name or a demonym, towns alone do not outvote it (a prize's name read as a town abroad)
        return DocumentCountry(top, min(said_at[top], key=lambda span: span.start), tuple(said_at[top]), True)
    if naming is None:
        return None
    return DocumentCountry(top, naming, tuple(said_at[top]))


# "neighbouring Congo" presupposes that the story is set in another country.
_NEIGHBOURING = re.compile(r"\bneighbou?ring\s+(?:the\s+)?$", re.IGNORECASE)
# What the preposition may hang on and still tell where the event happened: the predicate, the
# verb its noun hangs on ("fled across the border into neighbouring Chad"), an adverbial clause.
_EVENT_HEADS = frozenset({"predicate", "shared", "advcl"})


def _in_passing(place: Place, incident: Incident, text: str, mentions: "_Mentions") -> bool:
    """Whether the incident's own sentence names another country in passing, hung on another noun
    than the event: "suspected of ties with rebels in neighbouring Congo" describes the rebels,
    "strained by a reporter's arrest and reports of abuses in Mali" the
    reports. The word "neighbouring" says the story is set elsewhere; so does a country the
    whole document names only there. Tried more widely (any country whose preposition the parse
    hangs on a noun), the rule also moved a past war's toll in the country it was fought in and "hostages in Syria"
    out of the country they name, in stories about those countries."""
    words = incident.attachments
    if (place.precision != "country" or not words or not in_evidence(place.span, incident)
            or not (_NEIGHBOURING.search(text, max(0, place.span.start - 20), place.span.start)
                    or mentions.counts[place.country or ""] == 1)):
        return False
    head = _preposition_head(place, words)
    return head is not None and head.relation not in _EVENT_HEADS


# Nouns whose place is where someone sought shelter or which other state they dealt with, never
# where an act of the sentence happened: "her last hope of asylum in Norway", "freed after a long
# quarrel with Ottawa" ("talks", "relations", "ties" alike). (An embassy or a
# consulate is left out: acts do happen inside them.)
_ELSEWHERE_NOUNS = frozenset({"asylum", "refuge", "exile", "contest", "quarrel", "dispute", "row", "relations",
                              "ties", "talks", "tensions", "negotiations", "spat", "standoff"})


def _preposition_head(place: Place, words: Sequence[Attachment]) -> Attachment | None:
    """The word the place's preposition hangs on ("asylum" in "asylum in Norway"), or None."""
    tie = attachment_of(place.span, tuple(words))
    if tie is None:
        return None
    at = max((i for i, a in enumerate(words) if a.span.end <= place.span.start
              and a.span.text.lower() == tie.relation), default=None)
    if at is None:
        return None
    return next((a for a in reversed(words[:at]) if a.depth == words[at].depth - 1), None)


def _on_other_noun(place: Place, incident: Incident, text: str) -> bool:
    """Whether the incident's own sentence names the place only on a noun of shelter or of
    dealings between states (``_ELSEWHERE_NOUNS``): the place yields to the story's country."""
    if not incident.attachments or not in_evidence(place.span, incident):
        return False
    if _SHELTER_BEFORE.search(text, max(0, place.span.start - 30), place.span.start):
        return True  # the parse may hang "in X" on the verb: "his only chance for asylum in X"
    head = _preposition_head(place, incident.attachments)
    return head is not None and head.span.text.lower() in _ELSEWHERE_NOUNS


_SHELTER_BEFORE = re.compile(r"\b(?:asylum|refuge|exile)\s+in\s+(?:the\s+)?$", re.IGNORECASE)


def _needs_country(incident: Incident, found: DocumentCountry, text: str, said_at: Sequence[Span],
                   mentions: "_Mentions", gazetteer: Any) -> bool:
    """Whether the incident takes the country: it has no place of its own there, and the
    country is said outside its own sentences (``said_at``: a text that is one sentence keeps
    what ``locate`` made of that sentence: a country it did not take names an actor there)."""
    if not any(not in_evidence(span, incident) for span in said_at):
        return False
    place = incident.location
    if place is None or not place.country:
        return True
    if found.towns_only:  # weaker than a country named: it only overrides a town the document never supports
        return place.country != found.country and _unsupported(place, mentions.named, gazetteer)
    return place.country != found.country and (not in_evidence(place.span, incident) or _filed_from(place.span, text)
                                               or _in_passing(place, incident, text, mentions)
                                               or _on_other_noun(place, incident, text)
                                               or _unsupported(place, mentions.named, gazetteer))


# A place this big is known without its country ("the embassy in London", "a court in The Hague");
# the places a resolver reads abroad for a name of the story's own country are small ones.
_WELL_KNOWN = 200_000


def _unsupported(place: Place, named: frozenset[str], gazetteer: Any) -> bool:
    """Whether the place is a town or region of a country the document never names, neither
    outright nor by a demonym, while the story is about another: a report names the country of
    a foreign place it tells ("in Tanga, Tanzania", "the Pakistani town of Okara"), so a lone
    reading abroad is the resolver's guess for a name of the story's own country ("the
    Centre region of the country" read in Burkina Faso in a story about Cameroon) or a
    person's name read as a town. A city known without its country ("a court in The Hague") is kept,
    when the words are (part of) its own name ("Hague"): a big city that only lists them among
    its alternate names ("Milton", a first name, read as Kansas City) is not known by them.
    Measured on the gold and the HRDsAttack articles (docs/dates.md, sessions 7 and 8)."""
    if place.precision == "country" or place.country in named:
        return False
    readings = gazetteer.lookup(place.name) if gazetteer is not None and place.name else ()
    said = place.span.text.casefold()
    return not any(c.country == place.country and c.population >= _WELL_KNOWN
                   and (said in c.name.casefold() or c.name.casefold() in said) for c in readings)


@dataclass(frozen=True, slots=True)
class _Mentions:
    """What the whole document says of each country: the countries it names outright (a resolved
    country mention) or by a demonym, and how many mentions of any kind fall in each."""

    named: frozenset[str]
    counts: Counter[str]


def _mentions(document: Document, places: Sequence[Place]) -> _Mentions:
    resolved = [p.country for p in places if p.resolved and p.country and p.confidence > EMBEDDED_CONFIDENCE]
    countries = {p.country for p in places if p.resolved and p.country and p.confidence > EMBEDDED_CONFIDENCE
                 and p.precision == "country"}
    demonyms = [code for code, _ in demonym_mentions(document.text, 0, len(document.text))]
    return _Mentions(frozenset(countries | set(demonyms)), Counter(resolved + demonyms))


# Where a release was filed, as rights groups print it at the head of their lead: "(Beirut) – ".
_FILED_FROM = re.compile(r"[^\S\n]*\([^()\n]{2,40}\)[^\S\n]*[–—-]")


def _filed_from(span: Span, text: str) -> bool:
    """Whether the place is a release's filing place "(Beirut) –" opening its line: the
    office that wrote it, not where the event it reports happened."""
    line_start = text.rfind("\n", 0, span.start) + 1
    head = _FILED_FROM.match(text, line_start)
    return head is not None and span.end <= head.end()


def _sentence_country(incident: Incident, places: Sequence[Place], text: str) -> Place | None:
    """The country the incident's own sentences name ("during Argentina's war ... were arrested"),
    when they name one and only one country and no finer place; a country that only makes
    a compound ("a Poland-based channel", "Russia-backed forces") or qualifies a noun ("U.S. service
    members") describes someone, not the setting; nor does a country in another act's clause
    ("... and has been blacklisted by the United States", ``attachment.in_other_part``) or in the
    act it is about ("sentenced ... in the first trial over state torture in Syria")."""
    own = [p for p in places if p.resolved and p.country and p.confidence > EMBEDDED_CONFIDENCE
           and in_evidence(p.span, incident) and not text.startswith("-", p.span.end)
           and not modifies_noun(text, p.span.end) and not in_other_part(p.span, incident.attachments)
           and not _cause_of(p, incident)]
    countries = {p.country for p in own}
    if len(countries) != 1 or any(p.precision != "country" for p in own):
        return None
    return own[0]


def _named_in_sentence(incident: Incident, places: Sequence[Place], text: str, gazetteer: Any) -> Place | None:
    """The one country the incident's own sentences name, outright or by a demonym ("the alleged
    role of Peruvian officials in a reporter's disappearance"), as a country-precision place;
    None when they name none or several."""
    named: dict[str, Span] = {}
    for place in places:
        if place.resolved and place.country and place.precision == "country" and in_evidence(place.span, incident):
            named.setdefault(place.country, place.span)
    for evidence in incident.evidence:
        for code, span in demonym_mentions(text, evidence.start, evidence.end):
            named.setdefault(code, span)
    if len(named) != 1 or gazetteer is None:
        return None
    (code, span), = named.items()
    return _country_place(gazetteer, code, span)


# A report split between countries still leads with one: it is no answer for an incident that
# names no place, but it beats a lone reading abroad that the report never supports.
_LEANING = 1.0


def _leading_country(document: Document, places: Sequence[Place], gazetteer: Any) -> Place | None:
    """The country the document names most, by its name or a demonym, when it is ahead at all."""
    found = document_country(document, places, lead=_LEANING)
    if found is None or found.towns_only:
        return None
    return _country_place(gazetteer, found.country, found.span)


def _country_place(gazetteer: Any, code: str, span: Span) -> Place | None:
    """The country ``code`` as the place of an incident, named at ``span`` (its name or a
    demonym), with the confidence of a country read from the document; None without a gazetteer."""
    candidate = gazetteer.country(code) if gazetteer is not None else None
    return replace(place_from(candidate, span, DOCUMENT_COUNTRY_CONFIDENCE), precision="country") \
        if candidate is not None else None


def _cause_of(place: Place, incident: Incident) -> bool:
    """Whether the place is tied to the incident only as the other act it is about (``CAUSE``)."""
    tie = attachment_of(place.span, incident.attachments)
    return tie is not None and tie.relation == CAUSE


def with_document_country(incidents: Sequence[Incident], places: Sequence[Place], document: Document,
                          gazetteer: Any) -> tuple[Incident, ...]:
    """Each incident whose own words name no place of its country, given its story's (else document's) country."""
    if not incidents:
        return tuple(incidents)
    whole = document_country(document, places)
    mentions = _mentions(document, places)
    by_story: dict[int | None, DocumentCountry | None] = {}
    out = []
    for incident in incidents:
        if incident.story not in by_story:
            story = next((s for s in document.stories if s.index == incident.story), None)
            own = document_country(document, places, story.start, story.end) \
                if story is not None and len(document.stories) > 1 else None
            # a story's towns alone yield to the country the whole document names
            by_story[incident.story] = whole if own is None or (own.towns_only and whole is not None) else own
        place = incident.location
        agrees = False  # a place borrowed in the one country the incident's own sentence names
        if place is not None and place.country and not in_evidence(place.span, incident):
            # a place borrowed from another sentence yields to the country the incident's own names
            named = _sentence_country(incident, places, document.text)
            if named is not None and named.country != place.country:
                incident = replace(incident, location=replace(named, precision="country"))
            agrees = named is not None and named.country == place.country
        found = by_story[incident.story]
        # a story that is one sentence (a wire report's lead set apart) is supported by the
        # rest of the document when the document is about the same country
        said_at = found.said_at + whole.said_at if found is not None and whole is not None \
            and whole.country == found.country and found is not whole else (found.said_at if found else ())
        if found is not None and not agrees and _needs_country(incident, found, document.text, said_at, mentions,
                                                               gazetteer):
            country = _country_place(gazetteer, found.country, found.span)
            if country is not None:
                incident = replace(incident, location=country)
        elif found is None and len(mentions.named) >= 2 and (place := incident.location) is not None \
                and place.country and _unsupported(place, mentions.named, gazetteer):
            # a report split between countries (it names two or more): a town of a country it never
            # names (a person's name read abroad, "reporter Daphne ..." in Alabama) yields to the
            # country its sentence names. Not a report that names one country or none: a wire
            # sentence rarely names a town's own country ("French troops retook Kidal"), and its
            # demonym is no answer for where the town is
            named = _named_in_sentence(incident, places, document.text, gazetteer) \
                or _leading_country(document, places, gazetteer)
            if named is not None:
                incident = replace(incident, location=named)
        elif found is None and (place := incident.location) is not None and place.country \
                and _on_other_noun(place, incident, document.text):
            # a report split between countries still leads with one: it beats a place the
            # incident's sentence names on another noun ("asylum in Norway")
            leading = _leading_country(document, places, gazetteer)
            if leading is not None and leading.country != place.country:
                incident = replace(incident, location=leading)
        out.append(incident)
    return tuple(out)
