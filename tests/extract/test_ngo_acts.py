"""Acts that annual-report paragraphs tell and extraction missed or typed as another act (issue 21,
the NGO-paragraph gold): a charge that names a capital crime, a lender's funding withheld, an
association dissolved, a trial in absentia of an exile, detention told by where or how long, people
stopped from holding a vigil or barred from travel when they are named at length, deaths in a
crackdown told by who died, and a later act in its own frame lending no date to the one before.
Every sentence here is written for these tests."""

from __future__ import annotations

import pytest
from trigger_rows import row_types, table  # noqa: F401 (a fixture)

from factfinder.extract.triggers import TriggerTable


@pytest.mark.parametrize("sentence, kind", [
    ("On 3 May, the Asian Development Bank suspended new funding to the government over the decree.", "sanction"),
    ("Last year the Supreme Court dissolved the Union of Free Teachers, an association close to the opposition.",
     "restriction"),
    ("Last year the Supreme Court dissolved the Union of Free Teachers, an association close to the opposition.",
     "legal_proceeding"),
    ("A court in the capital tried the exiled editor in absentia and sentenced him to nine years.",
     "transnational_repression"),
    ("The same week, parliament approved a constitutional reform extending the president's term.", "legislation"),
    ("The pastor was sentenced to 12 years and held in Central Prison in the port city.", "arrest"),
    ("The blogger was acquitted after he had spent nine months in Ward Jail.", "arrest"),
    ("In April, the military court released 15 of the defendants on bail.", "legal_proceeding"),
    ("The interior ministry said it would not cooperate with the inquiry.", "statement"),
    ("The authorities shut the weekly and seized its presses, calling it a nest of terrorists.", "designation"),
    ("The task force labelled three student leaders communist rebels.", "designation"),
    ("Police stopped the widows of the missing fishermen, who had travelled from three provinces, from holding "
     "a sit-in outside the ministry.", "restriction"),
    ("In June the authorities barred the parents of two of the detained bloggers from leaving the country.",
     "restriction"),
    ("Several reporters released last year remain under travel bans.", "restriction"),
    ("Police fired live rounds at the crowd; officials said 14 people died.", "killing"),
    ("Decree-Law 12 on public order, issued in June, was used to detain dozens of students.", "legislation"),
    ("Police abuses went on, a year after the government disbanded the rapid response unit.", "legislation"),
])
def test_rows_find_their_type(table: TriggerTable, sentence: str, kind: str) -> None:
    assert kind in row_types(table, sentence)


@pytest.mark.parametrize("sentence, kind", [
    # a lender's funding is no law because the sentence says "new"; a flood's dead are no killing
    ("On 3 May, the Asian Development Bank suspended new funding to the government over the law.", "legislation"),
    ("Behind bars since March, the two editors went on hunger strike.", "restriction"),
])
def test_rows_leave_other_types_alone(table: TriggerTable, sentence: str, kind: str) -> None:
    assert kind not in row_types(table, sentence)


@pytest.fixture(scope="module")
def pipeline(nlp):
    from factfinder.pipeline import Pipeline

    return Pipeline(nlp=nlp)


def _incidents(pipeline, text: str, published: str = "2024-01-15") -> list:
    from factfinder.text import document_from_text

    return list(pipeline.extract(document_from_text(text, published=published)).incidents)


_PARAGRAPH = (
    "KYRGYZSTAN\n\n"
    "On 4 March, parliament passed a law on public order. "
    "On 20 May, the Nordic Investment Bank suspended new funding to Kyrgyzstan over the law. "
    "In June, the Supreme Court dissolved the Rally for Civic Rights, an association of students. "
    "In September, a court in Osh tried the exiled leader of the opposition in absentia and sentenced him to ten "
    "years in prison. "
    "Three activists released from prison remained under travel bans, and in October the authorities barred "
    "the sister of one of them from leaving the country."
)


def test_a_charge_naming_a_capital_crime_is_a_proceeding_not_a_killing(pipeline) -> None:
    # a paragraph of a few sentences: the learned typer reads each, and "a capital offence" reads as a killing
    text = ("KYRGYZSTAN\n\nOn 4 March, parliament passed a law on public order. In May, a 31-year-old man in Osh "
            "became the first person charged with apostasy, a capital offence. On 20 May, the bank suspended new "
            "funding.")
    found = [i for i in _incidents(pipeline, text) if "apostasy" in i.summary]
    assert [i.type for i in found] == ["legal_proceeding"]


def test_a_lenders_funding_suspended_is_a_sanction(pipeline) -> None:
    found = [i for i in _incidents(pipeline, _PARAGRAPH) if "Investment Bank" in i.summary]
    assert [i.type for i in found] == ["sanction"]


def test_an_association_dissolved_by_a_court_is_its_ruling_and_a_restriction_not_a_rally(pipeline) -> None:
    found = [i for i in _incidents(pipeline, _PARAGRAPH) if "dissolved" in i.summary]
    assert sorted(i.type for i in found) == ["legal_proceeding", "restriction"]


def test_a_trial_in_absentia_of_an_exile_is_transnational_repression(pipeline) -> None:
    found = {i.type for i in _incidents(pipeline, _PARAGRAPH) if "in absentia" in i.summary}
    assert found == {"legal_proceeding", "transnational_repression"}


def test_a_later_act_in_its_own_frame_lends_no_date_to_the_standing_one(pipeline) -> None:
    found = [i for i in _incidents(pipeline, _PARAGRAPH) if "travel bans" in i.summary]
    assert [i.type for i in found] == ["restriction", "restriction"]
    standing, later = sorted(found, key=lambda i: i.trigger.start)
    assert standing.date is None
    assert later.date is not None and later.date.start == "2023-10-01"


@pytest.mark.parametrize("text, kind, dates", [
    # a coordinated verb told at a time of its own is a second act of the same type
    ("Soldiers killed three villagers in March and later killed two farmers in May.", "killing",
     ["2023-03-01", "2023-05-01"]),
    ("A court sentenced two activists on 3 May, and on 9 May another court sentenced their lawyer.",
     "legal_proceeding", ["2023-05-03", "2023-05-09"]),
    # "May" the month hedges nothing ("may" the modal does)
    ("Police detained 12 students in Tbilisi on 3 May and then detained their lawyer the next day.", "arrest",
     ["2023-05-03", "2023-05-03"]),
    # two decisions of one government, each the object of its own verb
    ("The government withdrew the decree on 2 May and declared a state of emergency in the north.", "legislation",
     ["2023-05-02", "2023-05-02"]),
])
def test_a_second_act_of_the_same_type_with_its_own_time_or_object_stays_apart(pipeline, text: str, kind: str,
                                                                               dates: list[str]) -> None:
    found = [i for i in _incidents(pipeline, text, published="2024-01-10") if i.type == kind]
    assert sorted(i.date.start for i in found if i.date) == dates


@pytest.mark.parametrize("text, kind", [
    ("Gunmen killed and burned four villagers on Monday.", "killing"),
    ("Police arrested five students in March and detained ten more in March.", "arrest"),
    ("Trials of earlier crimes went on abroad: in May, a court in Paris sentenced a former officer to life.",
     "legal_proceeding"),
])
def test_one_act_told_twice_stays_one(pipeline, text: str, kind: str) -> None:
    assert [i.type for i in _incidents(pipeline, text, published="2024-01-10")].count(kind) == 1


def test_the_modal_may_still_hedges(pipeline) -> None:
    assert not _incidents(pipeline, "Police may arrest the organisers of the march, the minister said.",
                          published="2024-01-10")


def _one(pipeline, text: str, kind: str):
    found = [i for i in _incidents(pipeline, text) if i.type == kind]
    assert len(found) == 1, [i.type for i in _incidents(pipeline, text)]
    return found[0]


def test_it_stands_for_the_organisation_a_label_is_put_on(pipeline) -> None:
    text = ("ALGERIA\n\nIn May, the interior ministry shut the offices of the Rally for Youth Action and froze its "
            "accounts, calling it a \"front for terrorism\".")
    assert [t.name for t in _one(pipeline, text, "designation").targets] == ["Rally for Youth Action"]


def test_a_law_named_for_a_group_targets_it_and_is_not_its_act(pipeline) -> None:
    text = "GHANA\n\nOn 4 March, the parliament passed the Anti-Homosexuality Act by a large majority."
    incident = _one(pipeline, text, "legislation")
    assert [t.name for t in incident.targets] == ["LGBT people"]
    assert "LGBT people" not in [p.name for p in incident.perpetrators]


def test_a_person_sentenced_and_held_in_prison_is_one_detained(pipeline) -> None:
    text = ("NICARAGUA\n\nA bishop who had criticised the government was sentenced on 12 March to ten years in prison "
            "and held in El Chipote prison in Managua.")
    counts = [(c.category, c.value) for c in _one(pipeline, text, "arrest").counts]
    assert counts == [("detained", 1)]


def test_a_law_another_act_applies_is_no_act_of_its_own(pipeline) -> None:
    applied = "CUBA\n\nIn May, a police officer fined a blogger in Santiago 2,000 pesos under Decree-Law 370."
    passed = ("CUBA\n\nIn May, the police fined a blogger in Santiago under a decree-law that the Council of "
              "State had approved the week before.")
    assert "legislation" not in [i.type for i in _incidents(pipeline, applied)]
    assert "legislation" in [i.type for i in _incidents(pipeline, passed)]
