"""What the written sentences add to a plain sentence classifier, scored on CASE 2021 (dev half).

Why: a new batch of written sentences should be judged by what a model learns from
it on real reporting, not by its size. This is the probe of
``../shared/training/README.md``: TF-IDF word 1-2-grams, one-vs-rest logistic
regression, the most probable class of each snippet, right when it is in the CASE
class's accept set. It trains four ways (seed only, seed + written, and both with
the open corpora) and prints accuracy and the classes the written set targets. It
only reads the dev half (``--split dev`` of ``factfinder eval``); the texts of the
dev set are never printed.

    pip install scikit-learn
    PYTHONPATH=. .venv/bin/python training/measure.py [--corpora] [--repeat 3] [--shared ../shared]

The CASE accept sets and the dev/check split come from the project's scorer
(``factfinder.evaluate.devsets_events``), not from a copy here.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
FOCUS = ("ARMED_CLASH", "ATTACK", "ABDUCT_DISSAP", "SEX_VIOL", "PROPERTY_DISTRUCT", "DISR_WEAP",
         "FORCE_AGAINST_PROTEST")
Example = tuple[str, str]


def _lines(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def written(path: Path) -> list[Example]:
    """(sentence, first label): a single-label probe learns the event a sentence leads with
    ("protest" for force against protesters, which is what CASE's protest classes accept)."""
    return [(r["text"], r["labels"][0]) for r in _lines(path)]


def _detokenise(text: str) -> str:
    """The corpora ship tokens joined by spaces; undo the commonest splits."""
    text = re.sub(r"([($]) ", r"\1", text)
    text = re.sub(r" ([,.;:!?%)'])", r"\1", text)
    return text.replace(" 's", "'s").replace(" n't", "n't")


def corpora(folder: Path) -> list[Example]:
    """MAVEN, GENEVA and RAMS sentences with a suggested type; no-event sentences as ``none``."""
    kinds: dict[str, str] = {}
    for name in ("maven", "geneva", "rams"):
        for row in _lines(folder / f"{name}.jsonl"):
            kind = row.get("suggested_type")
            if kind == "none" and row.get("negative_kind") not in ("disaster", "crime"):
                kind = None
            if kind:
                kinds.setdefault(row["text"], kind)
    for row in _lines(folder / "maven_no_event.jsonl"):
        kinds.setdefault(row["text"], "none")
    return [(_detokenise(text), kind) for text, kind in kinds.items()]


def score(train: list[Example], dev: list[dict[str, Any]],
          accept: dict[str, frozenset[str]]) -> tuple[float, Counter[str], Counter[str]]:
    """Accuracy over ``dev``, and the right and total counts per CASE class."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier

    texts, labels = zip(*train)
    vectoriser = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, max_features=60_000)
    model = OneVsRestClassifier(LogisticRegression(C=4.0, max_iter=2000, solver="liblinear"))
    model.fit(vectoriser.fit_transform(texts), labels)
    predicted = model.predict(vectoriser.transform([r["text"] for r in dev]))
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for record, label in zip(dev, predicted):
        gold = record["gold"]["event_type"]
        total[gold] += 1
        right[gold] += label in accept[gold]
    return sum(right.values()) / len(dev), right, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", action="store_true", help="also train with the open corpora (slower)")
    parser.add_argument("--repeat", type=int, default=1, help="weight of the written sentences, as copies")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (training/, devsets/)")
    args = parser.parse_args()
    shared: Path = args.shared
    if not (shared / "devsets" / "case2021_dev.jsonl").is_file():
        raise SystemExit(f"{shared}/devsets/case2021_dev.jsonl not found; "
                         "pass --shared with the folder beside the checkout")
    try:
        from factfinder.evaluate.devsets_events import CASE_ACCEPT, split_of
    except ImportError as exc:
        raise SystemExit(f"needs the CASE scorer factfinder.evaluate.devsets_events ({exc}); "
                         "run it from a checkout that has it, with PYTHONPATH set to that checkout") from exc
    dev = [r for r in _lines(shared / "devsets" / "case2021_dev.jsonl") if split_of(r["id"]) == "dev"]
    seed = written(shared / "training" / "written_seed.jsonl")
    ours = written(HERE / "written_events.jsonl")
    runs = {"seed": seed * args.repeat, "seed+written": (seed + ours) * args.repeat}
    if args.corpora:
        corpus = corpora(shared / "training")
        runs |= {"corpora+seed": corpus + seed * args.repeat,
                 "corpora+seed+written": corpus + (seed + ours) * args.repeat}
    print(f"CASE 2021 dev half: {len(dev)} snippets; written sentences x{args.repeat}")
    for name, train in runs.items():
        accuracy, right, total = score(train, dev, CASE_ACCEPT)
        focus = " ".join(f"{c}={right[c]}/{total[c]}" for c in FOCUS)
        print(f"{name:<22} train={len(train):>6} accuracy={accuracy:.3f} {focus}")


if __name__ == "__main__":
    main()
