"""Name keys, division words and packaged data files of the gazetteer, shared by its builders and readers.

Kept apart from build.py so that the modules build.py loads (units.py) can use
them without importing the builder back.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The lookup key of a name: accents folded, case folded, punctuation spaced.

    "Côte d'Ivoire" and "Cote D'Ivoire" share one key; hyphens and dots do not
    matter ("Ye-U" = "Ye U", "U.S." = "US"). Cached: a document asks for the same
    names many times, and a corpus for the same few thousand.
    """
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    folded = folded.replace("’", "'").replace(".", "")
    folded = "".join(" " if ch in "-_/,()" else ch for ch in folded)
    return " ".join(folded.split())


def data_file(name: str) -> Path:
    return Path(str(resources.files("factfinder") / "data" / "gazetteer" / name))


def is_latin_name(text: str) -> bool:
    """Alternate names worth indexing: Latin script, starting with a letter."""
    if len(text) < 2 or not text[0].isalpha():
        return False
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) or ch in "’‘" for ch in text)


@lru_cache(maxsize=1)
def admin_terms() -> dict[str, str]:
    """Generic words of division names (data/gazetteer/admin_terms.txt) -> level.

    Read once per process (callers must not change the dict): the geoparser asks for it
    for every document."""
    terms: dict[str, str] = {}
    for line in data_file("admin_terms.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, level = line.split("\t")
            terms[word] = level
    return terms


def short_admin_name(name: str, terms: Iterable[str]) -> str:
    """"Henan Sheng" -> "Henan", "Wilayat-e Baghlan" -> "Baghlan", "Kyiv Oblast" -> "Kyiv"."""
    words = name.split()
    generic = {t.casefold() for t in terms}
    while len(words) > 1 and words[-1].casefold() in generic:
        words.pop()
    while len(words) > 1 and words[0].casefold() in generic:
        words.pop(0)
    # Chinese autonomous regions carry an ethnic word before Zizhiqu ("Xinjiang Uygur").
    if len(words) == 2 and words[1] in {"Uygur", "Huizu", "Zhuangzu"}:
        words.pop()
    return " ".join(words)
