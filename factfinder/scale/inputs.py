"""What a batch reads: JSON lines, folders of files, WARC files, Parquet tables, as work items.

Each item carries its key, the SHA-256 the output contract gives its document
(of the bytes as received; of the text as UTF-8 for a line or a table row), so
that a resumed run can skip what is done before any worker sees it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from factfinder.errors import UsageError
from factfinder.values.digests import sha256_hex


@dataclass(frozen=True, slots=True)
class Item:
    """One document to process: its key and how to get its text."""

    key: str  # sha256 hex of the document
    origin: str  # where it came from (path, path:line, WARC record URI)
    text: str | None = None  # a line's or a row's text
    data: bytes | None = None  # a file's or a WARC record's bytes
    published: str | None = None
    id: str | None = None
    url: str | None = None
    error: str | None = None  # a line that cannot be read: its message


def _line_item(line: str, number: int, origin: str) -> Item:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Item(sha256_hex(line.encode("utf-8", "surrogatepass")), f"{origin}:{number}",
                    error=f"line {number} is not JSON ({exc.msg}); write one JSON object per line")
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return Item(sha256_hex(line.encode("utf-8", "surrogatepass")), f"{origin}:{number}",
                    id=str(obj.get("id")) if isinstance(obj, dict) and obj.get("id") is not None else None,
                    error=f"line {number} has no \"text\" string; write {{\"id\": ..., \"text\": ...}}")
    text = obj["text"]
    published = obj.get("published") if isinstance(obj.get("published"), str) else None
    return Item(sha256_hex(text.encode("utf-8", "surrogatepass")), f"{origin}:{number}", text=text,
                published=published or None, id=None if obj.get("id") is None else str(obj["id"]),
                url=obj.get("url") if isinstance(obj.get("url"), str) else None)


def _jsonl(path: Path) -> Iterator[Item]:
    with path.open(encoding="utf-8", errors="surrogateescape") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                yield _line_item(line, number, str(path))


def _parquet(path: Path) -> Iterator[Item]:
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    missing = {"id", "text"} - set(table.column_names)
    if missing:
        raise UsageError(f"{path} has no {', '.join(sorted(missing))} column; a Parquet input needs "
                         "`id`, `text` and optionally `published`")
    for n, row in enumerate(table.to_pylist(), 1):
        text = row.get("text")
        if not isinstance(text, str):
            yield Item(sha256_hex(f"{path}:{n}".encode()), f"{path}:{n}", id=str(row.get("id")),
                       error=f"row {n} has no text")
            continue
        published = row.get("published")
        yield Item(sha256_hex(text.encode("utf-8", "surrogatepass")), f"{path}:{n}", text=text,
                   published=str(published)[:10] if published else None,
                   id=None if row.get("id") is None else str(row["id"]))


def _warc(path: Path) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as handle:
        for record in ArchiveIterator(handle):
            if record.rec_type not in ("response", "resource"):
                continue
            data = record.content_stream().read()
            uri = record.rec_headers.get_header("WARC-Target-URI") or str(path)
            yield Item(sha256_hex(data), uri, data=data, url=uri if uri.startswith("http") else None)


def _file(path: Path) -> Item:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Item(sha256_hex(str(path).encode()), str(path), error=f"cannot read {path}: {exc.strerror}")
    return Item(sha256_hex(data), str(path), data=data)


def read_items(inputs: list[str]) -> Iterator[Item]:
    """Work items of every input: .jsonl lines, .parquet rows, .warc(.gz) records, files of folders."""
    for name in inputs:
        path = Path(name)
        if not path.exists():
            raise UsageError(f"{name} does not exist; pass JSON lines, Parquet, WARC files or folders")
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")) \
            if path.is_dir() else [path]
        for file in files:
            suffixes = "".join(file.suffixes[-2:]).lower()
            if file.suffix.lower() == ".jsonl":
                yield from _jsonl(file)
            elif file.suffix.lower() == ".parquet":
                yield from _parquet(file)
            elif suffixes.endswith((".warc", ".warc.gz")):
                yield from _warc(file)
            else:
                yield _file(file)
