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

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from factfinder.errors import FactfinderError
from factfinder.extract.country_heading import DEMONYMS_PATH, demonyms, heading_country
from factfinder.model import Actor, Span

ACTORS_PATH = Path(__file__).resolve().parent.parent / "data" / "actors.csv"

# State bodies generated for every country adjective: words after the adjective -> (body, kind).
# "Serbian police" -> "Serbian police"; "Thai authorities" -> "Thai government".
_STATE_BODIES: dict[str, tuple[str, str]] = {
    "government": ("government", "government"), "authorities": ("government", "government"),
    "officials": ("government", "government"), "regime": ("government", "government"),
    "interior ministry": ("government", "government"), "foreign ministry": ("government", "government"),
    "defence ministry": ("government", "government"), "defense ministry": ("government", "government"),
    "justice ministry": ("government", "government"), "embassy": ("government", "government"),
    "police": ("police", "state_force"), "police force": ("police", "state_force"),
    "riot police": ("police", "state_force"), "police officers": ("police", "state_force"),
    "army": ("armed forces", "state_force"), "military": ("armed forces", "state_force"),
    "armed forces": ("armed forces", "state_force"), "troops": ("armed forces", "state_force"),
    "soldiers": ("armed forces", "state_force"), "forces": ("armed forces", "state_force"),
    "air force": ("armed forces", "state_force"), "navy": ("armed forces", "state_force"),
    "security forces": ("security forces", "state_force"),
    "intelligence services": ("intelligence services", "state_force"),
    "intelligence service": ("intelligence services", "state_force"),
    "intelligence agency": ("intelligence services", "state_force"),
    "judiciary": ("judiciary", "government"), "courts": ("courts", "government"),
    "prison authorities": ("prison authorities", "state_force"), "prison guards": ("prison authorities", "state_force"),
    "prison officials": ("prison authorities", "state_force"), "border guards": ("border guards", "state_force"),
    "prosecutors": ("prosecutors", "government"), "parliament": ("parliament", "government"),
}

_HONORIFIC_RE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Maj|Lt|Col|Capt|Sgt|Sen|Rep|Gov|Pres|Rev|St)\.?|\b(?:U|Daw|Ko|Ma|Sayadaw|Sheikh|Mullah|Mawlawi))\s+$")
_DEFINITION_RE = re.compile(r"\s*\(\s*([A-Z][A-Za-z]{1,7}s?)\s*\)")
_POLICE_IN_RE = re.compile(r"[^.;\n]{0,50}")
_MODIFIER_RE = re.compile(
    r"\s+(?:station|stations|post|posts|headquarters|base|bases|barracks|checkpoint|checkpoints|database|"
    r"car|cars|vehicle|vehicles|van|truck|trucks|uniform|uniforms|cell|cells|compound|camp|camps|hospital|"
    r"academy|school|college|coup|takeover|court|courts|tribunal)\b", re.IGNORECASE)
_NAMED_BEFORE_RE = re.compile(r"\b[A-Z][\w'-]*\s+$")
_STATE_PREVIOUS = frozenset(
    "in from to across of within into throughout at near outside inside around for over via toward towards "
    "visit visited visiting between mainland southern northern eastern western central".split())


# A capitalised word in mid-sentence (after a lower-case word, a comma or a bracket) right before
# a one-word national alias makes it the tail of another name ("the Trinamool Congress").
_NAME_HEAD_RE = re.compile(r"(?:[a-z,(][\"'’]?\s+|\()([A-Z][\w'-]+)\s+$")


# A name that goes on after a word: "... Coalition for Change", "... Army of Liberation", "... Police Service".
_NAME_GOES_ON_RE = re.compile(r"\s+(?:(?:for|of|and|de|del)\s+)?[A-Z]")


def _tail_of_name(text: str, s: int) -> bool:
    """Whether a one-word national alias at ``s`` ends a longer proper name; a country or
    demonym before it ("Ugandan Parliament") keeps it that country's body."""
    found = _NAME_HEAD_RE.search(text, max(0, s - 60), s)
    if found is None:
        return False
    word = found.group(1).lower()
    return word not in _national_words()


@lru_cache(maxsize=1)
def _national_words() -> frozenset[str]:
    from factfinder.extract.country_heading import _country_codes

    return frozenset(_country_codes()) | {d.lower() for d in demonyms().values()} | {"us", "u.s.", "the"}


def _acts_as_state(text: str, s: int, e: int) -> bool:
    """"China brands ...", "Beijing denied": a country or capital as actor, not as a place or modifier."""
    previous = [w.lower() for w in re.findall(r"[\w']+", text[max(0, s - 24):s])]
    if previous and previous[-1] == "the":
        previous.pop()  # "in the United States"
    if previous and previous[-1] in _STATE_PREVIOUS:
        return False
    if re.search(r"[A-Z][\w'-]+,\s*$", text[max(0, s - 30):s]):
        return False  # "Urumqi, China": the country of a place
    following = text[e:e + 30]
    if re.match(r",\s*[A-Z]", following) or re.match(r"\s+[A-Z]", following):
        return False  # a dateline "BEIJING, China" or a modifier "Beijing Olympics"
    return True


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One row of the alias file."""

    canonical: str
    alias: str
    kind: str
    country: str
    gate: str = ""  # "", "context" (ambiguous acronym) or "state" (a country or capital as state actor)

    @property
    def gated(self) -> bool:
        return self.gate == "context"

    @property
    def acronym(self) -> bool:
        return self.alias.replace(".", "").replace("-", "").isupper() and " " not in self.alias

    @property
    def proper(self) -> bool:
        return self.alias[:1].isupper()


# A canonical name "A + B" names a joint force ("Afghan and coalition forces"): one
# mention, two actors, as event coders list both parties of a combined operation.
JOINT = " + "


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
        self._context_cache: tuple[str, tuple[frozenset[str], frozenset[str], dict[str, ActorEntry], str | None]] \
            | None = None
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
        path = path or ACTORS_PATH
        try:
            lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
        except OSError as exc:
            raise FactfinderError(f"cannot read the actor alias file {path}: {exc.strerror}; "
                                  f"reinstall factfinder or pass an existing file") from exc
        entries = []
        for row in csv.DictReader(lines):
            if not row.get("canonical") or not row.get("alias"):
                raise FactfinderError(f"{path}: a row lacks canonical or alias ({row}); fix the file")
            entries.append(ActorEntry(row["canonical"].strip(), row["alias"].strip(), (row.get("kind") or "").strip(),
                                      (row.get("country") or "").strip(), (row.get("gate") or "").strip()))
        if path == ACTORS_PATH and DEMONYMS_PATH.exists():
            entries.extend(_state_bodies(entries, DEMONYMS_PATH))
        return cls(entries)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Actor]:
        """Actors named in text[start:end], longest match first, in text order."""
        end = len(text) if end is None else end
        if self._empty or start >= end:
            return []
        context = self._context(text)
        raw = self._raw_matches(text, start, end)
        raw.extend(self._defined_matches(text, start, end, context[2]))
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
        country, the generic name ("security forces"). ``body`` is one of ``_GENERIC_BODIES``."""
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
        lower = text[start:end].lower()
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
                if _HONORIFIC_RE.search(text[max(0, s - 12):s]):
                    continue
                if entry.gate == "state" and not _acts_as_state(text, s, e):
                    continue
                if not entry.proper and _MODIFIER_RE.match(text, e):
                    continue  # "police station", "army base": a place or a thing, not the actor
                if surface.lower() == "authorities" and _NAMED_BEFORE_RE.search(text, max(0, s - 40), s):
                    continue  # "Houthi authorities", "Taliban authorities": a named body, not the state's
                if " " not in entry.alias and surface[:1].isupper() and _tail_of_name(text, s) \
                        and (entry.proper or _NAME_GOES_ON_RE.match(text, e)):
                    continue  # "Trinamool Congress", "Citizens Coalition for Change": another body's name
                if not entry.proper and entry.kind in ("state_force", "government") and not entry.country \
                        and self._armed_group_before(text, s):
                    continue  # "Taliban intelligence officials": the group's, not the state's
                found.append((s, e, entry))
                break
        return found

    def _armed_group_before(self, text: str, s: int) -> bool:
        """Whether the word right before ``s`` names an armed group ("Taliban", "Houthi")."""
        found = _NAMED_BEFORE_RE.search(text, max(0, s - 40), s)
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
        """The document context of ``text``, computed once per document and kept for its sentences."""
        cached = self._context_cache
        if cached is not None and (cached[0] is text or cached[0] == text):
            return cached[1]
        context = self._document_context(text)
        self._context_cache = (text, context)
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
        if entry.canonical == "military":
            return (self._national.get((home, "military")) or self._national_body(home, "military")) if home \
                else entry.canonical
        if entry.canonical in _GENERIC_BODIES and entry.canonical != "police":
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

    def _national_body(self, home: str, body: str) -> str:
        """"courts" in a Russian report -> "Russian courts", through the generated demonym aliases."""
        demonym = demonyms().get(home)
        if demonym is None:
            return body
        for alias in (f"{demonym} {body}", f"{demonym} {_GENERIC_BODIES[body]}"):
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


# Generic state bodies that take the document's country, and the demonym alias that names
# them nationally ("courts" -> "Russian courts", "prison authorities" -> "Russian prison guards").
_GENERIC_BODIES = {"courts": "courts", "security forces": "security forces", "prison authorities": "prison guards",
                   "border guards": "border guards", "authorities": "authorities",
                   "military": "armed forces", "police": "police"}


def _state_bodies(entries: list[ActorEntry], path: Path) -> list[ActorEntry]:
    """"<Demonym> police/government/army/..." for every country, unless actors.csv names it already.

    When actors.csv has any alias of the same country and body ("Israeli army" -> "Israel Defense
    Forces"), every generated alias of that body takes its canonical name, so one force keeps one name.
    """
    known = {e.alias.lower(): e for e in entries}
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    generated: list[ActorEntry] = []
    national: dict[tuple[str, str], ActorEntry] = {}  # one name per country and body across its adjectives
    for row in csv.DictReader(lines):
        demonym, country = row["demonym"].strip(), row["country"].strip()
        by_body: dict[str, list[str]] = {}
        for words, (body, _) in _STATE_BODIES.items():
            by_body.setdefault(body, []).append(words)
        for body, phrases in by_body.items():
            kind = _STATE_BODIES[phrases[0]][1]
            aliases = [f"{demonym} {words}" for words in phrases]
            if body == "government":
                aliases.append(f"government of {row['name'].strip()}")
            existing = next((known[a.lower()] for a in aliases if a.lower() in known), None)
            existing = national.get((country, body), existing)
            canonical = existing.canonical if existing else f"{demonym} {body}"
            for alias in aliases:
                if alias.lower() not in known:
                    generated.append(ActorEntry(canonical, alias, existing.kind if existing else kind, country))
                    known[alias.lower()] = generated[-1]
            national.setdefault((country, body), existing or known[aliases[0].lower()])
            if body == "government" and row["name"].strip().lower() not in known:
                # "Thailand deported ...": the country as state actor, under the same gate as "China"
                name = row["name"].strip()
                generated.append(ActorEntry(canonical, name, "government", country, "state"))
                known[name.lower()] = generated[-1]
    return generated


@lru_cache(maxsize=2)
def default_matcher() -> ActorMatcher:
    """The shipped alias file, loaded once per process."""
    return ActorMatcher.load()
