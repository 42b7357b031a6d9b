"""Which of a sentence's hits of one type are acts of their own (``separate_acts``).

One sentence often tells two acts of a type ("police detained five on Monday and arrested two more
the next day"), and as often one act twice ("killed and burned", "the killing ... the killings").
The parse tells them apart: a semicolon with a new actor, a clause with a subject of its own, a
time of its own, a proceeding about an earlier act, another decision of the same body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from factfinder.extract.dependency import NOMINAL_SUBJECTS as _SUBJECTS, clause_root, contains
from factfinder.extract.triggers import TriggerHit
from factfinder.text.calendar_words import MONTH_NAMES


# Words of a proceeding whose "over", "for", "into" or "of" phrase names the earlier act it
# is about ("convicted over the killing of", "an investigation into killings").
_PROCEEDING_HEADS = frozenset("""
convict sentence charge try trial investigation inquiry prosecute prosecution case verdict jail
imprison acquit indict indictment compensation compensate
""".split())
_ABOUT = frozenset({"over", "for", "into", "of"})


def separate_acts(hits: Sequence[TriggerHit], tokens: Sequence[Any], text: str) -> list[int]:
    """Which of one sentence's asserted hits of one type (text order, each with its parse token
    or None) are acts of their own: the first always; a later one when a semicolon parts it
    from every act kept ("X were fined ...; in October a pensioner was ordered to pay ..."),
    when a proceeding is about it ("hanged three men convicted over the killing of ..."), or
    when it is the verb of a coordinated clause with a subject of its own ("a photographer
    was killed on 17 January, and a reporter was killed on Sunday"), or of an "after / before"
    clause with a date of its own (``_dated_before``), when its verb is told at a time of its own
    ("detained 12 students on 3 May and then detained their lawyer the next day": ``_own_time``),
    or when it is the object of another verb of the same subject ("withdrew the decree and
    declared a state of emergency": ``_other_decision``). A second trigger of the
    same clause ("killed and burned", "the killing ... the killings") is the same act retold.
    """
    kept: list[int] = []
    for i, hit in enumerate(hits):
        if not kept:
            kept.append(i)
            continue
        previous = hits[kept[-1]]
        if (";" in text[previous.end:hit.start] and _new_actor(tokens[kept[-1]], tokens[i])) \
                or _about_earlier(hit, tokens[i]) or _own_clause(tokens[kept[-1]], tokens[i]) \
                or _dated_before(tokens[i]) \
                or (":" not in text[previous.end:hit.start] and _own_time(tokens[kept[-1]], tokens[i])) \
                or (hit.type in _DECISIONS and _other_decision(tokens[kept[-1]], tokens[i])):
            kept.append(i)
    return kept


_PRONOUNS_BACK = frozenset({"it", "they", "them", "he", "she", "him", "her", "this", "these", "those", "which",
                            "who", "that"})


def _new_actor(first: Any, later: Any) -> bool:
    """After a semicolon, a verb trigger whose clause has a subject of its own, not a pronoun
    back to the first act's people ("...; in October a pensioner was ordered to pay", not
    "...; they suspended it"): a new act. A noun trigger there ("...; the arrests drew
    protests") names the act told before."""
    if later is None:
        return True  # no parse: the semicolon alone decides
    if later.pos_ not in ("VERB", "AUX"):
        return False
    subjects = [c for c in clause_root(later).children if c.dep_ in _SUBJECTS]
    if not subjects or subjects[0].lower_ in _PRONOUNS_BACK:
        return False
    before = [c for c in clause_root(first).children if c.dep_ in _SUBJECTS] if first is not None else []
    return not before or before[0].lower_ != subjects[0].lower_


def _about_earlier(hit: TriggerHit, token: Any) -> bool:
    """A noun trigger in the "over/for/into/of" phrase of a proceeding: the act it tries (a
    proceeding is never the earlier act of another: "sentenced ... in the first trial")."""
    if token is None or hit.type == "legal_proceeding" or token.pos_ not in ("NOUN", "PROPN"):
        return False
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in _ABOUT:
        return False
    head = prep.head
    for _ in range(5):  # "sentenced him to 20 years in prison for the execution of ..."
        if head.lemma_.lower() in _PROCEEDING_HEADS or head.lower_ in _PROCEEDING_HEADS:
            return True
        if head.pos_ not in ("NOUN", "PROPN", "ADP") or head.head.i == head.i:
            return False  # a verb that is no proceeding: the act is its own object, not a trial's
        head = head.head
    return False


_SEQUENCE = frozenset({"after", "before", "since", "following"})
_OWN_DATE = re.compile(r"\b(?:" + "|".join(MONTH_NAMES) + r"|(?:19|20)\d\d)\b", re.IGNORECASE)


def _dated_before(token: Any) -> bool:
    """A verb trigger in an "after / before / since" clause that gives its own date: an earlier
    or later act ("barred women from working for the UN, four months after banning them from
    working for NGOs in December 2022")."""
    if token is None or token.pos_ != "VERB":
        return False
    if token.dep_ == "pcomp" and token.head.lower_ in _SEQUENCE:
        pass
    elif not (token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SEQUENCE for c in token.children)):
        return False
    words = " ".join(t.text for t in token.subtree)
    return _OWN_DATE.search(words) is not None


# Adverbs that move a coordinated verb to a later time: "... and then detained", "... and later killed".
_THEN = frozenset({"then", "later", "subsequently", "afterwards", "afterward"})
_NEXT = re.compile(r"\b(?:next|following|later|after)\b", re.IGNORECASE)


def _own_time(first: Any, later: Any) -> bool:
    """A verb trigger of another verb than the first act's, told at a time of its own: "then",
    "later", "the next day", "a week later" or a date of its own among its modifiers ("killed three
    villagers in March and later killed two farmers in May"). An act told again in the same
    verb's clause has none ("killed and burned")."""
    if first is None or later is None or later.pos_ != "VERB":
        return False
    a, b = clause_root(first), clause_root(later)
    if a.i == b.i or b.dep_ not in ("conj", "ROOT", "parataxis"):
        return False  # a participle or a relative clause tells its own act by the rules above
    for child in b.children:
        if child.dep_ == "advmod" and child.lower_ in _THEN:
            return True
        if child.i < a.i or child.dep_ not in ("npadvmod", "prep", "dep"):
            continue
        if child.dep_ == "npadvmod" and _NEXT.search(" ".join(t.text for t in child.subtree)):
            return True  # "the next day", "a week later"
        # "on 9 May", "in 2014" (not "in a bomb attack in 2014": the date of what the phrase names)
        when = next((c for c in child.children if c.dep_ == "pobj"), child) if child.dep_ == "prep" else child
        if _OWN_DATE.search(when.text) and _date_words(when) not in {
                _date_words(t) for t in a.subtree if not contains(b, t) and t.dep_ in ("pobj", "dep", "npadvmod")}:
            return True
    return False


def _date_words(token: Any) -> str:
    """A date noun with its numbers ("9 May"), to tell a later clause's own date from the first's."""
    return " ".join([str(t.text) for t in token.children if t.dep_ in ("nummod", "compound")] + [str(token.text)])


# Types whose acts are decisions a body takes one after another.
_DECISIONS = frozenset({"legislation", "restriction", "sanction", "designation"})


def _other_decision(first: Any, later: Any) -> bool:
    """Two noun triggers that are the objects of two coordinated verbs ("the government withdrew
    the amendments and declared a state of emergency"): two decisions, not one told twice."""
    a, b = _deciding_verb(first), _deciding_verb(later)
    if a is None or b is None or a.i == b.i or b.dep_ != "conj" or b.head.i != a.i:
        return False
    return all(any(c.dep_ == "dobj" for c in verb.children) for verb in (a, b))


def _deciding_verb(token: Any) -> Any | None:
    """The verb of a decision trigger: itself ("withdrew the amendments"), or the verb whose object it is."""
    if token is None:
        return None
    if token.pos_ == "VERB":
        return token
    return token.head if token.dep_ == "dobj" and token.head.pos_ == "VERB" else None


def _own_clause(first: Any, later: Any) -> bool:
    if first is None or later is None:
        return False
    a, b = clause_root(first), clause_root(later)
    if a.i == b.i or b.dep_ != "conj" or b.head.i != a.i:  # spaCy makes a new Token on each access
        return False
    subjects_a = [c for c in a.children if c.dep_ in _SUBJECTS]
    subjects_b = [c for c in b.children if c.dep_ in _SUBJECTS]
    if not subjects_a or not subjects_b:
        return False
    return subjects_a[0].lower_ != subjects_b[0].lower_ and subjects_b[0].lower_ not in ("who", "which", "that")


# Count categories an implied single person gets, by incident type.
