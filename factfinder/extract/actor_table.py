"""The actor alias table: the rows of ``data/actors.csv`` and the state bodies generated for every
country ("Serbian police", "Thai authorities" -> "Thai government", "government of Nicaragua").

What the table holds is decided here; whether a match of an alias in a text names that actor
is ``actor_gates``'s, and which actor it names in its document ``actors.ActorMatcher``'s.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from factfinder.errors import FactfinderError
from factfinder.extract.country_heading import DEMONYMS_PATH

ACTORS_PATH = Path(__file__).resolve().parent.parent / "data" / "actors.csv"

# State bodies generated for every country adjective: words after the adjective -> (body, kind).
# "Serbian police" -> "Serbian police"; "Thai authorities" -> "Thai government".
STATE_BODIES: dict[str, tuple[str, str]] = {
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
    # a court of the armed forces is named as such ("Myanmar military courts"), not as the army
    "military courts": ("military courts", "government"), "military court": ("military courts", "government"),
    "military tribunals": ("military courts", "government"),
    "government officials": ("government", "government"),
    "intelligence officers": ("intelligence services", "state_force"),
    "intelligence agents": ("intelligence services", "state_force"),
    "prison authorities": ("prison authorities", "state_force"), "prison guards": ("prison authorities", "state_force"),
    "prison officials": ("prison authorities", "state_force"), "border guards": ("border guards", "state_force"),
    "prosecutors": ("prosecutors", "government"), "parliament": ("parliament", "government"),
    # a head of state's guard ("officers of the Republican Guard" under the heading ALBANIA)
    "republican guard": ("Republican Guard", "state_force"),
}


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


# Generic state bodies that take the document's country, and the demonym alias that names
# them nationally ("courts" -> "Russian courts", "prison authorities" -> "Russian prison guards").
GENERIC_BODIES = {"courts": "courts", "military courts": "military courts", "security forces": "security forces",
                  "prison authorities": "prison guards",
                  "border guards": "border guards", "authorities": "authorities",
                  "military": "armed forces", "police": "police", "Republican Guard": "Republican Guard",
                  "National Assembly": "National Assembly"}


def read_entries(path: Path | None = None) -> list[ActorEntry]:
    """The rows of an alias file (canonical, alias, kind, country, source[, gate]; lines starting "#"
    are notes), with the generated state bodies when it is the shipped file."""
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
        entries.extend(state_bodies(entries, DEMONYMS_PATH))
    return entries


def state_bodies(entries: list[ActorEntry], path: Path) -> list[ActorEntry]:
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
        for words, (body, _) in STATE_BODIES.items():
            by_body.setdefault(body, []).append(words)
        for body, phrases in by_body.items():
            kind = STATE_BODIES[phrases[0]][1]
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
