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


def test_upgrading_a_version_2_store_keeps_report_keys_and_queues_unconsolidated_incidents(tmp_path) -> None:
    import sqlite3

    from factfinder.store import schema

    db = tmp_path / "v2.db"
    conn = sqlite3.connect(db, isolation_level=None)
    schema.migrate(conn, name=str(db), migrations=schema.MIGRATIONS[:2])
    conn.execute("INSERT INTO documents (id, doc, text, created_at) VALUES (1, 'abc', ?, 'now')", (RFA,))
    for iid in (1, 2, 3):  # 1 and 2: two arrests read from one sentence; 3: another type
        kind = "killing" if iid == 3 else "arrest"
        conn.execute("INSERT INTO incidents (id, document_id, story, type, summary, created_at)"
                     " VALUES (?, 1, 0, ?, ?, 'now')", (iid, kind, RFA))
        conn.execute('INSERT INTO evidence (document_id, incident_id, ordinal, start, "end", text)'
                     " VALUES (1, ?, 0, 0, 8, ?)", (iid, RFA[:8]))
    conn.execute("INSERT INTO events (id, type, verification, independent_sources, summary, n_reports)"
                 " VALUES ('inc-1', 'arrest', 'reported', 1, ?, 2)", (RFA,))
    conn.execute("INSERT INTO event_reports (event_id, incident_id, report_key, doc)"
                 " VALUES ('inc-1', 1, 'abc:0:arrest:0', 'abc')")
    conn.close()
    with Store.open(db) as store:
        keys = dict(store.conn.execute("SELECT id, report_key FROM incidents"))
        assert keys == {1: "abc:0:arrest:0", 2: "abc:0:arrest:0#2", 3: "abc:0:killing:0"}
        # events are derived data: the upgrade drops them (step 5) and queues every incident
        assert [r[0] for r in store.conn.execute("SELECT incident_id FROM consolidation_pending ORDER BY 1")] == [
            1, 2, 3]
        assert store.count_events() == 0 and not store.events_current()
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
        assert {"web_users", "web_tokens", "web_secrets", "web_events_map", "event_details", "events_fts"} <= tables
        rebuild_events(store)
        assert store.events_current() and store.count_events() == 2


def test_exporting_many_events_issues_a_bounded_number_of_queries() -> None:
    from datetime import date, timedelta

    store = Store.open(":memory:")
    for n in range(60):
        text = f"Police in Almaty detained {n + 2} protesters outside the akimat on day {n}."
        doc = _doc(text, f"https://outlet{n % 7}.example/{n}")
        store.add_document(doc, None)
        day = (date(2022, 1, 3) + timedelta(days=7 * n)).isoformat()  # a week apart: 60 events
        store.add_extraction(_extraction(doc, place=("Almaty", 43.25, 76.92, "KZ", "Almaty"), day=day,
                                         value=n + 2))
    rebuild_events(store)
    queries: list[str] = []
    store.conn.set_trace_callback(queries.append)
    events = list(store.iter_events(reviewed=True))
    store.conn.set_trace_callback(None)
    assert len(events) == 60 and all(e.reports and e.reports[0].incident.evidence for e in events)
    assert len(queries) <= 10  # ids, then rows, members, five incident tables and reviews per chunk


def _search(store: Store, words: str) -> list[str]:
    return [r[0] for r in store.conn.execute(
        "SELECT e.id FROM events e WHERE e.num IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)", (words,))]


def test_each_event_has_one_full_text_entry_that_follows_it_through_updates(monkeypatch) -> None:
    from factfinder.consolidate.stored import update_events
    from factfinder.store import events as store_events

    store = _store()
    rebuild_events(store)
    almaty = next(store.iter_events(EventFilter(country="KZ"))).id
    assert _search(store, '"consulate"') == [almaty]
    assert len(_search(store, '"Pauktaw"')) == 1  # two reports, one event
    monkeypatch.setattr(store_events, "SWEEP_SLACK", 0)
    entries = lambda: store.conn.execute("SELECT count(*) FROM events_fts_docsize").fetchone()[0]  # noqa: E731
    doc = _doc(ALMATY, "https://rferl.org/c")
    seen = []
    for _ in range(3):  # re-extraction makes the Almaty event again, each time under a new number
        store.add_extraction(_extraction(doc, place=("Almaty", 43.25, 76.92, "KZ", "Almaty"), day="2023-11-18",
                                         value=6))
        update_events(store)
        assert _search(store, '"consulate"') == [almaty]  # the entry left behind matches no row
        seen.append(entries())
    assert seen == [3, 4, 2]  # swept once they outnumbered twice the live events
