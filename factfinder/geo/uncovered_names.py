"""Persons' names in the sentences extraction did not parse, read from their shape.

Extraction runs NER only on the sentences that hold a trigger and hands those entities to
the geo stage (``Extraction.entities``), so the rest of an article reaches the place finder
with no entity at all: there a gazetteer name inside a person's name is taken for a town
("threats from Wilbur Okello's fighters" read as Wilbur, a small American town). Such a
false town is then the most local place of its story, and the incidents whose own sentences
name no place borrow it as their setting (``geo/story_setting.py``), in the wrong country.

``geoparse`` alone reads the whole text by the names' shapes (``geo/shapes.py``), which
know a town's name before an unknown word for a given name ("Florence Pugh"). This step
gives the place finder the same person spans where NER said nothing: a shape-read person
that overlaps no NER entity. NER's own spans always win where it ran; organisations and
facilities the shapes read are left out (NER's reading of the parsed sentences keeps them,
and a facility span would add places).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from factfinder.geo.spans import SpanIndex

Entity = tuple[int, int, str]
_LABELS = frozenset({"PERSON", "ORG", "LOC", "GPE", "NAME"})


def with_shape_persons(text: str, entities: Sequence[Entity], shapes: Callable[[str], list[Entity]]) -> list[Entity]:
    """``entities`` and the persons ``shapes(text)`` reads that overlap none of them, in text order."""
    taken = SpanIndex((s, e) for s, e, _label in entities)
    added = [(s, e, label) for s, e, label in shapes(text) if label in _LABELS and not taken.overlaps(s, e)]
    return sorted([*entities, *added])
