"""Another act's clause in the same sentence: its words are not lent to the act beside it.

One sentence often tells an act and a reaction to it by a body elsewhere: "the company has
been criticised for its surveillance of students, and has been blacklisted by the United
States" tells a surveillance (in China) and a sanction (by the United States). The parse
hangs the sanction's verb on the first clause as a coordinated verb, and coordinated verbs
share their circumstances ("killed three and detained two in Kandahar"), so the walk of
``attachment.py`` ties "the United States" to the surveillance and ``locate`` places it
there. A sanction, a law, a designation or a statement is decided where its body sits, not
where the act it is about happened; its clause's words (its place, its date, its agent) are
that act's circumstances only when the act is told inside it ("sanctioned officials over the
killing of protesters in Tehran", which ``attachment.py`` already reads as a cause).

Here, per act of a sentence, the words of such a reaction's own clause that are not the act's
own words are tied as ``OTHER_PART``: never its place, nor its untied setting, nor its date
(the same tie a semicolon's other clause gets). Only a reaction's clause, and only for an act
that is no reaction itself: two violent acts of one sentence keep sharing what they share.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factfinder.extract.attachment import OTHER_PART, SEATED
from factfinder.extract.dependency import NOMINAL_SUBJECTS, first_conjunct, has_subject
from factfinder.model import Attachment, Span

# Acts decided by a body where it sits, about an act that happened elsewhere (DESIGN's
# `sanction`, `legislation`, `designation`, `statement`).
REACTION_TYPES = frozenset({"sanction", "legislation", "designation", "statement"})
# Acts that judge or answer another act they name: the reactions and the proceedings.
ABOUT_TYPES = REACTION_TYPES | {"legal_proceeding"}
# The depth of a word held apart (``attachment._FAR``: farther than any tie of the walk).
_APART_DEPTH = 99


def _clause_verb(token: Any) -> tuple[Any, set[int]]:
    """The verb that heads ``token``'s clause and the indices of the words that carry it up to it
    (the trigger, the nouns and prepositions above it: "imposed sanctions", "blacklisted")."""
    chain, seen = {token.i}, {token.i}
    while token.pos_ not in ("VERB", "AUX") and token.head.i not in seen:
        token = token.head
        seen.add(token.i)
        chain.add(token.i)
    return token, chain


def _apart_words(own: Any, other: Any) -> set[int]:
    """The words of ``other``'s clause that are not ``own``'s, when the two clauses are coordinated
    ("was criticised for its surveillance ... and has been blacklisted by the United States"). None
    otherwise: an act told inside the reaction ("condemned the killing in X"), or in a clause that
    hangs on it ("alarmed by events in Cali on the night of 3 May, when police opened fire"), takes
    the reaction's words there as its own circumstances."""
    own_verb, own_chain = _clause_verb(own)
    other_verb, _ = _clause_verb(other)
    if other_verb.i in own_chain or other_verb.i == own_verb.i:
        return set()
    first = first_conjunct(own_verb)
    if first != first_conjunct(other_verb):
        return set()
    if own.i == own_verb.i and not (has_subject(own_verb) and has_subject(other_verb)):
        return set()  # "the court designated the movement extremist and banned it": one body's acts
    root = own_verb.doc[first]
    other_words = {t.i for t in other_verb.subtree}
    mine = own_chain | {t.i for t in own.subtree}
    if own_verb.i in other_words:
        mine |= {t.i for t in own_verb.subtree}
    if not has_subject(own_verb) or not has_subject(other_verb):
        # "the company was criticised ... and has been blacklisted": the first one's subject is shared
        mine |= {t.i for c in root.children if c.dep_ in NOMINAL_SUBJECTS for t in c.subtree}
    return other_words - mine


# Relative pronouns: a relative clause whose subject is one tells what its noun did ("people who
# protested in Tehran"), a clause of the same people; any other subject is another party's act.
_RELATIVE_SUBJECTS = frozenset({"who", "whom", "which", "that", "whose"})
# Subordinators of a reason: "brands the group a terror organisation because it organised a
# conference in Prague" tells the conference's place, not the designation's.
_REASON_MARKS = frozenset({"because"})
# How a verb shares the circumstances of the one it hangs on (coordinated, governed).
_SHARING = frozenset({"conj", "xcomp"})


# Prepositions that name the act a proceeding or a reaction is about ("convicted of torturing",
# "fined over a protest", "sentenced for the killing").
_ABOUT = frozenset({"of", "over", "for", "about"})


def _seat_of_judging_body(own: Any, other: Any) -> set[int]:
    """The words of a seated subject (``SEATED``: a court, a prosecutor) of the proceeding or
    reaction ``other`` when ``own`` is the act it is about ("a court in Manila convicted two officers
    of murdering a father and his son during a raid in 2016", "a court in Baku fined an activist over
    a protest by couriers"): where the court sits is not where the act it judges happened."""
    other_verb, other_chain = _clause_verb(other)
    if own.i in other_chain:
        return set()
    token, about = own, False
    while token.i != other_verb.i and token.head.i != token.i:
        about = about or (token.dep_ == "prep" and token.lower_ in _ABOUT)
        if token.pos_ in ("VERB", "AUX") and token.i != own.i and token.dep_ not in ("pcomp", "pobj"):
            return set()  # another clause between them
        token = token.head
    if token.i != other_verb.i or not about:
        return set()
    return {t.i for c in other_verb.children if c.dep_ in NOMINAL_SUBJECTS and c.lemma_.lower() in SEATED
            for t in c.subtree}


def _another_party_s_clause(own: Any, other: Any) -> set[int]:
    """The words of ``other``'s clause when it is a relative clause with a subject of its own ("the
    release of their relatives whom China had detained") and ``own`` is not told inside it: the
    detention's country is not where the relatives' protest was held. Not a "when" or "where"
    clause, which tells the time or place of its noun (``attachment.py`` follows them too)."""
    other_verb, _ = _clause_verb(other)
    if other_verb.dep_ != "relcl" or not any(
            c.dep_ in NOMINAL_SUBJECTS and c.lower_ not in _RELATIVE_SUBJECTS for c in other_verb.children):
        return set()
    if any(c.dep_ == "advmod" and c.lower_ in ("when", "where") for c in other_verb.children):
        return set()  # "killed Friday when a plane was shot down outside X": the event's own time and place
    other_words = {t.i for t in other_verb.subtree}
    own_verb, own_chain = _clause_verb(own)
    if own.i in other_words or own_verb.i in other_words:
        return set()
    return other_words - own_chain


def _reason_clauses(own: Any, kind: str) -> set[int]:
    """The words of a reason clause with its own subject that hangs on the act's clause ("because
    the group organised a conference in Prague"): another act, told as the cause. A reaction's
    adverbial clause with a subject of its own is the act it reacts to, whatever its subordinator
    ("agreed to ban the country's airlines after it forced a plane to land in Minsk")."""
    own_verb, own_chain = _clause_verb(own)
    heads, verb = [own_verb], own_verb
    while verb.dep_ in _SHARING and verb.head.i != verb.i and verb.head.i not in own_chain:
        verb = verb.head  # "agreed to ban ... and to prepare sanctions, after ...": the clause it shares
        heads.append(verb)
    out: set[int] = set()
    for clause in (c for head in heads for c in head.children):
        if clause.dep_ == "advcl" and has_subject(clause) and clause.i not in own_chain and (
                kind in REACTION_TYPES or any(c.dep_ == "mark" and c.lower_ in _REASON_MARKS
                                              for c in clause.children)):
            out |= {t.i for t in clause.subtree}
    return out


def hold_other_acts_apart(kinds: Sequence[str], tokens: Sequence[Any | None],
                          attached: Sequence[tuple[Attachment, ...]], *, offset: int,
                          text: str) -> list[tuple[Attachment, ...]]:
    """Each act's attachments (``attached``, parallel to ``kinds`` and ``tokens``, the sentence's
    acts and their trigger tokens in a parse starting at document offset ``offset``) with the
    words of other acts tied as ``OTHER_PART``: a reaction coordinated with it, another party's
    act in a relative clause, the reason it was done for."""
    out = list(attached)
    for i, (kind, token) in enumerate(zip(kinds, tokens)):
        if token is None:
            continue
        apart = _reason_clauses(token, kind)
        for j, (other_kind, other) in enumerate(zip(kinds, tokens)):
            if other is None or j == i:
                continue
            if other_kind in REACTION_TYPES and kind not in REACTION_TYPES:
                apart |= _apart_words(token, other)
            if other_kind in ABOUT_TYPES and kind not in ABOUT_TYPES:
                apart |= _seat_of_judging_body(token, other)
            apart |= _another_party_s_clause(token, other)
        if not apart:
            continue
        doc = token.doc
        spans = {offset + doc[j].idx: j for j in apart}
        kept = [a for a in attached[i] if a.span.start not in spans]
        held = [Attachment(Span.of(text, start, start + len(doc[j].text)), _APART_DEPTH, OTHER_PART)
                for start, j in spans.items()]
        out[i] = tuple(sorted(kept + held, key=lambda a: a.span.start))
    return out
