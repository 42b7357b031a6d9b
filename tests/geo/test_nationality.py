"""An act that nothing places takes the country of the people it befell (issue 21, HRDs country).

Texts written for the project; the gazetteer is a stand-in of three countries, injected as the
pipeline injects the real one.
"""

from __future__ import annotations

from typing import Any

from event_places import extracted, pipeline  # noqa: F401 (pipeline: a fixture)
from factfinder.geo.gazetteer import Candidate
from factfinder.geo.nationality import with_nationality
from factfinder.model import Actor, Document, Incident, Place, PlacePrecision, Span, Story

COUNTRIES = {
    "ML": Candidate(1, 2453866, "Mali", "country", "ML", None, None, 17.0, -4.0, 20_000_000, True),
    "SN": Candidate(2, 2245662, "Senegal", "country", "SN", None, None, 14.5, -14.5, 17_000_000, True),
    "NE": Candidate(3, 2440476, "Niger", "country", "NE", None, None, 18.0, 9.0, 25_000_000, True),
}


class ThreeCountries:
    def country(self, iso2: str) -> Candidate | None:
        return COUNTRIES.get(iso2)

    def lookup(self, name: str) -> list[Candidate]:
        return []


def _span(text: str, words: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return Span.of(text, start, start + len(words))


def _place(text: str, word: str, country: str, precision: PlacePrecision = "town", occurrence: int = 0) -> Place:
    return Place(span=_span(text, word, occurrence), name=word, lat=14.0, lon=-14.0, country=country,
                 precision=precision, confidence=0.9)


def _incident(text: str, sentence: str, *, target: str | None = None, location: Place | None = None) -> Incident:
    evidence = _span(text, sentence)
    targets = (Actor("journalists", _span(text, target), "group"),) if target else ()
    return Incident(doc="d", type="arrest", summary=sentence, evidence=(evidence,), story=0, location=location,
                    targets=targets)


def _run(text: str, incident: Incident, places: list[Place]) -> Incident:
    document = Document(doc="d", text=text, stories=(Story(0, 0, len(text)),))
    found, = with_nationality([incident], places, document, ThreeCountries())
    return found


ABDUCTED = ("Gunmen abducted a Malian journalist on Tuesday, his newspaper said.\n\n"
            "The journalist had written about smuggling on the northern roads. Colleagues said he had received "
            "threats for months.\n")


def test_an_act_without_a_place_takes_the_demonym_of_its_victim() -> None:
    incident = _incident(ABDUCTED, "Gunmen abducted a Malian journalist on Tuesday, his newspaper said.",
                         target="journalist")
    location = _run(ABDUCTED, incident, []).location
    assert location is not None and location.country == "ML" and location.precision == "country"
    assert location.span.text == "Malian"


def test_a_noun_of_people_does_as_well_as_a_target() -> None:
    text = ("Two Senegalese men were detained overnight and questioned about a post online, a relative said.\n\n"
            "Both had shared a cartoon of a minister.\n")
    location = _run(text, _incident(text, text.split("\n")[0]), []).location
    assert location is not None and location.country == "SN"


def test_a_perpetrators_demonym_is_no_answer() -> None:
    text = "Malian soldiers detained a radio reporter on Tuesday, his station said.\n"
    assert _run(text, _incident(text, text.strip(), target="reporter"), []).location is None


def test_a_second_country_in_the_sentence_leaves_it_unplaced() -> None:
    text = "A Malian journalist was detained by Nigerien police on Tuesday, his newspaper said.\n"
    assert _run(text, _incident(text, text.strip(), target="journalist"), []).location is None


def test_a_document_that_names_another_country_more_leaves_it_unplaced() -> None:
    text = ("Gunmen abducted a Malian journalist on Tuesday, his newspaper said.\n\n"
            "He had lived in Dakar since 2019 and worked for a station in Ziguinchor, in Senegal.\n")
    places = [_place(text, "Dakar", "SN"), _place(text, "Ziguinchor", "SN"), _place(text, "Senegal", "SN", "country")]
    incident = _incident(text, "Gunmen abducted a Malian journalist on Tuesday, his newspaper said.",
                         target="journalist")
    assert _run(text, incident, places).location is None


def test_the_reporting_groups_seat_is_no_rival_country() -> None:
    text = ("DAKAR -- A press-freedom group on Monday condemned the arrest of a Malian journalist who was held "
            "while covering a protest.\n\nThe Dakar-based group said he was questioned for six hours.\n")
    places = [_place(text, "DAKAR", "SN"), _place(text, "Dakar", "SN")]
    sentence = text.split("\n")[0]
    location = _run(text, _incident(text, sentence, target="journalist"), places).location
    assert location is not None and location.country == "ML"


def test_a_place_already_found_stays() -> None:
    text = "A Malian journalist was kidnapped in Niamey last week, his editor said.\n"
    niamey = _place(text, "Niamey", "NE")
    incident = _incident(text, text.strip(), target="journalist", location=niamey)
    assert _run(text, incident, [niamey]).location == niamey


def test_a_sentence_on_its_own_keeps_no_place() -> None:
    text = "Gunmen abducted a Malian journalist on Tuesday, his newspaper said."
    assert _run(text, _incident(text, text, target="journalist"), []).location is None


def test_a_place_of_asylum_yields_to_the_victims_nationality(pipeline: Any) -> None:
    """Through the pipeline: the country where a defender sought asylum, which the report names
    more often than her own, is not where she was killed."""
    text = ("A Guatemalan land-rights defender who had sought asylum in Mexico was shot dead on Thursday, "
            "local media reported.\n\n"
            "She had fled to Mexico in 2019 after receiving threats, and had returned home last month. Mexican "
            "officials had granted her refugee status.\n")
    killings = [i for i in extracted(pipeline, text) if i.type == "killing"]
    assert killings and killings[0].location is not None and killings[0].location.country == "GT", \
        [(i.type, i.location) for i in killings]
