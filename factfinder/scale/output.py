"""Parquet output of a batch, committed chunk by chunk, so each document lands exactly once.

Layout under OUT/: ``documents/``, ``incidents/``, ``statistics/``, ``errors/``,
each partitioned by year of publication (``year=2023/``, ``year=unknown/``),
files named ``part-<chunk>.parquet`` where ``<chunk>`` is a hash of the chunk's
document keys. A chunk's files are written first (temporary name, then rename)
and the chunk is committed last by ``_committed/<chunk>.json``, which lists its
document keys. On a re-run, files of uncommitted chunks (a killed run's last
chunk) are deleted and the committed keys are skipped: every document's rows
appear exactly once, whatever the engine or the writer does. The flattened
schema (docs/scale.md) follows the output contract; keys the schema does not
name are kept in an ``extra`` JSON column.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from factfinder.values.numbers import whole

TABLES = ("documents", "incidents", "statistics", "errors")
COMMITTED = "_committed"

_SPAN = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()),
                   ("page", pa.int32()), ("boxes", pa.list_(pa.list_(pa.int64())))])
_ACTOR = pa.struct([("name", pa.string()), ("text", pa.string()), ("kind", pa.string())])
_ATTRIBUTION = pa.struct([("source", pa.string()), ("kind", pa.string()), ("text", pa.string())])
_COUNT = pa.struct([("category", pa.string()), ("value", pa.float64()), ("qualifier", pa.string()),
                    ("unit", pa.string()), ("text", pa.string())])
_DATE = pa.struct([("start", pa.string()), ("end", pa.string()), ("precision", pa.string()), ("text", pa.string())])
_LOCATION = pa.struct([("name", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()), ("country", pa.string()),
                       ("admin1", pa.string()), ("admin2", pa.string()), ("geonameid", pa.int64()),
                       ("precision", pa.string()), ("text", pa.string())])
_PAGE = pa.struct([("page", pa.int32()), ("start", pa.int64()), ("end", pa.int64()), ("method", pa.string()),
                   ("engine", pa.string()), ("languages", pa.string()), ("confidence", pa.float64()),
                   ("width", pa.int64()), ("height", pa.int64()), ("dpi", pa.int64())])

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("key", pa.string()), ("doc", pa.string()), ("id", pa.string()), ("origin", pa.string()),
        ("title", pa.string()), ("published", pa.string()), ("language", pa.string()),
        ("notes", pa.list_(pa.string())), ("pages", pa.list_(_PAGE)), ("text", pa.string()), ("extra", pa.string()),
    ]),
    "incidents": pa.schema([
        ("key", pa.string()), ("doc", pa.string()), ("id", pa.string()), ("story", pa.int64()),
        ("type", pa.string()), ("summary", pa.string()), ("date", _DATE), ("location", _LOCATION),
        ("perpetrators", pa.list_(_ACTOR)), ("targets", pa.list_(_ACTOR)), ("counts", pa.list_(_COUNT)),
        ("attribution", pa.list_(_ATTRIBUTION)), ("verification", pa.string()), ("evidence", pa.list_(_SPAN)),
        ("extra", pa.string()),
    ]),
    "statistics": pa.schema([
        ("key", pa.string()), ("doc", pa.string()), ("id", pa.string()), ("measure", pa.string()),
        ("category", pa.string()), ("value", pa.float64()), ("qualifier", pa.string()), ("unit", pa.string()),
        ("as_of", pa.string()), ("place", pa.struct([("name", pa.string()), ("country", pa.string()),
                                                     ("precision", pa.string())])),
        ("attribution", pa.list_(_ATTRIBUTION)), ("evidence", pa.list_(_SPAN)), ("extra", pa.string()),
    ]),
    "errors": pa.schema([("key", pa.string()), ("origin", pa.string()), ("id", pa.string()),
                         ("message", pa.string())]),
}
_RECORD_KIND = {"documents": "document", "incidents": "incident", "statistics": "statistic"}


def chunk_name(keys: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(keys)).encode()).hexdigest()[:20]


def _flatten(table: str, record: dict[str, Any], key: str, origin: str | None = None) -> dict[str, Any]:
    """A contract record as a row of ``table``: named columns, anything else in ``extra``."""
    names = set(SCHEMAS[table].names)
    row = {k: v for k, v in record.items() if k in names}
    row["key"] = key
    if table == "documents":
        row["origin"] = origin
    extra = {k: v for k, v in record.items() if k not in names and k != "record"}
    row["extra"] = json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None
    return row


def unflatten(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """The contract record of a row read back (the inverse of the writer's flattening)."""
    record: dict[str, Any] = {"record": _RECORD_KIND[table]}
    skip = {"key", "extra", "origin", "year"}
    for name, value in row.items():
        if name not in skip and not (value is None and name in _OPTIONAL):
            record[name] = _strip_nulls(value, name)
    if row.get("extra"):
        record.update(json.loads(row["extra"]))
    if record.get("id") is None:
        record.pop("id", None)
    return record


# Keys the writer adds to nested values that a record only carries sometimes.
_OPTIONAL = {"page", "boxes", "kind", "pages", "notes", "engine", "languages", "confidence", "width", "height", "dpi"}


def _strip_nulls(value: Any, name: str) -> Any:
    if isinstance(value, dict):
        return {k: _strip_nulls(v, k) for k, v in value.items() if not (v is None and k in _OPTIONAL)}
    if isinstance(value, list):
        return [_strip_nulls(v, name) for v in value]
    if isinstance(value, float) and name == "value":
        return whole(value)
    return value


class ChunkWriter:
    """Writes committed chunks under ``out`` and knows which documents are done."""

    def __init__(self, out: Path) -> None:
        self.out = out
        for table in (*TABLES, COMMITTED):
            (out / table).mkdir(parents=True, exist_ok=True)
        self.committed = {p.stem for p in (out / COMMITTED).glob("*.json")}
        self._remove_uncommitted()

    def done_keys(self) -> set[str]:
        keys: set[str] = set()
        for path in (self.out / COMMITTED).glob("*.json"):
            keys.update(json.loads(path.read_text(encoding="utf-8"))["keys"])
        return keys

    def _remove_uncommitted(self) -> None:
        for table in TABLES:
            for path in (self.out / table).rglob("*.parquet*"):
                name = path.name.split(".", 1)[0].removeprefix("part-")
                if name not in self.committed or path.name.endswith(".tmp"):
                    path.unlink()

    def write(self, rows: list[dict[str, Any]]) -> dict[str, int]:
        """Write one chunk of worker rows and commit it; the counts of rows per table."""
        name = chunk_name(r["key"] for r in rows)
        tables: dict[str, dict[str, list[dict[str, Any]]]] = {t: {} for t in TABLES}
        for row in rows:
            year = str(row["year"]) if row.get("year") else "unknown"
            if row["error"] is not None:
                tables["errors"].setdefault("unknown", []).append(
                    {"key": row["key"], "origin": row["origin"], "id": row.get("id"), "message": row["error"]})
                continue
            tables["documents"].setdefault(year, []).append(
                _flatten("documents", row["document"], row["key"], row["origin"]))
            for table in ("incidents", "statistics"):
                tables[table].setdefault(year, []).extend(_flatten(table, r, row["key"]) for r in row[table])
        counts = {t: 0 for t in TABLES}
        for table, by_year in tables.items():
            for year, items in by_year.items():
                folder = self.out / table / f"year={year}"
                folder.mkdir(exist_ok=True)
                target = folder / f"part-{name}.parquet"
                temporary = folder / f"part-{name}.parquet.tmp"
                pq.write_table(pa.Table.from_pylist(items, schema=SCHEMAS[table]), temporary)
                os.replace(temporary, target)
                counts[table] += len(items)
        marker = self.out / COMMITTED / f"{name}.json"
        temporary_marker = marker.with_suffix(".tmp")
        temporary_marker.write_text(json.dumps({"keys": sorted(r["key"] for r in rows), "counts": counts}),
                                    encoding="utf-8")
        os.replace(temporary_marker, marker)
        self.committed.add(name)
        return counts

    def totals(self) -> dict[str, int]:
        totals = {t: 0 for t in TABLES}
        for path in (self.out / COMMITTED).glob("*.json"):
            for table, n in json.loads(path.read_text(encoding="utf-8"))["counts"].items():
                totals[table] += n
        return totals


def read_records(out: Path, table: str) -> list[dict[str, Any]]:
    """Every row of one output table, as contract records (errors as they were written)."""
    import pyarrow.dataset as ds

    folder = out / table
    if not any(folder.rglob("*.parquet")):
        return []
    dataset = ds.dataset(folder, format="parquet", partitioning="hive", schema=SCHEMAS[table].append(
        pa.field("year", pa.string())))
    rows = dataset.to_table().to_pylist()
    return rows if table == "errors" else [unflatten(table, r) for r in rows]
