"""Name keys, division words and packaged data files of the gazetteer, shared by its builders and readers.

Kept apart from build.py so that the modules build.py loads (units.py) can use
them without importing the builder back.
"""

from __future__ import annotations

import re
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


# Scripts whose place names the gazetteer keeps besides Latin ones, so that documents
# written in them are geoparsed by name (geo/scripts.py): Burmese, Chinese (Han) and
# Arabic script (Arabic, Uyghur). None of them has letter case, so no name of theirs
# enters the English dictionary tagger (which takes capitalised forms only).
# Cyrillic is left out: it has case, and Russian inflects place names.
NAME_SCRIPTS = {"mymr": ((0x1000, 0x109F), (0xAA60, 0xAA7F), (0xA9E0, 0xA9FF)),
                "hani": ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF)),
                "arab": ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))}


def char_script(ch: str) -> str | None:
    """The NAME_SCRIPTS script a character belongs to, else None."""
    code = ord(ch)
    for script, blocks in NAME_SCRIPTS.items():
        if any(low <= code <= high for low, high in blocks):
            return script
    return None


_WHOLE_NAME = {script: re.compile("[" + "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in blocks)
                                   + r"\s\-'’()]*[" + "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in blocks)
                                   + r"][" + "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in blocks)
                                   + r"\s\-'’()]*")
               for script, blocks in NAME_SCRIPTS.items()}


def name_script(text: str) -> str | None:
    """The one NAME_SCRIPTS script all letters and marks of a name are written in, else None.

    A regular expression per script: the gazetteer build asks this of a million names.
    """
    for script, pattern in _WHOLE_NAME.items():
        if pattern.fullmatch(text):
            return script
    return None


def data_file(name: str) -> Path:
    return Path(str(resources.files("factfinder") / "data" / "gazetteer" / name))


def word_list(name: str) -> frozenset[str]:
    """The lines of a packaged word list (``stopnames.txt``, ``given_names.txt`` ...), "#" lines left out."""
    lines = data_file(name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def is_latin_name(text: str) -> bool:
    """Alternate names worth indexing: Latin script, starting with a letter."""
    if len(text) < 2 or not text[0].isalpha():
        return False
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) or ch in "’‘" for ch in text)


def is_kept_name(text: str) -> bool:
    """Alternate names the gazetteer keeps: Latin ones, and those of NAME_SCRIPTS (geo/scripts.py)."""
    return is_latin_name(text) or (len(text) >= 2 and name_script(text) is not None)


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
