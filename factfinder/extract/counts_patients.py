"""The count of the people an act befalls, read from the act's own clause.

``find_counts`` gives a figure the category of the verb or noun nearest it, and
``assign_counts_to_hits`` a figure to the act of the sentence that accepts that category. A
figure that names the people of several acts keeps one category: "three men arrested during the
protests were hanged" counts three arrested, and the hanging, which the same three underwent,
gets none; "a man who had been tortured in custody" or "a trader who had been detained" is no
count at all (a relative clause is background to a figure read word by word). Annual reports
tell most acts this way, and the project's gold counts their people with the act's own category
(tests/gold/README.md, "Counts": "a"/"an" = 1; tortured people are ``affected``).

``patient_count`` reads the act's patient from the parse (the passive subject, the object, the
noun a relative clause or a participle of the act describes, the "of" phrase of a nominal act,
the subject of a verb one undergoes such as "died") and, for a protest, its participants (the
subject of the verb that carries it: "a lawyer ... went on hunger strike"): the figure inside that
phrase, else one person for a singular person noun after "a", "an" or "one".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factfinder.extract.dependency import OBJECTS, PASSIVE_SUBJECTS, SUBJECTS, is_passive
from factfinder.extract.numbers import lexicon
from factfinder.extract.role_words import UNDERGOER_VERBS
from factfinder.model import Count, Span

# The category an act gives the people it befalls (arrests: by their word, as ``implied_single``).
_CATEGORY = {"torture": "affected", "humanitarian": "affected", "killing": "killed", "arrest": "arrested",
             "disappearance": "missing", "displacement": "displaced", "protest": "other"}
# Categories one act's figure may carry ("arrested two", "two detainees").
_KIN = {"arrested": {"arrested", "detained"}, "detained": {"arrested", "detained"}}
_SINGLE = frozenset({"a", "an", "one"})
_POSSESSIVE = frozenset({"his", "her", "their", "its", "our"})


def patient_count(kind: str, trigger: Any, counts: Sequence[Count], offset: int, text: str) -> Count | None:
    """The count of the people the act of ``trigger`` (a spaCy Token of a sentence parse starting
    at document offset ``offset``) befalls, or of a protest's participants, with the category of
    the act (``_CATEGORY``); ``counts`` are the sentence's figures. None when the clause names
    no such people, or names them by no figure and no single person noun."""
    category = _CATEGORY.get(kind)
    if category is None or trigger is None:
        return None
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return None  # "an operation to detain a leader": whom it set out to arrest, not whom it did
    if kind == "arrest" and trigger.lower_.startswith(("detain", "held", "hold")):
        category = "detained"
    people = lexicon().people | lexicon().singular_people
    for noun in _participants(trigger) if kind == "protest" else _patients(trigger):
        start, end = noun.left_edge.idx + offset, noun.idx + len(noun) + offset
        figure = next((c for c in counts if start <= c.span.start < end and c.unit == "people"
                       and c.category != "money"), None)
        if figure is not None:
            # a figure of the act's own kind went to an act of the sentence already
            return None if figure.category in _KIN.get(category, {category}) else \
                Count(category, figure.value, figure.qualifier, figure.unit, figure.span)
        if kind == "protest" and noun.lower_ == "one" and any(c.dep_ == "prep" and c.lower_ == "of"
                                                              for c in noun.children):
            last = noun.right_edge
            return Count(category, 1, "exact", "people",  # "One of the jailed union leaders"
                         Span.of(text, start, last.idx + len(last) + offset))
        determiner = next((c for c in noun.children if c.dep_ in ("det", "poss")), None)
        if noun.tag_ == "NN" and noun.lower_ in people and determiner is not None \
                and determiner.lower_ in _SINGLE | _POSSESSIVE:  # "a trader", "their union leader"
            return Count(category, 1, "exact", "people", Span.of(text, start, end))
    return None


def _patients(trigger: Any) -> list[Any]:
    """The nouns of the people an act befalls, nearest first."""
    out: list[Any] = []
    if trigger.pos_ in ("NOUN", "PROPN"):  # "the arrest of a former prime minister"
        out += [p for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ == "of"
                for p in prep.children if p.dep_ == "pobj"]
        return out
    if trigger.pos_ not in ("VERB", "AUX"):
        return out
    undergone = is_passive(trigger) or trigger.lemma_ in UNDERGOER_VERBS
    if trigger.dep_ in ("relcl", "acl") and trigger.head.pos_ in ("NOUN", "PROPN") and (
            undergone or trigger.tag_ == "VBN"):
        out.append(trigger.head)  # "a man who had been tortured", "three men arrested during ..."
    for child in trigger.children:
        if child.dep_ in PASSIVE_SUBJECTS or child.dep_ in OBJECTS \
                or (child.dep_ in SUBJECTS and trigger.lemma_ in UNDERGOER_VERBS):
            out.append(child)
    if trigger.dep_ == "conj" and not any(c.dep_ in SUBJECTS or c.dep_ in PASSIVE_SUBJECTS or c.dep_ in OBJECTS
                                          for c in trigger.children) and is_passive(trigger.head):
        # "a bishop ... was sentenced to 26 years and held in X prison": the passive's people undergo both
        out += [c for c in trigger.head.children if c.dep_ in PASSIVE_SUBJECTS]
    return [noun for noun in out if noun.lower_ not in ("who", "that", "which")]


def _participants(trigger: Any) -> list[Any]:
    """The subject of the verb that carries a protest ("detainees went on hunger strike", "One of
    the leaders refused food")."""
    verb, seen = trigger, {trigger.i}
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i not in seen:
        if verb.dep_ == "prep" and verb.lower_ not in _CARRYING:
            return []  # "detained after the mass protests", "imprisoned over the protests": another act's
        verb = verb.head
        seen.add(verb.i)
    return [c for c in verb.children if c.dep_ in SUBJECTS]


# Prepositions of a verb that carries a protest noun ("went on hunger strike", "took part in a sit-in").
_CARRYING = frozenset({"on", "in", "into"})


def one_per_category(counts: Sequence[Count], text: str) -> tuple[Count, ...]:
    """One count per category, as event coders and the project's gold give an incident: people
    named one by one in a list ("arrested its founder and an administrator") add up to one count
    (2, its words from the first to the last); of figures of no category the first stands ("set
    fire to at least 21 churches and more than 80 homes" counts the 21; "two men were accused ..."
    in the same sentence tells other people). Two figures of a harm category are sources that
    disagree ("at least 40 killed, while state television put the toll at 19"): both stay for the
    merge and its verification to weigh."""
    by_category: dict[str, list[Count]] = {}
    for count in sorted(counts, key=lambda c: c.span.start):
        by_category.setdefault(count.category, []).append(count)
    out = []
    for group in by_category.values():
        first = group[0]
        if len(group) > 1 and all(c.value == 1 and c.qualifier == "exact" and c.unit == "people" for c in group):
            span = Span.of(text, first.span.start, group[-1].span.end)
            out.append(Count(first.category, float(len(group)), "exact", "people", span))
        else:
            out.extend(group[:1] if first.category == "other" else group)
    return tuple(sorted(out, key=lambda c: c.span.start))
