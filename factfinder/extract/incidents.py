"""Incident detection rules: which trigger hits become incidents and which counts
belong to which incident (which incidents of one document are one event is the
merge stage's, ``consolidate/within.py``).

Pure functions over text, offsets and model objects; the spaCy parse, the
count finder and the other span extractors are called by ``extractor.py``.
The rules are general ones of news and monitoring reports (never fitted to one
sentence) and are explained beside each function.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from factfinder.extract.named_acts import names_a_kind_of_act
from factfinder.extract.sentences import Sentence
from factfinder.extract.triggers import Cues, Trigger, TriggerHit, TriggerTable
from factfinder.model import Count, Span

# An attack whose reported outcome is a killing is that killing (DESIGN.md's taxonomy:
# "attack ... without a killing being the reported outcome"): the means ("shelling",
# "an air strike") and the wounded of its sentence belong to the killing.
FOLDED_INTO = {"attack": "killing"}


def fold_means(asserted: dict[str, Any]) -> dict[str, Any]:
    """The asserted triggers of one sentence without the types folded into another one there."""
    return {kind: hit for kind, hit in asserted.items() if FOLDED_INTO.get(kind) not in asserted}


def unfolded(hits: Sequence[TriggerHit], text: str) -> list[int]:
    """``fold_means`` over a sentence's list of acts (several of one type allowed): the indices kept.
    A raid that arrests people is the arrest (ACLED codes it so): "police raided the offices ...
    and arrested 41 of their staff" is no attack. Arson told by the same words as a destruction
    ("set fire to dozens of shelters") is the destruction (data/triggers.csv: against buildings
    it is property_destruction), whatever else the sentence names."""
    kinds = {hit.type for hit in hits}
    burnt = {(hit.start, hit.end) for hit in hits if hit.type == "property_destruction"}
    return [i for i, hit in enumerate(hits) if FOLDED_INTO.get(hit.type) not in kinds
            and not (hit.type == "attack" and "arrest" in kinds and text[hit.start:hit.end].lower().startswith("raid"))
            and not (hit.type == "attack" and (hit.start, hit.end) in burnt)]


# Which count categories an incident of a type may carry, most fitting first.
# A count goes to the incident of its sentence whose type accepts its category
# (the one listing it earliest, then the nearest trigger). Categories no type
# accepts are left out rather than misattributed: "killed" never goes to an
# attack, so a tally of killed sums the killings only once.
COUNT_CATEGORIES_BY_TYPE: dict[str, tuple[str, ...]] = {
    "killing": ("killed", "injured"),
    "attack": ("injured", "other"),
    "armed_clash": ("injured",),
    "arrest": ("arrested", "detained"),
    "disappearance": ("missing",),
    "torture": ("affected", "injured", "other"),
    "displacement": ("displaced", "trapped", "affected"),
    "humanitarian": ("affected", "other"),
    "property_destruction": ("other", "affected"),
    "surveillance": ("money", "affected", "other"),
    "sanction": ("money", "other"),
    "protest": ("other", "affected"),
    "legislation": (),
    "legal_proceeding": ("money",),
    "restriction": ("affected", "other"),
    "designation": (),
    "transnational_repression": ("affected", "other"),
    "statement": (),
    "other": (),
}

# The incident type a statistic's category comes from when its count's own
# category is "other".
CATEGORY_OF_TYPE: dict[str, str] = {
    "killing": "killed", "arrest": "arrested", "displacement": "displaced",
    "disappearance": "missing", "attack": "injured",
}

# A word that a prefix makes a modifier ("pre-trial detention", "anti-torture law", "so-called") names no act.
_PREFIXED = re.compile(r"(?:\bpre|\bpost|\banti|\bso)-$", re.IGNORECASE)


def _is_judgement(trigger: Trigger) -> bool:
    """The trigger rows of judgements (data/triggers.csv): every phrase is "called the/it ...";
    "called on" and "called for" rows name other words too."""
    return all(p.startswith("called ") for p in trigger.pattern.split("|"))


def not_an_act(hit: TriggerHit, token: Any) -> bool:
    """A statement verb in the passive with no "by" agent ("a man accused of blasphemy", "two men
    were accused of desecrating ...") tells an allegation against someone, not a statement of a
    named organisation or role (DESIGN.md's ``statement``): no incident. "Called" is a statement
    only as a judgement with its predicate ("rights groups called the verdict historic"). A
    participle before a noun ("had tortured detained opponents") names the noun's state."""
    if token is not None and token.dep_ == "amod" and token.tag_ == "VBN":
        return True  # "the execution of a captured soldier", "camps for displaced people": a state, not an act
    if token is not None and hit.type != "statement" and names_a_kind_of_act(token, hit.type):
        return True
    if hit.type == "protest" and token is not None and _judged_protesters(token):
        return True
    if hit.type != "statement":
        return False
    if _is_judgement(hit.trigger):  # "called the verdict a disgrace", not "called a meeting", nor "what it called X"
        return token is None or not any(c.dep_ == "oprd" for c in token.children) \
            or any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") for c in token.children)
    if token is None or token.pos_ != "VERB":
        return False
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in _PROTESTERS for c in token.children):
        return True  # "the protesters demanded the release of their relatives": the protest's demand
    if token.lemma_.lower() in _ACCUSING and (token.dep_ in ("relcl", "acl")
                                              or (token.dep_ == "advcl" and token.tag_ == "VBG")):
        return True  # "arrested 12 people, accusing them of ...", "civilians whom the groups accused of ...": a reason
    passive = any(c.dep_ == "auxpass" for c in token.children) or (token.dep_ == "acl" and token.tag_ == "VBN")
    return passive and not any(c.dep_ == "agent" for c in token.children)


# Verbs and nouns of judging and of harm whose object or "of" phrase names protesters as the people
# it was done to: "a court fined eleven of the protesters", "the killing of four protesters".
_DONE_TO = frozenset({"fine", "sentence", "convict", "try", "charge", "acquit", "prosecute", "jail", "imprison",
                      "killing", "death", "murder", "trial", "conviction", "sentencing"})


_DONE_TO_FORMS = frozenset({"fined", "sentenced", "convicted", "tried", "charged", "acquitted", "prosecuted",
                            "jailed", "imprisoned"})


def _judged_protesters(token: Any) -> bool:
    """The protesters named as the people a ruling or a killing was done to, not a protest told."""
    if token.lemma_.lower() not in _PROTESTERS:
        return False
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
        if head.lemma_.lower() in ("one", "some", "all", "many", "most", "eleven", "two", "three") \
                or head.pos_ == "NUM":  # "fined eleven of the protesters"
            head = head.head
    # the word as well as its lemma: the small model lemmatises "fined" as "fin"
    return token.dep_ in ("dobj", "nsubjpass", "pobj") and (head.lemma_.lower() in _DONE_TO
                                                            or head.lower_ in _DONE_TO_FORMS)


_ACCUSING = frozenset({"accuse", "blame"})
# whose demands are their protest's (a protest's demands are matched as the protest, data/triggers.csv)
_PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "marcher", "striker"})


def attributes_act(text: str, hit: TriggerHit) -> bool:
    """An accusation or a blame ("the government blamed ISWAP", "AA accused the military of
    killing civilians") in a sentence that reports the act it is about: who did it, as a source
    says (the act's perpetrator and verification), not a statement incident of its own (as the
    project's gold codes it). "The army accused Rwanda of backing the rebels" reports no act and
    stays a statement."""
    if hit.type != "statement" or not text[hit.start:hit.end].lower().startswith(("accus", "blam")):
        return False
    charge = _CHARGE.match(text, hit.end)
    return charge is None or charge.group(1).lower().endswith("ing")  # "of genocide": a charge of its own


_CHARGE = re.compile(r"[^.;:]{0,60}?\bof\s+(?:the\s+)?([\w-]+)")


def is_cumulative(text: str, sentence: Sentence, cues: Cues) -> bool:
    """Whether the sentence states a tally over a period rather than one event's toll."""
    if cues.cumulative.search(text, sentence.start, sentence.end):
        return True
    return bool(cues.aggregate.search(text, sentence.start, sentence.end)
                and cues.period.search(text, sentence.start, sentence.end))


def sentence_hits(text: str, sentence: Sentence, hits: Sequence[TriggerHit]) -> dict[str, list[TriggerHit]]:
    """The hits of one sentence whose context condition holds, grouped by type in text order;
    a prison term is the sentence that imposed it (``as_sentencing``)."""
    by_type: dict[str, list[TriggerHit]] = {}
    for hit in hits:
        if TriggerTable.applies(hit, text, sentence.start, sentence.end) \
                and not _PREFIXED.search(text, max(0, hit.start - 5), hit.start):
            hit = as_sentencing(text, hit)
            by_type.setdefault(hit.type, []).append(hit)
    return by_type


# "imprisoned for seven years", "jailed for life", "jailed to 16 years": a term, so a sentencing
_PRISON_TERM = re.compile(r"\s+(?:for|to)\s+(?:life\b|(?:up to |more than |at least |a further )?[\w-]+"
                          r"(?:\s+(?:and|or)\s+[\w-]+)?[\s-]+(?:years?|months?)\b)", re.IGNORECASE)
_JAILING = ("impris", "jail")
_SENTENCING = Trigger("legal_proceeding", "imprisoned for a term", "P")


def as_sentencing(text: str, hit: TriggerHit) -> TriggerHit:
    """An arrest trigger that names a prison term ("a councillor was imprisoned for seven years")
    tells the court's sentence, a ``legal_proceeding`` (tests/gold/README.md: "A sentence or a
    fine is a legal_proceeding"), not an arrest on that day."""
    if hit.type != "arrest" or not text[hit.start:hit.end].lower().startswith(_JAILING):
        return hit
    if _PRISON_TERM.match(text, hit.end) is None:
        return hit
    return TriggerHit(_SENTENCING, hit.start, hit.end)


def assign_counts(counts: Iterable[Count], triggers: dict[str, TriggerHit]) -> dict[str, list[Count]]:
    """Give each count to the incident type of the sentence that governs it.

    ``triggers`` maps each incident type of the sentence to its trigger hit;
    the count goes to the type accepting its category earliest in
    COUNT_CATEGORIES_BY_TYPE, ties broken by the nearest trigger. "arrested
    nearly a hundred ... at least 15 killed" gives the arrest its 100 and the
    killing its 15.
    """
    kinds = list(triggers)
    by_hit = _assign(counts, kinds, list(triggers.values()), "")
    return {kind: by_hit[i] for i, kind in enumerate(kinds)}


def assign_counts_to_hits(counts: Iterable[Count], hits: Sequence[TriggerHit], text: str) -> list[list[Count]]:
    """``assign_counts`` over the incidents of one sentence, several of one type allowed
    (``separate_acts``): a count goes to a hit of the type accepting its category earliest,
    one in its own part of a compound sentence (between semicolons) first, then the nearest.
    "RSF fighters killed hundreds ...; on 14 June, the governor was killed" gives the first
    killing the hundreds."""
    return _assign(counts, [hit.type for hit in hits], hits, text)


def _assign(counts: Iterable[Count], kinds: Sequence[str], hits: Sequence[Any], text: str) -> list[list[Count]]:
    out: list[list[Count]] = [[] for _ in hits]
    for count in counts:
        best: tuple[int, int, int, int] | None = None
        for i, (kind, hit) in enumerate(zip(kinds, hits)):
            accepted = COUNT_CATEGORIES_BY_TYPE.get(kind, ())
            if count.category not in accepted:
                continue
            lo, hi = min(count.span.start, hit.start), max(count.span.end, hit.end)
            apart = int(bool(text) and ";" in text[lo:hi])
            distance = min(abs(count.span.start - hit.end), abs(hit.start - count.span.end))
            key = (accepted.index(count.category), apart, distance, i)
            if best is None or key < best:
                best = key
        if best is not None:
            out[best[3]].append(count)
    return out


_SINGLE_CATEGORY = {"killing": "killed", "arrest": "arrested"}
_PRONOUNS = {"him", "her", "he", "she"}


def implied_single(kind: str, token: Any, cues: Cues, counts: Sequence[Count], offset: int,
                   text: str) -> Count | None:
    """One person killed or arrested when the trigger's object is a singular person and no
    figure is told for it ("killed the Taliban leader", "killing him", "the commander was
    detained"); ``token`` is the trigger in a sentence-level parse starting at ``offset``."""
    category = _SINGLE_CATEGORY.get(kind)
    if category is None or token is None:
        return None
    if token.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return None  # "an operation to detain a leader": whom it set out to arrest, not whom it did
    # a coordinated verb shares its head's object only when it has none of its own:
    # "arrested and killed the leader", not "targeted a leader and detained several others"
    own_object = any(c.dep_ in ("dobj", "nsubjpass") for c in token.children)
    heads = [token] + ([token.head] if token.dep_ == "conj" and not own_object else [])
    for head in heads:
        for child in head.children:
            if child.dep_ not in ("dobj", "nsubjpass"):
                continue
            singular = child.tag_ in ("NN", "NNP") or (child.tag_ == "PRP" and child.lower_ in _PRONOUNS)
            if not singular or not cues.person.fullmatch(child.lower_):
                continue
            np_start = child.left_edge.idx + offset
            np_end = child.idx + len(child) + offset
            if any(np_start <= c.span.start < np_end for c in counts):
                return None  # "a Taliban leader": the figure is already told
            if kind == "arrest" and token.lower_.startswith(("detain", "captur")):
                category = "detained"
            return Count(category, 1, "exact", "people", Span.of(text, np_start, np_end))
    return None
