"""A story's namesakes read together: one region for the names a local story shares.

The resolver scores each name on its own evidence plus the places resolved before it, and a
famous namesake wins on population and the capital bonus alone: a story that names London ten
times, with St. Thomas and Middlesex beside it and never "Ontario", was placed in England
(London also cast the document's country votes for Britain, so Middlesex followed it there).
Read together, the story's names agree on one region: London, St. Thomas and Middlesex all
have a reading within a few dozen kilometres of each other in Ontario, while in England only
London and Middlesex do. Kept apart from ``resolve.py``: this looks at all names at once after
each was decided alone, where the resolver weighs one name's readings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from factfinder.geo.containers import LOCAL_KINDS, STORY_KM, inside
from factfinder.geo.gazetteer import Candidate, haversine_km

JOINT_KM = 60  # readings this close belong to one local story (London and St. Thomas, Ontario: 25 km)
ANCHOR_CONFIDENCE = 0.8  # a place resolved this surely pulls its namesakes' readings towards it
_SWITCHED = frozenset({"city", "admin2", "admin3"})  # what a joint reading may move


def _close(a: Candidate, b: Candidate, km: float) -> bool:
    here, there = a.point, b.point
    return here is not None and there is not None and haversine_km(*here, *there) <= km


def _names_near(reading: Candidate, key: str, cands: Mapping[str, Iterable[Candidate]]) -> set[str]:
    """The other names of the story with a local reading within ``JOINT_KM`` of ``reading``."""
    return {other for other, found in cands.items() if other != key
            and any(c.kind in LOCAL_KINDS and _close(c, reading, JOINT_KM) for c in found)}


def joint_readings(order: list[str], chosen: Mapping[str, tuple[Candidate | None, float]],
                   cands: Mapping[str, list[Candidate]], free: Mapping[str, bool]
                   ) -> dict[str, tuple[Candidate, float]]:
    """Names to read again with the story's others, each with its new reading and confidence.

    A name (``free``: no level word, container or place inside it decided it) whose reading
    lies over ``STORY_KM`` from a place the story resolved with confidence takes its namesake
    beside that place, where more of the story's names have a reading near the namesake than
    near the reading chosen (one region for the story's names; a big city among its own suburbs
    keeps its reading). A reading in a country or admin1 the text names stays ("Paris" of a
    Kentucky couple's trip to France), and only a namesake by its main name is taken (not
    Charlestown, Massachusetts, for "Charleston"). ``chosen`` maps each name's key to its (candidate, confidence)."""
    anchors = {key: (cand, conf) for key, (cand, conf) in chosen.items()
               if cand is not None and conf >= ANCHOR_CONFIDENCE and cand.kind in LOCAL_KINDS
               and cand.point is not None}
    moved = _named_units(chosen, cands, free)
    named = {(c.country, c.admin1_code if c.kind == "admin1" else None) for c, _conf in chosen.values()
             if c is not None and c.kind in {"country", "admin1"}}
    for key in order:
        current, confidence = chosen.get(key, (None, 0.0))
        if key in moved:
            continue
        if current is None or current.kind not in _SWITCHED or not free.get(key) or len(cands.get(key, ())) < 2 \
                or (current.country, None) in named or (current.country, current.admin1_code) in named:
            continue  # the text names the reading's country or state: "Paris" of a story that names France
        held = _names_near(current, key, cands)
        best: tuple[int, float, Candidate] | None = None
        for reading in cands[key]:
            if reading.id == current.id or reading.kind not in _SWITCHED or reading.point is None or not reading.primary \
                    or _close(reading, current, STORY_KM):
                continue
            pulls = [conf for other, (anchor, conf) in anchors.items() if other != key and other not in held
                     and _close(anchor, reading, JOINT_KM)]
            if not pulls:
                continue
            support = len(_names_near(reading, key, cands))
            rank = (support, max(pulls), reading)
            if support > len(held) and (best is None or rank[:2] > best[:2]
                                        or (rank[:2] == best[:2] and reading.population > best[2].population)):
                best = rank
        if best is not None:
            moved[key] = (best[2], round(min(confidence, best[1]), 3))
    return moved


def _named_units(chosen: Mapping[str, tuple[Candidate | None, float]], cands: Mapping[str, list[Candidate]],
                 free: Mapping[str, bool]) -> dict[str, tuple[Candidate, float]]:
    """Names read as a town where another form of the story's names surely named a state or
    province they can also be: one place, one sense. A story filed from "FORT LEWIS, Wash."
    that speaks of "central Washington" and "home in Washington" means the state the dateline
    names, not the capital (which the text, when it means it, writes "Washington, D.C.")."""
    units = {cand.id: (cand, conf) for cand, conf in chosen.values()
             if cand is not None and cand.kind == "admin1" and conf >= ANCHOR_CONFIDENCE}
    moved: dict[str, tuple[Candidate, float]] = {}
    for key, (current, confidence) in chosen.items():
        if current is None or current.kind != "city" or not free.get(key):
            continue
        for reading in cands.get(key, ()):
            unit = units.get(reading.id)
            if unit is not None and (current.country, current.admin1_code) != (reading.country, reading.admin1_code):
                moved[key] = (reading, round(min(confidence, unit[1]), 3))
                break
    return moved


FOREIGN_SHARE = 10  # the story's own reading may be this many times smaller than the foreign one


def foreign_namesakes(chosen: Mapping[str, tuple[Candidate | None, float]], cands: Mapping[str, list[Candidate]],
                      doc_countries: Counter[str], by_name: Mapping[str, Counter[str]]
                      ) -> dict[str, tuple[Candidate, float]]:
    """Names read abroad, in a country the document gives no vote, that have a reading of
    comparable size (or a district) beside the places the story resolved with confidence, in its main country:
    a namesake in another country is chosen only where the text points there. "Beni territory"
    of a Congolese story that names Goma, Butembo and Bunia is Beni, North Kivu, not the Bolivian
    department El Beni that the level word "territory" and its population had chosen. The votes a
    name cast for its own reading's country (``by_name``) do not count for it."""
    if not doc_countries:
        return {}
    main = max(doc_countries, key=doc_countries.__getitem__)
    anchors = [(key, cand) for key, (cand, conf) in chosen.items()
               if cand is not None and conf >= ANCHOR_CONFIDENCE and cand.kind in LOCAL_KINDS and cand.point is not None]
    moved: dict[str, tuple[Candidate, float]] = {}
    for key, (current, confidence) in chosen.items():
        others = doc_countries - by_name.get(key, Counter())
        if current is None or current.kind in _ABOVE or not current.country or others[current.country] > 0:
            continue
        # A story about one country (its headline or dateline names it, or nothing else votes)
        # means its own town of a name by default, near a place of the story or not.
        about_main = others[main] >= SOLE_VOTES and others[main] >= SOLE_SHARE * sum(others.values())
        own = [c for c in cands.get(key, ()) if c.country == main and c.kind in LOCAL_KINDS
               and (c.kind in _UNITS or c.population * FOREIGN_SHARE >= current.population)
               and (about_main and c.kind == "city"
                    or any(other != key and _close(c, anchor, NEAR_KM) for other, anchor in anchors))]
        if own:
            moved[key] = (max(own, key=lambda c: (c.population, c.kind == "city")), round(confidence / 2, 3))
    return moved


NEAR_KM = 150  # how close the story's own reading lies to a place it resolved with confidence
SOLE_VOTES = 5  # a country named in the opening line, or three times: what a story is about
SOLE_SHARE = 0.8  # of the votes of the story's other names
_ABOVE = frozenset({"continent", "country", "region"})  # readings no namesake replaces
_UNITS = frozenset({"admin2", "admin3"})  # districts have no population figure to weigh


def own_containers(keys: list[str], containers: Mapping[str, list[int]], chosen: Mapping[str, tuple[Candidate | None, float]],
                   cands: Mapping[str, list[Candidate]]) -> dict[int, tuple[Candidate, float]]:
    """Mentions the text puts inside a country or state that does not hold their name's reading,
    each with its name's reading there: one sense per name per story, save where the text says
    otherwise. A story of Córdoba, Argentina that mentions "a sister university in Córdoba, Spain"
    means the Spanish city there; "Paris, Texas" in a story of Paris is the Texan town.
    ``containers`` maps each name's key to the indexes of the mentions that hold some mention of it."""
    moved: dict[int, tuple[Candidate, float]] = {}
    for i, key in enumerate(keys):
        current, confidence = chosen.get(key, (None, 0.0))
        if current is None or current.kind not in LOCAL_KINDS or i + 1 >= len(keys) \
                or i + 1 not in containers.get(key, ()) or keys[i + 1] == key:
            continue  # a country before another names a list ("Mexico, the US and Canada")
        box, box_confidence = chosen.get(keys[i + 1], (None, 0.0))
        if box is None or box.kind not in _BOXES or box_confidence < ANCHOR_CONFIDENCE or inside(current, box) >= 4.0:
            continue
        fits = [c for c in cands.get(key, ()) if inside(c, box) >= (4.0 if box.kind == "country" else 6.0)]
        if fits:
            moved[i] = (max(fits, key=lambda c: (c.population, c.primary)), round(min(confidence, box_confidence), 3))
    return moved


_BOXES = frozenset({"country", "admin1"})  # containers that say which namesake a mention means


WELL_KNOWN = 50_000  # people: a town this big is the place a body or building named after the name means


def inside_name_readings(inside: Mapping[str, bool], chosen: Mapping[str, tuple[Candidate | None, float]],
                         cands: Mapping[str, list[Candidate]]) -> dict[str, tuple[Candidate, float]]:
    """Names that only ever stand inside a longer proper name (``inside``: every mention embedded in
    a body's name or heading a building's), read as a small town far from every place the story
    resolved with confidence, each with the well-known place the name names: its most populous
    town by main name, where that holds ``WELL_KNOWN`` people and more than the reading chosen.
    "The Venice Commission" of a Ukrainian story is Venice, Italy, not Venice, California, that
    the story's American votes chose; a name inside a name says nothing of where the story is,
    so only the name itself can say which place it is."""
    anchors = [cand for cand, conf in chosen.values()
               if cand is not None and conf >= ANCHOR_CONFIDENCE and cand.kind in LOCAL_KINDS and cand.point is not None]
    moved: dict[str, tuple[Candidate, float]] = {}
    for key, (current, confidence) in chosen.items():
        if current is None or not inside.get(key) or current.kind != "city" or current.population >= WELL_KNOWN \
                or current.point is None or any(a.id != current.id and _close(a, current, STORY_KM) for a in anchors):
            continue
        towns = [c for c in cands.get(key, ()) if c.kind == "city" and c.primary and c.point is not None]
        famous = max(towns, key=lambda c: c.population, default=None)
        if famous is not None and famous.id != current.id and famous.population >= max(WELL_KNOWN, current.population):
            moved[key] = (famous, round(min(confidence, ANCHOR_CONFIDENCE) / 2, 3))
    return moved
