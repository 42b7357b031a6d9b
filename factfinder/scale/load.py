"""`factfinder load`: a batch output (Parquet) into the store, so the web app and exports work on it.

Every document becomes a source with its SHA-256 (the original bytes kept where
they can still be had: the file it came from, or a JSON line's text when it
hashes to the same key), its text and stories, and its incidents and statistics
as machine output; consolidation runs once at the end. The contract records
carry the offsets of their evidence but only the words of their other fields
(a date's, a count's...); each such field is found again in the text, nearest
its evidence, so every stored span is exact.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from factfinder.capture.common import Capture, sha256_hex
from factfinder.capture.sniff import TEXT, sniff
from factfinder.errors import UsageError
from factfinder.model import (
    AcledCode, Actor, Attribution, Confidence, Count, DateRange, Extraction, Incident, Place, Source, Span,
    Statistic,
)
from factfinder.scale.output import read_records
from factfinder.values.isodate import utc_now

Record = dict[str, Any]


@dataclass
class LoadSummary:
    documents: int = 0
    present: int = 0  # already in the store
    without_original: int = 0  # recorded by hash; the bytes were not at hand
    incidents: int = 0
    statistics: int = 0
    events: int | None = None


def _find(text: str, words: str | None, near: int, within: tuple[int, int] | None = None) -> Span | None:
    """The occurrence of ``words`` in ``text`` nearest ``near`` (inside ``within`` first)."""
    if not words:
        return None
    ranges = [within] if within else []
    ranges.append((0, len(text)))
    for start, end in ranges:
        hits, at = [], text.find(words, start, end)
        while at != -1:
            hits.append(at)
            at = text.find(words, at + 1, end)
        if hits:
            best = min(hits, key=lambda h: abs(h - near))
            return Span(best, best + len(words), words)
    return None


def _spans(record: Record) -> tuple[Span, ...]:
    return tuple(Span(e["start"], e["end"], e["text"]) for e in record.get("evidence") or ())


def _around(evidence: tuple[Span, ...]) -> tuple[int, tuple[int, int] | None]:
    if not evidence:
        return 0, None
    return evidence[0].start, (min(s.start for s in evidence), max(s.end for s in evidence))


def _actors(text: str, items: list[Record] | None, near: int, within: tuple[int, int] | None) -> tuple[Actor, ...]:
    return tuple(Actor(item["name"], span, item.get("kind")) for item, span in _located(text, items, near, within))


def _attribution(text: str, items: list[Record] | None, near: int, within: tuple[int, int] | None) -> tuple[Attribution, ...]:
    return tuple(Attribution(item["source"], item["kind"], span) for item, span in _located(text, items, near, within))


def _located(text: str, items: list[Record] | None, near: int,
             within: tuple[int, int] | None) -> Iterator[tuple[Record, Span]]:
    """Each field record whose words are found again in the text, with their span (others are dropped)."""
    for item in items or ():
        span = _find(text, item.get("text"), near, within)
        if span is not None:
            yield item, span


def incident_of(record: Record, text: str) -> Incident:
    """The Incident of a contract record, every span found again in ``text``."""
    evidence = _spans(record)
    near, within = _around(evidence)
    date = None
    if record.get("date"):
        d = record["date"]
        date = DateRange(d["start"], d["end"], d["precision"], _find(text, d.get("text"), near, within))
    location = None
    if record.get("location"):
        loc = record["location"]
        span = _find(text, loc.get("text"), near, within)
        if span is not None:
            location = Place(span, loc.get("name"), loc.get("lat"), loc.get("lon"), loc.get("country"),
                             loc.get("admin1"), loc.get("admin2"), loc.get("geonameid"), loc.get("precision"))
    counts = [Count(c["category"], float(c["value"]), c["qualifier"], c["unit"], span)
              for c, span in _located(text, record.get("counts"), near, within)]
    return Incident(doc=record["doc"], type=record["type"], summary=record["summary"], evidence=evidence,
                    story=record.get("story"), date=date, date_span=date.span if date else None,
                    location=location, perpetrators=_actors(text, record.get("perpetrators"), near, within),
                    targets=_actors(text, record.get("targets"), near, within), counts=tuple(counts),
                    attribution=_attribution(text, record.get("attribution"), near, within),
                    verification=record.get("verification") or "reported", id=record.get("id"),
                    subtype=record.get("subtype"),
                    acled=AcledCode(**record["acled"]) if record.get("acled") else None,
                    confidence=Confidence(**record["confidence"]) if record.get("confidence") else None)


def statistic_of(record: Record, text: str) -> Statistic:
    evidence = _spans(record)
    near, within = _around(evidence)
    place = None
    if record.get("place"):
        p = record["place"]
        span = _find(text, p.get("name"), near, within) or (evidence[0] if evidence else Span(0, 0, ""))
        place = Place(span, p.get("name"), country=p.get("country"), precision=p.get("precision"))
    return Statistic(doc=record["doc"], measure=record["measure"], category=record["category"],
                     value=float(record["value"]), qualifier=record["qualifier"], unit=record["unit"],
                     evidence=evidence, as_of=record.get("as_of"), place=place,
                     attribution=_attribution(text, record.get("attribution"), near, within), id=record.get("id"))


def _original(origin: str, key: str, text: str) -> bytes | None:
    """The original bytes of a document if they can still be had and hash to its key."""
    path = Path(origin)
    try:
        if path.is_file():
            data = path.read_bytes()
            if sha256_hex(data) == key:
                return data
    except OSError:
        pass
    data = text.encode("utf-8", "surrogatepass")
    return data if sha256_hex(data) == key else None


def _capture(key: str, origin: str, data: bytes | None) -> Capture:
    media = sniff(data, name=origin)[0] if data is not None else TEXT
    source = Source(sha256=key, size=len(data) if data is not None else 0, media_type=media, origin=origin,
                    captured_at=utc_now())
    return Capture(source=source, data=data)


def _by_key(out: Path, table: str) -> dict[str, list[Record]]:
    grouped: dict[str, list[Record]] = {}
    for record in read_records(out, table):
        grouped.setdefault(record["doc"], []).append(record)
    return grouped


def _documents(out: Path) -> Iterator[tuple[str, Record, str]]:
    import pyarrow.dataset as ds

    folder = out / "documents"
    if not any(folder.rglob("*.parquet")):
        return
    for row in ds.dataset(folder, format="parquet", partitioning="hive").to_table().to_pylist():
        yield row["key"], row, row.get("origin") or row["key"]


def load_batch(out: Path, *, store: Any) -> LoadSummary:
    """Load the batch output under ``out`` into ``store`` and consolidate; loading twice adds nothing."""
    from factfinder.text import document_from_text

    if not (out / "manifest.json").is_file() and not (out / "documents").is_dir():
        raise UsageError(f"{out} is not a batch output (no manifest.json, no documents/); "
                         "run `factfinder batch ... --out DIR` first")
    summary = LoadSummary()
    incidents, statistics = _by_key(out, "incidents"), _by_key(out, "statistics")
    for key, row, origin in _documents(out):
        if store.is_extracted(key):
            summary.present += 1
            continue
        text = row["text"]
        data = _original(origin, key, text)
        summary.without_original += data is None
        document = document_from_text(text, published=row.get("published"), title=row.get("title"))
        document = replace(document, doc=key, language=row.get("language"),
                           notes=tuple(row.get("notes") or ()), id=row.get("id"))
        found = tuple(incident_of(r, text) for r in incidents.get(key, ()))
        stats = tuple(statistic_of(r, text) for r in statistics.get(key, ()))
        with store.transaction():
            store.add_capture(_capture(key, origin, data))
            store.add_document(document, key, index=False)
            store.add_extraction(Extraction(document=document, incidents=found, statistics=stats))
        summary.documents += 1
        summary.incidents += len(found)
        summary.statistics += len(stats)
    store.index_stories()
    if summary.documents:
        from factfinder.consolidate.stored import update_events

        summary.events = update_events(store)  # only the blocks the loaded incidents touch
    return summary

