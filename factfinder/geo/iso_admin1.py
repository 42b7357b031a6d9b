"""GeoNames admin1 units matched to their ISO 3166-2 subdivisions (pycountry), for the gazetteer build.

The ISO names are the spellings reports and coders mostly use ("Uruzgan", "Wardak"), so they become
the admin1 display names; the match is one to one per country so a unit never takes its
neighbour's name.
"""

from __future__ import annotations

from collections.abc import Iterable

from factfinder.geo.names import name_key, short_admin_name


def iso_subdivisions(rows: list[dict[str, str]], terms: dict[str, str]) -> dict[tuple[str, str], tuple[str, str]]:
    """GeoNames admin1 (country, code) -> (ISO 3166-2 code, name) of pycountry, matched one to one per country.

    A pair is kept when each is the other's closest name (rapidfuzz ratio >= 70):
    "Oruzgan" <-> "Uruzgān", "Vardak" <-> "Wardak". Of two ISO names as close, the one
    that is no other unit's own spelling wins: "Paktia" is as close to "Paktīkā" as to
    "Paktiyā", and "Paktīkā" is Paktika's.
    """
    import pycountry
    from rapidfuzz import fuzz

    iso: dict[str, list[tuple[str, str]]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            iso.setdefault(sub.country_code, []).append((short_admin_name(sub.name, terms), sub.code))
    ours: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        ours.setdefault(row["country"], []).append((row["code"], short_admin_name(row["name"], terms)))
    matched: dict[tuple[str, str], tuple[str, str]] = {}
    for cc, names in ours.items():
        theirs = dict(iso.get(cc, []))
        if not theirs:
            continue
        taken = {name_key(n) for _c, n in names}  # an ISO name spelt as one of ours is that one's

        def best(name: str, pool: Iterable[str]) -> tuple[float, bool, str]:
            return max((fuzz.ratio(name_key(name), name_key(other)), name_key(other) not in taken
                        or name_key(other) == name_key(name), other) for other in pool)
        for code, name in names:
            score, _free, other = best(name, theirs)
            if score >= 70 and best(other, [n for _c, n in names])[2] == name:
                matched[(cc, code)] = (theirs[other], other)
    return matched


def iso_names(rows: list[dict[str, str]], terms: dict[str, str]) -> dict[tuple[str, str], str]:
    """ISO 3166-2 (pycountry) names of GeoNames admin1: the spellings reports and coders mostly use,
    so they become the display names."""
    return {key: name for key, (_code, name) in iso_subdivisions(rows, terms).items()}
