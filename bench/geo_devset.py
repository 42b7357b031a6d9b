"""Geoparsing accuracy on the development sets (../shared/devsets), scored like the held-out ones.

Usage: .venv/bin/python bench/geo_devset.py [gwn|tr_news ...] [--errors N] [--limit N] [--half dev|check|all]
        [--devsets DIR] [--ner] [--buckets]
Prints mention P/R/F1 (exact, overlap), accuracy within 161 km and 25 km (end
to end) and the median error, with the one scorer `factfinder eval --devset`
uses (factfinder/evaluate/geo.py); ``--errors N`` also lists the first N misses, and
``--buckets`` counts the misses at 25 km of each half by reason (never found, unresolved,
within 161 km or farther by the precision of the place given: admin1, country, town ...).
The texts are read at run time, never copied. The geoparser reads names by their shape
(its own mention finder, no spaCy pass); ``--ner`` runs spaCy's NER instead.

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
from collections import Counter
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


def miss_bucket(gold: dict[str, Any], predicted: dict[str, Any] | None) -> str | None:
    """Why a gold place with coordinates is missed at 25 km, or None when it is not:
    "never found", "unresolved", or "<161 km|far> <precision of the predicted place>"."""
    if predicted is None:
        return "never found"
    if predicted.get("lat") is None:
        return "unresolved"
    km = haversine_km(gold["lat"], gold["lon"], predicted["lat"], predicted["lon"])
    if km <= 25:
        return None
    return f"{'<161 km' if km <= 161 else 'far'} {predicted.get('precision')}"


def half_of(record_id: str) -> str:
    """The fixed half of a record: "dev" when the first SHA-256 byte of its id is even, else "check"."""
    return "dev" if hashlib.sha256(record_id.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def _summary(tally: GeoTally) -> dict[str, Any]:
    summary: dict[str, Any] = {key: [round(s.precision, 3), round(s.recall, 3), round(s.f1, 3)]
                               for key, s in tally.scores().items()}
    summary.update(tally.figures())
    return summary


def run(name: str, parser: Geoparser, *, limit: int | None, errors: int, half: str | None = None,
        devsets: Path = DEVSETS) -> dict[str, Any]:
    """Scores per half ("dev", "check") and over both ("all"), the misses per half counted by
    ``miss_bucket``, and the seconds taken."""
    tallies = {"all": GeoTally(), "dev": GeoTally(), "check": GeoTally()}
    buckets: dict[str, Counter[str]] = {"dev": Counter(), "check": Counter()}
    shown = 0
    started = time.perf_counter()
    lines = (devsets / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()[:limit]
    for line in lines:
        record = json.loads(line)
        part = half_of(str(record["id"]))
        if half not in (None, "all", part):
            continue
        places = parser.parse(Document(doc=record["id"], text=record["text"], published=record.get("pub_date")))
        gold, _ = gold_places(record, devset_kind(record))
        predicted = [place_record(p, doc="") for p in places]
        tallies["all"].add(gold, predicted)
        tallies[part].add(gold, predicted)
        pairs = dict(match_mentions(gold, predicted))
        buckets[part].update(bucket for gi, g in enumerate(gold) if g.get("lat") is not None
                             and (bucket := miss_bucket(g, predicted[pairs[gi]] if gi in pairs else None)))
        if shown < errors:
            shown += _show_misses(record, gold, predicted, errors - shown)
    result: dict[str, Any] = {part: _summary(t) for part, t in tallies.items() if t.figures().get("gold_with_coords")}
    result["buckets"] = {part: dict(counts.most_common()) for part, counts in buckets.items() if counts}
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="*", default=["gwn", "tr_news"])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--half", choices=["dev", "check", "all"], help="score one fixed half only (default: both)")
    ap.add_argument("--devsets", type=Path, default=DEVSETS, help="the dev-set folder (default ../shared/devsets)")
    ap.add_argument("--ner", action="store_true", help="find mentions with spaCy NER (default: the own finder)")
    ap.add_argument("--buckets", action="store_true", help="also count the misses at 25 km of each half by reason")
    args = ap.parse_args()
    if not args.devsets.is_dir():
        print(f"no devsets at {args.devsets}; pass --devsets DIR")
        return
    parser = Geoparser(Gazetteer.open(), load_nlp(), ner=args.ner)
    for name in args.sets:
        result = run(name, parser, limit=args.limit, errors=args.errors, half=args.half, devsets=args.devsets)
        for part in ("dev", "check", "all"):
            if part in result:
                print(name, part, json.dumps(result[part]))
        if args.buckets:
            for part, counts in result["buckets"].items():
                print(name, part, "misses", json.dumps(counts))
        print(name, "seconds", result["seconds"])


if __name__ == "__main__":
    main()
