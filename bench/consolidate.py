"""Benchmark: consolidation of synthetic incidents, 10k to 100k (and 1M with --n).

Prints time and peak memory at each size, how both grow, and a baseline in the
same run: brute-force all-pairs comparison on a small sample, extrapolated to
the largest size (what blocking saves). Each size runs in its own process so
that peak memory is its own.

    .venv/bin/python bench/consolidate.py [--sizes 10000,30000,100000]
    .venv/bin/python bench/consolidate.py --n 1000000     # 100k and 1M: the growth for 10x the incidents

Up to 100k incidents the events fall in one year; a bigger corpus covers more
years at the density of 100k a year (a researcher's five years of news is five
years, not five times as many events a day), so that the growth from 100k to
1M measures the consolidation, not a denser news day.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta

TYPES = ["killing", "attack", "arrest", "displacement", "protest", "armed_clash"]
ACTORS = ["Myanmar military", "Arakan Army", "Taliban", "Rapid Support Forces", "police", "Russian armed forces"]
COUNTRIES = {"MM": (16.0, 96.0), "SD": (15.5, 32.5), "AF": (34.5, 69.2), "UA": (49.0, 31.0), "CD": (-1.7, 29.2)}
VERBS = {"killing": "killed", "attack": "shelled", "arrest": "arrested", "displacement": "displaced",
         "protest": "marched against", "armed_clash": "fought"}


def synthetic_reports(n: int, seed: int = 7):
    """n reports of about n/3 events: each event told by 1-5 outlets with small variations."""
    from factfinder.model import Actor, Count, DateRange, Incident, Place, Report, Span

    rng = random.Random(seed)
    reports = []
    start = date(2023, 1, 1)
    days = 365 * max(1, n // 100_000)
    event = 0
    while len(reports) < n:
        kind = rng.choice(TYPES)
        country = rng.choice(list(COUNTRIES))
        lat0, lon0 = COUNTRIES[country]
        lat, lon = lat0 + rng.uniform(-3, 3), lon0 + rng.uniform(-3, 3)
        day = start + timedelta(days=rng.randrange(days))
        actor = rng.choice(ACTORS)
        killed = rng.randrange(1, 60)
        town = f"Town{rng.randrange(5000)}"
        for copy in range(rng.randrange(1, 6)):
            d = (day + timedelta(days=rng.choice([0, 0, 0, 1]))).isoformat()
            summary = f"{actor} {VERBS[kind]} {killed} people in {town} on {d}, outlet {copy} reported."
            sp = Span(0, len(summary), summary)
            inc = Incident(doc=f"d{event}-{copy}", type=kind, summary=summary, evidence=(sp,),
                           date=DateRange(d, d, "day"),
                           location=Place(span=sp, name=town, lat=lat + rng.uniform(-0.02, 0.02),
                                          lon=lon + rng.uniform(-0.02, 0.02), country=country, precision="town"),
                           perpetrators=(Actor(actor, sp),),
                           counts=(Count("killed", killed + rng.choice([0, 0, 0, 2]), "exact", "people", sp),))
            reports.append(Report(key=f"e{event}-{copy}", incident=inc, outlet=f"outlet{copy}.org"))
        event += 1
    return reports[:n], event


def run_size(n: int) -> None:
    from factfinder.consolidate import consolidate

    reports, events = synthetic_reports(n)
    t0, c0 = time.perf_counter(), time.process_time()
    merged = consolidate(reports)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n}\t{elapsed:.2f}\t{peak_mb:.0f}\t{len(merged)}\t{events}\t{cpu:.2f}")


def brute_force_seconds(sample: int) -> float:
    from factfinder.consolidate import same_event_score

    reports, _ = synthetic_reports(sample)
    t0 = time.perf_counter()
    for i, a in enumerate(reports):
        for b in reports[:i]:
            same_event_score(a, b)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--n", type=int, help="run 100,000 and N incidents (issue 13: N = 1000000)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        run_size(args.one)
        return
    sizes = [100_000, args.n] if args.n else [int(s) for s in args.sizes.split(",")]
    # cpu_seconds: this process's CPU time, which a shared, loaded machine disturbs far less than the wall time
    print("size\tseconds\tpeak_MB\tmerged\ttrue_events\tcpu_seconds")
    rows = []
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
        line = out.stdout.strip().splitlines()[-1]
        print(line, flush=True)
        rows.append([float(x) for x in line.split("\t")])
    if len(rows) >= 2:
        (n0, t0, m0, *_), (n1, t1, m1, *_) = rows[0], rows[-1]
        print(f"growth {int(n0)} -> {int(n1)} (x{n1 / n0:.0f} input): time x{t1 / t0:.1f}, peak memory x{m1 / m0:.1f}")
    sample = 2000
    bf = brute_force_seconds(sample)
    biggest = sizes[-1]
    print(f"baseline all-pairs: {sample} reports in {bf:.2f}s -> {bf * (biggest / sample) ** 2:.0f}s extrapolated "
          f"to {biggest} (blocked run: {rows[-1][1]:.1f}s)")


if __name__ == "__main__":
    main()
