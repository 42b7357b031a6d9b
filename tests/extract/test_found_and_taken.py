"""Killings told by the finding of the dead, and disappearances told by where people were taken
(session 13, hrds-recall; docs/extraction-fields.md).

Rights reports often tell a murder by its outcome ("was found dead", "her body was discovered")
and an enforced disappearance by what nobody knows ("taken to an unknown location", "still
unaccounted for"). Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from factfinder.extract.event_type import _cues
from factfinder.extract.event_type.reference import is_reference
from factfinder.extract.triggers import TriggerTable
from trigger_rows import row_types, table  # noqa: F401 (a fixture)


@pytest.fixture(scope="module")
def pipeline(nlp):
    from factfinder.pipeline import Pipeline

    return Pipeline(nlp=nlp)


def _types(pipeline, text: str) -> list[str]:
    from factfinder.text import document_from_text

    return [i.type for i in pipeline.extract(document_from_text(text, published="2024-01-10")).incidents]


@pytest.mark.parametrize("sentence, kind", [
    ("A blogger who criticised the governor was found dead in his flat in Kumasi on Sunday.", "killing"),
    ("Her body was discovered on Saturday in a ditch outside Kisumu, two days after she was abducted.",
     "killing"),
    ("The body of 41-year-old Zambian community organiser Mwila Banda was found near the dam on Sunday.",
     "killing"),
    ("Police raided the farm and the body of a young labourer was also found in the shed.", "killing"),
    ("Riot police broke up the march. Two people died, dozens were injured and 300 were arrested.", "killing"),
    ("Dozens of lawyers have been arrested since the raids and many are still unaccounted for.", "disappearance"),
    ("The editor was bundled into a van and taken to an unknown location by armed men in uniform.",
     "disappearance"),
    ("The student has not been seen since police took him away from his home in Quetta.", "disappearance"),
])
def test_rows_find_the_dead_and_the_disappeared(table: TriggerTable, sentence: str, kind: str) -> None:
    assert kind in row_types(table, sentence)


@pytest.mark.parametrize("sentence, kind", [
    ("The rights body found that the police had used excessive force.", "killing"),  # a body of people
    ("Police recovered the body of the reporter from the river near Mombasa.", "killing"),  # finders are no killers
    ("Hundreds of millions of dollars in aid remain unaccounted for.", "disappearance"),  # no captor's act
    ("The general was sentenced to house arrest at an undisclosed location.", "disappearance"),  # no one taken
])
def test_rows_leave_other_senses_alone(table: TriggerTable, sentence: str, kind: str) -> None:
    assert kind not in row_types(table, sentence)


@pytest.mark.parametrize("sentence", [
    "A blogger who criticised the governor was found dead in his flat in Kumasi on Sunday.",
    "Her body was discovered on Saturday in a ditch outside Kisumu, two days after she was abducted.",
])
def test_a_death_found_is_a_killing_incident(pipeline, sentence: str) -> None:
    assert "killing" in _types(pipeline, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("The former mayor was found dead in his cell after apparently having hanged himself.", "was found dead"),
    ("The expert body of the council was found to be understaffed.", "body"),
])
def test_a_suicide_or_a_body_found_wanting_is_no_killing(pipeline, table: TriggerTable, sentence: str,
                                                         word: str) -> None:
    hit = next(h for h in table.find(sentence) if sentence[h.start:h.end].startswith(word))
    assert hit.type == "killing"
    assert is_reference(sentence, 0, hit, _cues())
    assert "killing" not in _types(pipeline, sentence)


@pytest.mark.parametrize("sentence", [
    "Rights worker Tomas Vidal, 72, was found dead at his home in Cebu on Monday.",
    "Rights worker Tomas Vidal, 72, was shot dead at his home in Cebu on Monday.",
])
def test_an_age_set_off_by_commas_is_no_count_of_the_dead(pipeline, sentence: str) -> None:
    from factfinder.text import document_from_text

    incidents = pipeline.extract(document_from_text(sentence, published="2024-01-10")).incidents
    killings = [i for i in incidents if i.type == "killing"]
    assert killings and all(c.value != 72 for i in killings for c in i.counts)


def test_a_figure_after_a_place_and_a_comma_is_still_a_count(pipeline) -> None:
    from factfinder.text import document_from_text

    text = "In Kellan, 12 people were killed when gunmen opened fire on a market on Monday."
    incidents = pipeline.extract(document_from_text(text, published="2024-01-10")).incidents
    assert any(c.value == 12 for i in incidents if i.type == "killing" for c in i.counts)


@pytest.mark.parametrize("sentence", [
    "The governing body of the league said no evidence was found after two days of talks.",
    "A large body of evidence was found in the archive of the ministry.",
])
def test_a_body_that_speaks_or_a_body_of_evidence_is_no_dead(pipeline, sentence: str) -> None:
    assert "killing" not in _types(pipeline, sentence)
