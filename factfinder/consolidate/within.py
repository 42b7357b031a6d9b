"""The merge stage: which incidents of one document tell one event, merged into one.

Extraction makes one incident per sentence; a report tells one event in
several sentences (the lead, a later figure, a quote). Here the incidents of
one document that tell the same event become one, with every evidence span.
It runs after the dates and geo stages because resolved dates and places are
what tell two events apart. Whether two incidents are one event is asked of the
one scorer cross-source consolidation uses (``same_event.py``), with its
``WITHIN_DOCUMENT`` rules: sentences of one story share context, so a date told
elsewhere in the story is no evidence, there is no day of slack, two places of
one province agree and figures within hedging of each other are one toll.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from factfinder.consolidate.same_event import WITHIN_DOCUMENT
from factfinder.consolidate.same_event import same_event as _same_event
from factfinder.consolidate.telling import Telling, day_number
from factfinder.extract.attachment import in_evidence
from factfinder.model import Count, DateRange, Incident, Place

# Order of hedging when incidents merge: the most cautious verification told
# anywhere about the event wins ("reported" in one sentence, "could not
# confirm" in the next means the event is unconfirmed).
_HEDGE_ORDER = ("reported", "alleged", "unconfirmed", "disputed")


def same_event(a: Incident, b: Incident) -> bool:
    """Two incidents that tell the same event in different sentences: of one story, or
    told alike in two, or resting on the same sentence (the scorer's ``WITHIN_DOCUMENT`` rules)."""
    return _same_event(Telling.of(a), Telling.of(b), WITHIN_DOCUMENT)


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


_PRECISION_RANK = {"country": 0, "admin1": 1, "admin2": 2, "town": 3, "point": 4}


def _finer_place(first: Place | None, second: Place | None) -> Place | None:
    """``first``, unless ``second`` is a finer place inside it: a round-up "in southern
    Afghanistan" that absorbs "in Sangin district, Helmand province" is placed in Sangin."""
    if first is None or second is None or second.country != first.country:
        return first if first is not None else second
    inside = first.precision == "country" or (first.precision == "admin1" and second.admin1 == first.admin1)
    finer = _PRECISION_RANK.get(second.precision or "", -1) > _PRECISION_RANK.get(first.precision or "", -1)
    return second if inside and finer else first


def _own_date(incident: Incident) -> bool:
    """Whether the incident's date phrase lies in its own sentences, not lent by another
    sentence (a headline dated by its lead, an undated sentence by its paragraph's last date)."""
    span = incident.date_span
    return incident.date is not None and span is not None and in_evidence(span, incident)


def _refines(own: DateRange, lent: DateRange) -> bool:
    """Whether an own date says more precisely when the lent one did: no wider, and within a day of
    it (the battle "on November 16th and 17th" lent, the killing "on November 16" told). A lent date
    says nothing against a merge (``same_event``), so an own date far from it ("the third attack
    within the last month", an arrest a year before) is another act's the merge took in, not this
    event's."""
    return day_number(own.end) - day_number(own.start) <= day_number(lent.end) - day_number(lent.start) \
        and day_number(own.start) <= day_number(lent.end) + 1 and day_number(lent.start) <= day_number(own.end) + 1


def merge_pair(a: Incident, b: Incident) -> Incident:
    """``a`` (told first) absorbs ``b``: evidence spans added, gaps filled, hedges kept. A date
    ``b``'s own sentence tells beats one ``a`` only borrowed: the headline "Nearly 100 civilians have
    been arrested and more than 200 are trapped" takes its lead's date, the battle's ("after a battle
    on November 16th and 17th, troops arrested ..."), and the trapped people's own sentence ("After
    troops regained the town on November 17th, ... more than two hundred people are trapped") says
    when they were (``_refines``).
    """
    dated = b if b.date is not None and (a.date is None or (
        not _own_date(a) and _own_date(b) and _refines(b.date, a.date))) else a
    verification = max(a.verification, b.verification,
                       key=lambda v: _HEDGE_ORDER.index(v) if v in _HEDGE_ORDER else -1)
    return replace(
        a,
        evidence=tuple(sorted(_union(a.evidence, b.evidence, lambda s: (s.start, s.end)), key=lambda s: s.start)),
        counts=_merged_counts(a.counts, b.counts),
        date=dated.date,
        date_span=dated.date_span,
        location=_finer_place(a.location, b.location),
        perpetrators=_union(a.perpetrators, b.perpetrators, lambda x: x.name),
        targets=_union(a.targets, b.targets, lambda x: x.name),
        attribution=_union(a.attribution, b.attribution, lambda x: x.source),
        verification=verification,
    )


def merge_incidents(incidents: Sequence[Incident], *, by_sentence: bool = False) -> tuple[Incident, ...]:
    """Merge the incidents of a story that tell one event; distinct events stay apart.

    Greedy in text order: each incident joins the first earlier one of the same
    type, story, compatible date, place and counts. Two arrests on different
    days, in different towns, or of 5 and of 300 people stay two incidents.
    With ``by_sentence`` (an annual report's country section, whose every sentence
    tells acts of its own: tests/gold/README.md) only incidents resting on one
    sentence can be one event.
    """
    merged: list[Incident] = []
    tellings: list[Telling] = []
    for incident in incidents:
        telling = Telling.of(incident)
        for i, earlier in enumerate(tellings):
            if by_sentence and merged[i].evidence[0].start != incident.evidence[0].start:
                continue
            if _same_event(earlier, telling, WITHIN_DOCUMENT):
                merged[i] = merge_pair(merged[i], incident)
                tellings[i] = Telling.of(merged[i])
                break
        else:
            merged.append(incident)
            tellings.append(telling)
    return tuple(merged)
