"""Level words: what "township", "district", "province" ... after or inside a name say.

"Kani township", "Homna upazila", "Lamar County", "Henan province": the level word picks the
kind of gazetteer entry meant (``LEVEL_BONUS``), and when it is part of the name the unit of
that level (``LEVEL_UNITS``). The words and their levels are ``data/gazetteer/admin_terms.txt``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factfinder.geo.names import short_admin_name

# What a level word after or inside a name ("Kani township", "Homna upazila", "Lamar County") says
# about the kind of entry meant: a bonus per kind. A township is also its main town.
LEVEL_BONUS: dict[str, dict[str, float]] = {
    "admin1": {"admin1": 5.0, "region": 5.0},
    "admin2": {"admin2": 5.5, "admin3": 3.0, "city": 4.0},
    "admin3": {"admin3": 5.5, "admin2": 3.0, "city": 4.0, "village_tract": 1.0},
    "town": {"city": 5.0, "point": 5.0, "village": 4.0, "admin3": 2.0},
    "village_tract": {"village_tract": 5.5, "village": 4.0},
    "village": {"village": 5.0, "city": 4.5, "village_tract": 3.0},
}
# The unit a level word names when it is part of the name ("Lamar County", "Rakhine State").
LEVEL_UNITS = {"admin1": {"admin1", "region"}, "admin2": {"admin2"}, "admin3": {"admin3"},
               "village_tract": {"village_tract"}}


def level_after(text: str, end: int, terms: dict[str, str]) -> tuple[str | None, int]:
    """The level named right after a mention ("Henan province" -> admin1) and where it ends."""
    match = re.match(r"\s+([A-Za-z'-]+(?: [A-Za-z'-]+)?)", text[end:end + 40])
    if not match:
        return None, end
    words = match.group(1).split()
    folded = _folded_terms(tuple(terms.items()))
    for n in (2, 1):
        phrase = " ".join(words[:n])
        level = folded.get(phrase.casefold()) or folded.get(_singular(phrase.casefold()))
        if level is not None:
            return level, end + match.start(1) + len(phrase)
    office = _OFFICES.get(words[0].casefold())
    if office is not None and (words[0] != "Gov" or text[end + match.end(1):end + match.end(1) + 1] == "."):
        return office, end  # the office says the level; the name's span and its container gap stay as they are
    return None, end


# "the city of Turkey", "the state of Washington", "the province of Quebec": a level word
# before the name, joined by "of".
_LEVEL_BEFORE = re.compile(r"\b(city|town|village|township|county|province|state|municipality|district|governorate|"
                           r"oblast|prefecture)\s+of\s+$", re.IGNORECASE)  # not "territory", "region": "the border territory of Georgia"


def level_before(text: str, start: int, terms: dict[str, str]) -> str | None:
    """The level named right before a mention by "the X of" ("the city of Turkey" -> town):
    a Texas story's "city of Turkey" is the town, "the state of Georgia" the US state."""
    match = _LEVEL_BEFORE.search(text[max(0, start - 30):start])
    if match is None:
        return None
    return _folded_terms(tuple(terms.items())).get(match.group(1).casefold())


# An office after a name says which unit the name is: "New York Gov. Andrew Cuomo" and "the
# Kandahar governor" a state or province, "Kabul Mayor" and "the Aleppo city council" a town.
_OFFICES = {"gov": "admin1", "governor": "admin1", "legislature": "admin1", "lt": "admin1",
            "mayor": "town"}


def _singular(word: str) -> str:
    """"townships" -> "township", "counties" -> "county": a level word after two names."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


@lru_cache(maxsize=4)
def _folded_terms(items: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Level words by their case-folded form (the first spelling of a form wins, as in the file)."""
    folded: dict[str, str] = {}
    for term, level in items:
        folded.setdefault(term.casefold(), level)
    return folded


def level_inside(surface: str, terms: dict[str, str]) -> tuple[str | None, str]:
    """A span that ends with a level word ("Rakhine State") -> (level, bare name)."""
    words = surface.split()
    if len(words) > 1 and words[-1].capitalize() in terms:
        return terms[words[-1].capitalize()], short_admin_name(surface, terms)
    return None, surface
