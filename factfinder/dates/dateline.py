"""A wire report's dateline: the day it was filed, not the day of the event it tells.

"HERAT, Afghanistan (Oct. 9, 2012) –" opens a release: its date is what "yesterday" and
"today" in the text count from (``with_dateline_published``), and it is never an incident's
own date phrase (``is_dateline_date``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from factfinder.dates.patterns import find_date_spans
from factfinder.dates.resolve import in_release_month, release_month, resolve_date
from factfinder.model import Document, Span
from factfinder.text.datelines import dateline_date_before, first_dateline_date

def is_dateline_date(text: str, span: Span) -> bool:
    """Whether a date phrase is a dateline's date: the day of the report, not of the event."""
    return dateline_date_before(text, span.start)


# The dateline at the head of a report ("HERAT, Afghanistan (Oct. 9, 2012) –") is looked for
# in its first lines only (text/datelines).
_DATELINE_REACH = 3000
# A release's day heading its title when it has no dateline: "Dec. 17: Militants Detained in
# Nangarhar" (a day's roundup of operations), on its first line only (a chronology's entries
# "March 3: ..." further down are events, not the release's day).
_DAY_HEADING = re.compile(r"\A\s*((?:[A-Z][a-z]{2,8}\.?|[A-Z]{3,9}) \d{1,2}(?:, (?:19|20)\d\d)?):[^\S\n]+\S")


def _release_day(text: str) -> str | None:
    """The day a release was issued, from its dateline, else from a day heading its title.

    A date there with its year is the day. Without a year ("KABUL, Afghanistan (Dec. 24)"),
    a release number at the release's head ("2009-12-CA-080", issued in December 2009) gives
    it its year: the latest such day not after that month ends (``in_release_month``).
    Nothing else in a release's text places a yearless day: a weekday fits one in every few
    years, and a year the text states ("an attack in June 2011") bounds the release only from
    below (docs/dates.md)."""
    found = first_dateline_date(text, _DATELINE_REACH)
    if found is None:
        heading = _DAY_HEADING.match(text)
        found = None if heading is None else heading.span(1)
    if found is None:
        return None
    month = release_month(text)
    for span in find_date_spans(text, *found):
        resolved = resolve_date(span, None)
        if resolved is None and month is not None:
            resolved = in_release_month(span, month)
        if resolved is not None and resolved.precision == "day":
            return resolved.start
    return None


def with_dateline_published(document: Document) -> Document:
    """The document with its release's day (``_release_day``) as publication date when it has none.

    A wire report's dateline is the day it was filed, which is what "yesterday" and
    "today" in its text count from; a dateline without a year ("(Nov. 21)") that nothing
    in the release places is left alone, as is a document whose publication date is known.
    """
    if document.published is not None:
        return document
    day = _release_day(document.text)
    return document if day is None else replace(document, published=day)
