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


RELEASE = ("KABUL, Afghanistan (Aug. 14, 2010) – Police officers patrolling Marawara district, Kunar province, "
           "came under fire near a bridge. The attackers killed two officers. "
           "Officials in Afghanistan said the search goes on.")


def _release_place(word: str, name: str, precision: str, admin1: str | None, occurrence: int = 0) -> Place:
    start = -1
    for _ in range(occurrence + 1):
        start = RELEASE.index(word, start + 1)
    return Place(span=Span.of(RELEASE, start, start + len(word)), name=name, lat=33.5, lon=68.4, country="AF",
                 admin1=admin1, precision=precision, confidence=0.9)  # type: ignore[arg-type]


def test_a_story_is_set_in_its_local_place_not_its_dateline_or_country() -> None:
    places = [_release_place("KABUL", "Kabul", "town", "Kabul"),
              _release_place("Afghanistan", "Afghanistan", "country", None),
              _release_place("Marawara", "Marawara", "admin2", "Kunar"),
              _release_place("Kunar", "Kunar", "admin1", "Kunar"),
              _release_place("Afghanistan", "Afghanistan", "country", None, occurrence=1)]
    doc = Document(doc="r", text=RELEASE, stories=(Story(0, 0, len(RELEASE)),))
    sentence = "The attackers killed two officers."
    start = RELEASE.index(sentence)
    incident = Incident(doc="r", type="killing", summary=sentence, story=0,
                        evidence=(Span.of(RELEASE, start, start + len(sentence)),))
    (located,) = locate([incident], places, doc)
    assert located.location is not None
    assert (located.location.name, located.location.admin1) == ("Marawara", "Kunar")


LOGAR = ("KABUL, Afghanistan (May 19, 2012) In Kharwar district, Logar province, police arrested a man "
         "who sold explosives. He had supplied bomb makers in Kabul city. "
         "Police held three more men after the raid.")


def _logar_place(word: str, name: str, precision: str, admin1: str, occurrence: int = 0) -> Place:
    start = -1
    for _ in range(occurrence + 1):
        start = LOGAR.index(word, start + 1)
    return Place(span=Span.of(LOGAR, start, start + len(word)), name=name, lat=33.9, lon=68.9, country="AF",
                 admin1=admin1, precision=precision, confidence=0.9)  # type: ignore[arg-type]


def test_a_story_is_set_in_the_region_most_of_its_places_lie_in() -> None:
    """A sentence that names no place is set where the story is (Logar, by its district and by
    name), not in the one town another sentence mentions in passing (Kabul)."""
    places = [_logar_place("KABUL", "Kabul", "town", "Kabul"),
              _logar_place("Kharwar", "Kharwar", "town", "Logar"),
              _logar_place("Logar", "Logar", "admin1", "Logar"),
              _logar_place("Kabul", "Kabul", "town", "Kabul", occurrence=0)]
    doc = Document(doc="w", text=LOGAR, stories=(Story(0, 0, len(LOGAR)),))
    sentence = "Police held three more men after the raid."
    start = LOGAR.index(sentence)
    incident = Incident(doc="w", type="arrest", summary=sentence, story=0,
                        evidence=(Span.of(LOGAR, start, start + len(sentence)),))
    (located,) = locate([incident], places, doc)
    assert located.location is not None and located.location.admin1 == "Logar"


KANDAHAR = ("In Kandahar province, a border patrol came under rocket fire near a checkpoint in Maiwand district. "
            "Afghan police returned fire, killing one attacker.")


@pytest.mark.parametrize("text", [KANDAHAR, "Moreover in" + KANDAHAR[2:]])
def test_a_town_in_a_sentence_that_opens_with_its_region_lies_in_that_region(text: str) -> None:
    """"In Kandahar province, ... in Maiwand district": a namesake the gazetteer placed in another
    province gives way to the province the sentence opens with."""
    start = text.index("Kandahar")
    kandahar = Place(span=Span.of(text, start, start + 8), name="Kandahar", lat=31.0, lon=65.7, country="AF",
                     admin1="Kandahar", precision="admin1", confidence=0.9)
    start = text.index("Maiwand")
    maiwand = Place(span=Span.of(text, start, start + 7), name="Maywand", lat=33.6, lon=68.2, country="AF",
                    admin1="Ghazni", precision="town", confidence=0.9)
    doc = Document(doc="h", text=text, stories=(Story(0, 0, len(text)),))
    sentence = "Afghan police returned fire, killing one attacker."
    begin = text.index(sentence)
    incident = Incident(doc="h", type="killing", summary=sentence, story=0,
                        evidence=(Span.of(text, begin, begin + len(sentence)),))
    (located,) = locate([incident], [kandahar, maiwand], doc)
    assert located.location is not None and located.location.admin1 == "Kandahar"
    assert located.location.span.text == "Maiwand"  # still the place the text names, now in its province
