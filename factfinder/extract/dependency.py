"""Dependency-parse helpers shared by the role rules (``roles.py``, ``judging.py``): which
labels are subjects and objects, the argument an actor's words fill, whether a verb is passive.
"""

from __future__ import annotations

from typing import Any

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
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
