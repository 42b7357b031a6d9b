"""A namesake abroad in the country reading needs more than a lone reading (issue 21, HRDsAttack country).

A report split between two countries has no document country to fall back on; a person's name
its sentence reads as a small town of a third country the report never names is no evidence of
where the act happened, when the sentence itself names the country. Texts written for the
project; the gazetteer is a stand-in injected as the pipeline injects the real one.
"""

from __future__ import annotations

from dataclasses import replace

from factfinder.geo.gazetteer import Candidate
from factfinder.geo.incident_country import document_country, with_document_country
from factfinder.model import Document, Incident, Place, Span, Story

COUNTRIES = {
    "EG": Candidate(1, 357994, "Egypt", "country", "EG", None, None, 27.0, 30.0, 100_000_000, True),
    "LB": Candidate(2, 272103, "Lebanon", "country", "LB", None, None, 33.8, 35.8, 6_000_000, True),
}
# a small town abroad that shares its name with a person of the story
TOWNS = {"Mona": Candidate(3, 4000001, "Mona", "city", "US", "Utah", None, 39.8, -111.9, 1_500, True)}


class Stand:
    def country(self, iso2: str) -> Candidate | None:
        return COUNTRIES.get(iso2)

    def lookup(self, name: str) -> list[Candidate]:
        return [TOWNS[name]] if name in TOWNS else []


TEXT = ("Egyptian police in Cairo detained a blogger on Monday. Lebanese police in Beirut detained a cartoonist.\n\n"
        "The killing of the singer Mona Haddad last year was blamed on Lebanese intelligence officers.\n\n"
        "The two arrests were condemned by press groups.\n")


def _place(word: str, country: str, precision: str = "town") -> Place:
    start = TEXT.index(word)
    return Place(span=Span.of(TEXT, start, start + len(word)), name=word, lat=30.0, lon=31.0, country=country,
                 precision=precision, confidence=0.9)


def _incident(sentence: str, location: Place | None) -> Incident:
    start = TEXT.index(sentence)
    return Incident(doc="d", type="killing", summary=sentence, evidence=(Span.of(TEXT, start, start + len(sentence)),),
                    story=0, location=location)


PLACES = [_place("Cairo", "EG"), _place("Beirut", "LB"), _place("Mona", "US")]
DOCUMENT = Document(doc="d", text=TEXT, stories=(Story(0, 0, len(TEXT)),))


def test_a_lone_town_abroad_yields_to_the_country_its_sentence_names() -> None:
    assert document_country(DOCUMENT, PLACES) is None  # split between Egypt and Lebanon
    killing = _incident("The killing of the singer Mona Haddad last year was blamed on Lebanese intelligence officers.",
                        PLACES[2])
    (located,) = with_document_country([killing], PLACES, DOCUMENT, Stand())
    assert located.location is not None
    assert (located.location.country, located.location.precision) == ("LB", "country")
    assert located.location.span.text == "Lebanese"


def test_a_town_whose_country_the_report_names_is_kept() -> None:
    # the report names the United States nowhere, but a place in a named country stays as it is
    cairo = _incident("Egyptian police in Cairo detained a blogger on Monday.", PLACES[0])
    (kept,) = with_document_country([cairo], PLACES, DOCUMENT, Stand())
    assert kept.location == PLACES[0]


def test_a_lone_town_abroad_in_a_sentence_naming_no_country_takes_the_country_the_report_leads_with() -> None:
    undecided = _incident("The two arrests were condemned by press groups.", PLACES[2])
    (leaning,) = with_document_country([undecided], PLACES, DOCUMENT, Stand())
    assert leaning.location is not None and leaning.location.country == "LB"
    # a report evenly split gives no country to put in its place: the reading stays
    even = TEXT.replace("was blamed on Lebanese intelligence officers", "was never solved")
    places = [replace(p, span=Span.of(even, even.index(p.span.text), even.index(p.span.text) + len(p.span.text)))
              for p in PLACES]
    start = even.index("The two arrests")
    sentence = Span.of(even, start, start + len("The two arrests were condemned by press groups."))
    alone = Incident(doc="d", type="killing", summary=sentence.text, evidence=(sentence,), story=0,
                     location=places[2])
    (same,) = with_document_country([alone], places, Document(doc="d", text=even, stories=(Story(0, 0, len(even)),)),
                                    Stand())
    assert same.location == places[2]
