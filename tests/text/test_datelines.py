"""The dateline readings of text/datelines, one per stage that asks (docs/architecture.md)."""

from __future__ import annotations

from factfinder.text.datelines import (caps_place_names, colon_after, dateline_date_before, dateline_head_end,
                                       dateline_segment_end, filed_place_end, first_dateline_date,
                                       opens_with_dateline)

LINE = "ORVAK, Vardenia (March 4, 2019) – Police in Orvak detained two teachers on Sunday."


def test_each_stage_reads_the_same_dateline() -> None:
    assert opens_with_dateline(LINE)
    end = dateline_segment_end(LINE)
    assert end is not None and LINE[end:].startswith("Police")
    day = first_dateline_date(LINE, 3000)
    assert day is not None and LINE[day[0]:day[1]] == "March 4, 2019"
    assert dateline_date_before(LINE, day[0])
    head = dateline_head_end(LINE, 0)
    assert head is not None and LINE[:head].endswith("–")
    filed = filed_place_end(LINE, 0)
    assert filed is not None and LINE[:filed] == "ORVAK, Vardenia"
    assert [name for _, _, name in caps_place_names(LINE)] == ["ORVAK"]


def test_the_readings_differ_where_their_jobs_do() -> None:
    # A place alone before a dash opens a story and heads its line, but is no segment of its own
    # (the sentence splitter wants the comma) and carries no day.
    short = "ORVAK – Police detained two teachers on Sunday."
    assert opens_with_dateline(short) and dateline_head_end(short, 0) is not None
    assert dateline_segment_end(short) is None and first_dateline_date(short, 3000) is None
    # A headline word in capitals before a dash is not cut off as a dateline.
    assert dateline_segment_end("UPDATE - Police detained two teachers.") is None
    assert colon_after("Orvak: Police detained two teachers.", 5)
    assert filed_place_end("Police in Orvak, Vardenia detained two teachers.", 0) is None
