"""A field is not borrowed from another act of the same sentence or story (issue 21, item 7).

The sentences are written for the project: each tells an act beside another one (a sanction
coordinated with a criticised practice, a battle before the arrests and the trapped people of
a headline, a statement told in the next sentence) whose place, date or source is not the
act's own.
"""

from __future__ import annotations

import pytest

from factfinder.extract.attachment import OTHER_PART, in_other_part
from factfinder.model import Incident, Span
from factfinder.text import document_from_text


@pytest.fixture(scope="module")
def pipeline():
    from factfinder.pipeline import Pipeline

    return Pipeline()


def _incidents(pipeline, text: str, published: str | None = "2022-03-08") -> tuple[Incident, ...]:
    return pipeline.extract(document_from_text(text, published=published)).incidents


def _of(incidents: tuple[Incident, ...], kind: str) -> Incident:
    found = [i for i in incidents if i.type == kind]
    assert found, f"no {kind} incident among {[i.type for i in incidents]}"
    return found[0]


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span.of(text, start, start + len(words))


def test_a_sanction_coordinated_with_an_act_does_not_lend_it_its_country(pipeline) -> None:
    # the surveillance's own clause names no place: it takes its story's (Hainan), not the sanction's
    text = ("Schools in Hainan province have installed cameras that flag students who skip lunch. "
            "The state-owned camera maker Lintel has been criticised by rights groups for its facial "
            "recognition technology targeting Muslim students, and has been blacklisted by the United States.")
    incidents = _incidents(pipeline, text)
    surveillance, sanction = _of(incidents, "surveillance"), _of(incidents, "sanction")
    assert in_other_part(_span(text, "United States"), surveillance.attachments)
    assert surveillance.location is not None and surveillance.location.country == "CN"
    assert sanction.location is not None and sanction.location.country == "US"


def test_two_coordinated_violent_acts_still_share_their_place(pipeline) -> None:
    text = "Soldiers killed four villagers and detained six others in Falam on Tuesday."
    incidents = _incidents(pipeline, text)
    for kind in ("killing", "arrest"):
        act = _of(incidents, kind)
        assert not any(a.relation == OTHER_PART for a in act.attachments)
        assert act.location is not None and act.location.span.text == "Falam"


def test_a_merged_incident_keeps_the_date_its_own_sentence_tells(pipeline) -> None:
    # the headline takes its lead's date, the battle's; the trapped people's own sentence says 4 March
    text = ("Dozens detained and hundreds trapped in Sittwe\n\n"
            "Residents said that after heavy fighting in Sittwe on 3 and 4 March, soldiers detained dozens "
            "of people.\n\n"
            "After the army retook the town on 4 March, more than three hundred people have been trapped "
            "in the town.")
    trapped = _of(_incidents(pipeline, text), "displacement")
    assert len(trapped.evidence) >= 2
    assert trapped.date is not None and (trapped.date.start, trapped.date.end) == ("2022-03-04", "2022-03-04")


def test_the_next_sentence_s_own_statement_is_not_the_source_of_the_act_before(pipeline) -> None:
    text = ("Police in Harare beat two striking nurses on Monday. "
            "On Tuesday, Amnesty International issued a statement condemning the beatings.")
    incidents = _incidents(pipeline, text)
    beating = next(i for i in incidents if "nurses" in i.summary)
    assert not any(a.source == "Amnesty International" for a in beating.attribution)
    statement = _of(incidents, "statement")
    assert any(a.source == "Amnesty International" for a in statement.attribution)


def test_a_plain_saying_after_the_act_is_still_its_source(pipeline) -> None:
    text = "Gunmen killed three traders in Kano on Sunday. Police said the attackers fled on motorbikes."
    killing = _of(_incidents(pipeline, text), "killing")
    assert any(a.kind in ("official", "government") or "olice" in a.source for a in killing.attribution)


def test_another_party_s_act_in_a_relative_clause_does_not_place_the_act(pipeline) -> None:
    # the sons' detention is Russia's act; the protest is the one told in Bishkek, and its two
    # sentences are one protest again once the second no longer borrows Russia
    text = ("BISHKEK, Kyrgyzstan – Police in Bishkek in Kyrgyzstan have detained nine protesters outside the "
            "Russian embassy. The protesters had demanded the release of their sons whom Russia had detained "
            "at the border, a local radio station reports.")
    incidents = _incidents(pipeline, text)
    protests = [i for i in incidents if i.type == "protest"]
    assert len(protests) == 1 and len(protests[0].evidence) == 2
    assert protests[0].location is not None and protests[0].location.span.text == "Bishkek"
    detention = next(i for i in incidents if i.type == "arrest" and "sons" in i.summary)
    assert detention.location is not None and detention.location.country == "RU"


def test_the_reason_an_act_was_done_for_is_another_act(pipeline) -> None:
    text = "Belarus has branded the Viasna Centre an extremist group because the centre held a training session " \
           "in Vilnius last month."
    designation = _of(_incidents(pipeline, text), "designation")
    assert in_other_part(_span(text, "Vilnius"), designation.attachments)
    assert designation.location is not None and designation.location.country == "BY"
    assert designation.date is None  # "last month" dates the training session


def test_a_reaction_is_not_placed_where_the_act_it_answers_happened(pipeline) -> None:
    text = ("BRUSSELS - European Union ministers agreed tonight to prepare new sanctions, after Belarus forced "
            "a passenger plane to land in Minsk on Sunday.")
    incidents = _incidents(pipeline, text)
    sanction = _of(incidents, "sanction")
    assert in_other_part(_span(text, "Minsk"), sanction.attachments)
    assert sanction.location is None or sanction.location.span.text != "Minsk"
    forced = _of(incidents, "transnational_repression")
    assert forced.location is not None and forced.location.span.text == "Minsk"


def test_one_body_s_coordinated_acts_share_their_day(pipeline) -> None:
    text = "The Supreme Court today designated the movement an extremist organisation and banned its activities."
    incidents = _incidents(pipeline, text)
    for kind in ("designation", "restriction"):
        act = _of(incidents, kind)
        assert act.date is not None and act.date.start == "2022-03-08"


def test_a_court_s_seat_is_not_where_the_act_it_judges_happened(pipeline) -> None:
    text = "In March, a court in Osh fined two bloggers over a protest by market traders."
    incidents = _incidents(pipeline, text)
    protest, fine = _of(incidents, "protest"), _of(incidents, "legal_proceeding")
    assert in_other_part(_span(text, "Osh"), protest.attachments)
    assert protest.location is None or protest.location.span.text != "Osh"
    assert fine.location is not None and fine.location.span.text == "Osh"


def test_a_when_clause_tells_the_event_s_own_place(pipeline) -> None:
    # "Sunday when ...": a relative clause of a time noun, the killing's own circumstances
    text = "Four rangers were killed Sunday when their helicopter was shot down near the town of Kalemie."
    killing = _of(_incidents(pipeline, text), "killing")
    assert not in_other_part(_span(text, "Kalemie"), killing.attachments)
    assert killing.location is not None and killing.location.span.text == "Kalemie"
