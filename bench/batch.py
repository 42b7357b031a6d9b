"""`factfinder batch` against `extract --jsonl` on the same reports with the same workers, in one run.

Reports: the texts of ../shared/devsets (real news and press releases; read at
run time, never copied), up to --docs of them. For each worker count the same
JSON-lines file goes through `extract --jsonl --workers N`, `batch --engine
local --workers N` and `batch --engine ray --workers N`, each a fresh process.
Each command's start-up (interpreter, spaCy and the gazetteer; for Ray also
ray.init and the actors) is measured apart on a 2-document input and subtracted
for its run phase. Target: Ray's run phase within 15% of `extract --jsonl`'s at
2 workers. Beside the wall clock each line gives the CPU seconds of the command
and the processes it waited for (its workers; not Ray's actors, which belong to
Ray's own daemons): on a shared machine, whose load changes between two commands,
the CPU figures are the ones to compare.
Run: ``.venv/bin/python bench/batch.py [--docs 2000] [--workers 1 2] [--engines extract local ray]``.
"""

from __future__ import annotations

import argparse
import json
import resource
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


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one command (with the workers it waited for)."""
    started, cpu = time.perf_counter(), _children_cpu()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started, _children_cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--engines", nargs="+", choices=["extract", "local", "ray"], default=["extract", "local", "ray"])
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
            runs = {
                "extract --jsonl": lambda path, out: [*cli, "extract", "--jsonl", str(path), *w],
                "batch local": lambda path, out: [*cli, "batch", str(path), "--out", str(out), *w],
                "batch ray": lambda path, out: [*cli, "batch", str(path), "--out", str(out), "--engine", "ray", *w],
            }
            wanted = {"extract --jsonl": "extract", "batch local": "local", "batch ray": "ray"}
            phases: dict[str, tuple[float, float]] = {}
            for label, command in runs.items():
                if wanted[label] not in args.engines:
                    continue
                slug = label.replace(" ", "").replace("-", "")
                startup, startup_cpu = timed(command(tiny, Path(tmp) / f"tiny-{slug}{workers}"))
                total, total_cpu = timed(command(source, Path(tmp) / f"{slug}{workers}"))
                phases[label] = (max(total - startup, 1e-9), max(total_cpu - startup_cpu, 1e-9))
                print(f"workers={workers}: {label:15} {len(docs) / total:6.1f} docs/s overall | start-up {startup:5.1f} s | "
                      f"run phase {len(docs) / phases[label][0]:6.1f} docs/s | CPU {total_cpu:6.1f} s, "
                      f"run phase {phases[label][1]:6.1f} s", flush=True)
            if "extract --jsonl" in phases:
                base, base_cpu = phases["extract --jsonl"]
                for label in ("batch local", "batch ray"):
                    if label in phases:
                        wall, cpu = phases[label]
                        print(f"workers={workers}: run-phase overhead of {label} vs extract --jsonl: "
                              f"{wall / base - 1:+.0%} wall clock, {cpu / base_cpu - 1:+.0%} CPU"
                              + (" (target ray <= +15% at 2 workers; Ray's actors' CPU not counted)"
                                 if label == "batch ray" else ""), flush=True)
            for name in Path(tmp).iterdir():
                if name.is_dir():
                    shutil.rmtree(name, ignore_errors=True)


if __name__ == "__main__":
    main()
