"""The evidence each confidence is read from: numbers the earlier stages already produced.

Nothing here re-runs extraction. Each feature is a value an earlier stage left
on the incident (the date's precision, the geocoder's ranking score, the
count's qualifier, the verification status) or one cheap look at its evidence
sentence (the event-type model's probability of the incident's type, hedging
words). ``FIELD_FEATURES`` says which features each field's calibrated model
reads, so a field's confidence depends only on evidence about that field and
on how sure we are the incident is real at all.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from factfinder.model import Document, Incident

# Hedging words that make a report less certain of what it tells (written for factfinder;
# "reportedly", "allegedly" and the like are how wires mark a claim they pass on).
_HEDGE_RE = re.compile(
    r"\b(?:reportedly|allegedly|alleged|purportedly|apparently|possibly|may have|might have|could have|"
    r"believed to|thought to|feared|suspected|rumou?red|unconfirmed|unverified|claimed|claims?|"
    r"according to (?:unconfirmed|unverified)|it is (?:not )?clear|unclear)\b", re.IGNORECASE)
# A date phrase that counts back from the publication day ("yesterday", "last Tuesday").
_RELATIVE_RE = re.compile(r"\b(?:yesterday|today|tonight|last|this|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                          r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|ago|earlier|previous)\b", re.IGNORECASE)

TypeProbability = Callable[[str], dict[str, float]]
"""Per-type probabilities of one sentence (the event-type model's ``predict``)."""

COMMON = ("bias", "p_type", "p_none", "agree", "hedge", "unconfirmed", "alleged", "disputed", "evidence",
          "attributed")
DATE = ("date", "date_day", "date_week", "date_month", "date_year", "date_in_evidence", "date_relative",
        "published")
LOCATION = ("location", "place_fine", "place_admin", "place_country", "place_score", "place_in_evidence")
COUNTS = ("counts", "counts_many", "count_hedged", "count_vague")
ACTORS = ("perpetrators", "targets", "perpetrator_kind")
FIELD_FEATURES: dict[str, tuple[str, ...]] = {
    "incident": COMMON,
    "type": COMMON,
    "date": ("bias", "p_type", "hedge") + DATE,
    "location": ("bias", "p_type", "hedge") + LOCATION,
    "counts": ("bias", "p_type", "hedge", "unconfirmed", "disputed") + COUNTS,
    "actors": ("bias", "p_type", "alleged", "attributed") + ACTORS,
}
FIELDS = tuple(FIELD_FEATURES)


def _inside(start: int, incident: Incident) -> bool:
    return any(s.start <= start < s.end for s in incident.evidence)


def incident_features(incident: Incident, document: Document, probabilities: dict[str, float]
                      ) -> dict[str, float]:
    """Every feature of one incident, by name (0/1 flags and a few scores in [0, 1])."""
    evidence_text = " ".join(s.text for s in incident.evidence)
    best = max(probabilities, key=probabilities.__getitem__) if probabilities else "none"
    date, place = incident.date, incident.location
    precision = date.precision if date else None
    place_precision = place.precision if place else None
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
        "date": float(date is not None),
        "date_day": float(precision == "day"),
        "date_week": float(precision == "week"),
        "date_month": float(precision == "month"),
        "date_year": float(precision == "year"),
        "date_in_evidence": float(bool(date and date.span and _inside(date.span.start, incident))),
        "date_relative": float(bool(date and date.span and _RELATIVE_RE.search(date.span.text))),
        "published": float(document.published is not None),
        "location": float(place is not None and place.resolved),
        "place_fine": float(place_precision in ("point", "town")),
        "place_admin": float(place_precision in ("admin2", "admin1")),
        "place_country": float(place_precision == "country"),
        "place_score": float(place.confidence) if place is not None else 0.0,
        "place_in_evidence": float(bool(place and _inside(place.span.start, incident))),
        "counts": float(bool(incident.counts)),
        "counts_many": float(len(incident.counts) > 1),
        "count_hedged": float(any(c.qualifier != "exact" for c in incident.counts)),
        "count_vague": float(any(not any(ch.isdigit() for ch in c.span.text) for c in incident.counts)),
        "perpetrators": float(bool(incident.perpetrators)),
        "targets": float(bool(incident.targets)),
        "perpetrator_kind": float(any(a.kind for a in incident.perpetrators)),
    }
