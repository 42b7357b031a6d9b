"""A crime named as a charge ("facing kidnapping charges", "charged with abduction", "on charges
of kidnapping") is the topic of a proceeding, not a report that the crime happened: with no one
named as its victim, the charge word alone tells no kidnapping. The proceeding stays; the act the
word would have made is dropped, or becomes the proceeding when the sentence tells none.

A charge that names its victim ("charged with kidnapping a reporter", "on charges of abducting
two girls") still tells the act, done by those charged (``suspects``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from factfinder.model import Incident, Span
from factfinder.values.taxonomy import with_fields

__all__ = ["charge_names"]

# The noun of a crime the charge names (not a verb with its object: "kidnapping a reporter").
_CRIME_NOUN = re.compile(r"(?:kidnapping|kidnap|abduction|abductions)", re.IGNORECASE)
# The charge before the noun, a few words of it between ("charged with aggravated kidnapping").
_CHARGE_BEFORE = re.compile(r"\b(?P<charge>charged with|charges? of|counts? of|accused of|convicted of|guilty of|"
                            r"indicted (?:for|on))\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# The charge after the noun: "kidnapping charges", "kidnap and assault charges".
_CHARGE_AFTER = re.compile(r"^(?:\s+(?:and|or)\s+[\w-]+)?\s+(?P<charge>charges?|counts?)\b", re.IGNORECASE)
# A charge's own words, when they are an incident's trigger.
_CHARGE_WORDS = re.compile(r"charged with|charges? of|charged|charges?|indicted", re.IGNORECASE)
# A victim named after the noun: "the abduction of a reporter", "kidnapping two girls".
_VICTIM_AFTER = re.compile(r"^\s+(?:of|on)\b|^\s+(?:a|an|the|his|her|their|two|three|\d+)\b", re.IGNORECASE)


def charge_names(incidents: Sequence[Incident]) -> list[Incident]:
    """The incidents with every kidnapping told only as a charge's name dropped (the sentence's
    proceeding tells the charge) or, when its sentence has no proceeding, made that proceeding."""
    out: list[Incident] = []
    for incident in incidents:
        charge = _charge_of(incident)
        if charge is None:
            out.append(incident)
        elif not any(other.type == "legal_proceeding" and other.evidence[0].start == incident.evidence[0].start
                     for other in (*incidents, *out)):
            out.append(with_fields(replace(incident, type="legal_proceeding", trigger=charge, perpetrators=())))
    return out


def _charge_of(incident: Incident) -> Span | None:
    """The charge words when the incident is a kidnapping or a disappearance told only by a
    charge: the charge's name, or the charge's own words read as the act."""
    trigger = incident.trigger
    if incident.type not in ("arrest", "disappearance") or trigger is None:
        return None
    if _CHARGE_WORDS.fullmatch(trigger.text):
        return trigger  # the learned typer read the charge itself as the act it names
    if not _CRIME_NOUN.fullmatch(trigger.text):
        return None
    evidence = incident.evidence[0]
    before = evidence.text[:trigger.start - evidence.start]
    after = evidence.text[trigger.end - evidence.start:]
    if _VICTIM_AFTER.match(after):
        return None
    found = _CHARGE_BEFORE.search(before)
    if found is not None:
        return Span(evidence.start + found.start("charge"), evidence.start + found.end("charge"), found.group("charge"))
    found = _CHARGE_AFTER.match(after)
    if found is not None:
        return Span(trigger.end + found.start("charge"), trigger.end + found.end("charge"), found.group("charge"))
    return None
