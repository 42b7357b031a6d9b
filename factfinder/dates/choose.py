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
from collections.abc import Callable, Sequence
from dataclasses import replace

from factfinder.dates.dateline import is_dateline_date, with_dateline_published
from factfinder.dates.own import is_weak, attributive_year, own_date
from factfinder.dates.patterns import find_date_spans, parse
from factfinder.dates.resolve import resolve_date
from factfinder.extract.sentences import Sentence, split_sentences
from factfinder.extract.statistics import as_of_date
from factfinder.extract.triggers import load_cues
from factfinder.model import Attachment, Document, Incident, Span, Statistic
from factfinder.text.captions import in_caption

__all__ = ["date_span", "incident_date_spans", "is_dateline_date", "is_lead_dated", "is_told_on",
           "statistic_dates", "with_dateline_published"]


# How far back a sentence without a date looks for its story's date: a lead and a
# few paragraphs, bounded so that a long document stays linear.
_LOOK_BACK_SENTENCES = 40
# The events a lead's date carries down the story (the ACLED-style event types).
_LEAD_DATED_TYPES = frozenset({"killing", "attack", "armed_clash", "arrest", "disappearance",
                               "displacement", "property_destruction"})


def is_lead_dated(incident: Incident) -> bool:
    """Whether the story's lead dates the incident when its own sentences do not: the violent
    and ACLED-style event types, and an ``other`` with a subtype, which is one of ACLED's
    strategic developments (weapons seized, explosives defused, territory, a base set up):
    "seized 20 rifles" in a release's third paragraph happened in the operation its lead
    dates. Reactions, statements and background keep their own unsaid dates."""
    return incident.type in _LEAD_DATED_TYPES or (incident.type == "other" and incident.subtype is not None)


def is_told_on(incident: Incident) -> bool:
    """Whether a sentence without a date goes on telling its paragraph's dated episode: the
    lead-dated events, torture, and any other development (``other``: "The force uncovered rifles").
    A restriction, statement, proceeding or shortage told without a date is a state of
    affairs or an act with a date of its own ("Police banned dozens of rallies"): an earlier
    sentence's date is not its."""
    return is_lead_dated(incident) or incident.type in ("other", "torture")


def _story(document: Document, offset: int) -> int | None:
    story = document.story_at(offset)
    return story.index if story else None


_HEADLINE_END = re.compile(r"[.!?…:;\"”’')\]]\s*$")
# How far a headline looks ahead for its lead's date.
_LEAD_SENTENCES = 8


def is_headline(text: str, sentences: Sequence[Sentence], index: int) -> bool:
    """A line of its own without a final stop: a headline, which tells the event its lead dates."""
    sentence = sentences[index]
    neighbours = [sentences[i] for i in (index - 1, index + 1) if 0 <= i < len(sentences)]
    return all(n.paragraph != sentence.paragraph for n in neighbours) and not _HEADLINE_END.search(text, sentence.start, sentence.end)


_CLAUSE_BREAK = re.compile(r"[,;:()]")


def is_background_date(text: str, sentence: Sentence, span: Span) -> bool:
    """Whether a date phrase tells what a person or group is known for, not the story's episode:
    the words of its sentence before it hold a background cue ("He was responsible for an assault
    on a school ceremony in June 2011" in a release about an operation on Thursday). Such a
    date is its sentence's own, never lent to the sentences after it. Only the date's own clause
    counts (back to a comma, colon or bracket): "a bomb maker and weapons supplier in a district
    of the province, Wednesday" dates the operation, not the trade."""
    start = max([sentence.start] + [m.end() for m in _CLAUSE_BREAK.finditer(text, sentence.start, span.start)])
    return bool(load_cues().background.search(text, start, span.start))


SentenceDates = Callable[[int], Sequence[Span]]
"""The date phrases of the document's sentence at an index (``sentence_dates``)."""


def sentence_dates(text: str, sentences: Sequence[Sentence]) -> SentenceDates:
    """The date phrases of each sentence, found once per document: every incident of a long
    article looks back over the same sentences, and finding dates was about a tenth of
    extraction's time before (bench: ``python bench/dates_stories.py``)."""
    found: dict[int, list[Span]] = {}

    def dates(index: int) -> Sequence[Span]:
        if index not in found:
            sentence = sentences[index]
            found[index] = find_date_spans(text, sentence.start, sentence.end)
        return found[index]
    return dates


# Date phrases that name one day: what the paragraph after an undated lead gives its event.
_DAY_KINDS = frozenset({"iso", "month_day", "day_month", "weekday", "relative_day", "last_day", "holiday"})


def _names_a_day(span: Span) -> bool:
    expression = parse(span.text)
    return expression is not None and expression.kind in _DAY_KINDS


def _lead_date(document: Document, sentences: Sequence[Sentence], index: int, story: int | None,
               dated: SentenceDates) -> Span | None:
    """The date of a headline's lead: the first sentence after it that ends with a stop (the
    lines between, a byline or a release number, are passed over), else the dateline before
    that sentence. A lead without a date and without a dateline ("The EU is calling on China
    to release reporters, following the detention of a journalist") is told in the next
    paragraph's first sentence, the inverted pyramid's details ("She was taken from her home
    on Dec. 7"): a day it names is the headline's; never a month, a year or a "since", and
    never a date of the paragraphs after."""
    text = document.text
    dateline: Span | None = None
    lead: Sentence | None = None
    for at in range(index + 1, min(len(sentences), index + 1 + _LEAD_SENTENCES)):
        later = sentences[at]
        if _story(document, later.start) != story:
            break
        if lead is not None and later.paragraph == lead.paragraph:
            continue
        caption = in_caption(text, later.start, later.end)
        spans = () if caption else dated(at)
        plain = [s for s in spans if not is_dateline_date(text, s)]
        if lead is not None:  # the first sentence of the paragraph after the undated lead
            return next((s for s in plain if _names_a_day(s)), None) if not caption else None
        if plain:
            return next((s for s in plain if not is_weak(s)), plain[0])
        if dateline is None and spans:
            dateline = spans[0]
        if _HEADLINE_END.search(text, later.start, later.end):
            if dateline is not None:
                break  # the lead, undated: the release's day
            lead = later
    return dateline


def date_span(document: Document, sentences: Sequence[Sentence], index: int, trigger: Span,
              lead_dated: bool, story: int | None, attachments: Sequence[Attachment] = (),
              dated: SentenceDates | None = None, *, told_on: bool | None = None) -> Span | None:
    """The date phrase of its sentence that tells the event's date (``own_date``), else, for
    an episode told on (``told_on``, by default ``lead_dated``), the latest one of the earlier
    sentences of its paragraph; never a guess. A violent event (``lead_dated``) told in a
    later paragraph without a date takes the date of the nearest earlier paragraph of its
    story (news tells the when in the lead and elaborates below it), else the dateline's
    ("KABUL (Nov. 21) –", the report's day), which also wins when it is met first (nearer
    than a header's date above it); reactions and background told further down
    often have dates of their own left unsaid, so they do not. ``dated`` gives each
    sentence's date phrases, found once per document."""
    text = document.text
    sentence = sentences[index]
    dated = dated or sentence_dates(text, sentences)
    own = dated(index)
    plain = [s for s in own if not is_dateline_date(text, s)]
    if (year := attributive_year(text, trigger)) is not None and year.start >= sentence.start:
        return year
    found = own_date(plain, trigger, attachments, text)
    if found is not None or plain:  # the sentence's dates are all another clause's: unsaid
        return found
    if lead_dated and is_headline(text, sentences, index):
        return _lead_date(document, sentences, index, story, dated)
    datelines = [s for s in own if is_dateline_date(text, s)]
    lead: Span | None = None  # the date of the story's nearest earlier dated paragraph
    story_datelines: list[Span] = []
    # a dateline met before any earlier date: the release's own day, nearer than a header's
    # date above it ("Daily Update, March 8, 2010 ... HERAT, Afghanistan (March 7) –")
    nearer = datelines[-1] if datelines else None
    for at in range(index - 1, max(-1, index - 1 - _LOOK_BACK_SENTENCES), -1):
        earlier = sentences[at]
        if _story(document, earlier.start) != story:
            break
        spans = () if in_caption(text, earlier.start, earlier.end) else dated(at)
        plain = [s for s in spans if not is_dateline_date(text, s) and not is_background_date(text, earlier, s)]
        if plain and earlier.paragraph == sentence.paragraph and (lead_dated if told_on is None else told_on):
            return plain[-1]
        if plain and lead is None:
            lead = plain[-1]
        own_datelines = [s for s in spans if is_dateline_date(text, s)]
        if nearer is None and lead is None and own_datelines:
            nearer = own_datelines[-1]
        (datelines if earlier.paragraph == sentence.paragraph else story_datelines).extend(own_datelines)
    if lead_dated:
        datelines += story_datelines
        if lead is not None:
            return nearer or lead
    return datelines[-1] if datelines else None


# The opening of a story: its headline and lead, the first paragraphs that hold sentences.
_OPENING_PARAGRAPHS = 2
# How many paragraphs after the opening's event its day may be told.
_DETAIL_PARAGRAPHS = 5


# The types that tell the same episode further down a story: an abduction is told as a
# disappearance in the lead and as an arrest below ("held incommunicado for two weeks" /
# "taken by security officers on June 2"), a killing through the beating or attack that caused it
# ("the murder of a shopkeeper" / "beaten late on 3 October").
_TOLD_BELOW_AS = {"arrest": frozenset({"arrest", "disappearance"}),
                  "disappearance": frozenset({"disappearance", "arrest"}),
                  "killing": frozenset({"killing", "attack", "torture"}),
                  "attack": frozenset({"attack", "killing"})}


def _paragraph_ranks(document: Document, sentences: Sequence[Sentence]) -> dict[int, tuple[int | None, int]]:
    """Each paragraph that holds a sentence -> (its reading unit, its rank among the unit's
    paragraphs that hold sentences). A unit is a story; a headline or lead that segmentation set
    apart at the head of the document as a story of its own (at most ``_OPENING_PARAGRAPHS``
    paragraphs) is read with the story after it, which tells it on."""
    ranks: dict[int, tuple[int | None, int]] = {}
    unit: int | None = None
    story: int | None = None
    rank = 0
    joined = False
    for n, sentence in enumerate(sentences):
        here = _story(document, sentence.start)
        if n == 0 or here != story:
            join = n > 0 and not joined and unit == _story(document, sentences[0].start) and rank <= _OPENING_PARAGRAPHS
            joined = joined or join
            if not join:
                unit, rank = here, 0
            story = here
        if sentence.paragraph not in ranks:
            ranks[sentence.paragraph] = (unit, rank)
            rank += 1
    return ranks


def _opening_days(document: Document, sentences: Sequence[Sentence], placed: Sequence[tuple[Incident, int]]
                  ) -> dict[int, Span]:
    """The day told further down for an undated event of a story's opening, by its position in
    ``placed`` (incident, sentence index). News tells what happened in the headline and lead and
    when in the paragraphs below ("A press-freedom group on Tuesday urged the release of nine
    reporters held after a series of raids" / "Most of the reporters were detained on August
    14"): a lead-dated event of the opening (its first ``_OPENING_PARAGRAPHS`` paragraphs) without
    a date of its own takes the day (not a month or a year) of the first sentence of a later
    paragraph of its story, at most ``_DETAIL_PARAGRAPHS`` paragraphs down, that tells an event
    of the same type with a day of its own sentence. Within one paragraph a later sentence's day
    is another episode's (an annual report's paragraph tells several)."""
    ranks = _paragraph_ranks(document, sentences)
    days: dict[int, Span] = {}
    for at, (incident, index) in enumerate(placed):
        unit, rank = ranks[sentences[index].paragraph]
        if incident.date_span is not None or not is_lead_dated(incident) or rank >= _OPENING_PARAGRAPHS:
            continue
        kin = _TOLD_BELOW_AS.get(incident.type, frozenset({incident.type}))
        later = [(other, i) for other, i in placed if other.type in kin
                 and ranks[sentences[i].paragraph][0] == unit
                 and rank < ranks[sentences[i].paragraph][1] <= rank + _DETAIL_PARAGRAPHS]
        for other, i in sorted(later, key=lambda pair: pair[1]):
            span = other.date_span
            if span is not None and sentences[i].start <= span.start < sentences[i].end and _names_a_day(span):
                days[at] = span
                break
    return days


def incident_date_spans(document: Document, incidents: Sequence[Incident]) -> tuple[Incident, ...]:
    """Each incident that extraction gave a trigger, with the date phrase that tells its date;
    an undated event of a story's opening takes the day its story tells below (``_opening_days``)."""
    if not any(i.trigger is not None for i in incidents):
        return tuple(incidents)
    sentences = split_sentences(document.text)
    starts = [s.start for s in sentences]
    dated = sentence_dates(document.text, sentences)
    out: list[Incident] = []
    placed: list[tuple[Incident, int]] = []
    where: list[int] = []  # each placed incident's position in ``out``
    for incident in incidents:
        if incident.trigger is not None:
            index = bisect_right(starts, incident.trigger.start) - 1
            if index >= 0:
                span = date_span(document, sentences, index, incident.trigger, is_lead_dated(incident),
                                 _story(document, sentences[index].start), incident.attachments, dated,
                                 told_on=is_told_on(incident))
                incident = replace(incident, date_span=span)
                placed.append((incident, index))
                where.append(len(out))
        out.append(incident)
    for at, span in _opening_days(document, sentences, placed).items():
        out[where[at]] = replace(out[where[at]], date_span=span)
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
