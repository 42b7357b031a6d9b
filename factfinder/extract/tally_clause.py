"""A running tally told in another clause than the act of the sentence.

"Three guards were killed in X on Tuesday, bringing the toll since the offensive began to N":
the sentence holds a tally cue ("since the invasion"), so ``extractor`` reads its figures as a
statistic and drops the killing whose category the tally covers. But the cue belongs to the
tally's own clause (a participle, a relative clause, a phrase a few words down), and the act
told before it, on its own day, is an incident with the figures told before the cue. A cue
tied close to the act ("640 civilians were killed in the province since the uprising") still makes the whole
sentence a tally.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factfinder.extract.attachment import attachment_of
from factfinder.extract.triggers import Cues, TriggerHit
from factfinder.model import Attachment, Span
from factfinder.text.calendar_words import MONTH_NAMES, WEEKDAY_NAMES

# Ties that make the cue's words another clause than the act's.
_OTHER_CLAUSE = frozenset({"advcl", "relcl", "acl", "conj", "ccomp", "xcomp", "parataxis"})
# How far down the act's clause a cue may stand and still say the act is a tally.
_NEAR = 3
# A day of its own: the act happened once ("on Monday", "yesterday", "on 3 May", "on May 3").
_MONTH = "(?:" + "|".join(MONTH_NAMES) + ")"
_DAY = re.compile(rf"\b(?:(?:on\s+)?(?:{'|'.join(WEEKDAY_NAMES)})|yesterday|"
                  rf"on\s+(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}))\b", re.IGNORECASE)


# A tally over time ("since the invasion", "so far this year", "as of May"), not over space.
_TIME_TALLY = re.compile(r"\b(?:since|so far|to date|past|as of|by the end|by|between|this|last|during|in (?:19|20)\d\d)\b",
                         re.IGNORECASE)


# A relative clause still open before a day: the day is that clause's ("X, which broke out on 15 April,").
_IN_RELATIVE = re.compile(r",\s*(?:which|who|that|where|when)\b[^,;]*$", re.IGNORECASE)


def tally_cue(text: str, sentence: Span, cues: Cues) -> Span | None:
    """The sentence's first tally cue ("since the invasion", "so far this year"), or None."""
    found = cues.cumulative.search(text, sentence.start, sentence.end) or cues.period.search(
        text, sentence.start, sentence.end)
    return Span.of(text, found.start(), found.end()) if found else None


def acts_apart(cue: Span | None, hits: Sequence[TriggerHit], attached: Sequence[tuple[Attachment, ...]],
               text: str, sentence: Span) -> set[int]:
    """The hits told before the tally cue, on a day of their own, whose clause the cue is not part
    of: acts, not the tally."""
    if cue is None or not _TIME_TALLY.search(cue.text):
        return set()  # "across the country" tallies over space: the act may be one of many that day
    days = [m for m in _DAY.finditer(text, sentence.start, cue.start)
            if not _IN_RELATIVE.search(text, sentence.start, m.start())]  # not "which broke out on 15 April"
    if not days:
        return set()
    apart = set()
    for i, (hit, words) in enumerate(zip(hits, attached)):
        if hit.end > cue.start or not words:
            continue
        tie = attachment_of(cue, words)
        if tie is None or tie.relation in _OTHER_CLAUSE or tie.depth >= _NEAR:
            apart.add(i)
    return apart
