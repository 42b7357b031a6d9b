"""A news dateline, read in one place for the five stages that need one.

A dateline heads the first line of a wire or press report and says where (and when) it was
filed, not where the event happened: "HERAT, Afghanistan (Oct. 9, 2012) –", "ALMATY,
Kazakhstan –", "WASHINGTON (AP) -", "ADEN -", "SAPPORO, Japan, June 14 (AFP) -". Its grammar:
a place in capitals (``CAPS``), a comma and its country or region, a bracket holding the day or
the agency (``BRACKET_TEXT``), and a dash (``DASH``) or a colon before the story's first sentence.

Each stage asks its own question of it, so each reading below says what it needs and why its
pattern is looser or stricter than the others:

| reading | asked by | answers |
|---|---|---|
| ``opens_with_dateline`` | ``text/stories`` | does this paragraph open a news item? |
| ``dateline_segment_end`` | ``extract/sentences`` | where does the dateline end, so it is a segment of its own? |
| ``dateline_date_before``, ``first_dateline_date`` | ``dates/dateline`` | which date phrase is the filing day? |
| ``dateline_head_end``, ``filed_place_end``, ``colon_after`` | ``geo/story_setting`` | is a place inside the dateline? |
| ``caps_place_names``, ``AFTER_PLACE`` | ``geo/mentions`` | which capitals heading a line are a place name? |

The patterns are the ones each stage had before they moved here (session 13: output
byte-identical); joining two of them changes which documents have a dateline, so a join is a
change of behaviour to measure, not a tidy-up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

CAPS = r"[A-Z][A-Z.'’ -]"
"""The first letter and the rest of a place in capitals ("PORT-AU-PRINCE", "ST. JOHN'S"),
before a repeat count: ``{CAPS}{2,}``."""
DASH = r"[–—-]"
"""The dash that ends a dateline: a hyphen, an en dash or an em dash."""
BRACKET_TEXT = r"[^()\n]"
"""A character inside a dateline's bracket ("Oct. 9, 2012", "AP"), before a repeat count."""

# --- text/stories: a paragraph that opens a news item.
# The place is a run of capitalised words with no comma needed ("WASHINGTON (AP) -"), and a
# colon or the line's end closes it as well as a dash: a digest heads each item so, and a
# paragraph that opens with it is a new story whatever follows.
_STORY_DATELINE = re.compile(
    r"^[A-Z][A-Z'.-]{2,}(?:[ -][A-Z][A-Z'.-]+)*(?:,\s*[A-Z][\w.' -]{1,40}?)?\s*(?:\([^)\n]{1,40}\))?\s*"
    rf"(?:{DASH}|:|$)",
    re.MULTILINE,
)
# Radio bulletins open with the region and no punctuation: "Rakhine state Residents of ... said".
_ADMIN_DATELINE = re.compile(
    r"^(?:[A-Z][\w'-]+\s){1,3}(?i:division|state|region|province|district|township|county|oblast|governorate)\s+"
    r"(?=(?:Residents|Locals|Villagers|Witnesses|Sources|Refugees|Activists|The|A|An|In|On|At|According|After|During)\b)"
)


def opens_with_dateline(paragraph: str) -> bool:
    """Whether a paragraph opens with a dateline or a bulletin's region heading: a story starts."""
    return bool(_STORY_DATELINE.match(paragraph) or _ADMIN_DATELINE.match(paragraph))


# --- extract/sentences: the dateline as a segment of its own.
# A comma after the capitals and a dash before the sentence are both needed: the segment is cut
# at the dash, and a headline word in capitals before a dash ("UPDATE - ...") is no dateline.
_SEGMENT = re.compile(rf"^\s*{CAPS}{{2,}},[^()\n–—]{{0,40}}?(?:\({BRACKET_TEXT}{{3,30}}\))?\s*{DASH}+\s+(?=\S)")


def dateline_segment_end(line: str) -> int | None:
    """The offset in ``line`` (one line of text) where a dateline heading it ends, past its dash
    and the blanks after it; None when the line opens with none."""
    found = _SEGMENT.match(line)
    return None if found is None else found.end()


# --- dates/dateline: the day in the dateline's bracket.
# Only a dateline with a bracket carries a day, and the dash after it does not matter here.
_FILED = rf"(?:^|\n)[^\S\n]*{CAPS}{{2,}},{BRACKET_TEXT}{{0,40}}\("
_BEFORE_BRACKET = re.compile(rf"{_FILED}$")
_DATED = re.compile(rf"{_FILED}({BRACKET_TEXT}{{3,30}})\)")


def dateline_date_before(text: str, start: int) -> bool:
    """Whether a date phrase starting at ``start`` is inside a dateline's bracket (its 60
    characters before end in "HERAT, Afghanistan (")."""
    return bool(_BEFORE_BRACKET.search(text, max(0, start - 60), start))


def first_dateline_date(text: str, reach: int) -> tuple[int, int] | None:
    """The span of the bracket's text of the first dated dateline in ``text[:reach]``."""
    found = next(_DATED.finditer(text, 0, min(len(text), reach)), None)
    return None if found is None else found.span(1)


# --- geo/story_setting: whether a place lies inside the dateline heading its line.
# Geo asks about a place it already found, so the head is read loosely: a short place ("ADEN -"),
# up to two commas ("SAPPORO, Japan, June 14 (AFP) -"), a bracket with no dash after it, a colon.
_HEAD = re.compile(rf"[ \t]*{CAPS}{{1,30}}(?:,[^\n,()–—]{{1,40}}){{0,2}}"
                   rf"(?:\s*\({BRACKET_TEXT}{{1,30}}\)(?:\s*{DASH})?|\s*{DASH}|:)")
# Where a filed-from dateline ends: its dash, its bracket or its colon.
_FILED_END = re.compile(rf"\s{DASH}{{1,2}}\s|\s\(|:\s")


def dateline_head_end(text: str, line_start: int) -> int | None:
    """The end of the dateline heading the line that starts at ``line_start``, None without one."""
    head = _HEAD.match(text, line_start)
    return None if head is None else head.end()


def filed_place_end(text: str, line_start: int) -> int | None:
    """Where the place part of a line's dateline ends, for a line whose text before its first
    comma (within 40 characters) is in capitals ("ALMATY, Kazakhstan – Police in Almaty ...":
    the first Almaty only); ``len(text)`` when no dash, bracket or colon closes it within 80
    characters of the line's start, None when the line opens with no such place."""
    comma = text.find(",", line_start, line_start + 40)
    first = text[line_start:comma] if comma >= 0 else ""  # the dateline's city, in capitals
    if not (len(first) > 2 and first.isupper()):
        return None
    end = _FILED_END.search(text, comma, min(len(text), line_start + 80))
    return len(text) if end is None else end.start()


# A city alone before a colon, as South Asian papers print the dateline: "Washington: US Secretary ...".
_COLON = re.compile(r"[ \t]*:[ \t]")


def colon_after(text: str, end: int) -> bool:
    """Whether a colon (and a blank) follows ``end`` on its line: a dateline of a town alone."""
    return _COLON.match(text, end) is not None


# --- geo/mentions: a place name in capitals heading a line.
# The name itself is wanted, looked up in the gazetteer, so accents and short parts are allowed
# ("NOUMÉA, New Caledonia —", "PORT-AU-PRINCE —") and one after a headline's full stop counts.
_CAPS_PLACE = re.compile(r"(?m)(?:^|(?<=[.!?] ))(?P<name>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.]*(?:[ -][A-ZÀ-ÖØ-Þ'’.]+){0,3})"
                         r"(?=\s*(?:,|\u2014|\u2013|--?\s|\())")
AFTER_PLACE = re.compile(r"\s*(,|—|–|-{1,2}|\()")
"""What follows a dateline's place: its comma, a dash or the bracket ("GOMA, Congo", "GOMA —")."""


def caps_place_names(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of each place-like name in capitals that heads a line or follows a
    headline's full stop and is followed by a comma, a dash or a bracket."""
    for match in _CAPS_PLACE.finditer(text):
        yield match.start("name"), match.end("name"), match.group("name")
