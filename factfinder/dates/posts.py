"""An embedded social-media post: the day under its signature is what its words count from.

News articles quote posts as a paragraph that ends with the post's signature, its
author, handle and day: "Police detained two students outside the court today.
pic.twitter.com/... — A Reporter (@areporter) March 12, 2022". The post was written on
that day, not on the article's: its "today", "yesterday" or "on Friday" count from the
signature's day, as a wire report's count from its dateline (``dateline.py``), and a
post quoted a few days later would otherwise move its events to the article's day.
Only the post's own line counts; the signature's day is no event's date by itself.
"""

from __future__ import annotations

import re

from factfinder.dates.patterns import find_date_spans
from factfinder.model import Span

__all__ = ["post_signature_date"]

# The signature that closes a quoted post: a dash, the author's name, the handle in brackets,
# then the day with its year ("— Frontier (@frontier) March 1, 2021"), at the end of its line.
_SIGNATURE = re.compile(r"[—–]\s*[^\n()—–]{1,80}\(@\w{1,30}\)[^\S\n]+([^\n]{6,30}?\b(?:19|20)\d\d)[^\S\n]*$",
                        re.MULTILINE)
# The longest post text a signature is looked for after (a post's text and its links).
_POST_REACH = 700


def post_signature_date(text: str, span: Span) -> Span | None:
    """The date of the signature closing the quoted post that holds ``span``, or None when the
    phrase is not in a post's line (or is the signature's own date)."""
    line_end = text.find("\n", span.end)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - span.end > _POST_REACH:
        return None
    found = _SIGNATURE.search(text, span.end, line_end)
    if found is None or found.start(1) <= span.start:
        return None
    dates = find_date_spans(text, found.start(1), found.end(1))
    return dates[-1] if dates else None
