"""Transliteration variants: a name the gazetteer lacks, read as the closest spelling it holds.

"Hlaingbwe" or "Pauk Taw" are written many ways in reports; a name with no exact
reading is tried against the towns and units of the document's own countries only,
so a look-alike on another continent is never taken (docs/geo.md).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from factfinder.geo.gazetteer import Candidate, Gazetteer
from factfinder.geo.names import name_key

_FUZZY_KINDS = frozenset({"city", "admin2", "admin3", "village"})
_FUZZY_TRIES = 40  # the closest keys tried in turn for one country's town or unit


def transliteration_variants(gazetteer: Gazetteer, forms: Iterable[str], doc_countries: Counter[str]) -> list[Candidate]:
    """The name most like the longest of ``forms`` (rapidfuzz ratio >= 80) among the towns and
    units of the document's two main countries; never a look-alike elsewhere."""
    from rapidfuzz import fuzz, process

    form = name_key(max(forms, key=len))
    if not doc_countries or not form:
        return []
    ranked = process.extract(form, gazetteer.keys_like(form), scorer=fuzz.ratio, score_cutoff=80,
                             limit=_FUZZY_TRIES)
    best: list[Candidate] = []
    for cc, _n in doc_countries.most_common(2):
        for key, _score, _index in ranked:
            found = [c for c in gazetteer.lookup(key) if c.country == cc]
            if any(c.kind in _FUZZY_KINDS for c in found):
                best.extend(found)
                break
    return best
