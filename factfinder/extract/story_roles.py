"""Roles read beyond one sentence's parse: a protest's participants and what it is against, a
target list without its subgroups, the agent a story (or a sentence) names once for the acts it
then tells in the passive, and the state body an agentless act only a state does implies.

``roles.actor_roles`` gives each actor of a sentence its role from the dependency parse;
these functions refine those roles with what the sentence's words or the rest of the story
say (docs/extraction-fields.md, "Perpetrators and targets").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from factfinder.extract.roles import ARMED_KINDS, ACTING_KINDS, add_actor as _add
from factfinder.model import Actor, Incident, Span


# Who stages a protest: its participants, never the forces policing it.
_PROTESTING_KINDS = frozenset({"group", "ngo"})
_PROTESTERS = "protesters"


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
        [Actor(_PROTESTERS, a.span, "group") for a in targets if a.kind in _PROTESTING_KINDS]
    found: list[Actor] = []
    for actor in participants:
        # "residents protested", "people protesting": people who protest are protesters
        _add(found, Actor(_PROTESTERS, actor.span, actor.kind) if actor.name == _CIVILIANS else actor)
    if any(a.name == _PROTESTERS for a in found):
        found = [a for a in found if a.name == _PROTESTERS]  # "opposition supporters protesting": the coders' actor
    if any(a.name == "political prisoners" for a in found):
        found = [a for a in found if a.name != "prisoners"]  # the more specific name of the same people
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


# "people protesting", "people at the Pride march", "people who had gathered": the people an arrest
# or a dispersal names in the clause of a protest are its protesters ("in March" is the month).
_PROTEST_AFTER = re.compile(r"^[^,;.]{0,60}?\b(?:protest\w*|demonstrat\w*|rall(?:y|ies|ied)|(?-i:march(?:es|ed|ing)?)|"
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
    kept = [_at_a_protest(text, a) for a in kept if not (a.kind == "group" and _quoted(text, a))]
    specific = [a for a in kept if a.kind == "group" and a.span.text.lower() not in _UNSPECIFIC]
    if specific:
        kept = [a for a in kept if not (a.kind == "group" and a.span.text.lower() in _UNSPECIFIC)]
    if any(a.name == _PROTESTERS for a in kept):  # the people of a protest, by their coders' name
        kept = [a for a in kept if a.name != _CIVILIANS]
    return kept


def _quoted(text: str, actor: Actor) -> bool:
    """A capitalised group word inside a quoted name or slogan ("the 'Woman, Life, Freedom' protests"):
    part of the name, not a target."""
    if not actor.span.text[:1].isupper():
        return False
    line_start = max(text.rfind("\n", 0, actor.span.start), text.rfind(". ", 0, actor.span.start))
    before = text[line_start + 1:actor.span.start]
    return sum(before.count(q) for q in ('"', "\u201c", "\u201d")) % 2 == 1


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
                  and incident.type in _CARRIED and names_agent(other.perpetrators)
                  # a kidnapping never takes the agent of an arrest, nor an arrest a kidnapper
                  and is_kidnapping(other) == is_kidnapping(incident)]
        if donors:
            donor = min(donors, key=lambda d: d[:2])[2]
            carried = tuple(a for a in donor.perpetrators if (a.kind in ACTING_KINDS or a.kind == "tribunal")
                            and (incident.type != "legal_proceeding" or _judges(a)) and a.name != SUSPECTS)
            out[i] = replace(incident, perpetrators=carried)
    return out


# The words of a kidnapping: an arrest incident whose trigger is one of them is the kidnapping (its
# subtype alone says only that the sentence names one: "arrested over the kidnapping of ...").
KIDNAP_WORD = re.compile(r"kidnap|abduct|hostage|captive|ransom", re.IGNORECASE)
# The unnamed suspects of one crime (extract/suspects.py): tied to their act, never carried to another.
SUSPECTS = "suspects"


def is_kidnapping(incident: Incident) -> bool:
    """An arrest incident told by a word of kidnapping ("abducted", "hostages"), not of arresting."""
    return incident.type == "arrest" and incident.trigger is not None and bool(KIDNAP_WORD.search(incident.trigger.text))


def _judges(actor: Actor) -> bool:
    """A court or tribunal: the only agent a trial or sentence carries to the story's other trials
    (the police that arrested the defendant did not sentence them)."""
    return actor.kind == "tribunal" or actor.name.endswith(("courts", "judiciary"))


# Abuses one sentence tells together ("were abducted, tortured and killed in custody by Pakistani
# forces", "the killing of three journalists by militias, while kidnappings ..."): one agent.
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
        donors = [other for other in incidents if other is not incident and other.evidence[0].start == start
                  and other.type in _ABUSES and (other.type != "arrest" or other.subtype == "abduction")
                  and any(a.kind in ACTING_KINDS for a in other.perpetrators)]
        if donors:
            out[i] = replace(incident, perpetrators=tuple(a for a in donors[0].perpetrators if a.kind in ACTING_KINDS))
    return out


# Acts whose agent a story names once: abuses and the trials of them (never a protest's
# participants, a statement's speaker or a mob's arson).
_CARRIED = frozenset({"arrest", "disappearance", "torture", "killing", "attack", "legal_proceeding"})


# Acts only a state does, told without their agent ("three men were sentenced to death", "over 500
# people were detained in July"): event coders code the state body that does them, of the report's
# country ("Iranian courts"), and so does the project's gold (tests/gold/README.md). Each rule:
# the incident types, a pattern its trigger words must match, a pattern its sentence must match
# (None: any), a pattern its sentence must not match, and the body (actors.state_body).
_CUSTODY = r"\b(?:custody|detention|detain\w*|prisons?|prisoners?|inmates?|jail\w*|penal|colony|cells?|" \
           r"police stations?|interrogat\w*|confessions?)\b"
_PRISON = re.compile(r"\b(?:prisons?|prisoners?|inmates?|jail\w*|penal|colony|cells?|wardens?|guards?|custodial|"
                     r"detention (?:centre|center|facility)s?)\b", re.I)
_PRIVATE = r"\b(?:kidnap\w*|abduct\w*|hostages?|ransom|bandits?|gunmen|gangs?|employers?|mobs?)\b"
_Rule = tuple[frozenset[str], "re.Pattern[str]", "re.Pattern[str] | None", "re.Pattern[str] | None", str]
_IMPLIED: tuple[_Rule, ...] = tuple(
    (frozenset(types.split()), re.compile(trigger, re.I), re.compile(sentence, re.I) if sentence else None,
     re.compile(unless, re.I) if unless else None, body)
    for types, trigger, sentence, unless, body in (
        ("legal_proceeding", r"sentenc|convict|fine[ds]?\b|jail|imprison|acquit|trial|tried|verdict|rul(?:ed|ing)|"
                             r"uph[oe]ld|order|court", None, None, "courts"),
        ("killing", r"hang|hanged", None, None, "courts"),
        ("killing", r"execut", r"\b(?:sentenc\w*|convict\w*|courts?|death penalty)\b", None, "courts"),
        ("killing", r".", r"\b(?:died|death|deaths) (?:\w+ ){0,2}in (?:police |military )?(?:custody|detention|prison)",
         None, "custody"),
        ("arrest", r"arrest|detain|detention|jail|imprison|custody|round|apprehend|remand|incommunicado|held|lock",
         None, _PRIVATE, "security forces"),
        ("torture", r".", _CUSTODY, _PRIVATE, "custody"),
        ("disappearance", r".", r"\b(?:enforced|forcibly|forced)\b", _PRIVATE, "security forces"),
        ("humanitarian", r".", _CUSTODY, None, "prison authorities"),
        ("restriction legislation designation transnational_repression", r".", None, None, "authorities"),
    ))


def implied_agents(incidents: Sequence[Incident], state_body: Callable[[str], tuple[str, str]]) -> list[Incident]:
    """Incidents with no perpetrator, with the state body their act implies (``_IMPLIED``).

    ``state_body(body)`` names a generic body in the report's country ("courts" -> "Iranian courts").
    The implied actor's span is the trigger, the words that imply it. A sentence that names a
    private agent's words ("kidnapped", "ransom", "gunmen") gets none: those acts are not the state's.
    """
    out = []
    for index, incident in enumerate(incidents):
        if incident.type in _STATE_ACTS and any(a.kind == "group" for a in incident.perpetrators):
            incident = _groups_undergo(incident)
        if not incident.perpetrators and incident.trigger is not None:
            body = _implied_body(incident)
            if body:
                named = _story_state_body(incidents, index)
                name, kind = state_body(body)
                incident = replace(incident, perpetrators=named or (Actor(name, incident.trigger, kind),))
        if incident.type == "legal_proceeding" and not incident.targets and _LIABLE_STATE.search(incident.summary):
            name, kind = state_body("authorities")  # "ordered the state to pay compensation"
            if name != "authorities":
                incident = replace(incident, targets=(Actor(name, incident.trigger or incident.evidence[0], kind),))
        if incident.type == "torture" and not incident.targets:
            # "over 500 people were detained ..., and several of them said they had been beaten in custody"
            held = next((i.targets for i in incidents if i.type == "arrest" and i.targets
                         and i.evidence[0].start == incident.evidence[0].start), ())
            incident = replace(incident, targets=tuple(a for a in held if a.kind == "group"))
        if incident.type in ("torture", "humanitarian") and not incident.targets:
            incident = _held_people(incident)
        if incident.type == "humanitarian" and not incident.targets and incident.trigger is not None:
            # aid blocked, shortages, care denied with no one named: the civilians who go without
            incident = replace(incident, targets=(Actor(_CIVILIANS, incident.trigger, "group"),))
        out.append(incident)
    return out


def _story_state_body(incidents: Sequence[Incident], index: int) -> tuple[Actor, ...]:
    """The state body the story names for acts of this type ("police arrested two men ...", then "the
    arrest of their union leader"): an implied agent is that body rather than a generic one (a court
    for a trial), from the nearest such incident, each actor with the span where it is named."""
    incident = incidents[index]
    donors = sorted((abs(j - index), j > index, j) for j, other in enumerate(incidents)
                    if j != index and other.story == incident.story and other.story is not None
                    and other.type == incident.type and is_kidnapping(other) == is_kidnapping(incident))
    for _, _, j in donors:
        state = tuple(a for a in incidents[j].perpetrators if a.kind in ("state_force", "government", "tribunal")
                      and a.span != incidents[j].trigger  # named in the text, not itself implied
                      and (incident.type != "legal_proceeding" or _judges(a)))
        if state:
            return state
    if incident.type not in ("arrest", "torture") or is_kidnapping(incident):
        return ()
    # an arrest or ill-treatment told without its agent, in a story whose forces are named for
    # another act ("officers fired tear gas at the protesters ... and detained 17 of them"): those forces
    others = sorted((abs(j - index), j) for j, other in enumerate(incidents)
                    if j != index and other.story == incident.story and other.story is not None)
    for _, j in others:
        forces = tuple(a for a in incidents[j].perpetrators if a.kind == "state_force" and a.span != incidents[j].trigger)
        if forces:
            return forces
    return ()


_LIABLE_STATE = re.compile(r"\b(?:ordered|required|obliged|directed) the (?:state|government|authorities) to "
                           r"(?:pay|compensate|release|return|reinstate|restore)\b", re.IGNORECASE)


# Acts an affected group never does: people, journalists or prisoners named as their agent are a
# misread ("Journalists A, B and C arrested for their reporting", a list of names the parse takes
# for the subject): they are what the act happened to.
_STATE_ACTS = frozenset({"arrest", "disappearance", "torture", "legal_proceeding", "humanitarian"})


def _groups_undergo(incident: Incident) -> Incident:
    targets = list(incident.targets)
    for actor in incident.perpetrators:
        if actor.kind == "group" and not any(t.span.start == actor.span.start for t in targets):
            _add(targets, actor)
    return replace(incident, perpetrators=tuple(a for a in incident.perpetrators if a.kind != "group"),
                   targets=tuple(targets))


_HELD = re.compile(r"\b(?:in (?:police |military |pre-trial )?(?:custody|detention)|places? of detention|detainees?|"
                   r"inmates?|prisoners?|"
                   r"(?:pre-trial )?detention (?:centres?|centers?|facilit(?:y|ies))|prisons?|penal colon(?:y|ies))\b",
                   re.IGNORECASE)


def _held_people(incident: Incident) -> Incident:
    """Ill-treatment or care denied "in custody" with no victim named: the people held, "prisoners"
    (the words that say so are the mention)."""
    evidence = incident.evidence[0]
    found = _HELD.search(evidence.text)
    if found is None:
        return incident
    span = Span(evidence.start + found.start(), evidence.start + found.end(), found.group())
    return replace(incident, targets=(Actor("prisoners", span, "group"),))


# "was sentenced ... for torture", "charged with abetting torture": the act a trial is about, whose
# agent is the accused, not a state body.
_TRIED_FOR = re.compile(r"\b(?:sentenc\w*|convict\w*|charged|charges|trial|tried|accused|guilty|indicted|"
                        r"prosecut\w*|jailed|imprisoned|arrested|detained)\b[^.;]{0,40}\b(?:for|of|over|with)\b"
                        r"[^.;]{0,30}$", re.IGNORECASE)


def _implied_body(incident: Incident) -> str | None:
    sentence = incident.summary
    if incident.trigger is None:
        return None
    if incident.type != "legal_proceeding":
        evidence = incident.evidence[0]
        before = incident.trigger.start - evidence.start
        if 0 <= before <= len(evidence.text) and _TRIED_FOR.search(evidence.text[:before]):
            return None
    if incident.trigger is None:
        return None
    for types, trigger, needs, unless, body in _IMPLIED:
        if incident.type not in types or not trigger.search(incident.trigger.text):
            continue
        if (needs and not needs.search(sentence)) or (unless and unless.search(sentence)):
            continue
        if body == "custody":
            return "prison authorities" if _PRISON.search(sentence) else "security forces"
        return body
    return None


# Acts against a protest told in its sentence ("police detained people during the protests"):
# the generic people they name are its protesters.
_AGAINST_PROTEST = frozenset({"arrest", "attack", "killing", "torture", "legal_proceeding"})


def _protesters_of(incident: Incident) -> Incident:
    targets: list[Actor] = []
    for actor in incident.targets:
        _add(targets, Actor(_PROTESTERS, actor.span, actor.kind) if actor.name == _CIVILIANS else actor)
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
                incident = replace(incident, targets=(Actor(_PROTESTERS, incident.trigger, "group"),))
        elif incident.story is not None and first_protest.get(incident.story, start) < start and incident.targets \
                and all(a.name == _CIVILIANS for a in incident.targets) \
                and (incident.type in ("arrest", "torture") or _UNREST.search(incident.summary)):
            # "over 500 people were detained in July", "sentenced 22 people over the unrest", told after
            # the protests of the paragraph: the people are its protesters (not those a strike killed)
            incident = _protesters_of(incident)
        # a hunger strike in prison is the prisoners' ("a lawyer held in pre-trial detention went on hunger
        # strike"); a protest prisoners stage is against the prison authorities
        in_prison = bool((_PRISON.search(incident.summary) or _HELD.search(incident.summary))
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
