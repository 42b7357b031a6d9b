"""Issue 21 item 7 on annual-report prose: every target belongs to its own event.

The sentences are written for the project in the register of NGO annual reports
(a country heading, then compressed events); none is copied.
"""

from __future__ import annotations

import pytest

from extracted_incidents import pipeline_extract  # noqa: F401 (a fixture)
from factfinder.extract.actors import ActorMatcher, default_matcher
from factfinder.extract.roles import actor_roles
from factfinder.extract.story_roles import refine_targets
from factfinder.model import Actor, Span


@pytest.fixture(scope="module")
def matcher() -> ActorMatcher:
    return default_matcher()


def targets(nlp, matcher: ActorMatcher, text: str, trigger: str) -> list[str]:
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    found = actor_roles(token.sent, token, matcher.find(text))[1]
    return [a.name for a in refine_targets(text, found)]


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger, expected", [
    # the people of the act a trial is about are that act's targets, not the trial's
    ("In May, the trial of three former guards over the beating of six protesters outside the "
     "ministry resumed in the capital.", "trial", ["prison authorities"]),
    ("In March, a court in the capital convicted two police officers of torturing detainees at a "
     "police station.", "convicted", ["police"]),
    # ... while they stay the nested act's own
    ("In March, a court in the capital convicted two police officers of torturing detainees at a "
     "police station.", "torturing", ["prisoners"]),
    # a pronoun object stands for the group named before it
    ("In May, police detained eight students at the university, and a judge ordered them held for a month.",
     "ordered", ["students"]),
    ("In March, the authorities barred women from public parks, weeks after banning them from gyms.",
     "banning", ["women"]),
    # the one a participle says undergoes the proceeding
    ("A journalist serving a prison sentence imposed in 2019 was denied visits in May.", "sentence",
     ["journalists"]),
    # a relative clause describes the group its noun stands in apposition to
    ("Supporters of the opposition Freedom Alliance who had been detained in 2021 described beatings.",
     "detained", ["opposition members"]),
    # the people of a media outlet are its journalists; the outlet itself is the media
    ("On 2 May, police detained the editor of the independent weekly newspaper in the capital.", "detained",
     ["journalists"]),
    ("In June, police detained the owner of a private broadcaster and closed the station's studio.",
     "closed", ["media"]),
    ("In June, police detained the owner of a private broadcaster and closed the station's studio.",
     "detained", ["journalists"]),
    ("The ministry suspended two independent TV channels in March.", "suspended", ["media"]),
    # a possessive points back to the group named before it
    ("In April, police searched the offices of three election-monitoring groups and detained 12 of their staff.",
     "detained", ["election observers"]),
    ("In October, officers raided the homes of reporters of the news website and arrested its founder.",
     "arrested", ["journalists"]),
    # a capitalised group word that ends another name is part of the name
    ("In May, police stopped the Sunday Mothers, relatives of people forcibly disappeared in the 1990s, from "
     "holding their vigil.", "disappeared", ["civilians"]),
    # people who held a state office
    ("In March, a court sentenced a former minister to five years in prison.", "sentenced", ["former officials"]),
    # a result participle is no phrase about another act: its object suffered the event
    ("In July, soldiers shelled the market town, wounding civilians near the bus station.", "shelled",
     ["civilians"]),
])
def test_a_target_of_a_nested_act_is_that_act_s(nlp, matcher: ActorMatcher, text: str, trigger: str,
                                                 expected: list[str]) -> None:
    assert targets(nlp, matcher, text, trigger) == expected


def _actor(text: str, words: str, name: str) -> Actor:
    start = text.index(words)
    return Actor(name, Span.of(text, start, start + len(words)), "group")


def test_civilians_give_way_to_the_more_specific_group() -> None:
    text = "In June, militias killed dozens of Masalit civilians in a town near the border."
    found = refine_targets(text, [_actor(text, "Masalit", "Masalit"), _actor(text, "civilians", "civilians")])
    assert [a.name for a in found] == ["Masalit"]
    text = "Jets bombed a camp for displaced people, killing at least nine civilians."
    found = refine_targets(text, [_actor(text, "displaced people", "internally displaced people"),
                                  _actor(text, "civilians", "civilians")])
    assert [a.name for a in found] == ["internally displaced people"]
    # alone, civilians stay
    text = "Soldiers killed at least nine civilians in the village."
    assert [a.name for a in refine_targets(text, [_actor(text, "civilians", "civilians")])] == ["civilians"]


def test_an_armed_clash_has_parties_and_no_targets() -> None:
    from factfinder.extract.story_roles import clash_parties

    text = "In May, the army fought the rebels near the border, and dozens of villagers died."
    army = Actor("military", Span.of(text, text.index("army"), text.index("army") + 4), "state_force")
    rebels = Actor("rebels", Span.of(text, text.index("rebels"), text.index("rebels") + 6), "armed_group")
    villagers = _actor(text, "villagers", "civilians")
    assert clash_parties([army], [rebels, villagers]) == ([army], [])


def test_the_last_word_on_targets_drops_civilians_beside_a_specific_group() -> None:
    from factfinder.extract.story_roles import most_specific_targets
    from factfinder.model import Incident

    text = "In June, a court ordered compensation for a man who had been tortured in custody."
    incident = Incident(doc="d", type="torture", summary=text, evidence=(Span.of(text, 0, len(text)),),
                        targets=(_actor(text, "man", "civilians"), _actor(text, "custody", "prisoners")))
    assert [a.name for a in most_specific_targets([incident])[0].targets] == ["prisoners"]
    # alone, a man tortured in custody is one of the people held; outside custody he stays a civilian
    incident = Incident(doc="d", type="torture", summary=text, evidence=(Span.of(text, 0, len(text)),),
                        targets=(_actor(text, "man", "civilians"),))
    assert [(a.name, a.span.text) for a in most_specific_targets([incident])[0].targets] == [("prisoners", "man")]
    text = "In June, a court ordered compensation for a man who had been beaten at a checkpoint."
    incident = Incident(doc="d", type="torture", summary=text, evidence=(Span.of(text, 0, len(text)),),
                        targets=(_actor(text, "man", "civilians"),))
    assert [a.name for a in most_specific_targets([incident])[0].targets] == ["civilians"]


@pytest.mark.slow
def test_a_bare_verb_after_a_passive_shares_it(nlp, matcher: ActorMatcher) -> None:
    # "was dragged out ... and lynched": the man underwent both, he did not lynch
    text = "In March, a man accused of theft was dragged from a bus in the town and lynched."
    doc = nlp(text)
    token = next(t for t in doc if t.text == "lynched")
    perpetrators, found = actor_roles(token.sent, token, matcher.find(text))
    assert [a.name for a in found] == ["civilians"] and perpetrators == []
    # a verb with an auxiliary of its own is its subject's act
    text = "In May, troops were deployed to the village and are firing on the villagers."
    token = next(t for t in nlp(text) if t.text == "firing")
    perpetrators, found = actor_roles(token.sent, token, matcher.find(text))
    assert [a.span.text for a in perpetrators] == ["troops"] and [a.name for a in found] == ["civilians"]


@pytest.mark.slow
def test_a_political_prisoner_denied_care_is_a_political_prisoner(pipeline_extract) -> None:
    found = pipeline_extract("BELARUS\n\nOn 3 May, a political prisoner died in a penal colony in Mahiliou after "
                             "being denied treatment for heart disease, his wife said.\n")
    humanitarian = [i for i in found if i.type == "humanitarian"]
    assert humanitarian and [a.name for a in humanitarian[0].targets] == ["political prisoners"]
