"""Whom a trial, a ruling or a monitor's finding is against, when its sentence names no one.

The parse gives a proceeding its target when the sentence names the people it judges ("a court
sentenced six trade unionists"). Annual reports often leave that target to the reader:

- a trial of an earlier crime that the same sentence tells ("the JEP continued its investigation
  into the killing of civilians whom soldiers presented as guerrillas"; "soldiers shot dead five
  men ...; the army said it had opened an investigation") is against the crime's agent, the body
  whose members are tried;
- a fine, a trial or an arrest for what someone wrote online ("fined a woman for a comment in a
  messaging group", "dozens of people were fined for posts on social media") is against internet
  users, when the sentence names them by no role of their own (a journalist stays a journalist);
- a ruling of an international court on a country's case ("the European Court of Human Rights
  found that a member state had failed to comply", "the ICC rejected the government's appeal") is
  against that state, as a UN committee's concern about a country's practice is: under a
  country heading, the heading country's government.

The project's gold codes them so (tests/gold/README.md, "Annual-report paragraphs"), and an
international court's ruling has no place of its own unless the text names one: it is not where
the state's acts happened (``international_ruling``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from factfinder.extract.role_words import CIVILIANS, MONITOR_KINDS
from factfinder.extract.roles import ARMED_KINDS
from factfinder.model import Actor, Incident, Span

# Acts whose agent a trial of them is against.
_TRIED_ACTS = frozenset({"killing", "torture", "attack", "disappearance"})
# A compensation order is against the party it orders to pay, whoever did the act it compensates.
_ORDERED_TO_PAY = re.compile(r"\b(?:ordered|required|obliged|directed)\b[^.;]{0,60}?\bto (?:pay|compensate)\b",
                            re.IGNORECASE)
# International courts (their canonical names in data/actors.csv): a ruling of theirs on a
# country's case is against its state.
# The same courts as the sentence names them, for a ruling whose judges the parse gave another name.
_NAMES_INTERNATIONAL_COURT = re.compile(r"\b(?:ICC|ICJ|ECtHR|(?:International|European|Inter-American|African)"
                                        r"(?: [A-Z][\w'-]*)* Court)\b")
_INTERNATIONAL_COURT = re.compile(r"^(?:International|European|Inter-American|African)\b[\w' -]*\bCourt\b")


def international_ruling(incident: Incident) -> bool:
    """A proceeding of international courts alone (the ICC, the European Court of Human Rights):
    it happens where the court sits, not in the country whose case it rules on, so it takes no
    country from the report it is told in."""
    return incident.type == "legal_proceeding" and bool(incident.perpetrators) and all(
        _INTERNATIONAL_COURT.match(a.name) for a in incident.perpetrators)


def trial_targets(incidents: Sequence[Incident]) -> list[Incident]:
    """Proceedings with no target, against the state or armed agents of a killing, torture,
    attack or disappearance told in the same sentence (the crime they try): "a military court in
    Goma sentenced the colonel in command to death" after "soldiers of the Republican Guard opened
    fire ..., killing at least 57 people". An agent that is the proceeding's own judge (a court)
    is left out; an international court rules on a state's case, not on the agents'."""
    out = list(incidents)
    for i, incident in enumerate(incidents):
        if incident.type != "legal_proceeding" or incident.targets or international_ruling(incident) \
                or _ORDERED_TO_PAY.search(incident.summary) or _NAMES_INTERNATIONAL_COURT.search(incident.summary):
            continue  # "ordered the Tamil Nadu government to pay ...": against the one who pays
        start = incident.evidence[0].start
        judges = {a.name for a in incident.perpetrators}
        agents: list[Actor] = []
        for other in incidents:
            if other.type in _TRIED_ACTS and other.evidence[0].start == start:
                agents += [a for a in other.perpetrators if a.kind in ARMED_KINDS and a.name not in judges
                           and all(a.name != b.name for b in agents)]
        if agents:
            out[i] = replace(incident, targets=tuple(agents))
    return out


def heading_state_targets(incidents: Sequence[Incident], state_body: Callable[[str], tuple[str, str]]
                          ) -> list[Incident]:
    """Under a country heading, a UN or other monitor's statement with no target, and an
    international court's proceeding with no target, are against the heading country's government
    (``state_body("authorities")``): "In September, the UN Committee on Enforced Disappearances
    expressed concern that ..." under `MEXICO`. Call only for an annual report's country section."""
    out = list(incidents)
    for i, incident in enumerate(incidents):
        if incident.targets or not incident.perpetrators or incident.trigger is None:
            continue
        monitors = incident.type == "statement" and all(a.kind in MONITOR_KINDS for a in incident.perpetrators)
        if not (monitors or international_ruling(incident)):
            continue
        name, kind = state_body("authorities")
        if name == "authorities":
            return out  # no country: no state to name
        out[i] = replace(incident, targets=(Actor(name, incident.trigger, kind),))
    return out


# What someone said, and where: both in the act's own part of the sentence make it speech online.
_SPEECH = re.compile(r"\b(?:posts?|posted|posting|comments?|commented|tweets?|tweeted|said|wrote|written|shared|"
                     r"messages?|criticis\w*|criticiz\w*)\b", re.IGNORECASE)
_ONLINE = re.compile(r"\b(?:online|social media|internet|messaging|Facebook|Telegram|Twitter|TikTok|YouTube|"
                     r"Instagram|WhatsApp|VKontakte|video|blogs?)\b", re.IGNORECASE)
# Acts against people for their speech, and the names that say no more than "people".
_SPEECH_ACTS = frozenset({"legal_proceeding", "arrest"})
_GENERIC = frozenset({CIVILIANS, "women"})
INTERNET_USERS = "internet users"


def online_speakers(incidents: Sequence[Incident]) -> list[Incident]:
    """Proceedings and arrests for speech online, with internet users as their target instead of
    a generic one ("people", "a woman", "a pensioner" the table does not know): the group the
    text gives them is what they did, as the gold codes it (tests/gold/README.md). A role of
    their own ("a journalist", "a student") is kept."""
    out = list(incidents)
    for i, incident in enumerate(incidents):
        if incident.type not in _SPEECH_ACTS or incident.trigger is None \
                or any(a.name not in _GENERIC for a in incident.targets):
            continue
        part_start, part = _own_part(incident)
        if not _SPEECH.search(part) or (medium := _ONLINE.search(part)) is None:
            continue
        start = part_start + medium.start()
        span = Span(start, start + len(medium.group()), medium.group())
        out[i] = replace(incident, targets=(Actor(INTERNET_USERS, span, "group"),))
    return out


def _own_part(incident: Incident) -> tuple[int, str]:
    """(document offset, text) of the part of the incident's sentence between semicolons that
    holds its trigger."""
    evidence = incident.evidence[0]
    at = incident.trigger.start - evidence.start if incident.trigger is not None else 0
    lo = evidence.text.rfind(";", 0, max(0, at)) + 1
    hi = evidence.text.find(";", at)
    hi = len(evidence.text) if hi < 0 else hi
    return evidence.start + lo, evidence.text[lo:hi]
