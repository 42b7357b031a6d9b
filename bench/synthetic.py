"""A synthetic store for the benches: many incidents, written through the store's own API.

``build_store(db, n)`` writes ``n`` incidents in ``n / per_doc`` documents with
``Store.add_document`` / ``Store.add_extraction`` (one transaction, stories
indexed at the end), then consolidates them with the consolidation stage, as an
ingest would. About four in ten incidents retell an earlier one (same type,
town and day, another outlet), so consolidation has events to merge. The towns
are real places of a few countries (coordinates rounded); the sentences are
assembled from our own templates. Used by bench/ingest.py, bench/export.py,
bench/web_load.py and bench/review_queue.py (with made-up confidences).
"""

from __future__ import annotations

import hashlib
import random
import sys
import time
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factfinder.model import (  # noqa: E402
    Actor, Confidence, Count, DateRange, Document, Extraction, Incident, Place, Span, Story,
)

TYPES = ("killing", "attack", "armed_clash", "arrest", "displacement", "protest", "property_destruction")
VERBS = {"killing": ("killed", "killed"), "attack": ("injured", "wounded"), "armed_clash": ("killed", "killed"),
         "arrest": ("arrested", "arrested"), "displacement": ("displaced", "forced to flee"),
         "protest": ("affected", "marching"), "property_destruction": ("affected", "left homeless")}
# (town, country, admin1, lat, lon): real towns, rounded coordinates.
PLACES = [
    ("Sittwe", "MM", "Rakhine", 20.15, 92.90), ("Pauktaw", "MM", "Rakhine", 20.17, 92.90),
    ("Mandalay", "MM", "Mandalay", 21.97, 96.08), ("Myitkyina", "MM", "Kachin", 25.38, 97.40),
    ("Lashio", "MM", "Shan", 22.93, 97.75), ("Nyala", "SD", "South Darfur", 12.05, 24.88),
    ("El Fasher", "SD", "North Darfur", 13.63, 25.35), ("Omdurman", "SD", "Khartoum", 15.64, 32.48),
    ("Kharkiv", "UA", "Kharkiv", 49.99, 36.23), ("Kherson", "UA", "Kherson", 46.64, 32.62),
    ("Zaporizhzhia", "UA", "Zaporizhzhia", 47.84, 35.14), ("Aleppo", "SY", "Aleppo", 36.20, 37.16),
    ("Idlib", "SY", "Idlib", 35.93, 36.63), ("Goma", "CD", "North Kivu", -1.68, 29.22),
    ("Bunia", "CD", "Ituri", 1.56, 30.25), ("Kandahar", "AF", "Kandahar", 31.61, 65.71),
    ("Herat", "AF", "Herat", 34.35, 62.20), ("Jalalabad", "AF", "Nangarhar", 34.43, 70.45),
]
PERPETRATORS = ("Myanmar military", "Rapid Support Forces", "Russian armed forces", "police", "M23", "Taliban")
WORDS = ("troops", "villagers", "market", "checkpoint", "convoy", "school", "clinic", "camp", "bridge", "river")
RETELL = 0.4  # share of incidents that retell an earlier event from another outlet
OUTLETS = 40


@dataclass(frozen=True)
class Built:
    incidents: int
    documents: int
    events: int
    write_seconds: float
    consolidate_seconds: float


def _incident(rng: random.Random, kind: str, place: tuple, day: str, value: int, offset: int) -> tuple[str, Incident]:
    town, country, admin1, lat, lon = place
    category, verb = VERBS[kind]
    text = (f"In {town} {value} people were {verb} when {rng.choice(WORDS)} and {rng.choice(WORDS)} were hit"
            f" in a {kind.replace('_', ' ')} on {day}. ")
    p0 = offset + 3
    c0 = p0 + len(town) + 1
    span = Span(offset, offset + len(text) - 1, text[:-1])
    return text, Incident(
        doc="", type=kind, summary=text.strip(), story=0, evidence=(span,), date=DateRange(day, day, "day"),
        location=Place(Span(p0, p0 + len(town), town), town, lat, lon, country, admin1, None, None, "town", 0.9),
        perpetrators=(Actor(rng.choice(PERPETRATORS), Span(offset, offset + 2, text[:2])),),
        counts=(Count(category, value, "exact", "people", Span(c0, c0 + len(str(value)), str(value))),))


def synthetic_extractions(n: int, *, seed: int = 7, first_day: date = date(2021, 1, 1), days: int = 1095,
                          per_doc: int = 10, confidence: bool = False):
    """Yield extractions holding ``n`` incidents, ``per_doc`` to a document; with ``confidence``, each
    incident has a made-up confidence (its own random stream: the incidents stay the same)."""
    rng = random.Random(seed)
    sure = random.Random(seed + 1)
    told: list[tuple[str, tuple, str, int]] = []
    made = 0
    d = 0
    while made < n:
        sentences, incidents, offset = [], [], 0
        for _ in range(min(per_doc, n - made)):
            if told and rng.random() < RETELL:
                kind, place, day, value = rng.choice(told[-2000:])
            else:
                kind, place = rng.choice(TYPES), rng.choice(PLACES)
                day = (first_day + timedelta(days=rng.randrange(days))).isoformat()
                value = rng.randint(1, 60)
                told.append((kind, place, day, value))
            text, incident = _incident(rng, kind, place, day, value, offset)
            if confidence:
                incident = replace(incident, confidence=Confidence(*(round(sure.random(), 3) for _ in range(6))))
            sentences.append(text)
            incidents.append(incident)
            offset += len(text)
            made += 1
        body = "".join(sentences)
        sha = hashlib.sha256(f"bench-{seed}-{d}".encode()).hexdigest()
        document = Document(sha, body, published=(first_day + timedelta(days=days)).isoformat(),
                            url=f"https://outlet{d % OUTLETS}.example/{d}", stories=(Story(0, 0, len(body)),))
        yield Extraction(document, tuple(_with_doc(i, sha) for i in incidents))
        d += 1


def _with_doc(incident: Incident, doc: str) -> Incident:
    return replace(incident, doc=doc)


def build_store(db: Path, n: int, **options: object) -> Built:
    """A consolidated store of ``n`` synthetic incidents at ``db``."""
    from factfinder.consolidate.stored import rebuild_events
    from factfinder.store import Store

    t0 = time.perf_counter()
    documents = 0
    with Store.open(db) as store:
        with store.transaction():
            for extraction in synthetic_extractions(n, **options):  # type: ignore[arg-type]
                store.add_document(extraction.document, None, index=False)
                store.add_extraction(extraction)
                documents += 1
        store.index_stories()
        t1 = time.perf_counter()
        events = rebuild_events(store)
        t2 = time.perf_counter()
        store.conn.execute("ANALYZE")
    return Built(n, documents, events, t1 - t0, t2 - t1)
