"""Benchmark: words/s of the whole extraction next to a bare spaCy pipeline, same texts, same run.

    .venv/bin/python bench/extract.py [--limit N] [--workers 2] [--long-mb 5]

The corpus is read at run time from ../shared/seeds and ../shared/devsets
(ISAF press releases, TR-News and GeoWebNews articles: several hundred real
reports); nothing of it is copied into the repository. When those folders are
absent, reports are generated from templates instead (--generate N).

Measured, in this order:
1. factfinder: the ``extract --jsonl`` path (``extract_jsonl``, worker
   processes, each loading the Pipeline once: trigger scan, spaCy on trigger
   sentences only, counts, dates, actors, geo, merging), including start-up;
2. bare spaCy: ``nlp.pipe`` of the full pipeline of the same model over the
   same texts in one process (the baseline of the target), then with
   ``n_process`` = workers for reference.
Prints words/s, the ratio factfinder / bare, and peak resident memory of the
parent and of the largest worker (``resource.getrusage``).
With ``--long-mb N`` it also times one N-megabyte document (mostly text without
incidents, one trigger sentence in 16, as long real documents are) through
``extract_jsonl``: the test suite checks a 1 MB one, this keeps the 5 MB figure.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def real_corpus() -> list[dict]:
    reports: list[dict] = []
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        reports.append({"id": path.name, "text": path.read_text(encoding="utf-8"), "published": None})
    for name in ("isaf_dev.jsonl", "tr_news.jsonl", "gwn.jsonl"):
        path = SHARED / "devsets" / name
        if not path.is_file():
            continue
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            reports.append({"id": row["id"], "text": row["text"], "published": row.get("pub_date")})
    return reports


# Template pieces for a generated corpus (used only without ../shared): varied
# but real-looking monitoring reports; written for this benchmark.
_PLACES = ["Pauktaw", "Sittwe", "Mandalay", "Kabul", "Kandahar", "Aleppo", "Goma", "Juba", "Mosul", "Almaty"]
_ACTORS = ["Government troops", "Police", "Unidentified gunmen", "The military council army", "Rebel fighters"]
_SENTENCES = [
    "{actor} arrested {n} residents in {place} on {day}, witnesses told reporters.",
    "At least {n} civilians were killed when shells hit a market in {place} {rel}.",
    "Residents said more than {n} families fled their homes after fighting near {place}.",
    "The local council met on {day} to discuss the budget for schools and roads in {place}.",
    "Aid groups said camps near {place} are running out of food and medicine.",
    "The weather in {place} was mild, and traders reopened the central market.",
    "{actor} denied the accusations in a statement on {day}.",
    "A court in {place} sentenced {n} activists to prison terms {rel}.",
]


def generated_corpus(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    reports = []
    for i in range(n):
        body = []
        for _ in range(rng.randint(4, 12)):
            body.append(rng.choice(_SENTENCES).format(
                actor=rng.choice(_ACTORS), n=rng.randint(2, 300), place=rng.choice(_PLACES),
                day=rng.choice(["Monday", "November 16", "March 3rd"]), rel=rng.choice(["yesterday", "last week"])))
        reports.append({"id": f"gen-{i}", "text": " ".join(body), "published": "2023-11-20"})
    return reports


def long_document(megabytes: float) -> dict:
    """One long report: council minutes with an arrest sentence every 16 sentences."""
    paragraph = ("The council discussed the budget for roads and schools in the district. " * 15
                 + "Residents said soldiers arrested 5 farmers near the market on Monday.\n")
    size = int(megabytes * 1_000_000)
    return {"id": "long", "text": paragraph * (size // len(paragraph) + 1), "published": "2023-11-20"}


def time_long_document(megabytes: float) -> None:
    from factfinder.batch import extract_jsonl

    report = long_document(megabytes)
    t0 = time.perf_counter()
    n = sum(1 for r in extract_jsonl([json.dumps(report)], workers=1) if r["record"] == "incident")
    seconds = time.perf_counter() - t0
    print(f"one {len(report['text']) / 1e6:.1f} MB document: {seconds:.1f} s, "
          f"{len(report['text'].split()) / seconds:,.0f} words/s, {n} incidents")


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="use only the first N reports")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--generate", type=int, default=0, help="generate N template reports instead")
    ap.add_argument("--long-mb", type=float, default=0, help="also time one document of this many megabytes")
    args = ap.parse_args()

    sys.path.insert(0, str(ROOT))
    if args.long_mb:
        time_long_document(args.long_mb)
    reports = generated_corpus(args.generate) if args.generate else real_corpus()
    if not reports:
        reports = generated_corpus(600)
    if args.limit:
        reports = reports[:args.limit]
    texts = [r["text"] for r in reports]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} reports, {words} words, {sum(map(len, texts))} characters")

    from factfinder.batch import extract_jsonl

    lines = [json.dumps(r) for r in reports]
    t0 = time.perf_counter()
    counts = {"incident": 0, "statistic": 0, "document": 0, "error": 0}
    for record in extract_jsonl(lines, workers=args.workers):
        counts[record["record"]] = counts.get(record["record"], 0) + 1
    ff_seconds = time.perf_counter() - t0
    ff_rate = words / ff_seconds
    print(f"factfinder extract --jsonl, {args.workers} workers (incl. start-up): {ff_seconds:.1f} s, "
          f"{ff_rate:,.0f} words/s; {counts}")
    # Peaks of the extraction phase, taken before the baseline loads its own model.
    parent_peak, worker_peak = peak_mb(resource.RUSAGE_SELF), peak_mb(resource.RUSAGE_CHILDREN)

    import spacy

    from factfinder.settings import SPACY_MODEL

    nlp = spacy.load(SPACY_MODEL)
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    bare_seconds = time.perf_counter() - t0
    bare_rate = words / bare_seconds
    print(f"bare nlp.pipe, full pipeline {nlp.pipe_names}, 1 process: {bare_seconds:.1f} s, {bare_rate:,.0f} words/s")

    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64, n_process=args.workers):
        pass
    bare2_seconds = time.perf_counter() - t0
    bare2_rate = words / bare2_seconds
    print(f"bare nlp.pipe, {args.workers} processes (reference): {bare2_seconds:.1f} s, {bare2_rate:,.0f} words/s")

    print(f"ratio factfinder / bare 1-process: {ff_rate / bare_rate:.2f}  (target >= 1.0)")
    print(f"ratio factfinder / bare {args.workers}-process: {ff_rate / bare2_rate:.2f}")
    print(f"peak memory of the extraction: parent {parent_peak:.0f} MB, largest worker {worker_peak:.0f} MB, "
          f"total at most {parent_peak + args.workers * worker_peak:.0f} MB (target < 1500 MB); "
          f"parent after the baseline runs: {peak_mb(resource.RUSAGE_SELF):.0f} MB")


if __name__ == "__main__":
    main()
