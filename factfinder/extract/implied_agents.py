"""Acts only a state does, told without their agent: the state body they imply.

"Three men were sentenced to death", "over 500 people were detained in July": reports leave out
the agent such an act implies; event coders code the state body that does it, of the report's
country, and so does the project's gold (docs/extraction-fields.md, "Acts only a state does").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from factfinder.extract.convicts import CONVICTS
from factfinder.extract.role_words import CIVILIANS, CUSTODY, HELD, PRISON, SUSPECTS, is_kidnapping, judges, \
    tells_battle, tried_for
from factfinder.extract.roles import ACTING_KINDS, add_actor as _add
from factfinder.model import Actor, Incident, Span, Story
from factfinder.text.legislators import MEMBERS
from factfinder.text.stories import head_story


# Acts only a state does, told without their agent ("three men were sentenced to death", "over 500
# people were detained in July"): event coders code the state body that does them, of the report's
# country ("Iranian courts"), and so does the project's gold (tests/gold/README.md). Each rule:
# the incident types, a pattern its trigger words must match, a pattern its sentence must match
# (None: any), a pattern its sentence must not match, and the body (actors.state_body).
_PRIVATE = r"\b(?:kidnap\w*|abduct\w*|hostages?|ransom|bandits?|gunmen|gangs?|employers?|mobs?)\b"
# Members of a legislature, as the ones who table a bill.
# A legislator in the sentence: the members of ``text/legislators`` and, for this test only,
# the words that say a bill is a legislature's without naming a member as one noun ("Sen.",
# "congressional", "members of parliament") and members of a European or a state assembly.
_LEGISLATOR = (rf"\b(?:{MEMBERS}|sen\.|congressional|MEPs?|"
               r"members? of (?:the )?(?:\w+ )?(?:parliament|congress|assembly)|assembly(?:wo)?m[ae]n)\b")
_Rule = tuple[frozenset[str], "re.Pattern[str]", "re.Pattern[str] | None", "re.Pattern[str] | None", str]
_IMPLIED: tuple[_Rule, ...] = tuple(
    (frozenset(types.split()), re.compile(trigger, re.I), re.compile(sentence, re.I) if sentence else None,
     re.compile(unless, re.I) if unless else None, body)
    for types, trigger, sentence, unless, body in (
        ("legal_proceeding", r"sentenc|convict|fine[ds]?\b|jail|imprison|acquit|trial|tried|verdict|rul(?:ed|ing)|"
                             r"uph[oe]ld|order|court", None, None, "courts"),
        ("killing", r"hang|hanged", None, None, "courts"),
        ("killing", r"execut", r"\b(?:sentenc\w*|convict\w*|courts?|death penalty)\b", None, "courts"),
        # "a dozen prisoners were executed in the kingdom last month": an execution is the state's unless the sentence
        # names a private or armed party ("the group executed the hostages")
        ("killing", r"^execut", None, _PRIVATE + r"|\b(?:militants?|insurgents?|rebels?|jihadis\w*|terroris\w*|group|"
                                                 r"fighters|extrajudicial\w*|summar\w*)\b", "authorities"),
        # "extrajudicial killings", "drug war killings": killings by a state's agents by definition
        ("killing", r"kill|murder|execut|death", r"\b(?:extra-?judicial(?:ly)?|drug[- ]war)\s+(?:\w+\s+)?"
                                                 r"(?:kill|murder|execut|death)", None, "security forces"),
        ("killing", r".", r"\b(?:died|death|deaths) (?:\w+ ){0,2}in (?:police |military |pre-trial )?(?:custody|detention|"
                          r"prisons?|jail|penal colon(?:y|ies)|prison colon(?:y|ies)|detention (?:centre|center|facility))",
         None, "custody"),
        ("arrest", r"arrest|detain|detention|jail|imprison|custody|round|apprehend|remand|incommunicado|held|lock",
         None, _PRIVATE, "security forces"),
        ("torture", r".", CUSTODY, _PRIVATE, "custody"),
        ("disappearance", r".", r"\b(?:enforced|forcibly|forced)\b", _PRIVATE, "security forces"),
        # "were killed during a crackdown on the protests", "a crackdown by security services which has
        # seen journalists arrested or abducted": a crackdown is the state's, whatever the verb of its victims
        ("killing arrest torture disappearance attack", r".", r"\bcrack(?:ed)?[- ]?downs?\b", None,
         "security forces"),
        ("humanitarian", r".", CUSTODY, None, "prison authorities"),
        # a bill a legislator introduces is that member's, not the government's of the report's country
        # ("a Quebec senator will introduce a bill" in a digest about China)
        ("legislation", r".", None, _LEGISLATOR, "authorities"),
        ("restriction designation transnational_repression", r".", None, None, "authorities"),
    ))


def implied_agents(incidents: Sequence[Incident], state_body: Callable[[str], tuple[str, str]], *,
                   story_agents: bool = True) -> list[Incident]:
    """Incidents with no perpetrator, with the state body their act implies (``_IMPLIED``).

    ``state_body(body)`` names a generic body in the report's country ("courts" -> "Iranian courts").
    The implied actor's span is the trigger, the words that imply it. A sentence that names a
    private agent's words ("kidnapped", "ransom", "gunmen") gets none: those acts are not the state's.
    With ``story_agents`` (a news story, not a report's list of separate events), an abuse still
    without agent takes the one the story names for its nearest other abuse (``_story_agents``).
    """
    out = []
    for index, incident in enumerate(incidents):
        if incident.type in _STATE_ACTS and any(a.kind == "group" for a in incident.perpetrators):
            incident = _groups_undergo(incident)
        if not incident.perpetrators and incident.trigger is not None:
            body = _implied_body(incident)
            if body:
                named = _story_state_body(incidents, index, story_agents)
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
            incident = replace(incident, targets=(Actor(CIVILIANS, incident.trigger, "group"),))
        out.append(incident)
    return _story_agents(out) if story_agents else out


# Abuses of people whose agent a story names once, for one act, and leaves out for another ("the
# killing of the editor" in the lead, "police detained his colleagues" later): a coder reading the
# whole story codes the agent it names for its abuses.
_ABUSES_OF_PEOPLE = frozenset({"arrest", "disappearance", "torture", "killing"})
# "stoned to death in Harare by supporters of the ruling party": the sentence names its agent,
# one the actor table does not know, so the story's agent is not the act's.
_BY_AGENT = re.compile(r"[^.;:]{0,60}?\bby\s+(?!the time\b|then\b|now\b|far\b|contrast\b)", re.IGNORECASE)


# A lynching or a mob's killing (taxonomy subtype): the crowd did it, never the police or the army the
# story names for another act (the arrest of someone who praised the lynching).
_MOB = "mob_violence"


def _story_agents(incidents: list[Incident]) -> list[Incident]:
    """Abuses of people still without perpetrator (no named agent, none implied), with the state or
    armed agent the story names for its nearest other abuse (a kidnapping never takes an arrest's
    agent, nor an arrest a kidnapper's, nor a lynching anyone's), each actor with the span where it is named."""
    out = list(incidents)
    for i, incident in enumerate(incidents):
        if incident.perpetrators or incident.type not in _ABUSES_OF_PEOPLE or incident.trigger is None \
                or incident.story is None or tells_battle(incident.summary) or tried_for(incident) \
                or incident.subtype == _MOB \
                or _BY_AGENT.match(incident.summary, incident.trigger.end - incident.evidence[0].start):
            continue
        donors = sorted((abs(j - i), j < i, j) for j, other in enumerate(incidents)
                        if j != i and other.story == incident.story and other.type in _ABUSES_OF_PEOPLE | {"attack"}
                        and _named_agents(other) and _may_lend(other, incident))
        if donors:
            out[i] = replace(incident, perpetrators=_named_agents(incidents[donors[0][2]]))
    return out


def head_agents(incidents: Sequence[Incident], stories: Sequence[Story]) -> list[Incident]:
    """Abuses of the document's head story (a headline, caption or short lead that story
    segmentation set apart: ``text.stories.head_story``) still without perpetrator, with the agent
    the body names for the first act of the same type it tells. "Journalist abducted in the capital" over "Gunmen
    abducted the editor on Friday ...": the caption tells the body's act without its agent, and a
    coder reading the article codes the body's (the same type and, for an arrest, the same
    kidnapping or arrest: ``_may_lend``)."""
    head = head_story(stories)
    if head is None:
        return list(incidents)
    out = list(incidents)
    for i, incident in enumerate(incidents):
        if incident.story != head or incident.perpetrators or incident.type not in _ABUSES_OF_PEOPLE \
                or incident.trigger is None or tells_battle(incident.summary) or tried_for(incident) \
                or incident.subtype == _MOB:
            continue
        donor = next((other for other in incidents if other.story is not None and other.story != head
                      and other.type == incident.type and is_kidnapping(other) == is_kidnapping(incident)
                      and _named_agents(other)), None)
        if donor is not None:
            out[i] = replace(incident, perpetrators=_named_agents(donor))
    return out


def _named_agents(incident: Incident) -> tuple[Actor, ...]:
    """The state and armed agents an incident's text names (not implied, not a crime's suspects nor
    its convicts: those of one act's charge or verdict did not do the story's other acts)."""
    return tuple(a for a in incident.perpetrators
                 if a.kind in ACTING_KINDS and a.name not in (SUSPECTS, CONVICTS) and a.span != incident.trigger)


def _may_lend(donor: Incident, incident: Incident) -> bool:
    """A kidnapping never lends its agent to an arrest, nor an arrest to a kidnapping; a raid that
    freed people lends none (the police who freed the children held in chains did not chain them)."""
    if donor.type != incident.type and _RESCUE.search(donor.summary):
        return False
    return not (donor.type == incident.type == "arrest" and is_kidnapping(donor) != is_kidnapping(incident))


_RESCUE = re.compile(r"\b(?:freed|rescued|liberated|rescuing|freeing)\b", re.IGNORECASE)


def _story_state_body(incidents: Sequence[Incident], index: int, story_agents: bool = True) -> tuple[Actor, ...]:
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
                      and (incident.type != "legal_proceeding" or judges(a)))
        if state:
            return state
    if incident.type not in ("arrest", "torture") or is_kidnapping(incident):
        return ()
    # an arrest or ill-treatment told without its agent, in a story whose forces are named for
    # another act of its sentence ("officers fired tear gas at the protesters ... and detained 17 of
    # them"): those forces; or the force a court orders to pay for it ("ordered the police to pay
    # damages to a trader who had been detained"). In a report's list of separate events (no
    # ``story_agents``) only a sentence before it can name them ("Seventeen of them were later
    # detained"): the force of a later sentence's act did that act ("the trial of officers of the
    # Republican Guard over a killing" does not make the guard the jailers of the sentence before).
    others = sorted((abs(j - index), j) for j, other in enumerate(incidents)
                    if j != index and other.story == incident.story and other.story is not None
                    and (story_agents or j < index or other.evidence[0].start == incident.evidence[0].start))
    for _, j in others:
        forces = tuple(a for a in incidents[j].perpetrators if a.kind == "state_force" and a.span != incidents[j].trigger)
        if not forces and incidents[j].type == "legal_proceeding" and _LIABLE_BODY.search(incidents[j].summary):
            forces = tuple(a for a in incidents[j].targets if a.kind == "state_force")
        if forces:
            return forces
    return ()


_POLICE_CUSTODY = re.compile(r"\bpolice (?:stations?|custody|cells?|lock-?ups?|detention)\b", re.IGNORECASE)
# "ordered the police to pay 5 million naira in damages to a trader who had been detained"
_LIABLE_BODY = re.compile(r"\b(?:ordered|required|obliged|directed) the [\w' -]{1,40}? to (?:pay|compensate)\b",
                          re.IGNORECASE)
_LIABLE_STATE = re.compile(r"\b(?:ordered|required|obliged|directed) the (?:state|government|authorities) to "
                           r"(?:pay|compensate|release|return|reinstate|restore)\b", re.IGNORECASE)


# Acts an affected group never does: people, journalists or prisoners named as their agent are a
# misread ("Journalists A, B and C arrested for their reporting", a list of names the parse takes
# for the subject; "it is easy to track ..., especially Uyghurs studying in China", an apposition
# the parse hangs on the dummy subject): they are what the act happened to.
_STATE_ACTS = frozenset({"arrest", "disappearance", "torture", "legal_proceeding", "humanitarian", "surveillance",
                         "transnational_repression"})


def _groups_undergo(incident: Incident) -> Incident:
    targets = list(incident.targets)
    for actor in incident.perpetrators:
        if actor.kind == "group" and not any(t.span.start == actor.span.start for t in targets):
            _add(targets, actor)
    return replace(incident, perpetrators=tuple(a for a in incident.perpetrators if a.kind != "group"),
                   targets=tuple(targets))





def _held_people(incident: Incident) -> Incident:
    """Ill-treatment or care denied "in custody" with no victim named: the people held, "prisoners"
    (the words that say so are the mention)."""
    evidence = incident.evidence[0]
    found = HELD.search(evidence.text)
    if found is None:
        return incident
    span = Span(evidence.start + found.start(), evidence.start + found.end(), found.group())
    political = evidence.text[:found.start()].lower().endswith("political ")  # "a political prisoner died"
    return replace(incident, targets=(Actor("political prisoners" if political else "prisoners", span, "group"),))


def _implied_body(incident: Incident) -> str | None:
    sentence = incident.summary
    if incident.trigger is None:
        return None
    if incident.type != "legal_proceeding" and tried_for(incident):
        return None
    if incident.trigger is None:
        return None
    for types, trigger, needs, unless, body in _IMPLIED:
        if incident.type not in types or not trigger.search(incident.trigger.text):
            continue
        if (needs and not needs.search(sentence)) or (unless and unless.search(sentence)):
            continue
        if body == "custody":  # held by the prison service, the police ("in police stations") or unsaid
            return "prison authorities" if PRISON.search(sentence) else (
                "police" if _POLICE_CUSTODY.search(sentence) else "security forces")
        return body
    return None

