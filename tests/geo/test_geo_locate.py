"""Incident locations: a place of the evidence sentence, else the story's place, else none."""

from __future__ import annotations

import pytest

from factfinder.geo import locate
from factfinder.model import Document, Incident, Place, Span, Story

TEXT = ("Troops arrested nearly a hundred residents in Paktaw on Friday, Radio Free Europe reported. "
        "The military said Rakhine State was calm. "
        "Aid groups in Myanmar said food was short.")


def _place(word: str, *, name: str, precision: str, lat: float | None = 20.17, lon: float | None = 92.9,
           confidence: float = 0.9, occurrence: int = 0) -> Place:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(word, start + 1)
    return Place(span=Span.of(TEXT, start, start + len(word)), name=name, lat=lat, lon=lon, country="MM",
                 admin1="Rakhine" if precision != "country" else None, precision=precision, confidence=confidence)


PAKTAW = _place("Paktaw", name="Pauktaw", precision="town")
EUROPE = _place("Europe", name="Europe", precision="country", lat=48.7, lon=9.1, confidence=0.05)
RAKHINE = _place("Rakhine State", name="Rakhine", precision="admin1", lat=19.2, lon=93.5)
MYANMAR = _place("Myanmar", name="Myanmar", precision="country", lat=21.0, lon=96.0)
DOC = Document(doc="d", text=TEXT, stories=(Story(0, 0, len(TEXT)),))


def _incident(sentence: str, story: int | None = 0) -> Incident:
    start = TEXT.index(sentence)
    return Incident(doc="d", type="arrest", summary=sentence, evidence=(Span.of(TEXT, start, start + len(sentence)),),
                    story=story)


def test_place_in_the_evidence_sentence_wins() -> None:
    (located,) = locate([_incident(TEXT.split(". ")[0])], [EUROPE, PAKTAW, RAKHINE, MYANMAR], DOC)
    assert located.location == PAKTAW


def test_place_inside_an_organisation_name_never_locates() -> None:
    sentence = "Radio Free Europe reported"
    (located,) = locate([_incident(sentence)], [EUROPE], DOC)
    assert located.location is None


def test_story_place_when_the_sentence_names_none() -> None:
    incidents = [_incident("food was short", story=0)]
    sentence_places = [PAKTAW, RAKHINE, _place("Paktaw", name="Pauktaw", precision="town")]
    (located,) = locate(incidents, sentence_places, DOC)
    assert located.location is not None and located.location.name == "Pauktaw"


def test_most_specific_place_of_the_sentence() -> None:
    text = "Soldiers shelled Pauktaw in Rakhine State, Myanmar."
    doc = Document(doc="e", text=text)
    places = [Place(Span.of(text, 17, 24), "Pauktaw", 20.17, 92.9, "MM", "Rakhine", precision="town", confidence=0.9),
              Place(Span.of(text, 28, 41), "Rakhine", 19.2, 93.5, "MM", "Rakhine", precision="admin1", confidence=0.9),
              Place(Span.of(text, 43, 50), "Myanmar", 21.0, 96.0, "MM", precision="country", confidence=0.9)]
    incident = Incident(doc="e", type="attack", summary=text, evidence=(Span.of(text, 0, len(text)),))
    (located,) = locate([incident], places, doc)
    assert located.location.name == "Pauktaw" and located.location.precision == "town"


def test_unresolved_places_and_no_places_give_no_location() -> None:
    unresolved = Place(span=PAKTAW.span)
    (located,) = locate([_incident(TEXT.split(". ")[0])], [unresolved], DOC)
    assert located.location is None
    (located,) = locate([_incident("food was short")], [], DOC)
    assert located.location is None


RELEASE = ("KABUL, Afghanistan (Jan. 10, 2011) – During an operation in Andar district, Ghazni province, "
           "a combined force searched a compound. The force killed two insurgents. "
           "Officials in Afghanistan said the operation continues.")


def _release_place(word: str, name: str, precision: str, admin1: str | None, occurrence: int = 0) -> Place:
    start = -1
    for _ in range(occurrence + 1):
        start = RELEASE.index(word, start + 1)
    return Place(span=Span.of(RELEASE, start, start + len(word)), name=name, lat=33.5, lon=68.4, country="AF",
                 admin1=admin1, precision=precision, confidence=0.9)  # type: ignore[arg-type]


def test_a_story_is_set_in_its_local_place_not_its_dateline_or_country() -> None:
    places = [_release_place("KABUL", "Kabul", "town", "Kabul"),
              _release_place("Afghanistan", "Afghanistan", "country", None),
              _release_place("Andar", "Andar", "admin2", "Ghazni"),
              _release_place("Ghazni", "Ghazni", "admin1", "Ghazni"),
              _release_place("Afghanistan", "Afghanistan", "country", None, occurrence=1)]
    doc = Document(doc="r", text=RELEASE, stories=(Story(0, 0, len(RELEASE)),))
    sentence = "The force killed two insurgents."
    start = RELEASE.index(sentence)
    incident = Incident(doc="r", type="killing", summary=sentence, story=0,
                        evidence=(Span.of(RELEASE, start, start + len(sentence)),))
    (located,) = locate([incident], places, doc)
    assert located.location is not None
    assert (located.location.name, located.location.admin1) == ("Andar", "Ghazni")


WARDAK = ("KABUL, Afghanistan (June 2, 2012) In Chak district, Wardak province, a combined force captured a "
          "Taliban facilitator. The facilitator moved weapons for attacks in Kabul city. "
          "The force detained three more suspects during the operation.")


def _wardak_place(word: str, name: str, precision: str, admin1: str, occurrence: int = 0) -> Place:
    start = -1
    for _ in range(occurrence + 1):
        start = WARDAK.index(word, start + 1)
    return Place(span=Span.of(WARDAK, start, start + len(word)), name=name, lat=34.3, lon=68.6, country="AF",
                 admin1=admin1, precision=precision, confidence=0.9)  # type: ignore[arg-type]


def test_a_story_is_set_in_the_region_most_of_its_places_lie_in() -> None:
    """A sentence that names no place is set where the story is (Wardak, named twice), not in the
    one town another sentence mentions in passing (Kabul)."""
    places = [_wardak_place("KABUL", "Kabul", "town", "Kabul"),
              _wardak_place("Chak", "Chak", "town", "Wardak"),
              _wardak_place("Wardak", "Wardak", "admin1", "Wardak"),
              _wardak_place("Kabul", "Kabul", "town", "Kabul", occurrence=0)]
    doc = Document(doc="w", text=WARDAK, stories=(Story(0, 0, len(WARDAK)),))
    sentence = "The force detained three more suspects during the operation."
    start = WARDAK.index(sentence)
    incident = Incident(doc="w", type="arrest", summary=sentence, story=0,
                        evidence=(Span.of(WARDAK, start, start + len(sentence)),))
    (located,) = locate([incident], places, doc)
    assert located.location is not None and located.location.admin1 == "Wardak"


HELMAND = ("In Helmand province, an observation post spotted insurgents at a firing position in Kajaki district. "
           "Coalition forces engaged the position, killing one insurgent.")


@pytest.mark.parametrize("text", [HELMAND, "Moreover in" + HELMAND[2:]])
def test_a_town_in_a_sentence_that_opens_with_its_region_lies_in_that_region(text: str) -> None:
    """"In Helmand province, ... in Kajaki district": a namesake the gazetteer placed in another
    province gives way to the province the sentence opens with."""
    start = text.index("Helmand")
    helmand = Place(span=Span.of(text, start, start + 7), name="Helmand", lat=31.0, lon=64.0, country="AF",
                    admin1="Helmand", precision="admin1", confidence=0.9)
    start = text.index("Kajaki")
    kajaki = Place(span=Span.of(text, start, start + 6), name="Kaji", lat=34.4, lon=70.3, country="AF",
                   admin1="Nangarhar", precision="town", confidence=0.9)
    doc = Document(doc="h", text=text, stories=(Story(0, 0, len(text)),))
    sentence = "Coalition forces engaged the position, killing one insurgent."
    begin = text.index(sentence)
    incident = Incident(doc="h", type="killing", summary=sentence, story=0,
                        evidence=(Span.of(text, begin, begin + len(sentence)),))
    (located,) = locate([incident], [helmand, kajaki], doc)
    assert located.location is not None and located.location.admin1 == "Helmand"
    assert located.location.span.text == "Kajaki"  # still the place the text names, now in its province
