"""A wire report's dateline: the day it was filed, not the day of the event it tells.

"KABUL, Afghanistan (Jan. 25, 2013) –" opens a release: its date is what "yesterday" and
"today" in the text count from (``with_dateline_published``), and it is never an incident's
own date phrase (``is_dateline_date``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from factfinder.dates.patterns import find_date_spans
from factfinder.dates.resolve import resolve_date
from factfinder.model import Document, Span

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
