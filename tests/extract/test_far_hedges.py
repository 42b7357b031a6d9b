"""Hedges and generic mentions that the first round of issue 21 left (session 13, hrds-left):
negations and modals further back than the cue window (extract/clause_hedges.py), gerund lists
of a group's activity and bare act nouns under a modal (extract/generic_acts.py), yes/no
questions, threats and risks (extract/assertion.py, data/extract_cues.csv).
Acts told with a tense, a victim or a figure of their own stay. Every sentence here is written
for these tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def pipeline(nlp):
    from factfinder.pipeline import Pipeline

    return Pipeline(nlp=nlp)


def _types(pipeline, text: str, published: str = "2024-05-20") -> set[str]:
    from factfinder.text import document_from_text

    return {i.type for i in pipeline.extract(document_from_text(text, published=published)).incidents}


@pytest.mark.parametrize("text, kinds", [
    # a subject that is nobody, further back than three words
    ("No one was initially arrested over the attack on the newspaper.", {"arrest"}),
    ("None of the gunmen has so far been arrested.", {"arrest"}),
    # a modal carried along a list of verbs
    ("Under the new decree the police could search homes, detain, torture and kill without a warrant.",
     {"arrest", "torture", "killing"}),
    # "can" on the trigger's own verb, and bare act nouns under a modal
    ("Under the decree, street vendors can be arrested for blocking a pavement.", {"arrest"}),
    ("Ministers warned that more arrests could follow in the coming days.", {"arrest"}),
    ("Punishment for the offence can go from arrest all the way to torture.", {"arrest", "torture"}),
    # gerunds naming a group's activity, carried by a present perfect
    ("Armed bands have stepped up raids on farms, kidnapping for ransom, raping and looting across the plateau.",
     {"arrest", "torture"}),
    # a yes/no question, a threat, a risk
    ("Was the reporter tortured in custody?", {"torture"}),
    ("Reporters covering the march risked arrest.", {"arrest"}),
    ("Her lawyer received threats to arrest her whole family.", {"arrest"}),
])
def test_far_hedge_or_kind_is_no_incident(pipeline, text, kinds):
    assert not _types(pipeline, text) & kinds


@pytest.mark.parametrize("text, kind", [
    ("Two men were initially arrested over the attack on the newspaper.", "arrest"),
    # nobody held for a killing: the killing was done
    ("Nobody has yet been detained over the killing of the union organiser.", "killing"),
    # each verb of the list has its tense: acts told
    ("The police searched homes, detained two teachers and killed a farmer.", "killing"),
    # gerunds of a raid told in the past
    ("Armed bands stormed the farms on the plateau, kidnapping, raping and looting.", "torture"),
    # a wh-question takes its act as given
    ("Why were the lawyers placed under house arrest?", "arrest"),
    # a figure or a name after "no" is no nobody
    ("No fewer than 300 suspected smugglers have been arrested by the coast guard in the last month.",
     "legal_proceeding"),
    ("No 10 on Tuesday condemned the remarks as divisive.", "statement"),
    # an act named inside a yes/no question is taken as given
    ("Will the minister ignore the violent attacks on peaceful marchers in 2019?", "attack"),
    # gerunds with objects: acts done to people, told as they go on
    ("Riot units are rounding people up, detaining marchers and arresting union members.", "arrest"),
    # a modal of an earlier clause with its own subject does not reach this one
    ("The guards yelled that all of us should step outside and that we were now under arrest.", "arrest"),
    # a risk named before the list is no risk of the detention
    ("Editors face many dangers, among them bodily risk and unlawful detention by the police.", "arrest"),
    # her abduction is hers: a modal elsewhere in the sentence does not hedge it
    ("He could not return to work for months after his abduction by the militia.", "arrest"),
])
def test_act_with_tense_or_victim_stays(pipeline, text, kind):
    assert kind in _types(pipeline, text)
