"""The value modules: each kind of value validated and written one way (factfinder/values/)."""

from __future__ import annotations

import re
import sqlite3

import pytest

from factfinder.errors import UsageError
from factfinder.values.fts import MAX_WORDS, fts_query
from factfinder.values.isodate import check_day, day_of, is_day, parse_day, prefix_bounds, utc_now
from factfinder.values.numbers import format_number, whole
from factfinder.values.places import is_country_code, parse_bbox, valid_coordinate


# --- isodate ------------------------------------------------------------------

@pytest.mark.parametrize("text, day", [
    ("2023-11-20", True), ("2024-02-29", True),
    ("2023-02-29", False), ("2023-13-01", False), ("20231120", False), ("2023-11-20T08:00Z", False),
    ("2023-1-5", False), (" 2023-11-20", False), ("", False), (None, False),
])
def test_a_day_is_exactly_a_real_yyyy_mm_dd(text: str | None, day: bool) -> None:
    assert is_day(text) is day
    assert (parse_day(text) is not None) is day


def test_day_of_keeps_the_day_a_timestamp_starts_with() -> None:
    assert day_of("2023-11-20T08:15:00+06:30") == "2023-11-20"
    assert day_of(" 2023-11-20 ") == "2023-11-20"
    assert day_of("2023-02-30T00:00Z") is None and day_of("Monday") is None and day_of(None) is None


def test_check_day_names_the_option_and_the_form() -> None:
    assert check_day("2023-11-20", name="--since") == "2023-11-20" and check_day(None, name="--since") is None
    with pytest.raises(UsageError, match=r"--published '17/11/2023' is not a date; write it as YYYY-MM-DD"):
        check_day("17/11/2023", name="--published")


@pytest.mark.parametrize("prefix, bounds", [
    ("2023", ("2023-01-01", "2023-12-31")),
    ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2023-02", ("2023-02-01", "2023-02-28")),
    ("2023-11-20", ("2023-11-20", "2023-11-20")),
])
def test_an_iso_prefix_covers_its_first_to_last_day(prefix: str, bounds: tuple[str, str]) -> None:
    assert prefix_bounds(prefix) == bounds


@pytest.mark.parametrize("prefix, reason", [
    ("2023-13", "has no month 13"), ("2023-02-30", "has no day 30"), ("Nov 2023", "is not a date"),
])
def test_a_bad_prefix_says_what_is_wrong(prefix: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        prefix_bounds(prefix)


def test_utc_now_is_iso_8601_with_z_to_the_second_or_microsecond() -> None:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", utc_now())
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z", utc_now(precise=True))
    assert day_of(utc_now()) is not None


# --- numbers ------------------------------------------------------------------

@pytest.mark.parametrize("value, shown", [(12.0, "12"), (2.5, "2.5"), (0.0, "0"), (1_200_000.0, "1200000"), (7, "7")])
def test_whole_numbers_lose_the_float_point(value: float, shown: str) -> None:
    assert format_number(value) == shown
    assert str(whole(value)) == shown and isinstance(whole(12.0), int) and isinstance(whole(2.5), float)


# --- places -------------------------------------------------------------------

def test_country_codes_are_two_letters() -> None:
    assert is_country_code("MM") and is_country_code("sd")
    assert not any(is_country_code(c) for c in ("Myanmar", "M", "M1", "", None, "ΜΜ"))  # the last is Greek


def test_coordinates_lie_on_earth() -> None:
    assert valid_coordinate(20.15, 92.9) and valid_coordinate(-90, 180)
    assert not valid_coordinate(95, 10) and not valid_coordinate(10, -181)


def test_bbox_is_west_south_east_north_within_range() -> None:
    assert parse_bbox("90,15,95,25.5") == (90.0, 15.0, 95.0, 25.5)
    for bad, reason in (("1,2,3", "is not a box"), ("a,b,c,d", "is not a box"), ("95,15,90,25", "out of range"),
                        ("90,30,95,25", "out of range"), ("90,15,95,nan", "out of range")):
        with pytest.raises(UsageError, match=reason):
            parse_bbox(bad)


# --- fts ----------------------------------------------------------------------

@pytest.fixture()
def evidence() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE ev USING fts5(text)")
    conn.executemany("INSERT INTO ev (text) VALUES (?)", [
        ("Soldiers detained 40 villagers near the consulate on Tuesday.",),
        ("The NEAR-shore clinic was shelled and closed.",),
        ("Protesters said \"no more arrests\" outside the court.",),
    ])
    return conn


@pytest.mark.parametrize("query, hits", [
    ("consulate", 1),
    ("Consulate villagers", 1),  # every word must appear, in any case
    ('near (consulate', 1),  # a stray parenthesis is not syntax; NEAR is a word, not the operator
    ('"no more arrests', 1),  # an unbalanced quote
    ("NEAR", 2),
    ("clinic*", 1),
    ("court NOT clinic", 0),  # NOT is a word to find, so nothing has all three
])
def test_user_words_become_a_query_that_never_breaks(evidence: sqlite3.Connection, query: str, hits: int) -> None:
    match = fts_query(query)
    assert match is not None
    assert evidence.execute("SELECT count(*) FROM ev WHERE ev MATCH ?", (match,)).fetchone()[0] == hits


def test_no_words_no_query_and_long_queries_are_capped() -> None:
    assert fts_query("?! --") is None and fts_query("") is None and fts_query(None) is None
    assert fts_query(" ".join(f"w{i}" for i in range(40))).count('"') == 2 * MAX_WORDS
