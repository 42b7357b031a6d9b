"""Which date phrase tells when an incident happened, and when a tally is stated for.

The dates stage runs after extraction: extraction gives each incident its
sentence and the trigger words (``Incident.trigger``) and each statistic its
sentence; here the date phrases around them are found, the one that tells the
event's date is chosen (rules below, moved from the Extractor so that
extraction finds no dates itself), and ``resolve.py`` anchors it to the
publication date. A wire report without a publication date takes its
dateline's day first, since "yesterday" in its text counts from it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from itertools import islice

from factfinder.dates.patterns import find_date_spans
from factfinder.dates.resolve import resolve_date
from factfinder.extract.attachment import attachment_of
from factfinder.extract.sentences import Sentence, split_sentences
from factfinder.extract.statistics import as_of_date
from factfinder.model import Attachment, Document, Incident, Span, Statistic


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
    for match in _DATELINE.finditer(document.text, 0, min(len(document.text), _DATELINE_REACH)):
        for span in find_date_spans(document.text, match.start(1), match.end(1)):
            resolved = resolve_date(span, None)
            if resolved is not None and resolved.precision == "day":
                return replace(document, published=resolved.start)
        break
    return document


def nearest_span(spans: Sequence[Span], offset: int) -> Span | None:
    """The span closest to ``offset`` (a trigger's start), before or after it."""
    if not spans:
        return None
    return min(spans, key=lambda s: min(abs(s.start - offset), abs(s.end - offset)))


# How far back a sentence without a date looks for its story's date: a lead and a
# few paragraphs, bounded so that a long document stays linear.
_LOOK_BACK_SENTENCES = 40
# The events a lead's date carries down the story (the ACLED-style event types).
_LEAD_DATED_TYPES = frozenset({"killing", "attack", "armed_clash", "arrest", "disappearance",
                               "displacement", "property_destruction"})


def _story(document: Document, offset: int) -> int | None:
    story = document.story_at(offset)
    return story.index if story else None


def own_date(spans: Sequence[Span], trigger: Span, attachments: Sequence[Attachment]) -> Span | None:
    """The date phrase of the trigger's sentence that tells the event's date.

    With the parse's ties (``Incident.attachments``), the phrase tied closest to the
    event's predicate: "sentenced on 3 May for the killing of a lawyer on 3 March"
    gives the trial 3 May; a phrase the parse puts in another clause ("who was released
    on 5 May", "officials said on Monday") loses to one in the event's own. Without
    ties, the nearest phrase (measured: dropping untied dates lost more right dates
    on the project's gold than it saved).
    """
    if not attachments:
        return nearest_span(spans, trigger.start)
    tied = [(tie, span) for span in spans if (tie := attachment_of(span, tuple(attachments))) is not None]
    if not tied:  # the small parser often hangs a date on the wrong word: nearness then
        return nearest_span(spans, trigger.start)
    return min(tied, key=lambda ts: (ts[0].depth, min(abs(ts[1].start - trigger.start),
                                                      abs(ts[1].end - trigger.start))))[1]


def date_span(document: Document, sentences: Sequence[Sentence], index: int, trigger: Span,
              kind: str, story: int | None, attachments: Sequence[Attachment] = ()) -> Span | None:
    """The date phrase nearest the trigger in its sentence, else the latest one of the
    earlier sentences of its paragraph; never a guess. A violent event told in a later
    paragraph without a date takes the date of the nearest earlier paragraph of its
    story (news tells the when in the lead and elaborates below it), else the dateline's ("KABUL (Nov. 21) –",
    the report's day); reactions and background told further down often have dates
    of their own left unsaid, so they do not."""
    text = document.text
    sentence = sentences[index]
    own = find_date_spans(text, sentence.start, sentence.end)
    found = own_date([s for s in own if not is_dateline_date(text, s)], trigger, attachments)
    if found is not None:
        return found
    datelines = [s for s in own if is_dateline_date(text, s)]
    lead: Span | None = None  # the date of the story's nearest earlier dated paragraph
    story_datelines: list[Span] = []
    for earlier in islice(reversed(sentences[:index]), _LOOK_BACK_SENTENCES):
        if _story(document, earlier.start) != story:
            break
        spans = find_date_spans(text, earlier.start, earlier.end)
        plain = [s for s in spans if not is_dateline_date(text, s)]
        if plain and earlier.paragraph == sentence.paragraph:
            return plain[-1]
        if plain and lead is None:
            lead = plain[-1]
        (datelines if earlier.paragraph == sentence.paragraph else story_datelines).extend(
            s for s in spans if is_dateline_date(text, s))
    if kind in _LEAD_DATED_TYPES:
        datelines += story_datelines
        if lead is not None:
            return lead
    return datelines[-1] if datelines else None


def incident_date_spans(document: Document, incidents: Sequence[Incident]) -> tuple[Incident, ...]:
    """Each incident that extraction gave a trigger, with the date phrase that tells its date."""
    if not any(i.trigger is not None for i in incidents):
        return tuple(incidents)
    sentences = split_sentences(document.text)
    starts = [s.start for s in sentences]
    out = []
    for incident in incidents:
        if incident.trigger is not None:
            index = bisect_right(starts, incident.trigger.start) - 1
            if index >= 0:
                span = date_span(document, sentences, index, incident.trigger, incident.type,
                                 _story(document, sentences[index].start), incident.attachments)
                incident = replace(incident, date_span=span)
        out.append(incident)
    return tuple(out)


def statistic_dates(document: Document, statistics: Sequence[Statistic]) -> tuple[Statistic, ...]:
    """Each statistic with the date it is stated for, read from its sentence (extract/statistics.py)."""
    text = document.text
    out = []
    for statistic in statistics:
        if statistic.as_of is None and statistic.evidence:
            sentence = statistic.evidence[0]
            spans = find_date_spans(text, sentence.start, sentence.end)
            as_of, span = as_of_date(text, spans, resolve_date, document.published)
            statistic = replace(statistic, as_of=as_of, as_of_span=span)
        out.append(statistic)
    return tuple(out)
