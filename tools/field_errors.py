"""Which field of a matched incident is wrong, and how: the buckets behind ``all_fields``.

Why: ``factfinder eval`` gives one F1 a field; to know what to fix first one needs,
for every (gold, extracted) pair the scorer matches, which of the five fields a
monitor checks (date, place, counts, perpetrators, targets) is wrong and in which
way: missing (gold has it, extraction not), extra (extraction has it, gold not) or
different (both, other values). Not shipped: a developer's tool beside bench/.

Usage:
  python tools/field_errors.py tests/gold/extract/ngo_paragraphs.jsonl [--show FIELD] [--save PRED.json]
  python tools/field_errors.py GOLD.jsonl --load PRED.json   # re-read a saved run, no pipeline
``--show FIELD`` prints every wrong pair of that field with the sentence; the
counts of the buckets are printed always.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from factfinder.evaluate.extraction import FIELD_SCORERS, WHOLE_FIELDS, _count_key, _names, match_incidents

Record = dict[str, Any]


def _value(name: str, record: Record) -> Any:
    """A field's value in a comparable, printable form (None or empty when absent)."""
    value = record.get(name)
    if name == "date":
        return None if not value else f"{value.get('start')}..{value.get('end')}"
    if name == "location":
        return None if not value else f"{value.get('name')} ({value.get('country')}, {value.get('precision')})"
    if name == "counts":
        return sorted(_count_key(c) for c in value or ())
    return sorted(_names(value))


def bucket(name: str, gold: Record, pred: Record) -> str | None:
    """None when the field is right, else 'missing', 'extra' or 'different' (with partial kinds for sets)."""
    score = FIELD_SCORERS[name](gold, pred)
    if score.tp == score.predicted == score.gold:
        return None
    g, p = _value(name, gold), _value(name, pred)
    if not g:
        return "extra"
    if not p:
        return "missing"
    if isinstance(g, list):
        if set(map(str, g)) < set(map(str, p)):
            return "superset"
        if set(map(str, p)) < set(map(str, g)):
            return "subset"
    return "different"


def predict(gold_path: Path) -> list[list[Record]]:
    """The pipeline's incident records for every gold document, in order."""
    from factfinder.evaluate.predict import make_document, predict_extraction_many, read_jsonl
    from factfinder.evaluate.runner import gold_text
    from factfinder.pipeline import Pipeline

    records = [r for _, r in read_jsonl(gold_path)]
    docs = [make_document(gold_text(r, path=gold_path, seeds_dir=None), published=r.get("published"),
                          id_=r.get("id")) for r in records]
    return [incidents for incidents, _ in predict_extraction_many(Pipeline(), docs)]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--show", action="append", default=[], help="print the wrong pairs of this field")
    parser.add_argument("--only", action="store_true", help="with --show: only pairs where that field alone is wrong")
    parser.add_argument("--save", type=Path, help="write the predictions here (JSON)")
    parser.add_argument("--load", type=Path, help="read predictions saved with --save instead of running")
    args = parser.parse_args(argv)
    golds = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    preds = json.loads(args.load.read_text()) if args.load else predict(args.gold)
    if args.save:
        args.save.write_text(json.dumps(preds))
    tally: Counter[tuple[str, str]] = Counter()
    wrong_count: Counter[int] = Counter()
    only: Counter[str] = Counter()
    pairs_total = 0
    for doc, predicted in zip(golds, preds):
        gold = doc.get("incidents") or []
        for gi, pi in match_incidents(gold, predicted):
            pairs_total += 1
            g, p = gold[gi], predicted[pi]
            wrong = [(n, b) for n in WHOLE_FIELDS if (b := bucket(n, g, p))]
            wrong_count[len(wrong)] += 1
            if len(wrong) == 1:
                only[wrong[0][0]] += 1
            for n, b in wrong:
                tally[(n, b)] += 1
                if n in args.show and (not args.only or len(wrong) == 1):
                    sentence = g["evidence"][0]["text"]
                    print(f"[{doc['id']}] {g['type']} {n} {b}: gold={_value(n, g)} pred={_value(n, p)}")
                    print(f"    {sentence[:300]}")
                    other = [e["text"] for e in p.get("evidence") or () if e["text"] != sentence]
                    if other:
                        print(f"    extracted also from: {' | '.join(t[:200] for t in other)}")
    print(f"matched pairs {pairs_total}; with 0/1/2/3+ wrong fields: {wrong_count[0]} / {wrong_count[1]} / "
          f"{wrong_count[2]} / {sum(v for k, v in wrong_count.items() if k >= 3)}")
    print("the only wrong field: " + ", ".join(f"{n} {c}" for n, c in only.most_common()))
    for name in WHOLE_FIELDS:
        row = {b: c for (n, b), c in tally.items() if n == name}
        print(f"  {name:13s} wrong {sum(row.values()):3d}: " + ", ".join(f"{b} {c}" for b, c in sorted(row.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
