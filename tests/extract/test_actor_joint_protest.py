"""Joint forces name both parties; a protest's actor is the group that protests."""

from __future__ import annotations

import pytest

from factfinder.extract.actors import ActorMatcher
from factfinder.extract.story_roles import protest_roles
from factfinder.model import Actor, Span


@pytest.fixture(scope="module")
def matcher() -> ActorMatcher:
    return ActorMatcher.load()


def test_a_joint_force_is_two_actors_on_one_mention(matcher: ActorMatcher) -> None:
    text = "An Afghan and coalition security force detained three suspects in Khost province."
    found = matcher.find(text)
    assert [a.name for a in found] == ["Afghan National Security Forces", "ISAF"]
    assert {a.span.text for a in found} == {"Afghan and coalition security force"}


def test_a_custom_joint_canonical_splits(tmp_path) -> None:
    path = tmp_path / "actors.csv"
    path.write_text("canonical,alias,kind,country,source,gate\n"
                    "Army + Militia,joint patrol,state_force,,test,\n", encoding="utf-8")
    found = ActorMatcher.load(path).find("A joint patrol opened fire.")
    assert [(a.name, a.span.text) for a in found] == [("Army", "joint patrol"), ("Militia", "joint patrol")]


def _actor(text: str, phrase: str, name: str, kind: str) -> Actor:
    start = text.index(phrase)
    return Actor(name, Span.of(text, start, start + len(phrase)), kind)


def test_the_group_that_protests_is_the_actor_and_police_are_not() -> None:
    text = "Police detained 40 students at a rally outside parliament."
    police = _actor(text, "Police", "police", "state_force")
    students = _actor(text, "students", "students", "group")
    rally = text.index("rally")
    perpetrators, targets = protest_roles([police], [students], Span.of(text, rally, rally + 5))
    # the people an act against the protest names are its protesters (ACLED's "Protesters")
    assert [(a.name, a.span.text) for a in perpetrators] == [("protesters", "students")] and targets == []
    # the parse's own agent of the protest keeps its name
    perpetrators, _ = protest_roles([students], [], Span.of(text, rally, rally + 5))
    assert [a.name for a in perpetrators] == ["students"]


def test_people_named_by_no_cause_of_their_own_are_protesters() -> None:
    text = "Hundreds of women formed a human chain in protest."
    women = _actor(text, "women", "women", "group")
    protest = text.index("protest")
    perpetrators, _ = protest_roles([women], [], Span.of(text, protest, protest + 7))
    assert [(a.name, a.span.text) for a in perpetrators] == [("protesters", "women")]


@pytest.mark.slow
def test_the_people_a_number_counts_stage_the_protest(nlp, matcher: ActorMatcher) -> None:
    from factfinder.extract.roles import actor_roles

    text = "On Sunday, thousands of relatives of the disappeared marched through the capital."
    doc = nlp(text)
    marched = next(t for t in doc if t.text == "marched")
    perpetrators, _ = actor_roles(doc[:], marched, matcher.find(text))
    assert [a.name for a in perpetrators] == ["relatives of the disappeared"]


def test_unnamed_participants_are_protesters_on_the_trigger_word() -> None:
    text = "Protests spread to twelve cities on Sunday."
    perpetrators, _ = protest_roles([], [], Span.of(text, 0, 8))
    assert [(a.name, a.span.text) for a in perpetrators] == [("protesters", "Protests")]


def test_a_subgroup_named_after_including_is_not_another_target() -> None:
    from factfinder.extract.story_roles import refine_targets

    text = "Troops arrested 12 people, including two women, in a raid on a tea shop."
    people = _actor(text, "people", "civilians", "group")
    women = _actor(text, "women", "women", "group")
    assert [a.name for a in refine_targets(text, [people, women])] == ["civilians"]
    # without the cue both stay
    text2 = "Troops arrested students and teachers."
    both = [_actor(text2, "students", "students", "group"), _actor(text2, "teachers", "teachers", "group")]
    assert [a.name for a in refine_targets(text2, both)] == ["students", "teachers"]


def test_a_bare_people_gives_way_to_a_more_specific_group() -> None:
    from factfinder.extract.story_roles import refine_targets

    text = "At least 4,000 people were tortured, former detainees said."
    people = _actor(text, "people", "civilians", "group")
    detainees = _actor(text, "detainees", "prisoners", "group")
    assert [a.name for a in refine_targets(text, [people, detainees])] == ["prisoners"]
    assert [a.name for a in refine_targets(text, [people])] == ["civilians"]


def test_insurgents_are_named_as_insurgents(matcher: ActorMatcher) -> None:
    found = matcher.find("The force detained four suspected insurgents near the village.")
    assert [(a.name, a.span.text) for a in found] == [("insurgents", "suspected insurgents")]
