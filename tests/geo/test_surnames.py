"""A person's surname said alone is that person, not the town of that name (geo/mention_cues.py):
one rule for the mention finder (``mentions._accept_hits``) and the places that name other things
(``setting_places.named_things``), joined in session 12. The sentences are written for the project."""

from __future__ import annotations

import pytest

from factfinder.geo.mention_cues import person_surnames, surname_said_as_place


def _persons(text: str, *names: str) -> list[tuple[int, int, str]]:
    return [(text.index(n), text.index(n) + len(n), "PERSON") for n in names]


def test_the_surname_of_a_person_named_in_full() -> None:
    text = "The reporter Martin Pearl was kidnapped. Pearl had covered the port for Ngozi Adeyemi-Cole."
    # a given name the word list does not know still opens a full name (the mention finder relies on it)
    assert person_surnames(_persons(text, "Martin Pearl", "Ngozi Adeyemi-Cole"), text) == {"Pearl", "Adeyemi-Cole"}
    # a one-word person, or a name of another label, gives no surname
    assert person_surnames(_persons(text, "Pearl") + [(0, 3, "ORG")], text) == frozenset()


@pytest.mark.parametrize("before", ["in", "at", "near", "into", "inside", "outside", "around", "towards",
                                    "In", "near the", "towards the"])
def test_a_locative_before_the_surname_makes_it_a_place(before: str) -> None:
    text = f"Troops moved {before} Pearl on Monday."
    start = text.index("Pearl")
    assert surname_said_as_place(text, start, start + 5)


@pytest.mark.parametrize("text", [
    "A court acquitted four men in the murder case of Pearl.",
    "A friend of Pearl said he had received threats.",
    "A source close to Pearl told reporters.",
    "Police found a phone in Pearl's car.",  # a possessive: the person's car
])
def test_a_surname_after_other_words_or_with_a_possessive_stays_the_person(text: str) -> None:
    start = text.index("Pearl")
    assert not surname_said_as_place(text, start, start + 5)
