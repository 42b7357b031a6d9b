"""Containment: what the text puts around a place name and how a candidate sits inside it.

"X, Y", "X in Y", "X of Y", "X (Y)", "Y's X": the place Y is the container of X. A candidate for
X is judged by the gazetteer's hierarchy (its country, admin1 code, and the names of the admin2
and admin3 it lies in), or for towns by distance; a unit after a town ("Spokane, Washington")
is what holds it. Kept apart from the resolver, which weighs this evidence with the rest.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Collection, Sequence

from factfinder.geo.gazetteer import Candidate, haversine_km
from factfinder.geo.levels import level_of
from factfinder.geo.mention_cues import Mention, shape_words
from factfinder.geo.names import name_key

# Between a place and the place that contains it: "X, Y", "X in Y", "X of Y", "X (Y)",
# "X in northern Y", "X in the south of Y".
CONTAINER_GAP = re.compile(
    r"\s*(,|\(|in|of|near|outside|,\s*in|,\s*of)?\s*(the\s+)?"
    r"((north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(ern)?\s+"
    r"|(north|south|east|west|centre|center)\s+of\s+(the\s+)?)?\s*", re.IGNORECASE)
# "Sagaing's Kani", "Sagaing's Kani township"; "Cairo's gated suburb of X", "Lagos' sprawling district of X".
POSSESSIVE_GAP = re.compile(r"(?:['’]s|(?<=s)['’])\s+(?:(\w+\s+)?|(?:[a-z-]+\s+){0,2}"
                            r"(?:suburbs?|neighbou?rhoods?|districts?|quarters?|villages?|towns?|townships?)\s+of\s+)")


LOCAL_KINDS = frozenset({"city", "admin2", "admin3", "village_tract", "village", "point"})
_LIST_END = re.compile(r"\s+(and|or)\s+$")
_PAIR_AFTER = re.compile(r"\s*,\s*[A-Z]")


def listed(text: str, mentions: Sequence[Mention], i: int) -> bool:
    """Whether "A, B" at mentions ``i``, ``i + 1`` closes a list rather than naming a town and
    its state: "Denver, New York and Miami" (B is followed by "and C", and C by no ", D" of
    its own; "Spokane, Washington and Eugene, Oregon" stays two pairs)."""
    if i + 2 >= len(mentions):
        return False
    b, c = mentions[i + 1], mentions[i + 2]
    return bool(_LIST_END.fullmatch(text[b.end:c.start])) and not _PAIR_AFTER.match(text, c.end)


def nearest_km(cand: Candidate, points: list[tuple[float, float]]) -> float | None:
    """How far ``cand`` lies from the nearest of ``points``; None without points or coordinates."""
    here = cand.point
    if here is None or not points:
        return None
    return min(haversine_km(here[0], here[1], la, lo) for la, lo in points)


def same_point(a: Candidate, b: Candidate, km: float = 10.0) -> bool:
    """Two entries at (nearly) one point: a district and the town it is named after."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) < km


def district_twin(best: Candidate, found: Sequence[Candidate], levels: Counter[str]) -> Candidate:
    """The district of a town's name at the town's point, where the text says "district".

    "Sangin district": the town Sangin (13,000 people) outranks the district on population, though
    the text names the district; same point and admin1, but the honest precision is admin2."""
    if best.kind != "city" or not levels or level_of(levels.most_common(1)[0][0], best.country) != "admin2":
        return best
    return next((c for c in found if c.kind == "admin2" and c.country == best.country
                 and c.admin1_code == best.admin1_code and same_point(c, best)), best)

def holds(cand: Candidate, key: str, contained: list[int], keys: list[str],
          cands: dict[str, list[Candidate]]) -> float:
    """1 when ``cand``, an admin unit, holds a reading of a name the text puts before it
    ("Spokane, Washington" is the state, "Bronx, New York" the state of New York): the
    name after a town is what contains it, not a namesake town."""
    if cand.kind not in HOLDING_KINDS:
        return 0.0
    for i in contained:
        if keys[i] != key and any(c.id != cand.id and c.kind in LOCAL_KINDS and inside(c, cand) >= 6.0
                                     for c in cands.get(keys[i], ())):
            return 1.0
    return 0.0


HOLDING_KINDS = frozenset({"admin1", "admin2", "admin3"})


def inside(cand: Candidate, box: Candidate) -> float:
    """Evidence that ``cand`` lies inside ``box`` by the gazetteer's hierarchy (or, for towns, nearby)."""
    if cand.country != box.country or cand.country is None:
        return 0.0
    if box.kind == "country":
        return 4.0
    if box.kind in {"admin1", "region"}:
        return 6.0 if box.admin1_code is not None and cand.admin1_code == box.admin1_code else 1.0
    names = {name_key(n) for n in (cand.admin2, cand.admin3) if n}
    if name_key(box.name) in names:
        return 7.0  # "Homna upazila in Comilla", "Kani township (Yinmarbin district)"
    if (here := cand.point) is not None and (there := box.point) is not None and cand.id != box.id:
        distance = haversine_km(*here, *there)
        same_admin1 = box.admin1_code is not None and cand.admin1_code == box.admin1_code
        if distance < 60 and same_admin1:
            return 5.0
        if distance < 150:
            return 3.0
    return 2.0 if box.admin1_code is not None and cand.admin1_code == box.admin1_code else 1.0


# What a place too small or too odd for the gazetteer may stand in for: not a continent.
_STAND_IN_KINDS = frozenset({"country", "admin1", "region", "admin2", "admin3", "city", "village_tract", "village"})
STAND_IN_CONFIDENCE = 0.5  # of the container's own: the place is inside it, somewhere
# A lone name only a level word marks ("Tindil village in northern Chad") is placed at its container
# with the confidence of a place inside a body's name (parser.EMBEDDED_CONFIDENCE): on its own it
# is no incident's place, and ``locate`` reads the incident's clause again (``clause_names``), which
# places such a name under its container as before.
MARKED_CONFIDENCE = 0.05


def marked_stand_in(stand_in: tuple[Candidate, float], forms: set[str]) -> tuple[Candidate, float]:
    """``stand_in`` for a name a level word marks: a lone word keeps ``MARKED_CONFIDENCE`` at most."""
    if any(" " in form for form in forms):
        return stand_in
    return stand_in[0], min(stand_in[1], MARKED_CONFIDENCE)


def container_stand_in(chosen: Candidate | None, forms: set[str], containers: list[int], keys: list[str],
                       resolved: dict[str, tuple[Candidate | None, float]], *, marked: bool = False
                       ) -> tuple[Candidate, float] | None:
    """The place the text puts a name inside, where the name's own reading fails it: an unknown
    street or building of several words ("Ocean Drive in Miami Beach", "Bramall Lane,
    Sheffield"), or a town whose only reading lies in another state than the one the text
    names ("Fairbury, Kansas" when the gazetteer knows only Fairbury, Nebraska). Its point and
    precision are the container's (a town, an admin1): honest about how much is known.
    ``resolved`` maps name keys to their (candidate, confidence)."""
    if chosen is not None and chosen.kind not in LOCAL_KINDS:
        return None
    if chosen is None and not marked and not any(" " in form for form in forms):
        return None  # a lone unknown word after a place is as often no place at all
    for index in containers:
        box, confidence = resolved.get(keys[index], (None, 0.0))
        if box is None or box.kind not in _STAND_IN_KINDS or (chosen is not None and box.id == chosen.id) \
                or (marked and box.kind == "country" and not any(" " in form for form in forms)):
            continue  # a lone village name in a country is placed no better than the country (no reading)
        if chosen is not None and not (box.kind == "admin1" and box.country == chosen.country
                                       and box.admin1_code is not None and chosen.admin1_code != box.admin1_code) \
                and not (marked and inside(chosen, box) <= 1.0):
            return None  # a name marked by a level word, read outside the place the text puts it in, is in it
        return box, round(confidence * STAND_IN_CONFIDENCE, 3)
    return None


def story_town(keys: list[str], local: list[bool], decided: dict[str, tuple[Candidate | None, float]]
               ) -> tuple[Candidate, float] | None:
    """The town a story is told in: the town named most often (``local`` marks the mentions that
    count: not inside an organisation's name), if it is named at least twice, more often than any
    other town and at least half as often as all other towns together, and resolved with
    confidence ``SURE_TOWN``. A street or building the
    gazetteer lacks ("the 400 block of Kestrel Avenue", "St Mary's Memorial Hospital") lies there."""
    counts: dict[str, int] = {}
    for key, counted in zip(keys, local):
        cand = decided.get(key, (None, 0.0))[0]
        if counted and cand is not None and cand.kind == "city":
            counts[key] = counts.get(key, 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.values(), reverse=True)
    key = max(counts, key=counts.__getitem__)
    if ranked[0] < 2 or (len(ranked) > 1 and ranked[1] == ranked[0]) or 2 * ranked[0] < sum(ranked[1:]):
        return None  # no town stands out: a street of the story could be in any of them
    town, confidence = decided[key]
    if town is None or confidence < SURE_TOWN:
        return None  # a doubtful town ("Washington Square" of Philadelphia in a New Orleans story) misplaces all
    return town, round(confidence * STAND_IN_CONFIDENCE, 3)


SURE_TOWN = 0.8  # the confidence a story's town needs before its streets are placed there


def story_area(keys: list[str], decided: dict[str, tuple[Candidate | None, float]]
               ) -> tuple[Candidate, float] | None:
    """Where a local story is told when no one town stands out (``story_town``): its only town
    ("the Saskatoon Fire Department" in a story of two streets), or the resolved town or
    district with the most of the story's other local places within ``AREA_KM``, where those
    make at least ``AREA_SHARE`` of the story's local names ("Bethesda", "Rockville",
    "Silver Spring": a Montgomery County story). Places inside bodies' names count: a local
    body is named after its town. A story whose towns lie far apart has none, and so has a story
    whose only town lies in none of the admin1 units it names (a dateline's capital)."""
    places: dict[str, Candidate] = {}
    counts: Counter[str] = Counter()
    for key in keys:
        cand = decided.get(key, (None, 0.0))[0]
        if cand is not None and cand.kind in _AREA_KINDS and cand.point is not None:
            places[key] = cand
            counts[key] += 1
    best: tuple[int, int, int, str] | None = None
    for key, cand in places.items():
        here = cand.point
        assert here is not None
        near = sum(1 for other, c in places.items() if other != key and (there := c.point) is not None
                   and haversine_km(here[0], here[1], there[0], there[1]) <= AREA_KM)
        rank = (near, counts[key], cand.population, key)
        if best is None or rank > best:
            best = rank
    if best is None or (len(places) > 1 and (best[0] < 1 or best[0] + 1 < AREA_SHARE * len(places))):
        return None
    town, confidence = decided[best[3]]
    units = {(c.country, c.admin1_code) for c, _conf in decided.values() if c is not None and c.kind == "admin1"}
    if town is None or (len(places) == 1 and units and (town.country, town.admin1_code) not in units):
        return None  # "KABUL, Afghanistan -" files a report on Logar province: its village is no Kabul street
    return town, round(min(confidence, SURE_TOWN) * STAND_IN_CONFIDENCE, 3)


def stray_town(chosen: Candidate | None, setting: Candidate) -> bool:
    """A small town read more than ``STORY_KM`` from where a local story is told: in a story of
    a big city's streets a street's name is a street, not a small town of that name far away; in a
    county's story a golf club named after a town is that club, not a village two states off. The story's setting stands in."""
    if chosen is None or chosen.kind != "city" or chosen.population >= STRAY_POPULATION or chosen.id == setting.id:
        return False
    here, there = chosen.point, setting.point
    return here is not None and there is not None and haversine_km(*here, *there) > STORY_KM


STRAY_POPULATION = 50_000  # people: a town this big is named for itself, wherever the story is told
AREA_KM = 150  # how close the story's local places lie to the place it is told in
AREA_SHARE = 1 / 2  # of the story's local names, how many must lie that close
_AREA_KINDS = frozenset({"city", "admin2", "admin3"})


_NEXT_WORDS = re.compile(r"(?:['’]s)?\s+([A-Z][\w’'.-]*)(?:\s+([A-Z][\w’'.-]*))?")
_BODY_NAME = re.compile(r"(?:['’]s)?(?:\s+(?:[A-Z][\w’'.-]*|of|the|and|&))+")  # the rest of "Wembley Stadium"


def heading_keys(text: str, mentions: Sequence[Mention], keys: list[str]) -> dict[str, list[int]]:
    """Names every mention of which heads the name of a building, a street or a body (one of the
    two capitalised words after it is a facility or organisation word: "Wembley Stadium", "Ashbourne
    Golf Club", "Ada's Village"), each with the indexes of the mentions the text puts that
    building in ("Lindell Boulevard in St. Louis")."""
    words = shape_words()
    heading: dict[str, list[int] | None] = {}
    for i, (mention, key) in enumerate(zip(mentions, keys)):
        after = _NEXT_WORDS.match(text, mention.end)
        boxes = heading.get(key, [])
        if boxes is None or after is None or not any(  # a word read with its full stop: "the Wembley Stadium."
                (words.get(w) or words.get(w.rstrip("."))) in {"facility", "org"} for w in after.groups() if w):
            heading[key] = None
            continue
        heading[key] = boxes
        body = _BODY_NAME.match(text, mention.end)
        if i + 1 < len(mentions) and body is not None and \
                CONTAINER_GAP.fullmatch(text[body.end():mentions[i + 1].start]) and text[body.end():mentions[i + 1].start].strip():
            boxes.append(i + 1)
    return {key: boxes for key, boxes in heading.items() if boxes is not None}


STORY_KM = 500  # a town farther than this from every other town of the story is not the story's


def far_from_story(cand: Candidate, key: str, decided: dict[str, tuple[Candidate | None, float]],
                   doc_countries: Collection[str]) -> bool:
    """A local reading outside the document's countries or over ``STORY_KM`` from its other local places."""
    if doc_countries and cand.country not in doc_countries:
        return True
    others = [p for k, (c, _conf) in decided.items() if k != key and c is not None and c.kind in LOCAL_KINDS
              and (p := c.point) is not None]
    near = nearest_km(cand, others)
    return near is not None and near > STORY_KM


def heading_stand_in(key: str, boxes: list[int], keys: list[str], decided: dict[str, tuple[Candidate | None, float]],
                     readings: Sequence[Candidate], doc_countries: Collection[str],
                     setting: tuple[Candidate, float] | None) -> tuple[Candidate, float] | None:
    """What stands in for a town's name that heads a building's or a body's name (``heading_keys``)
    where its reading lies far from the story (a namesake: "Wembley Stadium" read as Wembley,
    Alberta, in a London story): the place the text puts the building in, else the biggest
    reading of the name near the story, else the story's town (``story_town``); None keeps the
    reading."""
    chosen, confidence = decided.get(key, (None, 0.0))
    if chosen is None or chosen.kind not in LOCAL_KINDS or not far_from_story(chosen, key, decided, doc_countries):
        return None
    box = next((decided[keys[j]] for j in boxes if keys[j] != key and decided.get(keys[j], (None, 0.0))[0] is not None),
               None)
    if box is None:
        near = [c for c in readings if c.kind in LOCAL_KINDS and c.point is not None
                and not far_from_story(c, key, decided, doc_countries)]
        box = (max(near, key=lambda c: c.population), confidence) if near else setting
    if box is None or box[0] is None:
        return None
    return box[0], round(box[1] * STAND_IN_CONFIDENCE, 3)
