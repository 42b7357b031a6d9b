"""The dictionary tagger: gazetteer names found in a text by Aho-Corasick matching.

Case-sensitive, on word boundaries; built once per gazetteer and saved beside it.
Which matches become place mentions is decided in ``mentions.find_mentions``.
"""

from __future__ import annotations

from factfinder.geo.names import data_file
from factfinder.geo.gazetteer import Gazetteer
from factfinder.geo.mention_cues import place_cue, stopnames
from factfinder.geo.spans import SpanIndex


class DictionaryTagger:
    """Case-sensitive multi-pattern matching of gazetteer names (Aho-Corasick)."""

    def __init__(self, gazetteer: Gazetteer, *, min_population: int = 2000) -> None:
        import ahocorasick

        self._automaton = ahocorasick.Automaton()
        stop = stopnames()
        for form, kind, population, primary, curated in gazetteer.tagger_forms(min_population=min_population):
            if (len(form) < 3 and not (form.isupper() and kind != "city")) or not form[0].isupper() or form in stop:
                continue
            strong = kind != "city" or curated or self._strong_city_form(form, population, primary)
            if not strong and not primary and population < 50_000:
                continue
            previous = self._automaton.get(form, None)
            if previous is None or (strong and not previous[2]):
                self._automaton.add_word(form, (len(form), kind, strong))
        self._automaton.make_automaton()

    @classmethod
    def cached(cls, gazetteer: Gazetteer, *, min_population: int = 2000) -> "DictionaryTagger":
        """The tagger of this gazetteer, from a file beside it when one was saved (~10x faster).

        The file is written by factfinder itself next to the gazetteer, replaced
        atomically, and ignored when older than the gazetteer or ``stopnames.txt``.
        """
        import hashlib
        import os
        import pickle

        # The stop list's content names the file: installs or checkouts with other stop lists that
        # share the cache never read each other's tagger (a file's time alone did not tell them apart).
        stop_list = data_file("stopnames.txt")
        digest = hashlib.sha256(stop_list.read_bytes()).hexdigest()[:12]
        path = gazetteer.path.with_suffix(f".tagger-{min_population}-{digest}.pickle")
        try:
            inputs = (gazetteer.path, stop_list)  # an edited stop list rebuilds it too
            if path.stat().st_mtime >= max(p.stat().st_mtime for p in inputs):
                with path.open("rb") as fh:
                    tagger = cls.__new__(cls)
                    tagger._automaton = pickle.load(fh)
                    return tagger
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass
        tagger = cls(gazetteer, min_population=min_population)
        try:
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(tagger._automaton, fh)
            tmp.replace(path)
        except OSError:
            pass  # a read-only cache only costs the rebuild next time
        return tagger

    @staticmethod
    def _strong_city_form(form: str, population: int, primary: bool) -> bool:
        """City names the dictionary may propose without NER: main names, big or multi-word.

        Alternate names of towns include ordinary English words ("Human", "The");
        a one-word name of a small town is too often a common word.
        """
        if not primary:
            return False
        return population >= 100_000 or (" " in form and population >= 15_000)

    def find(self, text: str) -> list[tuple[int, int]]:
        """Longest non-overlapping matches on word boundaries that may stand alone.

        A small town's name (a weak entry) counts only where the text marks a
        place: "in/at/near/from X" before it or ", Region" after it. (Small towns
        inside organisation names were tried: mostly surnames and acronyms.)
        """
        return [(s, e) for s, e, strong in self.find_all(text) if strong or place_cue(text, s, e)]

    def find_all(self, text: str) -> list[tuple[int, int, bool]]:
        """Every longest match with whether it may stand alone (strong) or needs a cue."""
        hits: list[tuple[int, int, bool]] = []
        for end_index, (length, _kind, strong) in self._automaton.iter(text):
            start, end = end_index - length + 1, end_index + 1
            # A hyphen is a boundary: "anti-Russian", "Syrian-Turkish border" hold places too.
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "’'"):
                continue
            if end < len(text) and text[end].isalnum():
                continue
            hits.append((start, end, strong))
        chosen: SpanIndex[tuple[int, int, bool]] = SpanIndex()
        for hit in sorted(hits, key=lambda h: (-(h[1] - h[0]), not h[2])):
            if not chosen.overlaps(hit[0], hit[1]):
                chosen.add(hit)
        return list(chosen)
