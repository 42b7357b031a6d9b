"""SpanIndex answers exactly what a linear scan would (it replaced quadratic scans
that never finished on a 3 MB report with 200,000 place names)."""

from __future__ import annotations

import random

from factfinder.geo.spans import SpanIndex


def _spans(rng: random.Random, n: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        start = rng.randrange(0, 2000)
        out.append((start, start + rng.randrange(1, 40)))
    return out


def test_overlaps_and_containing_match_a_linear_scan() -> None:
    rng = random.Random(3)
    spans = _spans(rng, 300)
    index = SpanIndex(spans)
    for _ in range(2000):
        start = rng.randrange(0, 2050)
        end = start + rng.randrange(1, 30)
        assert index.overlaps(start, end) == any(start < e and s < end for s, e in spans)
        inside = [sp for sp in sorted(spans) if sp[0] <= start and end <= sp[1]]
        assert index.containing(start, end) == (inside[0] if inside else None)


def test_added_spans_are_found_and_neighbours_are_the_nearest() -> None:
    index: SpanIndex = SpanIndex()
    for span in [(50, 58), (10, 17), (30, 36)]:
        index.add(span)
    assert list(index) == [(10, 17), (30, 36), (50, 58)]
    assert index.overlaps(35, 40) and not index.overlaps(36, 50)
    assert index.before(30) == (10, 17) and index.before(49) == (30, 36)
    assert index.after(37) == (50, 58) and index.after(59) is None


def test_a_long_first_span_is_not_missed_after_short_ones() -> None:
    index = SpanIndex([(0, 500), (10, 12), (20, 22)])
    assert index.overlaps(400, 401)
    assert index.containing(400, 401) == (0, 500)


def test_part_of_a_hyphenated_surname_is_not_a_place(nlp) -> None:
    """"Kara" is a region of Togo, but not inside "Vladimir Kara-Murza"."""
    from factfinder.geo import Gazetteer, Geoparser
    from factfinder.text import document_from_text

    text = "A Moscow court sentenced the opposition politician Vladimir Kara-Murza to 25 years on Monday."
    places = Geoparser(Gazetteer.open(), nlp).parse(document_from_text(text))
    assert [p.span.text for p in places] == ["Moscow"]
