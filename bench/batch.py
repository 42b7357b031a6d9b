"""`factfinder batch` against `extract --jsonl` on the same reports with the same workers, in one run.

Reports: the texts of ../shared/devsets (real news and press releases; read at
run time, never copied), up to --docs of them. For each worker count the same
JSON-lines file goes through `extract --jsonl --workers N`, `batch --engine
local --workers N` and `batch --engine ray --workers N`, each a fresh process.
Ray's start-up (ray.init, actors loading spaCy and the gazetteer) is measured
apart on a 2-document batch and subtracted for its run phase. Target: Ray's run
phase within 15% of `extract --jsonl` at 2 workers.
Run: ``.venv/bin/python bench/batch.py [--docs 2000] [--workers 1 2]``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEVSETS = Path(__file__).resolve().parent.parent.parent / "shared" / "devsets"
FILES = ("isaf_dev", "hrds_dev", "hrds_train", "tr_news", "gwn", "case2021_dev")


def reports(limit: int) -> list[dict]:
    out: list[dict] = []
    for name in FILES:
        path = DEVSETS / f"{name}.jsonl"
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            out.append({"id": f"{name}:{record['id']}", "text": record["text"], "published": record.get("pub_date")})
            if len(out) >= limit:
                return out
    return out


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    docs = reports(args.docs)
    if not docs:
        sys.exit(f"no dev sets at {DEVSETS}; put ../shared beside the checkout")
    words = sum(len(d["text"].split()) for d in docs)
    print(f"{len(docs)} reports, {words:,} words")
    cli = [sys.executable, "-m", "factfinder"]
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.jsonl"
        source.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        tiny = Path(tmp) / "tiny.jsonl"
        tiny.write_text("".join(json.dumps(d) + "\n" for d in docs[:2]), encoding="utf-8")
        for workers in args.workers:
            w = ["--workers", str(workers)]
            extract = timed([*cli, "extract", "--jsonl", str(source), *w])
            local = timed([*cli, "batch", str(source), "--out", str(Path(tmp) / f"local{workers}"), *w])
            startup = timed([*cli, "batch", str(tiny), "--out", str(Path(tmp) / f"tiny{workers}"), "--engine", "ray", *w])
            ray = timed([*cli, "batch", str(source), "--out", str(Path(tmp) / f"ray{workers}"), "--engine", "ray", *w])
            run_phase = max(ray - startup, 1e-9)
            print(f"workers={workers}: extract --jsonl {len(docs) / extract:6.1f} docs/s | "
                  f"batch local {len(docs) / local:6.1f} docs/s | batch ray {len(docs) / ray:6.1f} docs/s "
                  f"(start-up {startup:.1f} s, run phase {len(docs) / run_phase:.1f} docs/s, "
                  f"overhead {run_phase / extract - 1:+.0%} vs extract)")
            for name in (f"local{workers}", f"tiny{workers}", f"ray{workers}"):
                shutil.rmtree(Path(tmp) / name, ignore_errors=True)


if __name__ == "__main__":
    main()
