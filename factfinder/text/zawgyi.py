"""Burmese typed in the Zawgyi font encoding, converted to Unicode.

Much Burmese news and social-media text is still typed in Zawgyi, a font hack
that puts Burmese letters on the wrong code points: it looks right in a Zawgyi
font and is nonsense to search, language identification and everything else.
Google's detector (``myanmartools``) gives the probability that a run of text is
Zawgyi, and ICU's ``Zawgyi-my`` transliterator (through PyICU) converts it. Each
line is judged on its own, since posts mix Unicode and Zawgyi. The original bytes
stay as received; the document text is the Unicode form and a note records the
conversion.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# Above this probability a line is converted (the detector's own advice is 0.95+).
ZAWGYI_THRESHOLD = 0.95
CONVERSION_NOTE = "Burmese converted from Zawgyi to Unicode (ICU Zawgyi-my, {lines} lines)"
_MYANMAR = re.compile(r"[\u1000-\u109f]")


@lru_cache(maxsize=1)
def _detector() -> Any:
    from myanmartools import ZawgyiDetector

    return ZawgyiDetector()


@lru_cache(maxsize=1)
def _converter() -> Any:
    import icu

    return icu.Transliterator.createInstance("Zawgyi-my")


def zawgyi_probability(text: str) -> float:
    """The probability that ``text`` is Burmese in Zawgyi (0 for text with no Burmese letters)."""
    if not _MYANMAR.search(text):
        return 0.0
    return float(_detector().get_zawgyi_probability(text))


def to_unicode(text: str) -> tuple[str, int]:
    """``text`` with its Zawgyi lines in Unicode, and how many lines were converted."""
    if not _MYANMAR.search(text):
        return text, 0
    lines = text.split("\n")
    converted = 0
    for i, line in enumerate(lines):
        if _MYANMAR.search(line) and zawgyi_probability(line) >= ZAWGYI_THRESHOLD:
            lines[i] = _converter().transliterate(line)
            converted += 1
    return ("\n".join(lines), converted) if converted else (text, 0)
