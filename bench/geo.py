"""Geo stage speed: gazetteer build (cold) and open (warm), and documents geoparsed per second
with the geoparser's own mention finder (no NER) and with NER, next to the bare spaCy NER
pass over the same texts in the same run (the baseline).

Usage: .venv/bin/python bench/geo.py [--cold] [--docs N] [--processes N] [--full-pipeline] [--shared DIR]
Texts: the seeds and the devsets read at run time from ../shared (never copied);
without them, generated sentences.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
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
    ap.add_argument("--processes", type=int, default=2,
                    help="worker processes for the own mention finder (also timed with 1)")
    ap.add_argument("--full-pipeline", action="store_true", help="also time the whole spaCy pipeline")
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
    documents = [Document(doc=f"b{i}", text=t) for i, t in enumerate(docs)]
    print(f"{len(docs)} texts, {chars} chars; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if args.full_pipeline:
        started = time.perf_counter()
        for _doc in nlp.pipe(docs):
            pass
        seconds = time.perf_counter() - started
        print(f"baseline spaCy pass, whole pipeline: {seconds:.2f} s ({len(docs) / seconds:.1f} documents/s)")
    # The own mention finder first, so that its first pass meets cold name caches.
    own = Geoparser(gazetteer, nlp)
    own._tagger = parser.tagger  # the tagger built above; its build is timed on its own
    own_seconds, own_cpu = {}, {}
    for run in ("cold", "warm"):
        started, cpu = time.perf_counter(), time.process_time()
        mentions = sum(len(places) for places in own.parse_many(documents))
        own_seconds[run] = time.perf_counter() - started
        own_cpu[run] = time.process_time() - cpu
    ner_parser = Geoparser(gazetteer, nlp, ner=True)
    started, cpu = time.perf_counter(), time.process_time()
    all_entities = list(ner_parser.entities_many(docs))
    ner_seconds, ner_cpu = time.perf_counter() - started, time.process_time() - cpu
    # CPU seconds beside the wall clock: on a shared machine the wall clock mostly measures the
    # other processes; the CPU time is what the work itself costs.
    print(f"baseline spaCy NER pass (NER pipes only, what ner=True costs): {ner_seconds:.2f} s "
          f"({chars / ner_seconds / 1000:.0f} k chars/s, {len(docs) / ner_seconds:.1f} documents/s; "
          f"CPU {ner_cpu:.2f} s, {len(docs) / ner_cpu:.1f} documents per CPU second)")
    for run, seconds in own_seconds.items():
        print(f"geoparsing end to end, own mention finder (no NER), 1 process, {run} name caches: {seconds:.2f} s "
              f"({mentions} mentions, {len(docs) / seconds:.1f} documents/s, {ner_seconds / seconds:.1f}x the "
              f"bare NER pass; CPU {own_cpu[run]:.2f} s, {len(docs) / own_cpu[run]:.1f} documents per CPU second)")
    started = time.perf_counter()
    ner_mentions = sum(len(ner_parser.parse(d, entities=e)) for d, e in zip(documents, all_entities))
    seconds = time.perf_counter() - started
    print(f"geo on top of the NER spans: {seconds:.2f} s ({ner_mentions} mentions, {len(docs) / seconds:.0f} "
          f"documents/s); geoparsing with NER end to end {len(docs) / (ner_seconds + seconds):.1f} documents/s")
    if args.processes > 1:
        started = time.perf_counter()
        with ProcessPoolExecutor(args.processes, mp_context=multiprocessing.get_context("spawn"),
                                 initializer=_init_worker) as pool:
            mentions = sum(pool.map(_parse_count, docs, chunksize=8))
        seconds = time.perf_counter() - started
        print(f"geoparsing end to end, own mention finder, {args.processes} processes (each opens the gazetteer and "
              f"its tagger): {seconds:.2f} s ({len(docs) / seconds:.1f} documents/s)")


_WORKER: dict[str, object] = {}


def _init_worker() -> None:
    from factfinder.geo import Gazetteer, Geoparser

    parser = Geoparser(Gazetteer.open())
    parser.tagger  # noqa: B018
    _WORKER["parser"] = parser


def _parse_count(text: str) -> int:
    from factfinder.model import Document

    return len(_WORKER["parser"].parse(Document(doc="b", text=text)))  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
