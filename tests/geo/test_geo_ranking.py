"""The candidate score: named features, shipped fitted weights, and the conditional-logit fit."""

from __future__ import annotations

from factfinder.geo.ranking import FEATURES, HAND_WEIGHTS, RankingModel, default_model
from factfinder.geo.train_ranking import accuracy, fit


def test_shipped_weights_cover_every_feature_and_say_where_they_come_from() -> None:
    model = default_model()
    assert set(model.weights) == set(FEATURES) == set(HAND_WEIGHTS)
    assert "geo_gold" in model.source  # fitted on the project's own gold, never on the dev sets
    # The evidence keeps its sign: a level word, a container and the document's country help.
    for name in ("level", "container", "country_share", "population"):
        assert model.weights[name] > 0, name
    for name in ("foreign", "country_alias", "city_for_admin1"):
        assert model.weights[name] < 0, name


def test_score_is_the_weighted_sum_of_features() -> None:
    model = RankingModel({"population": 1.0, "container": 2.0}, "test")
    assert model.score({"population": 5.0, "container": 6.0, "near": 1.5}) == 17.0


def _row(**values: float) -> list[float]:
    return [values.get(name, 0.0) for name in FEATURES]


def test_fit_learns_to_trust_evidence_the_gold_rewards() -> None:
    # In every group the right candidate is the smaller place inside the named container:
    # the fit must raise the container weight relative to population.
    groups = [([_row(population=6.0), _row(population=3.0 + i % 3, container=1.0)], [1]) for i in range(30)]
    weights = fit(groups, l2=0.01, steps=300)
    assert accuracy(groups, weights) == 1.0
    assert accuracy(groups, HAND_WEIGHTS) < 1.0
    assert weights["container"] > HAND_WEIGHTS["container"]


def test_leaving_hopeless_readings_unscored_keeps_the_best_two_exactly() -> None:
    """``Resolver._ranked`` skips readings that cannot reach the runner-up; the best two and
    their scores must be those of scoring every reading ("Springfield" has dozens)."""
    from collections import Counter

    from factfinder.geo import Gazetteer, Geoparser
    from factfinder.geo.resolve import Resolver

    gazetteer = Gazetteer.open()
    text = ("Flooding closed roads from Springfield to Decatur, and crews from Washington and "
            "Columbia were sent to Salem and Franklin on Monday.")
    mentions = Geoparser(gazetteer).mentions(text)
    resolver = Resolver(gazetteer)
    resolver.resolve(text, mentions)  # the document's features, as the resolver leaves them
    keys = [resolver.candidates_for(m.text)[2] for m in mentions]
    cands = {key: resolver.candidates_for(m.text)[0] for key, m in zip(keys, mentions)}
    from factfinder.geo.resolve import Evidence

    checked, skipped = 0, 0
    for key, found in cands.items():
        if len(found) <= 8:
            continue
        ev = Evidence(key, forms={key})
        args = (found, ev, Counter({"US": 5}), {}, [(39.8, -89.6)], keys, cands)
        fast = resolver._ranked(*args, every=False)
        full = resolver._ranked(*args, every=True)
        assert [(round(s, 9), c.id) for s, c in fast[:2]] == [(round(s, 9), c.id) for s, c in full[:2]]
        skipped += len(full) - len(fast)
        checked += 1
    assert checked >= 3 and skipped > 0  # and it did leave some out
