"""Each incident's place and date come from its own clause (issue 21, items 4, 5 and 7).

The sentences are written for the project; each names a place or date that is
not the event's (a speaker's, an origin, a distance reference, a relative
clause, an actor's country) beside the one that is.
"""

from __future__ import annotations

import pytest

from factfinder.extract.attachment import SPEAKER, attachment_of
from factfinder.model import Incident, Span
from factfinder.text import document_from_text


@pytest.fixture(scope="module")
def pipeline():
    from factfinder.pipeline import Pipeline

    return Pipeline()


def _incidents(pipeline, text: str, published: str | None = "2021-05-10") -> tuple[Incident, ...]:
    return pipeline.extract(document_from_text(text, published=published)).incidents


def _one(pipeline, text: str, kind: str, published: str | None = "2021-05-10") -> Incident:
    found = [i for i in _incidents(pipeline, text, published) if i.type == kind]
    assert found, f"no {kind} incident in {text!r}"
    return found[0]


def _place(incident: Incident) -> str | None:
    return incident.location.span.text if incident.location else None


def test_words_of_the_event_clause_carry_their_tie(pipeline) -> None:
    text = "Police in Peshawar said gunmen killed a teacher in Quetta on Friday."
    killing = _one(pipeline, text, "killing")
    quetta = attachment_of(Span.of(text, text.index("Quetta"), text.index("Quetta") + 6), killing.attachments)
    peshawar = attachment_of(Span.of(text, text.index("Peshawar"), text.index("Peshawar") + 8), killing.attachments)
    assert quetta is not None and quetta.relation == "in"
    assert peshawar is not None and peshawar.relation == SPEAKER


def test_the_place_of_the_event_not_of_the_speaker(pipeline) -> None:
    killing = _one(pipeline, "Police in Peshawar said gunmen killed a teacher in Quetta.", "killing")
    assert _place(killing) == "Quetta"


def test_a_protest_is_placed_where_it_was_held(pipeline) -> None:
    protest = _one(pipeline, "Around 300 opposition supporters rallied in the capital Baku on Saturday.",
                   "protest")
    assert _place(protest) == "Baku"
    assert protest.date is not None and protest.date.start == "2021-05-08"


def test_an_origin_is_not_the_event_place(pipeline) -> None:
    attack = _one(pipeline, "Fighters from Syria attacked a checkpoint in the town of Tripoli on Monday.", "attack")
    assert _place(attack) == "Tripoli"


@pytest.mark.parametrize("text, kind, place", [
    ("Government troops destroyed six rebel camps close to Kismayo on Tuesday, killing 40 fighters.", "killing",
     "Kismayo"),
    ("Soldiers shelled rebel positions next to Bor on Friday, killing ten fighters.", "killing", "Bor"),
])
def test_close_to_a_place_says_where_not_whither(pipeline, text: str, kind: str, place: str) -> None:
    assert _place(_one(pipeline, text, kind)) == place


def test_not_far_from_a_place_ties_it_as_near(pipeline) -> None:
    text = "Gunmen shot dead a driver not far from Kismayo on Monday."
    killing = _one(pipeline, text, "killing")
    start = text.index("Kismayo")
    tie = attachment_of(Span.of(text, start, start + 7), killing.attachments)
    assert tie is not None and tie.relation == "near"


def test_a_gerund_subject_tells_the_place_of_the_event_it_causes(pipeline) -> None:
    text = ("Shelling by the Rapid Support Forces on residential areas of Kadugli killed at least 15 civilians "
            "and wounded dozens on Saturday, the UN said.")
    killing = _one(pipeline, text, "killing")
    start = text.index("Kadugli")
    tie = attachment_of(Span.of(text, start, start + 7), killing.attachments)
    assert tie is not None and tie.relation == "on"


def test_a_country_that_names_an_actor_is_no_place(pipeline) -> None:
    for incident in _incidents(pipeline, "Japan's foreign minister was shot and wounded as he left his office."):
        assert incident.location is None, incident


def test_a_distance_reference_is_no_place(pipeline) -> None:
    arrest = _one(pipeline, "Troops detained 20 villagers 30 km from Mandalay.", "arrest")
    assert arrest.location is None


def test_a_country_when_the_sentence_says_nothing_finer(pipeline) -> None:
    arrest = _one(pipeline, "Security forces arrested 40 protesters in Belarus on Sunday.", "arrest")
    assert _place(arrest) == "Belarus"
    assert arrest.location is not None and arrest.location.precision == "country"


def test_a_trial_has_the_trial_date_and_the_crime_its_own(pipeline) -> None:
    text = "A court in Rabat on 3 May 2021 sentenced two men for the killing of a lawyer on 3 March 2019."
    trial = _one(pipeline, text, "legal_proceeding")
    killing = _one(pipeline, text, "killing")
    assert trial.date is not None and (trial.date.start, trial.date.precision) == ("2021-05-03", "day")
    assert killing.date is not None and killing.date.start == "2019-03-03"


def test_a_relative_clause_date_is_not_the_abuse_date(pipeline) -> None:
    torture = _one(pipeline, "Police beat the journalist, who was released on 5 May 2021, during his detention "
                             "in April 2021.", "torture")
    assert torture.date is not None
    assert (torture.date.start, torture.date.end) == ("2021-04-01", "2021-04-30")


def test_a_full_date_needs_no_publication_date_and_a_weekday_does(pipeline) -> None:
    full = _one(pipeline, "Security forces arrested 40 protesters in Belarus on 12 September 2020.", "arrest",
                published=None)
    weekday = _one(pipeline, "Security forces arrested 40 protesters in Belarus on Sunday.", "arrest", published=None)
    assert full.date is not None and full.date.start == "2020-09-12"
    assert weekday.date is None


def test_an_event_of_a_where_clause_happened_at_the_noun_it_hangs_on(pipeline) -> None:
    clash = _one(pipeline, "Police kept watch over the squares of central Maribor, where troops clashed with protesters "
                           "earlier in the week.", "protest")
    assert _place(clash) == "Maribor"


def test_a_when_clause_of_the_events_time_shares_its_place(pipeline) -> None:
    attack = _one(pipeline, "The device went off at dawn when soldiers were walking a patrol in the Karrada "
                            "neighbourhood of Baghdad, the source said.", "attack")
    assert _place(attack) == "Karrada"
