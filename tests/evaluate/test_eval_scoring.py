"""The scorer itself, on hand-made gold and predicted records: it must fail when scoring breaks."""

from __future__ import annotations

import pytest

from factfinder.evaluate import GeoTally, Score, haversine_km, match_incidents, match_mentions, score_extraction
from factfinder.evaluate.extraction import match_statistics, same_location


def _inc(type_, start, end, **fields):
    return {"type": type_, "evidence": [{"start": start, "end": end, "text": "x" * (end - start)}], **fields}


def test_score_precision_recall_f1_and_addition():
    s = Score(tp=2, predicted=4, gold=3) + Score(tp=1, predicted=1, gold=1)
    assert (s.tp, s.predicted, s.gold) == (3, 5, 4)
    assert s.precision == pytest.approx(0.6) and s.recall == pytest.approx(0.75)
    assert s.f1 == pytest.approx(2 * 0.6 * 0.75 / 1.35)
    assert Score().f1 == 0.0 and not Score().defined
    assert Score(0, 3, 0).defined and Score(0, 3, 0).precision == 0.0


def test_incidents_match_one_to_one_by_type_and_largest_overlap():
    gold = [_inc("arrest", 0, 50), _inc("killing", 0, 50)]
    pred = [_inc("arrest", 40, 90), _inc("arrest", 10, 60), _inc("protest", 0, 50)]
    # both predicted arrests overlap the gold arrest; the larger overlap (40 chars) wins
    assert match_incidents(gold, pred) == [(0, 1)]


def test_incidents_without_overlap_do_not_match():
    assert match_incidents([_inc("arrest", 0, 10)], [_inc("arrest", 10, 20)]) == []


def test_detection_and_per_type_scores():
    gold = [_inc("arrest", 0, 50), _inc("killing", 60, 100)]
    pred = [_inc("arrest", 0, 50), _inc("attack", 60, 100), _inc("arrest", 200, 220)]
    scores = score_extraction({"incidents": gold}, pred, [])
    assert (scores["incident"].tp, scores["incident"].predicted, scores["incident"].gold) == (1, 3, 2)
    assert (scores["incident.arrest"].tp, scores["incident.arrest"].predicted) == (1, 2)
    assert scores["incident.killing"].recall == 0.0
    assert scores["incident.attack"].precision == 0.0


def test_fields_are_scored_on_matched_pairs_only():
    date = {"start": "2024-03-03", "end": "2024-03-03", "precision": "day"}
    gold = [_inc("arrest", 0, 50, date=date, verification="reported"),
            _inc("killing", 60, 100, date=date, verification="reported")]
    pred = [_inc("arrest", 0, 50, date=dict(date, end="2024-03-04"), verification="reported"),
            _inc("protest", 60, 100, date=date, verification="reported")]
    scores = score_extraction({"incidents": gold}, pred, [])
    assert (scores["date"].tp, scores["date"].predicted, scores["date"].gold) == (0, 1, 1)
    assert (scores["verification"].tp, scores["verification"].predicted) == (1, 1)


def test_null_predicted_field_costs_recall_not_precision():
    date = {"start": "2024-03-03", "end": "2024-03-03"}
    scores = score_extraction({"incidents": [_inc("arrest", 0, 9, date=date)]}, [_inc("arrest", 0, 9, date=None)], [])
    assert (scores["date"].predicted, scores["date"].gold, scores["date"].recall) == (0, 1, 0.0)


def test_location_within_25_km_or_by_name_and_country():
    gold = {"name": "Kellan", "lat": 10.0, "lon": 20.0, "country": "XX"}
    assert same_location(gold, {"name": "Other", "lat": 10.1, "lon": 20.1, "country": "XX"})  # ~15.6 km
    assert not same_location(gold, {"name": "Kellan", "lat": 10.3, "lon": 20.0, "country": "XX"})  # ~33 km
    assert not same_location(gold, {"name": "Kellan", "lat": None, "lon": None, "country": "XX"})
    bare = {"name": "Dorvan", "lat": None, "lon": None, "country": "XX"}
    assert same_location(bare, {"name": "dorvan", "lat": 3.0, "lon": 4.0, "country": "xx"})
    assert not same_location(bare, {"name": "Dorvan", "lat": None, "lon": None, "country": "YY"})


def test_a_country_level_place_is_its_country_not_a_point():
    # the gazetteer's centre of Morocco and an annotator's lie far more than 25 km apart
    gold = {"name": "Morocco", "lat": 31.8, "lon": -7.1, "country": "MA", "precision": "country"}
    assert same_location(gold, {"name": "Morocco", "lat": 32.0, "lon": -6.0, "country": "ma", "precision": "country"})
    # a town of the same country is a finer answer the paragraph did not give: wrong
    assert not same_location(gold, {"name": "Rabat", "lat": 34.0, "lon": -6.8, "country": "MA", "precision": "town"})
    assert not same_location(gold, {"name": "Algeria", "lat": 28.0, "lon": 2.0, "country": "DZ", "precision": "country"})


def test_counts_actors_and_attribution_are_set_scored():
    gold = [_inc("arrest", 0, 50,
                 counts=[{"category": "arrested", "value": 100, "qualifier": "approx"},
                         {"category": "killed", "value": 15, "qualifier": "at_least"}],
                 perpetrators=["Myanmar military"], targets=["civilians"],
                 attribution=[{"source": "RFA", "kind": "media"}])]
    pred = [_inc("arrest", 0, 50,
                 counts=[{"category": "arrested", "value": 100, "qualifier": "approx", "unit": "people"},
                         {"category": "killed", "value": 15, "qualifier": "exact", "unit": "people"}],
                 perpetrators=[{"name": "myanmar military", "text": "troops"}], targets=[],
                 attribution=[{"source": "Radio Free Asia", "kind": "media"}])]
    s = score_extraction({"incidents": gold}, pred, [])
    assert (s["counts"].tp, s["counts"].predicted, s["counts"].gold) == (1, 2, 2)  # qualifier differs on one
    assert s["perpetrators"].f1 == 1.0
    assert (s["targets"].predicted, s["targets"].gold, s["targets"].tp) == (0, 1, 0)
    assert s["attribution"].f1 == 1.0 and s["attribution_source"].tp == 0


def test_statistics_match_on_category_value_and_evidence():
    gold = [{"category": "arrested", "value": 19693, "as_of": "2023-11-17",
             "evidence": [{"start": 100, "end": 180, "text": ""}]}]
    assert match_statistics(gold, [dict(gold[0], value=19692)]) == []
    assert match_statistics(gold, [dict(gold[0], evidence=[{"start": 0, "end": 99}])]) == []
    scores = score_extraction({"statistics": gold}, [], [dict(gold[0], as_of=None)])
    assert scores["statistics"].f1 == 1.0
    assert (scores["statistics.as_of"].predicted, scores["statistics.as_of"].gold) == (0, 1)


def test_haversine_known_distance():
    # Paris to London, about 344 km
    assert haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.5, abs=1.5)
    assert haversine_km(10.0, 20.0, 10.0, 20.0) == 0.0


def test_mentions_match_exact_spans_before_overlaps():
    gold = [{"start": 0, "end": 10}, {"start": 5, "end": 12}]
    pred = [{"start": 4, "end": 12}, {"start": 5, "end": 12}]
    # the exact (5,12) pair is taken first even though (0,10)~(4,12) also overlaps
    assert match_mentions(gold, pred) == [(0, 0), (1, 1)]


def test_geo_accuracy_is_end_to_end():
    gold = [{"start": 0, "end": 6, "lat": 10.0, "lon": 20.0},    # found, 15 km off
            {"start": 10, "end": 16, "lat": 10.0, "lon": 20.0},  # found, 100 km off
            {"start": 20, "end": 26, "lat": 10.0, "lon": 20.0},  # found, unresolved
            {"start": 30, "end": 36, "lat": 10.0, "lon": 20.0},  # not found
            {"start": 40, "end": 46, "lat": None, "lon": None}]  # no coordinates: not in accuracy
    pred = [{"start": 0, "end": 6, "lat": 10.1, "lon": 20.05},
            {"start": 11, "end": 16, "lat": 10.9, "lon": 20.0},
            {"start": 20, "end": 26, "lat": None, "lon": None},
            {"start": 50, "end": 56, "lat": 0.0, "lon": 0.0}]
    tally = GeoTally()
    tally.add(gold, pred)
    scores, figures = tally.scores(), tally.figures()
    assert (scores["mention_exact"].tp, scores["mention_overlap"].tp) == (2, 3)
    assert (scores["mention_overlap"].predicted, scores["mention_overlap"].gold) == (4, 5)
    assert figures["gold_with_coords"] == 4
    assert figures["acc@161km"] == 0.5 and figures["acc@25km"] == 0.25
    assert 50 < figures["median_error_km"] < 60
