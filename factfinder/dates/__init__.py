"""dates stage: find date phrases and resolve them against the publication date.

Rules are in docs/dates.md. Extraction gives each incident its trigger words;
``incident_date_spans`` chooses the date phrase that tells the incident's date
(``Incident.date_span``), ``resolve_incident_dates`` turns it into a
``DateRange`` and ``statistic_dates`` gives each tally its as-of date.
"""

from __future__ import annotations

from factfinder.dates.choose import (
    incident_date_spans, is_dateline_date, statistic_dates, with_dateline_published,
)
from factfinder.dates.patterns import DateExpression, find_date_spans, find_expressions, parse
from factfinder.dates.resolve import (
    is_future, precision_of, resolve_date, resolve_expression, resolve_incident_dates,
)

__all__ = [
    "DateExpression", "find_date_spans", "find_expressions", "incident_date_spans", "is_dateline_date",
    "is_future", "parse", "precision_of", "resolve_date", "resolve_expression", "resolve_incident_dates",
    "statistic_dates", "with_dateline_published",
]
