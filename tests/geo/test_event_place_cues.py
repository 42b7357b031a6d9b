"""Names the event-location rules find or refuse as an event's place in wire text of war
(issue 21, event location; geo/mention_cues.py, geo/clause_names.py, geo/locate.py): a town
named only as what was taken or struck, the object of a patrol, and the persons, capitals,
bodies and quantifiers that are no place.

The sentences are written for the project; split from test_event_place_names.py.
"""

from __future__ import annotations

import pytest

from event_places import extracted, one, pipeline, place_text  # noqa: F401 (pipeline: a fixture)


@pytest.mark.parametrize(("text", "kind", "town"), [
    # small towns of war reports, named only as what was taken or struck; NER calls them a
    # person, a product or a body, and no locative word stands before them
    ("Rebel fighters seized Rutshuru after two days of heavy fighting.", None, "Rutshuru"),
    ("A mortar strike on Azaz wounded eleven people on Thursday.", "attack", "Azaz"),
    ("Government troops recaptured Birao on Sunday, a military spokesman said.", None, "Birao"),
])
def test_a_town_named_only_as_what_was_taken_or_struck_is_found(pipeline, text, kind, town) -> None:
    incidents = [i for i in extracted(pipeline, text) if kind is None or i.type == kind]
    assert town in {place_text(i) for i in incidents}
    located = next(i for i in incidents if place_text(i) == town)
    assert located.location is not None and located.location.geonameid is not None  # the gazetteer's town


def test_a_verb_of_taking_cues_its_object_and_its_passive_subject_as_a_place() -> None:
    from factfinder.geo.mention_cues import place_cue

    def cue(text: str, name: str, **kw: bool) -> bool:
        start = text.index(name)
        return place_cue(text, start, start + len(name), **kw)

    assert cue("The militia stormed Maroua at dawn.", "Maroua")
    assert cue("Maroua was overrun by the militia.", "Maroua", person=True)  # said of land only
    assert cue("Maroua was captured by the militia.", "Maroua")
    assert not cue("Moreno was captured as he left his house.", "Moreno", person=True)  # a man is captured too
    assert not cue("They launched an offensive on the Maroua Grain Silos.", "Maroua")  # a word of a longer name
    assert not cue("Maroua said the militia had left.", "Maroua")


@pytest.mark.parametrize(("text", "town"), [
    ("About 4,000 soldiers will patrol Tegucigalpa during the vote.", "Tegucigalpa"),
    ("Navy helicopters have patrolled the coast of Somalia since June.", "Somalia"),
])
def test_forces_that_patrol_a_place_are_a_deployment_there(pipeline, text, town) -> None:
    patrol = one(pipeline, text, "other")
    assert patrol.trigger is not None and "patrol" in patrol.trigger.text
    assert place_text(patrol) == town


def test_a_person_named_a_few_words_after_a_locative_word_is_no_place(pipeline) -> None:
    # "at a boat carrying Peter X": NER calls him a person, his given name says so too
    attack = one(pipeline, "Coastguards shot at a boat carrying Peter Valkonen and two crew members off the "
                            "coast on Sunday.", "attack")
    assert place_text(attack) != "Peter Valkonen"


def test_a_country_named_before_its_capital_does_not_hold_it(pipeline) -> None:
    # "the capital of X, Y": the apposition names the finer place; a country stands in no town
    patrol = one(pipeline, "Belgian soldiers were patrolling the capital of Burundi, Bujumbura, on Tuesday.", "other")
    assert place_text(patrol) == "Bujumbura"


@pytest.mark.parametrize(("text", "body"), [
    ("Nine fighters belonging to the Tigris Front were killed during Sunday's fighting.", "Tigris Front"),
    ("In March, mines destroyed a Husky Clearance Vehicle and a truck.", "Husky Clearance Vehicle"),
    ("Separately, about forty students demonstrated outside the offices of the Democratic Union of Ruritania in "
     "the town of Kassala on Monday.", "Democratic Union"),
])
def test_a_body_a_unit_or_a_thing_named_in_the_clause_is_no_place(pipeline, text, body) -> None:
    incidents = extracted(pipeline, text)
    assert incidents and body not in {place_text(i) for i in incidents}


@pytest.mark.parametrize(("text", "word"), [
    ("Both were shot in the legs during a raid on a farm on Friday.", "Both"),  # a quantifier opens the sentence
    ("In the case of Novacorp, investigators raided offices and detained four managers.", "Novacorp"),
])
def test_a_quantifier_or_the_matter_of_a_phrase_is_no_place(pipeline, text, word) -> None:
    incidents = extracted(pipeline, text)
    assert incidents and word not in {place_text(i) for i in incidents}
