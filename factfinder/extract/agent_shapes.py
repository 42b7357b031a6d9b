"""Parse shapes that name an act's agent where the plain subject or "by" phrase does not.

Split from ``roles.py``, whose ``_role`` asks them: the first actor after a passive's "by"
that the parse hangs elsewhere, a "by" phrase coordinated passives share, the agent of the
means that is the clause's subject ("shelling by X killed ..."), an active verb the parse
read as a modifier, a speaker reporting its own act ("said it executed"), and the agent of
a "when" clause that tells how an agentless passive happened. Each reads the spaCy parse only.
"""

from __future__ import annotations

from typing import Any

from factfinder.extract.dependency import SUBJECTS as _SUBJECTS, argument as _argument, clause_root, \
    first_conjunct as _conjuncts, has_subject as _has_subject, is_passive as _is_passive, \
    subject_owner as _subject_owner
from factfinder.extract.judging import LEGAL_LEMMAS as _LEGAL_LEMMAS
from factfinder.extract.role_words import ARREST_LEMMAS as _ARREST_LEMMAS, REPORTING_LEMMAS as _REPORTING_LEMMAS
from factfinder.model import Actor


_AGENT_GAP = frozenset({"ADV", "PART", "AUX", "VERB", "DET", "ADJ", "NUM", "CCONJ"})


def after_agent_by(sent: Any, actor: Actor, trigger: Any) -> bool:
    """"seized by as yet unknown armed men": the first actor after the "by" of the trigger's
    passive is its agent even where the parse hangs the words after "by" on another verb."""
    verb = clause_root(trigger)
    if is_nominal(trigger, verb) and verb.lemma_ in _ARREST_LEMMAS | _LEGAL_LEMMAS:
        return False  # "detained by the police for alleged murder": the police arrested, not murdered
    passive = _is_passive(verb)
    for by in (c for c in list(verb.children) + list(trigger.children)
               if c.dep_ == "agent" or (passive and c.dep_ == "prep" and c.lower_ == "by")):
        gap = [t for t in sent if by.idx < t.idx < actor.span.start]
        if actor.span.start > by.idx and len(gap) <= 5 and all(t.pos_ in _AGENT_GAP for t in gap):
            return True
    return False


def shared_agent(head: Any, trigger: Any) -> bool:
    """Coordinated passives share their "by" phrase: "were seized, beaten and killed in
    detention by Sudanese troops" names the agent of all three."""
    arg = _argument(head)
    by = arg.head
    if arg.dep_ != "pobj" or by.dep_ != "agent":
        return False
    verb = clause_root(trigger)
    if not (_is_passive(verb) or verb.tag_ == "VBN") or any(c.dep_ == "agent" for c in verb.children):
        return False  # "criticized by X and blacklisted by Y": each its own agent
    return by.head.i != verb.i and _conjuncts(verb) == _conjuncts(by.head)


def means_agent(head: Any, trigger: Any) -> bool:
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
    verb = clause_root(trigger)
    return means.head.i in (verb.i, _subject_owner(verb).i) and not _is_passive(means.head)


def active_read_as_modifier(head: Any, trigger: Any) -> bool:
    """"Burkina Faso's armed forces executed 223 civilians, HRW said": a past-tense verb with an
    object that the parse hangs on the noun before it as a reduced relative is that noun's act (a
    participle that modifies a noun has no object of its own)."""
    arg = _argument(head)
    return bool(trigger.dep_ == "acl" and trigger.tag_ in ("VBD", "VBN") and trigger.head.i == arg.i
                and any(c.dep_ == "dobj" for c in trigger.children)
                and not any(c.dep_ in ("auxpass", "agent") for c in trigger.children))


def speaker_of_own_act(head: Any, trigger: Any) -> bool:
    """"Saudi Arabia said it executed 81 people": the speaker is the agent of the act it reports
    when the act's subject is a pronoun ("it", "they", "we") standing for it."""
    verb = clause_root(trigger)
    arg = _argument(head)
    if arg.dep_ not in _SUBJECTS or verb.dep_ != "ccomp" or verb.head.i != arg.head.i or _is_passive(verb) \
            or (verb.i != trigger.i and verb.lemma_ in _REPORTING_LEMMAS):
        return False  # "the office said it documented a killing": a monitor's record, not its act
    if arg.head.lemma_ not in _REPORTING_LEMMAS:
        return False
    return any(c.dep_ in _SUBJECTS and c.lower_ in ("it", "they", "we") for c in verb.children)


def when_agent(head: Any, trigger: Any) -> bool:
    """"Two civilians were killed when insurgents detonated a bomb": an agentless passive act and
    the active clause that tells how it happened ("when", "after", "as") share the agent."""
    arg = _argument(head)
    clause = arg.head
    verb = clause_root(trigger)
    if arg.dep_ not in _SUBJECTS or clause.dep_ != "advcl" or _is_passive(clause):
        return False
    if clause.head.i != verb.i and _conjuncts(clause.head) != _conjuncts(verb):
        return False  # "were killed and another was wounded when ...": the clause of the coordination
    if not _is_passive(verb) or any(c.dep_ == "agent" for c in verb.children):
        return False
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "after", "as") for c in clause.children)


def is_nominal(trigger: Any, verb: Any) -> bool:
    """A noun act apart from its clause's verb; not the verb's own complement ("held incommunicado
    by the authorities", "held hostage by gunmen": the holding is the act)."""
    return trigger.i != verb.i and trigger.pos_ in ("NOUN", "PROPN") \
        and not (trigger.dep_ == "oprd" and trigger.head.i == verb.i)
