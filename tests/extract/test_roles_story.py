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
def test_a_lynching_takes_no_agent_from_the_story(pipeline) -> None:
    """A crowd lynched the shop owner; the police of the story arrested someone who cheered it."""
    text = ("A court in Dorvan on Monday convicted a bus driver for cheering and defending the brutal lynching "
            "of a shop owner in an online video. Later, the police arrested the driver and brought him before "
            "a magistrate.")
    lynching = _first(pipeline, text, "killing")
    assert lynching.subtype == "mob_violence"
    assert lynching.perpetrators == ()


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


def _all(pipeline, text: str, kind: str) -> list:
    from factfinder.text import document_from_text

    return [i for i in pipeline.extract(document_from_text(text, published="2024-03-04")).incidents if i.type == kind]


def _names(actors) -> list[str]:
    return [a.name for a in actors]


@pytest.mark.slow
def test_a_named_agent_leaves_the_clause_s_other_armed_actors_no_role(pipeline) -> None:
    """The police of the "by" phrase did it; the unit disbanded years before is background."""
    text = ("KENYA\n\nBeatings and other ill-treatment by the police remained common, three years after the "
            "disbanding of the Special Anti-Robbery Squad.\n")
    for torture in _all(pipeline, text, "torture"):
        assert _names(torture.perpetrators) == ["Kenyan police"]


@pytest.mark.slow
def test_a_semicolon_parts_two_killings_and_their_agents(pipeline) -> None:
    text = ("SUDAN\n\nIn May, RSF fighters killed dozens of villagers near Nyala; on 3 June, a local official was "
            "killed at his home hours after he had criticised the RSF on the radio.\n")
    killings = _all(pipeline, text, "killing")
    assert _names(killings[0].perpetrators) == ["Rapid Support Forces"]
    assert all(not k.perpetrators for k in killings[1:])


@pytest.mark.slow
def test_a_death_in_a_penal_colony_is_the_prison_authorities_act(pipeline) -> None:
    text = "BELARUS\n\nIn April, a jailed blogger died in Penal Colony No. 3 after months without treatment.\n"
    killing = _first(pipeline, text, "killing")
    assert _names(killing.perpetrators) == ["Belarusian prison authorities"]


@pytest.mark.slow
def test_what_a_comment_is_about_is_no_agent_of_the_fine(pipeline) -> None:
    text = "BELARUS\n\nIn June, a court in Brest fined a teacher 900 roubles for a post about the security forces.\n"
    fine = _first(pipeline, text, "legal_proceeding")
    assert _names(fine.perpetrators) == ["Belarusian courts"]


@pytest.mark.slow
def test_venezuelan_intelligence_services_are_named_as_themselves(pipeline) -> None:
    text = ("VENEZUELA\n\nIn May, officers of the intelligence services SEBIN and DGCIM tortured three detained "
            "trade unionists in Caracas, their lawyers said.\n")
    torture = _first(pipeline, text, "torture")
    assert sorted(_names(torture.perpetrators)) == ["DGCIM", "SEBIN"]
    assert {a.kind for a in torture.perpetrators} == {"state_force"}


@pytest.mark.slow
def test_the_government_under_a_heading_is_that_country_s(pipeline) -> None:
    text = "COLOMBIA\n\nIn June, the government and the ELN agreed a three-month ceasefire.\n"
    agreement = _first(pipeline, text, "other")
    assert "Colombian government" in _names(agreement.perpetrators)


@pytest.mark.slow
def test_ill_treatment_of_people_an_armed_group_detained_is_its_own(pipeline) -> None:
    text = ("AFGHANISTAN\n\nTaliban intelligence officials detained 14 women's rights activists in Herat in March, "
            "and several of them said they had been beaten during interrogation.\n")
    torture = _first(pipeline, text, "torture")
    assert _names(torture.perpetrators) == ["Taliban"]


@pytest.mark.slow
def test_military_buildings_are_a_target_not_the_military(pipeline) -> None:
    text = "PAKISTAN\n\nIn May, supporters of the party stormed and set fire to military buildings in Lahore.\n"
    for incident in _all(pipeline, text, "property_destruction"):
        assert all(a.kind != "state_force" for a in incident.perpetrators)


def test_an_affected_group_is_never_the_agent_of_surveillance() -> None:
    """"it is easy to track a student's religion, especially Uyghurs studying in Beijing": the parse
    hangs "Uyghurs" on the dummy subject "it", a subject the role rules read as the agent; an
    affected group never tracks, so the incident lists them as who is tracked."""
    from factfinder.extract.implied_agents import implied_agents
    from factfinder.model import Actor, Incident, Span

    text = "Cameras make it easy to track a student's religion, especially Uyghurs studying in Beijing."
    sentence = Span.of(text, 0, len(text))
    uyghurs = Actor("Uyghurs", Span.of(text, text.index("Uyghurs"), text.index("Uyghurs") + 7), "group")
    track = Span.of(text, text.index("track"), text.index("track") + 5)
    incident = Incident(doc="d", type="surveillance", summary=text, evidence=(sentence,), story=0, trigger=track,
                        perpetrators=(uyghurs,))
    [out] = implied_agents([incident], lambda body: ("authorities", "government"))
    assert all(a.kind != "group" for a in out.perpetrators)
    assert _names(out.targets) == ["Uyghurs"]


@pytest.mark.slow
def test_of_two_opposing_armed_actors_the_agent_of_the_arrest_wins(pipeline) -> None:
    text = ("Residents said that after heavy fighting between the Arakan Army and the military in the town on "
            "Monday, soldiers arrested about 60 residents who had not fled.")
    arrest = _first(pipeline, text, "arrest")
    assert _names(arrest.perpetrators) == ["Myanmar military"]


@pytest.mark.slow
def test_the_court_a_suspect_is_charged_at_is_not_the_kidnapper(pipeline) -> None:
    text = ("Four men were charged at the Magistrates' Court on Friday on charges of kidnapping a fisherman "
            "and demanding a ransom of 300,000 shillings last month.")
    kidnapping = next(i for i in _all(pipeline, text, "arrest") if i.trigger and "kidnap" in i.trigger.text)
    assert [(a.name, a.kind) for a in kidnapping.perpetrators] == [("suspects", "criminal")]


@pytest.mark.slow
def test_victims_abducted_in_a_crackdown_are_the_state_s(pipeline) -> None:
    """A crackdown is the state's, even when its victims are told as "abducted"."""
    text = ("The talks follow a crackdown which has seen striking teachers, journalists and union leaders "
            "abducted and tortured across the country.")
    torture = _first(pipeline, text, "torture")
    assert [a.kind for a in torture.perpetrators] == ["state_force"]


# An act told as what someone is charged with or convicted of is the accused's: no agent the story
# names for another act is lent to it, and the charged are its agents (unnamed "suspects", or the
# state agents the charge names).
@pytest.mark.slow
def test_an_act_in_a_charge_phrase_is_done_by_the_suspects(pipeline) -> None:
    text = ("Soldiers arrested a farmer at a checkpoint near the river on Monday. "
            "Two men charged with joining an armed group and conspiring to torture the farmer's neighbours "
            "appeared in court on Tuesday.")
    torture = _first(pipeline, text, "torture")
    assert [(a.name, a.kind) for a in torture.perpetrators] == [("suspects", "criminal")]


@pytest.mark.slow
def test_an_act_state_agents_are_charged_with_is_theirs(pipeline) -> None:
    # (session 13: a plot to kidnap is no kidnapping, the act charged here is one that happened)
    text = ("Prosecutors said on Tuesday that four intelligence officers have been indicted on charges "
            "of kidnapping a journalist who lives abroad.")
    kidnapping = _first(pipeline, text, "arrest")
    assert [a.kind for a in kidnapping.perpetrators] == ["state_force"]


@pytest.mark.slow
def test_an_act_someone_was_found_guilty_in_is_done_by_the_convicts(pipeline) -> None:
    """A verdict names who did the act, as a charge names who is suspected of it (extract/convicts.py)."""
    text = ("A Liberian man found guilty in the kidnapping of a Danish aid worker has dropped his appeal "
            "against the verdict, his lawyer said on Monday.")
    kidnapping = _first(pipeline, text, "arrest")
    assert [(a.name, a.kind) for a in kidnapping.perpetrators] == [("convicts", "criminal")]
    assert kidnapping.perpetrators[0].span.text == "found guilty in"


@pytest.mark.slow
def test_a_killing_someone_was_sentenced_for_is_done_by_the_convicts(pipeline) -> None:
    text = ("Carl Moretti, of Dunmore, was sentenced to life in prison in 2009 for the murder of a local "
            "radio reporter.")
    killing = _first(pipeline, text, "killing")
    assert [(a.name, a.kind) for a in killing.perpetrators] == [("convicts", "criminal")]


@pytest.mark.slow
def test_the_convicts_of_one_act_are_lent_to_no_other_act_of_the_story(pipeline) -> None:
    text = ("Two radio presenters were shot dead in the port city of Varna last spring. "
            "On Monday a former driver was found guilty of the kidnapping of a third presenter.")
    killing = _first(pipeline, text, "killing")
    assert all(a.name != "convicts" for a in killing.perpetrators)


@pytest.mark.slow
def test_state_agents_convicted_of_an_act_stay_its_agents(pipeline) -> None:
    text = "Police officers were convicted of torturing a detainee in Mombasa, the court said."
    torture = _first(pipeline, text, "torture")
    assert [a.kind for a in torture.perpetrators] == ["state_force"]


@pytest.mark.slow
def test_acts_a_conviction_lists_take_no_agent_from_the_story(pipeline) -> None:
    text = ("The authorities said on Saturday they had executed twelve men. "
            "The convictions included crimes of kidnapping and torture, the statement added.")
    # a conviction's list of crimes names acts without reporting them (event_type/reference.py): the
    # later items as much as the first, so no torture incident takes the executions' agent
    from factfinder.text import document_from_text
    incidents = pipeline.extract(document_from_text(text, published="2024-03-04")).incidents
    assert all(i.perpetrators == () for i in incidents if i.type == "torture")


@pytest.mark.slow
def test_an_agentless_kidnapping_is_done_by_the_kidnappers_the_report_names_later(pipeline) -> None:
    """The headline tells the kidnapping with no agent; the report names the kidnappers only where it
    tells their ransom demand, which is no incident: a coder codes them (non-state) for the kidnapping."""
    text = ("Aid worker held hostage for a month tells of her ordeal\n\n"
            "She had been visiting a clinic in the hills when the convoy was stopped. "
            "The kidnappers asked her employer for a ransom of two million dollars. "
            "She walked free on a Sunday morning after talks led by village elders.")
    kidnapping = _first(pipeline, text, "arrest")
    assert [(a.name, a.kind) for a in kidnapping.perpetrators] == [("kidnappers", "criminal")]
    assert kidnapping.perpetrators[0].span.text == "kidnappers"


@pytest.mark.slow
def test_a_police_arrest_takes_no_kidnappers(pipeline) -> None:
    """Only a kidnapping takes the kidnappers a story names: the police's arrest of them keeps its own agent."""
    text = ("Police arrested four men in a raid on a farmhouse on Tuesday. "
            "The kidnappers had held a shopkeeper there for a week.")
    arrest = _first(pipeline, text, "arrest")
    assert all(a.name != "kidnappers" for a in arrest.perpetrators)


@pytest.mark.slow
def test_a_bill_a_foreign_legislator_tables_is_not_the_report_country_s_government(pipeline) -> None:
    # a digest about one country reports a bill a legislator of another country will table
    text = ("China digest\n\nThis week Ontario Senator Mary Smith will introduce a bill to ban all imports "
            "from Xinjiang, she says on her official account.\n\n"
            "The authorities in Beijing have detained three activists in Xinjiang.\n")
    assert _names(_first(pipeline, text, "legislation").perpetrators) == []
    assert "Chinese government" in _names(_first(pipeline, text, "arrest").perpetrators)
