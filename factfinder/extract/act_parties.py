"""Who an incident's parties can be, read as a monitor reads an incident page field by field
(docs/extraction-fields.md, "Session 12: monitor-read"): the body a statement is spoken by, the
sanctioned body a sanction targets, and an agent that is never also its own act's target.

The sentence parse (``roles``) and the story rules (``story_roles``) give each act its parties;
these rules run last and correct what those leave that a reader would strike out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from factfinder.model import Actor, Incident

__all__ = ["agent_not_target", "condemned_bodies", "sanctioned_body", "statement_speakers"]

# Sources that speak for a body: a statement they make is the body's act ("other": an
# intergovernmental body such as a union of states). Media only report (a speaker "told RFA"), a
# witness speaks for no body, and a named person ("other" too) is no actor the table knows.
_SPEAKING_KINDS = frozenset({"ngo", "un", "government", "official", "armed_group", "other"})
# A body's own court or inspectorate tries or investigates its members ("a military court
# convicted three soldiers"): there, the agent's name is rightly also the target's.
_SELF_JUDGING = frozenset({"legal_proceeding"})
# Acts whose agents are people as often as bodies: protesters protest, a group's members speak.
_GROUP_AGENTS = frozenset({"protest", "statement"})
# A body named after these words is a topic or a place of the speaker's ("the Panel of Experts on
# Ruritania concluded", "killed in Chad and Niger"), not the body they speak for, which follows
# "of" or "for" ("director of").
_TOPIC_BEFORE = re.compile(r"\b(?:on|in|at|from|against|about|to|with|into)\s+(?:the\s+)?"
                           r"(?:[\w'’-]+(?:,\s*|\s+and\s+|\s+or\s+))*$", re.IGNORECASE)


def statement_speakers(incidents: Sequence[Incident], find_actors: Callable[[int, int], list[Any]]) -> list[Incident]:
    """A statement without a perpetrator gets the body its own sentence cites as its speaker
    before the statement's word ("Jane Roe, director of the Free Press Fund, called the verdict a
    disgrace": the fund; "the rebels' spokesman said": the rebels). The attribution already names
    that body as the source; the statement is its act (DESIGN.md: a statement's perpetrator is who
    makes it). A source cited after the word ("..., the ministry said" closing a report of events)
    or a medium it was told to is not the speaker."""
    out = []
    for incident in incidents:
        if incident.type == "statement" and not incident.perpetrators and incident.trigger is not None:
            speakers = _speakers(incident, incident.trigger.start, find_actors)
            if speakers:
                incident = replace(incident, perpetrators=tuple(speakers[:1]))
        out.append(incident)
    return out


def _speakers(incident: Incident, word: int, find_actors: Callable[[int, int], list[Any]]) -> list[Actor]:
    """The bodies the incident's sources name in its sentence before offset ``word``."""
    sentence = incident.evidence[0]
    found: list[Actor] = []
    for source in incident.attribution:
        if source.kind not in _SPEAKING_KINDS or not (sentence.start <= source.span.start < word):
            continue
        found.extend(a for a in find_actors(source.span.start, source.span.end)
                     if a.name == source.source and a.kind != "group" and a.span.end <= word
                     and not _TOPIC_BEFORE.search(incident.summary, 0, a.span.start - sentence.start))
    return found


def sanctioned_body(incident: Incident) -> Incident:
    """A sanction, blacklisting or boycott targets the body it names, not the people that body is
    accused of harming ("blacklisted the firm for its tracking of the Rohingya": the firm): an
    affected group beside a named body is the reason for the measure, not its target."""
    if incident.type == "sanction" and any(a.kind != "group" for a in incident.targets) \
            and any(a.kind == "group" for a in incident.targets):
        return replace(incident, targets=tuple(a for a in incident.targets if a.kind != "group"))
    return incident


def agent_not_target(incident: Incident) -> Incident:
    """An act's agent is never its own target: of an actor listed as both, a body stays the agent
    ("the firm supplies cameras ... the firm's system tracks students": the firm does the
    tracking) and an affected group stays the target ("a militia's shooting of three farmers": the
    farmers were shot), as ``story_roles.victims_are_no_agents`` holds for spans. A protest's or a
    statement's people are their agents. A proceeding is left as it is: a body may judge its own
    members. Applied again when tellings merge (``consolidate.within``), whose actors are a union."""
    shared = {a.name for a in incident.perpetrators} & {a.name for a in incident.targets}
    if not shared or incident.type in _SELF_JUDGING:
        return incident
    victims = {a.name for a in incident.targets if a.name in shared and a.kind == "group"} \
        if incident.type not in _GROUP_AGENTS else set()
    return replace(incident, perpetrators=tuple(a for a in incident.perpetrators if a.name not in victims),
                   targets=tuple(a for a in incident.targets if a.name not in shared - victims))


# Words that say whom a statement is against: what follows them, to the clause's end, names the
# bodies it condemns, accuses or criticises.
_AGAINST = re.compile(r"\b(?:condemn|denounc|accus|blam|criticis|criticiz|spea\w*\s+against|spoke\s+against)\w*",
                      re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;:]|\.\s")


def condemned_bodies(incidents: Sequence[Incident], find_actors: Callable[[int, int], list[Any]]) -> list[Incident]:
    """A statement without a target is against the bodies named after its word of blame, to the
    end of that clause ("the union condemned the use of the firm's cameras to help the regional
    government track workers": the firm and the government), other than its own speaker. An
    affected group named there ("workers") is whom the condemned act befell, not the statement's
    target (DESIGN.md: a statement's targets are whom it is against)."""
    out = []
    for incident in incidents:
        if incident.type == "statement" and not incident.targets:
            sentence = incident.evidence[0]
            blame = _AGAINST.search(sentence.text)
            if blame is not None:
                start = sentence.start + blame.end()
                stop = _CLAUSE_END.search(sentence.text, blame.end())
                end = sentence.start + stop.start() if stop else sentence.end
                speakers = {a.name for a in incident.perpetrators}
                bodies: list[Actor] = []
                for actor in find_actors(start, end):
                    if actor.kind != "group" and actor.name not in speakers \
                            and actor.name not in {b.name for b in bodies}:
                        bodies.append(actor)
                if bodies:
                    incident = replace(incident, targets=tuple(bodies))
        out.append(incident)
    return out
