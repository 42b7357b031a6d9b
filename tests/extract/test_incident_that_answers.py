"""The first incident of a report's act carries the act's own day (issue 21, HRDsAttack fields).

A scorer that reads "the first incident whose type matches" (docs/eval.md, hrds) reads what a
user reads first: a caption set apart above the lead, a month told before the day, a court's
day given to the act it charges must not make that incident undated or wrongly dated. Texts
written for the project; the whole pipeline runs (published 2024-01-10).
"""

from __future__ import annotations

from extracted_incidents import pipeline_extract  # noqa: F401  (the shared fixture)


def _first(incidents, kind: str):
    return next(i for i in incidents if i.type == kind)


def _day(incident) -> tuple[str, str] | None:
    """The incident's date as (start, precision), None when it has none."""
    return (incident.date.start, incident.date.precision) if incident.date is not None else None


def test_a_caption_set_apart_above_the_lead_merges_into_the_lead_act(pipeline_extract) -> None:
    text = ("DETAINED. A police photo of the teacher Lena Moro after her arrest.\n\nPlay Video\n\n"
            "VALLETTA, Malta – A schoolteacher who organised a strike over unpaid wages was arrested by police "
            "at her home, her union said on Tuesday, January 9.\n\n"
            "In a post on social media, her sister said officers took the teacher from the house early in the "
            "morning. Police confirmed the arrest and said she was being questioned.")
    incidents = pipeline_extract(text)
    arrest = _first(incidents, "arrest")
    assert _day(arrest) == ("2024-01-09", "day")
    assert arrest.location is not None and arrest.location.country == "MT"
    assert sum(i.type == "arrest" for i in incidents) == 1


def test_a_court_day_is_not_the_day_of_the_act_it_charges(pipeline_extract) -> None:
    """"brought before a court today on charges of kidnapping a fisherman ... in October": today
    is the court's; the kidnapping keeps the month its own clause tells, however deep the parse
    hangs it."""
    text = ("Three dock workers were brought before a district court today on charges of kidnapping a fisherman "
            "and demanding five hundred thousand rupees (some 6,000 dollars) as ransom in October.")
    kidnapping = _first(pipeline_extract(text), "arrest")
    assert kidnapping.date is not None and kidnapping.date.start.startswith("2023-10")


def test_an_act_told_by_its_month_then_by_its_day_takes_the_day(pipeline_extract) -> None:
    text = ("Two union organisers were arrested in December 2023 on what their lawyers called fabricated "
            "charges of illegal assembly.\n\n"
            "The two were arrested together with a student leader at a rally in Valletta on Dec. 10, 2023, "
            "according to the union.")
    assert _day(_first(pipeline_extract(text), "arrest")) == ("2023-12-10", "day")


def test_the_day_of_an_anniversary_is_not_the_day_of_the_act_it_marks(pipeline_extract) -> None:
    text = ("Friends of the cartoonist Tomas Verde will gather at the weekend to mark the third anniversary of his "
            "being detained after police took him from a hotel lobby in Lisbon.\n\n"
            "Verde had been staying at the hotel for a month before he was arrested by "
            "police on March 14 2021.")
    assert _day(_first(pipeline_extract(text), "arrest")) == ("2021-03-14", "day")


def test_a_headline_that_says_nabbed_on_a_named_day_is_an_arrest_of_that_day(pipeline_extract) -> None:
    text = ("Judge frees farm leader nabbed on Human Rights Day 2022 as charges collapse\n\n"
            "CEBU – Prosecutors withdrew the explosives charge against a farmers' leader, one of eleven people "
            "picked up by police that day.")
    assert _day(_first(pipeline_extract(text), "arrest")) == ("2022-12-10", "day")
