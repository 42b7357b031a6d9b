"""The evidence each confidence is read from: numbers the earlier stages already produced.

Nothing here re-runs extraction. Each feature is a value an earlier stage left
on the incident (the date's precision, the geocoder's ranking score, the
count's qualifier, the verification status), where its date, place and actors
came from (``sources.py``), or one cheap look at its evidence sentence (the
event-type model's probability of the incident's type, hedging words).
``FIELD_FEATURES`` says which features each field's calibrated model reads, so
a field's confidence depends only on evidence about that field and on how sure
we are the incident is real at all.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

from factfinder.confidence.sources import actor_source, date_source, place_source
from factfinder.model import Document, Incident, Place

# Hedging words that make a report less certain of what it tells (written for factfinder;
# "reportedly", "allegedly" and the like are how wires mark a claim they pass on).
_HEDGE_RE = re.compile(
    r"\b(?:reportedly|allegedly|alleged|purportedly|apparently|possibly|may have|might have|could have|"
    r"believed to|thought to|feared|suspected|rumou?red|unconfirmed|unverified|claimed|claims?|"
    r"according to (?:unconfirmed|unverified)|it is (?:not )?clear|unclear)\b", re.IGNORECASE)

TypeProbability = Callable[[str], dict[str, float]]
"""Per-type probabilities of one sentence (the event-type model's ``predict``)."""

COMMON = ("bias", "p_type", "p_none", "agree", "hedge", "unconfirmed", "alleged", "disputed", "evidence",
          "attributed", "short_text")
# A text of at most this many words (a news snippet, a brief, an NGO paragraph) tells one or two events,
# and its incidents are more often the event it is about than a long article's side incidents: one fit
# over both kinds of training text was under-confident on snippets (docs/models.md, session 6).
SHORT_WORDS = 250
DATE = ("date_day", "date_week", "date_month", "date_year", "date_own", "date_tied", "date_dateline",
        "date_earlier", "date_relative", "date_unspanned", "date_distance", "date_several", "published")
LOCATION = ("place_resolved", "place_fine", "place_admin", "place_country", "place_score", "place_own",
            "place_tied", "place_close", "place_locative", "place_setting", "place_several", "place_repeated",
            "place_in_title")
COUNTS = ("counts", "counts_many", "count_hedged", "count_vague")
ACTORS = ("perpetrators", "targets", "perpetrators_several", "actor_own", "actor_story", "actor_role",
          "actor_lexicon_only", "perp_state", "perp_non_state", "perp_unknown", "perp_monitor")
FIELD_FEATURES: dict[str, tuple[str, ...]] = {
    "incident": COMMON,
    "type": COMMON,
    "date": COMMON + DATE,
    "location": COMMON + LOCATION,
    "counts": ("bias", "p_type", "hedge", "unconfirmed", "disputed") + COUNTS,
    "actors": ("bias", "p_type", "alleged", "attributed") + ACTORS,
}
FIELDS = tuple(FIELD_FEATURES)
GIVEN: dict[str, str] = {"date": "date_given", "location": "location_given", "actors": "actors_given"}
"""Fields whose confidence says "this value is right": the feature that says a value is given.

Without a value there is nothing to be right, and the confidence is 0 (``model.py``):
a reviewer is shown the field as one to fill in. Counts keep the older meaning (the
counts given, or none, are right) since most incidents rightly give none."""


def incident_features(incident: Incident, document: Document, probabilities: dict[str, float],
                      places: Sequence[Place] = ()) -> dict[str, float]:
    """Every feature of one incident, by name (0/1 flags and a few scores in [0, 1]).

    ``places`` are the document's place mentions (``Extraction.places``), among which
    the incident's place was chosen.
    """
    evidence_text = " ".join(s.text for s in incident.evidence)
    best = max(probabilities, key=probabilities.__getitem__) if probabilities else "none"
    return {
        "bias": 1.0,
        "p_type": probabilities.get(incident.type, 0.0),
        "p_none": probabilities.get("none", 0.0),
        "agree": float(best == incident.type),
        "hedge": float(bool(_HEDGE_RE.search(evidence_text))),
        "unconfirmed": float(incident.verification == "unconfirmed"),
        "alleged": float(incident.verification == "alleged"),
        "disputed": float(incident.verification == "disputed"),
        "evidence": min(math.log1p(len(incident.evidence)) / math.log(5), 1.0),
        "attributed": float(bool(incident.attribution)),
        "short_text": float(_is_short(document.text)),
        "date_given": float(incident.date is not None),
        "location_given": float(incident.location is not None),
        "actors_given": float(bool(incident.perpetrators or incident.targets)),
        **date_source(incident, document),
        **place_source(incident, document, places),
        **actor_source(incident),
        "counts": float(bool(incident.counts)),
        "counts_many": float(len(incident.counts) > 1),
        "count_hedged": float(any(c.qualifier != "exact" for c in incident.counts)),
        "count_vague": float(any(not any(ch.isdigit() for ch in c.span.text) for c in incident.counts)),
    }


def _is_short(text: str) -> bool:
    """At most SHORT_WORDS words; a long text is told apart by its length alone, without splitting it
    once per incident (a 5 MB document has thousands)."""
    return len(text) <= SHORT_WORDS * 20 and len(text.split()) <= SHORT_WORDS
