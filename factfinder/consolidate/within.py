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

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from factfinder.consolidate.same_event import WITHIN_DOCUMENT
from factfinder.consolidate.same_event import same_event as _same_event
from factfinder.consolidate.telling import Telling, day_number
from factfinder.extract.act_parties import agent_not_target, sanctioned_body
from factfinder.extract.attachment import in_evidence
from factfinder.extract.story_roles import agents_before_groups
from factfinder.model import DATE_PRECISIONS, Actor, Count, DateRange, Document, Incident, Place
from factfinder.text.stories import head_story

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


# finer is higher: DATE_PRECISIONS lists the precisions finest first
_DATE_RANK = {p: len(DATE_PRECISIONS) - 1 - n for n, p in enumerate(DATE_PRECISIONS)}
# A month or a year told first is the act's date told loosely ("arrested in December 2020", then
# "arrested on Dec. 10, 2020"); a week is a campaign's ("fighting intensified this week"), whose
# days below are its episodes, not its date.
_LOOSE = frozenset({"month", "year"})


def _finer_date(a: Incident, b: Incident) -> Incident:
    """Of two tellings of one event, the one whose date is finer and inside the other's month or
    year: "she has been arrested several times since 2019" absorbs "officers detained her on
    October 11", and the event's day is the 11th; a finer date outside the coarser one is
    another act's, and the first told stays."""
    if a.date is None:
        return b if b.date is not None else a
    if b.date is None or a.date.precision not in _LOOSE \
            or _DATE_RANK.get(b.date.precision, 0) <= _DATE_RANK.get(a.date.precision, 0):
        return a
    return b if a.date.start <= b.date.start and b.date.end <= a.date.end else a


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
    ``b``'s own sentence tells beats one ``a`` only borrowed: a headline ("dozens detained, hundreds
    trapped") that took its lead's battle dates ("after fighting on 3 and 4 March, soldiers
    detained ...") gives way to the trapped people's own day when a later sentence tells it
    (``_refines``); else a month or year told first yields to a day inside it (``_finer_date``).
    """
    refined = a.date is not None and b.date is not None and not _own_date(a) and _own_date(b) \
        and _refines(b.date, a.date)
    verification = max(a.verification, b.verification,
                       key=lambda v: _HEDGE_ORDER.index(v) if v in _HEDGE_ORDER else -1)
    dated = b if refined else _finer_date(a, b)
    return agent_not_target(sanctioned_body(agents_before_groups(replace(
        a,
        evidence=tuple(sorted(_union(a.evidence, b.evidence, lambda s: (s.start, s.end)), key=lambda s: s.start)),
        counts=_merged_counts(a.counts, b.counts),
        date=dated.date,
        date_span=dated.date_span if dated.date is not None else a.date_span,
        location=_finer_place(a.location, b.location),
        perpetrators=_named_first(_union(a.perpetrators, b.perpetrators, lambda x: x.name), (a, b)),
        targets=_union(a.targets, b.targets, lambda x: x.name),
        attribution=_union(a.attribution, b.attribution, lambda x: x.source),
        verification=verification,
    ))))


def _named_first(actors: Sequence[Actor], tellings: Sequence[Incident]) -> tuple[Actor, ...]:
    """``actors`` with those a telling names in its words before those only implied by an act's own
    words (an actor whose span is its telling's trigger: the state body an arrest implies, the
    unidentified kidnappers of a kidnapping no one is named for): when one telling names the
    agent, the event is that agent's."""
    implied = {(t.trigger.start, t.trigger.end) for t in tellings if t.trigger is not None}
    return tuple(sorted(actors, key=lambda a: (a.span.start, a.span.end) in implied))


def heading_stories(document: Document) -> dict[int, int]:
    """The document's first story -> the story after it, when the first is only a headline or a
    caption set apart (``text.stories.head_story``): it restates the act its lead tells, with the
    lead's date and place."""
    head = head_story(document.stories)
    return {} if head is None else {head: min(s.index for s in document.stories if s.index > head)}


def merge_incidents(incidents: Sequence[Incident], *, by_sentence: bool = False,
                    heads: Mapping[int, int] | None = None) -> tuple[Incident, ...]:
    """Merge the incidents of a story that tell one event; distinct events stay apart.

    Greedy in text order: each incident joins the first earlier one of the same
    type, story, compatible date, place and counts. Two arrests on different
    days, in different towns, or of 5 and of 300 people stay two incidents.
    With ``by_sentence`` (an annual report's country section, whose every sentence
    tells acts of its own: tests/gold/README.md) only incidents resting on one
    sentence can be one event. ``heads`` (``heading_stories``) maps a headline or caption
    set apart as a story to the story it heads: their incidents are read as that story's, so
    that "ARRESTED." merges into the lead's arrest instead of coming first without its date.
    """
    heads = heads or {}
    merged: list[Incident] = []
    tellings: list[Telling] = []
    stories: list[int | None] = []  # each merged incident's own story, as extraction gave it
    for incident in incidents:
        story = incident.story
        if story is not None and story in heads:
            incident = replace(incident, story=heads[story])
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
            stories.append(story)
    return tuple(m if m.story == s else replace(m, story=s) for m, s in zip(merged, stories))
