"""Resolving place mentions in context: which gazetteer entry each name means.

One sense per document: all mentions with the same folded name share one
resolution, decided with the evidence of all of them ("Sagaing Division" in one
sentence settles a bare "Sagaing" in another). Candidates are scored by a
population prior, the kind of entry (a bare well-known name is more often a
country or admin1 than a village), the document's countries, "X, Y" / "X in Y"
containers, words such as "province" or "township" after the name, and
proximity to the other places of the story. A name whose best candidate is a
small place far from everything else in the story stays unresolved.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace

from factfinder.geo.names import admin_terms, name_key
from factfinder.geo.gazetteer import UNIT_KINDS, Candidate, Gazetteer
from factfinder.geo.levels import level_fit, level_inside, level_of, level_units, not_the_country
from factfinder.geo.evidence import Evidence as Evidence, gather  # Evidence re-exported (train_ranking, tests)
from factfinder.geo.mentions import Mention
from factfinder.geo.mention_cues import given_names
from factfinder.geo.containers import (LOCAL_KINDS, container_stand_in, holds, inside, marked_stand_in,
                                       district_twin, heading_keys, heading_stand_in, nearest_km, same_point,
                                       SURE_TOWN, story_area, story_town, stray_town)
from factfinder.geo.country_forms import add_country_readings
from factfinder.geo.doc_countries import document_countries
from factfinder.geo.joint import foreign_namesakes, inside_name_readings, joint_readings, own_containers
from factfinder.geo.plausibility import plausible, short_form
from factfinder.geo.fuzzy_names import transliteration_variants
from factfinder.geo.ranking import (KIND_PRIOR, RankingModel, default_model, near_value, population_feature,
                                    share_features)


@dataclass(frozen=True, slots=True)
class Resolution:
    candidate: Candidate | None
    confidence: float


class Resolver:
    """Resolves the mentions of one document against a gazetteer."""

    def __init__(self, gazetteer: Gazetteer, model: RankingModel | None = None) -> None:
        self.gazetteer = gazetteer
        self.terms = admin_terms()
        self.model = model or default_model()
        self._admin1_stamp: tuple[int, int] | None = None
        self._admin1_votes: Counter[tuple[str | None, str]] = Counter()
        self._admin1_keys: set[tuple[str | None, str | None, str]] = set()
        self._named_admin1: set[tuple[str | None, str | None]] = set()  # admin1 units the text names
        self._static: dict[tuple[str, int], tuple[dict[str, float], float]] = {}  # of the current document
        self._facts: dict[int, tuple[object, bool, dict[tuple[str | None, str | None], int], int]] = {}

    def candidates_for(self, surface: str) -> tuple[list[Candidate], str | None, str]:
        level, bare = level_inside(surface, self.terms)
        found = self.gazetteer.lookup(surface)
        if bare != surface and level == "town" and any(c.primary for c in found):
            # One sense per document groups names by key: "Mexico City" is not grouped with
            # "Mexico", or the country would decide for the city ("Dutchess County" and a bare
            # "Dutchess" stay one group: the county).
            return found, level, name_key(surface)
        if bare != surface:
            # The name without its level word, unless the whole name is an entry's own name:
            # "Mexico City" is the city, not Mexico; "Rakhine State" is Rakhine. Where the whole
            # name is some entry's other name, only bare readings of the kind the level word
            # asks for join it ("Quebec City" is not the province of Quebec).
            # An entry whose main name is the bare name reads as its main name ("Quebec City" is
            # Québec, not the town that once bore that name).
            bare_found = self.gazetteer.lookup(bare)
            main = {c.id for c in bare_found if c.primary}
            found = [replace(c, primary=True) if c.id in main and not c.primary else c for c in found]
            found = found + [c for c in bare_found if c.id not in {f.id for f in found}
                             and (not found or level_fit(level, c.kind, c.country) > 0)]
        return found, level, name_key(bare)

    def resolve(self, text: str, mentions: list[Mention]) -> list[Resolution]:
        self._static = {}
        groups, cands, keys = gather(text, mentions, self.terms, self.candidates_for)

        votes: dict[str, Counter[str]] = {}  # each name's own votes
        doc_countries = document_countries(
            text, mentions, keys, {key: found for key, found in cands.items() if not groups[key].near},
            lambda cand, key, countries: self._score(cand, groups[key], countries, {}, [], keys, cands), votes)
        add_country_readings(self.gazetteer, text, mentions, keys, cands, doc_countries)

        # Pass 2: resolve every name, bigger kinds first so that containers are known.
        resolved: dict[str, Resolution] = {}
        points: list[tuple[float, float]] = []
        order = sorted(cands, key=lambda k: -max((KIND_PRIOR.get(c.kind, 0) + math.log10(c.population + 10)
                                                  for c in cands[k]), default=0))
        for key in order:
            found = cands[key]
            ev = groups[key]
            if not found and ev.fuzzy:
                found = transliteration_variants(self.gazetteer, ev.forms, doc_countries)
                cands[key] = found
            resolved[key] = self._choose(found, ev, doc_countries, resolved, points, keys, cands)
            cand = resolved[key].candidate
            if cand is not None and (point := cand.point) is not None and cand.kind in LOCAL_KINDS:
                points.append(point)
        # Pass 3: towns decided early (big names first) are checked again against every
        # other town of the story ("London" among Ontario towns is London, Ontario); then a lone
        # small town's name tried before the towns beside it were known ("a Keene mason").
        lone = [key for key in order if resolved[key].candidate is None and groups[key].near and cands[key]]
        for key in order + lone:
            cand = resolved[key].candidate
            if key not in lone and (cand is None or cand.kind not in _RECHECKED or len(cands[key]) < 2
                                    or (cand.kind == "admin1" and
                                        self._static_features(cand, groups[key], keys, cands)[0]["contains"])):
                continue  # an admin1 after "Town, " holds that town ("Bronx, New York" is the state)
            others = [p for k, r in resolved.items() if k != key and (c := r.candidate) is not None
                      and (p := c.point) is not None and c.kind in LOCAL_KINDS]
            if others:
                again = self._choose(cands[key], groups[key], doc_countries, resolved, others, keys, cands)
                new = again.candidate
                if cand is None or new is None or new.id == cand.id or cand.kind == "city" \
                        or self._score(new, groups[key], doc_countries, resolved, others, keys, cands) \
                        > self._score(cand, groups[key], doc_countries, resolved, others, keys, cands) + _SWITCH_MARGIN:
                    resolved[key] = again
        # Pass 3b: the story's names read together: a namesake far from the places resolved with
        # confidence takes its reading beside them where more of the story's names lie there.
        free = {key: not (ev.levels or ev.containers or ev.contained) for key, ev in groups.items()}
        chosen = {key: (res.candidate, res.confidence) for key, res in resolved.items()}
        moved = joint_readings(order, chosen, cands, free) | foreign_namesakes(chosen, cands, doc_countries, votes)
        for key, (cand, confidence) in moved.items():
            resolved[key] = Resolution(cand, confidence)
        # Pass 3c: a name only ever inside a longer name ("the Venice Commission") read as a small
        # town far from the story names the well-known place of that name.
        heads = heading_keys(text, mentions, keys)
        inside_only = {key: True for key in groups}
        for mention, key in zip(mentions, keys):
            if not mention.embedded and key not in heads:
                inside_only[key] = False
        chosen = {key: (res.candidate, res.confidence) for key, res in resolved.items()}
        well_known = inside_name_readings(inside_only, chosen, cands)
        for key, (cand, confidence) in well_known.items():
            resolved[key] = Resolution(cand, confidence)
        # Pass 4: where the text puts a name inside a place the resolver could not go past
        # (a street, a building, a namesake in another state), that place stands for it.
        decided = {key: (res.candidate, res.confidence) for key, res in resolved.items()}
        for key in order:
            stand_in = container_stand_in(resolved[key].candidate, groups[key].forms, groups[key].containers, keys,
                                          decided, marked=groups[key].levelled)
            if stand_in is not None:
                resolved[key] = Resolution(*(marked_stand_in(stand_in, groups[key].forms) if groups[key].levelled
                                             and resolved[key].candidate is None else stand_in))
        # Pass 5: a street or building the gazetteer lacks, inside no place the text names, lies
        # in the town the story is told in.
        setting = story_town(keys, [not m.embedded for m in mentions], decided) or story_area(keys, decided)
        if setting is not None:
            for key in order:
                if resolved[key].candidate is None and (any(" " in form for form in groups[key].forms)
                                                        or groups[key].quarter) \
                        and not groups[key].guessed:  # a known name proposed for resolution to confirm
                    resolved[key] = Resolution(*marked_stand_in(setting, groups[key].forms))
        # Pass 6: a town's name that only ever heads the name of a building, a street or a body
        # ("Wembley Stadium", "Lindell Boulevard", "Edinburgh Castle") and whose reading lies far from
        # the rest of the story names a namesake: the place the text puts it in, else the
        # story's town, stands in.
        decided = {key: (res.candidate, res.confidence) for key, res in resolved.items()}
        for key, boxes in heads.items():
            if key in well_known:
                continue
            stand_in = heading_stand_in(key, boxes + groups[key].containers, keys, decided, cands[key], doc_countries,
                                        setting)
            if stand_in is not None:
                resolved[key] = Resolution(*stand_in)
        # Pass 7: a small town's name read, with doubt, far from where the story is told and
        # supported by no level word, container or place inside it names something of the
        # story's own place (a name with one reading, or one read with confidence, stays).
        if setting is not None:
            for key in order:
                ev, res = groups[key], resolved[key]
                if not (ev.levels or ev.containers or ev.contained or key in well_known) and res.confidence < SURE_TOWN \
                        and stray_town(res.candidate, setting[0]):
                    resolved[key] = Resolution(*setting)
        readings = [resolved[k] for k in keys]
        decided = {key: (res.candidate, res.confidence) for key, res in resolved.items()}
        for i, own in own_containers(keys, {key: ev.containers for key, ev in groups.items()}, decided, cands).items():
            readings[i] = Resolution(*own)  # "Córdoba, Spain" in a story of Córdoba, Argentina
        return readings

    def _container_match(self, cand: Candidate, ev: Evidence, resolved: dict[str, Resolution],
                         keys: list[str]) -> float:
        """How well ``cand`` sits inside the places the text puts around it ("X in Y", "X (Y)")."""
        bonus = 0.0
        for j in ev.containers:
            res = resolved.get(keys[j])
            if res is None or res.candidate is None or keys[j] == ev.key:
                continue
            bonus = max(bonus, inside(cand, res.candidate))
        return bonus

    def _score(self, cand: Candidate, ev: Evidence, doc_countries: Counter[str], resolved: dict[str, Resolution],
               points: list[tuple[float, float]], keys: list[str], cands: dict[str, list[Candidate]]) -> float:
        """The model's score: the part fixed for the document, computed once per candidate and
        name, plus the part that changes as places are resolved (a name is scored up to four
        times, and "Washington" has 200 readings)."""
        _static, fixed = self._static_features(cand, ev, keys, cands)
        return fixed + self.model.score(self._dynamic_features(cand, ev, doc_countries, resolved, points, keys))

    def features(self, cand: Candidate, ev: Evidence, doc_countries: Counter[str], resolved: dict[str, Resolution],
                 points: list[tuple[float, float]], keys: list[str],
                 cands: dict[str, list[Candidate]]) -> dict[str, float]:
        """The named features of ``ranking.FEATURES`` for one candidate in its document."""
        static, _fixed = self._static_features(cand, ev, keys, cands)
        return static | self._dynamic_features(cand, ev, doc_countries, resolved, points, keys)

    def _static_features(self, cand: Candidate, ev: Evidence, keys: list[str],
                         cands: dict[str, list[Candidate]]) -> tuple[dict[str, float], float]:
        """The features that the resolution of other names does not change, and their weighted sum."""
        cached = self._static.get((ev.key, cand.id))
        if cached is not None:
            return cached
        others = cands.get(ev.key, ())
        same_named_country, admin1_sizes, main_town = self._name_facts(others)
        level = ev.levels.most_common(1)[0][0] if ev.levels else None
        seat = 0.0
        if cand.kind == "city" and level is None and not same_named_country:
            # A city that holds much of a same-named admin1 is what a bare name means
            # ("Beijing", "Almaty"), unless the text says "province".
            size = admin1_sizes.get((cand.country, cand.admin1_code))
            seat = float(size is not None and cand.population >= 0.25 * size)
        static = {
            "population": population_feature(cand.population),
            "kind": KIND_PRIOR.get(cand.kind, 0.0),
            "primary": float(cand.primary),
            "capital": float(cand.capital and cand.primary and level is None),
            "country_alias": float(cand.kind == "city" and not cand.primary and same_named_country),
            "town_alias": float(cand.kind == "city" and not cand.primary and main_town >= cand.population
                                and not name_key(cand.name).startswith(ev.key)),  # "Newcastle" is short for one
            "level": level_fit(level, cand.kind, cand.country),
            "named_level": float(any(cand.kind in level_units(lv, cand.country) for lv in ev.named)),
            "city_for_admin1": float(level_of(level, cand.country) == "admin1" and cand.kind == "city"),
            "contains": holds(cand, ev.key, ev.contained, keys, cands),
            "admin1_seat": seat,
        }
        cached = self._static[(ev.key, cand.id)] = (static, self.model.score(static))
        return cached

    def _dynamic_features(self, cand: Candidate, ev: Evidence, doc_countries: Counter[str],
                          resolved: dict[str, Resolution], points: list[tuple[float, float]],
                          keys: list[str]) -> dict[str, float]:
        """The features read from the document's countries and the places resolved so far."""
        share, foreign = share_features(cand.country, cand.kind, doc_countries)
        nearest = nearest_km(cand, points) if cand.kind in LOCAL_KINDS else None
        same_admin1, named_admin1 = self._admin1_evidence(cand, ev, resolved)
        return {
            "country_share": share,
            "foreign": foreign,
            "container": self._container_match(cand, ev, resolved, keys),
            "near": near_value(nearest),
            "same_admin1": same_admin1,
            "named_admin1": named_admin1,
            "list_kind": self._list_kind(cand, ev, resolved, keys),
        }

    def _list_kind(self, cand: Candidate, ev: Evidence, resolved: dict[str, Resolution], keys: list[str]) -> float:
        """1.0 where a name the text joins to this one by "and"/"or" resolved to a place of the
        candidate's rank: "Cameroon and Niger" names two countries, "Borno and Niger" two states."""
        rank = _RANK.get(cand.kind, 2)
        for j in ev.mates:
            res = resolved.get(keys[j])
            if keys[j] != ev.key and res is not None and res.candidate is not None \
                    and _RANK.get(res.candidate.kind, 2) == rank:
                return 1.0
        return 0.0

    def _name_facts(self, others: list[Candidate] | tuple[()]
                    ) -> tuple[bool, dict[tuple[str | None, str | None], int], int]:
        """Of all readings of one name: is one of them a country (by its main name), the
        smallest population of its admin1 readings by (country, code), and the population of
        the biggest town it is the main name of. Computed once per name, not once per
        candidate (a name such as "Washington" has 200 readings)."""
        key = id(others)
        facts = self._facts.get(key)
        if facts is None or facts[0] is not others:
            sizes: dict[tuple[str | None, str | None], int] = {}
            for o in others:
                if o.kind == "admin1":
                    where = (o.country, o.admin1_code)
                    sizes[where] = min(sizes.get(where, o.population), o.population)
            main_town = max((o.population for o in others if o.kind == "city" and o.primary), default=-1)
            facts = (others, any(o.kind == "country" and o.primary for o in others), sizes, main_town)
            if len(self._facts) > 10_000:
                self._facts.clear()
            self._facts[key] = facts
        return facts[1], facts[2], facts[3]

    def _admin1_evidence(self, cand: Candidate, ev: Evidence, resolved: dict[str, Resolution]) -> tuple[float, float]:
        """(same_admin1, named_admin1): the share of the document's other resolved places that
        lie in the candidate's admin1, and 1.0 for a town or unit whose admin1 the text names.

        A small-town story names its state's towns: "Sumner County" beside Gallatin and
        Palmyra is the Missouri one. Counted once per state of ``resolved``. A story that
        names its state names it once among many towns ("Fairfield" of a story that names Iowa,
        Illinois and Wisconsin is the Iowa one, not a bigger Fairfield elsewhere).
        """
        if cand.admin1_code is None or not resolved:
            return 0.0, 0.0
        stamp = (id(resolved), len(resolved))
        if self._admin1_stamp != stamp:
            self._admin1_stamp = stamp
            votes: Counter[tuple[str | None, str, str]] = Counter()
            for key, res in resolved.items():
                c = res.candidate
                if c is not None and c.admin1_code and c.kind not in {"country", "continent"}:
                    votes[(c.country, c.admin1_code, key)] += 1
            self._admin1_votes = Counter()
            for (cc, code, key), _n in votes.items():
                self._admin1_votes[(cc, code)] += 1
            self._admin1_keys = {(c.country, c.admin1_code, k) for k, r in resolved.items()
                                 if (c := r.candidate) is not None}
            self._named_admin1 = {(c.country, c.admin1_code) for r in resolved.values()
                                  if (c := r.candidate) is not None and c.kind == "admin1"}
        total = sum(self._admin1_votes.values())
        mine = self._admin1_votes.get((cand.country, cand.admin1_code), 0)
        mine -= int((cand.country, cand.admin1_code, ev.key) in self._admin1_keys)  # not its own vote
        total -= int(any(k == ev.key for _c, _a, k in self._admin1_keys))
        named = float(cand.kind in LOCAL_KINDS and (cand.country, cand.admin1_code) in self._named_admin1)
        return (mine / total if total > 0 and mine > 0 else 0.0), named

    def _choose(self, found: list[Candidate], ev: Evidence, doc_countries: Counter[str],
                resolved: dict[str, Resolution], points: list[tuple[float, float]], keys: list[str],
                cands: dict[str, list[Candidate]]) -> Resolution:
        if not (found := not_the_country(found, ev.levels)):
            return Resolution(None, 0.0)
        scored = self._ranked(found, ev, doc_countries, resolved, points, keys, cands, every=False)
        best_score, best = scored[0]
        runner = scored[1][0] if len(scored) > 1 else best_score - 5
        confidence = round(1 / (1 + math.exp(-(best_score - runner))), 3)
        if best.lat is None or not self._plausible(best, doc_countries, points, ev, resolved, keys):
            # A district rejected for want of context may share its name and point with a town
            # that needs none ("Southampton" the unitary authority and the city).
            scored = self._ranked(found, ev, doc_countries, resolved, points, keys, cands, every=True)
            twin = next((c for _s, c in scored[1:] if c.kind == "city" and best.kind in UNIT_KINDS
                         and same_point(c, best)), None)
            if twin is None or not self._plausible(twin, doc_countries, points, ev, resolved, keys):
                return Resolution(None, 0.0)
            best = twin
        if ev.cued and best.country not in doc_countries:
            return Resolution(None, 0.0)  # a name only a locative proposed: in the document's countries only
        if ev.near and (best.kind not in LOCAL_KINDS or (near := nearest_km(best, points)) is None or near > (
                _NEAR_ADMIN1_KM if self._admin1_evidence(best, ev, resolved)[0] >= 0.5
                and not ev.forms & given_names() else _NEAR_KM)):  # "Chelsea" is a person, whatever the map says
            return Resolution(None, 0.0)  # a lone small town's name with no town of the story beside it
        return Resolution(district_twin(best, found, ev.levels), confidence)

    def _ranked(self, found: list[Candidate], ev: Evidence, doc_countries: Counter[str],
                resolved: dict[str, Resolution], points: list[tuple[float, float]], keys: list[str],
                cands: dict[str, list[Candidate]], *, every: bool) -> list[tuple[float, Candidate]]:
        """(score, candidate), best first. Unless ``every``, a candidate whose fixed score plus the
        most the document could add to it stays below the second best is not scored: the best
        two and their order are exactly those of scoring all (a name may have 200 readings)."""
        if every or len(found) <= 8:
            scored = [(self._score(c, ev, doc_countries, resolved, points, keys, cands), c) for c in found]
            return sorted(scored, key=lambda sc: (-sc[0], -sc[1].population))
        ceiling = self._dynamic_ceiling(bool(ev.containers), bool(ev.mates))
        fixed = [(self._static_features(c, ev, keys, cands)[1], c) for c in found]
        fixed.sort(key=lambda fc: -fc[0])
        scored = []
        top: list[float] = []  # the two best scores so far
        for part, cand in fixed:
            if len(top) == 2 and part + ceiling < top[1]:
                break
            score = part + self.model.score(self._dynamic_features(cand, ev, doc_countries, resolved, points, keys))
            scored.append((score, cand))
            top = sorted(top + [score], reverse=True)[:2]
        return sorted(scored, key=lambda sc: (-sc[0], -sc[1].population))

    def _dynamic_ceiling(self, contained: bool, listed: bool) -> float:
        """The most the dynamic features can add to a score under this model (a name the text
        puts inside no other gets nothing from "container", one joined to none by "and" nothing
        from "list_kind")."""
        return sum(max(0.0, self.model.weights.get(name, 0.0) * most) for name, most in _DYNAMIC_MOST.items()
                   if (contained or name != "container") and (listed or name != "list_kind"))

    def _plausible(self, cand: Candidate, doc_countries: Counter[str], points: list[tuple[float, float]],
                   ev: Evidence, resolved: dict[str, Resolution], keys: list[str]) -> bool:
        """``plausibility.plausible`` with what the name's mentions say of the candidate."""
        contained = cand.kind in UNIT_KINDS and self._container_match(cand, ev, resolved, keys) >= 4.0
        return plausible(cand, doc_countries, points, levelled=bool(ev.levels), contained=contained,
                         story_admin1=any(self._admin1_evidence(cand, ev, resolved)),
                         short_form=short_form(ev.key, cand.name))


# The largest value of each feature that changes as places are resolved (containers.inside <= 7).
_DYNAMIC_MOST = {"country_share": 1.0, "foreign": 1.0, "container": 7.0, "near": 1.5, "same_admin1": 1.0,
                 "named_admin1": 1.0, "list_kind": 1.0}
_RANK = {"continent": 0, "country": 0, "region": 1, "admin1": 1}  # what a list's names share; any other: 2
_NEAR_KM = 30  # how close a lone small town's name must lie to another town of the story
_NEAR_ADMIN1_KM = 150  # the same, where most of the story's places lie in its admin1
# Kinds decided again against the story's other places (pass 3); an admin1 too, unless it holds the
# town before it: "Virginia" chosen before the Irish towns of its story were known is the Cavan town.
_RECHECKED = frozenset({"city", "admin2", "admin1"})
_SWITCH_MARGIN = 0.25  # how much better a county must score in pass 3 to replace the one chosen
