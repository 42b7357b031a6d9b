"""The date phrases of a region are looked up once per document: the cache answers as the patterns do."""

from __future__ import annotations

from factfinder.dates import find_date_spans, find_expressions
from factfinder.dates.patterns import _expressions

REPORT = ("KABUL, Afghanistan (March 4, 2012) - Security forces detained two suspects in Kandahar "
          "yesterday. On Tuesday a patrol found weapons near the market. Between 1 and 3 March, "
          "three more arrests were made, officials said on Friday.")


def test_repeated_lookups_of_a_document_are_answered_from_the_cache_with_the_same_phrases() -> None:
    second, third = REPORT.index("On Tuesday"), REPORT.index("Between")
    sentences = [(0, second - 1), (second, third - 1), (third, len(REPORT))]
    fresh = {region: _expressions.__wrapped__(REPORT, *region) for region in sentences}
    _expressions.cache_clear()
    first = [find_expressions(REPORT, *region) for region in sentences]
    hits_before = _expressions.cache_info().hits
    again = [find_expressions(REPORT, *region) for region in sentences]  # the next incident of the same story
    assert _expressions.cache_info().hits == hits_before + len(sentences)
    assert first == again == [list(fresh[region]) for region in sentences]
    assert [REPORT[e.start:e.end] for e in first[0]] == ["March 4, 2012", "yesterday"]
    # a caller's list is its own: changing it leaves the cached answer alone
    first[1].clear()
    assert find_expressions(REPORT, *sentences[1]) == list(fresh[sentences[1]]) != []
    assert [s.text for s in find_date_spans(REPORT, *sentences[2])] == [
        REPORT[e.start:e.end] for e in fresh[sentences[2]]]


def test_the_same_region_of_another_text_is_not_answered_from_the_first_text() -> None:
    other = REPORT.replace("yesterday", "last week")
    assert find_expressions(REPORT, 0, 100) != find_expressions(other, 0, 100)
    assert any(e.relative == "last" for e in find_expressions(other, 0, 100))


def test_the_word_shortcuts_leave_every_kind_of_phrase_found_in_any_case() -> None:
    # each pattern is skipped where its word is missing ("ago", "day", "week"...): never where it is there
    found = {(e.kind, REPORT_ALL[e.start:e.end]) for e in find_expressions(REPORT_ALL)}
    assert {("ago", "THREE WEEKS AGO"), ("weekday", "last SUNDAY"), ("weekday", "Friday evening"),
            ("relative_day", "Tonight"), ("relative_day", "this Afternoon"), ("relative_day", "overnight"),
            ("period", "past Month"), ("last_day", "LAST DAY"), ("day_month", "Christmas Eve"),
            ("day_month", "Human Rights Day")} <= found


REPORT_ALL = ("Guards beat two inmates in Marra THREE WEEKS AGO, and more were beaten last SUNDAY. Tonight "
              "and this Afternoon the families wait; overnight a third man was taken. Raids rose over the past "
              "Month. An editor was held on his LAST DAY at the paper; on Christmas Eve police broke up vigils; on Human "
              "Rights Day and on Friday evening they detained the organisers.")
