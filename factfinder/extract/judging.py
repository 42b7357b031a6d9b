"""Who a judgment, a confession or a ruling names: the people convicted of an act did it
("convicted four officers of torturing detainees"), so does who confesses to it or is said to have
taken part in it, and the state a
ruling goes against is the target of the ruling ("ruled that the state had failed to comply").
Used by ``roles.actor_roles``.
"""

from __future__ import annotations

from typing import Any

from factfinder.extract.dependency import OBJECTS as _OBJECTS, PASSIVE_SUBJECTS as _PASSIVE_SUBJECTS, \
    SUBJECTS as _SUBJECTS, argument as _argument

# Verbs of ruling: the state a court rules against is the target of its proceeding.
RULING_LEMMAS = frozenset("rule order reject dismiss overturn uphold".split())
# Verbs of judging: "convicted four officers of torturing detainees" names who tortured.
LEGAL_LEMMAS = frozenset("convict charge accuse sentence try prosecute acquit indict find jail fine blame".split())


def convicted_of(head: Any, trigger: Any) -> bool:
    """"convicted four officers of X of torturing ...", "two officers charged with killing ...":
    the people judged for an act are its agents."""
    prep = trigger.head
    if trigger.dep_ not in ("pcomp", "pobj") or prep.lower_ not in ("of", "for", "with", "over"):
        return False
    verb = prep.head
    arg = _argument(head)
    if verb.dep_ in _OBJECTS and verb.head.lemma_ in LEGAL_LEMMAS:
        return bool(arg.i == verb.i)  # "convicted [two police officers of the murder]": the parse hangs "of" on them
    if verb.lemma_ not in LEGAL_LEMMAS:
        return False
    if verb.dep_ == "acl" and arg.i == verb.head.i:
        return True  # "two soldiers convicted of killing a protester"
    while arg.dep_ == "pobj" and arg.head.lower_ == "of" and arg.head.head.i != verb.i:
        arg = _argument(arg.head.head)  # "officers of the National Security Committee"
    return arg.head.i == verb.i and arg.dep_ in _OBJECTS | _PASSIVE_SUBJECTS


def confessed(head: Any, trigger: Any) -> bool:
    """"The accused confessed to murdering the girl", "admitted his role in the kidnapping": who
    confesses to an act did it."""
    prep = trigger.head
    if trigger.dep_ not in ("pcomp", "pobj") or prep.lower_ not in ("to", "in"):
        return False
    verb = prep.head if prep.head.pos_ == "VERB" else prep.head.head
    arg = _argument(head)
    return verb.lemma_ in ("confess", "admit", "plead") and arg.dep_ in _SUBJECTS and arg.head.i == verb.i


# Nouns and verbs of taking part in an act: "the involvement of officials in the murder", "the army's
# role in the killings", "officers were involved in the abduction".
_INVOLVEMENT_NOUNS = frozenset("involvement role complicity participation responsibility".split())
_INVOLVEMENT_VERBS = frozenset("involve participate implicate".split())


def involved_in(head: Any, trigger: Any) -> bool:
    """Who is said to have taken part in an act did it (as its source says: the verification
    tells how sure that is): "the alleged involvement of government officials in the murder",
    "the police's role in the killings", "soldiers were implicated in the disappearance"."""
    prep = trigger.head
    if trigger.dep_ not in ("pcomp", "pobj") or prep.lower_ != "in":
        return False
    owner = prep.head
    arg = _argument(head)
    if owner.lemma_ in _INVOLVEMENT_NOUNS:
        return bool((arg.dep_ == "poss" and arg.head.i == owner.i) or
                    (arg.dep_ == "pobj" and arg.head.lower_ == "of" and arg.head.head.i == owner.i))
    return owner.lemma_ in _INVOLVEMENT_VERBS and arg.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS and arg.head.i == owner.i


def committed_by(head: Any, trigger: Any) -> bool:
    """"an arbitrary killing of a student, committed by a riot police agent": the "by" of a participle
    of doing ("committed", "perpetrated", "carried out") inside a nominal act's phrase, wherever the
    parse hangs it, names the act's agent."""
    arg = _argument(head)
    if arg.dep_ != "pobj" or arg.head.dep_ != "agent":
        return False
    participle = arg.head.head
    if participle.lemma_ not in ("commit", "perpetrate", "carry") or participle.tag_ != "VBN" \
            or trigger.i > participle.i or any(c.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS for c in participle.children):
        return False
    # inside the act's phrase, or adjoined to the verb whose object the act is ("documented a killing ...,
    # committed by ...")
    return participle.i in {t.i for t in trigger.subtree} or (
        participle.dep_ == "advcl" and trigger.dep_ in _OBJECTS and trigger.head.i == participle.head.i)


# Armed actors named by a generic word: a named group a source blames for the act names them.
GENERIC_ARMED = frozenset({"gunmen", "militants", "rebels", "militias", "bandits", "jihadists", "armed groups",
                           "insurgents", "armed herdsmen", "unidentified assailants"})


def blamed_group(sent: Any, heads: list[tuple[Any, Any]]) -> Any | None:
    """"Gunmen attacked a church ...; the federal government blamed ISWAP": the named armed group
    (an actor whose head is the object of "blame" / "accuse" in the sentence) that a source says the
    generic attackers were. ``heads`` pairs each actor with its head token."""
    for actor, head in heads:
        arg = _argument(head)
        if actor.kind == "armed_group" and actor.name not in GENERIC_ARMED and arg.dep_ in _OBJECTS \
                and arg.head.lemma_ in ("blame", "accuse"):
            return actor
    return None


def ruled_against(head: Any, trigger: Any, kind: str | None) -> bool:
    """The state a ruling goes against: "ruled that Türkiye had failed to comply", "rejected the
    government's appeal"."""
    if kind not in ("government", "state_force") or trigger.lemma_ not in RULING_LEMMAS:
        return False
    arg = _argument(head)
    governor = arg.head
    return governor.head.i == trigger.i and ((arg.dep_ in _SUBJECTS and governor.dep_ == "ccomp")
                                             or (arg.dep_ == "poss" and governor.dep_ in _OBJECTS))


def judged(head: Any, trigger: Any) -> bool:
    """An actor named in the object of a verb of judging ("convicted four officers of the KNB")."""
    if trigger.lemma_ not in LEGAL_LEMMAS:
        return False
    arg = _argument(head)
    for _ in range(3):
        if arg.head.i == trigger.i:
            return arg.dep_ in _OBJECTS | _PASSIVE_SUBJECTS
        if arg.dep_ != "pobj" or arg.head.lower_ != "of":
            return False
        arg = _argument(arg.head.head)
    return False
