"""Which sentences of one report tell one act (the within-document merge), and states that are no
act (issue 21): a sentence that opens with a time of its own is an act of its own; a later
sentence that retells the act without a date still joins it; "remained in detention" is a frame.

Every text here is written for these tests."""

from __future__ import annotations

import pytest

from factfinder.consolidate.telling import opens_with_time


@pytest.fixture(scope="module")
def pipeline(nlp):
    from factfinder.pipeline import Pipeline

    return Pipeline(nlp=nlp)


def _of(pipeline, text: str, kind: str, published: str = "2024-01-15"):
    from factfinder.text import document_from_text

    return [i for i in pipeline.extract(document_from_text(text, published=published)).incidents if i.type == kind]


@pytest.mark.parametrize("sentence", [
    "In March, a court in Tarvin sentenced a blogger to four years in prison.",
    "On 9 May, after the arrest of the party leader, his supporters set fire to a police station.",
    "On 29 and 30 September, residents protested in several neighbourhoods.",
    "In late November, police detained dozens of people at a vigil.",
    "Earlier the same day, a bomb killed 14 people in the capital.",
    "Yesterday, soldiers arrested 12 people in a raid.",
])
def test_a_sentence_opening_with_its_own_time(sentence: str) -> None:
    assert opens_with_time(sentence)


@pytest.mark.parametrize("sentence", [
    "Police detained 40 people in March, officials said.",
    "A man was killed later, police said.",
    "On Thursday thousands of women formed human chains.",  # no comma: not set off as a frame
    "Medical staff said children were among the dead.",
])
def test_sentences_that_do_not(sentence: str) -> None:
    assert not opens_with_time(sentence)


def test_an_undated_act_and_a_later_dated_one_stay_two(pipeline) -> None:
    text = ("ARDANIA\n\nCourts convicted dozens of activists over posts on social media. "
            "In December, a court sentenced a municipal councillor to seven years in prison for a comment "
            "at a council meeting.")
    proceedings = _of(pipeline, text, "legal_proceeding")
    assert len(proceedings) == 2
    assert sorted(len(p.evidence) for p in proceedings) == [1, 1]


def test_another_act_told_earlier_the_same_day_is_its_own(pipeline) -> None:
    text = ("KELLAN - Artillery shells hit a school in the town of Ostra on Wednesday morning, killing "
            "nine children, rescuers said. Earlier the same day, a bomb attached to a bus killed 14 people "
            "in the capital.")
    assert len(_of(pipeline, text, "killing", published="2024-03-15")) == 2


def test_a_later_sentence_retelling_the_act_still_joins_it(pipeline) -> None:
    text = ("KELLAN - Shelling by the militia on a market in Ostra killed at least 20 civilians on Saturday, "
            "the UN said. Medical staff at the town's hospital said children were among the dead.")
    (killing,) = _of(pipeline, text, "killing", published="2024-03-18")
    assert len(killing.evidence) == 2


def test_people_who_remained_in_detention_are_a_frame_not_an_arrest(pipeline) -> None:
    text = ("ARDANIA\n\nThousands of people remained in arbitrary detention, many of them held beyond the "
            "legal limit on pre-trial detention. In October, security forces arrested 30 people in Tarvin "
            "who had gathered without permission.")
    (arrest,) = _of(pipeline, text, "arrest")
    assert arrest.summary.startswith("In October")
    assert arrest.date is not None and arrest.date.start == "2023-10-01"


def test_a_figure_as_of_a_day_since_a_war_broke_out_is_a_tally(pipeline) -> None:
    from factfinder.text import document_from_text

    text = ("KHARTOUM - Fighting continued in the capital on Monday. As of 10 April, more than 8.6 million "
            "people had been forced from their homes since fighting broke out last year, the UN said.")
    extraction = pipeline.extract(document_from_text(text, published="2024-04-15"))
    assert not [i for i in extraction.incidents if i.type == "displacement"]
    assert [s.value for s in extraction.statistics if s.category == "displaced"] == [8600000]


def test_arson_of_shelters_is_the_destruction_not_an_attack_too(pipeline) -> None:
    text = ("BUNIA - Militia fighters killed at least 20 people in a camp near Djugu on Tuesday night, local "
            "officials said. Survivors said the attackers also set fire to dozens of shelters before fleeing "
            "into the bush.")
    from factfinder.text import document_from_text

    incidents = pipeline.extract(document_from_text(text, published="2024-02-08")).incidents
    arson = [i for i in incidents if i.summary.startswith("Survivors")]
    assert [i.type for i in arson] == ["property_destruction"]
