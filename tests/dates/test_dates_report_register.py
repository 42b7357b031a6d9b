"""Issue 21 item 5: dates as annual reports and news write them (sentences written for the project)."""

from __future__ import annotations

import pytest

from factfinder.dates import find_date_spans, resolve_date


def dates(text: str, published: str | None) -> list[tuple[str, str | None, str | None]]:
    out = []
    for span in find_date_spans(text):
        found = resolve_date(span, published)
        out.append((span.text, found and found.start, found and found.end))
    return out


@pytest.mark.parametrize("text, published, expected", [
    # a month alone is the latest such month before publication: a report out in January covers last year
    ("In March, guards beat a prisoner in the penal colony.", "2024-01-11", [("March", "2023-03-01", "2023-03-31")]),
    ("Students rallied in late November against the new fees.", "2024-01-11",
     [("late November", "2023-11-01", "2023-11-30")]),
    ("Police dispersed the sit-in in March, witnesses said.", "2024-03-20", [("March", "2024-03-01", "2024-03-31")]),
])
def test_a_month_alone_takes_the_year_the_report_covers(text: str, published: str, expected: list) -> None:
    assert dates(text, published) == expected


def test_a_month_alone_without_publication_date_stays_null() -> None:
    assert dates("In March, guards beat a prisoner.", None) == [("March", None, None)]


def test_a_date_stated_in_full_needs_no_publication_date() -> None:
    assert dates("On 21 March 2012, a party leader was stabbed to death in Homna.", None) == [
        ("21 March 2012", "2012-03-21", "2012-03-21")]


@pytest.mark.parametrize("text, published, expected", [
    ("Some 500 opposition supporters demonstrated in the capital on Saturday.", "2024-03-12",
     [("Saturday", "2024-03-09", "2024-03-09")]),
    ("Some 500 opposition supporters demonstrated in the capital on Saturday.", None, [("Saturday", None, None)]),
    ("A teacher was abducted yesterday near the market.", "2024-03-12", [("yesterday", "2024-03-11", "2024-03-11")]),
    ("A teacher was abducted yesterday near the market.", None, [("yesterday", None, None)]),
])
def test_weekdays_and_yesterday_anchor_to_publication_or_stay_null(text: str, published: str | None,
                                                                    expected: list) -> None:
    assert dates(text, published) == expected


def test_a_range_is_a_range() -> None:
    assert dates("Police held the six reporters between 16 and 23 September.", "2024-01-11") == [
        ("between 16 and 23 September", "2023-09-16", "2023-09-23")]


@pytest.mark.parametrize("text", [
    "Police in Rabat dispersed a rally of the 20 February Movement.",
    "Members of the 6 April Youth Movement were questioned.",
    "The ministry published its 2019 action plan on prisons.",
    "Police stopped the Saturday Mothers from holding their weekly vigil.",
    "Gunmen attacked the church during Sunday mass.",
])
def test_a_date_or_year_inside_a_name_is_no_date(text: str) -> None:
    assert dates(text, "2024-01-11") == []


def test_a_month_is_not_read_from_the_verb_or_the_modal() -> None:
    assert dates("Protesters may march to the ministry, and police may stop them.", "2024-01-11") == []
