"""Short forms of country names: "Holland", "Trinidad", "Macedonia", "Micronesia", "St Lucia".

The gazetteer knows a country by its own, ISO and common names ("Netherlands", "Trinidad
and Tobago", "North Macedonia", "Micronesia, Federated States of", "Saint Lucia"). News
also writes it by a part of that name or an informal one, and those forms are the main
names of towns ("Holland", Michigan; "Trinidad", Colorado; "Macedonia", Ohio) or of nothing
at all ("Micronesia", "St Lucia"), so the country was never a reading. Here they become a
reading of the country that the resolver adds only where the text reads as a country
(``reads_as_country``): listed with countries, the country named or its people spoken of
elsewhere in the document, or "in X" with no town around it; "Holland, Michigan" and a
Michigan story's "in Holland" stay the town.

The forms are derived by rule from the country names the gazetteer is built from
(``countries.csv`` and pycountry's names), plus the informal names of ``country_forms.csv``.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import Callable

from factfinder.geo.adjectives import add_adjective_readings
from factfinder.geo.gazetteer import Candidate, Gazetteer
from factfinder.geo.mention_cues import Mention, demonyms, stopnames
from factfinder.geo.names import data_file, name_key

_DIRECTION = re.compile(r"^(North|South|East|West)\s+")
_SAINT = re.compile(r"^Saint\s+")
# A form is a reading only after one of these words ("in Holland", "flights to Trinidad").
_LOCATIVE = re.compile(r"\b(in|from|to|into|across|throughout|within|inside|visit(?:ed|ing|s)?|left|leave|"
                       r"return(?:ed|ing|s)? to)\s+$", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*(,|and|or|&|/|,\s*and|,\s*or)\s*")
_CONTAINED = re.compile(r"\s*(,|\()\s*[A-Z]")  # "Holland, Michigan", "Trinidad (Colorado)"
_BIGGER = frozenset({"continent", "region", "country", "admin1"})  # "Africa" of South Africa stays the continent
_MIN_LENGTH = 5  # shorter parts are too often words or surnames ("Turks", "Heard")


def _parts(name: str) -> set[str]:
    """The short forms one country name yields by rule."""
    forms: set[str] = set()
    if ", " in name:  # "Micronesia, Federated States of"
        forms.add(name.split(", ")[0])
    if "(" in name:  # "Holy See (Vatican City State)"
        head, _, rest = name.partition("(")
        forms.update({head.strip(), rest.rstrip(")").strip()})
    for whole in {name, *forms}:
        conjuncts = re.split(r"\s+(?:and|&)\s+", whole)
        if len(conjuncts) > 1:  # "Trinidad and Tobago", "Sao Tome and Principe"
            forms.update(re.sub(r"^the\s+", "", c) for c in conjuncts)
    for whole in {name, *forms}:
        if (m := _DIRECTION.match(whole)) is not None:  # "North Macedonia"
            forms.add(whole[m.end():])
        if "-" in whole and " " not in whole:  # "Timor-Leste"
            forms.add(whole.split("-")[0])
    for whole in list(forms | {name}):
        if _SAINT.match(whole):  # "Saint Lucia" -> "St Lucia", "St. Lucia"
            rest = _SAINT.sub("", whole)
            forms.update({f"St {rest}", f"St. {rest}"})
    return forms


@lru_cache(maxsize=1)
def _country_names() -> dict[str, list[str]]:
    """ISO alpha-2 -> the names the gazetteer builds each country from."""
    import pycountry

    names: dict[str, list[str]] = {}
    with data_file("countries.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            iso = row["iso2"]
            found = [row["name"]]
            country = pycountry.countries.get(alpha_2=iso)
            if country is not None:
                found += [n for a in ("name", "common_name", "official_name") if (n := getattr(country, a, None))]
            names[iso] = found
    return names


@lru_cache(maxsize=1)
def country_forms() -> dict[str, str]:
    """name_key of a short form -> the ISO alpha-2 of its country.

    A form that two countries yield ("Korea", "Congo", "Guinea"), that is a whole name of
    some country ("Sudan" of South Sudan), a demonym or a stop name is left out.
    """
    whole = {name_key(n) for names in _country_names().values() for n in names}
    seen: dict[str, set[str]] = {}
    for iso, names in _country_names().items():
        for name in names:
            for form in _parts(name):
                seen.setdefault(form, set()).add(iso)
    with data_file("country_forms.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            seen.setdefault(row["name"], set()).add(row["iso2"])
    skip = demonyms() | stopnames()
    forms: dict[str, str] = {}
    for form, isos in seen.items():
        key = name_key(form)
        if len(isos) == 1 and len(form) >= _MIN_LENGTH and key not in whole and form not in skip \
                and form[0].isupper():
            forms[key] = next(iter(isos))
    return forms


@lru_cache(maxsize=1)
def form_pattern() -> tuple[re.Pattern[str], frozenset[str]]:
    """The surface forms as one case-sensitive pattern on word boundaries (for the mention
    finder), and their first words: a text holding none of them is not searched."""
    surfaces: set[str] = set()
    for names in _country_names().values():
        for name in names:
            surfaces.update(f for f in _parts(name) if name_key(f) in country_forms())
    with data_file("country_forms.csv").open(encoding="utf-8", newline="") as fh:
        surfaces.update(row["name"] for row in csv.DictReader(line for line in fh if not line.startswith("#"))
                        if name_key(row["name"]) in country_forms())
    alternatives = "|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True))
    return re.compile(rf"(?<![\w’'-])({alternatives})(?![\w-])"), frozenset(s.split()[0] for s in surfaces)


def form_mentions(text: str, mentions: list[Mention], known: Callable[[str], bool]) -> list[Mention]:
    """``mentions`` with the short forms of ``text`` that no gazetteer entry bears and no
    mention covers ("Micronesia": neither the dictionary nor the shapes propose it). A form
    the gazetteer knows ("Holland") is left to the mention finder, which knows "Tom
    Holland" for a person."""
    pattern, first_words = form_pattern()
    if not any(word in text for word in first_words):
        return mentions
    found = {(m.start(), m.end()): m.group() for m in pattern.finditer(text)}
    if not found:
        return mentions
    # A form only a locative proposed ("from ... St Lucia") is a name of the dictionary all the same.
    kept = [replace(m, source="dict") if (m.start, m.end) in found and m.source in {"cue", "near"} else m
            for m in mentions]
    added = [Mention(s, e, surface, "dict") for (s, e), surface in found.items()
             if not any(m.start < e and s < m.end for m in mentions) and not known(surface)]
    return sorted(kept + added, key=lambda m: m.start)


def reads_as_country(iso2: str, key: str, text: str, mentions: list[Mention], keys: list[str],
                     country_keys: set[str], doc_countries: Counter[str], town_countries: set[str | None]) -> bool:
    """Whether the mentions of the short form ``key`` read as its country ``iso2``.

    Yes when one of them is listed with a country ("Fiji, Micronesia and St Lucia";
    ``country_keys`` are the names read as countries), when the document's other names vote
    for the country (it is named, or its people are: "Dutch") more than for any country of the
    form's town readings, or when one follows "in",
    "from", "to" ... and none of the form's town readings lies in the document's countries
    ("moved to Holland" in a story set nowhere else). Never when a mention is followed by its
    container ("Holland, Michigan").
    """
    own = [i for i, k in enumerate(keys) if k == key]
    if any(_CONTAINED.match(text, mentions[i].end) for i in own):
        return False
    votes = doc_countries.get(iso2, 0)
    if votes > 0 and votes > max((doc_countries.get(c or "", 0) for c in town_countries), default=0):
        return True
    for i in own:
        m = mentions[i]
        for j in (i - 1, i + 1):
            if 0 <= j < len(mentions) and keys[j] in country_keys:
                gap = text[mentions[j].end:m.start] if j < i else text[m.end:mentions[j].start]
                if _LIST_GAP.fullmatch(gap):
                    return True
    located = any(_LOCATIVE.search(text[max(0, mentions[i].start - 20):mentions[i].start]) for i in own)
    return located and not (town_countries & set(doc_countries))


def add_country_readings(gazetteer: Gazetteer, text: str, mentions: list[Mention], keys: list[str],
                         cands: dict[str, list[Candidate]], doc_countries: Counter[str]) -> None:
    """Put the country first among the readings of each short form whose mentions read as
    that country (``reads_as_country``); the resolver's score then weighs it like any other
    reading. A form that already names a continent, region, country or admin1 is left alone.
    The place adjectives of ``adjectives.py`` ("Sicilian") get their place the same way."""
    forms = country_forms()
    country_keys = {k for k, found in cands.items() if k in forms or any(c.kind == "country" and c.primary
                                                                          for c in found[:3])}
    for key, found in cands.items():
        iso = forms.get(key)
        if iso is None or any(c.kind in _BIGGER for c in found):
            continue
        country = gazetteer.country(iso)
        if country is not None and reads_as_country(iso, key, text, mentions, keys, country_keys, doc_countries,
                                                    {c.country for c in found}):
            cands[key] = [country] + found
    add_adjective_readings(gazetteer, keys, cands)
