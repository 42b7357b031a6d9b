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

from factfinder.dates.patterns import find_date_spans, parse
from factfinder.dates.resolve import resolve_date
from factfinder.extract.attachment import attachment_of
from factfinder.extract.sentences import Sentence, split_sentences
from factfinder.extract.statistics import as_of_date
from factfinder.model import Attachment, Document, Incident, Span, Statistic


# A news dateline: "KABUL, Afghanistan (Jan. 25, 2013) –" at the start of a line (after any
# blank, a no-break space included).
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[^\S\n]*[A-Z][A-Z.'’ -]{2,},[^()\n]{0,40}\($")


def is_dateline_date(text: str, span: Span) -> bool:
    """Whether a date phrase is a dateline's date: the day of the report, not of the event."""
    return bool(_DATELINE_BEFORE.search(text, max(0, span.start - 60), span.start))


# The dateline at the head of a report ("KABUL, Afghanistan (Jan. 25, 2013) –"),
# looked for in its first lines only.
_DATELINE = re.compile(r"(?:^|\n)[^\S\n]*[A-Z][A-Z.'’ -]{2,},[^()\n]{0,40}\(([^()\n]{3,30})\)")
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


def _weak(span: Span) -> bool:
    """"overnight" tells the night before the report; a day the sentence names says it better."""
    return span.text.lower() == "overnight"


# Verbs that report what another clause tells: a date beside them is the report's.
# Verbs that also tell acts ("reported on the death", "found him guilty") report only with
# "that"; "confirmed" reports unless a court confirms a sentence or a ruling.
_REPORTING = (r"(?:said|says|stated|announced|noted|wrote|told|warned|expressed\s+(?:\w+\s+)?concern"
              r"|raised\s+concerns?|confirmed(?!\s+(?:the\s+|its\s+|their\s+)?(?:sentences?|verdicts?|convictions?"
              r"|rulings?|decisions?|charges|appeals?|acquittals?)\b)"
              r"|(?:reported|reports|found|concluded|documented|published)(?:\s+[\w']+){0,3}?\s+that)")
_REPORTING_REACH = 12  # words from a date to the reporting verb of the clause it opens
_REPORTING_BETWEEN = re.compile(r"\b" + _REPORTING + r"\b")
# A report's own day: "in a report published on Monday", "a statement released late yesterday".
_PUBLISHED = r"(?:report|study|statement|findings|survey|assessment|video|footage)\s+(?:was\s+)?(?:published|released|issued)"
_REPORTING_BEFORE = re.compile(r"\b(?:" + _REPORTING + "|" + _PUBLISHED + r")\s+(?:(?:on|in|late|early|last)\s+)?$")


def dates_the_report(text: str, span: Span, trigger: Span) -> bool:
    """Whether a date phrase the parse did not tie to the event dates its report instead.

    "In November, the committee said that torture ... was systematic", "thousands were
    detained ..., the commission said in September": the date frames the reporting verb,
    and the event's own date is unsaid. A date between the event and its reporting verb
    ("were arrested on Monday, police said") stays the event's. A date right after a
    reporting verb before the event ("said late yesterday that ... the detention") or after
    a report's publication ("in a report published on Monday") is the report's too.
    """
    if span.end <= trigger.start:
        if _REPORTING_BEFORE.search(text, max(0, span.start - 40), span.start):
            return True
        # searched past the trigger so that "confirmed sentences" is read whole
        verb = next((v for v in _REPORTING_BETWEEN.finditer(text, span.end, trigger.end)
                     if v.end() <= trigger.start), None)
        # the date opens the reporting clause: a few words before its verb, no clause break between
        between = text[span.end:verb.start()] if verb else ""
        return verb is not None and ";" not in between and len(between.split()) <= _REPORTING_REACH
    return span.start >= trigger.end and bool(_REPORTING_BEFORE.search(text, max(trigger.end, span.start - 40),
                                                                       span.start))


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
    spans = [s for s in spans if not _weak(s)] or list(spans)
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
        return nearest_span([s for s in spans if _deictic(s) or (text is not None and (
            _opens_clause_of(text, s, trigger) or _dates_the_instance(text, s, trigger)))], trigger.start)
    return min(tied, key=lambda ts: (ts[0].depth, min(abs(ts[1].start - trigger.start),
                                                      abs(ts[1].end - trigger.start))))[1]


# A relative clause right after a dated noun tells that event: "the bombings of 21 April 2019,
# which killed more than 260 people", "an attack on 3 May that wounded five".
_RELATIVE_AFTER = re.compile(r",?\s+(?:which|that)\s")
_RELATIVE_REACH = 3  # words from the date to the trigger: the pronoun and an auxiliary at most

# A date used as a noun's modifier: "the 2013 protests", "its 2019 action plan", "Egypt's 2011 uprising".
_DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|\w+['’]s)\s+$")
_NOUN_AFTER = re.compile(r"\s+[\w\"“]")
# The trigger within this many words after the modifying date is the noun it modifies.
_NOUN_PHRASE_WORDS = 3
_ATTRIBUTIVE_YEAR = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|\w+['’]s)\s+((?:1[89]|20)\d\d(?:[-–](?:(?:1[89]|20)?\d\d))?)"
                               r"\s+(?:[\w\"“”-]+\s+){0,2}$")


def names_another_noun(text: str, span: Span, trigger: Span) -> bool:
    """Whether the date modifies a noun other than the event's: "imprisoned over the 2016-2017
    protests" does not date the imprisonment, nor "its 2019 action plan" the abuse."""
    if not (_DETERMINER_BEFORE.search(text, max(0, span.start - 20), span.start) and _NOUN_AFTER.match(text, span.end)):
        return False
    after = text[span.end:trigger.start].split() if trigger.start >= span.end else None
    return after is None or len(after) >= _NOUN_PHRASE_WORDS


# An institution's act told as a participle after its noun: "Decree-Law 54, issued in September
# 2022", "the peace agreement signed in November 2022", "a life sentence imposed in 2011".
_ACT_PARTICIPLE = re.compile(r"(\b[\w-]+)(?:,)?\s+(?:issued|signed|adopted|passed|enacted|set\s+up|founded|established"
                             r"|imposed|introduced|launched|created|ratified|amended|handed\s+down|concluded)"
                             r"\s+(?:in|on)\s+$")


def participle_noun(text: str, span: Span) -> Span | None:
    """The noun a date dates through an institution's participle ("the agreement signed in
    November 2022": agreement), or None when the date follows no such participle."""
    found = _ACT_PARTICIPLE.search(text, max(0, span.start - 60), span.start)
    return Span.of(text, found.start(1), found.end(1)) if found else None


def attributive_year(text: str, trigger: Span) -> Span | None:
    """The year that modifies the event's own noun: "the 2013 protests", "the 2016-2017 Hirak protests"
    (a bare year is no date phrase of its own, ``patterns.py``)."""
    found = _ATTRIBUTIVE_YEAR.search(text, max(0, trigger.start - 50), trigger.start)
    return Span.of(text, found.start(1), found.end(1)) if found else None


# Prepositions that make the event the cause or topic of another act: "fined on 14 April over a
# protest", "sentenced in May for the killing". Not "after" ("on 9 May, after the arrest of ...",
# often the same day) nor "against" ("tear gas against students marching").
_CAUSE = frozenset({"over", "for", "about"})


def dates_the_governing_act(span: Span, tie: Attachment, trigger: Span, attachments: Sequence[Attachment]) -> bool:
    """Whether a date before the event dates the act it is the cause or topic of: the parse ties
    it above the preposition that carries the event's predicate ("On 14 April, a court fined a
    man over a protest": the fine's day, the protest's is unsaid); one after the event ("a
    protest on 2 April") is the event's own."""
    return any(word.relation in ("predicate", "shared") and word.span.text.lower() in _CAUSE
               and span.end <= word.span.start < trigger.start and tie.depth > word.depth
               for word in attachments)


_HEADLINE_END = re.compile(r"[.!?…:;\"”’')\]]\s*$")
# How far a headline looks ahead for its lead's date.
_LEAD_SENTENCES = 8


def is_headline(text: str, sentences: Sequence[Sentence], index: int) -> bool:
    """A line of its own without a final stop: a headline, which tells the event its lead dates."""
    sentence = sentences[index]
    neighbours = [sentences[i] for i in (index - 1, index + 1) if 0 <= i < len(sentences)]
    return all(n.paragraph != sentence.paragraph for n in neighbours) and not _HEADLINE_END.search(text, sentence.start, sentence.end)


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


def _lead_date(document: Document, sentences: Sequence[Sentence], index: int, story: int | None,
               dated: SentenceDates) -> Span | None:
    """The date of a headline's lead: the first sentence after it that ends with a stop (the
    lines between, a byline or a release number, are passed over), else the dateline before
    that sentence; never a date of the story's later paragraphs."""
    text = document.text
    dateline: Span | None = None
    for at in range(index + 1, min(len(sentences), index + 1 + _LEAD_SENTENCES)):
        later = sentences[at]
        if _story(document, later.start) != story:
            break
        spans = dated(at)
        plain = [s for s in spans if not is_dateline_date(text, s)]
        if plain:
            return next((s for s in plain if not _weak(s)), plain[0])
        if dateline is None and spans:
            dateline = spans[0]
        if _HEADLINE_END.search(text, later.start, later.end):
            break  # the lead, undated
    return dateline


def date_span(document: Document, sentences: Sequence[Sentence], index: int, trigger: Span,
              lead_dated: bool, story: int | None, attachments: Sequence[Attachment] = (),
              dated: SentenceDates | None = None, *, told_on: bool | None = None) -> Span | None:
    """The date phrase of its sentence that tells the event's date (``own_date``), else, for
    an episode told on (``told_on``, by default ``lead_dated``), the latest one of the earlier
    sentences of its paragraph; never a guess. A violent event (``lead_dated``) told in a
    later paragraph without a date takes the date of the nearest earlier paragraph of its
    story (news tells the when in the lead and elaborates below it), else the dateline's
    ("KABUL (Nov. 21) –", the report's day); reactions and background told further down
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
    for at in range(index - 1, max(-1, index - 1 - _LOOK_BACK_SENTENCES), -1):
        earlier = sentences[at]
        if _story(document, earlier.start) != story:
            break
        spans = dated(at)
        plain = [s for s in spans if not is_dateline_date(text, s)]
        if plain and earlier.paragraph == sentence.paragraph and (lead_dated if told_on is None else told_on):
            return plain[-1]
        if plain and lead is None:
            lead = plain[-1]
        (datelines if earlier.paragraph == sentence.paragraph else story_datelines).extend(
            s for s in spans if is_dateline_date(text, s))
    if lead_dated:
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
    dated = sentence_dates(document.text, sentences)
    out = []
    for incident in incidents:
        if incident.trigger is not None:
            index = bisect_right(starts, incident.trigger.start) - 1
            if index >= 0:
                span = date_span(document, sentences, index, incident.trigger, is_lead_dated(incident),
                                 _story(document, sentences[index].start), incident.attachments, dated,
                                 told_on=is_told_on(incident))
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
