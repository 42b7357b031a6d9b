"""Anchoring date expressions to the publication date (rules in docs/dates.md).

The rules never guess: an expression that needs an anchor (a weekday, "last
week", a day without a year) and has none resolves to None, and a vague
expression becomes a range with a coarse precision rather than a made-up day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Iterable, Literal

from factfinder.dates.patterns import DateExpression, parse
from factfinder.dates.posts import post_signature_date
from factfinder.model import DatePrecision, DateRange, Document, Incident, Span
from factfinder.values.isodate import day_of, parse_day

# A reported event may carry the next day's date when reporter and reader sit
# in different time zones; only dates beyond this are "future".
FUTURE_GRACE = timedelta(days=1)


def _iso(value: str | None) -> date | None:
    """The day a publication date or timestamp starts with, or None."""
    return parse_day(day_of(value))


# The precision of a period named by its unit ("last week", "three months ago").
_UNIT_PRECISION: dict[str, DatePrecision] = {"week": "week", "weekend": "week", "month": "month", "year": "year"}


def precision_of(start: date, end: date) -> DatePrecision:
    """Precision follows the width of the range: one day, up to a week, a month, longer."""
    days = (end - start).days + 1
    if days <= 1:
        return "day"
    if days <= 7:
        return "week"
    if days <= 31:
        return "month"
    return "year"


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _shift_months(d: date, months: int) -> tuple[int, int]:
    index = d.year * 12 + (d.month - 1) + months
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_for(expr: DateExpression, published: date) -> int | None:
    """The year of a day-and-month without one: the latest not after publication.

    A weekday in the phrase ("Saturday 27th November") overrides that when it
    fits exactly one nearby year, which also places announced future events.
    """
    month, day = expr.month, expr.day
    if month is None or day is None:
        return None
    candidates = [y for y in (published.year + 1, published.year, published.year - 1)
                  if _safe_date(y, month, day) is not None]
    if expr.weekday is not None:
        fitting = [y for y in candidates if date(y, month, day).weekday() == expr.weekday]
        if len(fitting) >= 1:
            return min(fitting, key=lambda y: abs((date(y, month, day) - published).days))
    for y in sorted(candidates, reverse=True):
        if date(y, month, day) <= published + FUTURE_GRACE:
            return y
    return None


def _weekday_before(published: date, weekday: int, relative: str | None) -> date:
    """The latest such weekday on or before publication ("last Saturday": strictly before)."""
    back = (published.weekday() - weekday) % 7
    if relative == "next":
        return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    if relative == "last" and back == 0:
        back = 7
    return published - timedelta(days=back)


def _absolute(expr: DateExpression, published: date | None) -> tuple[date, date] | None:
    if expr.day is None:
        if expr.year is None:
            return None
        if expr.month is not None:
            return _month_range(expr.year, expr.month)
        return date(expr.year, 1, 1), date(expr.year, 12, 31)
    if expr.month is None:
        return None
    year = expr.year
    if year is None:
        if published is None:
            return None
        year = _year_for(expr, published)
        if year is None:
            return None
    first = _safe_date(year, expr.month, expr.day)
    if first is None:
        return None
    last = _safe_date(year, expr.month, expr.day2) if expr.day2 else first
    return first, last or first


def _relative(expr: DateExpression, published: date) -> tuple[date, date] | None:
    rel, unit = expr.relative, expr.unit
    if expr.kind in ("relative_day", "last_day"):
        shift = {"today": 0, "yesterday": -1, "day before yesterday": -2, "tomorrow": 1}[rel or ""]
        day = published + timedelta(days=shift)
        return day, day
    if expr.kind == "weekday" and expr.weekday is not None:
        day = _weekday_before(published, expr.weekday, rel)
        return day, day
    monday = published - timedelta(days=published.weekday())
    if expr.kind == "ago":
        n = expr.amount or 1
        if unit == "day":
            day = published - timedelta(days=n)
            return day, day
        if unit == "week":
            start = monday - timedelta(weeks=n)
            return start, start + timedelta(days=6)
        if unit == "month":
            return _month_range(*_shift_months(published, -n))
        return date(published.year - n, 1, 1), date(published.year - n, 12, 31)
    if unit == "weekend":
        saturday = monday - timedelta(days=2) if rel == "last" or published.weekday() < 5 else monday + timedelta(days=5)
        return saturday, saturday + timedelta(days=1)
    if unit == "week":
        if rel == "last":
            return monday - timedelta(days=7), monday - timedelta(days=1)
        # "this week" in a report tells of its days so far: what is told has happened by then
        return monday, max(monday, published)
    if unit == "month":
        if rel == "last":
            return _month_range(*_shift_months(published, -1))
        first, last = _month_range(published.year, published.month)
        return (first, published) if rel == "earlier this" else (first, last)
    if unit == "year":
        if rel == "last":
            return date(published.year - 1, 1, 1), date(published.year - 1, 12, 31)
        if rel == "earlier this":
            return date(published.year, 1, 1), published
        return date(published.year, 1, 1), date(published.year, 12, 31)
    return None


def resolve_expression(expr: DateExpression, published: str | None) -> tuple[date, date, DatePrecision] | None:
    """(start, end, precision) of an expression, or None when it cannot be anchored."""
    anchor = _iso(published)
    if expr.kind == "range" and expr.parts is not None:
        return _range(expr.parts, published)
    if expr.kind == "month_only":
        return _month_only(expr, anchor)
    if expr.kind in ("iso", "month_day", "day_month", "month_year", "year"):
        found = _absolute(expr, anchor)
    elif anchor is None:
        return None
    else:
        found = _relative(expr, anchor)
    if found is None:
        return None
    start, end = found
    if expr.prefix == "since" and anchor is not None and anchor >= start:
        end = anchor  # an ongoing situation: from that day until the report
    if expr.kind in ("month_year", "year") and expr.prefix != "since":
        return start, end, "month" if expr.kind == "month_year" else "year"
    if expr.kind == "period" or (expr.kind == "ago" and expr.unit != "day"):
        coarse = _UNIT_PRECISION[expr.unit or ""]
        return start, end, coarse
    return start, end, precision_of(start, end)


def _range(parts: tuple[DateExpression, DateExpression], published: str | None
           ) -> tuple[date, date, DatePrecision] | None:
    """From the first date's start to the last one's end. A first month without a year
    ("between January and November") is the latest such month not after the last one begins."""
    first, last = parts
    until = resolve_expression(last, published)
    if until is None:
        return None
    since = resolve_expression(first, published if first.year is not None else until[0].isoformat())
    if since is None or since[0] > until[1]:
        return None
    return since[0], until[1], precision_of(since[0], until[1])


def _month_only(expr: DateExpression, published: date | None) -> tuple[date, date, Literal["month"]] | None:
    """"In March" is the latest March that began before publication: a report published in
    January 2024 tells of March 2023, a news story of 20 March of this March. No
    publication date, no year: None, never a guess."""
    if published is None or expr.month is None:
        return None
    year = published.year if expr.month <= published.month else published.year - 1
    start, end = _month_range(year, expr.month)
    if expr.prefix == "since":
        end = published
    return start, end, "month"


def resolve_date(span: Span, published: str | None) -> DateRange | None:
    """The date range a phrase denotes, read against the publication date (YYYY-MM-DD).

    Returns None when the span holds no date expression, or when it needs a
    publication date that is unknown. The returned range keeps ``span``.
    """
    expr = parse(span.text)
    if expr is None:
        return None
    resolved = resolve_expression(expr, published)
    if resolved is None:
        return None
    start, end, precision = resolved
    return DateRange(start=start.isoformat(), end=end.isoformat(), precision=precision, span=span)


def is_future(date_range: DateRange, published: str | None) -> bool:
    """True when a date starts more than a day after publication (worth a reviewer's look)."""
    anchor, start = _iso(published), _iso(date_range.start)
    if anchor is None or start is None:
        return False
    return start > anchor + FUTURE_GRACE


def _weekday_year(span: Span, years: Iterable[int]) -> DateRange | None:
    """A day-month with its weekday and no year ("Saturday 27th November"), in a document without
    publication date: the one year near the years the document states in full whose calendar
    gives that weekday, or None when none or several fit."""
    expr = parse(span.text)
    if expr is None or expr.weekday is None or expr.year is not None or expr.month is None or expr.day is None:
        return None
    fitting = {y for near in years for y in (near - 1, near, near + 1)
               if (found := _safe_date(y, expr.month, expr.day)) is not None and found.weekday() == expr.weekday}
    if len(fitting) != 1:
        return None
    iso = date(fitting.pop(), expr.month, expr.day).isoformat()
    return DateRange(start=iso, end=iso, precision="day", span=span)


def _stated_years(text: str) -> set[int]:
    """The years a text states in full dates ("June 2021", "27 November 2021", "2021-11-27")."""
    from factfinder.dates.patterns import find_expressions

    return {e.year for e in find_expressions(text) if e.year is not None and e.kind in _FULL_KINDS}


_FULL_KINDS = frozenset({"iso", "month_day", "day_month", "month_year"})

# A release number on a line of its own at a release's head, "2010-05-S-201": the year and
# month the release was issued in (the day is not in it).
# (The dashes after the month are sometimes en dashes: "2009-11-CA–052".)
_RELEASE_NUMBER = re.compile(r"(?m)^[^\S\n|]*((?:19|20)\d\d)-(0?[1-9]|1[0-2])[-–][A-Z]{1,3}[-–]\d{2,4}[^\S\n]*$")
_RELEASE_REACH = 600


def release_month(text: str) -> tuple[int, int] | None:
    """(year, month) of the release number that opens a release, or None."""
    found = _RELEASE_NUMBER.search(text, 0, min(len(text), _RELEASE_REACH))
    return (int(found.group(1)), int(found.group(2))) if found else None


def in_release_month(span: Span, month: tuple[int, int]) -> DateRange | None:
    """A day and month without a year ("July 16") in a release numbered for a month: the
    latest such day not after that month ends. A day counted from the release ("yesterday",
    "today", "last night") needs the release's day, which the number does not give; it gives
    the month the release was issued in, so the day lies within a month's reach of it:
    "yesterday" in a release of July 2011 is 30 June to 30 July 2011, precision ``month``
    (a bound the text states, not a guess at the day)."""
    expr = parse(span.text)
    if expr is None or expr.year is not None:
        return None
    first = date(month[0], month[1], 1)
    last = date(month[0], month[1], calendar.monthrange(*month)[1])
    if expr.kind in ("relative_day", "last_day") and expr.prefix is None:
        earliest, latest = _relative(expr, first), _relative(expr, last)
        if earliest is None or latest is None:
            return None
        return DateRange(start=earliest[0].isoformat(), end=latest[1].isoformat(),
                         precision=precision_of(earliest[0], latest[1]), span=span)
    if expr.kind not in ("month_day", "day_month"):
        return None
    return resolve_date(span, last.isoformat())


# A detention or disappearance told as a state that began on a day: "has been held since
# April 22", "missing since March 13", "behind bars since 1999".
_ONSET_TYPES = frozenset({"arrest", "disappearance"})
_STATE_WORDS = re.compile(r"(?i:detained|held|jailed|imprisoned|incarcerated|missing|disappeared|custody"
                          r"|detention|prison|jail|bars)\b")
_ONSET_REACH = 5  # words from the state's word to "since" ("held in a desert prison since 2017")


def _onset(incident: Incident, document: Document) -> DateRange | None:
    """The day (month, year) a detention or disappearance began, when its date phrase is "since X"
    right after the state it tells: the act is the arrest or the abduction on X, the state runs
    on ("has been held since April 22" is an arrest of 22 April; a range to the report
    would make the arrest a month long). A wave of arrests "since Monday" told by an active verb
    ("police have arrested 300 people since Monday") keeps its range."""
    span, trigger = incident.date_span, incident.trigger
    if incident.type not in _ONSET_TYPES or span is None or trigger is None or not span.text.lower().startswith("since"):
        return None
    between = document.text[trigger.start:span.start]
    if trigger.start > span.start or len(between.split()) > _ONSET_REACH or not _STATE_WORDS.match(trigger.text):
        return None
    expr = parse(span.text)
    if expr is None or expr.prefix != "since" or expr.kind in ("range", "period"):
        return None
    found = resolve_expression(replace(expr, prefix=None), document.published)
    if found is None:
        return None
    start, end, precision = found
    return DateRange(start=start.isoformat(), end=end.isoformat(), precision=precision, span=span)


def _reference(span: Span, document: Document) -> str | None:
    """The day a phrase counts from: the quoted post's signature day when the phrase is in a
    post (``posts.py``: "today" in a post of 12 March quoted on 14 March is 12 March), else
    the publication date."""
    signature = post_signature_date(document.text, span)
    posted = resolve_date(signature, None) if signature is not None else None
    return posted.start if posted is not None and posted.precision == "day" else document.published


def resolve_incident_dates(incidents: Iterable[Incident], document: Document) -> tuple[Incident, ...]:
    """Set each incident's ``date`` from its ``date_span``; unknown stays None (never guessed).
    Without a publication date, a weekday fixes the year of "Saturday 27th November" when it
    fits one year near those the document states (``_weekday_year``), and a release number
    ("2010-06-CA-077") gives "July 16" its year (``in_release_month``)."""
    out = []
    years: set[int] | None = None
    for incident in incidents:
        if incident.date_span is not None:
            resolved = _onset(incident, document) or resolve_date(incident.date_span, _reference(incident.date_span, document))
            if resolved is None and document.published is None:
                years = _stated_years(document.text) if years is None else years
                resolved = _weekday_year(incident.date_span, years)
                if resolved is None and (month := release_month(document.text)) is not None:
                    resolved = in_release_month(incident.date_span, month)
            if resolved is not None:
                incident = replace(incident, date=resolved)
        out.append(incident)
    return tuple(out)
