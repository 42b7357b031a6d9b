"""Dependency-parse helpers shared by the role rules (``roles.py``, ``judging.py``): which
labels are subjects and objects, the argument an actor's words fill, the verb heading a word's clause,
whether a verb is passive, whose subject a verb shares and where its coordination starts.
"""

from __future__ import annotations

from typing import Any

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
# the noun subject of a verb, active or passive: who speaks, or whom a clause is about
NOMINAL_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
OBJECTS = frozenset({"dobj", "obj", "dative", "iobj", "attr", "oprd"})


def argument(head: Any) -> Any:
    """Climb from an actor's head over conjuncts, appositions and compounds to the argument it fills."""
    token = head
    for _ in range(4):
        if token.dep_ in ("conj", "appos", "compound", "amod", "nmod") and token.head.i != token.i:
            token = token.head
        else:
            break
    return token


def is_passive(verb: Any) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def has_subject(verb: Any) -> bool:
    return any(c.dep_ in SUBJECTS | PASSIVE_SUBJECTS for c in verb.children)


def subject_owner(verb: Any) -> Any:
    """The verb whose subject ``verb`` shares: itself when it has a subject; else the verb it is
    coordinated with ("troops arrested and killed civilians"), the verb it complements ("the
    military continues to arrest critics") or, for a participle, the active verb it adjoins
    ("gunmen stormed a school, killing one student and kidnapping dozens")."""
    token, seen = verb, {verb.i}
    while not has_subject(token) and token.head.i not in seen:
        adjunct = (token.dep_ == "advcl" and token.tag_ == "VBG" and token.head.pos_ == "VERB"
                   and not is_passive(token.head) and not any(c.dep_ == "mark" for c in token.head.children))
        if token.dep_ not in ("conj", "xcomp") and not adjunct:
            break
        if adjunct and token.head.dep_ == "relcl" and _after_comma(token):
            # "opened fire on members of a movement who were gathering ..., killing 57 people": a
            # participle after a comma that the parse hangs on a relative clause adjoins the main verb
            return _governing_verb(token.head.head) or token.head
        token = token.head
        seen.add(token.i)
    return token


def _after_comma(token: Any) -> bool:
    return bool(token.i > 0 and token.doc[token.i - 1].text == ",")


def _governing_verb(noun: Any) -> Any | None:
    """The verb with a subject whose argument or prepositional phrase holds ``noun``."""
    token, seen = noun, {noun.i}
    while token.dep_ in ("pobj", "prep", "dobj", "conj", "appos") and token.head.i not in seen:
        token = token.head
        seen.add(token.i)
        if token.pos_ == "VERB":
            return token if has_subject(token) else None
    return None


def clause_root(trigger: Any) -> Any:
    """The verb heading the trigger's clause (the trigger itself when it is a verb)."""
    token, seen = trigger, {trigger.i}
    # ``seen`` guards against a head cycle, which spaCy can leave in a sentence
    # parsed apart from its document; without it this loop never ends.
    while token.pos_ not in ("VERB", "AUX") and token.head.i not in seen:
        token = token.head
        seen.add(token.i)
    return token


def first_conjunct(verb: Any) -> int:
    """The index of the first verb of ``verb``'s coordination ("abducted" of "abducted and killed")."""
    token, seen = verb, {verb.i}
    while token.dep_ == "conj" and token.head.i not in seen:
        token = token.head
        seen.add(token.i)
    return int(token.i)


def contains(token: Any, target: Any) -> bool:
    return bool(token.left_edge.i <= target.i <= token.right_edge.i)


def reduced_passive(verb: Any) -> bool:
    """A past participle with a subject but no auxiliary and no object, as headlines write the
    passive ("Two activists detained in Minsk")."""
    return bool(verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") or c.dep_ in OBJECTS
                                               for c in verb.children))
