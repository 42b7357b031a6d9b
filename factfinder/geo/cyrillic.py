"""Places in Russian (and other Cyrillic-script) text, by the Cyrillic names GeoNames gives towns.

The gazetteer keeps Latin names and those of unicased scripts (names.NAME_SCRIPTS);
Cyrillic names are left out of it because Cyrillic has letter case (they would
join the English dictionary tagger) and Russian declines place names: "в Москве",
"из Москвы", "под Харьковом" are all Moscow and Kharkiv, and exact names would
miss most mentions. So a Cyrillic document is matched here instead: the Cyrillic
alternate names of the towns the gazetteer was built from (GeoNames cities500,
CC BY 4.0, as packaged by towns.py) and the Russian names of countries (pycountry's
iso-codes translations, LGPL), each tied to its gazetteer place; a capitalised
run of one to three Cyrillic words is looked up as written and with its case
ending put back to the nominative. A hit is handed to resolution under the
place's gazetteer name, so context decides between namesakes as for English.
"""

from __future__ import annotations

import re
import sqlite3
from itertools import product
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factfinder.geo.gazetteer import Gazetteer

# A Cyrillic name as GeoNames writes it: letters, spaces and hyphens only.
CYRILLIC_NAME = re.compile(r"[\u0400-\u04ff]+(?:[ -][\u0400-\u04ff]+)*")
# A capitalised Cyrillic word; a name is a run of up to three of them (hyphens inside a word).
_WORD = re.compile(r"[\u0400-\u042f\u0490\u0404\u0406\u0407\u040e][\u0400-\u04ff]*(?:-[\u0400-\u04ff]+)*")
_MAX_WORDS = 3
# Russian case endings of place names and the nominative endings they may stand for, longest
# first: Москве/Москвы/Москву/Москвой -> Москва, Киеве/Киеву/Киевом -> Киев, Сирии -> Сирия,
# Грозном/Грозного -> Грозный, Нижнем -> Нижний, Чебоксарах -> Чебоксары.
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ией", ("ия",)), ("ого", ("ый", "ий", "ой")), ("ому", ("ый", "ий", "ой")), ("ами", ("ы", "и")),
    ("ями", ("и",)), ("ии", ("ия",)), ("ию", ("ия",)), ("ой", ("а", "ая")), ("ей", ("я", "ь", "ая")),
    ("ом", ("", "ый", "ой", "о")), ("ем", ("ь", "", "ий", "е")), ("ым", ("ый",)), ("им", ("ий",)),
    ("ах", ("ы", "и")), ("ях", ("и",)), ("ую", ("ая",)), ("е", ("а", "", "я", "ь", "о")),
    ("у", ("а", "")), ("ю", ("я", "ь")), ("ы", ("а",)), ("и", ("а", "я", "ь", "и")), ("а", ("", "о")),
    ("я", ("ь", "й")),
)
STRONG_POPULATION = 15_000  # a smaller town shares its name with too many words and surnames
# At a sentence's start every word is capitalised: there a town must be big enough that its name
# is not an ordinary word ("Полиция" is "police" and a Polish town of 33,000).
OPENING_POPULATION = 100_000
# A district's or region's name is an adjective or a town's name before these words; the gazetteer
# has no Cyrillic district names, and the town of the same name would be the wrong place.
_DISTRICT_AFTER = re.compile(r"\s+(?:район|округ|област|край|кра[яю]|уезд|улиц|проспект)", re.I)


def _key(form: str) -> str:
    return form.lower().replace("ё", "е")


def nominatives(word: str) -> list[str]:
    """``word`` as written, then the nominative forms its case ending may stand for (lower case)."""
    word = _key(word)
    forms = [word]
    for ending, bases in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            forms += [word[:-len(ending)] + base for base in bases]
    return list(dict.fromkeys(forms))


class CyrillicNames:
    """Cyrillic town and country names -> the gazetteer name to resolve; only names strong enough to stand alone."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.names: dict[str, tuple[str, int]] = {}  # key -> (gazetteer name, population)
        conn = sqlite3.connect(f"file:{gazetteer.path}?mode=ro", uri=True)
        try:
            places = {gid: (name, population) for gid, name, population in conn.execute(
                "SELECT geonameid, name, max(population) FROM place WHERE kind = 'city' AND geonameid IS NOT NULL "
                "GROUP BY geonameid")}
            countries = dict(conn.execute("SELECT country, name FROM place WHERE kind = 'country'"))
        finally:
            conn.close()
        for form, gid in _town_names():
            name, population = places.get(gid, (None, 0))
            key = _key(form)
            if name is not None and population >= STRONG_POPULATION and population > self.names.get(key, ("", -1))[1]:
                self.names[key] = (name, population)
        for form, code in _country_names():
            if code in countries:
                self.names[_key(form)] = (countries[code], 10**9)  # a country's name wins over a town's

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, gazetteer name) of the Cyrillic place names in ``text``, in order, the longest at each place."""
        words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        found: list[tuple[int, int, str]] = []
        i = 0
        while i < len(words):
            for size in range(min(_MAX_WORDS, len(words) - i), 0, -1):
                run = words[i:i + size]
                if any(text[a[1]:b[0]] not in (" ", "-") for a, b in zip(run, run[1:])):
                    continue  # a name's words stand next to each other
                start, end = run[0][0], run[-1][1]
                hit = self._lookup([text[s:e] for s, e in run], [text[a[1]:b[0]] for a, b in zip(run, run[1:])])
                if hit is None or _DISTRICT_AFTER.match(text, end):
                    continue
                name, population = hit
                if population >= OPENING_POPULATION or not _opens_sentence(text, start):
                    found.append((start, end, name))
                    i += size - 1
                    break
            i += 1
        return found

    def _lookup(self, words: list[str], gaps: list[str]) -> tuple[str, int] | None:
        for forms in product(*(nominatives(w) for w in words)):
            key = forms[0] + "".join(gap + form for gap, form in zip(gaps, forms[1:]))
            if key in self.names:
                return self.names[key]
        return None


def _opens_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"«„(":
        i -= 1
    return i < 0 or text[i] in ".!?:;\n"


def _town_names() -> list[tuple[str, int]]:
    """(Cyrillic name, geonameid) of the towns of more than 15,000 people the gazetteer was built from
    (the packaged cities500 table of towns.py keeps their Cyrillic names, and no smaller town's)."""
    from factfinder.geo.towns import towns

    return [(alias, town["geonameid"]) for town in towns() for alias in town["alternatenames"]
            if CYRILLIC_NAME.fullmatch(alias)]


def _country_names() -> list[tuple[str, str]]:
    """(Russian name, ISO code) of every country: its short and common names as iso-codes translates them."""
    import gettext

    import pycountry

    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    names = []
    for country in pycountry.countries:
        for english in (country.name, getattr(country, "common_name", None)):
            translated = russian.gettext(english) if english else ""
            if translated and translated != english and CYRILLIC_NAME.fullmatch(translated):
                names.append((translated, country.alpha_2))
    return names
