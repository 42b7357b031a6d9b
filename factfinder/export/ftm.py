"""FollowTheMoney entities, so the data loads into investigative tools (Aleph, OpenAleph, yente).

Each merged incident is an ``Event``; its perpetrators are ``Organization``
entities (the event's ``organizer``); each source document is a ``Document``
entity cited as the event's ``proof``. Affected groups are groups, not legal
persons, so they are named in the event's notes rather than made entities.
Entities are written as FtM's JSON lines (one ``to_dict()`` a line).
"""

from __future__ import annotations

import json
from typing import Any

from factfinder.errors import UsageError
from factfinder.export.base import Exporter
from factfinder.model import ConsolidatedIncident

NAMESPACE = "factfinder"


def _model() -> Any:  # followthemoney.model.Model
    try:
        from followthemoney import model
    except ImportError as exc:  # an optional extra
        raise UsageError("the ftm export needs followthemoney: .venv/bin/pip install 'factfinder[ftm]'") from exc
    return model


class FtmExporter(Exporter):
    name = "ftm"
    suffix = ".ftm.json"

    def start(self) -> None:
        self.model = _model()
        self.emitted: set[str] = set()

    def _emit(self, proxy: Any) -> None:  # an EntityProxy
        if proxy.id in self.emitted:
            return
        self.emitted.add(proxy.id)
        self.stream.write(json.dumps(proxy.to_dict(), ensure_ascii=False) + "\n")

    def write(self, incident: ConsolidatedIncident) -> None:
        main = incident.primary
        event = self.model.make_entity("Event")
        event.make_id(NAMESPACE, "event", incident.id)
        where = incident.location.name if incident.location and incident.location.name else None
        event.add("name", f"{incident.type.replace('_', ' ')}" + (f" in {where}" if where else ""))
        event.add("summary", self.redact(main.summary))
        if incident.date is not None:
            event.add("startDate", incident.date.start)
            event.add("endDate", incident.date.end)
        if incident.location is not None:
            event.add("location", incident.location.name)
            if incident.location.country:
                event.add("country", incident.location.country.lower())
        notes = [f"type: {incident.type}", f"verification: {incident.verification}",
                 f"independent sources: {incident.independent_sources}"]
        notes += [f"{c.category}: {c.value:g} ({c.qualifier})" for c in incident.counts]
        if incident.targets:
            notes.append("affected: " + ", ".join(incident.targets))
        notes += [f"conflict on {c.field}: " + " / ".join(str(v.value) for v in c.values) for c in incident.conflicts]
        event.add("notes", "; ".join(notes))
        for name in incident.perpetrators:
            org = self.model.make_entity("Organization")
            org.make_id(NAMESPACE, "org", name)
            org.add("name", name)
            self._emit(org)
            event.add("organizer", org.id)
        for report in incident.reports:
            doc = self.model.make_entity("Document")
            doc.make_id(NAMESPACE, "doc", report.incident.doc)
            doc.add("title", f"source {report.incident.doc[:12]}")
            doc.add("contentHash", report.incident.doc)
            if report.outlet:
                doc.add("publisher", report.outlet)
            if report.published:
                doc.add("publishedAt", report.published)
            if report.language:
                doc.add("language", report.language)  # FtM keeps ISO 639-3: "en" becomes "eng"
            self._emit(doc)
            event.add("proof", doc.id)
        self._emit(event)
        self.written += 1
