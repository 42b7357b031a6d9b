"""Statements told as reported speech ("X said ...") and their keeping apart from attribution, and
two bodies' reactions staying two statements through the within-document merge (issue 21).

Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from factfinder.extract.triggers import TriggerTable


@pytest.fixture(scope="module")
def pipeline(nlp):
    from factfinder.pipeline import Pipeline

    return Pipeline(nlp=nlp)


def _incidents(pipeline, text: str, published: str = "2024-03-12"):
    from factfinder.text import document_from_text

    return pipeline.extract(document_from_text(text, published=published)).incidents


def _types(pipeline, text: str) -> list[str]:
    return [i.type for i in _incidents(pipeline, text)]


@pytest.mark.parametrize("sentence", [
    "A government spokesman said the country would not be pressured by foreign lenders.",
    "The foreign ministry said the expelled diplomats had broken the rules of their mission.",
    "The UN children's agency said the budget cuts were a grave mistake.",
    "Several press freedom organisations said the licensing rules were unacceptable.",
])
def test_a_body_saying_what_it_holds_is_a_statement(pipeline, sentence: str) -> None:
    assert _types(pipeline, sentence) == ["statement"]


def test_the_speaker_of_a_statement_is_its_perpetrator(pipeline) -> None:
    text = ("The World Bank suspended new lending to Uganda on Tuesday over the law. "
            "The Ugandan government said it would not bow to pressure from its lenders.")
    (statement,) = [i for i in _incidents(pipeline, text) if i.type == "statement"]
    assert statement.summary.startswith("The Ugandan government said")
    assert statement.perpetrators and "government" in statement.perpetrators[0].name.lower()


@pytest.mark.parametrize("sentence", [
    # the saying only sources an event the sentence reports: attribution
    "Shelling killed 12 civilians in the market town of Varna on Monday, the UN humanitarian office said.",
    "The interior ministry said about 300 people had been detained since Sunday.",
])
def test_a_said_that_sources_an_event_is_attribution_not_a_statement(pipeline, sentence: str) -> None:
    assert "statement" not in _types(pipeline, sentence)


@pytest.mark.parametrize("sentence", [
    "Residents said the night had been quiet in the old town.",  # a witness, not a body
    "She said the meeting had gone well.",  # a pronoun
    "The rights group said it had documented dozens of such cases.",  # a monitor's record
    "The spokesman said the treaty would be signed in the capital next month.",  # a schedule ahead
    "The situation in the camps is worse than last year, the agency said.",  # told after the report
])
def test_other_sayings_are_no_statement(pipeline, sentence: str) -> None:
    assert "statement" not in _types(pipeline, sentence)


def test_two_bodies_in_one_sentence_make_two_statements(pipeline) -> None:
    text = ("The UN rights office called the expulsions a breach of international law, "
            "and the European Union said it deplored them.")
    assert _types(pipeline, text) == ["statement", "statement"]


def test_reactions_of_two_bodies_in_following_sentences_stay_two(pipeline) -> None:
    text = ("KELLAN - Police detained 40 students at a sit-in outside the university on Monday.\n\n"
            "The education ministry denied that the students had been mistreated. "
            "The national bar association condemned the detentions.")
    statements = [i for i in _incidents(pipeline, text) if i.type == "statement"]
    assert len(statements) == 2
    assert {len(s.evidence) for s in statements} == {1}


def test_a_speaker_named_again_by_its_head_noun_makes_one_statement(pipeline) -> None:
    """"The Embassy accuses ..." after "the Chinese Embassy in Prague condemns ...": one speaker, one
    statement, whatever place the second sentence's words name."""
    text = ("On its website, the Chinese Embassy in Prague condemns the activities of the exile congress. "
            "The Embassy accuses the congress of spreading lies about Xinjiang.")
    assert _types(pipeline, text) == ["statement"]


def test_a_body_publishing_a_report_makes_a_statement_beside_the_acts_it_reports() -> None:
    table = TriggerTable.load()
    text = "Soldiers executed 30 villagers in March, Amnesty International said in a report published on Tuesday."
    assert {h.type for h in table.find(text)} >= {"killing", "statement"}


@pytest.mark.parametrize("sentence", [
    # who did a reported act, as a party says: the act's attribution, not a statement of its own
    "Gunmen attacked a church in Owo during Sunday mass, killing at least 40 worshippers; "
    "the federal government blamed an Islamist armed group.",
    # the reason given for an arrest, told inside it
    "Soldiers arrested 12 people at a tea shop in Tamwe on Monday, accusing them of supporting the rebels.",
    # a protest's demand is the protest's
    "Police in Almaty detained six protesters outside the consulate on Monday. "
    "The protesters had demanded the release of their relatives.",
    # a naming, not a judgement
    "The Supreme Court designated what it called the \"international movement\" as an extremist organisation.",
])
def test_accusations_inside_a_reported_act_and_namings_are_no_statement(pipeline, sentence: str) -> None:
    assert "statement" not in _types(pipeline, sentence)


def test_an_accusation_that_reports_no_act_is_a_statement(pipeline) -> None:
    text = ("Fighting between the rebels and the army spread to the town of Sake on Tuesday. "
            "The army accused the neighbouring government of backing the rebels with troops and weapons.")
    statements = [i for i in _incidents(pipeline, text) if i.type == "statement"]
    assert [s.summary[:9] for s in statements] == ["The army "]


def test_blame_told_in_the_progressive_is_a_statement(pipeline) -> None:
    text = "The government is blaming two neighbouring states for the expulsion of its diplomats from Tarvin."
    assert "statement" in _types(pipeline, text)


def test_a_statement_reacting_to_an_act_is_against_its_agent(pipeline) -> None:
    text = ("KELLAN - Shelling by the Rapid Support Forces killed at least 15 civilians in El Fasher on Saturday. "
            "The UN refugee agency condemned the attack.")
    (statement,) = [i for i in _incidents(pipeline, text) if i.type == "statement"]
    assert [t.name for t in statement.targets] == ["Rapid Support Forces"]


def test_a_reply_to_a_report_is_against_no_one(pipeline) -> None:
    # the reply answers the monitor; neither the monitor nor the soldiers its report accuses are its target
    text = ("Human Rights Watch said in a report on Monday that soldiers had beaten detainees in Gulu. "
            "The defence ministry responded to the report on Tuesday, calling it biased.")
    statements = [i for i in _incidents(pipeline, text) if i.type == "statement"]
    assert [s.trigger.text for s in statements] == ["said in a report", "responded to the report"]
    assert statements[1].targets == ()


def test_a_statement_after_a_reply_is_not_against_the_one_who_replied(pipeline) -> None:
    text = "The army responded to the report on Thursday. The ministry said the report by Amnesty was false."
    statements = [i for i in _incidents(pipeline, text) if i.type == "statement"]
    assert len(statements) == 2
    assert "military" not in [t.name for t in statements[1].targets]


def test_a_statement_sentence_looks_up_its_actors_once(nlp) -> None:
    """The statement candidate (before the parse), its check (after it) and the roles all ask for
    the actors of one sentence: the alias matcher runs once per sentence, and the statement is kept."""
    from factfinder.extract.extractor import Extractor
    from factfinder.model import Document

    extractor = Extractor.load(nlp=nlp)
    asked: list[tuple[int, int]] = []
    matcher = extractor.actors

    class Counting:
        def __getattr__(self, name):
            return getattr(matcher, name)

        def find(self, text, start=0, end=None):
            asked.append((start, end))
            return matcher.find(text, start, end)

    extractor.actors = Counting()
    text = "The foreign ministry said the expelled diplomats had broken the rules of their mission."
    extraction = extractor.extract(Document(doc="d", text=text, published="2024-03-12"))
    assert [i.type for i in extraction.incidents] == ["statement"]
    assert asked and len(asked) == len(set(asked))
