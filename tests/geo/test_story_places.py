"""The story's setting and the places that only describe a speaker or a source: a dateline, a
country heading, a reacting body's country, a reporting body's seat, a treaty's name (issue 21,
item 4; geo/story_setting.py, geo/locate.py). The sentences are written for the project."""

from __future__ import annotations

import pytest

from factfinder.text import document_from_text

from event_places import extracted, pipeline, place_text  # noqa: F401 (pipeline: a fixture)


def test_a_statement_is_not_placed_in_the_story_it_reacts_to(pipeline) -> None:
    """A reaction happens where its speaker is: only a place its own sentence names locates it."""
    text = ("LUSAKA - Police in Kitwe arrested 14 opposition supporters on Saturday, a party spokesman said.\n\n"
            "The UN human rights office condemned the arrests and called for their release.\n")
    incidents = pipeline.extract(document_from_text(text, published="2021-05-10")).incidents
    assert [(i.type, place_text(i)) for i in incidents] == [("arrest", "Kitwe"), ("statement", None)]


def test_a_dateline_without_a_country_is_not_the_story_setting(pipeline) -> None:
    text = ("MOSCOW - The Supreme Court of Kyrgyzstan today upheld the sentences of four journalists.\n\n"
            "Their lawyers said they had been beaten in custody.\n")
    incidents = pipeline.extract(document_from_text(text, published="2021-05-10")).incidents
    assert incidents and all(place_text(i) != "MOSCOW" for i in incidents), [(i.type, place_text(i)) for i in incidents]


def test_a_paragraph_under_a_country_heading_lends_no_town_to_its_other_sentences(pipeline) -> None:
    """An annual report's paragraph tells a new event in each sentence: one that names no place
    is placed in the heading's country, not in a town another sentence names."""
    text = ("ZAMBIA\n\nIn March, police in Kitwe arrested 14 opposition supporters at a rally. In June, a court "
            "sentenced two journalists to three years in prison for criticising the president.\n")
    incidents = pipeline.extract(document_from_text(text, published="2023-12-31")).incidents
    sentenced = [i for i in incidents if i.type == "legal_proceeding"]
    assert sentenced and all(i.location is not None and i.location.precision == "country"
                             and i.location.country == "ZM" for i in sentenced), [(i.type, i.location) for i in incidents]
    assert any(i.type == "arrest" and place_text(i) == "Kitwe" for i in incidents)


@pytest.mark.parametrize("text", [
    "Kenya's interior minister condemned the attack and promised an inquiry.",
    "Togo's president accused the rebels of breaking the truce.",
])
def test_a_speaking_country_is_not_where_its_statement_happened(pipeline, text: str) -> None:
    incidents = [i for i in extracted(pipeline, text) if i.type == "statement"]
    assert incidents and all(place_text(i) is None for i in incidents), [(i.type, place_text(i)) for i in incidents]


def test_a_town_ner_calls_an_organisation_still_sets_the_story(pipeline) -> None:
    text = ("Shelling by the Rapid Support Forces on residential areas of El Obeid killed at least 12 civilians and "
            "wounded dozens on Saturday, the UN humanitarian office said.\n\n"
            "Fighting between the RSF and the army on the eastern edges of the city continued on Sunday, residents "
            "said.\n")
    incidents = pipeline.extract(document_from_text(text, published="2024-05-13")).incidents
    clash = [i for i in incidents if i.type == "armed_clash"]
    assert clash and place_text(clash[0]) == "El Obeid", [(i.type, place_text(i)) for i in incidents]


def test_a_country_sentence_takes_the_finer_setting_of_its_story(pipeline) -> None:
    """"a valley of northern Afghanistan" in a release that goes on about one province: the
    sentence says nothing finer than the country, its story does."""
    text = ("KABUL, Afghanistan (Sept. 9) - Coalition aircraft bombed a group of fighters in a mountain valley "
            "of northern Afghanistan on Tuesday. The group had raided border posts across Badakhshan province "
            "for months, the governor's office said.")
    strike = [i for i in extracted(pipeline, text) if i.type == "attack"]
    assert strike and strike[0].location is not None and strike[0].location.admin1 == "Badakhshan"


def test_a_place_that_opens_a_treatys_name_sets_no_story(pipeline) -> None:
    """"the country left the Rome Statute": the name of a treaty says nothing of where."""
    text = ("MANILA - Judges at the International Criminal Court yesterday rejected an appeal by the Philippines, "
            "clearing the way for an investigation into killings during the drug war.\n\n"
            "The government said the court had no jurisdiction since the country left the Rome Statute in 2019.")
    places = {i.location.name for i in extracted(pipeline, text) if i.location is not None}
    assert "Rome" not in places
