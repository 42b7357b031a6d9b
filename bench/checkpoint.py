"""Benchmark: what checking signed checkpoints adds to `verify`, at a given ledger length.

Fills a store with N small captures (each a capture entry in the ledger), then
times, in the same process: `Store.verify()` (the baseline: every original
re-hashed and the chain walked), making a checkpoint (chain re-checked and
signed), and `check_checkpoints` with one and with three checkpoints (one walk
over the ledger however many checkpoints are given).

    .venv/bin/python bench/checkpoint.py [--entries 5000]   (filling costs ~7 ms an entry: each original is fsynced)
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path


def main() -> None:
    from factfinder.capture.common import make_capture
    from factfinder.store import Store
    from factfinder.store.checkpoint import check_checkpoints, make_checkpoint
    from factfinder.store.signing import generate_key, load_private_key

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-checkpoint-") as folder:
        db = Path(folder) / "bench.db"
        key = load_private_key(generate_key(Path(folder) / "k.key").private)
        started = time.perf_counter()
        checkpoints = []
        with Store.open(db) as store:
            with store.transaction():
                for i in range(args.entries):
                    store.add_capture(make_capture(f"Bulletin {i}: {i % 97} households displaced.".encode(),
                                                   origin=f"/bench/bulletin-{i}.txt", media_type="text/plain"))
                    if i + 1 in (args.entries // 3, 2 * args.entries // 3):
                        checkpoints.append(make_checkpoint(store, key))
        print(f"filled {args.entries} ledger entries in {time.perf_counter() - started:.1f} s")
        with Store.open(db) as store:
            timings = {}
            started = time.perf_counter()
            assert store.verify().ok
            timings["verify (baseline)"] = time.perf_counter() - started
            started = time.perf_counter()
            checkpoints.append(make_checkpoint(store, key))
            timings["ledger checkpoint"] = time.perf_counter() - started
            for label, chosen in (("check 1 checkpoint", checkpoints[-1:]), ("check 3 checkpoints", checkpoints)):
                started = time.perf_counter()
                checks = check_checkpoints(store, [(f"cp{i}", cp) for i, cp in enumerate(chosen)])
                assert all(c.ok for c in checks), [c.problems for c in checks]
                timings[label] = time.perf_counter() - started
    base = timings["verify (baseline)"]
    for label, seconds in timings.items():
        print(f"{label:22} {seconds * 1000:8.0f} ms  {seconds / base:5.2f}x verify  "
              f"{seconds / args.entries * 1e6:6.1f} µs/entry")


if __name__ == "__main__":
    main()
