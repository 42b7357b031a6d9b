"""Scoring the event dev sets of ../shared/devsets (CASE 2021, event location, HRDsAttack).

Each tally reads the output-contract records of one document (``incident_record``,
exactly what ``factfinder extract --jsonl`` prints) and the record's ``gold``, and
scores them as ../shared/devsets/README.md and issue 21 say (docs/eval.md):

- case2021: the type of the primary incident, ``none`` without one, must be in the
  class's accept set; and the share of snippets of a real event class (every class
  whose accept set has no ``none``) that give no incident at all.
- event_location: a hit when a gold place span overlaps the ``location.text`` of
  some incident of the sentence (``loc_acc_first``: of the first incident only);
  ``no_loc_abstain``: a sentence with no gold place gives no incident location.
- hrds: on the first incident whose type matches a gold violation, the
  perpetrator given, its class (state / non-state), the country and the day-exact
  date; and violation-type F1 over the document's incident types.

``split_of`` gives the fixed halves of ``--split``: a record is in ``dev`` when the
first byte of sha256(id) is even, in ``check`` when it is odd.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from datetime import date
from functools import lru_cache
from typing import Any, Callable

Record = dict[str, Any]
SPLITS = ("dev", "check")

VIOLENT = frozenset({"attack", "killing", "armed_clash"})
# CASE 2021 class -> the factfinder types (or "none") that count as right (../shared/devsets/README.md).
CASE_ACCEPT: dict[str, frozenset[str]] = {
    **{c: VIOLENT for c in ("AIR_STRIKE", "ART_MISS_ATTACK", "CHEM_WEAP", "GRENADE", "REM_EXPLOS",
                            "SUIC_BOMB", "ATTACK", "MOB_VIOL")},
    "ABDUCT_DISSAP": frozenset({"arrest", "disappearance"}),
    "ARMED_CLASH": frozenset({"armed_clash", "killing"}),
    "ARREST": frozenset({"arrest"}),
    "GOV_REGAINS_TERIT": frozenset({"armed_clash", "other"}),
    "NON_STATE_ACTOR_OVERTAKES_TER": frozenset({"armed_clash", "other"}),
    "NON_VIOL_TERRIT_TRANSFER": frozenset({"other"}),
    "HQ_ESTABLISHED": frozenset({"other"}),
    "CHANGE_TO_GROUP_ACT": frozenset({"other", "legislation", "statement"}),
    "DISR_WEAP": frozenset({"other", "arrest"}),
    "AGREEMENT": frozenset({"other", "statement", "legislation"}),
    "PEACE_PROTEST": frozenset({"protest"}),
    "PROTEST_WITH_INTER": frozenset({"protest"}),
    "VIOL_DEMONSTR": frozenset({"protest"}),
    "FORCE_AGAINST_PROTEST": frozenset({"protest", "attack", "killing"}),
    "PROPERTY_DISTRUCT": frozenset({"property_destruction"}),
    "SEX_VIOL": frozenset({"torture"}),
    "OTHER": frozenset({"other", "humanitarian", "displacement", "killing", "statement"}),
    "ORG_CRIME": frozenset({"none", "arrest", "other"}),
    "NATURAL_DISASTER": frozenset({"none", "humanitarian", "displacement"}),
    "MAN_MADE_DISASTER": frozenset({"none", "humanitarian"}),
    "DIPLO": frozenset({"statement", "sanction", "other"}),
    "ATTRIB": frozenset({"statement", "attack", "killing"}),
}

# HRDsAttack violation -> the factfinder types that report it (../shared/devsets/README.md).
HRDS_VIOLATION_TYPES: dict[str, frozenset[str]] = {
    "arbitrary detention": frozenset({"arrest"}),
    "kidnapping": frozenset({"arrest", "disappearance"}),
    "enforced disappearance": frozenset({"disappearance"}),
    "killing": frozenset({"killing"}),
    "torture": frozenset({"torture"}),
}
HRDS_TYPES = frozenset().union(*HRDS_VIOLATION_TYPES.values())
# Gold perpetrator types by class (issue 21); "insufficient info" and "regional orgs" have none.
PERPETRATOR_CLASS = {
    "state actor": "state", "other state actors": "state",
    "other non-state actors": "non-state", "other actors with permissions": "non-state",
    "other actors without permissions": "non-state",
}
# Actor kinds (model.ACTOR_KINDS, docs/extraction-fields.md) by class; monitors (un, ngo, research,
# media, intergovernmental) are neither.
ACTOR_KIND_CLASS = {
    "state_force": "state", "government": "state", "tribunal": "state",
    "armed_group": "non-state", "criminal": "non-state", "unknown": "non-state", "group": "non-state",
    "company": "non-state",
}


def split_of(record_id: str) -> str:
    """``dev`` or ``check``: the parity of the first byte of sha256(id), fixed for ever."""
    return SPLITS[hashlib.sha256(record_id.encode("utf-8")).digest()[0] % 2]


def primary_incident(incidents: list[Record], *, located: bool = False) -> Record | None:
    """The incident with the most evidence spans (ties: first in output order)."""
    pool = [i for i in incidents if not located or i.get("location")]
    return max(pool, key=lambda i: len(i.get("evidence") or ()), default=None)


def _rate(hits: int, n: int) -> float | None:
    return round(hits / n, 4) if n else None


class CaseTally:
    """Primary-incident type accuracy on CASE 2021, with a confusion table for the notes."""

    def __init__(self) -> None:
        self.docs = self.hits = self.event_docs = self.event_missed = 0
        self.confusion: Counter[tuple[str, str]] = Counter()

    def add(self, gold: Record, incidents: list[Record]) -> None:
        label = gold["event_type"]
        accept = CASE_ACCEPT.get(label)
        if accept is None:
            raise ValueError(f"unknown CASE 2021 class {label!r}; see ../shared/devsets/README.md")
        main = primary_incident(incidents)
        predicted = main["type"] if main else "none"
        self.docs += 1
        self.hits += predicted in accept
        self.confusion[(label, predicted)] += 1
        if "none" not in accept:
            self.event_docs += 1
            self.event_missed += main is None

    def figures(self) -> dict[str, Any]:
        return {"case_type_accuracy": _rate(self.hits, self.docs),
                "event_no_incident_share": _rate(self.event_missed, self.event_docs),
                "event_snippets": self.event_docs}

    def confusion_rows(self) -> list[tuple[str, int, float, str]]:
        """(class, n, accuracy, most common predictions) per gold class, for the notes."""
        rows = []
        for label in sorted({g for g, _ in self.confusion}):
            preds = Counter({p: n for (g, p), n in self.confusion.items() if g == label})
            n = sum(preds.values())
            right = sum(v for p, v in preds.items() if p in CASE_ACCEPT[label])
            rows.append((label, n, round(right / n, 3),
                         ", ".join(f"{p} {v}" for p, v in preds.most_common(4))))
        return rows


def _overlaps(text: str, start: int, end: int, needle: str | None) -> bool:
    """Whether ``needle`` (a location.text) occurs in ``text`` overlapping [start, end)."""
    if not needle:
        return False
    for found in re.finditer(re.escape(needle), text):
        if found.start() < end and start < found.end():
            return True
    return False


class EventLocationTally:
    """The event's own place among the incidents' places (Halterman's sentences)."""

    def __init__(self) -> None:
        self.with_place = self.hits = self.first_hits = 0
        self.without_place = self.abstained = 0

    def add(self, text: str, gold: Record, incidents: list[Record]) -> None:
        places = [(g["start"], g["end"]) for g in gold.get("event_locations") or ()]
        texts = [(inc.get("location") or {}).get("text") for inc in incidents]
        if not places:
            self.without_place += 1
            self.abstained += not any(texts)
            return
        self.with_place += 1

        def hit(needle: str | None) -> bool:
            return any(_overlaps(text, s, e, needle) for s, e in places)
        self.hits += any(hit(t) for t in texts)
        self.first_hits += bool(texts) and hit(texts[0])

    def figures(self) -> dict[str, Any]:
        return {"loc_acc": _rate(self.hits, self.with_place),
                "loc_acc_first": _rate(self.first_hits, self.with_place),
                "no_loc_abstain": _rate(self.abstained, self.without_place),
                "sentences_with_place": self.with_place, "sentences_without_place": self.without_place}


def _norm(name: str | None) -> str:
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")


def gold_day(gold: Record) -> str | None:
    """The gold ``YYYY-MM-DD`` when year, month and day are all given (months come as numbers or names)."""
    year, month, day = gold.get("year"), gold.get("month"), gold.get("day")
    if isinstance(month, str):
        name = month.strip().casefold()
        month = MONTHS.index(name) + 1 if name in MONTHS else (int(name) if name.isdigit() else None)
    try:
        # a day that is no calendar day (a year typed in the day field) is no full date
        return date(int(year), int(month), int(day)).isoformat() if year and month and day else None
    except (TypeError, ValueError):
        return None


@lru_cache(maxsize=1)
def _actor_kinds() -> dict[str, str]:
    """Canonical actor name -> kind, from the shipped alias table (data/actors.csv and its demonyms)."""
    from factfinder.extract.actors import default_matcher

    kinds: dict[str, str] = {}
    for entry in default_matcher().entries:
        kinds.setdefault(entry.canonical, entry.kind)
    return kinds


def perpetrator_class(incident: Record) -> str | None:
    """State or non-state from the first perpetrator whose actor kind has a class.

    The kind is the actor record's ``kind`` key; a record without one (a run saved
    before actors carried it) falls back to the alias table's kind for its name.
    """
    for actor in incident.get("perpetrators") or ():
        found = ACTOR_KIND_CLASS.get(actor.get("kind") or _actor_kinds().get(actor.get("name") or "", ""))
        if found:
            return found
    return None


class HrdsTally:
    """HRDsAttack measures on the first incident whose type matches a gold violation."""

    def __init__(self, country_matches: Callable[[Any, str | None], bool]) -> None:
        self.country_matches = country_matches
        self.docs = self.matched = 0
        self.perp_docs = self.perp_given = 0
        self.class_docs = self.class_hits = 0
        self.country_docs = self.country_hits = 0
        self.date_docs = self.date_hits = 0
        self.type_tp = self.type_pred = self.type_gold = self.type_pred_tp = 0

    def add(self, gold: Record, incidents: list[Record]) -> None:
        self.docs += 1
        violations = [v for v in gold.get("violation_types") or () if v in HRDS_VIOLATION_TYPES]
        accepted = frozenset().union(*(HRDS_VIOLATION_TYPES[v] for v in violations))
        found = next((i for i in incidents if i["type"] in accepted), None)
        self.matched += found is not None
        # violation-type F1: gold violations reported by some incident type, predicted types that report one
        types = {i["type"] for i in incidents} & HRDS_TYPES
        self.type_gold += len(violations)
        self.type_tp += sum(bool(HRDS_VIOLATION_TYPES[v] & types) for v in violations)
        self.type_pred += len(types)
        self.type_pred_tp += sum(t in accepted for t in types)
        # The perpetrator is read on "the first incident whose type matches a gold violation" (issue
        # 21): an article whose violations are all of other kinds (threats, harassment) has no such
        # incident to read, so it is not scored for the perpetrator; one that has a violation of
        # the five kinds but no incident of its type is a miss.
        if gold.get("perpetrator_mention") and violations:
            self.perp_docs += 1
            self.perp_given += bool(found and found.get("perpetrators"))
        wanted = PERPETRATOR_CLASS.get(gold.get("perpetrator_type") or "")
        if wanted and violations:
            self.class_docs += 1
            self.class_hits += found is not None and perpetrator_class(found) == wanted
        # Country and date are read on the same incident: an article whose violations are all of
        # other kinds has none to read them on and is left out, as for the perpetrator.
        if gold.get("country") and violations:
            self.country_docs += 1
            country = ((found or {}).get("location") or {}).get("country")
            names = (gold["country"], gold.get("region"), gold.get("city"))
            self.country_hits += bool(found) and self.country_matches(names, country)
        day = gold_day(gold)
        if day and violations:
            self.date_docs += 1
            date = (found or {}).get("date") or {}
            self.date_hits += date.get("start") == day and date.get("precision") == "day"

    def figures(self) -> dict[str, Any]:
        precision = self.type_pred_tp / self.type_pred if self.type_pred else 0.0
        recall = self.type_tp / self.type_gold if self.type_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"violation_matched": _rate(self.matched, self.docs),
                "perpetrator_given": _rate(self.perp_given, self.perp_docs),
                "perpetrator_class": _rate(self.class_hits, self.class_docs),
                "perpetrator_documents": self.perp_docs,
                "violation_type_f1": round(f1, 4),
                "country": _rate(self.country_hits, self.country_docs),
                "country_documents": self.country_docs,
                "date_day_exact": _rate(self.date_hits, self.date_docs),
                "documents_with_full_date": self.date_docs}


# Special administrative regions that HRDsAttack's coders file under their sovereign (country
# "China", city "Hong Kong"), where ISO 3166-1 and the gazetteer give them codes of their own.
_SOVEREIGN = {"HK": "CN", "MO": "CN"}
# How a gold country field lists several countries ("Myanmar and Iran", "multiple (South Africa, Malawi)").
_LISTED = re.compile(r"[,;/()]|\band\b", re.IGNORECASE)
# A misspelt gold country ("Nigeia", "Columbia") is read as the country whose name is this close.
_SPELLING = 0.85


def country_matcher(gazetteer: Any | None) -> Callable[[Any, str | None], bool]:
    """Compare a gold country with a predicted ISO code through the gazetteer's names
    (without a gazetteer, only a code written as the gold name matches).

    The gold is a name, or the names of the gold country, region and city in that order,
    of which the first that names a country counts: the coders' country field sometimes
    holds a continent with the country in the city field ("Asia", city "Myanmar"). A name
    counts for a country when it is one ("the Netherlands", "People's Republic of China"),
    a first-level division of one typed in the country field ("Texas", "England"), a list
    of countries (any of them), or a misspelling of one ("Nigeia")."""
    cache: dict[str, set[str]] = {}

    def named(name: str) -> set[str]:
        if gazetteer is None:
            return set()
        key = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
        found = gazetteer.lookup(key) if key else []
        codes = {c.country for c in found if c.kind == "country" and c.country}
        if not codes and found and found[0].kind == "admin1" and found[0].country:
            codes = {found[0].country}
        if not codes and len(key) > 3:
            from difflib import get_close_matches

            from factfinder.geo.names import name_key

            for close in get_close_matches(name_key(key), gazetteer.keys_like(name_key(key)), n=5, cutoff=_SPELLING):
                codes |= {c.country for c in gazetteer.lookup(close) if c.kind == "country" and c.country}
        return codes

    def codes(name: str) -> set[str]:
        if gazetteer is None:
            return {name.upper()}
        if name not in cache:
            found = named(name)
            for part in _LISTED.split(name) if not found else ():
                found |= named(part) if part.strip() else set()
            cache[name] = found
        return cache[name]

    def matches(gold: Any, predicted: str | None) -> bool:
        if not predicted:
            return False
        names = [gold] if isinstance(gold, str) else [n for n in gold if isinstance(n, str) and n]
        wanted = next((found for found in map(codes, names) if found), set())
        if predicted in wanted or _SOVEREIGN.get(predicted) in wanted:
            return True
        country = gazetteer.country(predicted) if gazetteer is not None else None
        return country is not None and any(_norm(getattr(country, "name", "")) == _norm(n) for n in names)
    return matches
