"""Issue 21 items 6-7 on annual-report prose: who acted, who suffered, and which numbers count.

Every sentence here is written for the project in the register of NGO annual
reports (a country heading, then compressed events); none is copied.
"""

from __future__ import annotations

import pytest

from factfinder.extract.actors import ActorMatcher, default_matcher, heading_country
from factfinder.extract.counts import find_counts
from factfinder.extract.roles import actor_roles


@pytest.fixture(scope="module")
def matcher() -> ActorMatcher:
    return default_matcher()


def counts(text: str) -> list[tuple[str, float]]:
    return [(c.category, c.value) for c in find_counts(text)]


# --- numbers -------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("In May, a court in Durres fined a blogger 3,100 leks for a post about the mayor.", [("money", 3100.0)]),
    ("A court in Baku fined a union activist 1,500 manats over a strike.", [("money", 1500.0)]),
    ("The judge ordered the ministry to pay US$ 500 to each of the families.", [("money", 500.0)]),
    ("The regional court awarded 2.5 million rupees to the widow.", [("money", 2500000.0)]),
])
def test_money_in_local_currency_is_money(text: str, expected: list[tuple[str, float]]) -> None:
    assert [c for c in counts(text) if c[0] == "money"] == expected


@pytest.mark.parametrize("text", [
    "Guards at Prison 313 beat inmates who had complained about the food.",
    "Detainees held in Badr 3 prison went on hunger strike in January.",
    "Decree-Law 54 was used to prosecute critics of the president.",
    "Guards at Penal Colony No. 6 kept a prisoner in a punishment cell.",
    "The minister announced zero tolerance for abuse in police stations.",
    "She filed 20 complaints about the beatings with the prosecutor.",
    "The lawyer was imprisoned for seven years for his speech at the rally.",
    "The blogger received a ten-year sentence in absentia.",
])
def test_names_terms_records_and_zero_tolerance_are_no_count(text: str) -> None:
    assert [c for c in counts(text) if c[0] != "money"] == []


def test_officers_who_act_are_not_victims_but_officers_who_suffer_are() -> None:
    assert 2.0 not in [v for _, v in counts("In March, a court convicted two police officers of beating a man.")]
    assert counts("Two police officers shot dead a street vendor near the market.") == [("killed", 1)]
    assert counts("Two police officers were killed in the ambush.") == [("killed", 2.0)]


def test_a_count_after_a_capitalised_hedge_or_month_still_counts() -> None:
    assert counts("Over 500 people were detained in the region.") == [("detained", 500.0)]
    assert counts("Police in Mandalay arrested 30 students, and Some 40 others fled.")[0] == ("arrested", 30.0)


# --- actors take the report's country --------------------------------------------


def test_the_heading_names_the_country_of_generic_state_bodies(matcher: ActorMatcher) -> None:
    text = ("RUSSIAN FEDERATION\n\nIn March, guards beat a prisoner in a penal colony. A court in Kazan "
            "sentenced a poet to six years. Security forces detained a student.")
    assert heading_country(text) == "RU"
    names = {a.name for a in matcher.find(text)}
    assert {"Russian prison authorities", "Russian courts", "Russian security forces"} <= names


def test_without_a_heading_generic_bodies_stay_generic(matcher: ActorMatcher) -> None:
    text = "A court sentenced a poet to six years, and guards beat him on arrival."
    assert heading_country(text) is None
    assert {a.name for a in matcher.find(text)} >= {"courts", "prison authorities"}


# --- roles ---------------------------------------------------------------------


def roles(nlp, matcher: ActorMatcher, text: str, trigger: str) -> tuple[list[str], list[str]]:
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    perps, targets = actor_roles(token.sent, token, matcher.find(text))
    return [a.name for a in perps], [a.name for a in targets]


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger, perpetrators", [
    # a monitor that says or finds something is its source, never its agent
    ("In November, the UN Committee against Torture said that torture in places of detention was "
     "widespread.", "torture", []),
    ("Human Rights Watch documented the torture of detainees by soldiers in the north.", "torture",
     ["military"]),
    # the agent of a nominalisation, not the victims
    ("The beating of inmates by prison guards continued throughout the year.", "beating", ["prison authorities"]),
    # the people a court convicts of an act are its agents, the court is not
    ("KAZAKHSTAN\nIn December, a court convicted four officers of the National Security Committee of "
     "torturing detainees.", "torturing", ["Kazakh National Security Committee"]),
])
def test_perpetrators_are_agents_not_monitors(nlp, matcher: ActorMatcher, text: str, trigger: str,
                                               perpetrators: list[str]) -> None:
    assert roles(nlp, matcher, text, trigger)[0] == perpetrators


@pytest.mark.slow
def test_a_court_is_the_agent_of_its_sentence_and_the_convicted_its_target(nlp, matcher: ActorMatcher) -> None:
    text = ("KAZAKHSTAN\nIn December, a court convicted four officers of the National Security Committee of "
            "torturing detainees.")
    perpetrators, targets = roles(nlp, matcher, text, "convicted")
    assert perpetrators == ["Kazakh courts"]
    assert "Kazakh National Security Committee" in targets


@pytest.mark.parametrize("heading, code", [
    ("TÜRKİYE", "TR"), ("MOROCCO AND WESTERN SAHARA", "MA"), ("SRI LANKA", "LK"), ("IRAN", "IR"),
    ("Police detained three students", None),
])
def test_country_headings_as_reports_print_them(heading: str, code: str | None) -> None:
    assert heading_country(f"{heading}\n\nIn May, police detained three students.") == code


def test_border_guards_are_the_heading_country_s(matcher: ActorMatcher) -> None:
    text = "SAUDI ARABIA\n\nIn August, border guards shot at migrants crossing from Yemen."
    assert [a.name for a in matcher.find(text)][0] == "Saudi border guards"


def test_people_arrested_at_a_protest_are_protesters() -> None:
    from factfinder.extract.story_roles import refine_targets
    from factfinder.model import Actor, Span

    text = "Police detained more than 370 people at the Pride march in Istanbul."
    start = text.index("people")
    found = refine_targets(text, [Actor("civilians", Span.of(text, start, start + 6), "group")])
    assert [a.name for a in found] == ["protesters"]
    quiet = "Soldiers detained 40 people in a raid on the village."
    start = quiet.index("people")
    assert [a.name for a in refine_targets(quiet, [Actor("civilians", Span.of(quiet, start, start + 6), "group")])] \
        == ["civilians"]


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger, perpetrators, targets", [
    # victims described by a relative clause are targets, never perpetrators
    ("Inmates who were beaten by prison guards in June were denied medical care.", "beaten",
     ["prison authorities"], ["prisoners"]),
    ("Relatives of the students whom soldiers detained in 2014 marched in the capital.", "detained",
     ["military"], ["students"]),
    # a governed verb shares its subject
    ("Riot police began to beat the students outside parliament.", "beat", ["police"], ["students"]),
])
def test_a_relative_clause_gives_its_noun_a_role(nlp, matcher: ActorMatcher, text: str, trigger: str,
                                                  perpetrators: list[str], targets: list[str]) -> None:
    assert roles(nlp, matcher, text, trigger) == (perpetrators, targets)


# --- attribution -----------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("In November, the UN Human Rights Committee expressed concern that detainees had been beaten in custody.",
     [("UN Human Rights Committee", "un")]),
    ("The Committee against Torture found that confessions obtained under duress were used at trial.",
     [("UN Committee against Torture", "un")]),
])
def test_committees_that_express_concern_or_find_are_attribution(text: str, expected: list) -> None:
    from factfinder.extract.attribution import find_attributions

    assert [(a.source, a.kind) for a in find_attributions(text, 0, len(text))] == expected


def test_a_court_that_releases_someone_is_no_source() -> None:
    from factfinder.extract.attribution import find_attributions

    text = "UGANDA\n\nIn March, a military court in Kampala released 12 opposition supporters on bail."
    assert find_attributions(text, 8, len(text)) == []
