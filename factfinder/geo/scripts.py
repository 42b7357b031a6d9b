"""Places in documents written in Burmese, Chinese or Arabic script, found by the gazetteer's own names.

(Cyrillic, whose names Russian declines, is matched by cyrillic.py and resolved here.)

The geoparser (parser.py) finds mentions with spaCy's English NER and a
case-sensitive dictionary of capitalised names; on a Burmese or Chinese report
neither finds anything, and running the English model on it would be
nonsense. The gazetteer keeps the names GeoNames and MIMU give places in
these scripts (names.NAME_SCRIPTS; ``burmese_names.csv``), so a document in
one of them is geoparsed by name alone: ``ScriptGeoparser`` finds those names
in the text, with the word boundaries each script has, and resolves them as
the geoparser does (resolve.py). Latin-script text in a language the
extraction does not read (French, Spanish) is matched by the English
dictionary tagger's names, still without NER.

Burmese and Chinese are written without spaces: a name may stand anywhere,
but never cut a Burmese syllable, and a name's level word ("-myo" town, "-shi"
city) may be there or not. A name that is also an ordinary word (small towns,
two-character Chinese names) counts only with its level word after it.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from typing import TYPE_CHECKING, Iterable

from factfinder.geo.cyrillic import CyrillicNames
from factfinder.geo.names import char_script, data_file, name_key, name_script
from factfinder.geo.script_names import bare_name, script_terms
from factfinder.geo.spans import SpanIndex
from factfinder.model import Document, Place, Span

if TYPE_CHECKING:
    from factfinder.geo.gazetteer import Gazetteer
    from factfinder.geo.tagger import DictionaryTagger

_BURMESE_KILLERS = "\u103a\u1039"  # asat and virama: the consonant before them closes the syllable before


def _strong(surface: str, script: str, kind: str, population: int, with_term: bool) -> bool:
    """Whether a name may stand without a level word after it in the text."""
    if with_term or kind in {"country", "admin1", "continent", "region"}:
        return True
    if script == "hani":
        return (len(surface) >= 3 and population >= 20_000) or population >= 300_000
    if script == "mymr":
        return population >= 100_000 or kind in {"admin2", "admin3"}
    return population >= 15_000  # Arabic script is spaced: boundaries do most of the work


class ScriptTagger:
    """Gazetteer names in Burmese, Chinese and Arabic script, matched by Aho-Corasick with each script's boundaries."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        import ahocorasick

        # name -> (length, script, strong); a name strong for one of its places is strong
        entries: dict[str, tuple[int, str, bool]] = {}
        for form, kind, population in _script_forms(gazetteer):
            script = name_script(form)
            if script is None or (script == "hani" and len(form) < 2):
                continue
            strong = _strong(form, script, kind, population, bare_name(form, script) is not None)
            if form not in entries or (strong and not entries[form][2]):
                entries[form] = (len(form), script, strong)
        self._automaton = ahocorasick.Automaton()
        for surface, entry in entries.items():
            self._automaton.add_word(surface, entry)
        self.size = len(entries)
        if entries:
            self._automaton.make_automaton()
        self.cyrillic = CyrillicNames(gazetteer)  # Russian declines names: matched apart (geo/cyrillic.py)

    @classmethod
    def cached(cls, gazetteer: Gazetteer) -> ScriptTagger:
        """The tagger of this gazetteer, from a file beside it when one was saved.

        Building it reads and sorts 130,000 names (several seconds); the file is
        ignored when older than the gazetteer or ``script_terms.csv``, and written
        atomically; a read-only cache only costs the build.
        """
        import os
        import pickle

        path = gazetteer.path.with_suffix(".scripts-2.pickle")  # 2: with the Cyrillic names
        try:
            newest = max(p.stat().st_mtime for p in (gazetteer.path, data_file("script_terms.csv")))
            if path.stat().st_mtime >= newest:
                with path.open("rb") as fh:
                    tagger = pickle.load(fh)
                if isinstance(tagger, cls):
                    return tagger
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass
        tagger = cls(gazetteer)
        try:
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(tagger, fh)
            tmp.replace(path)
        except OSError:
            pass
        return tagger

    def find(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of the longest non-overlapping gazetteer names that stand as names in ``text``."""
        if not self.size:
            return []
        hits: list[tuple[int, int]] = []
        for end_index, (length, script, strong) in self._automaton.iter(text):
            start, end = end_index - length + 1, end_index + 1
            if not self._bounded(text, start, end, script):
                continue
            if not strong and not self._term_after(text, end, script):
                continue
            hits.append((start, end))
        chosen: SpanIndex[tuple[int, int]] = SpanIndex()
        for hit in sorted(hits, key=lambda h: (-(h[1] - h[0]), h[0])):
            if not chosen.overlaps(hit[0], hit[1]):
                chosen.add(hit)
        return list(chosen)

    @staticmethod
    def _term_after(text: str, end: int, script: str) -> bool:
        return any(text.startswith(term, end) for term in script_terms().get((script, "suffix"), ()))

    @staticmethod
    def _bounded(text: str, start: int, end: int, script: str) -> bool:
        """Whether the match stands as a name in its script (not inside a word or a syllable)."""
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        if script == "mymr":
            # never after a stacking virama, never before a sign or a consonant that closes this syllable
            if before == "\u1039" or unicodedata.category(after) in {"Mn", "Mc"}:
                return False
            return not (char_script(after) == "mymr" and text[end + 1:end + 2] in tuple(_BURMESE_KILLERS))
        if script == "hani":
            return True  # no spaces to respect; weak names need their level word (find)
        # Arabic script: word boundaries, allowing an Arabic proclitic before and a Uyghur ending after
        if char_script(before) == "arab":
            prefixes = script_terms().get(("arab", "prefix"), ())
            ahead = text[start - 2] if start >= 2 else " "
            if not (before in prefixes and char_script(ahead) != "arab"):
                return False
        if char_script(after) == "arab" and not unicodedata.category(after).startswith("M"):
            rest = text[end:]
            ending = next((e for e in script_terms().get(("arab", "ending"), ()) if rest.startswith(e)), None)
            if ending is None or char_script(text[end + len(ending):end + len(ending) + 1] or " ") == "arab":
                return False
        return True


def _script_forms(gazetteer: Gazetteer) -> Iterable[tuple[str, str, int]]:
    """(form, kind, population) of every gazetteer name whose first character lies past Latin scripts."""
    conn = sqlite3.connect(f"file:{gazetteer.path}?mode=ro", uri=True)
    try:
        # U+0600 is the first block of NAME_SCRIPTS (Arabic); name_script filters the rest
        return conn.execute("SELECT n.form, p.kind, max(p.population) FROM name n JOIN place p ON p.id = n.place "
                            "WHERE unicode(n.form) >= 1536 GROUP BY n.form, p.kind").fetchall()
    finally:
        conn.close()


class ScriptGeoparser:
    """Place mentions of a document the English geoparser must not read: gazetteer names only, no NER.

    ``gazetteer`` and the English ``dictionary`` tagger (for Latin-script names) are
    injected; the script tagger is loaded on first use (built once per gazetteer, then read from a file).
    """

    def __init__(self, gazetteer: Gazetteer, dictionary: DictionaryTagger | None = None) -> None:
        from factfinder.geo.resolve import Resolver

        self.gazetteer = gazetteer
        self.dictionary = dictionary
        self._resolver = Resolver(gazetteer)
        self._tagger: ScriptTagger | None = None

    @property
    def tagger(self) -> ScriptTagger:
        if self._tagger is None:
            self._tagger = ScriptTagger.cached(self.gazetteer)
        return self._tagger

    def parse(self, document: Document) -> list[Place]:
        """Every gazetteer name of ``document``'s text, resolved in context like the geoparser's mentions."""
        from factfinder.geo.mentions import Mention
        from factfinder.geo.parser import place_from

        text = document.text
        found = [Mention(s, e, text[s:e], "dict") for s, e in self.tagger.find(text)]
        # a Cyrillic name is resolved under its place's gazetteer name (its declined form is not one)
        found += [Mention(s, e, name, "dict") for s, e, name in self.tagger.cyrillic.find(text)]
        if self.dictionary is not None:
            taken = SpanIndex((m.start, m.end) for m in found)
            found += [Mention(s, e, text[s:e], "dict") for s, e in self.dictionary.find(text)
                      if not taken.overlaps(s, e)]
        found.sort(key=lambda m: m.start)
        resolutions = self._resolver.resolve(text, found)
        return [place_from(res.candidate, Span.of(text, m.start, m.end), res.confidence)
                for m, res in zip(found, resolutions) if res.candidate is not None]
