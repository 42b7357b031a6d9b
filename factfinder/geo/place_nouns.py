"""The rows of ``data/place_nouns.txt``, read once for the two lists they give.

The file lists the common nouns that frame a place, each with its kind (``noun_kinds``,
read by ``geo/place_words``, ``geo/place_frames``, ``geo/clause_names`` and ``geo/locate``), and
marks the nouns that end a street's name with their abbreviations (``street_words``, read by
``geo/mentions``). It lives apart from ``place_words`` because ``place_words`` imports
``mentions``, which needs the street words: one reader below both keeps the list in one file.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

NO_KIND = "-"
"""The kind of a street word that frames no place by itself ("a recruitment drive")."""


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, ...], ...]:
    text = resources.files("factfinder.data").joinpath("place_nouns.txt").read_text(encoding="utf-8")
    return tuple(tuple(field.strip() for field in line.split("\t"))
                 for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def noun_kinds() -> dict[str, str]:
    """Noun (and its plurals) -> ``area``, ``site`` or ``feature``."""
    kinds: dict[str, str] = {}
    for noun, kind, *_ in _rows():
        if kind == NO_KIND:
            continue
        for form in (noun, noun + "s", noun + "es", noun[:-1] + "ies" if noun.endswith("y") else noun):
            kinds.setdefault(form, kind)
    return kinds


@lru_cache(maxsize=1)
def street_words() -> frozenset[str]:
    """The last words of a street's name as a name writes them: "Road" and "Rd.", "Lane"."""
    words: set[str] = set()
    for noun, _, *street in _rows():
        if street and street[0] == "street":
            words.add(noun.capitalize())
            words.update(street[1:])
    return frozenset(words)
