"""Name keys and packaged data files of the gazetteer, shared by its builder and its readers.

Kept apart from build.py so that the modules build.py loads (units.py) can use
them without importing the builder back.
"""

from __future__ import annotations

import unicodedata
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
