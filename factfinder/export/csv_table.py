"""factfinder's own model as a flat CSV: one merged incident a row.

Lists (sources, evidence, conflicts) are joined with " | " so that a
spreadsheet opens the file as it is; the JSONL export keeps the full structure.
"""

from __future__ import annotations

import csv

from factfinder.export.base import Exporter
from factfinder.model import ConsolidatedIncident
from factfinder.values.numbers import format_number

COLUMNS = [
    "id", "type", "date_start", "date_end", "date_precision", "place", "country", "admin1", "admin2",
    "latitude", "longitude", "place_precision", "perpetrators", "targets", "killed", "injured", "arrested",
    "detained", "displaced", "counts", "verification", "independent_sources", "conflicts", "sources",
    "documents", "languages", "summary", "evidence",
]


class CsvExporter(Exporter):
    name = "csv"
    suffix = ".csv"

    def start(self) -> None:
        self.writer = csv.DictWriter(self.stream, fieldnames=COLUMNS)
        self.writer.writeheader()

    def write(self, incident: ConsolidatedIncident) -> None:
        loc, date = incident.location, incident.date
        by_cat = {c.category: c.value for c in incident.counts}
        main = incident.primary
        self.writer.writerow({
            "id": incident.id, "type": incident.type,
            "date_start": date.start if date else "", "date_end": date.end if date else "",
            "date_precision": date.precision if date else "",
            "place": loc.name if loc else "", "country": loc.country if loc else "",
            "admin1": loc.admin1 if loc else "", "admin2": loc.admin2 if loc else "",
            "latitude": loc.lat if loc and loc.lat is not None else "",
            "longitude": loc.lon if loc and loc.lon is not None else "",
            "place_precision": loc.precision if loc else "",
            "perpetrators": " | ".join(incident.perpetrators), "targets": " | ".join(incident.targets),
            **{k: _num(by_cat.get(k)) for k in ("killed", "injured", "arrested", "detained", "displaced")},
            "counts": " | ".join(f"{c.category}:{_num(c.value)}:{c.qualifier}" for c in incident.counts),
            "verification": incident.verification, "independent_sources": incident.independent_sources,
            "conflicts": " | ".join(f"{c.field}=" + "/".join(str(v.value) for v in c.values) for c in incident.conflicts),
            "sources": " | ".join(dict.fromkeys(r.outlet or "" for r in incident.reports)),
            "documents": " | ".join(dict.fromkeys(r.incident.doc for r in incident.reports)),
            "languages": " | ".join(incident.languages),
            "summary": self.redact(main.summary),
            "evidence": " | ".join(self.redact(s.text) or "" for r in incident.reports for s in r.incident.evidence),
        })
        self.written += 1


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return format_number(value)
