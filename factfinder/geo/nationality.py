"""The country of the people an act befell, when nothing else places the act.

A short report on an attack on a journalist often names no place at all, only who was hit:
"Gunmen abducted a Malian journalist on Tuesday, his newspaper said." ``locate`` finds no
place in the sentence, the story has no setting, and the document-country vote
(``geo/incident_country.py``) needs two votes where a lone demonym gives one, so the act was
left without a country. A reporter, an activist or a lawyer is almost always attacked in the
country whose demonym the report gives them, when the report names no other: that demonym is a
weak prior, taken only for an incident that is still without a country after every other rule,
and only when

- the demonym qualifies a person the act befell: one of the incident's targets ("a Malian
  journalist") or a noun of people (``_PEOPLE``: "a Malian man", "two Malian nationals"), at most
  two words before it ("a Nepali radio reporter"); not a perpetrator ("Malian soldiers") nor a
  thing ("a Malian newspaper");
- the incident's own sentences name no other country, outright, by a place in it or by a
  demonym ("a Nepali reporter held by Indian police" is no answer);
- the incident's sentences are not the whole text (``story_setting.alone``: a sentence on its own, as the
  event-location coders read one, keeps what ``locate`` made of it);
- no other country is named in the whole document as often as the demonym's own: a report that
  goes on about a second country (where the reporter lived in exile, say) is no answer either.
  The reporting organisation's seat does not count: a dateline ("PARIS --"), a body's seat ("the
  Paris-based group") and a photo's caption name no rival country.

A place named in the sentence keeps winning: "a Nepali reporter was kidnapped in Bhutan" is in
Bhutan (``locate`` placed it before this step runs); but not a place named on a noun of shelter
or of dealings between states (``incident_country.on_other_noun``): "a Guatemalan defender who had
sought asylum in Mexico was shot dead" tells where she meant to live, and in a report that goes on
about that country it had stayed her killing's place. Such a place yields to the nationality, and
is no rival country in the sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from factfinder.extract.attachment import in_evidence
from factfinder.geo.incident_country import DOCUMENT_COUNTRY_CONFIDENCE, demonym_mentions, on_other_noun
from factfinder.geo.parser import EMBEDDED_CONFIDENCE, place_from
from factfinder.geo.story_setting import alone, in_caption, in_dateline
from factfinder.geo.untied import event_places
from factfinder.model import Document, Incident, Place, Span

# Nouns of people a demonym may qualify as the ones an act befell ("a Malian man", "two Malian
# nationals", "a Guatemalan land-rights defender"), besides the incident's own targets (the victim
# groups of data/actors.csv, which miss a defender named by the rights she defends).
_PEOPLE = re.compile(r"(?:man|men|woman|women|boy|girls?|boys|nationals?|citizens?|residents?|couple|famil(?:y|ies)|"
                     r"people|persons?|defenders?|activists?|journalists?|reporters?|lawyers?|bloggers?)$",
                     re.IGNORECASE)
# Between a demonym and its person noun: at most two words ("a Nepali radio reporter").
_BETWEEN = re.compile(r"^(?:-?\s*[\w’'-]+){0,2}?\s+$")


def _befell(span: Span, incident: Incident, text: str) -> bool:
    """Whether the demonym at ``span`` qualifies one of the incident's targets or a noun of people."""
    for target in incident.targets:
        gap = text[span.end:target.span.start]
        if 0 < len(gap) <= 30 and _BETWEEN.match(gap):
            return True
    after = re.match(r"((?:\s+[\w’'-]+){1,3})", text[span.end:span.end + 40])
    words = after.group(1).split() if after else []
    return any(_PEOPLE.match(word) for word in words[:3])


def _named_places(places: Sequence[Place], text: str) -> list[Place]:
    """The resolved places that may say where an act happened: not a dateline ("PARIS --"), a
    caption's, a body's seat ("the Paris-based group") or a party's home (``untied.event_places``):
    the reporting organisation's seat is no rival country."""
    return [p for p in event_places(places, text) if p.country and p.confidence > EMBEDDED_CONFIDENCE
            and not in_dateline(p, text) and not in_caption(p, text)]


def _counts(document: Document, places: Sequence[Place]) -> Counter[str]:
    """How often the document names each country: its places (``_named_places``) and its demonyms."""
    counts: Counter[str] = Counter(p.country for p in places if p.country)
    counts.update(code for code, _ in demonym_mentions(document.text, 0, len(document.text)))
    return counts


def _nationality(incident: Incident, places: Sequence[Place], text: str,
                 counts: Counter[str]) -> tuple[str, Span] | None:
    """The one country the incident's own sentences give as the nationality of the people it
    befell, with the demonym's span; None when they name none, several, or another country
    (the incident's own place aside: it is a place of shelter when this is asked, whose country
    is no rival either)."""
    held = incident.location
    named = {p.country for p in places if p.country and in_evidence(p.span, incident)
             and (held is None or p.span != held.span)}
    demonyms = [(code, span) for evidence in incident.evidence
                for code, span in demonym_mentions(text, evidence.start, evidence.end)]
    codes = named | {code for code, _ in demonyms}
    if len(codes) != 1:
        return None
    code, = codes
    span = next((span for c, span in demonyms if _befell(span, incident, text)), None)
    shelter = held.country if held is not None else None  # a report on asylum names the host country often
    if span is None or any(n >= counts[code] for c, n in counts.items() if c not in (code, shelter)):
        return None
    return code, span


def with_nationality(incidents: Sequence[Incident], places: Sequence[Place], document: Document,
                     gazetteer: Any) -> tuple[Incident, ...]:
    """Each incident still without a place, or placed only where someone sought shelter, given
    the nationality of the people it befell (``_nationality``), at country precision, the demonym
    as its words."""
    text = document.text
    open_ = [not alone(i, text) and (i.location is None or on_other_noun(i.location, i, text)) for i in incidents]
    if gazetteer is None or not any(open_):
        return tuple(incidents)
    places = _named_places(places, text)
    counts = _counts(document, places)
    out = []
    for incident, unplaced in zip(incidents, open_):
        if unplaced:
            found = _nationality(incident, places, text, counts)
            candidate = gazetteer.country(found[0]) if found is not None else None
            if found is not None and candidate is not None:
                country = place_from(candidate, found[1], DOCUMENT_COUNTRY_CONFIDENCE)
                incident = replace(incident, location=replace(country, precision="country"))
        out.append(incident)
    return tuple(out)
