"""Builds small real stores for the web tests: originals, documents, incidents, events.

Written with the store's own API (captures, documents, extractions,
rebuild_events), as ingest would; the texts are invented for these tests.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from factfinder.capture.common import Capture
from factfinder.model import (
    Actor, Attribution, Count, DateRange, Document, Extraction, Incident, Place, Source, Span, Statistic, Story,
)
from factfinder.consolidate.stored import rebuild_events
from factfinder.store import Store
from factfinder.store.originals import sha256_hex

ARREST_TEXT = ("Troops arrested about 40 villagers in Pauktaw on 17 November 2023, residents told reporters. "
               "The detainees were taken to a military camp.\n\n"
               "Separately, the monitoring group said 19,700 people had been detained since the coup.")
KILLING_TEXT = ("Two civilians were killed in Mandalay on 3 December 2023 when a shell hit a market "
                "<script>alert('x')</script> according to local media.")


def _span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase), phrase)


def _add(store: Store, text: str, *, origin: str, published: str, url: str | None,
         incidents: list[Incident], statistics: tuple[Statistic, ...] = ()) -> str:
    data = text.encode("utf-8")
    sha = sha256_hex(data)
    source = Source(sha, len(data), "text/plain", origin, "2023-12-05T10:00:00Z")
    store.add_capture(Capture(source, data))
    stories = (Story(0, 0, len(text)),)
    document = Document(sha, text, title=None, published=published, url=url, stories=stories)
    store.add_document(document, sha)
    store.add_extraction(Extraction(document, tuple(replace(i, doc=sha) for i in incidents),
                                    tuple(replace(s, doc=sha) for s in statistics)))
    return sha


def build_store(path: Path) -> dict[str, str]:
    """A store with an arrest in Pauktaw (Rakhine), a killing in Mandalay with markup in its text,
    and a detention statistic; returns the documents' hashes and the events' ids by type."""
    store = Store.open(path)
    t = ARREST_TEXT
    sentence = t[:t.index("reporters.") + len("reporters.")]
    arrest = Incident(
        doc="", type="arrest", summary=sentence, evidence=(_span(t, sentence),), story=0,
        date=DateRange("2023-11-17", "2023-11-17", "day", _span(t, "17 November 2023")),
        location=Place(_span(t, "Pauktaw"), "Pauktaw", 20.17, 92.95, "MM", "Rakhine", None, None, "town", 0.9),
        perpetrators=(Actor("Myanmar military", _span(t, "Troops"), "state_force"),),
        targets=(Actor("civilians", _span(t, "villagers"), "group"),),
        counts=(Count("arrested", 40, "approx", "people", _span(t, "about 40")),),
        attribution=(Attribution("anonymous residents", "witness", _span(t, "residents told reporters")),))
    stat_sentence = t[t.index("Separately"):]
    statistic = Statistic(doc="", measure="people detained since the coup", category="detained", value=19700,
                          qualifier="exact", unit="people", evidence=(_span(t, stat_sentence),),
                          as_of="2023-11-20", story=0)
    arrest_doc = _add(store, t, origin="/reports/pauktaw.txt", published="2023-11-20",
                      url="https://news.example.org/pauktaw", incidents=[arrest], statistics=(statistic,))
    k = KILLING_TEXT
    killing = Incident(
        doc="", type="killing", summary=k, evidence=(_span(k, k),), story=0,
        date=DateRange("2023-12-03", "2023-12-03", "day", _span(k, "3 December 2023")),
        location=Place(_span(k, "Mandalay"), "Mandalay", 21.97, 96.08, "MM", "Mandalay", None, None, "town", 0.9),
        counts=(Count("killed", 2, "exact", "people", _span(k, "Two")),))
    killing_doc = _add(store, k, origin="/reports/mandalay.txt", published="2023-12-04",
                       url="https://other.example.net/mandalay", incidents=[killing])
    rebuild_events(store)
    ids = {store.get_event(e).type: e for e in
           (r[0] for r in store.conn.execute("SELECT id FROM events"))}
    store.close()
    return {"arrest_doc": arrest_doc, "killing_doc": killing_doc, **ids}
