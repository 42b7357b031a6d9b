"""An abuse told as what someone was convicted of: done by those convicted.

"A man found guilty in the abduction of an aid worker", "was sentenced to life for the
murder of a reporter", "convicted of aggravated kidnapping": a verdict names who did the
act, as a charge names who is suspected of it (``extract/suspects.py``, "charged with").
A coder reading such a report codes the act's agent as the convicted, a private party
unless the report names state agents; the act otherwise has no perpetrator at all, since
the court's sentence makes the convicted the proceeding's target, not the act's agent.

The convicted are never named: the actor is "convicts" (kind ``criminal``, non-state), its
mention the verdict's words ("found guilty in", "sentenced to life for"). An act that
already has an agent (state agents the parse or ``_charged_agents`` gave it) keeps it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from factfinder.model import Actor, Incident, Span

CONVICTS = "convicts"
# The abuses of people a verdict is about (an attack is left alone: "sentenced for a bomb blast" is
# as often a dissident's trumped-up charge as the act of the one convicted).
_ABUSES = frozenset({"killing", "torture", "disappearance", "arrest"})
# A state agent named before the verdict ("a serving officer pleaded guilty to ...", "two soldiers
# were convicted of ..."): the convicted are that state's agents, whom the actor rules name; the act
# is left to them rather than given to private "convicts".
_STATE_AGENT_BEFORE = re.compile(r"\b(?:police\w*|officers?|soldiers?|troops?|guards?|agents?|troopers?|"
                                 r"constables?|deput(?:y|ies)|sheriffs?|marines?|gendarmes?|army|military|"
                                 r"officials?|jailers?|wardens?)\b", re.IGNORECASE)
# The verdict's words: "convicted of", "convicted in Harlan County of", "found guilty in", "pleaded
# guilty to", "sentenced to 30 years in prison for".
_VERDICT = re.compile(
    r"\b(?:convicted (?:(?:in|by|on) (?:[A-Z][\w.-]*\s){1,4})?(?:of|in|for|over)|(?:found |pleaded |pled )?guilty "
    r"(?:of|in|to|over|for)|sentenced (?:[\w-]+ ){0,8}?(?:for|over))\s", re.IGNORECASE)
# Between the verdict and the act: a few words of no clause of their own ("the brutal", "Aggravated
# Robbery and Aggravated", "a reporter's"), no stop, colon, semicolon or quote.
_BETWEEN = re.compile(r"(?:[\w'\u2019-]+,?\s+){0,4}")


def convicted_agent(incident: Incident) -> Incident:
    """The incident with the convicted as its perpetrator when its trigger is the act a verdict
    of its own sentence ties to ("found guilty in the kidnapping"), and it has no agent yet."""
    if incident.type not in _ABUSES or incident.trigger is None or incident.perpetrators or not incident.evidence:
        return incident
    if incident.type == "arrest" and incident.subtype != "abduction":
        return incident  # a verdict "for" an arrest is no private act ("jailed for resisting arrest")
    evidence = incident.evidence[0]
    if not evidence.start <= incident.trigger.start < evidence.end:
        return incident  # the act told in another sentence than the one the verdict may be in
    trigger = incident.trigger.start - evidence.start
    for found in _VERDICT.finditer(evidence.text, 0, trigger):
        if _STATE_AGENT_BEFORE.search(evidence.text, 0, found.start()):
            return incident
        if _BETWEEN.fullmatch(evidence.text, found.end(), trigger):
            words = found.group().rstrip()
            tie = Span(evidence.start + found.start(), evidence.start + found.start() + len(words), words)
            return replace(incident, perpetrators=(Actor(CONVICTS, tie, "criminal"),))
    return incident
