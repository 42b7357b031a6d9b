"""Consolidation as a stage over the store: incremental by block, reviews and pins kept, one rule for "current"."""

from __future__ import annotations

import hashlib

import pytest

from factfinder.consolidate.stored import rebuild_events, update_events
from factfinder.model import Actor, Count, DateRange, Document, Extraction, Incident, Place, Span, Story
from factfinder.store import Store, review

PAUKTAW = ("Pauktaw", 20.17, 92.90, "MM", "Rakhine")
KANI = ("Kani", 22.43, 94.85, "MM", "Sagaing")
ALMATY = ("Almaty", 43.25, 76.92, "KZ", "Almaty")
NYALA = ("Nyala", 12.05, 24.88, "SD", "South Darfur")

# (text, url, type, place, day, count category, value); sentences written for these tests.
FIRST = [
    ("Soldiers arrested about forty residents of Pauktaw on Friday, residents said.",
     "https://www.rfa.org/a", "arrest", PAUKTAW, "2023-11-17", "arrested", 40),
    ("Junta troops detained some forty people in Pauktaw, according to a local aid group.",
     "https://aid.example.org/b", "arrest", PAUKTAW, "2023-11-17", "arrested", 40),
    ("An air strike killed eight villagers in Kani township on Sunday.",
     "https://news.example.net/c", "killing", KANI, "2023-11-12", "killed", 8),
    ("Police in Almaty dispersed a protest of some sixty people outside the akimat.",
     "https://rferl.org/d", "protest", ALMATY, "2023-05-01", "affected", 60),
]
SECOND = [
    ("Forty residents of Pauktaw were arrested by the military on Friday, a monitor reported.",
     "https://monitor.example.com/e", "arrest", PAUKTAW, "2023-11-17", "arrested", 40),
    ("Gunmen shelled the market in Nyala, wounding a dozen traders.",
     "https://sudan.example.org/f", "attack", NYALA, "2023-08-03", "injured", 12),
]


def _extraction(text: str, url: str, kind: str, place: tuple, day: str, category: str, value: float) -> Extraction:
    doc = Document(doc=hashlib.sha256(text.encode()).hexdigest(), text=text, published="2023-11-20", url=url,
                   stories=(Story(0, 0, len(text)),))
    name, lat, lon, country, admin1 = place
    at = text.index(name)
    incident = Incident(
        doc=doc.doc, type=kind, summary=text, evidence=(Span(0, len(text), text),), story=0,
        date=DateRange(day, day, "day"),
        location=Place(Span(at, at + len(name), name), name, lat, lon, country, admin1, precision="town"),
        perpetrators=(Actor("Myanmar military" if country == "MM" else "police", Span(0, 5, text[:5])),),
        counts=(Count(category, value, "approx", "people", Span(0, 5, text[:5])),))
    return Extraction(document=doc, incidents=(incident,))


def _add(store: Store, rows: list[tuple]) -> None:
    for row in rows:
        extraction = _extraction(*row)
        store.add_document(extraction.document, None)
        store.add_extraction(extraction)


def _snapshot(store: Store) -> list[tuple]:
    return sorted((e.id, e.type, tuple(sorted(r.key for r in e.reports)), e.verification, e.independent_sources)
                  for e in store.iter_events())


class Spy:
    """Counts the incidents the stage asks the store for."""

    def __init__(self, store: Store) -> None:
        self.store, self.loaded = store, set()  # type: ignore[var-annotated]

    def __getattr__(self, name: str):
        return getattr(self.store, name)

    def iter_stored_incidents(self, ids=None):
        for stored in self.store.iter_stored_incidents(ids):
            self.loaded.add(stored.incident.summary)
            yield stored


@pytest.fixture
def store():
    with Store.open(":memory:") as s:
        yield s


def test_an_update_touches_only_the_blocks_of_the_new_incidents_and_equals_a_rebuild(store: Store) -> None:
    _add(store, FIRST)
    assert not store.events_current()
    assert update_events(store) == 3 and store.events_current()
    _add(store, SECOND)
    assert not store.events_current()
    spy = Spy(store)
    assert update_events(spy) == 4  # type: ignore[arg-type]
    # the Pauktaw arrests (two stored, one new) and the new Nyala attack; not Kani nor Almaty
    assert spy.loaded == {FIRST[0][0], FIRST[1][0], SECOND[0][0], SECOND[1][0]}
    pauktaw = next(e for e in store.iter_events() if e.type == "arrest")
    assert len(pauktaw.reports) == 3 and pauktaw.independent_sources == 3
    incremental = _snapshot(store)
    rebuild_events(store)
    assert _snapshot(store) == incremental


def test_an_update_with_nothing_to_do_reads_no_incident(store: Store) -> None:
    _add(store, FIRST)
    update_events(store)
    spy = Spy(store)
    assert update_events(spy) == 3 and spy.loaded == set()  # type: ignore[arg-type]


def test_reviews_and_pins_hold_after_an_incremental_update(store: Store) -> None:
    _add(store, FIRST)
    update_events(store)
    ids = {e.type: e.id for e in store.iter_events()}
    review.correct(store, ids["arrest"], "counts.arrested", 52, reviewer="ed", note="NGO list")
    review.merge_events(store, ids["killing"], [ids["protest"]], reviewer="ed")
    assert not store.events_current()  # a merge is work for the consolidation stage
    update_events(store)
    assert store.get_event(ids["protest"]) is None
    assert len(store.get_event(ids["killing"]).reports) == 2
    kani = ("Eight people were killed when aircraft bombed Kani township on Sunday, villagers said.",
            "https://other.example.org/g", "killing", KANI, "2023-11-12", "killed", 8)
    _add(store, [*SECOND, kani])  # a new report of the reviewed arrest, one in the merged event's block
    spy = Spy(store)
    update_events(spy)  # type: ignore[arg-type]
    assert FIRST[2][0] in spy.loaded and FIRST[3][0] in spy.loaded  # the merged event was made again
    row = store.conn.execute("SELECT arrested, n_reports FROM events WHERE id = ?", (ids["arrest"],)).fetchone()
    assert row == (52, 3)  # the analyst's count is on the re-made row, which has the new report
    assert sorted(r.incident.type for r in store.get_event(ids["killing"]).reports) == ["killing", "protest"]
    incremental = _snapshot(store)
    rebuild_events(store)
    assert _snapshot(store) == incremental
    exported = next(e for e in store.iter_events(reviewed=True) if e.id == ids["arrest"])
    assert [(c.category, c.value) for c in exported.counts] == [("arrested", 52)]


def test_a_report_that_leaves_an_event_makes_the_event_stale(store: Store) -> None:
    _add(store, FIRST)
    update_events(store)
    text, url, _, place, day, category, value = FIRST[1]
    # re-extraction now reads the second Pauktaw report as a killing: the arrest loses a report
    store.add_extraction(_extraction(text, url, "killing", place, day, "killed", value))
    assert not store.events_current()
    update_events(store)
    arrest = next(e for e in store.iter_events() if e.type == "arrest")
    assert len(arrest.reports) == 1 and arrest.verification != "corroborated"
    incremental = _snapshot(store)
    rebuild_events(store)
    assert _snapshot(store) == incremental


def test_reprocessing_writes_the_same_report_keys(store: Store) -> None:
    _add(store, FIRST)
    keys = sorted(r[0] for r in store.conn.execute("SELECT report_key FROM incidents"))
    _add(store, FIRST)  # the same extractions again replace the machine output
    assert sorted(r[0] for r in store.conn.execute("SELECT report_key FROM incidents")) == keys
    assert keys[0].count(":") == 3 and "#" not in keys[0]
