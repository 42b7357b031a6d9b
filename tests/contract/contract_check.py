"""A checker of the output contract of ../shared/DESIGN.md, record by record.

``check_stream(records)`` returns a list of problems (empty when the stream
satisfies the contract): keys and types of every record, the vocabularies,
dates as YYYY-MM-DD with start <= end, ISO alpha-2 countries, non-empty
evidence, every ``text`` inside a field an exact substring of its document's
text and every evidence span ``text == document_text[start:end]``, exactly one
``document`` record per input before its other records, and in ``--jsonl``
mode the line's ``id`` on every record.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from factfinder.model import (
    ACTOR_KINDS, COUNT_CATEGORIES, DATE_PRECISIONS, INCIDENT_TYPES, PLACE_PRECISIONS, QUALIFIERS, SOURCE_KINDS, VERIFICATIONS,
)

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_INCIDENT_KEYS = {"record", "doc", "story", "type", "subtype", "acled", "summary", "date", "location", "perpetrators", "targets",
                  "counts", "attribution", "verification", "evidence"}
_STATISTIC_KEYS = {"record", "doc", "measure", "category", "value", "qualifier", "unit", "as_of", "place",
                   "attribution", "evidence"}
_DOCUMENT_KEYS = {"record", "doc", "title", "published", "language", "text"}


def _countries() -> set[str]:
    import pycountry

    return {c.alpha_2 for c in pycountry.countries} | {"XK"}  # Kosovo: user-assigned, used by GeoNames


class _Checker:
    def __init__(self, *, jsonl: bool) -> None:
        self.jsonl = jsonl
        self.problems: list[str] = []
        self.countries = _countries()
        self.doc_text: str | None = None
        self.doc_sha: str | None = None
        self.doc_id: Any = None
        self.documents = 0

    def fail(self, n: int, message: str) -> None:
        self.problems.append(f"record {n}: {message}")

    # --- fields -------------------------------------------------------------

    def day(self, n: int, where: str, value: Any, *, nullable: bool = True) -> None:
        if value is None and nullable:
            return
        if not isinstance(value, str) or not _DAY.match(value):
            self.fail(n, f"{where} {value!r} is not YYYY-MM-DD")
            return
        from datetime import date

        try:
            date.fromisoformat(value)
        except ValueError:
            self.fail(n, f"{where} {value!r} is not a real day")

    def substring(self, n: int, where: str, value: Any, *, nullable: bool = False) -> None:
        if value is None and nullable:
            return
        if not isinstance(value, str) or not value:
            self.fail(n, f"{where} must be a non-empty string, got {value!r}")
        elif self.doc_text is not None and value not in self.doc_text:
            self.fail(n, f"{where} {value[:60]!r} is not a substring of the document text")

    def evidence(self, n: int, spans: Any) -> None:
        if not isinstance(spans, list) or not spans:
            self.fail(n, "evidence must be a non-empty list")
            return
        for span in spans:
            if not isinstance(span, Mapping) or set(span) != {"start", "end", "text"}:
                self.fail(n, f"evidence span {span!r} must have exactly start, end, text")
                continue
            start, end, text = span["start"], span["end"], span["text"]
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
                self.fail(n, f"evidence offsets {start!r}..{end!r} are not 0 <= start < end")
            elif self.doc_text is not None and self.doc_text[start:end] != text:
                self.fail(n, f"evidence {start}..{end} does not equal document_text[start:end]")

    def vocabulary(self, n: int, where: str, value: Any, allowed: Iterable[str]) -> None:
        if value not in tuple(allowed):
            self.fail(n, f"{where} {value!r} is not one of the contract's values")

    def country(self, n: int, where: str, value: Any) -> None:
        if value is not None and value not in self.countries:
            self.fail(n, f"{where} {value!r} is not an ISO 3166-1 alpha-2 code")

    def number(self, n: int, where: str, value: Any, *, nullable: bool = False) -> None:
        if value is None and nullable:
            return
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(n, f"{where} {value!r} is not a number")

    def attribution(self, n: int, items: Any) -> None:
        if not isinstance(items, list):
            self.fail(n, "attribution must be a list")
            return
        for a in items:
            if not isinstance(a, Mapping) or set(a) != {"source", "kind", "text"}:
                self.fail(n, f"attribution {a!r} must have exactly source, kind, text")
                continue
            if not isinstance(a["source"], str) or not a["source"]:
                self.fail(n, "attribution source must be a non-empty string")
            self.vocabulary(n, "attribution kind", a["kind"], SOURCE_KINDS)
            self.substring(n, "attribution text", a["text"])

    def location(self, n: int, where: str, loc: Any, *, full: bool) -> None:
        if loc is None:
            return
        keys = {"name", "lat", "lon", "country", "admin1", "admin2", "geonameid", "precision", "text"} if full \
            else {"name", "country", "precision"}
        if not isinstance(loc, Mapping) or set(loc) != keys:
            self.fail(n, f"{where} must have exactly {sorted(keys)}")
            return
        self.country(n, f"{where} country", loc["country"])
        if loc["precision"] is not None:
            self.vocabulary(n, f"{where} precision", loc["precision"], PLACE_PRECISIONS)
        if full:
            self.substring(n, f"{where} text", loc["text"])
            self.number(n, f"{where} lat", loc["lat"], nullable=True)
            self.number(n, f"{where} lon", loc["lon"], nullable=True)
            if (loc["lat"] is None) != (loc["lon"] is None):
                self.fail(n, f"{where} lat and lon must be both null or both set")
            if loc["lat"] is not None and not (-90 <= loc["lat"] <= 90 and -180 <= loc["lon"] <= 180):
                self.fail(n, f"{where} coordinates out of range")

    # --- records ------------------------------------------------------------

    def record(self, n: int, rec: Any) -> None:
        if not isinstance(rec, Mapping) or "record" not in rec:
            self.fail(n, "not an object with a 'record' key")
            return
        kind = rec["record"]
        if kind == "error":
            if set(rec) != {"record", "id", "line", "message"} or not isinstance(rec["message"], str):
                self.fail(n, "an error record has exactly record, id, line, message (a string)")
            return
        if self.jsonl and "id" not in rec:
            self.fail(n, "in --jsonl mode every record carries the line's id")
        if kind == "document":
            self.document(n, rec)
            return
        if self.doc_sha is None:
            self.fail(n, f"{kind} record before any document record")
        elif rec.get("doc") != self.doc_sha:
            self.fail(n, f"{kind} record's doc does not match the document record before it")
        if self.jsonl and rec.get("id") != self.doc_id:
            self.fail(n, f"{kind} record's id {rec.get('id')!r} differs from its document's {self.doc_id!r}")
        if kind == "incident":
            self.incident(n, rec)
        elif kind == "statistic":
            self.statistic(n, rec)
        elif kind != "place":
            self.fail(n, f"unknown record kind {kind!r}")

    def document(self, n: int, rec: Mapping[str, Any]) -> None:
        self.documents += 1
        missing = _DOCUMENT_KEYS - set(rec)
        if missing:
            self.fail(n, f"document record lacks {sorted(missing)}")
        if not isinstance(rec.get("doc"), str) or not _SHA256.match(rec["doc"]):
            self.fail(n, "document doc must be a lower-case SHA-256 hex digest")
        if not isinstance(rec.get("text"), str):
            self.fail(n, "document text must be a string")
        self.day(n, "published", rec.get("published"))
        self.doc_text, self.doc_sha, self.doc_id = rec.get("text"), rec.get("doc"), rec.get("id")

    def confidence(self, n: int, value: Any) -> None:
        fields = {"incident", "type", "location", "date", "counts", "actors"}
        if not isinstance(value, Mapping) or set(value) != fields:
            self.fail(n, f"confidence must have exactly {sorted(fields)}")
            return
        for name, p in value.items():
            if isinstance(p, bool) or not isinstance(p, (int, float)) or not 0.0 <= p <= 1.0:
                self.fail(n, f"confidence {name} must be a number in [0, 1]")

    def incident(self, n: int, rec: Mapping[str, Any]) -> None:
        keys = set(rec) - {"id", "confidence"}  # confidence: an extra key (issue 15), checked below
        if keys != _INCIDENT_KEYS:
            self.fail(n, f"incident keys differ from the contract: {sorted(keys ^ _INCIDENT_KEYS)}")
            return
        if "confidence" in rec:
            self.confidence(n, rec["confidence"])
        self.vocabulary(n, "type", rec["type"], INCIDENT_TYPES)
        self.taxonomy(n, rec["type"], rec["subtype"], rec["acled"])
        if rec["story"] is not None and (not isinstance(rec["story"], int) or rec["story"] < 0):
            self.fail(n, "story must be a non-negative integer or null")
        self.substring(n, "summary", rec["summary"])
        date = rec["date"]
        if date is not None:
            if not isinstance(date, Mapping) or set(date) != {"start", "end", "precision", "text"}:
                self.fail(n, "date must have exactly start, end, precision, text")
            else:
                self.day(n, "date start", date["start"], nullable=False)
                self.day(n, "date end", date["end"], nullable=False)
                if isinstance(date["start"], str) and isinstance(date["end"], str) and date["start"] > date["end"]:
                    self.fail(n, "date start is after its end")
                self.vocabulary(n, "date precision", date["precision"], DATE_PRECISIONS)
                self.substring(n, "date text", date["text"], nullable=True)
        self.location(n, "location", rec["location"], full=True)
        for role in ("perpetrators", "targets"):
            if not isinstance(rec[role], list):
                self.fail(n, f"{role} must be a list")
                continue
            for actor in rec[role]:
                if not isinstance(actor, Mapping) or set(actor) != {"name", "kind", "text"}:
                    self.fail(n, f"{role} item {actor!r} must have exactly name, kind, text")
                else:
                    self.substring(n, f"{role} text", actor["text"])
                    if actor["kind"] is not None:
                        self.vocabulary(n, f"{role} kind", actor["kind"], ACTOR_KINDS)
        if not isinstance(rec["counts"], list):
            self.fail(n, "counts must be a list")
        else:
            for count in rec["counts"]:
                self.count(n, count)
        self.attribution(n, rec["attribution"])
        self.vocabulary(n, "verification", rec["verification"], VERIFICATIONS)
        self.evidence(n, rec["evidence"])

    def taxonomy(self, n: int, kind: Any, subtype: Any, acled: Any) -> None:
        """``subtype`` is null or one of the type's subtypes; ``acled`` null or an ACLED pair of the codebook."""
        from factfinder.values.taxonomy import taxonomy

        rows = taxonomy().get(kind, ())
        if subtype is not None and subtype not in {r.subtype for r in rows}:
            self.fail(n, f"subtype {subtype!r} is not a subtype of {kind!r} (docs/extraction-fields.md)")
        if acled is None:
            return
        pairs = {(r.event_type, r.sub_event_type) for rs in taxonomy().values() for r in rs if r.native != "no"}
        if not isinstance(acled, Mapping) or set(acled) != {"event_type", "sub_event_type"}:
            self.fail(n, "acled must be null or have exactly event_type, sub_event_type")
        elif (acled["event_type"], acled["sub_event_type"]) not in pairs:
            self.fail(n, f"acled {acled!r} is not an ACLED event / sub-event type")

    def count(self, n: int, count: Any) -> None:
        if not isinstance(count, Mapping) or set(count) != {"category", "value", "qualifier", "unit", "text"}:
            self.fail(n, f"count {count!r} must have exactly category, value, qualifier, unit, text")
            return
        self.vocabulary(n, "count category", count["category"], COUNT_CATEGORIES)
        self.vocabulary(n, "count qualifier", count["qualifier"], QUALIFIERS)
        self.number(n, "count value", count["value"])
        if not isinstance(count["unit"], str) or not count["unit"]:
            self.fail(n, "count unit must be a non-empty string")
        self.substring(n, "count text", count["text"])

    def statistic(self, n: int, rec: Mapping[str, Any]) -> None:
        keys = set(rec) - {"id"}
        if keys != _STATISTIC_KEYS:
            self.fail(n, f"statistic keys differ from the contract: {sorted(keys ^ _STATISTIC_KEYS)}")
            return
        if not isinstance(rec["measure"], str) or not rec["measure"]:
            self.fail(n, "measure must be a non-empty string")
        self.vocabulary(n, "statistic category", rec["category"], COUNT_CATEGORIES)
        self.vocabulary(n, "statistic qualifier", rec["qualifier"], QUALIFIERS)
        self.number(n, "statistic value", rec["value"])
        self.day(n, "as_of", rec["as_of"])
        self.location(n, "place", rec["place"], full=False)
        self.attribution(n, rec["attribution"])
        self.evidence(n, rec["evidence"])


def check_stream(records: Iterable[Any], *, jsonl: bool = False, inputs: int | None = None) -> list[str]:
    """Every way ``records`` (parsed JSON objects, in output order) breaks the contract.

    ``inputs``: how many input documents went in; each yields exactly one
    document record (an input that failed yields an error record instead).
    """
    checker = _Checker(jsonl=jsonl)
    for n, rec in enumerate(records, start=1):
        checker.record(n, rec)
    if inputs is not None and checker.documents > inputs:
        checker.problems.append(f"{checker.documents} document records for {inputs} inputs")
    return checker.problems
