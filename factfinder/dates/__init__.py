"""dates stage: find date phrases and resolve them against the publication date.

Rules are in docs/dates.md. Extraction calls ``find_date_spans`` on the
sentences of an incident and stores the chosen phrase as
``Incident.date_span``; ``resolve_incident_dates`` turns it into a ``DateRange``.
"""

from __future__ import annotations

from factfinder.dates.patterns import DateExpression, find_expressions, parse
from factfinder.dates.resolve import (
    is_future, precision_of, resolve_date, resolve_expression, resolve_incident_dates,
)
from factfinder.model import Span

__all__ = [
    "DateExpression", "find_date_spans", "find_expressions", "is_future", "parse", "precision_of",
    "resolve_date", "resolve_expression", "resolve_incident_dates",
]


def find_date_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Date expressions in ``text[start:end]`` as spans of ``text``, in text order."""
    return [Span.of(text, e.start, e.end) for e in find_expressions(text, start, end)]
