"""Property tests: the text, date, count and geo stages on arbitrary Unicode text.

For any text (controls, NUL, bidi marks, combining characters, astral
characters, 1 MB lines) nothing raises but the documented ExtractionError,
every span's ``text`` equals ``document.text[start:end]``, and every date
range has ``start <= end``. Examples are bounded (``max_examples``, no
deadline on a shared CI machine) and derandomized, so a run is repeatable.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factfinder.capture.files import capture_bytes
from factfinder.dates import find_date_spans, resolve_date
from factfinder.errors import ExtractionError
from factfinder.extract.counts import find_counts
from factfinder.extract.sentences import split_sentences
from factfinder.model import DateRange, Document, Span
from factfinder.text import document_from_capture, document_from_text
from factfinder.text.plain import decode_bytes, normalise_text
from hostile_text import PHRASES, hostile_text, long_line, publication_day

BOUNDED = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW_STAGE = settings(BOUNDED, max_examples=20)


def spans_in(value: Any) -> Iterator[Span]:
    """Every Span inside a stage's output, however deeply nested."""
    if isinstance(value, Span):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from spans_in(getattr(value, field.name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from spans_in(item)


def date_ranges_in(value: Any) -> Iterator[DateRange]:
    if isinstance(value, DateRange):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from date_ranges_in(getattr(value, field.name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from date_ranges_in(item)


def assert_spans_point_into(text: str, value: Any) -> None:
    for span in spans_in(value):
        assert 0 <= span.start <= span.end <= len(text), span
        assert span.text == text[span.start:span.end], span


def assert_dates_ordered(value: Any) -> None:
    for found in date_ranges_in(value):
        assert date.fromisoformat(found.start) <= date.fromisoformat(found.end), found


def assert_document_sound(doc: Document) -> None:
    previous_end = 0
    for story in doc.stories:
        assert previous_end <= story.start <= story.end <= len(doc.text), doc.stories
        previous_end = story.end
    assert "\r" not in doc.text


# --- text ------------------------------------------------------------------


@BOUNDED
@given(text=hostile_text, published=publication_day)
def test_document_from_text_keeps_length_and_stories_inside(text: str, published: str | None) -> None:
    doc = document_from_text(text, published=published)
    assert len(doc.text) == len(text)  # offsets a caller computed on the input stay valid
    assert doc.published == published
    assert_document_sound(doc)


@BOUNDED
@given(data=st.binary(max_size=4096), declared=st.one_of(st.none(), st.sampled_from(
    ["utf-8", "latin-1", "windows-1252", "utf-16", "shift_jis", "koi8-r", "no-such-charset", "base64", ""])))
def test_decode_bytes_returns_text_or_says_why_not(data: bytes, declared: str | None) -> None:
    try:
        text = decode_bytes(data, name="report.txt", declared=declared)
    except ExtractionError as exc:
        assert "report.txt" in str(exc) and "\n" not in str(exc)
        return
    assert isinstance(text, str)


@BOUNDED
@given(text=hostile_text, as_html=st.booleans())
def test_captured_bytes_become_a_sound_document_or_an_extraction_error(text: str, as_html: bool) -> None:
    body = f"<html><body><article><p>{text}</p></article></body></html>" if as_html else text
    data = body.encode("utf-8", "surrogatepass")
    capture = capture_bytes(data, origin="/reports/field-note.html" if as_html else "/reports/field-note.txt")
    try:
        doc = document_from_capture(capture)
    except ExtractionError as exc:
        assert "\n" not in str(exc)
        return
    assert doc.doc == capture.source.sha256
    assert_document_sound(doc)
    assert doc.text == normalise_text(doc.text)  # already clean: nothing downstream changes it


# --- dates -----------------------------------------------------------------


@BOUNDED
@given(text=hostile_text, published=publication_day)
def test_date_spans_point_into_the_text_and_resolve_in_order(text: str, published: str | None) -> None:
    text = normalise_text(text)
    for span in find_date_spans(text):
        assert_spans_point_into(text, span)
        resolved = resolve_date(span, published)
        if resolved is not None:
            assert_dates_ordered(resolved)
            assert_spans_point_into(text, resolved)


@BOUNDED
@given(prefix=hostile_text, published=st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
       phrase=st.sampled_from(["yesterday", "last Tuesday", "in early 2023", "between January and March",
                               "on 31 February", "last week", "two days ago", "in the 9999th year",
                               "1 January 1", "31 December 9999", "next month", "last year"]))
def test_relative_dates_at_the_ends_of_the_calendar(prefix: str, published: date, phrase: str) -> None:
    text = normalise_text(f"{prefix} {phrase}.")
    for span in find_date_spans(text):
        resolved = resolve_date(span, published.isoformat())
        if resolved is not None:
            assert_dates_ordered(resolved)


# --- counts and sentences --------------------------------------------------


@BOUNDED
@given(text=hostile_text)
def test_counts_and_sentences_point_into_the_text(text: str) -> None:
    text = normalise_text(text)
    counts = find_counts(text)
    assert_spans_point_into(text, counts)
    for count in counts:
        assert count.value == count.value  # never NaN
    sentences = split_sentences(text)
    for sentence in sentences:
        assert 0 <= sentence.start <= sentence.end <= len(text)


# --- geo and the whole extraction ------------------------------------------


@pytest.fixture(scope="module")
def geoparser():
    from factfinder.geo import Gazetteer, Geoparser

    return Geoparser(Gazetteer.open())


@pytest.fixture(scope="module")
def pipeline(nlp, geoparser):
    from factfinder.pipeline import Pipeline

    return Pipeline(nlp=nlp, gazetteer=geoparser.gazetteer)


@SLOW_STAGE
@given(text=hostile_text)
def test_place_mentions_point_into_the_text(geoparser, text: str) -> None:
    doc = document_from_text(text)
    places = geoparser.parse(doc, entities=[])
    assert_spans_point_into(doc.text, places)
    for place in places:
        if place.lat is not None:
            assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180


@SLOW_STAGE
@given(text=hostile_text, published=publication_day)
def test_extraction_evidence_equals_the_document_slice(pipeline, text: str, published: str | None) -> None:
    doc = document_from_text(text, published=published)
    extraction = pipeline.extract(doc)
    assert_spans_point_into(doc.text, extraction.incidents)
    assert_spans_point_into(doc.text, extraction.statistics)
    assert_dates_ordered(extraction)
    for incident in extraction.incidents:
        assert incident.evidence, incident


# --- one long line ---------------------------------------------------------


@pytest.mark.slow
def test_a_one_megabyte_line_goes_through_text_dates_and_counts() -> None:
    line = long_line()
    doc = document_from_text(line, published="2024-03-05")
    assert len(doc.text) == len(line)
    assert_document_sound(doc)
    dates = find_date_spans(doc.text)
    assert len(dates) > 1000
    assert_spans_point_into(doc.text, dates)
    counts = find_counts(doc.text)
    assert len(counts) > 1000
    assert_spans_point_into(doc.text, counts)


@pytest.mark.slow
def test_a_long_line_goes_through_places_and_extraction(pipeline, geoparser) -> None:
    # 50 kB of one line: a minified page; the place choice (geo/locate.py) is quadratic in incidents x places
    line = long_line(50_000)
    doc = document_from_text(line, published="2024-03-05")
    assert_spans_point_into(doc.text, geoparser.parse(doc, entities=[]))
    extraction = pipeline.extract(doc)
    assert len(extraction.incidents) >= 1
    assert_spans_point_into(doc.text, extraction.incidents)
    assert_dates_ordered(extraction)
    assert any(p in doc.text for p in PHRASES)
