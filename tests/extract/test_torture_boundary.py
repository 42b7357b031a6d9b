"""The boundary of ``torture`` (session 13): blows outside custody, sexual-violence words that name a
crime, torture named in a judgement or in another sense.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from factfinder.extract.event_type import _cues
from factfinder.extract.event_type.reference import is_reference
from factfinder.extract.triggers import TriggerTable


@pytest.fixture(scope="module")
def pipeline(nlp):
    from factfinder.pipeline import Pipeline

    return Pipeline(nlp=nlp)


def _types(pipeline, text):
    from factfinder.text import document_from_text

    return [i.type for i in pipeline.extract(document_from_text(text, published="2024-01-10")).incidents]


def _hit(text, word):
    table = TriggerTable.load()
    return next(h for h in table.find(text) if text[h.start:h.end].lower().startswith(word))


# --- blows: an attack outside custody, the protest's force at a demonstration ----------------------

@pytest.mark.parametrize("text", [
    "On Tuesday a shopkeeper was beaten by five men outside his home in Kellan, his brother said.",
    "A journalist was beaten by three unidentified men near her office in Dorvan on Saturday.",
    "A blogger was stabbed and beaten by a gang in Kellan on Monday night, the police said.",
])
def test_blows_by_unnamed_men_outside_custody_are_an_attack(pipeline, text):
    assert _types(pipeline, text) == ["attack"]


def test_blows_by_unnamed_men_at_a_protest_are_their_attack(pipeline):
    text = ("Police said they had detained 40 people in Kellan, while the opposition said several marchers had "
            "been beaten by masked men.")
    assert sorted(_types(pipeline, text)) == ["arrest", "attack"]


@pytest.mark.parametrize("text", [
    "The activist said he was beaten by two men in his cell at the police station in Dorvan.",
    "Guards at the central prison of Kellan beat three inmates with batons in March, their lawyers said.",
    "The kidnappers held the engineer for a week and beat him, his family said.",
    "Former detainees said police beat them with batons in the yard of the detention centre.",
])
def test_blows_to_people_held_stay_torture(pipeline, text):
    assert "torture" in _types(pipeline, text)


@pytest.mark.parametrize("text", [
    "Police in Kellan beat protesters and dispersed a rally outside the ministry on Friday.",
    "Teachers were beaten up and detained for taking part in peaceful demonstrations against the pay cuts, "
    "the union said.",
])
def test_blows_at_a_demonstration_are_the_protest(pipeline, text):
    types = _types(pipeline, text)
    assert "protest" in types and "torture" not in types


# --- sexual violence: a crime named, not an act reported --------------------------------------------

@pytest.mark.parametrize("text,word", [
    # the cause of a protest
    ("Following protests over the rape and death of a schoolgirl in Kellan, police charged a campaigner.", "rape"),
    # an intent charged, what a material shows
    ("In 1998 he was arrested in Dorvan for intent to rape, court papers show.", "rape"),
    ("The scandal exposed a market for images depicting sexual abuse of children.", "sexual abuse"),
    # the crime of an old case: "previously", a year well before the document's latest one
    ("He had previously been convicted in a Dorvan court of fraud and of molesting two boys.", "molesting"),
    ("The suspect was serving a nine-year sentence for the rape of a tourist in Kellan in 2004, the paper said "
     "in 2021.", "rape"),
    # a modifier of a case, a charge or a threat; an idiom; a figure of speech
    ("A 2016 kidnapping and sexual assault case was closed last week after police matched phone records.",
     "sexual assault"),
    ("Women reporters in Dorvan receive rape threats almost daily, the union said.", "rape"),
    ("The militia's fighters have raped and pillaged their way across the province, residents say.", "raped"),
    ("Their deals were designed to rape the national treasury, the opposition leader said on Monday.", "rape"),
])
def test_sexual_violence_words_that_name_a_crime(text, word):
    assert is_reference(text, 0, _hit(text, word), _cues())


@pytest.mark.parametrize("text,word", [
    # a recent charge is how the news reports a rape
    ("Police in Dorvan arrested three men on Monday in connection with the rape of a teenage girl.", "rape"),
    ("Soldiers raped two women in a village near Kellan on Monday, residents said.", "raped"),
    # an old case of the state's own agents is still reported as it is: no word of a case before it
    ("In 2009 soldiers raped at least twenty women in Kellan, a report published in 2021 found.", "raped"),
])
def test_sexual_violence_reported_stays(text, word):
    assert not is_reference(text, 0, _hit(text, word), _cues())


def test_an_old_conviction_is_not_given_back_as_the_trial_s_act(pipeline):
    text = "He had previously been convicted in a Dorvan court of fraud and of molesting two boys."
    assert "torture" not in _types(pipeline, text)


# --- torture named in a judgement or in another sense --------------------------------------------------

@pytest.mark.parametrize("text,word", [
    ("Rights groups have described his years of solitary confinement as a form of torture.", "torture"),
    ("The lawyers called the conditions at the camp tantamount to torture.", "torture"),
    ("The videos show how traders torture and kill the dogs at the market in Kellan.", "torture"),
])
def test_torture_in_a_judgement_or_of_animals(text, word):
    assert is_reference(text, 0, _hit(text, word), _cues())


def test_torture_told_stays():
    text = "Two students said they were tortured at a police station in Kellan in May."
    assert not is_reference(text, 0, _hit(text, "tortured"), _cues())


def test_a_linked_headline_with_a_bar_is_another_report(pipeline):
    text = "The court in Kellan heard the case on Monday.\nALSO READ| Man held in Dorvan for raping a neighbour\n"
    assert "torture" not in _types(pipeline, text)
