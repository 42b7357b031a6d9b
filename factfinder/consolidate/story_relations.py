"""How two tellings of one document relate as stories: the within-document merge's tests.

Split from ``same_event.py``, which asks them: whether two incidents sit in one story
(or a headline and its story), restate one lead below a break, share a sentence, are
two acts extraction told apart in one sentence, are two statements of one speaker, or
are a past act dated by its own year beside an undated one. ``is_vague`` lives here
too, because both the restated-lead test and the count agreement need it.
"""

from __future__ import annotations

import re

from factfinder.consolidate.telling import Telling
from factfinder.model import Count, Incident


def is_vague(count: Count) -> bool:
    """A conventional value for a word ("several" = 3, "dozens" = 24), not a told figure."""
    from factfinder.extract.numbers import lexicon

    return not any(ch.isdigit() for ch in count.span.text) and count.span.text.lower() in lexicon().vague



def stories_compatible(a: Incident, b: Incident) -> bool:
    """The same story, or a headline (outside any story) and the story it heads."""
    return a.story == b.story or a.story is None or b.story is None


def told_alike(a: Incident, b: Incident) -> bool:
    """The same day, the same resolved place and the same figure of a shared category: a
    release that restates its lead below a break ("killed one insurgent" / "an air strike,
    killing one insurgent") tells one event, even when the text stage cut it in two stories."""
    if a.date is None or b.date is None or a.location is None or b.location is None:
        return False
    if a.date.precision != "day" or (a.date.start, a.date.end) != (b.date.start, b.date.end):
        return False
    if not (a.location.resolved and b.location.resolved and a.location.name == b.location.name):
        return False
    figures = {(c.category, c.value) for c in a.counts if not is_vague(c)}
    return any((c.category, c.value) in figures for c in b.counts if not is_vague(c))


def share_evidence(a: Incident, b: Incident) -> bool:
    return bool({(s.start, s.end) for s in a.evidence} & {(s.start, s.end) for s in b.evidence})


def separate_acts(a: Incident, b: Incident) -> bool:
    """Two acts extraction told apart in one sentence (``Incident.act``, extract/incidents.py
    ``separate_acts``), which resting on that sentence does not make one event. When only one
    of them was triggered there, the other holds that sentence because it absorbed one of its
    acts (the merge runs in text order, so the first): a later act is apart from it."""
    if a.trigger is None or b.trigger is None:
        return False
    for s in a.evidence:
        if s not in b.evidence:
            continue
        in_a, in_b = s.start <= a.trigger.start < s.end, s.start <= b.trigger.start < s.end
        if (in_a and in_b and a.act != b.act) or (in_a != in_b and (a.act if in_a else b.act) > 0):
            return True
    return False


_PRONOUN_OPENING = re.compile(r"^\W*(?:he|she|they|it|its|their|his|her)\b", re.IGNORECASE)


_DEFINITE_OPENING = re.compile(r"^\W*the\s+([A-Za-z]+)\b", re.IGNORECASE)


def same_speaker(a: Telling, b: Telling) -> bool:
    """Two statements of one speaker: a speaker named in both, or a pronoun speaker ("It added
    ...", "They blamed ...") or a definite one ("The Embassy accuses ...") beside a named one
    whose words hold it ("the Chinese Embassy in Prague")."""
    if a.perpetrators & b.perpetrators:
        return True
    for t, other in ((a, b), (b, a)):
        if t.perpetrators:
            continue
        if _PRONOUN_OPENING.match(t.incident.summary):
            return True
        head = _DEFINITE_OPENING.match(t.incident.summary)
        if head and any(head.group(1).lower() in actor.span.text.lower().split()
                        for actor in other.incident.perpetrators):
            return True
    return False


def own_year(a: Telling, b: Telling) -> bool:
    """One telling dated by a year its own sentence names ("the report highlighted that in 2014 the
    government banned ..."), the other undated: a past act of its own, told as background, not more
    of the undated act beside it."""
    return any(t.days is not None and not t.date_is_context and t.incident.date is not None
               and t.incident.date.precision == "year" and o.days is None for t, o in ((a, b), (b, a)))


def copies_of_one_story(a: Telling, b: Telling) -> bool:
    return (a.fingerprint is not None and a.fingerprint == b.fingerprint
            and (a.incident.doc, a.incident.story) != (b.incident.doc, b.incident.story))
