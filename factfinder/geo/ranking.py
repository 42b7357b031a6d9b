"""One documented score for a gazetteer candidate: a weighted sum of named features.

    score(candidate) = sum(weight[f] * feature[f] for f in FEATURES)

The features say what the resolver knows about a candidate in its document (see
``features``); the weights are a small conditional-logit (softmax over the candidates
of one name) fitted on the project's own geo gold by ``factfinder/geo/train_ranking.py``
and stored in ``factfinder/data/gazetteer/ranking.json`` with their training data and
seed. ``HAND_WEIGHTS`` are the hand-set values the fit starts from and is pulled
towards (an L2 prior), so a small gold set re-weights the evidence rather than
inventing it. The dev sets are never used for fitting.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from factfinder.geo.names import data_file

# Kind of entry: a bare well-known name is more often a country or admin1 than a village.
KIND_PRIOR = {"continent": 3.0, "country": 3.5, "region": 2.5, "admin1": 2.0, "admin2": 0.8, "admin3": 0.5,
              "city": 0.0, "village_tract": -0.8, "village": -0.5, "point": -0.5}

FEATURES = (
    "population",      # log10(population + 10)
    "kind",            # KIND_PRIOR of the candidate's kind
    "primary",         # the name matched is the entry's main name
    "capital",         # a national capital named by its main name, no level word
    "country_alias",   # a town matched by an alternate name that is also a country's main name
    "town_alias",      # a town matched by an alternate name that is the main name of a town as big or bigger
    "country_share",   # share of the document's country votes that go to the candidate's country
    "foreign",         # below country level and outside every country the document names
    "level",           # how well the level word ("township", "province") fits the kind (LEVEL_BONUS)
    "named_level",     # the unit a level word written as part of the name asks for ("Lamar County")
    "city_for_admin1",  # a town given where the text says "province"/"state"
    "container",       # inside the place the text puts around it (containers.inside)
    "contains",        # an admin unit holding the place the text puts before it ("Spokane, Washington")
    "admin1_seat",     # a city holding much of a same-named admin1 ("Almaty", "Beijing")
    "near",            # 1.5 within 150 km of another resolved local place, 0.7 within 500 km
    "same_admin1",     # share of the document's other resolved places in the candidate's admin1
    "named_admin1",    # a town or unit whose admin1 the document names ("Fairfield" in a story that names Iowa)
    "list_kind",       # a name joined to it by "and"/"or" resolved to a place of its rank ("Cameroon and Niger")
)

HAND_WEIGHTS = {"population": 1.0, "kind": 1.0, "primary": 0.7, "capital": 2.5, "country_alias": -3.0,
                "town_alias": -3.0, "country_share": 3.0, "foreign": -1.0, "level": 1.0, "named_level": 3.0,
                "city_for_admin1": -3.0, "container": 1.0, "contains": 3.0, "admin1_seat": 4.0, "near": 1.0, "same_admin1": 1.5,
                "named_admin1": 1.0, "list_kind": 1.0}


@dataclass(frozen=True, slots=True)
class RankingModel:
    """Weights of the candidate score, with where they came from."""

    weights: dict[str, float]
    source: str

    def score(self, features: dict[str, float]) -> float:
        return sum(self.weights.get(name, 0.0) * value for name, value in features.items())


@lru_cache(maxsize=1)
def default_model() -> RankingModel:
    """The fitted weights shipped in data/gazetteer/ranking.json, else the hand-set ones."""
    path = data_file("ranking.json")
    if not path.is_file():
        return RankingModel(dict(HAND_WEIGHTS), "hand-set")
    data = json.loads(path.read_text(encoding="utf-8"))
    weights = {name: float(data["weights"].get(name, HAND_WEIGHTS[name])) for name in FEATURES}
    return RankingModel(weights, data.get("source", str(path)))


def near_value(nearest_km: float | None) -> float:
    if nearest_km is None:
        return 0.0
    return 1.5 if nearest_km < 150 else 0.7 if nearest_km < 500 else 0.0


def share_features(country: str | None, kind: str, doc_countries: Counter[str]) -> tuple[float, float]:
    """(country_share, foreign) of a candidate in a document with these country votes."""
    total = sum(doc_countries.values())
    if not total or not country:
        return 0.0, 0.0
    share = doc_countries.get(country, 0) / total
    return share, 1.0 if kind != "country" and not share else 0.0


def population_feature(population: int) -> float:
    return math.log10(population + 10)
