"""Geo stage speed: gazetteer build (cold) and open (warm), place mentions resolved per second,
next to the bare spaCy NER pass over the same texts in the same run (the baseline).

Usage: .venv/bin/python bench/geo.py [--cold] [--docs N] [--processes N] [--shared DIR]
Texts: the seeds and the devsets read at run time from ../shared (never copied);
without them, generated sentences.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def texts(limit: int, shared: Path = SHARED) -> list[str]:
    found = [p.read_text(encoding="utf-8") for p in sorted((shared / "seeds").glob("*.txt"))]
    for name in ("gwn.jsonl", "tr_news.jsonl"):
        path = shared / "devsets" / name
        if path.is_file():
            found += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    if not found:
        towns = ["Almaty", "Prague", "Henan province", "Pauktaw", "Kabul", "Lagos", "Quito", "Mosul"]
        found = [f"Police in {a} detained six people, and troops shelled villages near {b}." for a in towns
                 for b in towns]
    return found[:limit]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cold", action="store_true", help="also time a cold build into a temporary file")
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--processes", type=int, default=2, help="spaCy worker processes for parse_many (also timed with 1)")
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared folder with seeds/ and devsets/")
    args = ap.parse_args()

    from factfinder.extract.nlp import load_nlp
    from factfinder.geo import Gazetteer, Geoparser
    from factfinder.geo.build import build_gazetteer
    from factfinder.model import Document

    if args.cold:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            build_gazetteer(Path(tmp) / "gaz.sqlite")
            print(f"gazetteer cold build: {time.perf_counter() - started:.1f} s")
    Gazetteer.open().close()  # make sure it exists before timing the warm open
    started = time.perf_counter()
    gazetteer = Gazetteer.open()
    print(f"gazetteer warm open: {time.perf_counter() - started:.3f} s")
    nlp = load_nlp()
    parser = Geoparser(gazetteer, nlp)
    started = time.perf_counter()
    parser.tagger  # noqa: B018  (built on first use)
    print(f"dictionary tagger build: {time.perf_counter() - started:.2f} s")

    docs = texts(args.docs, args.shared)
    chars = sum(len(t) for t in docs)
    started = time.perf_counter()
    for _doc in nlp.pipe(docs):
        pass
    full_seconds = time.perf_counter() - started
    started = time.perf_counter()
    all_entities = list(parser.entities_many(docs))
    ner_seconds = time.perf_counter() - started
    started = time.perf_counter()
    mentions = 0
    for text, ents in zip(docs, all_entities):
        mentions += len(parser.parse(Document(doc="b", text=text), entities=ents))
    geo_seconds = time.perf_counter() - started
    print(f"{len(docs)} texts, {chars} chars, {mentions} place mentions")
    print(f"baseline spaCy pass, whole pipeline: {full_seconds:.2f} s ({len(docs) / full_seconds:.1f} documents/s)")
    print(f"baseline spaCy NER pass (the geoparser's: NER pipes only): {ner_seconds:.2f} s "
          f"({chars / ner_seconds / 1000:.0f} k chars/s, {len(docs) / ner_seconds:.1f} documents/s)")
    print(f"geo on top of NER:       {geo_seconds:.2f} s ({mentions / geo_seconds:.0f} mentions/s, "
          f"{len(docs) / geo_seconds:.0f} documents/s, {geo_seconds / ner_seconds:.2f}x the NER pass)")
    for processes in sorted({1, args.processes}):
        started = time.perf_counter()
        n = sum(1 for _places in parser.parse_many((Document(doc="b", text=t) for t in docs), n_process=processes))
        seconds = time.perf_counter() - started
        print(f"geoparsing end to end, Geoparser.parse_many, {processes} process(es): {seconds:.2f} s "
              f"({n / seconds:.1f} documents/s)")

if __name__ == "__main__":
    main()
