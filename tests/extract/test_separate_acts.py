"""Acts a sentence tells besides its first incident of a type: two acts of one type, the earlier
act a proceeding is about, and the wording of fines and deaths in custody (issue 21).

The sentences are written for these tests in the register of annual reports."""

from __future__ import annotations

import pytest

from factfinder.model import Count, Span
from factfinder.extract.incidents import assign_counts_to_hits
from factfinder.extract.triggers import TriggerTable


@pytest.fixture(scope="module")
def pipeline(nlp):
    from factfinder.pipeline import Pipeline

    return Pipeline(nlp=nlp)


def _incidents(pipeline, text: str, published: str = "2024-01-10"):
    from factfinder.text import document_from_text

    return pipeline.extract(document_from_text(text, published=published)).incidents


def _of(incidents, kind: str):
    return [i for i in incidents if i.type == kind]


@pytest.mark.slow
def test_two_acts_of_one_type_in_one_sentence_are_two_incidents_with_their_own_dates(pipeline) -> None:
    text = ("GEORGIA\n\nIn May, riot police beat a student outside the parliament in Tbilisi; "
            "in June, a journalist was beaten by police in Batumi.")
    tortured = _of(_incidents(pipeline, text), "torture") + _of(_incidents(pipeline, text), "attack")
    beatings = [i for i in tortured if i.trigger is not None]
    assert len(beatings) == 2
    assert sorted(i.date.start for i in beatings if i.date) == ["2023-05-01", "2023-06-01"]


@pytest.mark.slow
def test_a_coordinated_clause_with_its_own_subject_is_its_own_act(pipeline) -> None:
    text = ("MEXICO\n\nA radio presenter was killed outside his home in Acapulco on 3 March, and a "
            "newspaper editor was killed in Culiacán on 9 April.")
    killings = _of(_incidents(pipeline, text), "killing")
    assert len(killings) == 2
    assert {i.date.start for i in killings if i.date} == {"2023-03-03", "2023-04-09"}
    assert {i.act for i in killings} == {0, 1}


@pytest.mark.slow
def test_a_verb_told_twice_of_one_act_stays_one_incident(pipeline) -> None:
    text = "Soldiers killed five villagers and killed their livestock near Kalay on Monday."
    assert len(_of(_incidents(pipeline, text, "2023-05-03"), "killing")) == 1


@pytest.mark.slow
def test_the_earlier_act_a_conviction_is_about_is_an_incident_with_its_own_date(pipeline) -> None:
    text = ("NETHERLANDS\n\nIn October, a court in Rotterdam sentenced a former militia commander to life in "
            "prison for the execution of a captured soldier in Aleppo in 2013.")
    incidents = _incidents(pipeline, text)
    assert len(_of(incidents, "legal_proceeding")) == 1
    killing, = _of(incidents, "killing")
    assert killing.date is not None and killing.date.start == "2013-01-01"


@pytest.mark.slow
def test_an_execution_after_a_conviction_for_a_killing_gives_both_killings(pipeline) -> None:
    text = ("IRAN\n\nOn 2 March, the authorities hanged two men convicted over the killing of a "
            "police officer during protests in Shiraz.")
    assert len(_of(_incidents(pipeline, text), "killing")) == 2


@pytest.mark.slow
def test_fines_compensation_orders_and_deaths_in_custody_are_found(pipeline) -> None:
    text = ("KYRGYZSTAN\n\nIn May, a court in Osh fined a blogger 20,000 soms for a video about the police. "
            "In June, a detainee died in a temporary detention facility in Jalal-Abad. "
            "In July, a court ordered the interior ministry to pay 500,000 soms to a man who had been "
            "tortured in custody. In August, a court in Bishkek acquitted a trade unionist.")
    incidents = _incidents(pipeline, text)
    proceedings = _of(incidents, "legal_proceeding")
    assert len(proceedings) == 3
    assert any(c.category == "money" and c.value == 20000 for i in proceedings for c in i.counts)
    assert [i.summary.startswith("In June") for i in _of(incidents, "killing")] == [True]
    assert any(i.summary.startswith("In July") for i in _of(incidents, "torture"))


def test_a_count_goes_to_the_act_of_its_own_part_of_a_compound_sentence() -> None:
    table = TriggerTable.load()
    text = "Dozens of people were fined for posts; in October a pensioner was fined 30,000 roubles."
    hits = table.find(text)
    assert [h.type for h in hits] == ["legal_proceeding", "legal_proceeding"]
    start = text.index("30,000")
    money = Count("money", 30000, "exact", "RUB", Span.of(text, start, start + len("30,000 roubles")))
    assert assign_counts_to_hits([money], hits, text) == [[], [money]]


def test_a_prison_term_is_the_sentencing_not_an_arrest() -> None:
    from factfinder.extract.incidents import sentence_hits
    from factfinder.extract.sentences import split_sentences

    table = TriggerTable.load()
    for text, kind in (("In December, a councillor was imprisoned for seven years for a post.", "legal_proceeding"),
                       ("A blogger was jailed for life in March.", "legal_proceeding"),
                       ("Police imprisoned the two reporters in a military camp.", "arrest")):
        sentence = split_sentences(text)[0]
        assert list(sentence_hits(text, sentence, table.find(text))) == [kind], text


def test_a_figure_as_of_a_date_is_a_tally() -> None:
    from factfinder.extract.incidents import is_cumulative
    from factfinder.extract.sentences import split_sentences
    from factfinder.extract.triggers import load_cues

    cues = load_cues()
    tallies = ("Clashes in the north had left more than 90 people dead and 4,000 displaced by the end of the year.",
               "More than 1.2 million people were internally displaced in the country by September, the agency said.")
    event = "By noon, soldiers had detained 14 men in the market."
    assert all(is_cumulative(t, split_sentences(t)[0], cues) for t in tallies)
    assert not is_cumulative(event, split_sentences(event)[0], cues)


@pytest.mark.slow
def test_an_allegation_in_the_passive_is_no_statement(pipeline) -> None:
    text = ("PAKISTAN\n\nIn March, a teacher accused of blasphemy was beaten by a crowd in Sialkot. "
            "In April, the rights commission criticised the police for torturing detainees.")
    statements = _of(_incidents(pipeline, text), "statement")
    assert [i.summary.startswith("In April") for i in statements] == [True]


@pytest.mark.slow
def test_an_accusation_of_an_act_against_people_is_that_acts_attribution(pipeline) -> None:
    # the accusation tells the torture and who says so; it is no statement incident of its own
    text = "PAKISTAN\n\nIn April, the rights commission accused the police of torturing detainees."
    incidents = _incidents(pipeline, text)
    assert _of(incidents, "torture") and not _of(incidents, "statement")


@pytest.mark.slow
def test_a_practice_with_no_date_is_the_frame_not_an_incident(pipeline) -> None:
    text = ("TAJIKISTAN\n\nThe authorities continued to prosecute journalists for their reporting. "
            "In May, a court in Dushanbe sentenced a reporter to seven years in prison. "
            "Lawyers said that officials continued to hold at least 40 detainees incommunicado.")
    incidents = _incidents(pipeline, text)
    assert [i.summary.startswith("In May") for i in _of(incidents, "legal_proceeding")] == [True]
    assert len(_of(incidents, "disappearance")) == 1


def test_a_prefixed_word_names_no_act() -> None:
    from factfinder.extract.incidents import sentence_hits
    from factfinder.extract.sentences import split_sentences

    table = TriggerTable.load()
    text = "A lawyer held in a pre-trial detention centre went on hunger strike."
    assert "legal_proceeding" not in sentence_hits(text, split_sentences(text)[0], table.find(text))


@pytest.mark.slow
def test_called_is_a_statement_only_as_a_judgement(pipeline) -> None:
    judged = "GENEVA - Rights groups called the ruling a disgrace to the country."
    summoned = "Police called the residents to a meeting in the village hall."
    assert [i.type for i in _incidents(pipeline, judged)] == ["statement"]
    assert _of(_incidents(pipeline, summoned), "statement") == []


@pytest.mark.slow
def test_a_participle_before_a_noun_and_a_raid_that_arrests_are_no_acts_of_their_own(pipeline) -> None:
    text = ("ZAMBIA\n\nIn May, police raided the offices of a radio station in Lusaka and arrested six of its staff. "
            "In June, a court in Kabwe convicted a soldier of torturing detained miners.")
    kinds = sorted(i.type for i in _incidents(pipeline, text))
    assert "attack" not in kinds and kinds.count("arrest") == 1


@pytest.mark.slow
def test_what_someone_calls_for_has_not_happened_but_the_call_is_a_statement(pipeline) -> None:
    text = "The Committee to Protect Journalists urged the authorities to find and prosecute the killers."
    assert [i.type for i in _incidents(pipeline, text)] == ["statement"]


def test_a_monitor_s_count_of_acts_is_a_tally() -> None:
    from factfinder.extract.incidents import is_cumulative
    from factfinder.extract.sentences import split_sentences
    from factfinder.extract.triggers import load_cues

    text = "The rights group said it had registered 52 killings by the police."
    assert is_cumulative(text, split_sentences(text)[0], load_cues())


@pytest.mark.slow
def test_an_act_in_an_after_clause_with_its_own_date_is_its_own_incident(pipeline) -> None:
    text = ("AFGHANISTAN\n\nOn 2 May, the authorities barred women from working in health clinics, three "
            "months after banning them from working for aid groups in January 2023.")
    restrictions = _of(_incidents(pipeline, text), "restriction")
    assert len(restrictions) == 2
    assert sorted(i.date.start for i in restrictions if i.date) == ["2023-01-01", "2023-05-02"]


@pytest.mark.parametrize("sentence, kind", [
    ("On 3 May, the army and a rebel militia fought for control of two villages.", "armed_clash"),
    ("In June, the government and the rebels agreed a three-month ceasefire.", "other"),
    ("On 4 August, the cabinet declared a state of emergency in the region.", "legislation"),
    ("In July, the authorities ordered the closure of an independent radio station.", "restriction"),
    ("In March, the United States imposed visa restrictions on three officials.", "sanction"),
])
def test_acts_annual_reports_tell_without_the_usual_words(sentence: str, kind: str) -> None:
    from factfinder.extract.incidents import sentence_hits
    from factfinder.extract.sentences import split_sentences

    table = TriggerTable.load()
    assert kind in sentence_hits(sentence, split_sentences(sentence)[0], table.find(sentence))
