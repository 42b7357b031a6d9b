"""Geoparsing accuracy on the development sets (../shared/devsets), scored like the held-out ones.

Usage: .venv/bin/python bench/geo_devset.py [gwn|tr_news ...] [--errors N] [--limit N]
Prints mention P/R/F1 (exact, overlap), accuracy within 161 km and 25 km (end
to end) and the median error, with the one scorer `factfinder eval --devset`
uses (factfinder/evaluate/geo.py); ``--errors N`` also lists the first N misses.
The texts are read at run time, never copied.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from factfinder.evaluate.devsets import devset_kind, gold_places
from factfinder.evaluate.geo import GeoTally, match_mentions
from factfinder.evaluate.metrics import haversine_km
from factfinder.extract.nlp import load_nlp
from factfinder.geo import Gazetteer, Geoparser
from factfinder.model import Document
from factfinder.records import place_record

DEVSETS = Path(__file__).resolve().parent.parent.parent / "shared" / "devsets"


def _show_misses(record: dict[str, Any], gold: list[dict[str, Any]], predicted: list[dict[str, Any]],
                 budget: int) -> int:
    """Print up to ``budget`` gold places found wrongly or not at all; returns how many were printed."""
    text, shown = record["text"], 0
    pairs = dict(match_mentions(gold, predicted))
    for gi, g in enumerate(gold):
        if shown >= budget or g.get("lat") is None:
            continue
        p = predicted[pairs[gi]] if gi in pairs else None
        if p is None or p.get("lat") is None or haversine_km(g["lat"], g["lon"], p["lat"], p["lon"]) > 161:
            shown += 1
            got = None if p is None else (p.get("name"), p.get("country"), p.get("precision"), p.get("lat"), p.get("lon"))
            print(f"  MISS {record['id']} {g['text']!r} gold=({g['lat']:.2f},{g['lon']:.2f}) got={got} "
                  f"ctx={text[max(0, g['start'] - 40):g['end'] + 30]!r}", file=sys.stderr)
    return shown


def run(name: str, parser: Geoparser, *, limit: int | None, errors: int) -> dict[str, Any]:
    tally = GeoTally()
    shown = 0
    started = time.perf_counter()
    lines = (DEVSETS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()[:limit]
    for line in lines:
        record = json.loads(line)
        places = parser.parse(Document(doc=record["id"], text=record["text"], published=record.get("pub_date")))
        gold, _ = gold_places(record, devset_kind(record))
        predicted = [place_record(p, doc="") for p in places]
        tally.add(gold, predicted)
        if shown < errors:
            shown += _show_misses(record, gold, predicted, errors - shown)
    summary: dict[str, Any] = {key: [round(s.precision, 3), round(s.recall, 3), round(s.f1, 3)]
                               for key, s in tally.scores().items()}
    summary.update(tally.figures())
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
