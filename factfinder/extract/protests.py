"""A protest's roles: who stages it (its participants, never the forces policing it), what it is
against (the report's government, a prison's authorities for a hunger strike), and the people an
act against it names (its protesters).

``story_roles.refine_targets`` names generic people at a protest its protesters through
``at_a_protest``; the extractor calls ``protest_roles`` on each protest and ``protest_targets``
on a document's incidents (docs/extraction-fields.md, "Protests").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from factfinder.extract.role_words import CIVILIANS, HELD, PRISON, PROTESTERS
from factfinder.extract.roles import ARMED_KINDS, add_actor as _add
from factfinder.model import Actor, Incident, Span


# People a protest names by who they are, not by a cause or a body of their own: its protesters.
_ANY_PEOPLE = frozenset({CIVILIANS, "women"})
# Who stages a protest: its participants, never the forces policing it.
_PROTESTING_KINDS = frozenset({"group", "ngo"})


def protest_roles(perpetrators: Sequence[Actor], targets: Sequence[Actor], trigger: Span
                  ) -> tuple[list[Actor], list[Actor]]:
    """Roles of a protest, as event coders give them: the actor of a protest is the group
    that protests ("journalists protested": the journalists; "police detained students at a
    rally": protesters), and a force in its clause polices it rather than stages
    it. A protest whose participants are not named is staged by "protesters", with the
    trigger word ("protests", "rallied") as the mention: a protest implies them."""
    # the parse's agents of the protest keep their name ("journalists protested"); people an act
    # against the protest names ("police detained 40 students at a rally") are its protesters, as
    # event coders (ACLED's "Protesters") and the gold name them
    participants = [a for a in perpetrators if a.kind in _PROTESTING_KINDS] or \
        [Actor(PROTESTERS, a.span, "group") for a in targets if a.kind in _PROTESTING_KINDS]
    found: list[Actor] = []
    for actor in participants:
        # "residents protested", "people protesting", "thousands of women formed human chains in
        # protest": people named by no cause of their own who protest are protesters
        _add(found, Actor(PROTESTERS, actor.span, actor.kind) if actor.name in _ANY_PEOPLE else actor)
    if any(a.name == PROTESTERS for a in found):
        found = [a for a in found if a.name == PROTESTERS]  # "opposition supporters protesting": the coders' actor
    if any(a.name == "political prisoners" for a in found):
        found = [a for a in found if a.name != "prisoners"]  # the more specific name of the same people
    if not found:
        found.append(Actor(PROTESTERS, trigger, "group"))
    rest = [a for a in targets if a.kind not in _PROTESTING_KINDS and a.kind not in ARMED_KINDS]
    return found, rest


# "people protesting", "people at the Pride march", "people who had gathered": the people an arrest
# or a dispersal names in the clause of a protest are its protesters ("in March" is the month).
_PROTEST_AFTER = re.compile(r"^[^,;.]{0,60}?\b(?:protest\w*|demonstrat\w*|rall(?:y|ies|ied)|(?-i:march(?:es|ed|ing)?)|"
                            r"gathered|sit-ins?|vigils?)\b", re.IGNORECASE)


def at_a_protest(text: str, actor: Actor) -> Actor:
    """"people protesting", "people at the Pride march": generic people at a protest are its protesters."""
    if actor.name != CIVILIANS or not _PROTEST_AFTER.search(text[actor.span.end:actor.span.end + 80]):
        return actor
    return Actor(PROTESTERS, actor.span, actor.kind)


# Acts against a protest told in its sentence ("police detained people during the protests"):
# the generic people they name are its protesters.
_AGAINST_PROTEST = frozenset({"arrest", "attack", "killing", "torture", "legal_proceeding"})


def _protesters_of(incident: Incident) -> Incident:
    targets: list[Actor] = []
    for actor in incident.targets:
        _add(targets, Actor(PROTESTERS, actor.span, actor.kind) if actor.name == CIVILIANS else actor)
    return replace(incident, targets=tuple(targets))


_UNREST = re.compile(r"\b(?:unrest|protests?|demonstrations?|riots?|rall(?:y|ies)|uprising)\b", re.IGNORECASE)
_HUNGER_STRIKE = re.compile(r"\b(?:hunger[- ]strik\w*|refus\w+ (?:food|to eat))", re.IGNORECASE)
_HELD_NAMES = frozenset({"prisoners", "political prisoners"})


def protest_targets(incidents: Sequence[Incident], state_body: Callable[[str], tuple[str, str]]) -> list[Incident]:
    """Protests with no target, against the state of the report's country: a hunger strike in
    prison against the prison authorities, others against the government (as event coders and
    the gold code them). Only when the report has a country: a generic "authorities" says nothing.
    A hunger strike in prison is staged by the prisoners, whoever the parse made its subject, and
    the generic people an arrest, attack or trial of the protest's sentence names are its protesters."""
    protesting = {i.evidence[0].start for i in incidents if i.type == "protest"}
    first_protest: dict[int, int] = {}  # story -> where its first protest is told
    for i in incidents:
        if i.type == "protest" and i.story is not None:
            first_protest.setdefault(i.story, i.evidence[0].start)
    out = []
    for incident in incidents:
        start = incident.evidence[0].start
        if incident.type in _AGAINST_PROTEST and start in protesting:
            incident = _protesters_of(incident)
            if not incident.targets and incident.type in ("arrest", "torture") and incident.trigger is not None:
                # "residents protested ..., and police detained dozens of them"
                incident = replace(incident, targets=(Actor(PROTESTERS, incident.trigger, "group"),))
        elif incident.story is not None and first_protest.get(incident.story, start) < start and incident.targets \
                and all(a.name == CIVILIANS for a in incident.targets) \
                and (incident.type in ("arrest", "torture") or _UNREST.search(incident.summary)):
            # "over 500 people were detained in July", "sentenced 22 people over the unrest", told after
            # the protests of the paragraph: the people are its protesters (not those a strike killed)
            incident = _protesters_of(incident)
        # a hunger strike in prison is the prisoners' ("a lawyer held in pre-trial detention went on hunger
        # strike"); a protest prisoners stage is against the prison authorities
        in_prison = bool((PRISON.search(incident.summary) or HELD.search(incident.summary))
                         and _HUNGER_STRIKE.search(incident.summary)) or (
            incident.type == "protest" and any(a.name in _HELD_NAMES for a in incident.perpetrators))
        if incident.type == "protest" and incident.trigger is not None and in_prison:
            if not any(a.name in _HELD_NAMES for a in incident.perpetrators):
                incident = replace(incident, perpetrators=(Actor("prisoners", incident.trigger, "group"),))
        if incident.type == "protest" and not incident.targets and incident.trigger is not None:
            body = "prison authorities" if in_prison else "authorities"
            name, kind = state_body(body)
            if name != body:
                incident = replace(incident, targets=(Actor(name, incident.trigger, kind),))
        out.append(incident)
    return out
