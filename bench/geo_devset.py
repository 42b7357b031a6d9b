"""Geoparsing accuracy on the development sets (../shared/devsets), scored like the held-out ones.

Usage: .venv/bin/python bench/geo_devset.py [gwn|tr_news ...] [--errors N] [--limit N] [--half dev|check|all]
Prints mention P/R/F1 (exact, overlap), accuracy within 161 km and 25 km (end
to end) and the median error. The texts are read at run time, never copied.

Each set is split in two fixed halves by the parity of the first byte of the
SHA-256 of the record id: "dev" (even) is the half to look at while working,
"check" (odd) is kept aside as the final check. Without ``--half`` both halves
and their union are scored and printed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

from factfinder.extract.nlp import load_nlp
from factfinder.geo import Gazetteer, Geoparser
from factfinder.geo.evaluate import GeoScore, gold_places, predicted_places
from factfinder.model import Document
from factfinder.records import place_record

DEVSETS = Path(__file__).resolve().parent.parent.parent / "shared" / "devsets"


def half_of(record_id: str) -> str:
    """The fixed half of a record: "dev" when the first SHA-256 byte of its id is even, else "check"."""
    return "dev" if hashlib.sha256(record_id.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def run(name: str, parser: Geoparser, *, limit: int | None, errors: int, half: str | None = None,
        devsets: Path = DEVSETS) -> dict:
    scores = {"all": GeoScore(), "dev": GeoScore(), "check": GeoScore()}
    shown = 0
    started = time.perf_counter()
    lines = (devsets / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()[:limit]
    for line in lines:
        record = json.loads(line)
        part = half_of(str(record["id"]))
        if half not in (None, "all", part):
            continue
        text = record["text"]
        places = parser.parse(Document(doc=record["id"], text=text, published=record.get("pub_date")))
        predicted = predicted_places(place_record(p, doc="") for p in places)
        scores[part].add(gold_places(record), predicted)
        pairs = scores["all"].add(gold_places(record), predicted)
        for g, p in pairs:
            if shown >= errors or g.lat is None:
                continue
            from factfinder.geo.gazetteer import haversine_km

            if p is None or p.lat is None or haversine_km(g.lat, g.lon, p.lat, p.lon) > 161:
                shown += 1
                got = next((pl for pl in places if p and pl.span.start == p.start), None)
                print(f"  MISS {record['id']} {text[g.start:g.end]!r} gold=({g.lat:.2f},{g.lon:.2f}) "
                      f"got={(got.name, got.country, got.precision, got.lat, got.lon) if got else None} "
                      f"ctx={text[max(0, g.start - 40):g.end + 30]!r}", file=sys.stderr)
    summary = {part: score.summary() for part, score in scores.items() if score.gold}
    summary["seconds"] = round(time.perf_counter() - started, 1)
    return summary


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="*", default=["gwn", "tr_news"])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--devsets", type=Path, default=DEVSETS, help="the dev-set folder (default ../shared/devsets)")
    ap.add_argument("--half", choices=["dev", "check", "all"], help="score one fixed half only (default: both)")
    args = ap.parse_args()
    if not args.devsets.is_dir():
        print(f"no devsets at {args.devsets}; pass --devsets DIR")
        return
    parser = Geoparser(Gazetteer.open(), load_nlp())
    for name in args.sets:
        result = run(name, parser, limit=args.limit, errors=args.errors, half=args.half, devsets=args.devsets)
        for part in ("dev", "check", "all"):
            if part in result:
                print(name, part, json.dumps(result[part]))
        print(name, "seconds", result["seconds"])


if __name__ == "__main__":
    main()
