"""Incident detection rules: which trigger hits become incidents, which counts
belong to which incident, and which incidents of one story are one event.

Pure functions over text, offsets and model objects; the spaCy parse, the
count finder and the other span extractors are called by ``extractor.py``.
The rules are general ones of news and monitoring reports (never fitted to one
sentence) and are explained beside each function.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from factfinder.extract.sentences import Sentence
from factfinder.extract.triggers import Cues, TriggerHit, TriggerTable
from factfinder.model import Actor, Attribution, Count, Document, Incident, Span

# An attack whose reported outcome is a killing is that killing (DESIGN.md's taxonomy:
# "attack ... without a killing being the reported outcome"): the means ("shelling",
# "an air strike") and the wounded of its sentence belong to the killing.
FOLDED_INTO = {"attack": "killing"}


def fold_means(asserted: dict[str, Any]) -> dict[str, Any]:
    """The asserted triggers of one sentence without the types folded into another one there."""
    return {kind: hit for kind, hit in asserted.items() if FOLDED_INTO.get(kind) not in asserted}


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

# Order of hedging when incidents merge: the most cautious verification told
# anywhere about the event wins ("reported" in one sentence, "could not
# confirm" in the next means the event is unconfirmed).
_HEDGE_ORDER = ("reported", "alleged", "unconfirmed", "disputed")

_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\b(?:but|however|although|though|while|whereas)\b", re.IGNORECASE)
_WORDS_BEFORE = re.compile(r"\S+")


def _window_before(text: str, sentence: Sentence, offset: int, words: int) -> str:
    """The last ``words`` words before ``offset``, not reaching back past a clause break."""
    lo = max(sentence.start, offset - 200)
    prefix = text[lo:offset]
    breaks = list(_CLAUSE_BREAK.finditer(prefix))
    if breaks:
        prefix = prefix[breaks[-1].end():]
    return " ".join(_WORDS_BEFORE.findall(prefix)[-words:])


def is_asserted(text: str, sentence: Sentence, hit: TriggerHit, cues: Cues, token: Any | None = None) -> bool:
    """False when the trigger is negated, hypothetical or a mere reference.

    Cue phrases are looked for just before the trigger inside its clause ("no
    one was killed", "could expand this kind of surveillance", "no mention of
    the arrests"); with a parse, a ``neg`` dependent of the trigger or of the
    verb governing it counts too ("were not arrested"). Being conservative is
    deliberate: a missed hedge makes a false incident.
    """
    if cues.negation.search(_window_before(text, sentence, hit.start, 3)):
        return False
    if cues.hypothetical.search(_window_before(text, sentence, hit.start, 6)):
        return False
    if cues.background.search(_window_before(text, sentence, hit.start, 6)):
        return False
    if token is not None:
        heads = [token] if token.pos_ in ("VERB", "AUX") else [token, token.head]
        for head in heads:
            if any(child.dep_ == "neg" for child in head.children):
                return False
    return True


def is_cumulative(text: str, sentence: Sentence, cues: Cues) -> bool:
    """Whether the sentence states a tally over a period rather than one event's toll."""
    if cues.cumulative.search(text, sentence.start, sentence.end):
        return True
    return bool(cues.aggregate.search(text, sentence.start, sentence.end)
                and cues.period.search(text, sentence.start, sentence.end))


def sentence_hits(text: str, sentence: Sentence, hits: Sequence[TriggerHit]) -> dict[str, list[TriggerHit]]:
    """The hits of one sentence whose context condition holds, grouped by type in text order."""
    by_type: dict[str, list[TriggerHit]] = {}
    for hit in hits:
        if TriggerTable.applies(hit, text, sentence.start, sentence.end):
            by_type.setdefault(hit.type, []).append(hit)
    return by_type


def assign_counts(counts: Iterable[Count], triggers: dict[str, TriggerHit]) -> dict[str, list[Count]]:
    """Give each count to the incident type of the sentence that governs it.

    ``triggers`` maps each incident type of the sentence to its trigger hit;
    the count goes to the type accepting its category earliest in
    COUNT_CATEGORIES_BY_TYPE, ties broken by the nearest trigger. "arrested
    nearly a hundred ... at least 15 killed" gives the arrest its 100 and the
    killing its 15.
    """
    out: dict[str, list[Count]] = {kind: [] for kind in triggers}
    for count in counts:
        best: tuple[int, int, str] | None = None
        for kind, hit in triggers.items():
            accepted = COUNT_CATEGORIES_BY_TYPE.get(kind, ())
            if count.category not in accepted:
                continue
            distance = min(abs(count.span.start - hit.end), abs(hit.start - count.span.end))
            key = (accepted.index(count.category), distance, kind)
            if best is None or key < best:
                best = key
        if best is not None:
            out[best[2]].append(count)
    return out


# A news dateline: "KABUL, Afghanistan (Jan. 25, 2013) –" at the start of a line.
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z.'’ -]{2,},[^()\n]{0,40}\($")


def is_dateline_date(text: str, span: Span) -> bool:
    """Whether a date phrase is a dateline's date: the day of the report, not of the event."""
    return bool(_DATELINE_BEFORE.search(text, max(0, span.start - 60), span.start))


# The dateline at the head of a report ("KABUL, Afghanistan (Jan. 25, 2013) –"),
# looked for in its first lines only.
_DATELINE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z.'’ -]{2,},[^()\n]{0,40}\(([^()\n]{3,30})\)")
_DATELINE_REACH = 3000


def with_dateline_published(document: Document) -> Document:
    """The document with its dateline's full date as publication date when it has none.

    A wire report's dateline is the day it was filed, which is what "yesterday" and
    "today" in its text count from; a dateline without a year ("(Nov. 21)") cannot
    be placed and is left alone, as is a document whose publication date is known.
    """
    if document.published is not None:
        return document
    from factfinder.extract.stages import find_date_spans, resolve_date

    for match in _DATELINE.finditer(document.text, 0, min(len(document.text), _DATELINE_REACH)):
        for span in find_date_spans(document.text, match.start(1), match.end(1)):
            resolved = resolve_date(span, None)
            if resolved is not None and resolved.precision == "day":
                return replace(document, published=resolved.start)
        break
    return document


# Count categories an implied single person gets, by incident type.
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
    heads = [token] + ([token.head] if token.dep_ == "conj" else [])
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


def nearest_span(spans: Sequence[Span], offset: int) -> Span | None:
    """The span closest to ``offset`` (a trigger's start), before or after it."""
    if not spans:
        return None
    return min(spans, key=lambda s: min(abs(s.start - offset), abs(s.end - offset)))


# --- merging the sentences of one event -------------------------------------


def _is_vague(count: Count) -> bool:
    """A conventional value for a word ("several" = 3, "dozens" = 24), not a told figure."""
    from factfinder.extract.numbers import lexicon

    return not any(ch.isdigit() for ch in count.span.text) and count.span.text.lower() in lexicon().vague


def _counts_compatible(a: Sequence[Count], b: Sequence[Count]) -> bool:
    """For each shared category, the totals or two single figures within a factor of 1.5
    (hedged figures of one toll, or a part of it retold: "a leader and more than 10
    suspects" and "11 suspects" are one detention); a vague word ("several insurgents")
    fits any figure ("eight insurgents")."""
    for key in {(c.category, c.unit) for c in a} & {(c.category, c.unit) for c in b}:
        ours = [c for c in a if (c.category, c.unit) == key]
        theirs = [c for c in b if (c.category, c.unit) == key]
        if any(_is_vague(c) for c in ours + theirs):
            continue
        pairs = [(sum(c.value for c in ours), sum(c.value for c in theirs))]
        pairs += [(x.value, y.value) for x in ours for y in theirs]
        if not any(_within(x, y) for x, y in pairs):
            return False
    return True


def _within(x: float, y: float, factor: float = 1.5) -> bool:
    return min(x, y) > 0 and max(x, y) / min(x, y) <= factor


def _date_told_elsewhere(incident: Incident) -> bool:
    """Whether the incident's date phrase lies outside its own sentences (taken from an
    earlier paragraph or the dateline): context, too weak to tell two events apart."""
    span = incident.date_span
    return span is not None and not any(e.start <= span.start < e.end for e in incident.evidence)


def _dates_compatible(a: Incident, b: Incident) -> bool:
    if a.date is None or b.date is None or _date_told_elsewhere(a) or _date_told_elsewhere(b):
        return True
    return a.date.start <= b.date.end and b.date.start <= a.date.end


def _places_compatible(a: Incident, b: Incident) -> bool:
    """Unknown, the same place, or places of one province (a town and its district or
    province, two villages of one operation); a country contains all its places."""
    if a.location is None or b.location is None or not a.location.resolved or not b.location.resolved:
        return True
    la, lb = a.location, b.location
    if la.name == lb.name:
        return True
    if la.country != lb.country:
        return False
    if la.precision == "country" or lb.precision == "country":
        return True
    return la.admin1 is not None and la.admin1 == lb.admin1


def _same_toll(a: Incident, b: Incident) -> bool:
    """The same figure (within hedging) of the same category: one event told with two of its
    places ("10,000 fled the villages of A and B" / "nearly ten thousand from B")."""
    shared = {c.category for c in a.counts} & {c.category for c in b.counts}
    return bool(shared)


def _stories_compatible(a: Incident, b: Incident) -> bool:
    """The same story, or a headline (outside any story) and the story it heads."""
    return a.story == b.story or a.story is None or b.story is None


def _told_alike(a: Incident, b: Incident) -> bool:
    """The same day, the same resolved place and the same figure of a shared category: a
    release that restates its lead below a break ("killed one insurgent" / "an air strike,
    killing one insurgent") tells one event, even when the text stage cut it in two stories."""
    if a.date is None or b.date is None or a.location is None or b.location is None:
        return False
    if a.date.precision != "day" or (a.date.start, a.date.end) != (b.date.start, b.date.end):
        return False
    if not (a.location.resolved and b.location.resolved and a.location.name == b.location.name):
        return False
    figures = {(c.category, c.value) for c in a.counts if not _is_vague(c)}
    return any((c.category, c.value) in figures for c in b.counts if not _is_vague(c))


def _share_evidence(a: Incident, b: Incident) -> bool:
    return bool({(s.start, s.end) for s in a.evidence} & {(s.start, s.end) for s in b.evidence})


def same_event(a: Incident, b: Incident) -> bool:
    """Two incidents that tell the same event in different sentences: of one story, or
    told alike in two, or resting on the same sentence."""
    if a.type != b.type or a.doc != b.doc:
        return False
    if _share_evidence(a, b):
        return True
    if not _stories_compatible(a, b):
        return _told_alike(a, b)
    return (_dates_compatible(a, b) and _counts_compatible(a.counts, b.counts)
            and (_places_compatible(a, b) or (a.story == b.story and _same_toll(a, b))))


# A figure told precisely beats the same figure told vaguely ("several" = 3 by
# convention, then "four insurgents"): the merged incident keeps the precise one.
_QUALIFIER_RANK = {"exact": 0, "at_least": 1, "more_than": 1, "at_most": 1, "less_than": 1, "approx": 2}


def _merged_counts(first: Sequence[Count], second: Sequence[Count]) -> tuple[Count, ...]:
    """``first``'s counts, with categories only ``second`` has added, and a lone vague
    figure of ``first`` replaced by ``second``'s precise one of the same category."""
    out = list(first)
    for category in dict.fromkeys(c.category for c in second):
        theirs = [c for c in second if c.category == category]
        ours = [c for c in out if c.category == category]
        if not ours:
            out.extend(theirs)
        elif len(ours) == 1 and len(theirs) == 1 and \
                _QUALIFIER_RANK.get(theirs[0].qualifier, 2) < _QUALIFIER_RANK.get(ours[0].qualifier, 2):
            out[out.index(ours[0])] = theirs[0]
    return tuple(out)


def _union(first: Sequence[Any], second: Sequence[Any], key: Any) -> tuple[Any, ...]:
    out, seen = list(first), {key(x) for x in first}
    for item in second:
        if key(item) not in seen:
            seen.add(key(item))
            out.append(item)
    return tuple(out)


def merge_pair(a: Incident, b: Incident) -> Incident:
    """``a`` (told first) absorbs ``b``: evidence spans added, gaps filled, hedges kept."""
    verification = max(a.verification, b.verification,
                       key=lambda v: _HEDGE_ORDER.index(v) if v in _HEDGE_ORDER else -1)
    return replace(
        a,
        evidence=tuple(sorted(_union(a.evidence, b.evidence, lambda s: (s.start, s.end)), key=lambda s: s.start)),
        counts=_merged_counts(a.counts, b.counts),
        date=a.date or b.date,
        date_span=a.date_span if a.date is not None else (b.date_span if b.date else a.date_span),
        location=a.location if a.location is not None else b.location,
        perpetrators=_union(a.perpetrators, b.perpetrators, lambda x: x.name),
        targets=_union(a.targets, b.targets, lambda x: x.name),
        attribution=_union(a.attribution, b.attribution, lambda x: x.source),
        verification=verification,
    )


def merge_incidents(incidents: Sequence[Incident]) -> tuple[Incident, ...]:
    """Merge the incidents of a story that tell one event; distinct events stay apart.

    Greedy in text order: each incident joins the first earlier one of the same
    type, story, compatible date, place and counts. Two arrests on different
    days, in different towns, or of 5 and of 300 people stay two incidents.
    """
    merged: list[Incident] = []
    for incident in incidents:
        for i, earlier in enumerate(merged):
            if same_event(earlier, incident):
                merged[i] = merge_pair(earlier, incident)
                break
        else:
            merged.append(incident)
    return tuple(merged)
