"""RFC 7946 GeoJSON: a FeatureCollection, one Point feature per located incident.

Written as a stream: the collection's opening, then each feature as it comes,
then the closing in ``finalize``. Incidents without coordinates are skipped
(GeoJSON has no place for them); the count of skipped ones is kept.
"""

from __future__ import annotations

import json

from factfinder.export.base import Exporter
from factfinder.model import ConsolidatedIncident


class GeoJsonExporter(Exporter):
    name = "geojson"
    suffix = ".geojson"

    def start(self) -> None:
        self.stream.write('{"type": "FeatureCollection", "features": [')
        self.skipped = 0

    def write(self, incident: ConsolidatedIncident) -> None:
        loc = incident.location
        if loc is None or loc.lat is None or loc.lon is None:
            self.skipped += 1
            return
        feature = {
            "type": "Feature",
            "id": incident.id,
            # RFC 7946: longitude first.
            "geometry": {"type": "Point", "coordinates": [round(loc.lon, 6), round(loc.lat, 6)]},
            "properties": {
                "type": incident.type,
                "date_start": incident.date.start if incident.date else None,
                "date_end": incident.date.end if incident.date else None,
                "date_precision": incident.date.precision if incident.date else None,
                "place": loc.name, "country": loc.country, "admin1": loc.admin1, "precision": loc.precision,
                "perpetrators": list(incident.perpetrators), "targets": list(incident.targets),
                "counts": {c.category: c.value for c in incident.counts},
                "verification": incident.verification,
                "independent_sources": incident.independent_sources,
                "languages": incident.languages,
                "summary": self.redact(incident.primary.summary),
            },
        }
        self.stream.write(("," if self.written else "") + "\n" + json.dumps(feature, ensure_ascii=False))
        self.written += 1

    def finalize(self) -> None:
        self.stream.write("\n]}\n")
