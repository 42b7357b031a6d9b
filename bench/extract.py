"""Benchmark: words/s of the whole extraction next to a bare spaCy pipeline, same texts, same run.

    .venv/bin/python bench/extract.py [--limit N] [--workers 2] [--rounds 1] [--long-mb 5]

The corpus is read at run time from ../shared/seeds and ../shared/devsets
(ISAF press releases, TR-News and GeoWebNews articles: several hundred real
reports); nothing of it is copied into the repository. When those folders are
absent, reports are generated from templates instead (--generate N).

Measured, in this order, ``--rounds`` times (alternating, so that a machine
whose load changes during the run weighs on both sides alike):
1. factfinder: the ``extract --jsonl`` path (``extract_jsonl``, worker
   processes, each loading the Pipeline once: trigger scan, spaCy on trigger
   sentences only, counts, dates, actors, geo, merging), including start-up;
2. bare spaCy: ``nlp.pipe`` of the full pipeline of the same model over the
   same texts with ``n_process`` = workers (the baseline of the target, issue
   21), then in one process for reference.
Prints words/s (wall clock) and CPU seconds (the processes' own user + system
time, which another job on the machine does not inflate) of each, the ratios
factfinder / bare, and peak resident memory of the parent and of the largest
worker (``resource.getrusage``). On a shared machine the CPU ratio is the
figure to compare across runs; the wall-clock ratio holds on a quiet one.
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


def real_corpus(shared: Path = SHARED) -> list[dict]:
    reports: list[dict] = []
    for path in sorted((shared / "seeds").glob("*.txt")):
        reports.append({"id": path.name, "text": path.read_text(encoding="utf-8"), "published": None})
    for name in ("isaf_dev.jsonl", "tr_news.jsonl", "gwn.jsonl"):
        path = shared / "devsets" / name
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


def cpu_seconds() -> float:
    """User + system time of this process and of its children that ended (workers, spaCy's processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class Timer:
    """Wall-clock and CPU seconds of one phase, summed over the rounds."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0

    def __enter__(self) -> "Timer":
        self._wall, self._cpu = time.perf_counter(), cpu_seconds()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall += time.perf_counter() - self._wall
        self.cpu += cpu_seconds() - self._cpu


def load_average() -> str:
    import os

    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="use only the first N reports")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=1, help="alternate factfinder and bare spaCy this many times")
    ap.add_argument("--generate", type=int, default=0, help="generate N template reports instead")
    ap.add_argument("--long-mb", type=float, default=0, help="also time one document of this many megabytes")
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (seeds/, devsets/)")
    args = ap.parse_args()

    sys.path.insert(0, str(ROOT))
    if args.long_mb:
        time_long_document(args.long_mb)
    reports = generated_corpus(args.generate) if args.generate else real_corpus(args.shared)
    if not reports:
        reports = generated_corpus(600)
    if args.limit:
        reports = reports[:args.limit]
    texts = [r["text"] for r in reports]
    words = sum(len(t.split()) for t in texts) * args.rounds
    print(f"corpus: {len(texts)} reports, {words // args.rounds} words, {sum(map(len, texts))} characters; "
          f"{args.rounds} round(s); load average {load_average()}")

    from factfinder.batch import extract_jsonl

    lines = [json.dumps(r) for r in reports]
    ff, bare, bare1 = Timer(), Timer(), Timer()
    counts: dict[str, int] = {}
    nlp = None
    parent_peak = worker_peak = 0.0
    for _round in range(args.rounds):
        counts = {"incident": 0, "statistic": 0, "document": 0, "error": 0}
        with ff:
            for record in extract_jsonl(lines, workers=args.workers):
                counts[record["record"]] = counts.get(record["record"], 0) + 1
        if nlp is None:
            # Peaks of the extraction phase, taken before the baseline loads its own model.
            parent_peak, worker_peak = peak_mb(resource.RUSAGE_SELF), peak_mb(resource.RUSAGE_CHILDREN)
            import spacy

            from factfinder.settings import SPACY_MODEL

            nlp = spacy.load(SPACY_MODEL)
        with bare:
            for _ in nlp.pipe(texts, batch_size=64, n_process=args.workers):
                pass
        with bare1:
            for _ in nlp.pipe(texts, batch_size=64):
                pass

    def line(label: str, t: Timer) -> str:
        return f"{label}: {t.wall:.1f} s, {words / t.wall:,.0f} words/s; CPU {t.cpu:.1f} s, {words / t.cpu:,.0f} words per CPU-second"

    print(line(f"factfinder extract --jsonl, {args.workers} workers (incl. start-up)", ff) + f"; {counts}")
    print(line(f"bare nlp.pipe {nlp.pipe_names}, {args.workers} processes", bare))
    print(line("bare nlp.pipe, 1 process (reference)", bare1))
    print(f"ratio factfinder / bare {args.workers}-process: {bare.wall / ff.wall:.2f} wall clock, "
          f"{bare.cpu / ff.cpu:.2f} CPU  (target >= 1.0)")
    print(f"ratio factfinder / bare 1-process: {bare1.wall / ff.wall:.2f} wall clock, {bare1.cpu / ff.cpu:.2f} CPU")
    print(f"peak memory of the extraction: parent {parent_peak:.0f} MB, largest worker {worker_peak:.0f} MB, "
          f"total at most {parent_peak + args.workers * worker_peak:.0f} MB (target < 1500 MB); "
          f"parent after the baseline runs: {peak_mb(resource.RUSAGE_SELF):.0f} MB; load average {load_average()}")


if __name__ == "__main__":
    main()
