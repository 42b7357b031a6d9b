"""Confidence per incident and field: produced by the pipeline, calibrated, in the contract."""

from __future__ import annotations

from dataclasses import replace

import pytest

from factfinder.components import RULES
from factfinder.confidence import with_confidence
from factfinder.confidence.features import FIELD_FEATURES, incident_features
from factfinder.confidence.model import NAME, ConfidenceModel, default_model
from factfinder.evaluate.calibration import calibration_table, devset_labels, gold_labels
from factfinder.records import incident_record

REPORT = ("Soldiers arrested nearly a hundred residents of Pauktaw on November 17th, local people told RFA. "
          "At least 15 people were reportedly killed in the shelling of the town, but RFA could not "
          "confirm the toll.")


@pytest.fixture(scope="module")
def extraction(nlp):
    from factfinder.pipeline import Pipeline
    from factfinder.text import document_from_text

    return Pipeline(nlp=nlp).extract(document_from_text(REPORT, published="2023-11-20"))


def test_every_incident_carries_a_confidence_per_field_in_the_unit_interval(extraction) -> None:
    assert extraction.incidents
    for incident in extraction.incidents:
        record = incident_record(incident)
        assert set(record["confidence"]) == {"incident", "type", "location", "date", "counts", "actors"}
        assert all(0.0 <= p <= 1.0 for p in record["confidence"].values())


def test_the_confidence_stage_runs_last_and_keeps_every_contract_key(extraction) -> None:
    assert RULES[-1] == NAME
    arrest = next(i for i in extraction.incidents if i.type == "arrest")
    bare = incident_record(replace(arrest, confidence=None))
    assert set(incident_record(arrest)) - set(bare) == {"confidence"}


def test_evidence_moves_the_field_it_is_about(extraction) -> None:
    """A day-precise date is surer than a year, a town surer than a country, and the type surer
    when the event-type model agrees with it (the fitted weights say so on the training gold)."""
    model, document = default_model(), extraction.document
    arrest = next(i for i in extraction.incidents if i.type == "arrest")
    probabilities = {"arrest": 0.9, "none": 0.05}

    def conf(incident):
        return model.confidence(incident_features(incident, document, probabilities))
    year = replace(arrest.date, start="2023-01-01", end="2023-12-31", precision="year")
    assert conf(arrest).date > conf(replace(arrest, date=year)).date
    country = replace(arrest.location, precision="country")
    assert conf(arrest).location > conf(replace(arrest, location=country)).location
    assert conf(arrest).type > model.confidence(incident_features(arrest, document, {"arrest": 0.1,
                                                                                    "none": 0.8})).type


def test_a_field_without_a_value_has_confidence_zero(extraction) -> None:
    """Date, place and actors say "this value is right": with no value there is nothing to be right."""
    model, document = default_model(), extraction.document
    arrest = next(i for i in extraction.incidents if i.type == "arrest")
    given = model.confidence(incident_features(arrest, document, {"arrest": 0.9}, extraction.places))
    assert given.date > 0 and given.location > 0 and given.actors > 0
    bare = replace(arrest, date=None, location=None, perpetrators=(), targets=())
    none = model.confidence(incident_features(bare, document, {"arrest": 0.9}, extraction.places))
    assert (none.date, none.location, none.actors) == (0.0, 0.0, 0.0)
    assert none.type == given.type and none.counts == given.counts


def test_a_model_round_trips_through_its_json(extraction) -> None:
    model = default_model()
    again = ConfidenceModel.from_json(model.to_json())
    assert set(again.fields) == set(FIELD_FEATURES)
    assert {name: m.given for name, m in again.fields.items() if m.given} == {
        "date": "date_given", "location": "location_given", "actors": "actors_given"}
    assert with_confidence(extraction, model=again).incidents == extraction.incidents


def test_gold_labels_follow_the_scorers_matching() -> None:
    text = "Police detained 12 protesters in Yangon on Monday. The ministry denied the report."
    sentence = {"start": 0, "end": 50, "text": text[:50]}
    gold = {"incidents": [{"type": "arrest", "evidence": [sentence],
                           "date": {"start": "2023-11-13", "end": "2023-11-13"},
                           "counts": [{"category": "arrested", "value": 12, "qualifier": "exact"}],
                           "perpetrators": ["police"], "targets": ["protesters"]}]}
    right = {"type": "arrest", "evidence": [sentence], "date": {"start": "2023-11-13", "end": "2023-11-13"},
             "location": None, "counts": [{"category": "arrested", "value": 12, "qualifier": "exact"}],
             "perpetrators": [{"name": "police"}], "targets": [{"name": "protesters"}]}
    wrong_type = dict(right, type="protest", date=None)
    statement = dict(right, type="statement", evidence=[{"start": 51, "end": 83, "text": text[51:]}])
    labels = gold_labels(gold, [right, wrong_type, statement])
    # no place given: nothing to judge ("this value is right"); the counts' absence is judged
    assert labels[0] == {"incident": 1, "type": 1, "date": 1, "location": None, "counts": 1, "actors": 1}
    assert labels[1]["incident"] == 0 and labels[1]["type"] == 0 and labels[1]["date"] is None
    assert labels[2]["incident"] == 0 and labels[2]["type"] is None
    placed = dict(right, location={"name": "Yangon", "country": "MM", "lat": 16.8, "lon": 96.2},
                  date={"start": "2023-11-01", "end": "2023-11-30"}, targets=[{"name": "students"}])
    again = gold_labels(gold, [placed])[0]
    # a place where the gold has none, a month where the gold has the day, a target it does not name: wrong
    assert again["location"] == 0 and again["date"] == 0 and again["actors"] == 0
    fewer = dict(right, targets=[])
    assert gold_labels(gold, [fewer])[0]["actors"] == 1  # the actors it names are right, if not all of them


def test_devset_labels_score_the_primary_incident_as_the_scorers_do() -> None:
    arrest = {"type": "arrest", "evidence": [{"start": 0, "end": 10}, {"start": 20, "end": 30}],
              "date": {"start": "2021-03-02", "precision": "day"}, "location": {"admin1": "Helmand"}}
    statement = {"type": "statement", "evidence": [{"start": 40, "end": 50}]}
    case = devset_labels("case2021", {"gold": {"event_type": "ARREST"}}, [statement, arrest])
    assert case[1]["incident"] == 1 and case[0]["incident"] is None
    isaf = devset_labels("isaf", {"gold": {"start_date": "2021-03-01", "province": ["Helmand province"]}},
                         [arrest])
    assert isaf[0]["date"] == 0 and isaf[0]["location"] == 1
    undated = devset_labels("isaf", {"gold": {"start_date": "2021-03-01"}}, [dict(arrest, date=None)])
    assert undated[0]["date"] is None  # no date given: confidence 0, nothing to label


def test_hrds_labels_judge_the_perpetrators_class_and_the_place_of_the_first_matching_incident() -> None:
    gold = {"violation_types": ["arbitrary detention"], "perpetrator_type": "state actor", "city": "Minsk",
            "country": "Belarus"}
    arrest = {"type": "arrest", "evidence": [{"start": 0, "end": 10}],
              "perpetrators": [{"name": "police", "kind": "state_force"}],
              "location": {"text": "Minsk", "name": "Minsk", "admin1": "Minsk City"}}
    labels = devset_labels("hrds", {"gold": gold}, [arrest])[0]
    assert labels["actors"] == 1 and labels["location"] == 1
    rebels = dict(arrest, perpetrators=[{"name": "rebels", "kind": "armed_group"}],
                  location={"text": "Belarus", "name": "Belarus", "admin1": None})
    labels = devset_labels("hrds", {"gold": gold}, [rebels])[0]
    assert labels["actors"] == 0 and labels["location"] == 0


def test_event_location_labels_only_places_given() -> None:
    text = "Gunmen attacked a market in Kano on Friday."
    record = {"text": text, "gold": {"event_locations": [{"start": 28, "end": 32, "text": "Kano"}]}}
    placed = {"type": "attack", "evidence": [{"start": 0, "end": len(text)}], "location": {"text": "Kano"}}
    elsewhere = dict(placed, location={"text": "market"})
    unplaced = dict(placed, location=None)
    labels = devset_labels("event_location", record, [placed, elsewhere, unplaced])
    assert [lab["location"] for lab in labels] == [1, 0, None]
    nowhere = devset_labels("event_location", dict(record, gold={"event_locations": []}), [placed])
    assert nowhere[0]["location"] == 0


def test_calibration_table_gives_the_share_right_per_bin_and_above_0_8() -> None:
    pairs = [(0.1, 0), (0.15, 0), (0.3, 1), (0.85, 1), (0.9, 1), (0.95, 0), (1.0, 1)]
    bins, high = calibration_table(pairs)
    assert [b.n for b in bins] == [2, 1, 0, 0, 4]
    assert bins[0].share_right == 0.0 and bins[1].share_right == 1.0 and bins[2].share_right is None
    assert high.n == 4 and high.share_right == 0.75
