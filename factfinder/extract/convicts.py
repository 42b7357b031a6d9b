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
# The abuses a verdict is about (the same acts a charge is, ``suspects._ABUSES``).
_ABUSES = frozenset({"killing", "torture", "disappearance", "attack", "arrest"})
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
    trigger = incident.trigger.start - evidence.start
    for found in _VERDICT.finditer(evidence.text, 0, max(0, trigger)):
        if _BETWEEN.fullmatch(evidence.text, found.end(), trigger):
            words = found.group().rstrip()
            tie = Span(evidence.start + found.start(), evidence.start + found.start() + len(words), words)
            return replace(incident, perpetrators=(Actor(CONVICTS, tie, "criminal"),))
    return incident
