"""Roles read beyond one sentence's parse: a protest's participants, a target list without
its subgroups, and the agent a story names once for the acts it then tells in the passive.

``roles.actor_roles`` gives each actor of a sentence its role from the dependency parse;
these functions refine those roles with what the sentence's words or the rest of the story
say (docs/extraction-fields.md, "Perpetrators and targets").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from factfinder.extract.roles import ARMED_KINDS, ACTING_KINDS, add_actor as _add
from factfinder.model import Actor, Incident, Span


# Who stages a protest: its participants, never the forces policing it.
_PROTESTING_KINDS = frozenset({"group", "ngo"})
_PROTESTERS = "protesters"


def protest_roles(perpetrators: Sequence[Actor], targets: Sequence[Actor], trigger: Span
                  ) -> tuple[list[Actor], list[Actor]]:
    """Roles of a protest, as event coders give them: the actor of a protest is the group
    that protests ("journalists protested", "police detained protesters at a rally": the
    journalists, the protesters), and a force in its clause polices it rather than stages
    it. A protest whose participants are not named is staged by "protesters", with the
    trigger word ("protests", "rallied") as the mention: a protest implies them."""
    participants = [a for a in list(perpetrators) + list(targets) if a.kind in _PROTESTING_KINDS]
    found: list[Actor] = []
    for actor in participants:
        _add(found, actor)
    if not found:
        found.append(Actor(_PROTESTERS, trigger, "group"))
    rest = [a for a in targets if a.kind not in _PROTESTING_KINDS and a.kind not in ARMED_KINDS]
    return found, rest


# "12 people, including two women": the part named after these words belongs to the
# group already named, not another target.
_SUBGROUP_CUE = re.compile(r"\b(?:including|among them|among whom|of whom|many of them|most of them|such as)\b"
                           r"[^,;.]{0,40}$", re.IGNORECASE)
# Mentions that say no more than "people": the group a more specific target names.
_UNSPECIFIC = frozenset({"people", "persons", "person"})


# "people protesting", "people at the Pride march", "people who had gathered": the people
# an arrest or a dispersal names in the clause of a protest are its protesters.
_PROTEST_AFTER = re.compile(r"^[^,;.]{0,60}?\b(?:protest\w*|demonstrat\w*|rall(?:y|ies|ied)|march(?:es|ed|ing)?|"
                            r"gathered|sit-ins?|vigils?)\b", re.IGNORECASE)
_CIVILIANS = "civilians"


def _at_a_protest(text: str, actor: Actor) -> Actor:
    if actor.name != _CIVILIANS or not _PROTEST_AFTER.search(text[actor.span.end:actor.span.end + 80]):
        return actor
    return Actor(_PROTESTERS, actor.span, actor.kind)


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
        kept.append(actor)
    kept = [_at_a_protest(text, a) for a in kept]
    specific = [a for a in kept if a.kind == "group" and a.span.text.lower() not in _UNSPECIFIC]
    if specific:
        kept = [a for a in kept if not (a.kind == "group" and a.span.text.lower() in _UNSPECIFIC)]
    return kept


# A battle between parties: its deaths have no one agent, so none is carried into it.
_BATTLE = re.compile(r"\b(?:battles?|fighting|fought|clash(?:es|ed)?|combat|crossfire|offensive)\b", re.IGNORECASE)


def tells_battle(text: str) -> bool:
    """Whether a sentence tells of fighting between parties ("during the two-day battle")."""
    return bool(_BATTLE.search(text))


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
        if incident.perpetrators or incident.evidence[0].start not in agentless:
            continue
        donors = [(abs(j - i), j > i, other) for j, other in enumerate(incidents)
                  if j != i and other.story == incident.story and other.type == incident.type
                  and incident.type in _CARRIED and names_agent(other.perpetrators)]
        if donors:
            donor = min(donors, key=lambda d: d[:2])[2]
            out[i] = replace(incident, perpetrators=tuple(a for a in donor.perpetrators if a.kind in ACTING_KINDS))
    return out


# Acts whose agent a story names once: abuses and the trials of them (never a protest's
# participants, a statement's speaker or a mob's arson).
_CARRIED = frozenset({"arrest", "disappearance", "torture", "killing", "attack", "legal_proceeding"})
