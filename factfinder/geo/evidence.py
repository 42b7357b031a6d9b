"""What the mentions of each name say about it, gathered over the whole document.

One sense per document: every mention of a name adds to one ``Evidence`` (its forms, the
level words around it, the places the text puts around it), and the resolver decides the
name once from all of it ("Sagaing Division" in one sentence settles a bare "Sagaing" in
another). Kept apart from ``resolve.py``, which weighs this evidence, because reading the
text around a mention is a different job from scoring gazetteer entries.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from factfinder.geo.containers import CONTAINER_GAP, POSSESSIVE_GAP, listed
from factfinder.geo.gazetteer import Candidate
from factfinder.geo.levels import level_after, level_before
from factfinder.geo.mentions import Mention, demonyms
from factfinder.geo.quarters import plural_after, quarter_word_end

# candidates_for(surface): (candidates, level written inside the name, the name's key)
Lookup = Callable[[str], tuple[list[Candidate], str | None, str]]


@dataclass
class Evidence:
    """What the mentions of one name say about it, gathered over the document."""

    key: str
    forms: set[str] = field(default_factory=set)
    levels: Counter[str] = field(default_factory=Counter)
    named: Counter[str] = field(default_factory=Counter)  # levels written as part of the name ("Lamar County")
    containers: list[int] = field(default_factory=list)  # indexes of mentions that follow as "X, Y"/"X in Y"
    contained: list[int] = field(default_factory=list)  # indexes of mentions this name follows as their "Y"
    fuzzy: bool = False
    cued: bool = True  # every mention was proposed only by a locative word before it (source "cue")
    near: bool = True  # every mention is a small town's name that nothing but the story's map supports ("near")
    levelled: bool = True  # every mention was proposed by a level word beside it ("X district", source "fuzzy")
    quarter: bool = True  # every mention names a part of a town ("the X neighbourhood", source "quarter")
    guessed: bool = False  # some mention was proposed only for resolution to confirm (source "cue" or "near")
    mates: list[int] = field(default_factory=list)  # indexes of mentions joined to it by "and"/"or" ("Cameroon and Niger")


def gather(text: str, mentions: list[Mention], terms: dict[str, str], candidates_for: Lookup
           ) -> tuple[dict[str, Evidence], dict[str, list[Candidate]], list[str]]:
    """The evidence and the candidates of each name (by key), and the key of each mention."""
    groups: dict[str, Evidence] = {}
    cands: dict[str, list[Candidate]] = {}
    keys: list[str] = []
    contained: dict[int, list[int]] = {}
    for i, m in enumerate(mentions):
        found, level, key = candidates_for(m.text)
        ev = groups.setdefault(key, Evidence(key))
        cands.setdefault(key, [])
        known = {c.id for c in cands[key]}
        cands[key].extend(c for c in found if c.id not in known)
        ev.forms.add(m.text)
        ev.fuzzy = ev.fuzzy or (m.source == "fuzzy" and not found)
        ev.cued = ev.cued and m.source in {"cue", "quarter"}
        ev.quarter = ev.quarter and m.source == "quarter"
        # a name the gazetteer lacks (or a part of a town) that a level word marks, or a known one
        # after its town's possessive ("Giza's Dokki district"); a known word before "city of X"
        # ("the Old city of Aleppo") is a word of the phrase, not a place
        ev.levelled = ev.levelled and (m.source == "quarter" or (m.source == "fuzzy" and (
            not found or text[max(0, m.start - 3):m.start] in {"'s ", "’s "}))) and not plural_after(text, m.end)
        ev.near = ev.near and m.source == "near"
        ev.guessed = ev.guessed or m.source in {"cue", "near"}
        after, after_end = level_after(text, m.end, terms)
        for lv in (level, after or shared_level(text, mentions, i, terms), level_before(text, m.start, terms)):
            if lv:
                ev.levels[lv] += 1
        if level:
            ev.named[level] += 1
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt is not None and not (nxt.embedded and nxt.text in demonyms()):  # "X, Israeli forces" holds nothing
            gap = text[max(after_end, quarter_word_end(text, m.end) if m.source == "quarter" else m.end):nxt.start]
            if (gap.strip() and CONTAINER_GAP.fullmatch(gap) or gap == ", ") and \
                    not (gap.strip() == "," and listed(text, mentions, i)):
                ev.containers.append(i + 1)
                contained.setdefault(i + 1, []).append(i)
        if nxt is not None and _PAIR_GAP.fullmatch(text[m.end:nxt.start]):
            ev.mates.append(i + 1)
        prev = mentions[i - 1] if i else None
        if prev is not None and _PAIR_GAP.fullmatch(text[prev.end:m.start]):
            ev.mates.append(i - 1)
        if prev is not None and POSSESSIVE_GAP.fullmatch(text[prev.end:m.start]):
            ev.containers.append(i - 1)
        keys.append(key)
    for j, inner in contained.items():
        groups[keys[j]].contained.extend(inner)
    return groups, cands, keys


_PAIR_GAP = re.compile(r",? (?:and|or) ")  # "Cameroon and Niger": two names of one kind
_LIST_GAP = re.compile(r",? (?:and|or|&) |, ")  # between two names of one list


def shared_level(text: str, mentions: list[Mention], i: int, terms: dict[str, str]) -> str | None:
    """The level a plural level word after the last name of a list gives every name of it:
    "Niigata and Toyama prefectures", "Borno and Zamfara states", "the Kherson, Zaporizhzhia
    and Donetsk regions" (each a prefecture, state or region, not only the last)."""
    j = i
    while j + 1 < len(mentions) and _LIST_GAP.fullmatch(text[mentions[j].end:mentions[j + 1].start]):
        j += 1
    if j == i:
        return None
    level, end = level_after(text, mentions[j].end, terms)
    word = text[mentions[j].end:end].strip()
    return level if level and word[-1:] in {"s", "S"} else None
