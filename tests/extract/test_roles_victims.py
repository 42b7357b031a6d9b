"""Issue 21: an act's victims are never its agents, and a caption's act takes the body's agent.

HRDsAttack reads the perpetrator on the first incident of the violation's type: a headline or
photo caption set apart as a story of its own, or an act whose victims the parse or a lent agent
made its perpetrators (policemen who were shot, listed as the shooters). Every sentence is
written for the project; none is copied from a dev set.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def pipeline(nlp):
    from factfinder.pipeline import Pipeline

    return Pipeline(nlp=nlp)


def _incidents(pipeline, text: str, kind: str) -> list:
    from factfinder.text import document_from_text

    return [i for i in pipeline.extract(document_from_text(text, published="2024-03-04")).incidents
            if i.type == kind]


def _names(actors) -> list[str]:
    return [a.name for a in actors]


@pytest.mark.slow
def test_the_victims_of_a_crime_tried_are_not_the_court_s_fellow_agents(pipeline) -> None:
    text = ("The four were tried and convicted of several crimes during the unrest of the 1970s, including "
            "the killings of police officers.")
    trial = _incidents(pipeline, text, "legal_proceeding")[0]
    assert "police" not in _names(trial.perpetrators)
    killing = _incidents(pipeline, text, "killing")[0]
    assert _names(killing.targets) == ["police"]
    assert "police" not in _names(killing.perpetrators)


@pytest.mark.slow
def test_an_agent_lent_by_the_story_is_not_the_act_s_own_victims(pipeline) -> None:
    """The arrest of the fugitives took the police from the trial sentence; the policemen shot dead
    must not take them back from the arrest."""
    text = ("French police arrested four fugitives wanted in Italy on Wednesday. The four were convicted "
            "in the 1980s of offences that included the killing of policemen and judges.")
    for killing in _incidents(pipeline, text, "killing"):
        assert not {(a.span.start, a.span.end) for a in killing.perpetrators} \
            & {(a.span.start, a.span.end) for a in killing.targets}


@pytest.mark.slow
def test_a_caption_takes_the_agent_the_body_names_for_its_act(pipeline) -> None:
    """The caption set apart as the first story tells the abduction the body tells with its agent."""
    text = ("Colleagues of a weekly newspaper editor hold a vigil outside the paper's offices on Friday, a day "
            "after the editor was abducted in the capital, as press freedom groups demand his release.\n\n"
            "NAIROBI, Kenya \u2013 Armed men in plain clothes abducted the editor of an independent weekly from "
            "his car in the capital on Thursday evening, according to his lawyer. The lawyer said that the men "
            "had forced the editor into a white van outside the paper's offices and driven away at speed. The "
            "paper had published a series of articles on land seizures in the weeks before. Press freedom "
            "groups called for his immediate release and urged the authorities to find him. Colleagues said "
            "that the editor had been followed by a car for several days before he was taken. The newspaper's "
            "board said that it would keep publishing while he is missing and that it feared for his safety. "
            "A spokesman for the interior ministry said the case was being looked into.")
    abductions = _incidents(pipeline, text, "arrest")
    assert abductions[0].story == 0  # the caption, a story of its own before the dateline
    assert [(a.name, a.kind) for a in abductions[0].perpetrators] == [("gunmen", "armed_group")]
    # the lent actor keeps the span where the body names it
    assert abductions[0].perpetrators[0].span.text == "Armed men"


def test_an_abuse_lists_its_armed_agent_before_a_group_the_parse_also_made_its_agent() -> None:
    from factfinder.extract.story_roles import agents_before_groups
    from factfinder.model import Actor, Incident, Span

    text = "Most of the villagers, women among them, were killed by soldiers in the raid."

    def span(phrase: str) -> Span:
        return Span.of(text, text.index(phrase), text.index(phrase) + len(phrase))

    killing = Incident(doc="d", type="killing", summary=text, evidence=(span(text),), trigger=span("killed"),
                       perpetrators=(Actor("women", span("women"), "group"),
                                     Actor("military", span("soldiers"), "state_force")))
    assert [a.name for a in agents_before_groups(killing).perpetrators] == ["military", "women"]
    # a protest's people are its agents: the order stays
    protest = Incident(doc="d", type="protest", summary=text, evidence=(span(text),), trigger=span("raid"),
                       perpetrators=killing.perpetrators)
    assert agents_before_groups(protest).perpetrators == killing.perpetrators


@pytest.mark.slow
def test_the_police_who_freed_the_victims_did_not_ill_treat_them(pipeline) -> None:
    text = ("Dozens of boys had been kept in chains and beaten at a religious school in the north. Police "
            "freed more than 300 boys from the building in a raid on Thursday, officials said.")
    torture = _incidents(pipeline, text, "torture")[0]
    assert "police" not in _names(torture.perpetrators)
