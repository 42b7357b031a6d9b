"""Negations and modals that reach a trigger from further back than the cue window.

``assertion.is_asserted`` looks for negation cues in the three words before a trigger and for
hypothetical cues in the six words of its clause. Two kinds of hedge sit further back and are
read from the parse instead:

- a subject that is nobody ("no one was initially arrested", "nobody has yet been detained
  over the killing", "none of the gunmen has so far been arrested"): adverbs between the subject
  and the verb push the "no one" out of the window, yet the act did not happen;
- a modal carried along a list of verbs ("the decree means police could search homes, detain,
  torture and kill without a warrant"): the comma ends the clause the cue window reads, yet every
  verb of the list is what the police could do, not what they did; and "can" or "must" on the
  trigger's own verb ("street vendors can be arrested for blocking a pavement"), which the cue list
  does not hold.

Both walk the parse only up the words that share the hedge: a list's conjuncts, the object a
list of verbs is mis-parsed as, the noun of a custody phrase ("nobody was placed under arrest").
A verb of a list with its own tense ("could question him, and detained his wife") has its own
clause and is not hedged.
"""

from __future__ import annotations

from typing import Any

# Modals that make an act possible, permitted or counterfactual; not "will" or "shall", which
# also announce what a court or an agency is to do ("will be detained pending trial").
_MODALS = frozenset({"could", "might", "may", "can", "should", "must", "would", "ought"})
# Modals of the trigger's own verb that the cue window does not read ("can be arrested under the
# decree", "must be detained"): what the law permits or orders.
_OWN_MODALS = frozenset({"can", "must"})
# Subjects that are nobody.
_NOBODY = frozenset({"nobody", "none", "no-one", "noone"})
# Prepositions of the phrases that put someone in custody ("under arrest", "into custody").
_CUSTODY_PREPS = frozenset({"under", "into", "in"})


def _verb_of(token: Any) -> Any | None:
    """The verb a trigger belongs to: itself, or the verb whose custody phrase it ends ("placed
    under arrest", "taken into custody"); not the verb of a phrase that tells another act ("nobody
    was detained over the killing": the killing happened)."""
    if token.pos_ in ("VERB", "AUX"):
        return token
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in _CUSTODY_PREPS or any(c.dep_ in ("det", "poss")
                                                                       for c in token.children):
        return None
    return prep.head if prep.head.pos_ in ("VERB", "AUX") else None


def _first_of_list(verb: Any) -> Any:
    """The first verb of coordinated verbs that share one subject and auxiliaries."""
    while verb.dep_ == "conj" and verb.head != verb and verb.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        verb = verb.head
    return verb


def done_by_nobody(token: Any) -> bool:
    """Whether the trigger's verb (or the first verb of its list) has a subject that is nobody:
    "no one was initially arrested", "none of the attackers has yet been detained"."""
    verb = _verb_of(token)
    if verb is None:
        return False
    verb = _first_of_list(verb)
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if child.lower_ in _NOBODY:
            return True
        if child.pos_ in ("NUM", "PROPN") or child.like_num and child.lower_ != "one" or any(c.dep_ == "nummod" or c.like_num
                                                                  for c in child.children):
            continue  # "No 10 condemned ...", "no fewer than 300 suspects have been arrested"
        if any(d.dep_ == "det" and d.lower_ == "no" and d.nbor().lower_ not in ("fewer", "less", "more")
               for d in child.children):
            return True  # "no one", "no suspect"
    return False


def under_far_modal(token: Any) -> bool:
    """Whether a modal of an earlier verb of the trigger's list governs it: "police could
    search homes, detain, torture and kill" (the parser may take the list for the object of the
    first verb, and its members for nouns). Only through a list: an object of its own ("could
    hide the torture") is left to the cue window."""
    word = token
    listed = False
    for _ in range(8):
        if word.dep_ == "conj" and word.head != word:
            if word.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass")
                                                         for c in word.children):
                return False  # a verb with its own tense or subject: a clause of its own
            word = word.head
            listed = True
            continue
        if listed and word.dep_ == "dobj" and word.head.pos_ in ("VERB", "AUX"):
            word = word.head
            continue
        break
    if word.pos_ not in ("VERB", "AUX"):
        return False
    if not listed:  # the trigger's own modal: the cue window reads all but "can" and "must"
        return any(c.dep_ == "aux" and c.lower_ in _OWN_MODALS for c in word.children)
    return any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in _MODALS for c in word.children)
