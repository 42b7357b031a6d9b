"""factfinder's own model as JSON Lines: one merged incident a line, with its
sources, per-field provenance, conflicts and every evidence span."""

from __future__ import annotations

import json
from typing import Any, Callable

from factfinder import records
from factfinder.export.base import Exporter
from factfinder.model import ConsolidatedIncident, FieldValue


def _values(values: tuple[FieldValue, ...]) -> list[dict[str, Any]]:
    return [{"value": v.value, "reports": list(v.reports)} for v in values]


def consolidated_record(inc: ConsolidatedIncident, redact: Callable[[str | None], str | None]) -> dict[str, Any]:
    reports = []
    for r in inc.reports:
        i = r.incident
        reports.append({
            "key": r.key, "doc": i.doc, "story": i.story, "outlet": r.outlet, "published": r.published,
            "language": r.language,
            "summary": redact(i.summary), "verification": i.verification,
            "attribution": [records.attribution_record(a) | {"text": redact(a.span.text)} for a in i.attribution],
            "counts": [records.count_record(c) for c in i.counts],
            "evidence": [records.span_record(s) | {"text": redact(s.text)} for s in i.evidence],
        })
    location = records.location_record(inc.location)
    if location is not None:
        location["text"] = redact(location["text"])
    return {
        "record": "consolidated_incident", "id": inc.id, "type": inc.type,
        "date": records.date_record(inc.date), "location": location,
        "perpetrators": list(inc.perpetrators), "targets": list(inc.targets),
        "counts": [records.count_record(c) for c in inc.counts],
        "verification": inc.verification, "independent_sources": inc.independent_sources,
        "languages": inc.languages,
        "conflicts": [{"field": c.field, "values": _values(c.values)} for c in inc.conflicts],
        "provenance": {f: _values(v) for f, v in inc.provenance},
        "reports": reports,
    }


class JsonlExporter(Exporter):
    name = "jsonl"
    suffix = ".jsonl"

    def write(self, incident: ConsolidatedIncident) -> None:
        self.stream.write(json.dumps(consolidated_record(incident, self.redact), ensure_ascii=False) + "\n")
        self.written += 1
