"""Finding date expressions in report text with a small grammar of regular expressions.

Why rules and not a general date library: the libraries we tried read
"November 16th and 17th" as 16 November 2017, "1300 GMT" as the year 1300 and
"Di Pa Yin" (a township) as a date. Reports need a parser that only accepts
the shapes reporters actually write (see docs/dates.md) and refuses the rest.

Every pattern has named groups that ``parse`` turns into a ``DateExpression``;
``resolve.py`` anchors it against the publication date.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from factfinder.model import Span
from factfinder.text.calendar_words import MONTHS, WEEKDAYS

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

# Month names are matched case-sensitively (Title or UPPER case) so that the
# modal verb "may" and the verb "march" are never read as months.
_MONTH_WORDS = sorted(MONTHS, key=len, reverse=True)
_MONTH = "(?:" + "|".join(
    f"(?:{m.capitalize()}|{m.upper()})" + (r"\.?" if len(m) <= 4 and m not in ("may", "june", "july") else "")
    for m in _MONTH_WORDS
) + r")(?![a-z])"
_WEEKDAY = "(?:" + "|".join(f"{w.capitalize()}|{w.upper()}" for w in WEEKDAYS) + ")"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:,.]\d)(?!\d)"
# A year stands alone: not part of "19,693", "1300 GMT" or "2012-03-S-114".
_YEAR = r"(?<![\d,.])(?:1[89]\d\d|20\d\d)(?![\dA-Za-z]|,\d|\.\d|-\w)"
_TO = r"\s*(?:-|–|—|\bto\b|\band\b|\bthrough\b|\buntil\b)\s*"
_PREFIX = r"(?:(?i:since|between|from|until|till|before|after)\s+)?"
_TIME_OF_DAY = r"(?:(?i:the\s+)?(?i:early\s+)?(?i:morning|afternoon|evening|night)\s+of\s+)?"
_NUM = r"(?:\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"


def _g(name: str, body: str) -> str:
    return f"(?P<{name}>{body})"


_MONTH_DAY = (  # "November 16th", "Nov. 16 and 17", "Jan. 25, 2013", "Saturday, November 27"
    _PREFIX + _TIME_OF_DAY + rf"(?:{_g('wd', _WEEKDAY)},?\s+)?" + _g("month", _MONTH) + r"\s+"
    + _g("day", _DAY) + rf"(?:{_TO}{_g('day2', _DAY)})?" + rf"(?:,?\s+{_g('year', _YEAR)})?"
)
_DAY_MONTH = (  # "13 March 2023", "10 and 12 March", "Saturday 27th November"
    _PREFIX + _TIME_OF_DAY + rf"(?:{_g('wd', _WEEKDAY)},?\s+(?i:the\s+)?)?" + _g("day", _DAY)
    + rf"(?:{_TO}{_g('day2', _DAY)})?" + r"\s+(?i:of\s+)?" + _g("month", _MONTH)
    + rf"(?:,?\s+{_g('year', _YEAR)})?"
)
_ISO = _PREFIX + r"(?<![\d-])" + _g("iso", r"(?:19|20)\d\d-[01]\d-[0-3]\d") + r"(?![\d-])"
_MONTH_YEAR = (  # "July 2022", "early December 2022"
    _PREFIX + r"(?:(?i:early|mid|late)[\s-]+)?" + _g("month", _MONTH) + r"\s+(?i:of\s+)?" + _g("year", _YEAR)
)
# A bare year only after a word that makes it a date ("in 2014", "since 2014").
_YEAR_ONLY = (
    r"(?:(?i:since|between|from|until|till|before|after)\s+|(?<=\b[Ii]n\s)|(?<=\b[Dd]uring\s)"
    r"|(?<=\b[Bb]y\s)|(?<=\bof\s))(?:(?i:early|mid|late)[\s-]+)?" + _g("year", _YEAR)
    # not a count of things ("in 2015 trucks"), but a verb after the year is no plural ("in 2011 was")
    + r"(?!\s*(?i:GMT|UTC|hours|hrs|people|(?!(?:was|has|is|as|this|thus|its|his|us)\b)\w+s\b))"
)
# A decade: "in the 1990s", "the late 2000s" (the whole decade: a year-precision range).
_DECADE = r"(?i:the)\s+(?:(?i:early|mid|late)[\s-]+)?" + _g("decade", r"(?:1[89]|20)\d0") + r"['’]?s\b"
_RELATIVE_DAY = _g("rel", r"(?i:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|last\s+night|this\s+morning|this\s+afternoon|this\s+evening|overnight)")
# "last day" is how machine translation renders Burmese "yesterday"; "the last day of ..." is not a date.
_LAST_DAY = r"(?<![Tt]he\s)(?<![Tt]heir\s)(?<![Ii]ts\s)\b" + _g("lastday", r"(?i:last\s+day)") + r"(?!\s+of\b)(?!s)"
# "since the start of the month" is "earlier this month": from its first day to the report.
_PERIOD = (
    _g("rel2", r"(?i:since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)|earlier\s+this|later\s+this|last|this"
               r"|past|previous|over\s+the)") + r"\s+"
    + _g("unit", r"(?i:weekend|week|month|year)") + r"\b"
)
_AGO = _g("n", "(?i:" + _NUM + ")") + r"\s+" + _g("agounit", r"(?i:days?|weeks?|months?|years?)") + r"\s+(?i:ago)\b"
_WEEKDAY_ONLY = (  # "since Thursday" runs from that day to the report
    r"(?:(?i:since)\s+)?" + rf"(?:{_g('wdrel', '(?i:last|this|next|past)')}\s+)?" + _g("wd", _WEEKDAY)
    + r"(?:\s+(?i:morning|afternoon|evening|night))?"
)
# A month named alone, as annual reports date their events ("In March, guards ...",
# "in late November"): only after "in" or "during" ("since June" is a period, not the
# day of an event), and never
# inside a name ("the 20 February Movement" is a day-month and is refused below).
_MONTH_ONLY = (
    r"(?:(?<=\b[Ii]n\s)|(?<=\b[Dd]uring\s))"
    r"(?:(?i:early|mid|late)[\s-]+)?" + _g("month", _MONTH) + r"(?!\s+\d)"
)
# A range of months or years: "between 2002 and 2008", "in 2011 and 2012", "2016-2017",
# "between March 2022 and June 2023", "from January to November", "in September and October".
# Each side is read by ``parse``; a range joined by "and" or "to" needs "between", "from",
# "in" or "during" before it ("in 2011 and 30 in 2012" is no range), one joined by a dash does not.
_YEAR_EDGE = r"(?<![\d,.])(?:1[89]\d\d|20\d\d)(?!\d)"
_SIDE = rf"(?:(?:{_DAY}\s+(?i:of\s+)?)?{_MONTH}(?:\s+{_DAY})?(?:,?\s+{_YEAR_EDGE})?|{_YEAR_EDGE})"
_RANGE = (
    r"(?:" + _g("pre", r"(?i:between|from)") + r"\s+)?(?:(?i:early|mid|late)[\s-]+)?" + _g("a", _SIDE)
    + _g("join", r"\s*[-–—]\s*|\s+(?i:to|and|through|until|till)\s+") + _g("b", _SIDE)
)
_RANGE_WHOLE = re.compile(_RANGE)
_RANGE_PARTS = frozenset({"year", "month_year", "month_only", "day_month", "month_day"})
_RANGE_OPENER = re.compile(r"\b(?:[Ii]n|[Dd]uring)\s+(?:(?i:early|mid|late)[\s-]+)?$")
# A date that opens a proper name: "the 20 February Movement", "the 6 April Youth Movement".
_NAMED_AFTER = re.compile(r"\s+(?:[A-Z][a-z]+\s+)?(?:Movement|Revolution|Uprising|Coalition|Group|Alliance|Front|"
                          r"Party|Agreement|Accord|Protests?|Square|Street|Bridge|Stadium|University|Brigade)\b")
# Holidays on a fixed day, read as that day and month without a year ("on New Year's Eve"), and
# the international days rights reporting dates protests and arrests by ("detained on Human Rights
# Day", "a May Day rally", "International Women's Day marches"; the UN's fixed days; a national
# "Women's Day" falls on other days in other countries and is left out).
HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's eve": (12, 31), "new year's day": (1, 1), "christmas eve": (12, 24), "christmas day": (12, 25),
    "human rights day": (12, 10), "international women's day": (3, 8),
    "may day": (5, 1), "international workers' day": (5, 1), "world press freedom day": (5, 3),
}
_HOLIDAY = (_g("holiday", r"(?:New\s+Year['’]s\s+(?:Eve|Day)|Christmas\s+(?:Eve|Day)|Human\s+Rights\s+Day"
                          r"|International\s+Women['’]s\s+Day|May\s+Day|International\s+Workers['’]\s+Day"
                          r"|World\s+Press\s+Freedom\s+Day)") + r"\b"
            + rf"(?:,?\s+{_g('year', _YEAR)})?")
# A weekday that names a thing, not a day: "during Sunday mass", "the Saturday Mothers".
_WEEKDAY_THING = re.compile(r"\s+(?:mass|prayers?|services?|sermons?|markets?|schools?|editions?|papers?)\b")
_WEEKDAY_NAME = re.compile(r"\s+(?!(?:" + "|".join(m.capitalize() for m in MONTHS) + r")\b)[A-Z][a-z]+")


# A weekday inside a day's name: "the Easter Sunday bombings", "Bloody Sunday", "Good Friday".
_NAMED_DAY = re.compile(r"\b(?:Easter|Palm|Good|Holy|Black|Bloody|Ash|Maundy|Whit|Cyber|Super)\s+$")


def _weekday_names_a_thing(text: str, start: int, end: int) -> bool:
    if _WEEKDAY_THING.match(text, end) or _NAMED_DAY.search(text, max(0, start - 8), start):
        return True
    return text[max(0, start - 4):start].lower() == "the " and bool(_WEEKDAY_NAME.match(text, end))

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(r"\b" + body if not body.startswith("(?<") else body))
    for name, body in (
        ("range", _RANGE),
        ("iso", _ISO),
        ("month_day", _MONTH_DAY),
        ("day_month", _DAY_MONTH),
        ("month_year", _MONTH_YEAR),
        ("year", _YEAR_ONLY),
        ("decade", _DECADE),
        ("relative_day", _RELATIVE_DAY),
        ("last_day", _LAST_DAY),
        ("period", _PERIOD),
        ("ago", _AGO),
        ("weekday", _WEEKDAY_ONLY),
        ("month_only", _MONTH_ONLY),
        ("holiday", _HOLIDAY),
    )
)


# What a pattern cannot match without (a shortcut only: each pattern still checks everything).
_NEEDS = {"range": "month_or_digit", "iso": "digit", "month_day": "month", "day_month": "month",
          "month_year": "month", "year": "digit", "decade": "digit", "month_only": "month",
          "ago": "ago", "last_day": "last_day", "weekday": "weekday", "holiday": "holiday",
          "relative_day": "relative_day", "period": "period"}
_ANY_DIGIT = re.compile(r"\d")
_ANY_MONTH = re.compile(_MONTH)
# A word every match of the pattern holds, with the pattern's own case rule: most sentences name
# no weekday and say no "ago", and the patterns that start at any word ("a", "last") cost a
# third of the date look-up without these (session 11).
_NEEDED_WORDS = {"ago": re.compile(r"(?i:ago)"), "last_day": re.compile(r"(?i:last\s+day)"),
                 "weekday": re.compile(r"day|DAY"), "holiday": re.compile(r"Day|Eve"),
                 "relative_day": re.compile(r"(?i:day|night|tomorrow|morning|afternoon|evening)"),
                 "period": re.compile(r"(?i:week|month|year)")}


@dataclass(frozen=True, slots=True)
class DateExpression:
    """What a date phrase says, before it is anchored to a publication date."""

    kind: str  # a PATTERNS name
    start: int  # offsets of the match inside the searched text
    end: int
    prefix: str | None = None  # "since", "between", ...
    year: int | None = None
    month: int | None = None
    day: int | None = None
    day2: int | None = None
    weekday: int | None = None
    relative: str | None = None  # "yesterday", "last", "this", "next", ...
    unit: str | None = None  # "day", "week", "weekend", "month", "year"
    amount: int | None = None  # for "three months ago"
    parts: tuple["DateExpression", "DateExpression"] | None = None  # a range's first and last date


def _prefix(text: str) -> str | None:
    first = text.split(None, 1)[0].lower() if text.strip() else ""
    return first if first in {"since", "between", "from", "until", "till", "before", "after"} else None


def _day(value: str | None) -> int | None:
    found = re.match(r"\d+", value) if value else None
    return int(found.group()) if found else None


def _expression(kind: str, m: re.Match[str], offset: int) -> DateExpression | None:
    gd = m.groupdict()
    text = m.group(0)
    common = DateExpression(kind, m.start() + offset, m.end() + offset, _prefix(text))
    if kind == "range":
        return _range(m, common)
    if kind == "iso":
        y, mo, d = (int(p) for p in gd["iso"].split("-"))
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        return replace(common, year=y, month=mo, day=d)
    if kind in ("month_day", "day_month"):
        day, day2 = _day(gd.get("day")), _day(gd.get("day2"))
        if day2 is not None and (day is None or day2 <= day):
            day2 = None  # "10 and 2 March" is not a range; keep the first day only
        wd = WEEKDAYS[gd["wd"].lower()] if gd.get("wd") else None
        return replace(common, year=int(gd["year"]) if gd.get("year") else None,
                              month=MONTHS[gd["month"].lower().rstrip(".")], day=day, day2=day2, weekday=wd)
    if kind == "month_year":
        return replace(common, year=int(gd["year"]), month=MONTHS[gd["month"].lower().rstrip(".")])
    if kind == "year":
        return replace(common, year=int(gd["year"]))
    if kind == "decade":
        first = int(gd["decade"])
        return replace(common, kind="range", parts=(DateExpression("year", 0, 0, year=first),
                                                    DateExpression("year", 0, 0, year=first + 9)))
    if kind == "relative_day":
        rel = " ".join(gd["rel"].lower().split())
        # "overnight" in a report is the night just ended, which began the day before
        rel = {"last night": "yesterday", "overnight": "yesterday", "the day before yesterday": "day before yesterday",
               "tonight": "today", "this morning": "today", "this afternoon": "today",
               "this evening": "today"}.get(rel, rel)
        return replace(common, relative=rel, unit="day")
    if kind == "last_day":
        return replace(common, relative="yesterday", unit="day")
    if kind == "period":
        rel = " ".join(gd["rel2"].lower().split())
        rel = {"past": "last", "previous": "last", "over the": "this"}.get(rel, rel)
        if rel.startswith("since"):
            rel = "earlier this"
        return replace(common, relative=rel, unit=gd["unit"].lower())
    if kind == "ago":
        n = gd["n"].lower()
        amount = int(n) if n.isdigit() else NUMBER_WORDS[n]
        return replace(common, relative="ago", unit=gd["agounit"].lower().rstrip("s"), amount=amount)
    if kind == "holiday":
        month, day = HOLIDAYS[" ".join(gd["holiday"].lower().replace("’", "'").split())]
        return replace(common, kind="day_month", month=month, day=day, year=int(gd["year"]) if gd.get("year") else None)
    if kind == "weekday":
        wdrel = gd["wdrel"].lower() if gd.get("wdrel") else None
        return replace(common, weekday=WEEKDAYS[gd["wd"].lower()], relative=wdrel)
    return None


def _range(m: re.Match[str], common: DateExpression, *, opened: bool = False) -> DateExpression | None:
    """"between March 2022 and June 2023": both ends read alone; the first takes the last's year
    when it has none ("between January and November 2023", "10 March to 2 April 2023").
    ``opened``: the phrase is known to follow "in" or "during" (a span cut from "in 2011 and 2012")."""
    gd = m.groupdict()
    if gd["pre"] is None and gd["join"].strip() not in "-–—" and not opened \
            and not _RANGE_OPENER.search(m.string, 0, m.start()):
        return None
    first, last = parse(gd["a"]), parse(gd["b"])
    if first is None or last is None or first.kind not in _RANGE_PARTS or last.kind not in _RANGE_PARTS:
        return None
    if (last.kind == "year") != (first.kind == "year"):
        return None  # "March and 2014", "2014 to March" are not one span of time
    if first.year is None and last.year is not None:
        before = (first.month or 0, first.day or 0) > (last.month or 13, last.day or 32)
        first = replace(first, year=last.year - before,
                        kind="month_year" if first.kind == "month_only" else first.kind)
    return replace(common, prefix=gd["pre"].lower() if gd["pre"] else None, parts=(first, last))


def _month_only(m: re.Match[str], offset: int) -> DateExpression:
    """"In March": a month whose year is the one the report covers (see resolve.py)."""
    return DateExpression("month_only", m.start() + offset, m.end() + offset, _prefix(m.group(0)),
                          month=MONTHS[m.group("month").lower().rstrip(".")])


def find_expressions(text: str, start: int = 0, end: int | None = None) -> list[DateExpression]:
    """Non-overlapping date expressions in ``text[start:end]``, longest first, in text order."""
    return list(_expressions(text, start, len(text) if end is None else end))


# The dates stage asks again for the same sentences' date phrases: each incident looks at
# its own sentence and those before it (dates/choose.py), and a sentence of several
# incidents is read once per incident (about 8% of extraction CPU before this cache). The
# answer depends on the text, the region and this module's patterns alone; the text is
# hashed once per string object, so a document's look-ups hit its own entries.
@lru_cache(maxsize=4096)
def _expressions(text: str, start: int, end: int) -> tuple[DateExpression, ...]:
    region = text[start:end]
    candidates: list[DateExpression] = []
    # Most sentences hold no digit or no month name: the patterns that need one are not run there.
    present = {"digit": _ANY_DIGIT.search(region) is not None, "month": _ANY_MONTH.search(region) is not None}
    present["month_or_digit"] = present["digit"] or present["month"]
    for kind, pattern in PATTERNS:
        needed = _NEEDS.get(kind)
        if needed is not None and needed not in present:
            present[needed] = _NEEDED_WORDS[needed].search(region) is not None
        if needed is not None and not present[needed]:
            continue
        for m in pattern.finditer(region):
            if m.end() == m.start():
                continue
            expr = _month_only(m, start) if kind == "month_only" else _expression(kind, m, start)
            if expr is not None and not _NAMED_AFTER.match(text, m.end() + start) and not (
                    kind == "weekday" and _weekday_names_a_thing(text, m.start() + start, m.end() + start)):
                candidates.append(expr)
    candidates.sort(key=lambda e: (-(e.end - e.start), e.start))
    # The chosen expressions never overlap, so kept in text order only the neighbours of
    # a candidate can overlap it: a bisection each, not a scan (one-line pages hold thousands).
    starts: list[int] = []
    chosen: list[DateExpression] = []
    for expr in candidates:
        at = bisect.bisect_right(starts, expr.start)
        if at > 0 and chosen[at - 1].end > expr.start:
            continue
        if at < len(chosen) and chosen[at].start < expr.end:
            continue
        starts.insert(at, expr.start)
        chosen.insert(at, expr)
    return tuple(chosen)


def parse(text: str) -> DateExpression | None:
    """The longest date expression inside ``text`` (offsets relative to it), or None."""
    found = find_expressions(text)
    if not found and (whole := _RANGE_WHOLE.fullmatch(text.strip())) is not None:
        found = [e for e in [_range(whole, DateExpression("range", 0, len(text)), opened=True)] if e]
    if not found:
        # A span cut to the bare year of "in 2014" still reads as that year.
        bare = re.fullmatch(r"\s*(?:(?i:early|mid|late)[\s-]+)?" + _g("year", _YEAR) + r"\s*", text)
        month = re.fullmatch(r"\s*(?:(?i:early|mid|late)[\s-]+)?" + _g("month", _MONTH) + r"\s*", text)
        if month is not None:  # the span of "in March" is the month alone
            return _month_only(month, 0)
        return DateExpression("year", 0, len(text), year=int(bare.group("year"))) if bare else None
    return max(found, key=lambda e: e.end - e.start)


def find_date_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Date expressions in ``text[start:end]`` as spans of ``text``, in text order."""
    return [Span.of(text, e.start, e.end) for e in find_expressions(text, start, end)]
