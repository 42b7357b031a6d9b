"""Adjectives of places that the gazetteer lacks: "a Sicilian lemon", "the English city of ...".

Geoparsing corpora count a place's adjective before a noun as a mention of the place (the
gazetteer already reads the demonyms of ``countries.csv``: "French forces" is France). The
adjectives of ``data/gazetteer/place_adjectives.csv`` are not names of their places there
("Korean", "Sicilian", "Latin American", the adjectives of the UK's nations), so nothing found
them, or a shorter name inside one was read instead ("American" of "Latin American", the United
States). Here an adjective becomes a mention where it qualifies a word that follows it (not
"in English", "the Welsh said"), marked ``embedded``: it says what a thing is related to and
never locates an event. Resolution reads it as its place (``add_adjective_readings``).
"""

from __future__ import annotations

import csv
import re
from dataclasses import replace
from functools import lru_cache

from factfinder.geo.gazetteer import Candidate, Gazetteer
from factfinder.geo.mention_cues import COMMON_WORDS, Mention, demonyms
from factfinder.geo.names import data_file, name_key

# Words after an adjective that show it standing as a noun (a people, a language): "the Welsh
# have", "translated into English and ...", "many Koreans who".
_NOUN_AFTER = frozenset(
    "and or is are was were has have had who whom which that said says say will would can could to in on at "
    "of for from with by as than do did does may might should also too is isn't".split())
_WORD_AFTER = re.compile(r" ([A-Za-z][\w’'-]*)")
_WORD_BEFORE = re.compile(r"\b([A-Z][\w’'-]*) $")


@lru_cache(maxsize=1)
def place_adjectives() -> dict[str, tuple[str, str]]:
    """adjective -> (place name, kind of the gazetteer entry it names)."""
    with data_file("place_adjectives.csv").open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {row["adjective"]: (row["place"], row["kind"]) for row in rows}


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The first word of every adjective: a text holding none of them needs no pattern search."""
    return frozenset(a.split()[0] for a in place_adjectives())


@lru_cache(maxsize=1)
def _places_by_key() -> dict[str, tuple[str, str]]:
    """``place_adjectives`` by the folded key the resolver looks names up by."""
    return {name_key(adjective): place for adjective, place in place_adjectives().items()}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(a) for a in sorted(place_adjectives(), key=len, reverse=True))
    return re.compile(rf"(?<![\w’'.-])({alternatives})(?![\w’'-])")


def qualifies(text: str, end: int) -> bool:
    """Does the word ending at ``end`` stand before a word it qualifies ("Sicilian lemon"), or
    share with another qualifier the word after both ("Korean and US flags")?"""
    nxt = _WORD_AFTER.match(text, end)
    if nxt is None:
        return False
    if nxt.group(1) in {"and", "or"}:
        shared = _SHARED_NOUN.match(text, nxt.end())
        return shared is not None and shared.group(1).lower() not in _NOUN_AFTER
    return nxt.group(1).lower() not in _NOUN_AFTER


# "... and US flags", "... or Japanese officials": one more capitalised qualifier, then a noun.
_SHARED_NOUN = re.compile(r" [A-Z][\w’'.-]* ([a-z][\w’'-]*)")


def _surname(text: str, start: int) -> bool:
    """Is the word at ``start`` the last word of a person's name ("Bill English", "Dawn French")?
    A capitalised word before it that is no article, common word or adjective of a place says so
    ("Bosnian Serb" is two adjectives)."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return False
    word = before.group(1)
    return word.lower() not in COMMON_WORDS and word not in place_adjectives() and word not in demonyms()


def adjective_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the place adjectives of ``text`` that qualify a word. An adjective
    replaces the shorter mentions inside it ("American" of "Latin American") and yields to a
    longer one around it ("South Korean", a country's own demonym)."""
    if not any(word in text for word in _first_words()):
        return mentions
    found = [m for m in _pattern().finditer(text) if qualifies(text, m.end()) and not _surname(text, m.start())]
    if not found:
        return mentions
    kept = list(mentions)
    for match in found:
        start, end = match.span()
        inside = [m for m in kept if start <= m.start and m.end <= end and (m.start, m.end) != (start, end)]
        if any(m.start < end and start < m.end for m in kept if m not in inside):
            continue
        kept = [m for m in kept if m not in inside]
        kept.append(Mention(start, end, match.group(), "dict", embedded=True))
    return sorted(kept, key=lambda m: m.start)


def add_adjective_readings(gazetteer: Gazetteer, keys: list[str], cands: dict[str, list[Candidate]]) -> None:
    """Put the place an adjective names first among the readings of its key, as its own main
    name ("Sicilian" reads as Sicilia, the admin1, over any town that bears the word)."""
    wanted = _places_by_key()
    for key in set(keys):
        target = wanted.get(key)
        if target is None:
            continue
        place, kind = target
        reading = next((c for c in gazetteer.lookup(place) if c.kind == kind), None)
        if reading is not None:
            found = cands.get(key, [])
            cands[key] = [replace(reading, primary=True)] + [c for c in found if c.id != reading.id]
