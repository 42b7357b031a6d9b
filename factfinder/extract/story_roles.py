"""Roles read beyond one sentence's parse: a protest's participants and what it is against, a
target list without its subgroups, the agent a story (or a sentence) names once for the acts it
then tells in the passive (the state body an agentless act implies: ``implied_agents``; a protest's
roles: ``protests``).

``roles.actor_roles`` gives each actor of a sentence its role from the dependency parse;
these functions refine those roles with what the sentence's words or the rest of the story
say (docs/extraction-fields.md, "Perpetrators and targets").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from factfinder.extract.convicts import CONVICTS
from factfinder.extract.country_heading import demonyms
from factfinder.extract.implied_agents import implied_agents
from factfinder.extract.protests import at_a_protest, protest_roles, protest_targets
from factfinder.extract.role_words import CIVILIANS, HELD, JOURNALISTS, KIDNAP_WORD, MEDIA, PRISONERS, PROTESTERS, \
    STAFF_OF, SUSPECTS, is_kidnapping, judges, tells_battle, tried_for
from factfinder.extract.roles import ACTING_KINDS
from factfinder.model import Actor, Incident

__all__ = ["KIDNAP_WORD", "SUSPECTS", "agents_before_groups", "clash_parties", "implied_agents", "is_kidnapping",
           "most_specific_targets",
           "names_agent", "protest_roles", "protest_targets", "refine_targets", "sentence_perpetrators",
           "story_perpetrators", "tells_battle", "victims_are_no_agents"]


# "12 people, including two women": the part named after these words belongs to the
# group already named, not another target.
_SUBGROUP_CUE = re.compile(r"\b(?:including|among them|among whom|of whom|many of them|most of them|such as)\b"
                           r"[^,;.]{0,40}$", re.IGNORECASE)
# Mentions that say no more than "people": the group a more specific target names.
_UNSPECIFIC = frozenset({"people", "persons", "person"})


def clash_parties(perpetrators: Sequence[Actor], targets: Sequence[Actor]) -> tuple[list[Actor], list[Actor]]:
    """Fighting between armed parties has parties, not victims: the battle's dead are its ``killed``
    count, and no target is listed (as event coders and the project's gold code armed clashes). An
    armed actor the parse made a target ("forces overcame the Karabakh Armenian forces") is a party,
    but is not made a perpetrator here: the parse names the other party too loosely to trust
    (measured on the annual-report gold, it cost perpetrator precision)."""
    return list(perpetrators), []


def most_specific_targets(incidents: Sequence[Incident]) -> list[Incident]:
    """Each incident without "civilians" among its targets when a more specific group is there:
    the last word on targets, after the rules that add some (the people held in custody, a
    protest's people), as ``refine_targets`` is the first."""
    out = []
    for incident in incidents:
        if any(a.kind == "group" and a.name != CIVILIANS for a in incident.targets) \
                and any(a.name == CIVILIANS for a in incident.targets):
            incident = replace(incident, targets=tuple(a for a in incident.targets if a.name != CIVILIANS))
        elif incident.type in _IN_CUSTODY_ACTS and [a.name for a in incident.targets] == [CIVILIANS] \
                and HELD.search(incident.summary):
            # "compensation to a man who had been tortured in custody": the man is one of the people held
            incident = replace(incident, targets=(replace(incident.targets[0], name=PRISONERS),))
        out.append(incident)
    return out


# Acts that, told "in custody" or "in detention", befall the people held there.
_IN_CUSTODY_ACTS = frozenset({"torture", "humanitarian"})


def refine_targets(text: str, targets: Sequence[Actor]) -> list[Actor]:
    """Targets without subgroups of a target named before them ("civilians, including 56
    children") and without a bare "people" when a more specific group is named ("4,000
    people were tortured ... the detainees"): event coders list the group once, by its
    most specific name."""
    kept: list[Actor] = []
    for actor in sorted(targets, key=lambda a: a.span.start):
        before = text[max(0, actor.span.start - 60):actor.span.start]
        if kept and actor.kind == "group" and _SUBGROUP_CUE.search(before):
            continue
        if actor.name == MEDIA and STAFF_OF.search(before):
            actor = replace(actor, name=JOURNALISTS)
        kept.append(actor)
    kept = [at_a_protest(text, a) for a in kept if not (a.kind == "group" and (_quoted(text, a) or _named(text, a)))]
    specific = [a for a in kept if a.kind == "group" and a.span.text.lower() not in _UNSPECIFIC]
    if specific:
        kept = [a for a in kept if not (a.kind == "group" and a.span.text.lower() in _UNSPECIFIC)]
    # "civilians" says no more than people: coders name a group once, by its most specific name
    # ("killed hundreds of Masalit civilians", "camps for displaced people, killing nine civilians",
    # "a man who had been tortured in custody" among prisoners); the gold never lists both
    if any(a.kind == "group" and a.name != CIVILIANS for a in kept):
        kept = [a for a in kept if a.name != CIVILIANS]
    return kept


# A capitalised word after a lower-case one, right before a capitalised group word: the head of a
# name ("the Saturday Mothers"); a demonym is none ("the Afghan Women's Network" aside, rare).
_NAME_HEAD = re.compile(r"(?:^|\s)[a-z]+\s+([A-Z][a-z]+)\s+$")


def _named(text: str, actor: Actor) -> bool:
    """A capitalised group word that ends another name ("prevented the Saturday Mothers from holding
    their vigil": a group of relatives, not women): part of the name, not a target."""
    if not actor.span.text[:1].isupper() or " " in actor.span.text:
        return False
    head = _NAME_HEAD.search(text, max(0, actor.span.start - 40), actor.span.start)
    return head is not None and head.group(1) not in demonyms().values()


def _quoted(text: str, actor: Actor) -> bool:
    """A capitalised group word inside a quoted name or slogan ("the 'Woman, Life, Freedom' protests"):
    part of the name, not a target."""
    if not actor.span.text[:1].isupper():
        return False
    line_start = max(text.rfind("\n", 0, actor.span.start), text.rfind(". ", 0, actor.span.start))
    before = text[line_start + 1:actor.span.start]
    return sum(before.count(q) for q in ('"', "\u201c", "\u201d")) % 2 == 1


def names_agent(actors: Sequence[Actor]) -> bool:
    """Whether ``actors`` include one that could be an agent (a state or armed actor, a tribunal)."""
    return any(a.kind in ACTING_KINDS or a.kind == "tribunal" for a in actors)


def story_perpetrators(incidents: Sequence[Incident], agentless: set[int]) -> list[Incident]:
    """Incidents of a sentence that names no state or armed actor (its start offset in
    ``agentless``), with the perpetrators of the nearest incident of the same type and story.

    Reports name the agent once ("police arrested the editor on Friday") and tell the rest in
    the passive ("she was detained for three days"); event coders read the whole story, so such
    an act is coded with the agent the story gives for acts of its type. A sentence that names
    an armed actor keeps what its own parse says, and each carried actor keeps the span where
    it is named."""
    out = list(incidents)
    for i, incident in enumerate(incidents):
        if incident.perpetrators or incident.evidence[0].start not in agentless or tried_for(incident):
            continue  # an act told as a charge is the accused's
        donors = [(abs(j - i), j > i, other) for j, other in enumerate(incidents)
                  if j != i and other.story == incident.story and other.type == incident.type
                  and incident.type in _CARRIED and names_agent(other.perpetrators)
                  # a kidnapping never takes the agent of an arrest, nor an arrest a kidnapper
                  and is_kidnapping(other) == is_kidnapping(incident)]
        if donors:
            donor = min(donors, key=lambda d: d[:2])[2]
            carried = tuple(a for a in donor.perpetrators if (a.kind in ACTING_KINDS or a.kind == "tribunal")
                            and (incident.type != "legal_proceeding" or judges(a))
                            and a.name not in (SUSPECTS, CONVICTS))
            out[i] = replace(incident, perpetrators=carried)
    return out


# Abuses one sentence tells together ("were seized, beaten and killed in detention by Sudanese
# troops", "the killing of three journalists by militias, while kidnappings ..."): one agent.
# An arrest by the authorities is never a donor: "police arrested a suspect in the killing of ..."
# does not make the police the killers.
_ABUSES = frozenset({"killing", "torture", "disappearance", "attack", "arrest"})


def sentence_perpetrators(incidents: Sequence[Incident]) -> list[Incident]:
    """Abuses with no perpetrator, with the state or armed agent another abuse of the same sentence
    has (the parse often hangs a shared "by" phrase on one verb of a coordination only)."""
    out = list(incidents)
    for i, incident in enumerate(incidents):
        if incident.perpetrators or incident.type not in _ABUSES or tells_battle(incident.summary):
            continue
        start = incident.evidence[0].start
        # the people an arrest holds are the ones "beaten during interrogation": its agent is theirs
        donors = [other for other in incidents if other is not incident and other.evidence[0].start == start
                  and other.type in _ABUSES and (other.type != "arrest" or other.subtype == "abduction"
                                                 or incident.type == "torture")
                  and any(a.kind in ACTING_KINDS for a in other.perpetrators) and not _apart(incident, other)
                  and not _tie_elsewhere(incident, other)]
        if donors:
            out[i] = replace(incident, perpetrators=tuple(a for a in donors[0].perpetrators if a.kind in ACTING_KINDS))
    return out


def victims_are_no_agents(incidents: Sequence[Incident]) -> list[Incident]:
    """Incidents without a perpetrator whose words are a victim's: its own target's ("the shooting of
    two policemen": the policemen were shot, and an agent lent from another act of the story under
    those words is a misread), or, for a trial, a target of an abuse its sentence tells ("found
    guilty of offences that included the killing of policemen": the policemen are the victims of
    the crime tried, not the court that tried it)."""
    victims: dict[int, set[tuple[int, int]]] = {}
    for incident in incidents:
        if incident.type in _ABUSES:
            victims.setdefault(incident.evidence[0].start, set()).update(_named_spans(incident.targets, incident))
    out = []
    for incident in incidents:
        if incident.type not in _ABUSES and incident.type != "legal_proceeding":
            out.append(incident)  # a protest's people are its agents and, read from its word, its subject
            continue
        spans = _named_spans(incident.targets, incident)
        if incident.type == "legal_proceeding":
            spans |= victims.get(incident.evidence[0].start, set())
        agents = _named_spans(incident.perpetrators, incident)
        if agents & spans:
            incident = replace(incident, perpetrators=tuple(a for a in incident.perpetrators
                                                            if (a.span.start, a.span.end) not in spans))
        out.append(incident)
    return out


def agents_before_groups(incident: Incident) -> Incident:
    """An abuse's state and armed agents listed before the affected groups the parse also made its
    perpetrators ("almost all his friends except one woman were dead ... the military"): people,
    women or journalists named beside an army or a militia are what the act befell or a misread,
    and the first perpetrator is the one a reader takes for the agent. Other acts keep their order
    (a protest's people are its agents)."""
    if incident.type not in _ABUSES or not any(a.kind == "group" for a in incident.perpetrators):
        return incident
    return replace(incident, perpetrators=tuple(sorted(incident.perpetrators, key=lambda a: a.kind == "group")))


def _named_spans(actors: Sequence[Actor], incident: Incident) -> set[tuple[int, int]]:
    """The spans of the actors the text names, not those implied by the act's own words (the trigger)."""
    trigger = (incident.trigger.start, incident.trigger.end) if incident.trigger is not None else None
    return {(a.span.start, a.span.end) for a in actors} - {trigger}


def _apart(incident: Incident, other: Incident) -> bool:
    """Whether a semicolon parts the two acts' words: "militias killed hundreds ...; on 14 June, the
    governor was killed" tells two events of one sentence, each with its own agent or none."""
    if incident.trigger is None or other.trigger is None:
        return False
    start = incident.evidence[0].start
    first, second = sorted((incident.trigger.start, other.trigger.start))
    return ";" in incident.summary[first - start:second - start]


# A clause of its own after the act a charge or a verdict ties: a comma, then a conjunction or a
# speaker's verb ("convicted of killing a guard, although the men said they were tortured").
_OTHER_CLAUSE = re.compile(r"[,;:\u2013\u2014]\s*(?:although|though|while|whereas|but|yet|because|after|when)\b|"
                           r"\b(?:said|says|told|claimed|alleged|denied|insisted)\b", re.IGNORECASE)


def _tie_elsewhere(incident: Incident, other: Incident) -> bool:
    """Whether ``other`` lends only the unnamed agents of a charge or a verdict (``suspects``,
    ``convicts``) to an act told in another clause of the sentence: those convicted of a killing
    are no agents of the torture they say made them confess; a coordinated act ("convicted of
    kidnapping and torturing a trader") is in the verdict's clause and shares them."""
    acting = [a for a in other.perpetrators if a.kind in ACTING_KINDS]
    if not acting or any(a.name not in (SUSPECTS, CONVICTS) for a in acting):
        return False
    if incident.trigger is None or other.trigger is None:
        return False
    start = incident.evidence[0].start
    first, second = sorted((incident.trigger.start, other.trigger.start))
    return _OTHER_CLAUSE.search(incident.summary, first - start, second - start) is not None


# Acts whose agent a story names once: abuses and the trials of them (never a protest's
# participants, a statement's speaker or a mob's arson).
_CARRIED = frozenset({"arrest", "disappearance", "torture", "killing", "attack", "legal_proceeding"})
