"""Statistics: cumulative or aggregate figures, kept apart from incidents.

"19,693 civilians have been arrested since the military coup" is a running
tally, not an arrest of 19,693 people on one day: it becomes a ``Statistic``
with the date it is stated for (``as_of``), and its figure is not also an
incident's count. A sentence is a tally when it holds a cumulative cue of
``data/extract_cues.csv`` ("since the coup", "so far this year", "to date",
"across the country"; "a total of" only with a period).

``as_of`` is the date the source states the figure for: the nearest date
expression of the sentence that is not the start of the period ("since
November 16" opens the period, it is not the as-of date), else the
publication date (a tally published on a day is stated as of that day), else
null. A coarse date ("in October") gives its last day, never after publication.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from factfinder.extract.sentences import Sentence
from factfinder.model import Attribution, Count, DateRange, Span, Statistic

_PERIOD_START = re.compile(r"\b(?:since|from|after|between|starting|beginning)\s+(?:the\s+)?$", re.IGNORECASE)
_AUXILIARY = re.compile(
    r"\b(?:who|which|that)?\s*(?:have|has|had)\s+(?:been\s+)?|\b(?:were|was|are|is|been|being)\s+", re.IGNORECASE)
_LEADING = re.compile(r"^[\s(\[)\]\d,.]+")
_CLAUSE_END = re.compile(r"[,;:.!?\"”]|\s+(?:and|but|while|according)\s+", re.IGNORECASE)
_MAX_MEASURE_WORDS = 10


def measure_phrase(text: str, count: Count, sentence: Sentence) -> str:
    """A short phrase naming what is counted, built from the clause after the figure.

    "19693 civilians have been arrested since the military coup" gives
    "civilians arrested since the military coup": the words after the figure
    up to the end of the clause, auxiliaries dropped, at most ten words.
    """
    rest = text[count.span.end:sentence.end]
    rest = _LEADING.sub("", rest)
    end = _CLAUSE_END.search(rest)
    clause = rest[:end.start()] if end else rest
    clause = _AUXILIARY.sub(" ", clause)
    words = clause.split()[:_MAX_MEASURE_WORDS]
    return " ".join(words) or count.category


def as_of_date(text: str, date_spans: Sequence[Span], resolve: Callable[[Span, str | None], DateRange | None],
               published: str | None) -> tuple[str | None, Span | None]:
    """The date a tally is stated for, and the words it was read from (see the module docstring)."""
    for span in date_spans:
        if _PERIOD_START.search(text[max(0, span.start - 20):span.start]):
            continue
        resolved = resolve(span, published)
        if resolved is None:
            continue
        value: str | None = resolved.end
        if published and resolved.end > published:
            # A coarse date running past publication ("this month") is stated as of publication;
            # one wholly after it is not an as-of date.
            value = published if resolved.start <= published else None
        if value:
            return value, span
    return published, None


def statistic_category(count: Count, types: Sequence[str]) -> str:
    """The count's own category, or the one its sentence's trigger names when it is "other"."""
    from factfinder.extract.incidents import CATEGORY_OF_TYPE

    if count.category != "other":
        return count.category
    for kind in types:
        if kind in CATEGORY_OF_TYPE:
            return CATEGORY_OF_TYPE[kind]
    return "other"


def build_statistics(doc: str, text: str, sentence: Sentence, counts: Sequence[Count], types: Sequence[str], *,
                     attribution: tuple[Attribution, ...], story: int | None,
                     id_: str | None) -> list[Statistic]:
    """One statistic per figure of a tally sentence (money figures are not tallies of people).

    Its as-of date (``as_of_date``, run by the dates stage) and its place (the geo
    stage) are set later: extraction finds neither dates nor places."""
    evidence = (Span.of(text, sentence.start, sentence.end),)
    stats = []
    for count in counts:
        if count.category == "money":
            continue
        category = statistic_category(count, types)
        if category == "other" and not types:
            continue
        stats.append(Statistic(
            doc=doc, measure=measure_phrase(text, count, sentence), category=category, value=count.value,
            qualifier=count.qualifier, unit=count.unit, evidence=evidence,
            attribution=attribution, story=story, id=id_,
        ))
    return stats
