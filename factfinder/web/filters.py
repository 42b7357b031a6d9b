"""Query-string filters shared by the list, the map, the timeline, tallies and the API.

The URL holds the whole state of a view, so a view can be shared by its link.
Every value is checked here; a bad one is a ``BadFilter`` whose message names
the parameter and what it accepts (a 400 page or JSON error), never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Mapping

from factfinder.errors import UsageError
from factfinder.model import INCIDENT_TYPES, VERIFICATIONS
from factfinder.store.events import ORDERS, EventFilter
from factfinder.values.isodate import prefix_bounds
from factfinder.values.places import is_country_code, parse_bbox

MAX_PER_PAGE = 500
FILTER_KEYS = ("type", "country", "admin1", "from", "to", "verification", "actor", "source", "q", "bbox")


class BadFilter(UsageError):
    """A query-string value that cannot be used; the message says what would work."""


@dataclass(frozen=True)
class View:
    """A filter plus sort and paging, as parsed from the URL."""

    filter: EventFilter
    sort: str = "date"
    page: int = 1
    per_page: int = 50
    params: tuple[tuple[str, str], ...] = ()  # the filter parameters as given, for links
    default_per_page: int = 50

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def query(self, **changes: Any) -> str:
        """The query string of this view with some parameters changed (None drops one)."""
        from urllib.parse import urlencode

        items = [(k, v) for k, v in self.params if k not in changes]
        base = {"sort": self.sort if self.sort != "date" else None,
                "page": self.page if self.page != 1 else None,
                "per_page": self.per_page if self.per_page != self.default_per_page else None}
        for key, value in {**base, **changes}.items():
            if value not in (None, ""):
                items.append((key, str(value)))
        return urlencode(items)


def _date(name: str, value: str, *, end: bool) -> str:
    """A YYYY, YYYY-MM or YYYY-MM-DD bound as the first (or last) day it covers."""
    try:
        first, last = prefix_bounds(value)
    except ValueError as exc:
        raise BadFilter(f"{name}={value!r} {exc}") from None
    return last if end else first


def _int(name: str, value: str | None, default: int, low: int, high: int) -> int:
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except ValueError:
        raise BadFilter(f"{name}={value!r} is not a whole number") from None
    if not low <= number <= high:
        raise BadFilter(f"{name}={number} is out of range: use {low} to {high}")
    return number


def parse_view(params: Mapping[str, Any], *, default_per_page: int = 50) -> View:
    """Parse a query string (a Starlette QueryParams or a plain mapping) into a View."""
    getlist = params.getlist if hasattr(params, "getlist") else (lambda k: [params[k]] if k in params else [])
    single = {k: (getlist(k)[-1].strip() if getlist(k) else "") for k in FILTER_KEYS + ("sort", "page", "per_page")}
    types: list[str] = []
    for raw in getlist("type"):
        types += [t.strip() for t in raw.split(",") if t.strip()]
    for t in types:
        if t not in INCIDENT_TYPES:
            raise BadFilter(f"type={t!r} is not an incident type: use one of {', '.join(INCIDENT_TYPES)}")
    country = single["country"].upper() or None
    if country is not None and not is_country_code(country):
        raise BadFilter(f"country={single['country']!r} is not a country code: use ISO 3166-1 alpha-2, e.g. MM")
    verification = single["verification"] or None
    if verification is not None and verification not in VERIFICATIONS:
        raise BadFilter(f"verification={verification!r} is unknown: use one of {', '.join(VERIFICATIONS)}")
    date_from = _date("from", single["from"], end=False) if single["from"] else None
    date_to = _date("to", single["to"], end=True) if single["to"] else None
    if date_from and date_to and date_from > date_to:
        raise BadFilter(f"from={single['from']} is after to={single['to']}: swap them")
    bbox = None
    if single["bbox"]:
        try:
            bbox = parse_bbox(single["bbox"])
        except UsageError as exc:
            raise BadFilter(str(exc)) from None
    for key in ("admin1", "actor", "source", "q"):
        if len(single[key]) > 200:
            raise BadFilter(f"{key} is too long: use at most 200 characters")
    sort = single["sort"] or "date"
    if sort not in ORDERS:
        raise BadFilter(f"sort={sort!r} is unknown: use one of {', '.join(ORDERS)}")
    flt = EventFilter(types=tuple(dict.fromkeys(types)), country=country, admin1=single["admin1"] or None,
                      date_from=date_from, date_to=date_to, verification=verification,
                      actor=single["actor"] or None, source=single["source"] or None,
                      q=single["q"] or None, bbox=bbox)
    kept = tuple((k, v) for k in FILTER_KEYS for v in getlist(k) if v.strip())
    return View(flt, sort, _int("page", single["page"], 1, 1, 1_000_000),
                _int("per_page", single["per_page"], default_per_page, 1, MAX_PER_PAGE), kept, default_per_page)


def without_q(flt: EventFilter) -> EventFilter:
    """The filter minus its text query, which web/queries.py matches more widely."""
    return replace(flt, q=None)
