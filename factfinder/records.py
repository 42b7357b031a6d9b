"""Serialise model objects to the output contract of DESIGN.md (one JSON object a line).

This is the only place that knows the contract's key names, so the contract
checker in tests and every exporter read the same shape.
"""

from __future__ import annotations

from typing import Any

from factfinder.model import (
    Actor, Attribution, Count, DateRange, Document, Incident, PageText, Place, Span, Statistic,
)
from factfinder.values.numbers import whole


def _with_id(record: dict[str, Any], id_: str | None) -> dict[str, Any]:
    if id_ is not None:
        record["id"] = id_
    return record


def span_record(span: Span, pages: tuple[PageText, ...] = ()) -> dict[str, Any]:
    """An evidence span; on a paged document also its page, and on an OCR'd page its word boxes."""
    record: dict[str, Any] = {"start": span.start, "end": span.end, "text": span.text}
    for page in pages:
        if page.start <= span.start < max(page.end, page.start + 1):
            record["page"] = page.number
            if page.words:
                record["boxes"] = [list(box) for box in page.boxes(span.start, span.end)]
            break
    return record


def page_record(page: PageText) -> dict[str, Any]:
    """Where a page lies in the document text and how it was read (OCR provenance)."""
    record: dict[str, Any] = {"page": page.number, "start": page.start, "end": page.end, "method": page.method}
    if page.method == "ocr":
        record.update(engine=page.engine, languages=page.languages, confidence=page.confidence,
                      width=page.width, height=page.height, dpi=page.dpi)
    return record


def date_record(date: DateRange | None) -> dict[str, Any] | None:
    if date is None:
        return None
    return {"start": date.start, "end": date.end, "precision": date.precision,
            "text": date.span.text if date.span else None}


def location_record(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {"name": place.name, "lat": place.lat, "lon": place.lon, "country": place.country,
            "admin1": place.admin1, "admin2": place.admin2, "geonameid": place.geonameid,
            "precision": place.precision, "text": place.span.text}


def count_record(count: Count) -> dict[str, Any]:
    return {"category": count.category, "value": whole(count.value), "qualifier": count.qualifier,
            "unit": count.unit, "text": count.span.text}


def actor_record(actor: Actor) -> dict[str, Any]:
    """An actor with its ``kind`` (model.ACTOR_KINDS), so a reader gets its state / non-state class."""
    return {"name": actor.name, "kind": actor.kind, "text": actor.span.text}


def attribution_record(att: Attribution) -> dict[str, Any]:
    return {"source": att.source, "kind": att.kind, "text": att.span.text}


def document_record(doc: Document) -> dict[str, Any]:
    record: dict[str, Any] = {"record": "document", "doc": doc.doc, "title": doc.title, "published": doc.published,
              "language": doc.language, "text": doc.text}
    if doc.notes:
        record["notes"] = list(doc.notes)
    if doc.pages:
        record["pages"] = [page_record(p) for p in doc.pages]
    return _with_id(record, doc.id)


def incident_record(inc: Incident, *, pages: tuple[PageText, ...] = ()) -> dict[str, Any]:
    """The contract record of an incident; ``pages`` (the document's) place its evidence on them."""
    record = {
        "record": "incident", "doc": inc.doc, "story": inc.story, "type": inc.type, "subtype": inc.subtype,
        "acled": ({"event_type": inc.acled.event_type, "sub_event_type": inc.acled.sub_event_type}
                  if inc.acled else None),
        "summary": inc.summary, "date": date_record(inc.date), "location": location_record(inc.location),
        "perpetrators": [actor_record(a) for a in inc.perpetrators],
        "targets": [actor_record(a) for a in inc.targets],
        "counts": [count_record(c) for c in inc.counts],
        "attribution": [attribution_record(a) for a in inc.attribution],
        "verification": inc.verification,
        "evidence": [span_record(s, pages) for s in inc.evidence],
    }
    if inc.confidence is not None:  # an extra key of the contract: calibrated, in [0, 1]
        c = inc.confidence
        record["confidence"] = {"incident": c.incident, "type": c.type, "location": c.location, "date": c.date,
                                "counts": c.counts, "actors": c.actors}
    return _with_id(record, inc.id)


def statistic_record(stat: Statistic, *, pages: tuple[PageText, ...] = ()) -> dict[str, Any]:
    place = None
    if stat.place is not None:
        place = {"name": stat.place.name, "country": stat.place.country, "precision": stat.place.precision}
    record = {
        "record": "statistic", "doc": stat.doc, "measure": stat.measure, "category": stat.category,
        "value": whole(stat.value), "qualifier": stat.qualifier, "unit": stat.unit, "as_of": stat.as_of,
        "place": place, "attribution": [attribution_record(a) for a in stat.attribution],
        "evidence": [span_record(s, pages) for s in stat.evidence],
    }
    return _with_id(record, stat.id)


def place_record(place: Place, *, doc: str, id_: str | None = None) -> dict[str, Any]:
    record = {"record": "place", "doc": doc, "start": place.span.start, "end": place.span.end,
              "text": place.span.text, "name": place.name, "lat": place.lat, "lon": place.lon,
              "country": place.country, "admin1": place.admin1, "geonameid": place.geonameid,
              "precision": place.precision}
    return _with_id(record, id_)


def error_record(message: str, *, id_: str | None = None, line: int | None = None) -> dict[str, Any]:
    return {"record": "error", "id": id_, "line": line, "message": message}
