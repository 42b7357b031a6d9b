"""Events in the store: consolidation of stored incidents, filters, analyst pins."""

from __future__ import annotations

import hashlib

from factfinder.model import (
    Actor, Count, DateRange, Document, Extraction, Incident, Place, Span, Story,
)
from factfinder.consolidate.stored import rebuild_events
from factfinder.store import Store
from factfinder.store.events import EventFilter

RFA = ("Military council troops arrested nearly a hundred residents of Pauktaw on November 17, "
       "residents told the station.")
OTHER = ("About 100 people were detained by junta soldiers in Pauktaw in Rakhine State on Friday, "
         "according to a local aid group.")
ALMATY = "Police in Almaty detained six protesters outside the Chinese consulate on Saturday."


def _doc(text: str, url: str) -> Document:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return Document(doc=sha, text=text, published="2023-11-20", url=url, stories=(Story(0, 0, len(text)),))


def _extraction(doc: Document, *, place: tuple[str, float, float, str, str], day: str, value: float,
                category: str = "arrested") -> Extraction:
    text = doc.text
    name, lat, lon, country, admin1 = place
    at = text.index(name)
    incident = Incident(
        doc=doc.doc, type="arrest", summary=text, evidence=(Span(0, len(text), text),), story=0,
        date=DateRange(day, day, "day"),
        location=Place(span=Span(at, at + len(name), name), name=name, lat=lat, lon=lon, country=country,
                       admin1=admin1, precision="town"),
        perpetrators=(Actor("Myanmar military", Span(0, 5, text[:5])),),
        counts=(Count(category, value, "approx", "people", Span(0, 5, text[:5])),))
    return Extraction(document=doc, incidents=(incident,))


def _store() -> Store:
    store = Store.open(":memory:")
    pauktaw = ("Pauktaw", 20.17, 92.90, "MM", "Rakhine")
    for text, url, place, day in ((RFA, "https://www.rfa.org/a", pauktaw, "2023-11-17"),
                                  (OTHER, "https://aid.example.org/b", pauktaw, "2023-11-17"),
                                  (ALMATY, "https://rferl.org/c", ("Almaty", 43.25, 76.92, "KZ", "Almaty"),
                                   "2023-11-18")):
        doc = _doc(text, url)
        store.add_document(doc, None)
        store.add_extraction(_extraction(doc, place=place, day=day, value=100 if "Pauktaw" in text else 6))
    return store


def test_rebuild_merges_two_outlets_into_one_corroborated_event() -> None:
    store = _store()
    assert rebuild_events(store) == 2
    pauktaw = next(store.iter_events(EventFilter(country="MM")))
    assert pauktaw.verification == "corroborated"
    assert sorted(r.outlet for r in pauktaw.reports) == ["aid.example.org", "rfa.org"]
    assert pauktaw.location.name == "Pauktaw" and pauktaw.date.start == "2023-11-17"
    assert [(c.category, c.value) for c in pauktaw.counts] == [("arrested", 100)]
    assert all(r.incident.evidence for r in pauktaw.reports)


def test_rebuild_is_idempotent_and_ids_are_stable() -> None:
    store = _store()
    rebuild_events(store)
    first = sorted(e.id for e in store.iter_events())
    rebuild_events(store)
    assert sorted(e.id for e in store.iter_events()) == first


def test_filters_select_by_place_date_source_and_text() -> None:
    store = _store()
    rebuild_events(store)
    assert store.count_events(EventFilter(country="KZ")) == 1
    assert store.count_events(EventFilter(admin1="rakhine")) == 1  # case-insensitive
    assert store.count_events(EventFilter(date_from="2023-11-18")) == 1
    assert store.count_events(EventFilter(source="rfa.org")) == 1
    assert store.count_events(EventFilter(q="consulate")) == 1
    assert store.count_events(EventFilter(types=("killing",))) == 0
    assert store.count_events(EventFilter(bbox=(90.0, 15.0, 95.0, 25.0))) == 1


def test_an_analyst_pin_survives_rebuild() -> None:
    store = _store()
    rebuild_events(store)
    pauktaw = next(store.iter_events(EventFilter(country="MM")))
    key = pauktaw.reports[1].key
    store.conn.execute("INSERT INTO event_overrides (report_key, event_id, created_at) VALUES (?, ?, ?)",
                       (key, "inc-split-by-analyst", "2023-11-21T00:00:00Z"))
    assert rebuild_events(store) == 3
    split = store.get_event("inc-split-by-analyst")
    assert split is not None and [r.key for r in split.reports] == [key]
    assert store.get_event("inc-does-not-exist") is None
