"""Arrests and killings that are not the detentions and killings a monitor documents (session 13).

The police holding suspects of ordinary crimes or of crimes of war, a ship held in port, animals
killed and "it" killed (an institution), and the plans to kidnap someone (tests/extract/
test_incidents.py) are no `arrest` or `killing`; the arrest of a critic for what she said stays one.
Every sentence is written for the project; none is copied from a dev set.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def pipeline(nlp):
    from factfinder.pipeline import Pipeline

    return Pipeline(nlp=nlp)


def _types(pipeline, text: str) -> dict[str, list]:
    from factfinder.text import document_from_text

    found: dict[str, list] = {}
    for incident in pipeline.extract(document_from_text(text, published="2024-01-15")).incidents:
        found.setdefault(incident.type, []).append(incident)
    return found


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # suspects however many: a figure before "suspects" is no actor alias
    "Police in Tamale on Tuesday arrested three more suspects in connection with the beating of a bus conductor.\n",
    "Two other suspects in the case had already been arrested, the police spokesman said.\n",
    # ordinary crimes and crimes of war tried abroad
    "Eleven men have been arrested for allegedly posing as customs officers at a border market in Kebbi.\n",
    "Detectives arrested a retired officer on suspicion of war crimes in Leeds on Thursday, police said.\n",
    # "alleged attackers" are the suspects of an assault, not gunmen of an armed group
    "On May 3, two of the alleged attackers were arrested and charged with assault.\n",
])
def test_the_police_holding_suspects_of_a_crime_is_no_arrest(pipeline, text: str) -> None:
    found = _types(pipeline, text)
    assert "arrest" not in found
    assert "legal_proceeding" in found


@pytest.mark.slow
def test_a_suspect_held_for_kidnapping_cases_is_not_told_a_kidnapping(pipeline) -> None:
    text = "Police detained a sergeant on Friday for allegedly masterminding several kidnapping cases in the district.\n"
    found = _types(pipeline, text)
    assert "arrest" not in found  # neither the sergeant's arrest nor a kidnapping of no one told
    assert "legal_proceeding" in found


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Police arrested a blogger in the capital for allegedly insulting the governor in a video.\n",
    "Soldiers detained two suspects during a night raid on a farm near the border, the army said.\n",
])
def test_a_critic_or_a_raid_keeps_its_arrest(pipeline, text: str) -> None:
    assert "arrest" in _types(pipeline, text)


@pytest.mark.slow
@pytest.mark.parametrize("text, kind", [
    ("Local vets say they have never seen goats being regularly beaten or killed in that way.\n", "killing"),
    ("It was starved of funds in 1987, and was then slaughtered in June of 1990.\n", "killing"),
    ("A fishing trawler previously detained in the harbour was stopped again for unpaid wages.\n", "arrest"),
])
def test_no_person_killed_or_held_is_no_incident(pipeline, text: str, kind: str) -> None:
    assert kind not in _types(pipeline, text)


@pytest.mark.slow
@pytest.mark.parametrize("text, kind", [
    ("Gunmen killed three farmers and their cattle near the river on Monday.\n", "killing"),
    ("A fisherman detained in the harbour by the coast guard was released on Friday.\n", "arrest"),
])
def test_people_killed_or_held_beside_animals_and_ships_stay_acts(pipeline, text: str, kind: str) -> None:
    assert kind in _types(pipeline, text)


@pytest.mark.slow
def test_a_prison_term_for_an_ordinary_crime_is_its_proceeding(pipeline) -> None:
    text = "A warehouse clerk has been jailed for stealing laptops from a school in Mombasa.\n"
    found = _types(pipeline, text)
    assert "arrest" not in found and "legal_proceeding" in found


@pytest.mark.slow
def test_a_person_held_after_goods_seized_stays_an_arrest(pipeline) -> None:
    text = "The consignment was seized by border police officers and one man of interest was detained for questioning.\n"
    assert "arrest" in _types(pipeline, text)
