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


@pytest.mark.parametrize("text, published, expected", [
    ("Soldiers killed civilians they presented as rebels between 2004 and 2009, the court found.", None,
     [("between 2004 and 2009", "2004-01-01", "2009-12-31")]),
    ("Guards tortured inmates in 2015 and 2016 at the detention centre.", None,
     [("2015 and 2016", "2015-01-01", "2016-12-31")]),
    ("Nine men jailed over the 2018-2019 strikes remained in prison.", None,
     [("2018-2019", "2018-01-01", "2019-12-31")]),
    ("Border guards shot migrants between May 2021 and February 2022, the group said.", None,
     [("between May 2021 and February 2022", "2021-05-01", "2022-02-28")]),
    # months without a year: the latest such span before publication, the first month before the last
    ("Militia members detained at least 30 traders between February and October.", "2024-01-11",
     [("between February and October", "2023-02-01", "2023-10-31")]),
    ("A detained editor refused food in November and December.", "2024-01-11",
     [("November and December", "2023-11-01", "2023-12-31")]),
    ("Police held him from 28 March to 4 April 2023 without charge.", None,
     [("from 28 March to 4 April 2023", "2023-03-28", "2023-04-04")]),
])
def test_ranges_of_months_and_years_are_ranges(text: str, published: str | None, expected: list) -> None:
    assert dates(text, published) == expected


@pytest.mark.parametrize("text, expected", [
    # a count after a year, an identifier, figures: no range
    ("Police arrested 40 people in 2019 and 25 in 2020.", [("2019", "2019-01-01", "2019-12-31"),
                                                         ("2020", "2020-01-01", "2020-12-31")]),
    ("Release 2013-01-S-025 reports the operation.", []),
    ("The budget grew from 1,990 to 2,010 dollars.", []),
])
def test_what_only_looks_like_a_range_is_not_one(text: str, expected: list) -> None:
    assert dates(text, "2024-01-11") == expected


def test_over_the_weekend_is_the_weekend_before_the_report() -> None:
    assert dates("At least nine people were killed over the weekend in clashes.", "2022-01-04") == [
        ("over the weekend", "2022-01-01", "2022-01-02")]


def test_overnight_is_the_night_before_the_report() -> None:
    assert dates("Security forces detained two suspects overnight in the province.", "2011-03-08") == [
        ("overnight", "2011-03-07", "2011-03-07")]


@pytest.mark.parametrize("text", [
    "Police in Rabat dispersed a rally of the 20 February Movement.",
    "Members of the 6 April Youth Movement were questioned.",
    "The ministry published its 2019 action plan on prisons.",
    "Police stopped the Saturday Mothers from holding their weekly vigil.",
    "Gunmen attacked the church during Sunday mass.",
    "The court ordered compensation for victims of the Easter Sunday bombings.",
])
def test_a_date_or_year_inside_a_name_is_no_date(text: str) -> None:
    assert dates(text, "2024-01-11") == []


def test_a_month_is_not_read_from_the_verb_or_the_modal() -> None:
    assert dates("Protesters may march to the ministry, and police may stop them.", "2024-01-11") == []


def test_a_year_before_a_verb_ending_in_s_is_still_a_year() -> None:
    """"in 2015 trucks" counts trucks, but "imposed in 2011 was ..." is the year 2011."""
    assert dates("A sentence imposed in 2011 was upheld.", "2024-01-11") == [("2011", "2011-01-01", "2011-12-31")]
