"""Which whole-text re-typings of a short text's incidents stand (``EventTyper.settle_short``).

The whole-text reading of a snippet is right more often than its first sentence's trigger
word, except where the text itself tells the type it would replace: a tally's type, arrests
told as incidents of their own, a hunger strike. Kept apart from the typer's model code
because it reads the extraction's statistics and incidents, not the model.
"""

from __future__ import annotations

from collections.abc import Sequence

from factfinder.extract.event_type.blows import blows_type
from factfinder.model import Incident, Statistic

# The incident type a tally of people counts (statistics.py): the text tells that event already.
TALLIED_TYPE = {"killed": "killing", "arrested": "arrest", "detained": "arrest", "missing": "disappearance",
                 "displaced": "displacement"}


def told_types_kept(incidents: Sequence[Incident], settled: Sequence[Incident],
                     statistics: Sequence[Statistic]) -> list[Incident]:
    """``settled`` (the whole-text reading of a short text), except where it re-typed an incident into
    the type a tally of the same text counts, or into an arrest when the text tells its arrests as
    incidents of their own: a text that tells an arrest anywhere reads as arrests as a whole, so "the
    regulator blocked access to Instagram" beside a tally of 14,000 detained, "a mob set fire to 21
    churches" before the arrests that followed and "the President signed the Act" beside arrests under
    it keep their own types, as does a hunger strike, and blows the sentence tells as a street assault
    or as force at a protest (``blows.py``: the whole reading takes any beating for torture). (Keeping every type another act of the sentence
    tells was tried: on CASE 2021 the whole reading is right more often than not there.)"""
    tallied = {TALLIED_TYPE[s.category] for s in statistics if s.category in TALLIED_TYPE}
    out = []
    for i, (before, after) in enumerate(zip(incidents, settled)):
        arrests_told = after.type == "arrest" and any(inc.type == "arrest" for j, inc in enumerate(incidents) if j != i)
        out.append(before if before.type != after.type and (after.type in tallied or arrests_told
                                                             or _hunger_strike(before)
                                                             or blows_type(after) != after.type) else after)
    return out


def _hunger_strike(incident: Incident) -> bool:
    """A hunger strike is the prisoners' protest, however much of the prison its text tells (the whole
    reading takes a detention centre's words for torture)."""
    return incident.type == "protest" and incident.trigger is not None and \
        "hunger" in incident.summary[max(0, incident.trigger.start - incident.evidence[0].start - 8):
                                     incident.trigger.end - incident.evidence[0].start].lower()
