"""Issue 21: the agent a news story names once, for one abuse, and leaves out for another.

HRDsAttack reads the perpetrator on the first incident of the violation's type, which is often the
lead's agentless mention ("the killing of a radio presenter"); the agent is named in another
sentence for another act. Every sentence is written for the project; none is copied from a dev set.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def pipeline(nlp):
    from factfinder.pipeline import Pipeline

    return Pipeline(nlp=nlp)


def _first(pipeline, text: str, kind: str):
    from factfinder.text import document_from_text

    incidents = pipeline.extract(document_from_text(text, published="2024-03-04")).incidents
    return next(i for i in incidents if i.type == kind)


_STORY = ("The killing of a radio presenter in the north has shocked his colleagues. "
          "Gunmen on a motorcycle had abducted him outside the station on Friday evening, police said.")


@pytest.mark.slow
def test_an_agentless_killing_takes_the_agent_the_story_names_for_its_kidnapping(pipeline) -> None:
    killing = _first(pipeline, _STORY, "killing")
    assert [(a.name, a.kind) for a in killing.perpetrators] == [("gunmen", "armed_group")]
    # the carried actor keeps the span where the story names it
    assert killing.perpetrators[0].span.text.lower() == "gunmen"


@pytest.mark.slow
def test_an_annual_report_section_lends_no_agent_between_its_events(pipeline) -> None:
    """Under a country heading each sentence is an event of its own: no agent is carried."""
    killing = _first(pipeline, "NIGERIA\n\n" + _STORY + "\n", "killing")
    assert killing.perpetrators == ()


@pytest.mark.slow
def test_an_agent_the_sentence_names_by_a_by_phrase_is_not_replaced(pipeline) -> None:
    text = ("A teacher was beaten to death by a crowd of his neighbours in the market. "
            "Soldiers detained six people in the village the next day, residents said.")
    killing = _first(pipeline, text, "killing")
    assert all(a.kind != "state_force" for a in killing.perpetrators)
