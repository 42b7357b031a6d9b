"""Where an incident's date, place and actors came from: the evidence their confidence is read from.

A value is as good as the way it was found. The dates stage takes the phrase
of the event's own clause, else a lead paragraph's, else the dateline's; the
locate component takes a place of the event's clause, else the story's
setting; extraction takes actors from the parse's roles or from the actor
lexicon alone, in the sentence or elsewhere in the story. None of them says
which way it went, but each leaves enough on the incident to tell: the span of
the value, the incident's evidence sentences, its trigger and the words its
clause holds (``Incident.attachments``). These functions read that, and only
that: the stages can change their rules and this module still reads their
output (only the calibration is refitted).

Every function returns feature values by name (0/1 flags, and a few numbers
scaled into [0, 1]); ``features.FIELD_FEATURES`` lists which a field reads.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from factfinder.dates.choose import is_dateline_date
from factfinder.dates.patterns import find_date_spans, parse
from factfinder.extract.attachment import attachment_of
from factfinder.model import NON_STATE_KINDS, Actor, Document, Incident, Place, Span

# Actor kinds (model.ACTOR_KINDS) by what a reader would call them; "unknown" is
# "gunmen", "unidentified men": a perpetrator that is named as not known.
_STATE_KINDS = frozenset({"state_force", "government", "tribunal"})
_MONITOR_KINDS = frozenset({"ngo", "media", "research", "un", "intergovernmental"})
# Parse ties that make an actor the event's doer or undergoer (extract/attachment.py relations).
# Ties that say where an event happened ("in X", "at X", "near X").
_LOCATIVE_TIES = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout", "within"})
_ROLE_TIES = frozenset({"nsubj", "nsubjpass", "agent", "dobj", "by", "pobj", "poss", "compound"})


def _inside(span: Span, spans: Sequence[Span]) -> bool:
    return any(s.start <= span.start < s.end for s in spans)


def _scaled(value: float, full: float) -> float:
    """``value`` on [0, 1]: log-scaled so that the first few units count most, 1 from ``full`` on."""
    return min(math.log1p(max(value, 0.0)) / math.log1p(full), 1.0)


def _trigger_at(incident: Incident) -> int:
    return incident.trigger.start if incident.trigger else incident.evidence[0].start


def date_source(incident: Incident, document: Document) -> dict[str, float]:
    """How the incident's date was found and how precise it is.

    A date carried down from a lead or a dateline, or one of several dates of the
    sentence, reads as sure as a day named in the event's own clause unless the
    model sees which it is. How far the date lies from the publication day is left
    out on purpose: that depends on the kind of source (a press release tells
    yesterday's raid, an NGO report last year's arrests) and taught the model one
    corpus's habits (measured: ISAF's dates ranked worse with it).
    """
    flags = {"date_day": 0.0, "date_week": 0.0, "date_month": 0.0, "date_year": 0.0, "date_own": 0.0,
             "date_tied": 0.0, "date_dateline": 0.0, "date_earlier": 0.0, "date_relative": 0.0,
             "date_unspanned": 0.0, "date_distance": 1.0, "date_several": 0.0, "published": 0.0}
    flags["published"] = float(document.published is not None)
    found = incident.date
    if found is None:
        return flags
    if found.precision in ("day", "week", "month", "year"):
        flags[f"date_{found.precision}"] = 1.0
    text = document.text
    candidates = [s for e in incident.evidence for s in find_date_spans(text, e.start, e.end)
                  if not is_dateline_date(text, s)]
    flags["date_several"] = float(len({(s.start, s.end) for s in candidates}) > 1)
    span = found.span
    if span is None:  # a date no phrase of the text supports: the publication day taken for it
        flags["date_unspanned"] = 1.0
    else:
        own = _inside(span, incident.evidence)
        flags["date_own"] = float(own)
        flags["date_dateline"] = float(is_dateline_date(text, span))
        flags["date_earlier"] = float(not own and not flags["date_dateline"])
        flags["date_tied"] = float(attachment_of(span, incident.attachments) is not None)
        expression = parse(span.text)
        flags["date_relative"] = float(bool(expression and (expression.relative or expression.amount
                                                            or expression.weekday is not None)))
        if own:
            flags["date_distance"] = _scaled(abs(span.start - _trigger_at(incident)) / 20, 10)
    return flags


def place_source(incident: Incident, document: Document, places: Sequence[Place]) -> dict[str, float]:
    """How the incident's place was chosen, how precise, and how many others it was chosen among.

    ``places`` are the document's place mentions (the geo stage's); a place the
    event's clause names is worth more than the story's setting, and a sentence
    naming several places leaves more room for picking the wrong one.
    """
    flags = {"place_resolved": 0.0, "place_fine": 0.0, "place_admin": 0.0, "place_country": 0.0,
             "place_score": 0.0, "place_own": 0.0, "place_tied": 0.0, "place_close": 0.0, "place_locative": 0.0,
             "place_setting": 0.0,
             "place_several": 0.0, "place_repeated": 0.0, "place_in_title": 0.0}
    place = incident.location
    if place is None:
        return flags
    flags["place_resolved"] = float(place.resolved)
    flags["place_fine"] = float(place.precision in ("point", "town"))
    flags["place_admin"] = float(place.precision in ("admin2", "admin1"))
    flags["place_country"] = float(place.precision == "country")
    flags["place_score"] = float(place.confidence)
    own = _inside(place.span, incident.evidence)
    flags["place_own"] = float(own)
    flags["place_setting"] = float(not own)
    tie = attachment_of(place.span, incident.attachments)
    flags["place_tied"] = float(tie is not None)
    flags["place_close"] = float(tie is not None and tie.depth <= 1)
    flags["place_locative"] = float(tie is not None and tie.relation in _LOCATIVE_TIES)
    in_sentence = {p.geonameid or p.span.text for p in places if p.resolved and _inside(p.span, incident.evidence)}
    flags["place_several"] = float(len(in_sentence - {place.geonameid or place.span.text}) > 0)
    key = place.geonameid
    mentions = sum(1 for p in places if (key is not None and p.geonameid == key) or p.span.text == place.span.text)
    flags["place_repeated"] = float(mentions > 1)
    title, name = (document.title or "").casefold(), (place.name or "").casefold()
    flags["place_in_title"] = float(bool(name) and name in title)
    return flags


def _kind_flags(actors: Sequence[Actor], prefix: str) -> dict[str, float]:
    kinds = {a.kind for a in actors}
    return {f"{prefix}_state": float(bool(kinds & _STATE_KINDS)),
            f"{prefix}_non_state": float(bool(kinds & NON_STATE_KINDS)),
            f"{prefix}_unknown": float("unknown" in kinds or None in kinds),
            f"{prefix}_monitor": float(bool(kinds & _MONITOR_KINDS))}


def actor_source(incident: Incident) -> dict[str, float]:
    """Which actors were given, of what kind, and whether the parse or only the lexicon found them."""
    perpetrators, targets = incident.perpetrators, incident.targets
    actors = perpetrators + targets
    flags = {"perpetrators": float(bool(perpetrators)), "targets": float(bool(targets)),
             "perpetrators_several": float(len({a.name for a in perpetrators}) > 1),
             "actor_own": 0.0, "actor_story": 0.0, "actor_role": 0.0, "actor_lexicon_only": 0.0,
             **_kind_flags(perpetrators, "perp")}
    if not actors:
        return flags
    own = [_inside(a.span, incident.evidence) for a in actors]
    flags["actor_own"] = float(all(own))
    flags["actor_story"] = float(not all(own))
    tied = [attachment_of(a.span, incident.attachments) for a in actors]
    flags["actor_role"] = float(any(t is not None and t.relation in _ROLE_TIES for t in tied))
    flags["actor_lexicon_only"] = float(all(t is None for t in tied))
    return flags
