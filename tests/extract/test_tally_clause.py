"""A running tally told in another clause than the act of its sentence (extract/tally_clause.py):
the act told before the tally cue, on its own day, is an incident with its own figures; the tally
is a statistic. A cue tied close to the act still makes the whole sentence a tally.

The sentences are written for the project.
"""

from __future__ import annotations

import pytest

from factfinder.model import Extraction


@pytest.fixture(scope="module")
def extract():
    from factfinder.pipeline import Pipeline
    from factfinder.text import document_from_text

    pipeline = Pipeline()
    return lambda text: pipeline.extract(document_from_text(text, published="2024-01-10"))


def _killed(extraction: Extraction) -> list[float]:
    return [c.value for i in extraction.incidents if i.type == "killing" for c in i.counts if c.category == "killed"]


def test_an_act_on_its_day_before_a_tally_of_another_clause_is_an_incident(extract) -> None:
    found = extract("Two policemen were killed in Kismayo on Tuesday, bringing the number of officers killed "
                    "since the offensive began to 41.")
    assert _killed(found) == [2]
    killing = next(i for i in found.incidents if i.type == "killing")
    assert killing.location is not None and killing.location.span.text == "Kismayo"
    assert [s.value for s in found.statistics if s.category == "killed"] == [41]


def test_a_tally_cue_tied_to_the_act_keeps_the_sentence_a_tally(extract) -> None:
    found = extract("At least 640 civilians were killed in the province since the uprising, the ministry said on Monday.")
    assert _killed(found) == []
    assert [s.value for s in found.statistics if s.category == "killed"] == [640]


def test_without_a_day_of_its_own_the_sentence_stays_a_tally(extract) -> None:
    found = extract("Two policemen were killed in Kismayo, bringing the number of officers killed since the "
                    "offensive began to 41.")
    assert _killed(found) == []
