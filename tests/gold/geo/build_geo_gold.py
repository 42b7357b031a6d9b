"""Build tests/gold/geo/geo_gold.jsonl from the hand-written annotation sources.

Why a builder: offsets counted by hand are wrong sooner or later. Annotators write
each place as a quoted substring (optionally with 1-based occurrence indexes) that
points at a row of ``places.tsv``; this script finds the spans, asserts that
``text[start:end]`` is the quote, and writes the JSON Lines gold file described in
docs/gold-format.md ("Geo gold").

Usage::

    python tests/gold/geo/build_geo_gold.py            # (re)write geo_gold.jsonl
    python tests/gold/geo/build_geo_gold.py --check    # fail if the jsonl is stale
    python tests/gold/geo/build_geo_gold.py --review   # list capitalised words left unannotated

Annotation source format (``annotations/*.txt``), one document after another::

    ### id: fr-paris-pension-protest
    ### published: 2023-03-28
    Headline

    Body text ...
    ---
    Paris => paris_fr              every whole-word occurrence not inside a longer span
    Lyon@2 => lyon                 only the 2nd whole-word occurrence
    Georgia@1,3 => georgia_us      the 1st and the 3rd

Longer quotes are placed first, so ``Kherson oblast`` claims its words before a bare
``Kherson`` line is applied; a span that partly overlaps another is an error.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLACES_TSV = HERE / "places.tsv"
ANNOTATIONS = HERE / "annotations"
GOLD = HERE / "geo_gold.jsonl"
PRECISIONS = ("point", "town", "admin2", "admin1", "country")
_LINE = re.compile(r"^(?P<quote>.+?)(?:@(?P<occ>\d+(?:,\d+)*))?\s+=>\s+(?P<key>[\w-]+)\s*$")


@dataclass(frozen=True)
class PlaceRow:
    key: str
    name: str
    lat: float
    lon: float
    country: str
    admin1: str | None
    precision: str
    source: str


@dataclass(frozen=True)
class Annotation:
    quote: str
    occurrences: tuple[int, ...]  # empty: all whole-word occurrences
    key: str


@dataclass(frozen=True)
class SourceDoc:
    id: str
    published: str | None
    text: str
    annotations: tuple[Annotation, ...]
    origin: str


class GoldError(ValueError):
    """An annotation that cannot be turned into a valid span."""


def load_places(path: Path = PLACES_TSV) -> dict[str, PlaceRow]:
    """Read the place table; one row per distinct place, reused across documents."""
    rows: dict[str, PlaceRow] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        for rec in csv.DictReader(lines, delimiter="\t"):
            key = rec["key"]
            if key in rows:
                raise GoldError(f"places.tsv: duplicate key {key}")
            if rec["precision"] not in PRECISIONS:
                raise GoldError(f"places.tsv: {key} has precision {rec['precision']!r}")
            rows[key] = PlaceRow(
                key=key,
                name=rec["name"],
                lat=round(float(rec["lat"]), 4),
                lon=round(float(rec["lon"]), 4),
                country=rec["country"],
                admin1=rec["admin1"] or None,
                precision=rec["precision"],
                source=rec["source"],
            )
    return rows


def parse_sources(directory: Path = ANNOTATIONS) -> list[SourceDoc]:
    """Parse every ``annotations/*.txt`` file in name order."""
    docs: list[SourceDoc] = []
    for path in sorted(directory.glob("*.txt")):
        chunks = re.split(r"^### id: ", path.read_text(encoding="utf-8"), flags=re.M)
        for chunk in chunks[1:]:
            docs.append(_parse_chunk(chunk, path.name))
    ids = [doc.id for doc in docs]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise GoldError(f"duplicate document ids: {sorted(dupes)}")
    return docs


def _parse_chunk(chunk: str, origin: str) -> SourceDoc:
    head, sep, tail = chunk.partition("\n---\n")
    if not sep:
        raise GoldError(f"{origin}: document without a '---' line: {chunk[:40]!r}")
    lines = head.split("\n")
    doc_id = lines[0].strip()
    published = None
    body_start = 1
    if len(lines) > 1 and lines[1].startswith("### published:"):
        published = lines[1].split(":", 1)[1].strip() or None
        body_start = 2
    text = "\n".join(lines[body_start:]).strip()
    annotations = []
    for raw in tail.split("\n"):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        match = _LINE.match(raw.strip())
        if not match:
            raise GoldError(f"{origin}/{doc_id}: cannot read annotation line {raw!r}")
        occ = tuple(int(n) for n in match["occ"].split(",")) if match["occ"] else ()
        annotations.append(Annotation(match["quote"], occ, match["key"]))
    return SourceDoc(doc_id, published, text, tuple(annotations), origin)


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    pattern = re.compile(r"(?<!\w)" + re.escape(quote) + r"(?!\w)")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def resolve_spans(doc: SourceDoc, places: dict[str, PlaceRow]) -> list[dict]:
    """Turn a document's annotations into sorted place records with checked offsets."""
    claimed: list[tuple[int, int, str, str]] = []
    where = f"{doc.origin}/{doc.id}"
    for ann in sorted(doc.annotations, key=lambda a: -len(a.quote)):
        if ann.key not in places:
            raise GoldError(f"{where}: unknown place key {ann.key!r}")
        found = _occurrences(doc.text, ann.quote)
        if not found:
            raise GoldError(f"{where}: {ann.quote!r} does not occur as a whole word")
        if ann.occurrences:
            bad = [n for n in ann.occurrences if not 1 <= n <= len(found)]
            if bad:
                raise GoldError(f"{where}: {ann.quote!r} has {len(found)} occurrences, not {bad}")
            chosen = [found[n - 1] for n in ann.occurrences]
        else:
            if sum(a.quote == ann.quote for a in doc.annotations) > 1:
                raise GoldError(f"{where}: {ann.quote!r} is annotated twice; give occurrence indexes")
            chosen = [span for span in found if not any(s <= span[0] and span[1] <= e for s, e, _, _ in claimed)]
            if not chosen:
                raise GoldError(f"{where}: every {ann.quote!r} is already inside a longer span")
        for start, end in chosen:
            for s, e, other, _ in claimed:
                if start < e and s < end:
                    raise GoldError(f"{where}: {ann.quote!r} at {start} overlaps {other!r} at {s}")
            claimed.append((start, end, ann.quote, ann.key))
            assert doc.text[start:end] == ann.quote
    out = []
    for start, end, _, key in sorted(claimed):
        row = places[key]
        out.append({"start": start, "end": end, "text": doc.text[start:end], "name": row.name,
                    "lat": row.lat, "lon": row.lon, "country": row.country,
                    "admin1": row.admin1, "precision": row.precision})
    return out


def build_records() -> list[dict]:
    places = load_places()
    return [{"id": doc.id, "text": doc.text, "published": doc.published,
             "places": resolve_spans(doc, places)} for doc in parse_sources()]


def render(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def review(records: list[dict]) -> None:
    """Print capitalised words outside every span, for the annotator to check by eye."""
    for rec in records:
        covered = [(p["start"], p["end"]) for p in rec["places"]]
        words = [m for m in re.finditer(r"\b[A-Z][\w'’-]+", rec["text"])
                 if not any(s <= m.start() < e for s, e in covered)]
        print(f"{rec['id']} ({len(rec['places'])} places): " + ", ".join(sorted({m.group() for m in words})))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if geo_gold.jsonl is stale")
    parser.add_argument("--review", action="store_true", help="list unannotated capitalised words")
    args = parser.parse_args(argv)
    records = build_records()
    rendered = render(records)
    if args.review:
        review(records)
    if args.check:
        if not GOLD.exists() or GOLD.read_text(encoding="utf-8") != rendered:
            print("geo_gold.jsonl is stale: run python tests/gold/geo/build_geo_gold.py", file=sys.stderr)
            return 1
        return 0
    GOLD.write_text(rendered, encoding="utf-8")
    total = sum(len(r["places"]) for r in records)
    print(f"wrote {GOLD.name}: {len(records)} texts, {total} place mentions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
