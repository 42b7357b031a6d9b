"""Consolidation: one incident per real event, every source that told it.

``consolidate(reports)`` clusters reports of the same event (blocking by type,
country and date window, then the one "same event" scorer of ``same_event.py``,
which the within-document merge shares under its own declared rules) and merges each
cluster with per-field provenance, conflicts kept side by side, and
corroboration counted over independent sources only. ``build_series`` lines
statistics up by measure, source and as-of date.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from urllib.parse import urlparse

from factfinder.consolidate.cluster import cluster_reports
from factfinder.consolidate.merge import independent_sources, merge_cluster
from factfinder.consolidate.series import StatisticSeries, build_series
from factfinder.consolidate.same_event import ACROSS_SOURCES, WITHIN_DOCUMENT, SameEventRules, same_event_score
from factfinder.consolidate.telling import Telling
from factfinder.model import Event, Extraction, SourcedIncident

__all__ = [
    "ACROSS_SOURCES", "WITHIN_DOCUMENT", "Event", "SameEventRules", "SourcedIncident", "StatisticSeries", "Telling",
    "build_series", "consolidate", "independent_sources", "outlet_of", "reports_from_extraction", "same_event_score",
]


def outlet_of(url: str | None, doc: str) -> str:
    """Who published a document: its host without "www.", else the document itself."""
    host = urlparse(url).hostname if url else None
    if host and host.startswith("www."):
        host = host[4:]
    return host or doc


def consolidate(reports: Iterable[SourcedIncident]) -> list[Event]:
    """Merge reports of the same event; the output keeps the order of first reports."""
    with _no_gc_pauses():
        return [merge_cluster(c.members) for c in cluster_reports(reports)]


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """Consolidation makes hundreds of thousands of small objects that live to the end
    (tellings, clusters, provenance) and none that form cycles; the cyclic garbage
    collector would walk them all again and again (a fifth of the time at 100,000
    reports). It is paused for the run and resumed as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def reports_from_extraction(extraction: Extraction, *, outlet: str | None = None) -> list[SourcedIncident]:
    """Wrap a document's incidents as reports, keyed ``<doc>:<n>``.

    Incidents from a story marked as a repeat of an earlier story of the same
    page share that story's fingerprint, so they never count as a second source.
    """
    doc = extraction.document
    fingerprints: dict[int, str] = {}
    for story in doc.stories:
        origin = story.duplicate_of if story.duplicate_of is not None else story.index
        fingerprints[story.index] = hashlib.sha256(f"{doc.doc}:{origin}".encode()).hexdigest()[:16]
    languages = {story.index: story.language for story in doc.stories if story.language}
    return [
        SourcedIncident(key=f"{doc.doc}:{n}", incident=inc, outlet=outlet or outlet_of(doc.url, doc.doc),
               published=doc.published,
               text_fingerprint=fingerprints.get(inc.story) if inc.story is not None else None,
               language=languages.get(inc.story, doc.language) if inc.story is not None else doc.language)
        for n, inc in enumerate(extraction.incidents)
    ]
