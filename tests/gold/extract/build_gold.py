"""Build the extraction gold JSONL files from their readable TOML sources.

Why: offsets must never be counted by hand. An annotator writes each evidence
span as a quoted fragment of the text; this script finds it, widens it to the
whole sentence (or keeps it exact when the quote starts with ``=``), checks
that the fragment occurs exactly once (``{q = "...", n = 2}`` picks the n-th
occurrence), and writes ``text[start:end]`` with its offsets. Places are named
once in ``places.toml`` and referred to by key.

Sources and outputs (all beside this file):
  seeds.toml   -> seeds.jsonl    (text read from ../shared/seeds at build time)
  reports_?.toml -> reports.jsonl (text written by us, stored in the file)
  reports_ngo.toml -> ngo_paragraphs.jsonl (annual-report paragraphs
               under a country heading, written by us; pooled into the quality
               gate's floors since 2026-12-06)
Places come from every ``places*.toml`` (a key may be defined only once).

Run: ``.venv/bin/python tests/gold/extract/build_gold.py``
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[3] / "shared" / "seeds"

# Tokens after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec",
    "mr", "mrs", "ms", "dr", "gen", "maj", "lt", "col", "capt", "sgt", "st", "no",
    "u.s", "u.n", "u.k", "prof", "rev", "gov", "sen", "rep", "inc", "co", "vs",
}
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])|\n")


class GoldError(ValueError):
    """An annotation that does not match its text; the message names it."""


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Split into sentences by punctuation + capital, or newline, skipping abbreviations."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        head = text[start:match.start()].rstrip("\"”’'")
        last = head.split()[-1].strip("(\"“‘'").rstrip(".").lower() if head.split() else ""
        if match.group() != "\n" and last in ABBREVIATIONS:
            continue
        if text[start:match.start()].strip():
            bounds.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        bounds.append((start, len(text)))
    return [_strip(text, s, e) for s, e in bounds]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    # A closing quote that belongs to the sentence.
    if end < len(text) and text[end - 1] in ".!?" and text[end:end + 1] in ("\"", "”", "’"):
        end += 1
    return start, end


def locate(text: str, quote: Any, doc_id: str) -> dict[str, Any]:
    """Turn one evidence quote into an exact span of ``text``."""
    n, picked = 1, isinstance(quote, dict)
    if picked:
        n = int(quote.get("n", 1))
        quote = quote["q"]
    exact = quote.startswith("=")
    fragment = quote[1:] if exact else quote
    hits = [m.start() for m in re.finditer(re.escape(fragment), text)]
    if not hits:
        raise GoldError(f"{doc_id}: quote not found: {fragment!r}")
    if len(hits) > 1 and not picked:
        raise GoldError(f"{doc_id}: quote occurs {len(hits)} times, give n: {fragment!r}")
    if n > len(hits):
        raise GoldError(f"{doc_id}: quote occurs {len(hits)} times, not {n}: {fragment!r}")
    start = hits[n - 1]
    end = start + len(fragment)
    if not exact:
        covering = [(s, e) for s, e in sentence_bounds(text) if s < end and start < e]
        start, end = covering[0][0], covering[-1][1]
    span = {"start": start, "end": end, "text": text[start:end]}
    assert text[span["start"]:span["end"]] == span["text"]
    return span


def _date(value: Any) -> dict[str, str] | None:
    if value is None:
        return None
    start, end, precision = value
    return {"start": start, "end": end, "precision": precision}


def _location(key: str | None, places: dict[str, dict[str, Any]], doc_id: str) -> dict[str, Any] | None:
    if key is None:
        return None
    if key not in places:
        raise GoldError(f"{doc_id}: place {key!r} is not in places.toml")
    place = places[key]
    return {field: place.get(field) for field in ("name", "lat", "lon", "country", "admin1", "precision")}


def build_doc(raw: dict[str, Any], places: dict[str, dict[str, Any]], seeds_dir: Path = SEEDS) -> dict[str, Any]:
    """One TOML ``[[doc]]`` table -> one gold JSON object."""
    doc_id = raw["id"]
    seed = raw.get("seed")
    text = (seeds_dir / seed).read_text(encoding="utf-8") if seed else raw["text"]
    incidents = []
    for inc in raw.get("incident", []):
        incidents.append({
            "type": inc["type"],
            "evidence": [locate(text, q, doc_id) for q in inc["evidence"]],
            "date": _date(inc.get("date")),
            "location": _location(inc.get("location"), places, doc_id),
            "perpetrators": inc.get("perpetrators", []),
            "targets": inc.get("targets", []),
            "counts": [{"category": c, "value": v, "qualifier": q} for c, v, q in inc.get("counts", [])],
            "attribution": [{"source": s, "kind": k} for s, k in inc.get("attribution", [])],
            "verification": inc.get("verification", "reported"),
        })
    statistics = []
    for st in raw.get("statistic", []):
        statistics.append({
            "category": st["category"], "value": st["value"], "qualifier": st["qualifier"],
            "as_of": st.get("as_of"),
            "evidence": [locate(text, q, doc_id) for q in st["evidence"]],
        })
    return {
        "id": doc_id,
        "seed": seed,
        "text": None if seed else text,
        "published": raw.get("published"),
        "incidents": incidents,
        "statistics": statistics,
    }


def build(sources: list[Path], places: dict[str, dict[str, Any]], seeds_dir: Path = SEEDS) -> list[dict[str, Any]]:
    docs = []
    for source in sources:
        with source.open("rb") as handle:
            docs.extend(build_doc(raw, places, seeds_dir) for raw in tomllib.load(handle).get("doc", []))
    ids = [d["id"] for d in docs]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise GoldError(f"duplicate document ids: {sorted(dupes)}")
    return docs


def load_places(paths: list[Path] | None = None) -> dict[str, dict[str, Any]]:
    """Every place key of ``places*.toml``; a key defined twice is an error, not an override."""
    places: dict[str, dict[str, Any]] = {}
    for path in paths if paths is not None else sorted(HERE.glob("places*.toml")):
        with path.open("rb") as handle:
            table = tomllib.load(handle)
        twice = sorted(set(table) & set(places))
        if twice:
            raise GoldError(f"{path.name}: places already defined in another places file: {twice}")
        places.update(table)
    return places


def write_jsonl(docs: list[dict[str, Any]], target: Path) -> None:
    with target.open("w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")


def outputs() -> dict[str, list[Path]]:
    """Which sources make which output file."""
    return {
        "seeds.jsonl": [HERE / "seeds.toml"],
        "reports.jsonl": sorted(HERE.glob("reports_?.toml")),
        "ngo_paragraphs.jsonl": [HERE / "reports_ngo.toml"],
    }


def main() -> int:
    places = load_places()
    for name, sources in outputs().items():
        if name == "seeds.jsonl" and not SEEDS.is_dir():
            print(f"skip {name}: {SEEDS} not found", file=sys.stderr)
            continue
        docs = build(sources, places)
        write_jsonl(docs, HERE / name)
        n_inc = sum(len(d["incidents"]) for d in docs)
        n_stat = sum(len(d["statistics"]) for d in docs)
        print(f"{name}: {len(docs)} documents, {n_inc} incidents, {n_stat} statistics")
    return 0


if __name__ == "__main__":
    sys.exit(main())
