"""The date phrase of an event's own sentence that tells when it happened.

The parse's ties (``Incident.attachments``) say which phrase belongs to the event's
clause; ``framing.py`` removes the phrases that date a report, another noun or a
governing act first; the nearest phrase serves when there is no parse.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factfinder.dates.framing import (
    CAUSE, attributive_year, dates_the_governing_act, dates_the_report, names_another_noun, participle_noun,
)
from factfinder.dates.patterns import parse
from factfinder.extract.attachment import attachment_of, in_other_part
from factfinder.model import Attachment, Span

__all__ = ["attributive_year", "is_weak", "nearest_span", "own_date"]


def nearest_span(spans: Sequence[Span], offset: int) -> Span | None:
    """The span closest to ``offset`` (a trigger's start), before or after it."""
    if not spans:
        return None
    return min(spans, key=lambda s: min(abs(s.start - offset), abs(s.end - offset)))



# Expressions that count from the report's day ("today", "last night", "on Friday").
_DEICTIC_KINDS = frozenset({"relative_day", "last_day", "weekday"})


def _deictic(span: Span) -> bool:
    """A day counted from the report ("today", "yesterday", "on Friday"): a wire report tells
    its main event's day with one, so the parse leaving it untied ("detained two men during
    an operation to arrest a leader today") is the parse's miss, not another clause's date."""
    expression = parse(span.text)
    return expression is not None and expression.kind in _DEICTIC_KINDS


_CLAUSE_OPENING_REACH = 8  # words from the date to the trigger: the clause's own predicate, not a later one's
_CLAUSE_OPENING = re.compile(r"(?:[:;]|^)\s*(?:[Ii]n|[Oo]n|[Bb]etween|[Dd]uring)?\s*$")


def _opens_clause_of(text: str, span: Span, trigger: Span) -> bool:
    """A date that opens the trigger's clause after a colon or semicolon ("The authorities used
    the act: in March, police arrested two men"), which a parse tends to hang on the clause before."""
    between = text[span.end:trigger.start]
    return (span.end <= trigger.start and not any(c in between for c in ":;")
            and len(between.split()) <= _CLAUSE_OPENING_REACH
            and bool(_CLAUSE_OPENING.search(text, max(0, span.start - 12), span.start))
            and text.rfind("\n", 0, span.start) < max(text.rfind(":", 0, span.start), text.rfind(";", 0, span.start)))


_INSTANCE_OPENING = re.compile(r"^[^:;]*:\s*(?:[Ii]n|[Oo]n|[Bb]etween|[Dd]uring)?\s*$")


def _dates_the_instance(text: str, span: Span, trigger: Span) -> bool:
    """A date opening what a colon introduces right after the event's clause: "Both parties
    obstructed aid: in October, the army refused permits" tells the obstruction by its dated
    instance."""
    between = text[trigger.end:span.start]
    return (span.start >= trigger.end and len(between.split()) <= _CLAUSE_OPENING_REACH
            and bool(_INSTANCE_OPENING.match(between)))


# A date that opens its sentence as a frame ("On 29 September, residents protested ..., and
# police detained dozens"): after a sentence's end or a line break, before a comma.
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?][\"”’)]?\s+|\n\s*)(?:[Ii]n|[Oo]n|[Bb]etween|[Dd]uring)?\s*$")


def _frames_the_sentence(text: str, span: Span, trigger: Span, attachments: Sequence[Attachment]) -> bool:
    """A date that opens the sentence before a comma frames every main clause of it: the event's
    clause shares the circumstances of the clause it is coordinated with or hangs on (the parse's
    ``shared`` heads), which the parse often hangs the date under instead ("On 29 and 30 September,
    after a storm left the island without power, residents protested, and police detained dozens").
    A relative clause shares nothing ("In June, a court ordered compensation for a man who had
    been tortured": the torture's date is unsaid), nor does a clause opened by a subordinator
    ("allegations that confessions were obtained under torture") or an event that is the cause
    of another act ("fined vendors for protesting")."""
    return (span.end <= trigger.start and text.startswith(",", span.end)
            and bool(_SENTENCE_OPENING.search(text, max(0, span.start - 12), span.start))
            and any(a.relation == "shared" and span.end <= a.span.start < trigger.start for a in attachments)
            and not any(a.relation == "mark" or (a.relation in ("predicate", "shared") and a.span.text.lower() in CAUSE)
                        for a in attachments if span.end <= a.span.start < trigger.start))


_RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})


# An operation whose relative clause tells its outcome: "troops carried out an operation in a
# border district that resulted in the death of a commander", "a raid, which killed two men".
_OPERATION_BEFORE = re.compile(r"\b(?:operation|raid|strike|airstrike|assault|offensive|patrol|mission|ambush|"
                               r"bombardment|shelling)s?\b(?:\s+\S+){0,8}?\s*,?\s*$", re.IGNORECASE)


def _in_relative_clause(attachments: Sequence[Attachment], text: str | None = None) -> bool:
    """Whether the event's subject is a relative pronoun: "an activist, who was arrested during the
    protests, was granted bail on Friday" tells the arrest in a relative clause, and a day the
    parse leaves untied ("on Friday") is the main clause's, not the arrest's. A relative clause
    on an operation (at most eight words before the pronoun, ``text`` given) tells what the
    operation did: "On Sunday, troops carried out an operation in a border district that
    resulted in the death of a commander" dates the death by the operation's day."""
    pronouns = [a for a in attachments if a.relation in ("nsubj", "nsubjpass") and a.depth == 1
                and a.span.text.lower() in _RELATIVE_PRONOUNS]
    if text is not None:
        pronouns = [a for a in pronouns
                    if not _OPERATION_BEFORE.search(text, max(0, a.span.start - 120), a.span.start)]
    return bool(pronouns)


def is_weak(span: Span) -> bool:
    """"overnight" tells the night before the report; a day the sentence names says it better."""
    return span.text.lower() == "overnight"


def own_date(spans: Sequence[Span], trigger: Span, attachments: Sequence[Attachment],
             text: str | None = None) -> Span | None:
    """The date phrase of the trigger's sentence that tells the event's date, or None when
    every phrase of the sentence dates something else.

    With the parse's ties (``Incident.attachments``), the phrase tied closest to the
    event's predicate: "sentenced on 3 May for the killing of a lawyer on 3 March"
    gives the trial 3 May; a phrase the parse puts in another clause ("who was released
    on 5 May", "officials said on Monday") loses to one in the event's own, and when the
    parse ties none, the event's date is unsaid ("In June, a court ordered compensation
    for a man who had been tortured": the torture has no date). Measured on the
    project's gold with the annual-report paragraphs and on the dev sets (docs/dates.md),
    this now loses fewer right dates than the nearest phrase it replaced. Without a parse,
    the nearest phrase. A phrase that frames the reporting verb
    (``dates_the_report``; needs ``text``) is never the event's: the parse climbs from a
    reported clause to the verb that reports it ("expressed concern about allegations
    that ...") and would tie it.
    """
    spans = [s for s in spans if not is_weak(s)] or list(spans)
    if text is not None:
        spans = [s for s in spans if not dates_the_report(text, s, trigger) and not names_another_noun(text, s, trigger)]
        # a date told through an institution's participle dates its noun: the event's own when
        # the noun is the trigger ("a sentence imposed in 2011"), no one else's
        antecedent = [s for s in spans if _RELATIVE_AFTER.match(text, s.end)
                      and s.end < trigger.start and len(text[s.end:trigger.start].split()) <= _RELATIVE_REACH]
        if antecedent:  # "the bombings of 21 April 2019, which killed 260 people": the same event
            return antecedent[-1]
        nouns = {s: participle_noun(text, s) for s in spans}
        own = [s for s, noun in nouns.items() if noun is not None and noun.start < trigger.end and trigger.start < noun.end]
        if own:
            return own[0]
        spans = [s for s in spans if nouns[s] is None]
    if not attachments:
        return nearest_span(spans, trigger.start)
    tied = [(tie, span) for span in spans if (tie := attachment_of(span, tuple(attachments))) is not None
            and not dates_the_governing_act(span, tie, trigger, attachments)]
    if not tied:  # the sentence's dates are other clauses': a court's act, a relative clause's
        relative = _in_relative_clause(attachments, text)
        # another act's words (extract/other_acts.py, a semicolon's other clause) never date it
        spans = [s for s in spans if not in_other_part(s, tuple(attachments))]
        return nearest_span([s for s in spans if (_deictic(s) and not relative) or (text is not None and (
            _opens_clause_of(text, s, trigger) or _dates_the_instance(text, s, trigger)
            or _frames_the_sentence(text, s, trigger, attachments)))], trigger.start)
    return min(tied, key=lambda ts: (ts[0].depth, min(abs(ts[1].start - trigger.start),
                                                      abs(ts[1].end - trigger.start))))[1]


# A relative clause right after a dated noun tells that event: "the bombings of 21 April 2019,
# which killed more than 260 people", "an attack on 3 May that wounded five".
_RELATIVE_AFTER = re.compile(r",?\s+(?:which|that)\s")
_RELATIVE_REACH = 3  # words from the date to the trigger: the pronoun and an auxiliary at most
