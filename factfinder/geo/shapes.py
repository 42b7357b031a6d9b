"""Name shapes: what capitalisation and a few words say about a name when no NER ran.

The geoparser's own mention finder (``Geoparser(..., ner=False)``) reads places from the
gazetteer's dictionary alone; NER's part there was mostly to say which capitalised names
are persons or organisations, and to propose streets and buildings the gazetteer lacks.
``name_shapes`` gives the same kinds of spans from the shape of the text, as
(start, end, label) triples with spaCy's labels, so that ``mentions.find_mentions``
treats them exactly like NER spans:

- ``LOC``: a named street, building, site or natural feature, its last word a facility
  word ("Ocean Drive", "Chris Hani Hospital", "Peace River") or its first "Lake"/"Mount";
- ``ORG``: a run holding an organisation word ("Kerry County Council"): a place inside
  it is an embedded mention, never an event place;
- ``PERSON``: the name after a title ("President Donald Trump"), and a two- or
  three-word run that is not a place as a whole and holds a word the gazetteer does not
  know ("Florence Pugh"): a dictionary name inside it is a given name or a surname.

The words are ``data/gazetteer/name_shapes.txt``. On the dev sets this finder, without
any spaCy pass, keeps mention F1 and accuracy of the NER-based one (docs/geo.md).
"""

from __future__ import annotations

import re
from typing import Callable

from factfinder.geo.mention_cues import given_names, joined_place_name
from factfinder.geo.mention_cues import shape_words as shape_words  # read here by clause_names.py too
from factfinder.geo.mentions import COMMON_WORDS
from factfinder.geo.names import admin_terms
from factfinder.geo.spans import SpanIndex

Entity = tuple[int, int, str]
# A capitalised word of a name, or an abbreviation with its dot ("St.", "U.S.").
# A word after the Arabic article written with a hyphen ("Jisr al-Shughur", "Deir ez-Zor") is one too.
_CAP_TOKEN = re.compile(r"(?:(?<![\w’'.-])|(?<=\b[ae][lnrsdtz]-)|(?<=\bash-))"
                        r"[A-Z][\w’'&-]*(?:\.(?=[A-Za-z]))?(?:[A-Za-z]\.)*")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_LOWER_SUFFIX = re.compile(r"-[a-z]")
_CONNECTORS = frozenset({"of", "de", "des", "du", "del", "la", "le", "al", "el", "da", "do", "dos", "van", "von",
                         "der", "&", "upon"})
_CONNECTOR_GAP = re.compile(r" (" + "|".join(sorted(_CONNECTORS)) + r") | ([ae][lnrsdtz]|ash)-")
_LEADING = frozenset({"Lake", "Mount", "Mt.", "Cape", "Isle", "Gulf", "Bay", "Hotel", "Courthouse"})
_ARTICLES = frozenset({"The", "A", "An"})
_SAINT = frozenset({"St", "St.", "Saint"})
_POSSESSIVE_BODY = re.compile(r"['’]s ([A-Z][\w'’-]*)")  # "Woman's Club", "St Edmund's Catholic ..."
_LEVEL_AFTER = re.compile(r" ([a-z]+)\b")  # a level word in lower case after a name: "Hainan province"






def _runs(text: str) -> list[list[tuple[int, int, str]]]:
    """Runs of capitalised words (with connectors such as "of" between two of them), as
    (start, end, word) tokens. A run ends at a line break, punctuation, a possessive
    ("China's Christian population" is two names) and a day or month name.

    Only capitalised words are visited (a sixth of a news text's words); whether two of
    them are one run is read from the text between them."""
    words = shape_words()
    runs: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    last_end = -1
    for match in _CAP_TOKEN.finditer(text):
        start, end = match.span()
        word = match.group()
        if word[-1] == "." and word not in words and not _INITIALS.fullmatch(word):
            end -= 1
            word = word[:-1]
        closes = False
        if word.endswith(("'s", "’s")):
            end -= 2
            word = word[:-2]
            closes = True
        if "-" in word and (suffix := _LOWER_SUFFIX.search(word)) is not None:
            end = start + suffix.start()  # "Hong Kong-based": the name ends at the hyphen
            word = word[:suffix.start()]
            closes = True
        if not word or words.get(word) == "time":
            if current:
                runs.append(current)
            current, last_end = [], -1
            continue
        gap = text[last_end:start] if last_end >= 0 else ""
        if current and gap == " ":
            current.append((start, end, word))
        elif current and (connector := _CONNECTOR_GAP.fullmatch(gap)) is not None:
            group = 1 if connector.group(1) else 2
            current.append((last_end + connector.start(group), last_end + connector.end(group),
                            connector.group(group)))
            current.append((start, end, word))
        else:
            if current:
                runs.append(current)
            current = [(start, end, word)]
        last_end = end
        if closes:
            runs.append(current)
            current, last_end = [], -1
    if current:
        runs.append(current)
    return runs


def name_shapes(text: str, known: Callable[[str], bool], strong: Callable[[str], str | None] | None = None
                ) -> list[Entity]:
    """Person, organisation and facility spans of ``text`` read from the shape of its names.

    ``known(name)`` says whether the gazetteer knows a name (``Gazetteer.known``);
    ``strong(name)`` is "country" for a country or demonym, "region" for an admin1 and
    "city" for a big city: names that a run such as "Texas Rangers", "Parks Canada"
    or "Denver Broncos" holds as a team or a body. A city or admin1 before one unknown
    word that is no plural is a given name ("Florence Pugh", "Vladimir Kara-Murza").
    """
    words = shape_words()
    terms = admin_terms()
    strong = strong or (lambda _name: None)
    spans: list[Entity] = []
    family: list[tuple[int, str]] = []  # (index in spans, second word) of two-word runs read as bodies
    runs = _runs(text)
    run_at = {run[0][0]: run for run in runs}
    skip_to = -1
    for run in runs:
        if run[0][0] < skip_to:
            continue  # the building named in a possessive, read with its owner below
        while run and (run[0][2] in _ARTICLES or run[0][2].lower() in COMMON_WORDS):
            run = run[1:]  # "The", sentence-initial "Both", "Under"
        if not run:
            continue
        if (building := _possessive_facility(text, run, run_at, known)) is not None:
            spans.append((run[0][0], building, "LOC"))  # "St George's Chapel", "Nelson's Column"
            skip_to = building
            continue
        kinds = [words.get(w) for _s, _e, w in run]
        titles = [i for i, k in enumerate(kinds) if k == "title"]
        if titles and titles[-1] + 1 < len(run):
            name = run[titles[-1] + 1:]
            while name and name[0][2] in _CONNECTORS:
                name = name[2:]  # "President of Chile Ana Morales": the person is Ana Morales
            if name and not any(words.get(w) in {"facility", "org"} for _s, _e, w in name):
                spans.append((name[0][0], name[-1][1], "PERSON"))
                continue
        start, end = run[0][0], run[-1][1]
        if (level := _LEVEL_AFTER.match(text, end)) is not None and terms.get(level.group(1).capitalize()) == "admin1" \
                and len(run) == 1 and strong(run[0][2]) == "region":
            spans.append((start, level.end(1), "GPE"))  # "Hainan province", as NER tags it
            continue
        if (owner := _POSSESSIVE_BODY.match(text, end)) is not None and words.get(owner.group(1)) in {"org", "facility"}:
            spans.append((start, end, "ORG"))  # "The Allendale Woman's Club": a body named after its town
        elif len(run) > 1 and (kinds[-1] == "facility" or run[0][2] in _LEADING
                               or (joined_place_name(text[start:end]) and not known(text[start:end]))):
            spans.append((start, end, "LOC"))
        elif "org" in kinds or "title" in kinds:
            spans.append((start, end, "ORG"))
        elif 2 <= len(run) <= 3 and all(w[0].isupper() and not w.isupper() for _s, _e, w in run) \
                and not known(text[start:end]):
            held = {strong(part) for part in _parts(text, run, known)} - {None}
            first = strong(run[0][2])
            given_name = first in {"city", "region"} and held == {first} and len(run) == 2 and \
                not known(run[1][2]) and not run[1][2].endswith("s") and not _article_before(text, start, end)
            # "Howard Preston", "Charlotte Evans": a common given name before a word that is no
            # plural opens a person's name, towns as both words notwithstanding.
            forename = run[0][2] in given_names() and not run[-1][2].endswith("s") and \
                (first is None or (first == "city" and held == {"city"}))  # "Andrew Jordan", not "Austin Texas"
            if (held and not given_name and not forename) or any(w.capitalize() in terms for _s, _e, w in run):
                # "Jamaica Observer", "Clay County Sheriff", "Denver Broncos"; but "Florence
                # Pugh" and "Vladimir Kara-Murza" are persons.
                if len(run) == 2 and not any(w.capitalize() in terms for _s, _e, w in run):
                    family.append((len(spans), run[1][2]))
                spans.append((start, end, "ORG"))
            elif forename or not all(known(w) for _s, _e, w in run):
                spans.append((start, end, "PERSON"))
        elif not any(kinds) and (tail := _known_tail(text, run, known)) is not None:
            if (person := _person_before_of(text, run, known, strong)) is not None:
                spans.append((*person, "PERSON"))  # "Charlotte Evans of South Dakota"
            spans.append((*tail, "NAME"))  # a name standing alone that the gazetteer knows
    # A pair read as a body for the place in it is a person where its second word is the
    # family name of a person of the text ("Tyler Grant" beside "Samuel Grant").
    surnames = {text[s:e].rsplit(" ", 1)[-1] for s, e, label in spans if label == "PERSON" and " " in text[s:e]}
    for index, surname in family:
        if surname in surnames:
            spans[index] = (spans[index][0], spans[index][1], "PERSON")
    again = _named_again(text, spans, strong)
    named = SpanIndex((s, e) for s, e, _label in again)
    streets = [(m.start(), m.end(), "LOC") for m in _NUMBERED_STREET.finditer(text)]
    return [span for span in spans if span[2] != "NAME" or not named.overlaps(span[0], span[1])] + again + streets


# A numbered street ("14th St.", "42nd Street"): no capitalised run holds it (digits open it), yet
# geoparsing corpora count streets as places; the town the text or the story puts it in holds it.
_NUMBERED_STREET = re.compile(r"(?<![\w-])\d{1,3}(?:st|nd|rd|th) (?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.)")


def _article_before(text: str, start: int, end: int) -> bool:
    """Whether the text puts "the" before this name anywhere: a person's name takes no article,
    a firm's or a body's named after its town does ("the Leeds Analytics scandal"). One sense
    per document: every occurrence of the name reads as the body then. GeoWebNews counts the
    town in such a name as an embedded toponym (a third of its embedded places the pair
    rule had read as given names)."""
    return re.search(r"\b[Tt]he\s+" + re.escape(text[start:end]) + r"\b", text) is not None


def _possessive_facility(text: str, run: list[tuple[int, int, str]], run_at: dict[int, list[tuple[int, int, str]]],
                         known: Callable[[str], bool]) -> int | None:
    """The end of a building or site named with its owner's possessive ("St George's Chapel",
    "Nelson's Column", "St. Anne's Cathedral"), the whole of which is the place's name;
    else None. A place's possessive is the place that holds the building ("Oslo's Gardermoen
    Airport"), unless it is a saint's, and a body of that shape ("Woman's Club")
    is read below."""
    if known(text[run[0][0]:run[-1][1]]) and run[0][2] not in _SAINT:
        return None  # a saint's name is a town's too ("St George"): the saint owns the chapel
    owner = _POSSESSIVE_BODY.match(text, run[-1][1])
    named = run_at.get(owner.start(1)) if owner is not None else None
    if named is None or shape_words().get(named[-1][2]) != "facility":
        return None
    return named[-1][1]


# A capitalised word, inner capitals allowed ("McAllister", "DeLuca"), not an acronym ("NATO").
_WORD = re.compile(r"\b[A-Z][a-z’'-]+(?:[A-Z][a-z’'-]+)*\b")
_SPEECH_AFTER = re.compile(r"\s+(?:said|says|told|added|wrote|asked)\b")


def _named_again(text: str, spans: list[Entity], strong: Callable[[str], str | None]) -> list[Entity]:
    """A person's surname or given name standing alone ("Rivera said"), one sense per
    document as NER reads it: a word of a person's name elsewhere in the text is that
    person (a town's name too: "Tyler" of "Tyler Grant"; not a country's or a region's),
    and so is a name that speaks, unless it names a country or a big city ("Russia said" is
    its government)."""
    names = {word for s, e, label in spans if label == "PERSON" for word in text[s:e].split()
             if len(word) > 2 and strong(word) in {None, "city"}}  # "Tyler" of "Tyler Grant", not "Georgia"
    taken = SpanIndex((s, e) for s, e, label in spans if label != "NAME")
    standing = SpanIndex((s, e, label) for s, e, label in spans if label == "NAME")
    again: list[Entity] = []
    for match in _WORD.finditer(text):
        start, end = match.span()
        if taken.overlaps(start, end):
            continue
        # A known name standing alone that is a word of a person's name is the person
        # ("Tyler" of "Tyler Grant"); a speaking word inside one ("Pyit Ma said") is not.
        alone = standing.containing(start, end)
        if match.group() in names and (alone is None or (alone[0], alone[1]) == (start, end)) or \
                (alone is None and _SPEECH_AFTER.match(text, end) and not strong(match.group())):
            again.append((start, end, "PERSON"))
    return again


def _person_before_of(text: str, run: list[tuple[int, int, str]], known: Callable[[str], bool],
                      strong: Callable[[str], str | None]) -> tuple[int, int] | None:
    """The person a run opens with before its first connector: two or three words, the first a
    common given name that is no country ("Charlotte Evans" of "Charlotte Evans of South
    Dakota", though Charlotte is a city and a parish too), the whole no known place."""
    cut = next((i for i, (_s, _e, w) in enumerate(run) if w in _CONNECTORS), 0)
    head = run[:cut]
    if not 2 <= len(head) <= 3 or head[0][2] not in given_names() or strong(head[0][2]) == "country":
        return None
    start, end = head[0][0], head[-1][1]
    return None if known(text[start:end]) else (start, end)


def _parts(text: str, run: list[tuple[int, int, str]], known: Callable[[str], bool]) -> list[str]:
    """The names a run holds: its words, the parts of a hyphenated word whose parts are all
    places ("Ghana-Polish", not "Kara-Murza"), and its two-word spans ("Costa Rica"
    of "Jamaica Observer")."""
    parts = [w for _s, _e, w in run]
    for _s, _e, word in run:
        pieces = [piece for piece in word.split("-") if piece] if "-" in word else []
        if pieces and all(known(piece) for piece in pieces):
            parts += pieces
    parts += [text[a[0]:b[1]] for a, b in zip(run, run[1:])]
    return parts


def _known_tail(text: str, run: list[tuple[int, int, str]], known: Callable[[str], bool]) -> tuple[int, int] | None:
    """The span of a run that the gazetteer knows: the whole run of up to three words, else
    the words after its last connector ("Residents of Kin Taung" -> "Kin Taung")."""
    cut = max((i for i, (_s, _e, w) in enumerate(run) if w in _CONNECTORS), default=-1)
    for part in (run, run[cut + 1:]) if cut >= 0 else (run,):
        if 0 < len(part) <= 3:
            start, end = part[0][0], part[-1][1]
            if not text[start:end].isupper() and known(text[start:end]):
                return start, end
    return None
