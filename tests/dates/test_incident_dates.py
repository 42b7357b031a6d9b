"""Which date phrase an incident takes: its sentence's, its paragraph's, its story's lead, the dateline."""

from __future__ import annotations

import pytest

from factfinder.dates import with_dateline_published
from factfinder.model import Document

WIRE = (
    "Army detains farmers in border district\n\n"
    "LASHIO, Myanmar (March 4, 2024) – Soldiers detained 14 farmers in Lashio township yesterday, "
    "relatives told reporters.\n\n"
    "The farmers were taken to a military base outside the town.\n\n"
    "Troops later shot dead two of the men during questioning, a relative said.\n"
)


def test_a_dateline_with_a_year_stands_in_for_a_missing_publication_date() -> None:
    document = with_dateline_published(Document(doc="d", text=WIRE))
    assert document.published == "2024-03-04"


def test_a_known_publication_date_and_a_yearless_dateline_are_left_alone() -> None:
    assert with_dateline_published(Document(doc="d", text=WIRE, published="2024-03-05")).published == "2024-03-05"
    yearless = WIRE.replace("(March 4, 2024)", "(March 4)")
    assert with_dateline_published(Document(doc="d", text=yearless)).published is None
    # a date in the body is not a dateline
    body = "Soldiers detained 14 farmers (March 4, 2024) in Lashio.\n"
    assert with_dateline_published(Document(doc="d", text=body)).published is None


@pytest.mark.slow
def test_yesterday_counts_from_the_dateline_and_later_paragraphs_take_the_lead_date() -> None:
    from factfinder.pipeline import Pipeline

    extraction = Pipeline().extract(Document(doc="d", text=WIRE))
    assert extraction.document.published == "2024-03-04"
    by_type = {inc.type: inc for inc in extraction.incidents}
    assert by_type["arrest"].date is not None and by_type["arrest"].date.start == "2024-03-03"
    killing = by_type["killing"]
    assert killing.date is not None and (killing.date.start, killing.date.precision) == ("2024-03-03", "day")
    assert killing.date_span is not None and killing.date_span.text == "yesterday"
