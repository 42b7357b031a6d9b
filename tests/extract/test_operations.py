"""Military operations told as fighting: the fighters killed fired back, so the operation is one
battle (issue 21; extract/operations.py). Every sentence here is written for these tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def pipeline(nlp):
    from factfinder.pipeline import Pipeline

    return Pipeline(nlp=nlp)


def _incidents(pipeline, text: str, published: str = "2012-06-04"):
    from factfinder.text import document_from_text

    return pipeline.extract(document_from_text(text, published=published)).incidents


def test_fighters_killed_while_firing_on_a_patrol_are_a_battle(pipeline) -> None:
    text = ("A coalition air strike killed four insurgents who were firing on an army patrol "
            "in Dand district, Kandahar province, on Saturday.")
    incidents = _incidents(pipeline, text)
    assert [i.type for i in incidents] == ["armed_clash"]
    clash = incidents[0]
    assert [(c.category, c.value) for c in clash.counts] == [("killed", 4)]
    assert "insurgents" in {a.name for a in clash.perpetrators} and not clash.targets


def test_an_operation_told_in_three_sentences_is_one_battle(pipeline) -> None:
    text = ("KABUL, Afghanistan (June 4, 2012) - Afghan and coalition troops killed three insurgents in a raid "
            "in Sangin district of Helmand province yesterday.\n\n"
            "As the force approached the village, the insurgents opened fire from a ridge. "
            "The force returned fire, killing all three men.")
    incidents = _incidents(pipeline, text)
    assert [i.type for i in incidents] == ["armed_clash"]
    battle = incidents[0]
    assert len(battle.evidence) == 3
    assert [(c.category, c.value) for c in battle.counts] == [("killed", 3)]


@pytest.mark.parametrize("text", [
    # no fight told: a raid that killed a commander stays a killing
    "Soldiers killed a rebel commander in a raid on his hideout in the north of the province on Monday.",
    # the victims were unarmed, whoever fired
    "Police opened fire on protesters outside the governor's office, killing four people.",
    # a death an official calls a shootout names no side that fought
    "A young man held by counter-terrorism police was killed last week in what officials described as a shootout.",
])
def test_a_killing_without_two_armed_sides_firing_stays_a_killing(pipeline, text: str) -> None:
    types = [i.type for i in _incidents(pipeline, text)]
    assert "killing" in types and "armed_clash" not in types
