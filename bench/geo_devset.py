"""Geoparsing accuracy on the development sets (../shared/devsets), scored like the held-out ones.

Usage: .venv/bin/python bench/geo_devset.py [gwn|tr_news ...] [--errors N] [--limit N]
Prints mention P/R/F1 (exact, overlap), accuracy within 161 km and 25 km (end
to end) and the median error. The texts are read at run time, never copied.
"""

from __future__ import annotations

import argparse
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


def run(name: str, parser: Geoparser, *, limit: int | None, errors: int) -> dict:
    score = GeoScore()
    shown = 0
    started = time.perf_counter()
    lines = (DEVSETS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()[:limit]
    for line in lines:
        record = json.loads(line)
        text = record["text"]
        places = parser.parse(Document(doc=record["id"], text=text, published=record.get("pub_date")))
        pairs = score.add(gold_places(record), predicted_places(place_record(p, doc="") for p in places))
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
    summary = score.summary()
    summary["seconds"] = round(time.perf_counter() - started, 1)
    return summary


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="*", default=["gwn", "tr_news"])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--errors", type=int, default=0)
    args = ap.parse_args()
    if not DEVSETS.is_dir():
        print(f"no devsets at {DEVSETS}")
        return
    parser = Geoparser(Gazetteer.open(), load_nlp())
    for name in args.sets:
        print(name, json.dumps(run(name, parser, limit=args.limit, errors=args.errors)))


if __name__ == "__main__":
    main()
