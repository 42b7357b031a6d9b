"""Exports in the formats the field uses, one module per format.

``export_incidents`` streams consolidated incidents into one exporter and
writes the file atomically; the CLI wrapper is a few lines over it.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any, Iterable

from factfinder.errors import UsageError
from factfinder.export.acled import AcledCsvExporter
from factfinder.export.base import Exporter, Redactor, SourceReader, atomic_output
from factfinder.export.csv_table import CsvExporter
from factfinder.export.ftm import FtmExporter
from factfinder.export.geojson import GeoJsonExporter
from factfinder.export.jsonl import JsonlExporter
from factfinder.export.warc import WarcExporter
from factfinder.model import ConsolidatedIncident

EXPORTERS: dict[str, type[Exporter]] = {
    cls.name: cls for cls in (AcledCsvExporter, CsvExporter, JsonlExporter, GeoJsonExporter, FtmExporter, WarcExporter)
}

__all__ = ["EXPORTERS", "Exporter", "exporter_class", "export_incidents", "write_incidents"]


def exporter_class(name: str) -> type[Exporter]:
    try:
        return EXPORTERS[name]
    except KeyError:
        raise UsageError(f"unknown export format {name!r}; known formats: {', '.join(sorted(EXPORTERS))}") from None


def write_incidents(incidents: Iterable[ConsolidatedIncident], stream: IO[Any], *, format: str,
                    redactor: Redactor | None = None, sources: SourceReader | None = None) -> Exporter:
    """Stream incidents through one exporter into an open stream; returns the exporter (its counts)."""
    exporter = exporter_class(format)(stream, redactor=redactor, sources=sources)
    for incident in incidents:
        exporter.write(incident)
    exporter.finalize()
    return exporter


def export_incidents(incidents: Iterable[ConsolidatedIncident], path: str | Path, *, format: str,
                     force: bool = False, redactor: Redactor | None = None,
                     sources: SourceReader | None = None) -> Exporter:
    """Write a whole export to ``path`` atomically (an existing file needs ``force``)."""
    cls = exporter_class(format)
    with atomic_output(path, force=force, binary=cls.binary) as stream:
        return write_incidents(incidents, stream, format=format, redactor=redactor, sources=sources)
