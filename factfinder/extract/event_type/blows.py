"""Blows told as ``torture`` that are an attack or the force used on a protest.

DESIGN's ``torture`` covers torture, ill-treatment and sexual violence; ill-treatment is what
is done to people held (the UN Convention against Torture: pain inflicted by or with the
consent of an official, in custody or under questioning). The trigger table reads "beaten",
"beat", "kicked" and "punched" as ill-treatment, which is right for "guards beat a prisoner"
and "he was beaten at the police station". The same words tell two other events:

- a beating, a stabbing or an assault by men nobody names (attackers, a mob, a gang, masked
  men) on the street or at home, of a person nobody held: ACLED's violence against civilians
  (attack), or mob violence when a crowd did it. A beating of a captive (by kidnappers, by
  hijackers of their hostages) stays ill-treatment;
- police beating protesters or reporters at a demonstration, not in custody: the project's
  gold codes force used to break up a protest as the ``protest`` (ACLED's protest with
  intervention, or excessive force against protesters), as it codes tear gas and batons;
  people beaten in custody after the protest stay ``torture``.

The sentence's own words decide: a word of custody keeps the torture; then a word of a
protest, or an unnamed non-state assailant and no state agent, re-types it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from factfinder.model import NON_STATE_KINDS, Incident

# Trigger words of a blow (data/triggers.csv's torture rows told by their blows).
_BLOW = re.compile(r"(?:beat|beaten|beating|beatings|beats|slapped|kicked|punched|stabbed|assaulted|attacked)\b",
                   re.IGNORECASE)
# Words of a person held: the blows are ill-treatment of a captive ("beaten in custody", "beaten
# during interrogation", "held in a cell and beaten"), or the sentence names torture or sexual
# violence itself. An arrest or a detention beside blows at a demonstration is the force used on it
# ("beaten and detained while covering the protest": ACLED's protest with intervention).
_CUSTODY = (r"custody|detention|detainees?|prison\w*|jail\w*|cells?|(?:police )?stations?|interrogat\w*|"
            r"question(?:ed|ing)|captiv\w*|captors?|hostages?|abduct\w*|kidnap\w*|camps?|tortur\w*|ill-treat\w*|"
            r"mistreat\w*|rap(?:e|ed|es|ing)|sexual\w*|hijack\w*")
_IN_CUSTODY = re.compile(rf"\b(?:{_CUSTODY})\b", re.IGNORECASE)
# ... and outside a demonstration, any word of holding someone: a street assault is of a person nobody held.
_HELD = re.compile(rf"\b(?:{_CUSTODY}|detain\w*|held|arrest\w*)\b", re.IGNORECASE)
# Agents of the state (their blows outside custody are left as they are: soldiers beating residents
# may be an attack, police beating a family at home an ill-treatment; the gold says neither).
_STATE_AGENT = re.compile(r"\b(?:police\w*|officers?|soldiers?|troops|guards?|army|military|security (?:forces|agents|"
                          r"officials|personnel|services)|gendarm\w*|intelligence|agents|authorities|forces|officials)\b"
                          r"(?!,? (?:said|say|says|told|reported|added|confirmed)\b)", re.IGNORECASE)
# Assailants nobody names, of no state: "six men", "a mob", "a gang", "masked attackers", "thugs".
_ASSAILANTS = re.compile(r"\b(?:men|man|attackers?|assailants?|mobs?|gangs?|gangsters|thugs|hooligans|youths|"
                         r"strangers?|robbers?|vigilantes|muggers?|goons)\b", re.IGNORECASE)
# The blows' own agent, right after the trigger: "beaten by masked men", "beaten up by a gang".
_BY_ASSAILANTS = re.compile(r"\s+(?:up\s+)?by\s+(?:[\w-]+\s+){0,4}?" + _ASSAILANTS.pattern, re.IGNORECASE)
# A demonstration and the people at it.
_PROTEST = re.compile(r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies)|marchers|sit-ins?|strikers)\b", re.IGNORECASE)

_STATE_KINDS = frozenset({"state_force", "government"})


def _blow(incident: Incident, held: re.Pattern[str]) -> bool:
    """A torture incident whose trigger is a blow, in a sentence with no word of ``held``."""
    return (incident.type == "torture" and incident.trigger is not None and _BLOW.match(incident.trigger.text) is not None
            and not held.search(incident.summary))


def is_blow_at_protest(incident: Incident) -> bool:
    """Blows dealt at a demonstration, to people nobody held: "police beat and dispersed the
    marchers", "reporters covering the rally were beaten". The force used on the protest."""
    return _blow(incident, _IN_CUSTODY) and _PROTEST.search(incident.summary) is not None


def is_street_assault(incident: Incident) -> bool:
    """Blows dealt by unnamed non-state assailants to someone nobody held, no state agent named:
    "a reporter was beaten by six men outside his home", "a mob attacked and beat the trader"."""
    if not _blow(incident, _HELD):
        return False
    if any(a.kind in _STATE_KINDS for a in incident.perpetrators) or _STATE_AGENT.search(incident.summary):
        return False
    named = any(a.kind in NON_STATE_KINDS | {"unknown"} for a in incident.perpetrators)
    return named or _ASSAILANTS.search(incident.summary) is not None


def _by_assailants(incident: Incident) -> bool:
    """Blows whose "by" phrase names unnamed assailants ("protesters had been beaten by masked
    men"), to someone not in custody: the assailants' attack, whatever else the sentence tells
    (police detaining others, a protest)."""
    if not _blow(incident, _IN_CUSTODY) or incident.trigger is None:
        return False
    end = incident.trigger.end - incident.evidence[0].start
    return _BY_ASSAILANTS.match(incident.summary, end) is not None


def blows_type(incident: Incident) -> str:
    """The type a torture incident told by its blows takes: ``attack`` for blows by unnamed
    assailants, ``protest`` for force at a demonstration, ``attack`` for a street assault, else
    its own."""
    if _by_assailants(incident):
        return "attack"
    if is_blow_at_protest(incident):
        return "protest"
    if is_street_assault(incident):
        return "attack"
    return incident.type


def with_blows_type(incident: Incident) -> Incident:
    """The incident re-typed by ``blows_type``; the people an assault befell (a torture's
    ``affected``) are the attack's ``injured``, the category an attack carries."""
    kind = blows_type(incident)
    if kind == incident.type:
        return incident
    counts = incident.counts if kind != "attack" else tuple(
        replace(c, category="injured") if c.category == "affected" else c for c in incident.counts)
    return replace(incident, type=kind, counts=counts)
