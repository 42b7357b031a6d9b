"""ISO 8601 days and prefixes, and UTC timestamps, validated and written one way.

Dates in factfinder are ISO prefixes that carry their precision: ``2023``,
``2023-11`` and ``2023-11-20`` are a year, a month and a day. A day is exactly
``YYYY-MM-DD`` and a real one: ``date.fromisoformat`` alone would also accept
``20231120`` (Python 3.11), which then sorts wrongly against stored days.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timezone

from factfinder.errors import UsageError

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
DAY_HINT = "write it as YYYY-MM-DD, e.g. 2023-11-20"


def parse_day(text: str | None) -> date | None:
    """The day ``text`` names when it is exactly a real ``YYYY-MM-DD``, else None."""
    if not isinstance(text, str) or not _DAY.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:  # 2023-02-30
        return None


def is_day(text: str | None) -> bool:
    """True for exactly a real ``YYYY-MM-DD`` day."""
    return parse_day(text) is not None


def day_of(text: str | None) -> str | None:
    """The ``YYYY-MM-DD`` a date or timestamp starts with (``2023-11-20T08:00Z`` gives
    ``2023-11-20``), or None when it does not start with a real day."""
    if not isinstance(text, str):
        return None
    head = text.strip()[:10]
    return head if is_day(head) else None


def check_day(value: str | None, *, name: str) -> str | None:
    """``value`` when it is a real day (None passes through); else a UsageError naming ``name``."""
    if value is None:
        return None
    if not is_day(value):
        raise UsageError(f"{name} {value!r} is not a date; {DAY_HINT}")
    return value


def prefix_bounds(text: str) -> tuple[str, str]:
    """First and last day an ISO prefix covers: ``2023-02`` gives (``2023-02-01``, ``2023-02-28``).

    A ValueError says what is wrong ("has no month 13") when ``text`` is not
    ``YYYY``, ``YYYY-MM`` or a real ``YYYY-MM-DD``.
    """
    m = _PREFIX.fullmatch(text.strip())
    if not m:
        raise ValueError("is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")
    year = int(m[1])
    if m[2] is None:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = int(m[2])
    if not 1 <= month <= 12:
        raise ValueError(f"has no month {month}")
    last = calendar.monthrange(year, month)[1]
    if m[3] is None:
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    if not 1 <= int(m[3]) <= last:
        raise ValueError(f"has no day {int(m[3])} ({year}-{month:02d} has {last} days)")
    return m[0], m[0]


def utc_now(*, precise: bool = False) -> str:
    """Now as ISO 8601 UTC with a 'Z': to the second, or to the microsecond when ``precise``
    (rows written within one second must still sort in the order they were written)."""
    now = datetime.now(timezone.utc)
    if precise:
        return now.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return now.strftime("%Y-%m-%dT%H:%M:%SZ")
