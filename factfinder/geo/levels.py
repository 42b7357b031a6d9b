"""Level words: what "township", "district", "province" ... after or inside a name say.

"Kani township", "Homna upazila", "Lamar County", "Henan province": the level word picks the
kind of gazetteer entry meant (``LEVEL_BONUS``), and when it is part of the name the unit of
that level (``LEVEL_UNITS``). The words and their levels are ``data/gazetteer/admin_terms.txt``.

A few words name another level in some countries ("Beni territory" is a district of the DR Congo,
a Swedish county an admin1, an Italian province an admin2): ``data/gazetteer/
level_words_by_country.csv``. Such a word is read as a token of its own (the word, "territory"),
which ``level_of`` turns into the level of the candidate's country; ``level_fit`` and
``level_units`` read any token, so a caller never looks a token up in the tables itself.
"""

from __future__ import annotations

import re
import csv
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factfinder.geo.gazetteer import Candidate

from factfinder.geo.names import admin_terms, data_file, short_admin_name

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
    match = re.match(r"\s+([A-Za-z'-]+(?: [A-Za-z'-]+){0,2})", text[end:end + 40])
    if not match:
        return None, end
    words = match.group(1).split()
    folded = _folded_terms(tuple(terms.items()))
    for n in (3, 2, 1):  # "Kauru Local Government Area", "Ningxia Autonomous Region", "X township"
        phrase = " ".join(words[:n])
        level = folded.get(phrase.casefold()) or folded.get(_singular(phrase.casefold()))
        if level is not None:
            return level_token(phrase, level), end + match.start(1) + len(phrase)
    office = _OFFICES.get(words[0].casefold())
    if office is not None and (words[0] != "Gov" or text[end + match.end(1):end + match.end(1) + 1] == "."):
        return office, end  # the office says the level; the name's span and its container gap stay as they are
    return None, end


# "the city of Turkey", "the state of Washington", "the province of Quebec": a level word
# before the name, joined by "of".
# "the department of Cauca" only in lower case: "the Department of Labor" is a ministry.
_LEVEL_BEFORE = re.compile(r"\b(city|town|village|township|county|province|state|municipality|district|governorate|"
                           r"oblast|prefecture|(?-i:department))\s+of\s+$", re.IGNORECASE)  # not "territory", "region": "the old territory of Georgia"


# A Nigerian local government area named with the state that holds it: "Bida Local Government
# Council of Niger", "Kaura Namoda LGA of Zamfara". An LGA lies in a state and nowhere else, so the name after
# "of" is that state, never the country a bare "Niger" reads as.
_LGA_OF = re.compile(r"\b(?:Local\s+Government\s+(?:Area|Council)|LGA|Area\s+Council)\s+of\s+$")


def level_before(text: str, start: int, terms: dict[str, str]) -> str | None:
    """The level named right before a mention by "the X of" ("the city of Turkey" -> town):
    a Texas story's "city of Turkey" is the town, "the state of Georgia" the US state; and the
    state holding a local government area ("Mokwa LGA of Niger" -> admin1)."""
    if _LGA_OF.search(text, max(0, start - 40), start):
        return "admin1"
    match = _LEVEL_BEFORE.search(text[max(0, start - 30):start])
    if match is None:
        return None
    level = _folded_terms(tuple(terms.items())).get(match.group(1).casefold())
    return level_token(match.group(1), level) if level else None


# An office after a name says which unit the name is: "New York Gov. Kathy Hochul" and "the
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
    """A span that ends with a level word ("Rakhine State") -> (level, bare name).

    The level word may be a phrase of up to three words, in any case: "Faskari Local Government
    Area" and "Faskari LGA" are the local government area Faskari as "Faskari local government area"
    is; read word by word, neither phrase ended in a level word and the whole span, found in no
    gazetteer, was placed at the story's town."""
    words = surface.split()
    folded = _folded_terms(tuple(terms.items()))
    for n in (3, 2):
        phrase = " ".join(words[-n:])
        if len(words) > n and (level := folded.get(phrase.casefold())) is not None:
            return level_token(phrase, level), short_admin_name(" ".join(words[:-n]), terms)
    if len(words) > 1 and (level := folded.get(words[-1].casefold())) is not None:
        return level_token(words[-1], level), short_admin_name(surface, terms)
    return None, surface


@lru_cache(maxsize=1)
def _by_country() -> dict[str, dict[str, str]]:
    """Level words whose level depends on the country (level_words_by_country.csv): the word's
    token ("territory") -> {country: level}."""
    table: dict[str, dict[str, str]] = {}
    lines = data_file("level_words_by_country.csv").read_text(encoding="utf-8").splitlines()
    for word, countries, level in csv.reader(line for line in lines if line.strip() and not line.startswith("#")):
        for country in countries.split("|"):
            table.setdefault(word.casefold(), {})[country] = level
    return table


@lru_cache(maxsize=1)
def _token_default() -> dict[str, str]:
    """The level of each country-dependent token where its country has no row (admin_terms.txt)."""
    folded = _folded_terms(tuple(admin_terms().items()))
    return {token: folded[token] for token in _by_country() if token in folded}


def level_token(word: str, level: str) -> str:
    """The token a level word is read as: its level ("State" -> "admin1"), or for a word whose
    level depends on the country the word itself ("Territory", "territories" -> "territory")."""
    folded = word.casefold()
    for form in (folded, _singular(folded)):
        if form in _by_country():
            return form
    return level


def level_of(token: str | None, country: str | None) -> str | None:
    """The level a token names in a country: "territory" is admin2 in the DR Congo, admin1 elsewhere."""
    if token is None or token not in _by_country():
        return token
    return _by_country()[token].get(country or "", _token_default().get(token))


def level_fit(token: str | None, kind: str, country: str | None) -> float:
    """``LEVEL_BONUS`` of the level a token names in the candidate's country."""
    return LEVEL_BONUS.get(level_of(token, country) or "", {}).get(kind, 0.0)


def level_units(token: str | None, country: str | None) -> set[str]:
    """``LEVEL_UNITS`` of the level a token names in the candidate's country."""
    return LEVEL_UNITS.get(level_of(token, country) or "", set())



def not_the_country(found: list["Candidate"], levels: Counter[str]) -> list["Candidate"]:
    """The readings of a name less its country, when every level word the text puts around the
    name says a first-level division and a division of that name exists ("Mokwa LGA of
    Niger", "police in Niger State"): the country's votes for itself would otherwise
    outweigh the level word. "The state of Israel" keeps its country: no division is named so."""
    if not levels or any(lv != "admin1" for lv in levels):
        return found
    units = [c for c in found if c.kind == "admin1"]
    return [c for c in found if c.kind != "country"] if units else found
