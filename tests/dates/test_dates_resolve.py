"""Date finding and resolution against a publication date, including the traps of date libraries."""

from __future__ import annotations

from dataclasses import replace

import pytest

from factfinder.dates import find_date_spans, is_future, resolve_date, resolve_incident_dates
from factfinder.model import DateRange, Document, Incident, Span

PUBLISHED = "2023-11-20"  # a Monday


def _resolve(phrase: str, published: str | None = PUBLISHED) -> tuple[str, str, str] | None:
    spans = find_date_spans(phrase)
    assert spans, f"no date found in {phrase!r}"
    found = resolve_date(spans[0], published)
    return None if found is None else (found.start, found.end, found.precision)


@pytest.mark.parametrize("phrase, expected", [
    ("on November 17", ("2023-11-17", "2023-11-17", "day")),
    ("November 16th", ("2023-11-16", "2023-11-16", "day")),
    ("13 March 2023", ("2023-03-13", "2023-03-13", "day")),
    ("2023-11-17", ("2023-11-17", "2023-11-17", "day")),
    ("(Jan. 25, 2013)", ("2013-01-25", "2013-01-25", "day")),
    ("the morning of November 17", ("2023-11-17", "2023-11-17", "day")),
    ("in July 2022", ("2022-07-01", "2022-07-31", "month")),
    ("in December 2022", ("2022-12-01", "2022-12-31", "month")),
    ("in 2014", ("2014-01-01", "2014-12-31", "year")),
    ("yesterday", ("2023-11-19", "2023-11-19", "day")),
    ("today", ("2023-11-20", "2023-11-20", "day")),
    ("fighting broke out last day between the two townships", ("2023-11-19", "2023-11-19", "day")),
    ("on Saturday", ("2023-11-18", "2023-11-18", "day")),
    ("last weekend", ("2023-11-18", "2023-11-19", "week")),
    ("this week", ("2023-11-20", "2023-11-20", "week")),  # its days so far: the report is a Monday's
    ("last week", ("2023-11-13", "2023-11-19", "week")),
    ("last month", ("2023-10-01", "2023-10-31", "month")),
    ("earlier this month", ("2023-11-01", "2023-11-20", "month")),
    ("three months ago", ("2023-08-01", "2023-08-31", "month")),
    ("2 days ago", ("2023-11-18", "2023-11-18", "day")),
    ("since November 16th", ("2023-11-16", "2023-11-20", "week")),
    ("detained in raids since Thursday", ("2023-11-16", "2023-11-20", "week")),
    ("fighting has spread since the start of the month", ("2023-11-01", "2023-11-20", "month")),
    ("prices have doubled since the beginning of this year", ("2023-01-01", "2023-11-20", "year")),
    ("she was abducted and killed on New Year's Eve", ("2022-12-31", "2022-12-31", "day")),
    ("shelling on Christmas Day 2021", ("2021-12-25", "2021-12-25", "day")),
    ("police detained 20 activists on Human Rights Day", ("2022-12-10", "2022-12-10", "day")),
    ("a May Day rally was dispersed", ("2023-05-01", "2023-05-01", "day")),
    ("International Women's Day marches were banned", ("2023-03-08", "2023-03-08", "day")),
    ("two reporters were held on World Press Freedom Day 2021", ("2021-05-03", "2021-05-03", "day")),
])
def test_phrases_resolve_against_publication(phrase, expected):
    assert _resolve(phrase) == expected


def test_two_day_range_is_a_range_not_year_2017():
    # dateparser reads "November 16th and 17th" as 16 November 2017.
    spans = find_date_spans("a fierce battle in Pauktaw on November 16th and 17th, the troops")
    assert [s.text for s in spans] == ["November 16th and 17th"]
    assert _resolve("November 16th and 17th") == ("2023-11-16", "2023-11-17", "week")
    assert _resolve("between 10 and 12 March") == ("2023-03-10", "2023-03-12", "week")


def test_day_without_year_takes_latest_year_not_after_publication():
    assert _resolve("on December 28", "2024-01-03") == ("2023-12-28", "2023-12-28", "day")
    assert _resolve("on November 21", "2023-11-20")[0] == "2023-11-21"  # one day of time-zone grace
    assert _resolve("on November 25", "2023-11-20")[0] == "2022-11-25"


def test_weekday_in_phrase_picks_the_year_it_fits():
    # 27 November fell on a Saturday in 2021: an announced hearing two days ahead.
    found = resolve_date(find_date_spans("On Saturday 27th November at 1300 GMT")[0], "2021-11-25")
    assert (found.start, found.precision) == ("2021-11-27", "day")
    assert is_future(found, "2021-11-25")


def test_weekday_on_publication_day_is_that_day_and_last_is_strictly_before():
    assert _resolve("police detained him on Monday") == ("2023-11-20", "2023-11-20", "day")
    assert _resolve("last Monday") == ("2023-11-13", "2023-11-13", "day")
    assert _resolve("in Kunar province Tuesday when") == ("2023-11-14", "2023-11-14", "day")


def test_without_publication_date_relative_and_yearless_dates_are_unknown():
    for phrase in ("yesterday", "last week", "on Saturday", "November 17th", "three months ago"):
        assert _resolve(phrase, None) is None, phrase
    assert _resolve("13 March 2023", None) == ("2023-03-13", "2023-03-13", "day")
    assert _resolve("in 2014", None) == ("2014-01-01", "2014-12-31", "year")


@pytest.mark.parametrize("text", [
    "17",
    "On Saturday at 1300 GMT the tribunal meets",
    "19,693 civilians have been arrested since the military coup",
    "war refugees from Di Pa Yin and Ye Oo townships",
    "release 2013-01-S-025 from the command",
    "on the last day of the festival",
    "officials may march in protest",
    "a convoy of 2015 trucks",
    "abuses in 2000s",
])
def test_non_dates_are_not_found(text):
    found = [s.text for s in find_date_spans(text)]
    assert all(t in {"Saturday"} for t in found), found


def test_a_decade_is_the_whole_decade_never_its_first_year():
    """"in the 1990s" is 1990..1999 at year precision, not the year 1990 (a year glued to letters
    is no year)."""
    text = "relatives of people who disappeared in the 1990s and in the late 2000s"
    assert [s.text for s in find_date_spans(text)] == ["the 1990s", "the late 2000s"]
    assert _resolve("the 1990s", None) == ("1990-01-01", "1999-12-31", "year")


def test_spans_index_the_text_and_respect_the_region():
    text = "KABUL, Afghanistan (Oct. 19, 2012)\nIn a raid yesterday, police shot dead two gunmen."
    spans = find_date_spans(text)
    assert [s.text for s in spans] == ["Oct. 19, 2012", "yesterday"]
    assert all(text[s.start:s.end] == s.text for s in spans)
    region = find_date_spans(text, 35)
    assert [s.text for s in region] == ["yesterday"] and region[0].start == text.index("yesterday")


def test_is_future_allows_one_day_of_grace():
    assert not is_future(DateRange("2023-11-21", "2023-11-21", "day"), PUBLISHED)
    assert is_future(DateRange("2023-11-22", "2023-11-22", "day"), PUBLISHED)
    assert not is_future(DateRange("2023-11-22", "2023-11-22", "day"), None)


def test_resolve_incident_dates_uses_the_date_span_and_never_guesses():
    text = "Troops arrested nearly a hundred residents on November 17th. Others fled."
    doc = Document(doc="d" * 64, text=text, published=PUBLISHED)
    span = find_date_spans(text)[0]
    evidence = (Span.of(text, 0, 59),)
    dated = Incident(doc=doc.doc, type="arrest", summary=evidence[0].text, evidence=evidence, date_span=span)
    undated = replace(dated, type="displacement", date_span=None)
    out = resolve_incident_dates([dated, undated], doc)
    assert out[0].date == DateRange("2023-11-17", "2023-11-17", "day", span)
    assert out[1].date is None
    assert resolve_incident_dates([dated], replace(doc, published=None))[0].date is None


def test_this_week_runs_from_monday_to_the_report_day():
    # a Friday's report: what it tells "this week" has happened by Friday, not by Sunday
    assert _resolve("fighting intensified this week", "2023-11-24") == ("2023-11-20", "2023-11-24", "week")


def test_a_release_number_gives_a_yearless_day_its_year_and_yesterday_its_month_not_its_day():
    text = ("Forces detain a commander in Kabul\n\nISAF Joint Command - Afghanistan\n2010-07-CA-129\n"
            "For Immediate Release\n\nA combined force detained a commander in Kabul City July 16. "
            "Two more men were detained yesterday.\n")
    document = Document(doc="d", text=text)
    day, yesterday = (Span.of(text, text.index(w), text.index(w) + len(w)) for w in ("July 16", "yesterday"))
    incidents = [Incident(doc="d", type="arrest", summary="", evidence=(day,), date_span=span) for span in (day, yesterday)]
    dated = resolve_incident_dates(incidents, document)
    assert dated[0].date is not None and (dated[0].date.start, dated[0].date.precision) == ("2010-07-16", "day")
    # the number gives the month, not the release's day: "yesterday" is bounded, never a day
    assert dated[1].date is not None
    assert (dated[1].date.start, dated[1].date.end, dated[1].date.precision) == ("2010-06-30", "2010-07-30", "month")
    # a number that is no release number at a release's head ("011-07-S-051") gives nothing
    broken = text.replace("2010-07-CA-129", "010-07-CA-129")
    assert resolve_incident_dates(incidents, Document(doc="d", text=broken))[0].date is None
