"""The country an annual report's paragraph is about, from its heading ("RUSSIAN FEDERATION").

NGO annual reports print each country as a heading line and then never name it:
generic "police", "a court" or "guards" under it are that country's. The
demonyms of ``data/actor_demonyms.csv`` turn the country into its state bodies'
names ("Russian courts"); see factfinder/extract/actors.py.
"""

from __future__ import annotations

import csv
import unicodedata
from functools import lru_cache
from pathlib import Path

DEMONYMS_PATH = Path(__file__).resolve().parent.parent / "data" / "actor_demonyms.csv"


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Country code -> its first demonym in ``data/actor_demonyms.csv`` ("RU" -> "Russian")."""
    lines = [line for line in DEMONYMS_PATH.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    found: dict[str, str] = {}
    for row in csv.DictReader(lines):
        found.setdefault(row["country"].strip(), row["demonym"].strip())
    return found


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    """Lower-cased country names (short, official, common, and the demonym file's) -> ISO code."""
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.setdefault(_plain(value), country.alpha_2)
    lines = [line for line in DEMONYMS_PATH.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    for row in csv.DictReader(lines):
        names.setdefault(_plain(row["name"]), row["country"].strip())
    return names


def heading_country(text: str) -> str | None:
    """The ISO code of a country printed as the text's heading line ("RUSSIAN FEDERATION\n"), else None."""
    first = text.lstrip()[:60].split("\n", 1)
    if len(first) < 2 or not first[0].strip().isupper():
        return None
    name = _plain(first[0])
    codes = _country_codes()
    # "MOROCCO AND WESTERN SAHARA", "ISRAEL AND THE OCCUPIED PALESTINIAN TERRITORIES": the first names the state
    for candidate in (name, name.split(" and ")[0], name.split("/")[0].strip()):
        code = codes.get(candidate) or codes.get(candidate.removeprefix("the "))
        if code:
            return code
    return None


def _plain(name: str) -> str:
    """Lower case without accents or dots on capitals: "TÜRKİYE" and "Türkiye" both read "turkiye"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
