"""Photo captions as wire copy and news sites print them inside a story's text.

A caption tells where and when a picture was taken (often years before, and abroad: "FILE PHOTO:
the minister greets reporters ... in Lisbon, Portugal, May 3, 2019. REUTERS/Name"), not where or
when the story's acts happened. The dates stage lends no caption's day to the sentences around it
(``dates/choose.py``); the geo stage takes no caption's place as a story's setting or as a vote for
its country (``geo/setting_places.py``, ``geo/incident_country.py``). One definition serves both
(session 12: the two stages had a test each, with different credits).
"""

from __future__ import annotations

import re
from functools import lru_cache

# A caption opened at the head of its line: "FILE PHOTO:", "Image:", "ABOVE:".
_OPENS = re.compile(r"[ \t]*(?:FILE PHOTO|File photo|Image|IMAGE|Photo|PHOTO|ABOVE)\s*:")
# A photographer's or agency's credit anywhere in the line: "(Photo by AFP)", "AP Photo/...",
# "(Photo: UNHCR)", "REUTERS/Name", "Name/Reuters", "Photos by ...", "Click to expand Image".
_CREDIT = re.compile(r"\bGetty Images\b|via Getty\b|\bA(?:F)?P Photo\b|\((?:Photo|Image)s?:|\bFILE PHOTO\b|\bFile Photo\b"
                     r"|\bClick to expand Image\b|\bPhoto(?:graph)?s? by\b|REUTERS\s*/\s*[A-Z]"
                     r"|/\s*(?:AFP|Reuters|REUTERS|AP|EPA)\b")
# A credit that closes the line without brackets: "... on Monday. Photo: AFP".
_CLOSES = re.compile(r"Photo(?:graph)?\s*:\s*[^\n]{1,40}[ \t.]*$")


def in_caption(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a sentence, a place name) stands in a photo caption: a line
    opened by a caption word or holding a photo credit."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return _caption_line(text, line_start, len(text) if line_end < 0 else line_end)


# Every incident looks back over up to 40 sentences of its story, and each asks of its whole
# line: a long paragraph was searched again per sentence and per incident (8% of extraction CPU
# on the bench corpus, session 11). The answer depends on the line alone.
@lru_cache(maxsize=4096)
def _caption_line(text: str, start: int, end: int) -> bool:
    return bool(_OPENS.match(text, start) or _CREDIT.search(text, start, end)
                or _CLOSES.search(text, max(start, end - 60), end))
