"""Analyst review of events: confirm, correct, reject, merge and split.

Every edit is a row of ``reviews`` (who, when, field, old value, new value)
and an entry of the hash-chained ledger, written by ``Store.record_review`` in
one transaction. Machine values are never overwritten where they come from
(incidents, evidence): the reviewed value is an overlay keyed by event id and
field, applied when reading (``apply_reviews``), so a rebuild of the events
never loses a review and exports can use reviewed values. The event row's
indexed columns (type, counts, place, date) are refreshed with the reviewed
values (``sync_event_row``) so that filters and tallies agree with the page.

Merges and splits pin the reports involved to an event id in
``event_overrides`` and mark the events involved stale; the consolidation
stage (``factfinder.consolidate.update_events``) then makes them again, and
honours the pins every time. ``Store.write_events`` re-applies the reviewed
values to every event row it writes.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from factfinder.errors import UsageError
from factfinder.values.isodate import is_day
from factfinder.values.numbers import whole
from factfinder.model import (
    COUNT_CATEGORIES, INCIDENT_TYPES, PLACE_PRECISIONS, VERIFICATIONS, DATE_PRECISIONS,
    ConsolidatedIncident, Count, DateRange, Place, Span,
)

if TYPE_CHECKING:
    from factfinder.store.sqlite import Store

SUBJECT = "event"
# Fields an analyst can set. counts.<category> is one field per count category.
FIELDS: tuple[str, ...] = ("type", "verification", "date", "location", "perpetrators", "targets") + tuple(
    f"counts.{c}" for c in COUNT_CATEGORIES)
_NO_SPAN = Span(0, 0, "")


class ReviewError(UsageError):
    """A review that cannot be stored as asked (unknown field, bad value, unknown event)."""


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    id: int
    event_id: str
    field: str
    old: Any
    new: Any
    reviewer: str
    note: str | None
    created_at: str
    ledger_seq: int


# --- validation -------------------------------------------------------------


def clean_value(field: str, value: Any) -> Any:
    """The value in its stored form, or ReviewError saying what a valid one looks like."""
    if field == "type":
        if value not in INCIDENT_TYPES:
            raise ReviewError(f"unknown incident type {value!r}: use one of {', '.join(INCIDENT_TYPES)}")
        return value
    if field == "verification":
        if value not in VERIFICATIONS:
            raise ReviewError(f"unknown verification {value!r}: use one of {', '.join(VERIFICATIONS)}")
        return value
    if field.startswith("counts."):
        if field[7:] not in COUNT_CATEGORIES:
            raise ReviewError(f"unknown count category {field[7:]!r}: use one of {', '.join(COUNT_CATEGORIES)}")
        if value in (None, ""):
            return None
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ReviewError(f"{field} must be a number (or empty to remove it), not {value!r}") from None
        if number < 0 or number != number or number in (float("inf"),):
            raise ReviewError(f"{field} must be zero or more, not {value!r}")
        return whole(number)
    if field in ("perpetrators", "targets"):
        names = value.split(";") if isinstance(value, str) else value
        if not isinstance(names, (list, tuple)):
            raise ReviewError(f"{field} must be a list of names (separated by ';' in a form)")
        return [str(n).strip() for n in names if str(n).strip()]
    if field == "date":
        return _clean_date(value)
    if field == "location":
        return _clean_location(value)
    raise ReviewError(f"{field!r} cannot be reviewed: use one of {', '.join(FIELDS)}")


def _clean_date(value: Any) -> dict[str, str] | None:
    if value in (None, "", {}):
        return None
    if isinstance(value, str):
        start, _, end = value.partition("..")
        value = {"start": start.strip(), "end": (end or start).strip()}
    if not isinstance(value, dict):
        raise ReviewError("date must be YYYY-MM-DD, YYYY-MM-DD..YYYY-MM-DD or {start, end, precision}")
    start, end = str(value.get("start") or ""), str(value.get("end") or value.get("start") or "")
    if not is_day(start) or not is_day(end) or end < start:
        raise ReviewError(f"date needs start and end as YYYY-MM-DD with start <= end, not {start!r}..{end!r}")
    precision = value.get("precision") or ("day" if start == end else "unknown")
    if precision not in DATE_PRECISIONS:
        raise ReviewError(f"unknown date precision {precision!r}: use one of {', '.join(DATE_PRECISIONS)}")
    return {"start": start, "end": end, "precision": precision}


def _clean_location(value: Any) -> dict[str, Any] | None:
    if value in (None, "", {}):
        return None
    if not isinstance(value, dict) or not str(value.get("name") or "").strip():
        raise ReviewError("location needs at least a name: {name, country, admin1, lat, lon, precision}")
    out: dict[str, Any] = {"name": str(value["name"]).strip()}
    for key in ("country", "admin1", "admin2"):
        out[key] = (str(value.get(key)).strip() or None) if value.get(key) not in (None, "") else None
    if out["country"] is not None and not re.fullmatch(r"[A-Z]{2}", out["country"]):
        raise ReviewError(f"country must be an ISO 3166-1 alpha-2 code such as MM, not {out['country']!r}")
    for key, bound in (("lat", 90.0), ("lon", 180.0)):
        raw = value.get(key)
        if raw in (None, ""):
            out[key] = None
            continue
        try:
            out[key] = float(raw)
        except (TypeError, ValueError):
            raise ReviewError(f"location {key} must be a number, not {raw!r}") from None
        if not -bound <= out[key] <= bound:
            raise ReviewError(f"location {key} must lie between -{bound:g} and {bound:g}")
    precision = value.get("precision") or None
    if precision is not None and precision not in PLACE_PRECISIONS:
        raise ReviewError(f"unknown place precision {precision!r}: use one of {', '.join(PLACE_PRECISIONS)}")
    out["precision"] = precision
    return out


# --- reading ----------------------------------------------------------------


def review_history(store: "Store", event_id: str) -> list[ReviewRecord]:
    """Every review of an event, oldest first."""
    rows = store.conn.execute(
        "SELECT id, subject_id, field, old_value, new_value, reviewer, note, created_at, ledger_seq FROM reviews"
        " WHERE subject_kind = ? AND subject_id = ? ORDER BY id", (SUBJECT, event_id)).fetchall()
    return [ReviewRecord(i, str(s), f, _json(o), _json(n), r, note, c, seq)
            for i, s, f, o, n, r, note, c, seq in rows]


def _json(raw: str | None) -> Any:
    return None if raw is None else json.loads(raw)


def reviewed_values(store: "Store", event_id: str) -> dict[str, ReviewRecord]:
    """The latest review of each field of an event (merge/split records excluded)."""
    latest: dict[str, ReviewRecord] = {}
    for record in review_history(store, event_id):
        if record.field in FIELDS:
            latest[record.field] = record
    return latest


def apply_reviews(store: "Store", incident: ConsolidatedIncident) -> ConsolidatedIncident:
    """The event with every reviewed field set to the analyst's latest value."""
    return overlay(incident, {f: r.new for f, r in reviewed_values(store, incident.id).items()})


def overlay(incident: ConsolidatedIncident, values: dict[str, Any]) -> ConsolidatedIncident:
    """Pure part of ``apply_reviews``: set fields from {field: reviewed value}."""
    changes: dict[str, Any] = {}
    for field in ("type", "verification"):
        if field in values:
            changes[field] = values[field]
    for field in ("perpetrators", "targets"):
        if field in values:
            changes[field] = tuple(values[field] or ())
    if "date" in values:
        d = values["date"]
        changes["date"] = DateRange(d["start"], d["end"], d["precision"]) if d else None
    if "location" in values:
        loc = values["location"]
        old = incident.location
        changes["location"] = None if not loc else Place(
            span=old.span if old else _NO_SPAN, name=loc["name"], lat=loc.get("lat"), lon=loc.get("lon"),
            country=loc.get("country"), admin1=loc.get("admin1"), admin2=loc.get("admin2"),
            precision=loc.get("precision") or (old.precision if old else None), confidence=1.0)
    counts = list(incident.counts)
    for field, value in values.items():
        if not field.startswith("counts."):
            continue
        category = field[7:]
        machine = next((c for c in counts if c.category == category), None)
        counts = [c for c in counts if c.category != category]
        if value is not None:
            counts.append(Count(category, value, "exact", machine.unit if machine else "people",
                                machine.span if machine else _NO_SPAN))
    if counts != list(incident.counts):
        changes["counts"] = tuple(counts)
    return replace(incident, **changes) if changes else incident


def current_value(incident: ConsolidatedIncident, field: str) -> Any:
    """A field's value in the stored (JSON) form used by reviews."""
    if field in ("type", "verification"):
        return getattr(incident, field)
    if field in ("perpetrators", "targets"):
        return list(getattr(incident, field))
    if field == "date":
        d = incident.date
        return {"start": d.start, "end": d.end, "precision": d.precision} if d else None
    if field == "location":
        p = incident.location
        return None if p is None else {"name": p.name, "country": p.country, "admin1": p.admin1,
                                       "admin2": p.admin2, "lat": p.lat, "lon": p.lon, "precision": p.precision}
    if field.startswith("counts."):
        value = next((c.value for c in incident.counts if c.category == field[7:]), None)
        return whole(value) if value is not None else None
    raise ReviewError(f"{field!r} cannot be reviewed: use one of {', '.join(FIELDS)}")


# --- writing ----------------------------------------------------------------


def _event(store: "Store", event_id: str) -> ConsolidatedIncident:
    event = store.get_event(event_id)
    if event is None:
        raise ReviewError(f"there is no incident {event_id!r}; it may have been merged into another")
    return apply_reviews(store, event)


def correct(store: "Store", event_id: str, field: str, value: Any, *, reviewer: str,
            note: str | None = None) -> ReviewRecord | None:
    """Set one field of an event; None when the value is already the current one."""
    new = clean_value(field, value)
    with store.transaction():
        event = _event(store, event_id)
        old = current_value(event, field)
        if old == new:
            return None
        store.record_review(subject_kind=SUBJECT, subject_id=event_id, field=field,
                            old=old, new=new, reviewer=reviewer, note=note)
        sync_event_row(store, event_id)
    return review_history(store, event_id)[-1]


def confirm(store: "Store", event_id: str, *, reviewer: str, note: str | None = None) -> ReviewRecord | None:
    return correct(store, event_id, "verification", "verified", reviewer=reviewer, note=note)


def reject(store: "Store", event_id: str, *, reviewer: str, note: str | None = None) -> ReviewRecord | None:
    return correct(store, event_id, "verification", "rejected", reviewer=reviewer, note=note)


def sync_event_row(store: "Store", event_id: str) -> None:
    """Write the reviewed values into the event row's indexed columns (filters, tallies)."""
    event = store.get_event(event_id)
    if event is None:
        return
    e = apply_reviews(store, event)
    counts = {c.category: c.value for c in e.counts}
    loc, d = e.location, e.date
    store.conn.execute(
        "UPDATE events SET type = ?, verification = ?, killed = ?, injured = ?, arrested = ?, displaced = ?,"
        " date_start = ?, date_end = ?, date_precision = ?, place_name = ?, lat = ?, lon = ?, country = ?,"
        " admin1 = ?, admin2 = ?, place_precision = ? WHERE id = ?",
        (e.type, e.verification, counts.get("killed"), counts.get("injured"), counts.get("arrested"),
         counts.get("displaced"), d.start if d else None, d.end if d else None, d.precision if d else None,
         loc.name if loc else None, loc.lat if loc else None, loc.lon if loc else None,
         loc.country if loc else None, loc.admin1 if loc else None, loc.admin2 if loc else None,
         loc.precision if loc else None, event_id))
    store.conn.execute("UPDATE event_details SET perpetrators = ?, targets = ? WHERE event_id = ?",
                       (json.dumps(list(e.perpetrators)), json.dumps(list(e.targets)), event_id))


def sync_reviewed_rows(store: "Store", event_ids: Iterable[str] | None = None) -> int:
    """Re-apply reviewed events to their rows (of ``event_ids`` only, when given); returns how many."""
    ids = [r[0] for r in store.conn.execute(
        "SELECT DISTINCT r.subject_id FROM reviews r JOIN events e ON e.id = r.subject_id"
        " WHERE r.subject_kind = ?", (SUBJECT,))]
    if event_ids is not None:
        wanted = set(event_ids)
        ids = [i for i in ids if str(i) in wanted]
    with store.transaction():
        for event_id in ids:
            sync_event_row(store, str(event_id))
    return len(ids)


def with_reviews(store: "Store", events: Iterable[ConsolidatedIncident],
                 *, chunk: int = 1000) -> Iterator[ConsolidatedIncident]:
    """The events with analysts' values applied, reading the reviews of a chunk of events at once."""
    batch: list[ConsolidatedIncident] = []
    for event in events:
        batch.append(event)
        if len(batch) >= chunk:
            yield from _overlay_batch(store, batch)
            batch = []
    yield from _overlay_batch(store, batch)


def _overlay_batch(store: "Store", batch: list[ConsolidatedIncident]) -> Iterator[ConsolidatedIncident]:
    if not batch:
        return
    ids = [e.id for e in batch]
    latest: dict[str, dict[str, Any]] = {}
    for subject, field, new in store.conn.execute(
            "SELECT subject_id, field, new_value FROM reviews WHERE subject_kind = ? AND subject_id IN"
            f" ({','.join('?' * len(ids))}) ORDER BY id", [SUBJECT, *ids]):
        if field in FIELDS:
            latest.setdefault(str(subject), {})[field] = _json(new)
    for event in batch:
        values = latest.get(event.id)
        yield overlay(event, values) if values else event


def _mark_stale(store: "Store", event_ids: list[str]) -> None:
    store.conn.executemany("INSERT OR IGNORE INTO consolidation_stale (event_id) VALUES (?)",
                           [(e,) for e in event_ids])


def _pin(store: "Store", report_keys: list[str], event_id: str) -> None:
    from factfinder.values.isodate import utc_now

    store.conn.executemany(
        "INSERT INTO event_overrides (report_key, event_id, created_at) VALUES (?, ?, ?)"
        " ON CONFLICT(report_key) DO UPDATE SET event_id = excluded.event_id, created_at = excluded.created_at",
        [(key, event_id, utc_now(precise=True)) for key in report_keys])


def _keys(store: "Store", event_id: str) -> list[str]:
    return [r[0] for r in store.conn.execute(
        "SELECT report_key FROM event_reports WHERE event_id = ? ORDER BY rowid", (event_id,))]


def merge_events(store: "Store", target_id: str, other_ids: list[str], *, reviewer: str,
                 note: str | None = None) -> str:
    """Make the reports of ``other_ids`` part of ``target_id``.

    Records the merge and marks the events stale; ``consolidate.update_events``
    then makes the merged event (the web app calls it next).
    """
    others = [o for o in dict.fromkeys(other_ids) if o != target_id]
    if not others:
        raise ReviewError("name at least one other incident to merge into this one")
    with store.transaction():
        target_keys = _keys(store, target_id)
        if not target_keys:
            raise ReviewError(f"there is no incident {target_id!r}")
        moved: list[str] = []
        for other in others:
            keys = _keys(store, other)
            if not keys:
                raise ReviewError(f"there is no incident {other!r} to merge")
            moved += keys
            store.record_review(subject_kind=SUBJECT, subject_id=other,
                                field="merged_into", old=other, new=target_id, reviewer=reviewer, note=note)
        _pin(store, target_keys + moved, target_id)
        store.record_review(subject_kind=SUBJECT, subject_id=target_id,
                            field="merge", old=target_keys, new=target_keys + moved, reviewer=reviewer, note=note)
        _mark_stale(store, [target_id, *others])
    return target_id


def split_report(store: "Store", event_id: str, report_key: str, *, reviewer: str,
                 note: str | None = None) -> str:
    """Take one report out of an event into an event of its own; returns the new event id.

    Like ``merge_events``, marks the event stale for ``consolidate.update_events``.
    """
    with store.transaction():
        keys = _keys(store, event_id)
        if report_key not in keys:
            raise ReviewError(f"incident {event_id!r} has no report {report_key!r}")
        if len(keys) == 1:
            raise ReviewError("this incident has a single report: there is nothing to split off")
        new_id = "inc-" + hashlib.sha256(f"split:{report_key}".encode("utf-8")).hexdigest()[:16]
        rest = [k for k in keys if k != report_key]
        _pin(store, rest, event_id)
        _pin(store, [report_key], new_id)
        store.record_review(subject_kind=SUBJECT, subject_id=event_id,
                            field="split", old=keys, new=rest, reviewer=reviewer, note=note)
        store.record_review(subject_kind=SUBJECT, subject_id=new_id,
                            field="split_from", old=event_id, new=new_id, reviewer=reviewer, note=note)
        _mark_stale(store, [event_id])
    return new_id
