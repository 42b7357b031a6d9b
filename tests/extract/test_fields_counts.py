"""Issue 21 item 7: which numbers of annual-report prose count whom, and in which category.

The sentences are written for the project in the register of NGO annual reports; none is copied.
"""

from __future__ import annotations

import pytest

from factfinder.extract.counts import find_counts
from factfinder.extract.counts_patients import one_per_category
from factfinder.model import Count, Span


def counts(text: str) -> list[tuple[str, float, str]]:
    return [(c.category, c.value, c.qualifier) for c in find_counts(text)]


@pytest.mark.parametrize("text, expected", [
    # a manner adverb does not part the verb from its count
    ("In May, police in the capital dispersed a vigil and briefly held twelve participants.", [("detained", 12.0, "exact")]),
    # the one person an act befell, named in its "of" phrase
    ("A court sentenced a former commander for the execution of a captured soldier in 2014.", [("killed", 1, "exact")]),
    ("A court convicted two men over the murder of a journalist.", [("other", 2.0, "exact"), ("killed", 1, "exact")]),
    # the judged are never victims of the act they are judged for, nor of their penalty
    ("In June, a court sentenced 12 people to death over the lynching of a farmer.",
     [("other", 12.0, "exact"), ("killed", 1, "exact")]),
    ("In May, the trial of three former guards over the beating of six prisoners resumed.",
     [("other", 3.0, "exact"), ("affected", 6.0, "exact")]),
    ("Three soldiers were convicted of killing a student at a checkpoint.", [("other", 3.0, "exact"), ("killed", 1, "exact")]),
    ("The authorities hanged four men convicted over the killing of a police officer.",
     [("killed", 4.0, "exact"), ("killed", 1, "exact")]),
    # "over" after the people judged says what for, not how many; "killings" count the killed
    ("In May, prosecutors charged six police officers over 40 killings in the port city.", [("killed", 40.0, "exact")]),
    ("In May, police arrested over 40 students in the port city.", [("arrested", 40.0, "more_than")]),
    # ... but not the person some other noun belongs to
    ("The widow of a man who died in custody was paid compensation.", []),
    ("He described the death in custody of a young woman held by the morality police.", []),
    # a beating's victims are affected, the category torture takes first
    ("In April, guards beat a prisoner with batons in the punishment block.", [("affected", 1, "exact")]),
    ("In July, the authorities closed all private kindergartens, depriving about 5,000 teachers of work.",
     [("affected", 5000.0, "approx")]),
    # a noun of custody says what the people are, the verb what befell them
    ("In May, guards beat at least 14 prisoners who had refused to work.", [("affected", 14.0, "at_least")]),
    ("Gunmen killed five prisoners during the transfer.", [("killed", 5.0, "exact")]),
    ("The rebels released 12 prisoners on Monday.", [("detained", 12.0, "exact")]),
    # a vague part of a group told by a pronoun, and people who tell what befell themselves
    ("In May, police detained 300 people, and several of them later said they had been beaten in custody.",
     [("detained", 300.0, "exact"), ("affected", 3, "at_least")]),
    ("Guards expelled 200 migrants into the desert, where several of them died of thirst.",
     [("other", 200.0, "exact"), ("killed", 3, "at_least")]),
    # a weak cue keeps its category over the place of custody it befell them in; alone, custody holds
    ("Nine people in custody were released on bail.", [("detained", 9.0, "exact")]),
    # a singular supporter stoned to death is one killed
    ("On 2 May, an opposition supporter was stoned to death by a mob.", [("killed", 1, "exact")]),
])
def test_who_is_counted_and_how(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert counts(text) == expected


@pytest.mark.slow
def test_a_figure_of_no_category_belongs_to_the_act_whose_clause_holds_it() -> None:
    from factfinder.pipeline import Pipeline
    from factfinder.text import document_from_text

    text = ("UGANDA\n\nActivists who had been detained by soldiers in 2020 continued to describe torture in military "
            "barracks; "
            "in May, a military court in Gulu released 15 of them on bail.\n")
    found = Pipeline().extract(document_from_text(text, published="2024-01-10")).incidents
    torture = [i for i in found if i.type == "torture"]
    assert torture and not any(c.value == 15 for c in torture[0].counts)


@pytest.mark.slow
def test_one_named_role_arrested_is_one_arrested() -> None:
    from factfinder.pipeline import Pipeline
    from factfinder.text import document_from_text

    text = "ALGERIA\n\nOn 3 May, police arrested the editor of an independent newspaper in Oran.\n"
    found = Pipeline().extract(document_from_text(text, published="2024-01-10")).incidents
    arrest = [i for i in found if i.type == "arrest"]
    assert arrest and [(c.category, c.value) for c in arrest[0].counts] == [("arrested", 1)]


def _patient_count(nlp, text: str, kind: str, trigger: str) -> tuple[str, float, str, str] | None:
    from factfinder.extract.counts_patients import patient_count

    token = next(t for t in nlp(text) if t.text == trigger)
    found = patient_count(kind, token, find_counts(text), 0, text)
    return None if found is None else (found.category, found.value, found.qualifier, found.span.text)


@pytest.mark.slow
@pytest.mark.parametrize("text, kind, trigger, expected", [
    # the figure of the people an act befalls takes the act's category, whatever verb is nearest it
    ("On 2 March, four men arrested during the strikes of 2021 were executed in Shiraz.", "killing", "executed",
     ("killed", 4.0, "exact", "four")),
    # a relative clause of the act: one person
    ("In May, a court ordered damages for a farmer who had been beaten in police custody.", "torture", "beaten",
     ("affected", 1, "exact", "a farmer")),
    ("In April, a court freed a nurse who had been detained for a month without charge.", "arrest", "detained",
     ("detained", 1, "exact", "a nurse")),
    ("In June, the court ordered compensation for the family of a teacher who died in custody.", "killing", "died",
     ("killed", 1, "exact", "a teacher")),
    # a protest counts its participants, whatever their figure's own category
    ("In March, at least 40 detainees of the central prison went on hunger strike.", "protest", "strike",
     ("other", 40.0, "at_least", "at least 40")),
    # a figure of the act's own kind is assigned to the sentence's acts already; an aim is no act
    ("Police detained two students at the gate.", "arrest", "detained", None),
    ("Troops carried out a raid to detain a Taliban commander in Kandahar.", "arrest", "detain", None),
    ("One of the jailed union leaders refused food for 20 days.", "protest", "refused",
     ("other", 1, "exact", "One of the jailed union leaders")),
    # ... not the people of another act the protest is only the time or the cause of
    ("More than 200 people detained after the protests of May remained in jail.", "protest", "protests", None),
    # a plural with no figure, or a named person, is no count
    ("In May, a court ordered damages for farmers who had been beaten in custody.", "torture", "beaten", None),
])
def test_the_people_an_act_befalls_are_counted_with_its_category(nlp, text: str, kind: str, trigger: str,
                                                                 expected: tuple | None) -> None:
    assert _patient_count(nlp, text, kind, trigger) == expected


@pytest.mark.slow
def test_the_one_person_a_nominal_act_befalls_is_counted(nlp) -> None:
    text = "In June, students marched against the arrest of their union leader."
    assert _patient_count(nlp, text, "arrest", "arrest") == ("arrested", 1, "exact", "their union leader")


def _count(text: str, words: str, category: str, value: float, qualifier: str = "exact") -> Count:
    start = text.index(words)
    return Count(category, value, qualifier, "people", Span.of(text, start, start + len(words)))


def test_an_incident_has_one_count_per_category() -> None:
    text = "Police arrested its founder and an administrator; a mob burned at least 21 churches and more than 80 homes."
    singles = one_per_category([_count(text, "an administrator", "arrested", 1),
                                _count(text, "its founder", "arrested", 1)], text)
    # people named one by one add up, and the count's words run from the first to the last
    assert [(c.category, c.value, c.span.text) for c in singles] == [
        ("arrested", 2.0, "its founder and an administrator")]
    figures = one_per_category([_count(text, "at least 21", "other", 21, "at_least"),
                                _count(text, "more than 80", "other", 80, "more_than")], text)
    assert [c.value for c in figures] == [21]
    # two figures of a harm are sources that disagree: both stay for the merge to weigh
    toll = "Rights groups said at least 40 people were killed; state media put the toll at 19."
    disputed = one_per_category([_count(toll, "at least 40", "killed", 40, "at_least"),
                                 _count(toll, "19", "killed", 19)], toll)
    assert [c.value for c in disputed] == [40, 19]
