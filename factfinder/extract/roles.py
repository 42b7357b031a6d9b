"""Who did it to whom: perpetrator and target roles of the actors around an event trigger.

``actor_roles`` reads the spaCy dependency parse of the trigger's sentence:
the agent of an active verb ("troops arrested ...") or the "by" phrase of a
passive one is the perpetrator; the object, the passive subject and "against
X" / "of X" after a nominal trigger ("the arrest of students") are targets.
Where the parse does not say, an affected group defaults to target and an
armed actor to perpetrator, but only inside the trigger's own clause, so an
actor of a neighbouring clause is never given a role in this event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from factfinder.model import Actor, Incident, Span

_ARMED_KINDS = frozenset({"state_force", "armed_group", "criminal", "unknown"})
# events whose grammatical subject is the one it happens to ("civilians died", "residents fled")
_UNDERGOER_VERBS = frozenset({"die", "flee", "disappear", "vanish", "starve", "suffer", "drown", "perish",
                              "escape", "remain", "go", "hide", "shelter", "evacuate", "lose"})
_SUBJECTS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
_OBJECTS = frozenset({"dobj", "obj", "dative", "iobj", "attr", "oprd"})
_TARGET_PREPS = frozenset({"against", "on", "of", "at", "upon", "targeting", "toward", "towards"})
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis", "relcl", "acl", "xcomp", "csubj"})
_WALK_DEPS = frozenset({"conj", "appos", "compound", "amod", "nmod", "nummod", "quantmod", "det", "poss",
                        "prep", "pobj", "cc", "punct", "advmod", "npadvmod"})


def actor_roles(sent: Any, trigger: Any, actors: Sequence[Actor]) -> tuple[list[Actor], list[Actor]]:
    """(perpetrators, targets) among ``actors`` for the event that ``trigger`` (a spaCy Token) names."""
    perpetrators: list[Actor] = []
    targets: list[Actor] = []
    clause = _clause_tokens(trigger)
    for actor in actors:
        head = _head_token(sent, actor)
        if head is None:
            continue
        if _after_agent_by(sent, actor, trigger) or _shared_agent(head, trigger) or _means_agent(head, trigger) \
                or (actor.kind in _ARMED_KINDS and _when_agent(head, trigger)):
            if _may_act(sent, head, actor, trigger):
                _add(perpetrators, actor)
            continue
        if head.i not in clause:
            if _convicted_of(head, trigger):
                _add(perpetrators, actor)
            elif (relative := _relative_role(head, trigger)) is not None:
                _add(perpetrators if relative == "perpetrator" else targets, actor)
            continue
        role = _role(head, trigger)
        if role is None:
            if actor.kind == "group" or _judged(head, trigger):
                role = "target"  # the officers a court convicts are the ones it tries
            elif actor.kind in _ARMED_KINDS:
                role = "perpetrator"
        if role == "perpetrator" and not _may_act(sent, head, actor, trigger):
            role = None
        if role == "perpetrator":
            _add(perpetrators, actor)
        elif role == "target":
            _add(targets, actor)
    return perpetrators, targets


# Bodies that watch and report: the source of what they document, never its agent.
_MONITOR_KINDS = frozenset({"un", "ngo", "research", "intergovernmental"})
# Verbs of saying and finding: their subject is the attribution of the event they report.
_REPORTING_LEMMAS = frozenset(
    "say express document report find criticise criticize condemn note urge call publish state conclude describe "
    "allege tell observe record verify confirm raise denounce warn recommend deplore welcome announce reveal "
    "accuse blame attribute investigate visit monitor".split())
# Verbs of judging: "convicted four officers of torturing detainees" names who tortured.
_LEGAL_LEMMAS = frozenset("convict charge accuse sentence try prosecute acquit indict find jail fine".split())


def _may_act(sent: Any, head: Any, actor: Actor, trigger: Any) -> bool:
    """Whether an actor the parse made an agent can be the perpetrator: a monitor, court or
    committee that says, documents or expresses concern about an act is its attribution,
    unless the event is the statement itself ("the UN office published an assessment")."""
    if trigger.lemma_ in _REPORTING_LEMMAS:
        return True
    if actor.kind in _MONITOR_KINDS:
        return False
    governor = _argument(head).head
    return not (_argument(head).dep_ in _SUBJECTS and governor.i != trigger.i
                and governor.lemma_ in _REPORTING_LEMMAS)


def _convicted_of(head: Any, trigger: Any) -> bool:
    """"convicted four officers of X of torturing ...", "two officers charged with killing ...":
    the people judged for an act are its agents."""
    prep = trigger.head
    if trigger.dep_ not in ("pcomp", "pobj") or prep.lower_ not in ("of", "for", "with", "over"):
        return False
    verb = prep.head
    if verb.lemma_ not in _LEGAL_LEMMAS:
        return False
    arg = _argument(head)
    if verb.dep_ == "acl" and arg.i == verb.head.i:
        return True  # "two soldiers convicted of killing a protester"
    while arg.dep_ == "pobj" and arg.head.lower_ == "of" and arg.head.head.i != verb.i:
        arg = _argument(arg.head.head)  # "officers of the National Security Committee"
    return arg.head.i == verb.i and arg.dep_ in _OBJECTS | _PASSIVE_SUBJECTS


def _relative_role(head: Any, trigger: Any) -> str | None:
    """The noun a relative clause of the trigger describes: "inmates who were beaten" (target),
    "guards who beat inmates" (perpetrator), "the civilians whom soldiers shot" (target)."""
    verb = _clause_root(trigger)
    if verb.dep_ != "relcl" or _argument(head).i != verb.head.i:
        return None
    if _is_passive(verb):
        return "target"
    relative = next((c for c in verb.children if c.lower_ in ("who", "that", "which", "whom")), None)
    if relative is None or relative.dep_ in _OBJECTS or relative.lower_ == "whom":
        return "target" if any(c.dep_ in _SUBJECTS for c in verb.children) else None
    return "perpetrator" if relative.dep_ in _SUBJECTS and verb.lemma_ not in _UNDERGOER_VERBS else "target"


def _judged(head: Any, trigger: Any) -> bool:
    """An actor named in the object of a verb of judging ("convicted four officers of the KNB")."""
    if trigger.lemma_ not in _LEGAL_LEMMAS:
        return False
    arg = _argument(head)
    for _ in range(3):
        if arg.head.i == trigger.i:
            return arg.dep_ in _OBJECTS | _PASSIVE_SUBJECTS
        if arg.dep_ != "pobj" or arg.head.lower_ != "of":
            return False
        arg = _argument(arg.head.head)
    return False


def _add(found: list[Actor], actor: Actor) -> None:
    if all(a.name != actor.name for a in found):
        found.append(actor)


def _head_token(sent: Any, actor: Actor) -> Any | None:
    """The syntactic head of the actor's words: the token whose head lies outside the mention."""
    tokens = [t for t in sent if t.idx >= actor.span.start and t.idx + len(t) <= actor.span.end]
    for token in tokens:
        if not (actor.span.start <= token.head.idx < actor.span.end) or token.head.i == token.i:
            return token
    return tokens[-1] if tokens else None


def _clause_root(trigger: Any) -> Any:
    """The verb heading the trigger's clause (the trigger itself when it is a verb)."""
    token, seen = trigger, {trigger.i}
    # ``seen`` guards against a head cycle, which spaCy can leave in a sentence
    # parsed apart from its document; without it this loop never ends.
    while token.pos_ not in ("VERB", "AUX") and token.head.i not in seen:
        token = token.head
        seen.add(token.i)
    return token


def _clause_tokens(trigger: Any) -> set[int]:
    """Token indices of the trigger's clause, without subordinate or coordinated clauses it does not contain."""
    root = _clause_root(trigger)
    owner = _subject_owner(root)
    keep: set[int] = set()
    stack = [owner]
    while stack:
        token = stack.pop()
        keep.add(token.i)
        for child in token.children:
            if child.i == trigger.i or _contains(child, trigger):
                stack.append(child)
            elif child.dep_ in _CLAUSE_DEPS or (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")
                                                 and child.i != root.i):
                continue
            else:
                stack.append(child)
    return keep


def _has_subject(verb: Any) -> bool:
    return any(c.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS for c in verb.children)


def _subject_owner(verb: Any) -> Any:
    """The verb whose subject ``verb`` shares: itself when it has a subject; else the verb it is
    coordinated with ("troops arrested and killed civilians"), the verb it complements ("the
    military continues to arrest critics") or, for a participle, the active verb it adjoins
    ("gunmen stormed a school, killing one student and kidnapping dozens")."""
    token, seen = verb, {verb.i}
    while not _has_subject(token) and token.head.i not in seen:
        adjunct = (token.dep_ == "advcl" and token.tag_ == "VBG" and token.head.pos_ == "VERB"
                   and not _is_passive(token.head) and not any(c.dep_ == "mark" for c in token.head.children))
        if token.dep_ not in ("conj", "xcomp") and not adjunct:
            break
        token = token.head
        seen.add(token.i)
    return token


_AGENT_GAP = frozenset({"ADV", "PART", "AUX", "VERB", "DET", "ADJ", "NUM", "CCONJ"})


def _after_agent_by(sent: Any, actor: Actor, trigger: Any) -> bool:
    """"kidnapped by yet to be identified gunmen": the first actor after the "by" of the trigger's
    passive is its agent even where the parse hangs the words after "by" on another verb."""
    verb = _clause_root(trigger)
    passive = _is_passive(verb)
    for by in (c for c in list(verb.children) + list(trigger.children)
               if c.dep_ == "agent" or (passive and c.dep_ == "prep" and c.lower_ == "by")):
        gap = [t for t in sent if by.idx < t.idx < actor.span.start]
        if actor.span.start > by.idx and len(gap) <= 5 and all(t.pos_ in _AGENT_GAP for t in gap):
            return True
    return False


def _shared_agent(head: Any, trigger: Any) -> bool:
    """Coordinated passives share their "by" phrase: "were abducted, tortured and killed in
    custody by Pakistani forces" names the agent of all three."""
    arg = _argument(head)
    by = arg.head
    if arg.dep_ != "pobj" or by.dep_ != "agent":
        return False
    verb = _clause_root(trigger)
    if not (_is_passive(verb) or verb.tag_ == "VBN") or any(c.dep_ == "agent" for c in verb.children):
        return False  # "criticized by X and blacklisted by Y": each its own agent
    return by.head.i != verb.i and _conjuncts(verb) == _conjuncts(by.head)


def _means_agent(head: Any, trigger: Any) -> bool:
    """"Shelling by the RSF killed 15 civilians", "shells fired by government forces hit ...,
    killing 11": the agent of the act or weapon that is the subject of the trigger's clause."""
    arg = _argument(head)
    by = arg.head
    if arg.dep_ != "pobj" or by.lower_ != "by":
        return False
    means = by.head.head if by.head.dep_ == "acl" else by.head
    # "Shelling by X killed ...", which the parse may read as a subjectless verb's adjunct
    subject = means.dep_ in _SUBJECTS or (means.dep_ == "advcl" and means.i < means.head.i
                                          and not _has_subject(means.head))
    if means.pos_ not in ("NOUN", "VERB") or not subject:  # a PROPN is an actor itself
        return False
    verb = _clause_root(trigger)
    return means.head.i in (verb.i, _subject_owner(verb).i) and not _is_passive(means.head)


def _when_agent(head: Any, trigger: Any) -> bool:
    """"Two civilians were killed when insurgents detonated a bomb": an agentless passive act and
    the active clause that tells how it happened ("when", "after", "as") share the agent."""
    arg = _argument(head)
    clause = arg.head
    verb = _clause_root(trigger)
    if arg.dep_ not in _SUBJECTS or clause.dep_ != "advcl" or _is_passive(clause):
        return False
    if clause.head.i != verb.i and _conjuncts(clause.head) != _conjuncts(verb):
        return False  # "were killed and another was wounded when ...": the clause of the coordination
    if not _is_passive(verb) or any(c.dep_ == "agent" for c in verb.children):
        return False
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "after", "as") for c in clause.children)


def _conjuncts(verb: Any) -> int:
    """The index of the first verb of ``verb``'s coordination ("abducted" of "abducted and killed")."""
    token, seen = verb, {verb.i}
    while token.dep_ == "conj" and token.head.i not in seen:
        token = token.head
        seen.add(token.i)
    return int(token.i)


def _contains(token: Any, target: Any) -> bool:
    return bool(token.left_edge.i <= target.i <= token.right_edge.i)


def _role(head: Any, trigger: Any) -> str | None:
    """The role the parse gives an actor whose head token is ``head``."""
    verb = _clause_root(trigger)
    arg = _argument(head)
    governor = arg.head
    dep = arg.dep_
    owner = _subject_owner(verb)
    if governor.i in (trigger.i, verb.i) or (verb.dep_ in ("conj", "xcomp") and governor.i == verb.head.i) \
            or (governor.i == owner.i and dep in _SUBJECTS | _PASSIVE_SUBJECTS and not _is_nominal(trigger, verb)):
        if dep in _PASSIVE_SUBJECTS:
            if governor.i != verb.i and not _is_passive(verb) and verb.lemma_ not in _UNDERGOER_VERBS:
                return "perpetrator"  # "troops were stationed ... and are firing": the shared subject acts
            return "target"
        if dep in _SUBJECTS:
            return "target" if verb.lemma_ in _UNDERGOER_VERBS or _is_nominal(trigger, verb) and \
                _is_passive(verb) else "perpetrator"
        if dep in _OBJECTS:
            return "target"
        if dep == "agent":
            return "perpetrator"
    if dep == "pobj":
        prep = governor
        attached = prep.head
        word = prep.lower_
        if attached.i in (trigger.i, verb.i):
            if word == "by" or prep.dep_ == "agent":
                return "perpetrator"
            if word in _TARGET_PREPS:
                return "target"
        if _is_nominal(trigger, verb) and attached.i == trigger.i and word in _TARGET_PREPS:
            return "target"
    if dep == "pobj" and governor.lower_ == "of" and governor.head.lower_ in ("hands", "hand") \
            and governor.head.head.lower_ == "at" and (governor.head.head.head.i in (trigger.i, verb.i)
                                                       or governor.head.head.head.head.i == trigger.i):
        return "perpetrator"  # "beaten at the hands of the police"
    if dep == "poss" and governor.i == trigger.i and _is_nominal(trigger, verb):
        return "perpetrator"  # "the army's arrest of ..."
    return None


def _argument(head: Any) -> Any:
    """Climb from an actor's head over conjuncts, appositions and compounds to the argument it fills."""
    token = head
    for _ in range(4):
        if token.dep_ in ("conj", "appos", "compound", "amod", "nmod") and token.head.i != token.i:
            token = token.head
        else:
            break
    return token


def _is_nominal(trigger: Any, verb: Any) -> bool:
    return trigger.i != verb.i and trigger.pos_ in ("NOUN", "PROPN")


def _is_passive(verb: Any) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


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
    rest = [a for a in targets if a.kind not in _PROTESTING_KINDS and a.kind not in _ARMED_KINDS]
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


_ACTING_KINDS = _ARMED_KINDS | {"government"}


def names_agent(actors: Sequence[Actor]) -> bool:
    """Whether a sentence's actors include one that could be an agent (a state or armed actor, a tribunal)."""
    return any(a.kind in _ACTING_KINDS or a.kind == "tribunal" for a in actors)


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
            out[i] = replace(incident, perpetrators=tuple(a for a in donor.perpetrators if a.kind in _ACTING_KINDS))
    return out


# Acts whose agent a story names once: abuses and the trials of them (never a protest's
# participants, a statement's speaker or a mob's arson).
_CARRIED = frozenset({"arrest", "disappearance", "torture", "killing", "attack", "legal_proceeding"})
