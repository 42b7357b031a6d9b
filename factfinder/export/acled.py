"""ACLED's column layout, so a monitor's data joins ACLED-based analyses.

Mapping (factfinder/data/acled_mapping.csv, documented in docs/export.md and
docs/extraction-fields.md): each incident's type and subtype (the ``acled``
field of the extracted record) give ACLED's event and sub-event type; types ACLED does not
code (surveillance, legislation, ...) become "Strategic developments / Other"
and are flagged in ``tags`` as ``non-acled-type:<type>`` so an analyst can drop
them. Date precision maps to ACLED's time_precision (1 day, 2 week, 3 month or
coarser); place precision to geo_precision (1 town or point, 2 admin2, 3 admin1
or country).
"""

from __future__ import annotations

import csv

import pycountry

from factfinder.export.base import Exporter
from factfinder.values.taxonomy import TaxonomyRow, classify, taxonomy
from factfinder.model import ConsolidatedIncident, DateRange, Place

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
    "timestamp",
]
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
GEO_PRECISION = {"point": 1, "town": 1, "admin2": 2, "admin1": 3, "country": 3}
CIVILIAN_TARGETS = {"civilians", "residents", "villagers", "protesters", "students", "journalists", "refugees",
                    "children", "women", "detainees", "prisoners", "displaced people", "health workers", "aid workers"}


def acled_row(incident: ConsolidatedIncident) -> TaxonomyRow:
    """The taxonomy row of an event: its type, with the subtype its primary report was given when that
    report has the event's type, else read again from the report's sentence (stored incidents of older
    runs carry no subtype)."""
    main = incident.primary
    rows = taxonomy().get(incident.type, ())
    if main.type == incident.type and main.subtype is not None:
        for row in rows:
            if row.subtype == main.subtype:
                return row
    return classify(incident.type, main.summary)


def _country(code: str | None) -> tuple[str, str, str]:
    """(name, numeric iso, alpha-3) of an ISO alpha-2 code; blanks when unknown."""
    country = pycountry.countries.get(alpha_2=code) if code else None
    if country is None:
        return "", "", "XXX"
    return getattr(country, "common_name", country.name), str(int(country.numeric)), country.alpha_3


class AcledCsvExporter(Exporter):
    name = "acled-csv"
    suffix = ".csv"

    def start(self) -> None:
        self.writer = csv.DictWriter(self.stream, fieldnames=COLUMNS)
        self.writer.writeheader()
        self.sequence: dict[str, int] = {}

    def write(self, incident: ConsolidatedIncident) -> None:
        mapped = acled_row(incident)
        country, iso, alpha3 = _country(incident.location.country if incident.location else None)
        self.sequence[alpha3] = self.sequence.get(alpha3, 0) + 1
        killed = sum(c.value for c in incident.counts if c.category == "killed")
        self.writer.writerow({
            "event_id_cnty": f"{alpha3}{self.sequence[alpha3]}",
            **_date_columns(incident.date),
            "disorder_type": mapped.disorder_type, "event_type": mapped.event_type,
            "sub_event_type": mapped.sub_event_type,
            **_actor_columns(incident, mapped),
            "iso": iso, "region": "", "country": country,
            **_place_columns(incident.location),
            "source": "; ".join(dict.fromkeys(r.outlet or "" for r in incident.reports if r.outlet)),
            "source_scale": "",
            "notes": self.redact(incident.primary.summary),
            "fatalities": int(killed),
            "tags": "; ".join(_tags(incident, mapped)),
            "timestamp": "",
        })
        self.written += 1


def _date_columns(date: DateRange | None) -> dict[str, object]:
    return {"event_date": date.start if date else "", "year": date.start[:4] if date else "",
            "time_precision": TIME_PRECISION.get(date.precision, 3) if date else ""}


def _actor_columns(incident: ConsolidatedIncident, mapped: TaxonomyRow) -> dict[str, str]:
    """The first perpetrator and target as actor1 and actor2, the others as associates."""
    civilians = bool(set(incident.targets) & CIVILIAN_TARGETS) and \
        mapped.event_type in {"Violence against civilians", "Explosions/Remote violence"}
    return {
        "actor1": incident.perpetrators[0] if incident.perpetrators else "",
        "assoc_actor_1": "; ".join(incident.perpetrators[1:]),
        "actor2": incident.targets[0] if incident.targets else "",
        "assoc_actor_2": "; ".join(incident.targets[1:]),
        "inter1": "", "inter2": "", "interaction": "",
        "civilian_targeting": "Civilian targeting" if civilians else "",
    }


def _place_columns(loc: Place | None) -> dict[str, object]:
    if loc is None:
        return {"admin1": "", "admin2": "", "admin3": "", "location": "", "latitude": "", "longitude": "",
                "geo_precision": ""}
    return {"admin1": loc.admin1 or "", "admin2": loc.admin2 or "", "admin3": "", "location": loc.name or "",
            "latitude": f"{loc.lat:.4f}" if loc.lat is not None else "",
            "longitude": f"{loc.lon:.4f}" if loc.lon is not None else "",
            "geo_precision": GEO_PRECISION.get(loc.precision or "country", 3)}


def _tags(incident: ConsolidatedIncident, mapped: TaxonomyRow) -> list[str]:
    """What an analyst may want to filter on: a type ACLED does not code, no date, conflicting
    values, the languages of the sources."""
    tags = [] if mapped.native == "yes" else [f"non-acled-type:{incident.type}"]
    if incident.date is None:
        tags.append("date-unknown")
    if incident.conflicts:
        tags.append("conflicting-values:" + ",".join(c.field for c in incident.conflicts))
    return tags + [f"source-language:{code}" for code in incident.languages]
