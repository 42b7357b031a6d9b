"""Actors: organisations, armed groups, state bodies, companies and affected groups.

``ActorMatcher`` finds the aliases of ``data/actors.csv`` in text and returns them
under one canonical name ("military council troops", "Tatmadaw" -> "Myanmar
military"). It never returns a person: the alias file holds no person names,
and a match that follows an honorific ("Mr.", "Maj. Gen.", "U") is dropped, so
person names stay inside evidence text only.

Matching is one Aho-Corasick pass over the lower-cased text, longest match
first. Proper-noun aliases must start with a capital in the text ("Amnesty",
not "amnesty"); all-caps acronyms match their exact case, and the short ones
marked ``gate=context`` in the file ("AA", "PDF", "SAF") only count when the
document defines them ("Rakhine Army (AA)") or names another actor of the
same country, because two letters mean many things.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from factfinder.extract.actor_gates import HONORIFIC_RE, MODIFIER_RE, NAME_GOES_ON_RE, NAMED_BEFORE_RE, \
    acts_as_state, quoted_label, tail_of_name
from factfinder.extract.actor_table import ACTORS_PATH, GENERIC_BODIES, JOINT, ActorEntry, read_entries
from factfinder.extract.country_heading import demonyms, heading_country
from factfinder.model import Actor, Span

__all__ = ["ACTORS_PATH", "JOINT", "ActorEntry", "ActorMatcher", "default_matcher", "heading_country"]

_DEFINITION_RE = re.compile(r"\s*\(\s*([A-Z][A-Za-z]{1,7}s?)\s*\)")
_POLICE_IN_RE = re.compile(r"[^.;\n]{0,50}")
# The words by which a text calls an armed group's people its state's: "Taliban officials", "the
# Taliban administration", "Taliban intelligence officials" ("Houthi authorities" rule a part of a
# country whose government is another: tests/extract/test_roles_agents.py).
_RULING_RE = re.compile(r"\s+(?:intelligence\s+|security\s+|local\s+)?(?:officials|administration|"
                        r"government|ministry|ministries)\b")
# "the group", "the armed group", "the jihadist group" standing for a group the story has named
# Document contexts kept (``ActorMatcher._context``): as many as the Extractor parses in one batch
# (``Extractor.extract_many``'s documents_per_batch), so at most one batch's texts stay referenced.
_CONTEXTS = 32
_GROUP_ANAPHOR_RE = re.compile(r"\b[Tt]he (?:(?:armed|militant|jihadist|extremist|terrorist|terror|rebel|insurgent) )?"
                               r"group\b(?!\s+of\b|['\u2019]s (?:members|leader))")


class ActorMatcher:
    """Finds actor aliases in text and names them canonically."""

    def __init__(self, entries: Iterable[ActorEntry]) -> None:
        import ahocorasick

        self.entries = tuple(entries)
        self._automaton = ahocorasick.Automaton()
        by_alias: dict[str, list[ActorEntry]] = {}
        for entry in self.entries:
            by_alias.setdefault(entry.alias.lower(), []).append(entry)
        for alias, group in by_alias.items():
            self._automaton.add_word(alias, (len(alias), tuple(group)))
        if by_alias:
            self._automaton.make_automaton()
        self._empty = not by_alias
        self._by_canonical: dict[str, ActorEntry] = {}
        for entry in self.entries:
            self._by_canonical.setdefault(entry.canonical, entry)
        self._countries: dict[str, str] | None = None
        self._ruler_cache: tuple[str, str | None] | None = None
        self._contexts: dict[str, tuple[frozenset[str], frozenset[str], dict[str, ActorEntry], str | None]] = {}
        # (country, "military"/"police") -> the national canonical name, for generic "soldiers", "police"
        self._national: dict[tuple[str, str], str] = {}
        for entry in self.entries:
            alias = entry.alias.lower()
            if entry.country and entry.kind == "state_force" and entry.gate == "":
                body = "military" if alias.endswith((" army", " military")) else (
                    "police" if alias.endswith(" police") else None)
                if body:
                    self._national.setdefault((entry.country, body), entry.canonical)

    @classmethod
    def load(cls, path: Path | None = None) -> "ActorMatcher":
        """Read an alias file (canonical, alias, kind, country, source[, gate]); lines starting "#" are notes."""
        return cls(read_entries(path))

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Actor]:
        """Actors named in text[start:end], longest match first, in text order."""
        end = len(text) if end is None else end
        if self._empty or start >= end:
            return []
        context = self._context(text)
        raw = self._raw_matches(text, start, end)
        raw.extend(self._defined_matches(text, start, end, context[2]))
        raw.extend(self._group_anaphors(text, start, end))
        chosen: list[tuple[int, int, ActorEntry]] = []
        for s, e, entry in sorted(raw, key=lambda m: (m[0] - m[1], m[0])):
            if any(s < ce and cs < e for cs, ce, _ in chosen):
                continue
            if entry.gated and entry.canonical not in context[0] and entry.country not in context[1] \
                    and entry.country != context[3]:
                continue
            chosen.append((s, e, entry))
        chosen.sort(key=lambda m: m[0])
        return [Actor(name, Span.of(text, s, e), entry.kind)
                for s, e, entry in chosen
                for name in self._refine(text, s, e, entry, context[3]).split(JOINT)]

    def state_body(self, text: str, body: str) -> tuple[str, str]:
        """(name, kind) of a generic state body of the document's country: "courts" in a report
        under the heading RUSSIAN FEDERATION -> ("Russian courts", "government"); without a
        country, the generic name ("security forces"). ``body`` is one of ``GENERIC_BODIES``."""
        home = self._context(text)[3]
        entry = self._by_canonical.get(body)
        name = self._refine(text, len(text), len(text), entry, home) if entry else body
        fallback = "government" if body in ("courts", "authorities") else "state_force"
        return name, self.kind_of(name) or (entry.kind if entry else fallback)

    def kind_of(self, canonical: str) -> str | None:
        """The kind of a canonical actor name ("Arakan Army" -> "armed_group"), None when unknown."""
        entry = self._by_canonical.get(canonical)
        return entry.kind if entry else None

    def _raw_matches(self, text: str, start: int, end: int) -> list[tuple[int, int, ActorEntry]]:
        # a typographic apostrophe reads as the table's straight one ("governor’s office"); same length
        lower = text[start:end].lower().replace("\u2019", "'")
        found = []
        for last, (length, group) in self._automaton.iter(lower):
            s, e = start + last - length + 1, start + last + 1
            if (s > 0 and text[s - 1].isalnum()) or (e < len(text) and text[e].isalnum()):
                continue
            surface = text[s:e]
            for entry in group:
                if entry.acronym and surface != entry.alias:
                    continue
                if entry.proper and not surface[:1].isupper():
                    continue
                if HONORIFIC_RE.search(text[max(0, s - 12):s]):
                    continue
                if entry.gate == "state" and not acts_as_state(text, s, e):
                    continue
                if not entry.proper and quoted_label(text, s, e):
                    continue  # blamed "terrorists": a speaker's label, not an actor the report names
                if not entry.proper and MODIFIER_RE.match(text, e):
                    continue  # "police station", "army base": a place or a thing, not the actor
                if surface.lower() == "authorities" and NAMED_BEFORE_RE.search(text, max(0, s - 40), s):
                    continue  # "Houthi authorities", "Taliban authorities": a named body, not the state's
                if " " not in entry.alias and surface[:1].isupper() and tail_of_name(text, s) \
                        and (entry.proper or NAME_GOES_ON_RE.match(text, e)):
                    continue  # "Indian National Congress", "Citizens Coalition for Change": another body's name
                if not entry.proper and entry.kind in ("state_force", "government", "armed_group") \
                        and not entry.country and self._armed_group_before(text, s):
                    continue  # "Taliban intelligence officials", "Fano militias": the group's own name
                found.append((s, e, entry))
                break
        return found

    def _group_anaphors(self, text: str, start: int, end: int) -> list[tuple[int, int, ActorEntry]]:
        """"The group executed four aid workers": "the group" names the armed group the story named
        last, when the last organisation it named is one ("ISWAP ... the group"); after an NGO or a
        newspaper ("Human Rights Watch said the group ...") it names no actor."""
        found = []
        for m in _GROUP_ANAPHOR_RE.finditer(text, start, end):
            before = [(s, entry) for s, _, entry in self._raw_matches(text, max(0, m.start() - 3000), m.start())
                      if entry.proper and not entry.gated and entry.kind not in ("group", "state_force", "government")]
            if before:
                entry = max(before, key=lambda b: b[0])[1]
                if entry.kind == "armed_group":
                    found.append((m.start(), m.end(), entry))
        return found

    def _armed_group_before(self, text: str, s: int) -> bool:
        """Whether the word right before ``s`` names an armed group ("Taliban", "Houthi")."""
        found = NAMED_BEFORE_RE.search(text, max(0, s - 40), s)
        if found is None:
            return False
        word = found.group().strip().lower()
        hit: tuple[int, tuple[ActorEntry, ...]] | None = self._automaton.get(word, None)
        return hit is not None and any(entry.kind == "armed_group" for entry in hit[1])

    def _defined_matches(self, text: str, start: int, end: int,
                         defined: dict[str, ActorEntry]) -> list[tuple[int, int, ActorEntry]]:
        """Acronyms the document defines for a known actor: "Rakhine Army (AA)" makes "AA" that actor."""
        found = []
        for acronym, entry in defined.items():
            for m in re.finditer(rf"\b{re.escape(acronym)}\b", text[start:end]):
                s = start + m.start()
                found.append((s, s + len(acronym), ActorEntry(entry.canonical, acronym, entry.kind, entry.country)))
        return found

    def _context(self, text: str) -> tuple[frozenset[str], frozenset[str], dict[str, ActorEntry], str | None]:
        """The document context of ``text``, computed once per document and kept for its sentences.

        The Extractor reads a batch of documents twice (their candidates before the parse, their
        roles after it), so the contexts of the last ``_CONTEXTS`` documents are kept, not the
        last one only (which computed every context twice: 2.5% of extraction CPU, session 11)."""
        context = self._contexts.get(text)
        if context is None:
            context = self._document_context(text)
            if len(self._contexts) >= _CONTEXTS:
                del self._contexts[next(iter(self._contexts))]  # the oldest document
            self._contexts[text] = context
        return context

    def _document_context(self, text: str) -> tuple[frozenset[str], frozenset[str], dict[str, ActorEntry], str | None]:
        """(canonicals, countries, defined acronyms, the document's country) named ungated in the document.

        The document's country is the one that at least two thirds of its national
        state and armed actors belong to; generic "soldiers" and "police" take it.
        """
        canonicals, countries, defined = set(), set(), {}
        national: dict[str, int] = {}
        last_end = -1
        # leftmost-longest in one sweep: a 5 MB report has hundreds of thousands of matches
        for s, e, entry in sorted(self._raw_matches(text, 0, len(text)), key=lambda m: (m[0], m[0] - m[1])):
            if entry.gated or s < last_end:
                continue
            last_end = e
            canonicals.add(entry.canonical)
            if entry.country:
                countries.add(entry.country)
                if entry.kind in ("state_force", "government", "armed_group"):
                    national[entry.country] = national.get(entry.country, 0) + 1
            m = _DEFINITION_RE.match(text, e)
            if m and not entry.acronym:
                defined[m.group(1)] = entry
        total = sum(national.values())
        home = max(national, key=national.__getitem__) if national else None
        if home is not None and national[home] * 3 < total * 2:
            home = None
        # An annual report prints its country as a heading ("RUSSIAN FEDERATION"): it
        # names the country of every generic "police" or "court" below it, and wins.
        home = heading_country(text) or home
        return frozenset(canonicals), frozenset(countries), defined, home

    def _refine(self, text: str, s: int, e: int, entry: ActorEntry, home: str | None = None) -> str:
        """Generic forces take a country: the one stated ("Police in Almaty in Kazakhstan" ->
        "Kazakhstan police"), else the document's ("soldiers" in a Myanmar report -> "Myanmar military")."""
        if entry.canonical == "authorities" and home and (ruler := self._ruler(text, home)) is not None:
            return ruler
        if entry.canonical == "military":
            return (self._national.get((home, "military")) or self._national_body(home, "military")) if home \
                else entry.canonical
        if entry.canonical in GENERIC_BODIES and entry.canonical != "police":
            return self._national_body(home, entry.canonical) if home else entry.canonical
        if entry.canonical != "police":
            return entry.canonical
        window = match.group() if (match := _POLICE_IN_RE.match(text, e)) else ""
        if re.match(r"\s+in\b", window):
            for word in re.findall(r"[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?|[A-Z][\w'-]+", window):
                for name in (word, word.split()[0]):
                    country = self._country_names().get(name.lower())
                    if country:
                        return f"{country} police"
        if home:
            return self._national.get((home, "police")) or self._national_body(home, "police")
        return entry.canonical

    def _ruler(self, text: str, home: str) -> str | None:
        """The armed group that governs the document's country, as the document tells it: one whose
        people it calls officials or its administration ("Taliban officials detained ...", "the Taliban
        administration"). There "the authorities" and "the government" are that group, not the state
        the group displaced. Read once per document."""
        if self._ruler_cache is not None and self._ruler_cache[0] is text:
            return self._ruler_cache[1]
        ruler = next((entry.canonical for _, e, entry in self._raw_matches(text, 0, len(text))
                      if entry.kind == "armed_group" and entry.country == home and _RULING_RE.match(text, e)), None)
        self._ruler_cache = (text, ruler)
        return ruler

    def _national_body(self, home: str, body: str) -> str:
        """"courts" in a Russian report -> "Russian courts", through the generated demonym aliases."""
        demonym = demonyms().get(home)
        if demonym is None:
            return body
        for alias in (f"{demonym} {body}", f"{demonym} {GENERIC_BODIES[body]}"):
            found = self._automaton.get(alias.lower(), None)
            if found is not None:
                entry: ActorEntry = found[1][0]
                return entry.canonical
        return body

    def _country_names(self) -> dict[str, str]:
        if self._countries is None:
            import pycountry

            names: dict[str, str] = {}
            for country in pycountry.countries:
                short = getattr(country, "common_name", None) or country.name
                for name in (country.name, short):
                    names[name.lower()] = short
            self._countries = names
        return self._countries


@lru_cache(maxsize=2)
def default_matcher() -> ActorMatcher:
    """The shipped alias file, loaded once per process."""
    return ActorMatcher.load()
