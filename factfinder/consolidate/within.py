"""The merge stage: which incidents of one document tell one event, merged into one.

Extraction makes one incident per sentence; a report tells one event in
several sentences (the lead, a later figure, a quote). Here the incidents of
one document that tell the same event become one, with every evidence span.
It runs after the dates and geo stages because resolved dates and places are
what tell two events apart. Within a document the "same event" rules are
stricter than across sources (``similarity.py``): sentences of one story share
context, so a date told elsewhere in the story is no evidence, and figures
within hedging of each other are one toll. The date test is the cross-source
one with no day of slack (``date_compatibility(..., window_days=0)``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from factfinder.consolidate.similarity import date_compatibility
from factfinder.model import Count, Incident

# Order of hedging when incidents merge: the most cautious verification told
# anywhere about the event wins ("reported" in one sentence, "could not
# confirm" in the next means the event is unconfirmed).
_HEDGE_ORDER = ("reported", "alleged", "unconfirmed", "disputed")


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
    """Overlapping dates (no day of slack inside one document), unless one date is only context."""
    if a.date is None or b.date is None or _date_told_elsewhere(a) or _date_told_elsewhere(b):
        return True
    return date_compatibility(a.date, b.date, window_days=0) != 0.0


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
