"""Fit the candidate-ranking weights (``data/gazetteer/ranking.json``) on the project's own geo gold.

    python -m factfinder.geo.train_ranking [--gold tests/gold/geo/geo_gold.jsonl] [--output PATH]

For every gold toponym the geoparser finds, the candidates of its name are
recorded with their features exactly as the resolver sees them in the document;
the right candidates are those within 25 km of the gold point (a name none of
whose candidates lies within 161 km teaches nothing and is left out). The model is
a conditional logit: a softmax over the candidates of one name, fitted by gradient
descent with an L2 pull towards ``ranking.HAND_WEIGHTS``. Deterministic (no random
start), so the same gold gives the same weights. Never fit on ../shared/devsets.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from factfinder.geo.gazetteer import Candidate, Gazetteer, haversine_km
from factfinder.geo.ranking import FEATURES, HAND_WEIGHTS
from factfinder.geo.resolve import Evidence, Resolution, Resolver

DEFAULT_GOLD = Path("tests/gold/geo/geo_gold.jsonl")


class _RecordingResolver(Resolver):
    """A resolver that keeps the candidates and features of its last decision per name."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        super().__init__(gazetteer)
        self.decisions: dict[str, list[tuple[Candidate, dict[str, float]]]] = {}

    def _choose(self, found: list[Candidate], ev: Evidence, doc_countries: Counter[str],
                resolved: dict[str, Resolution], points: list[tuple[float, float]], keys: list[str],
                cands: dict[str, list[Candidate]]) -> Resolution:
        self.decisions[ev.key] = [(c, self.features(c, ev, doc_countries, resolved, points, keys, cands))
                                  for c in found if c.lat is not None]
        return super()._choose(found, ev, doc_countries, resolved, points, keys, cands)


def collect(gold_path: Path, gazetteer: Gazetteer, nlp: Any) -> list[tuple[list[list[float]], list[int]]]:
    """(feature rows, indexes of right candidates) for every usable gold toponym."""
    from factfinder.evaluate.geo import match_mentions  # the scorer's own one-to-one span matching
    from factfinder.geo.parser import Geoparser

    parser = Geoparser(gazetteer, nlp)
    groups: list[tuple[list[list[float]], list[int]]] = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = record["text"]
        mentions = parser.mentions(text)
        resolver = _RecordingResolver(gazetteer)
        resolver.resolve(text, mentions)
        keys = [resolver.candidates_for(m.text)[2] for m in mentions]
        gold = record["places"]
        predicted = [{"start": m.start, "end": m.end} for m in mentions]
        for gi, pi in match_mentions(gold, predicted):
            g = gold[gi]
            if g.get("lat") is None:
                continue
            decision = resolver.decisions.get(keys[pi], [])
            distances = [haversine_km(g["lat"], g["lon"], c.lat, c.lon) for c, _f in decision
                         if c.lat is not None and c.lon is not None]
            right = [i for i, d in enumerate(distances) if d <= 25] or \
                [i for i, d in enumerate(distances) if d <= 161]
            if right and len(decision) > 1:
                groups.append(([[f[name] for name in FEATURES] for _c, f in decision], right))
    return groups


def fit(groups: list[tuple[list[list[float]], list[int]]], *, l2: float = 0.2, steps: int = 200,
        rate: float = 0.05) -> dict[str, float]:
    """Conditional-logit weights: maximise the probability of the right candidates of each name."""
    import numpy as np

    prior = np.array([HAND_WEIGHTS[name] for name in FEATURES])
    weights = prior.copy()
    data = [(np.array(rows), np.array(right)) for rows, right in groups]
    for _ in range(steps):
        grad = np.zeros_like(weights)
        for x, right in data:
            z = x @ weights
            p = np.exp(z - z.max())
            p /= p.sum()
            q = np.zeros_like(p)
            q[right] = p[right] / p[right].sum()
            grad += x.T @ (q - p)
        grad = grad / len(data) - l2 * (weights - prior)
        weights += rate * grad
    return {name: round(float(w), 4) for name, w in zip(FEATURES, weights)}


def accuracy(groups: list[tuple[list[list[float]], list[int]]], weights: dict[str, float]) -> float:
    """Share of names whose top-scored candidate is a right one."""
    hits = 0
    for rows, right in groups:
        scores = [sum(weights[n] * v for n, v in zip(FEATURES, row)) for row in rows]
        hits += int(max(range(len(rows)), key=scores.__getitem__) in right)
    return round(hits / len(groups), 3) if groups else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--output", type=Path)
    ap.add_argument("--l2", type=float, default=0.2)
    args = ap.parse_args()

    from factfinder.extract.nlp import load_nlp
    from factfinder.geo.names import data_file

    groups = collect(args.gold, Gazetteer.open(), load_nlp())
    weights = fit(groups, l2=args.l2)
    result = {"source": f"conditional logit fitted on {args.gold.as_posix()} ({len(groups)} ambiguous names with a "
                        f"right candidate), L2 {args.l2} towards the hand-set weights; "
                        "python -m factfinder.geo.train_ranking",
              "weights": weights, "hand_weights": HAND_WEIGHTS,
              "training_accuracy": {"hand": accuracy(groups, HAND_WEIGHTS), "fitted": accuracy(groups, weights)}}
    output = args.output or data_file("ranking.json")
    output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result["training_accuracy"]), "->", output)


if __name__ == "__main__":
    main()
