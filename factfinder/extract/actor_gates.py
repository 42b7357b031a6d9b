"""Whether a match of an alias in a text names that actor: not after an honorific (a person),
not as a place or a thing ("police station"), not as the tail of another name ("Indian National
Congress"), a country only when it acts ("China brands ...", not "in China").

``actors.ActorMatcher`` applies these to every match of the alias table (``actor_table``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from factfinder.extract.country_heading import demonyms

HONORIFIC_RE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Maj|Lt|Col|Capt|Sgt|Sen|Rep|Gov|Pres|Rev|St)\.?|\b(?:U|Daw|Ko|Ma|Sayadaw|Sheikh|Mullah|Mawlawi))\s+$")
MODIFIER_RE = re.compile(
    r"\s+(?:station|stations|post|posts|headquarters|base|bases|barracks|checkpoint|checkpoints|database|"
    r"car|cars|vehicle|vehicles|van|truck|trucks|uniform|uniforms|cell|cells|compound|camp|camps|hospital|"
    r"academy|school|college|coup|takeover|court|courts|tribunal|buildings?|installations?|facilit(?:y|ies)|"
    r"premises|propert(?:y|ies)|compan(?:y|ies)|contractors?|firms?|equipment|hardware|aid|spending|budget)\b",
    re.IGNORECASE)
NAMED_BEFORE_RE = re.compile(r"\b[A-Z][\w'-]*\s+$")
_STATE_PREVIOUS = frozenset(
    "in from to across of within into throughout at near outside inside around for over via toward towards "
    "visit visited visiting between mainland southern northern eastern western central".split())


# A capitalised word in mid-sentence (after a lower-case word, a comma or a bracket) right before
# a one-word national alias makes it the tail of another name ("the Indian National Congress").
_NAME_HEAD_RE = re.compile(r"(?:[a-z,(][\"'’]?\s+|\()([A-Z][\w'-]+)\s+$")


# A name that goes on after a word: "... Coalition for Change", "... Army of Liberation", "... Police Service".
NAME_GOES_ON_RE = re.compile(r"\s+(?:(?:for|of|and|de|del)\s+)?[A-Z]")


def tail_of_name(text: str, s: int) -> bool:
    """Whether a one-word national alias at ``s`` ends a longer proper name; a country or
    demonym before it ("Ugandan Parliament") keeps it that country's body."""
    found = _NAME_HEAD_RE.search(text, max(0, s - 60), s)
    if found is None:
        return False
    word = found.group(1).lower()
    return word not in _national_words()


@lru_cache(maxsize=1)
def _national_words() -> frozenset[str]:
    from factfinder.extract.country_heading import _country_codes

    return frozenset(_country_codes()) | {d.lower() for d in demonyms().values()} | {"us", "u.s.", "the"}


def acts_as_state(text: str, s: int, e: int) -> bool:
    """"China brands ...", "Beijing denied": a country or capital as actor, not as a place or modifier."""
    previous = [w.lower() for w in re.findall(r"[\w']+", text[max(0, s - 24):s])]
    if previous and previous[-1] == "the":
        previous.pop()  # "in the United States"
    if previous and previous[-1] in _STATE_PREVIOUS:
        return False
    if re.search(r"[A-Z][\w'-]+,\s*$", text[max(0, s - 30):s]):
        return False  # "Urumqi, China": the country of a place
    following = text[e:e + 30]
    if re.match(r",\s*[A-Z]", following) or re.match(r"\s+[A-Z]", following):
        return False  # a dateline "BEIJING, China" or a modifier "Beijing Olympics"
    return True


_OPEN_QUOTES, _CLOSE_QUOTES = "\"'\u201c\u2018", "\"'\u201d\u2019"


# "were labelled as terrorists", "branded them criminals", "dubbed the bandits": the words of a label.
_LABELLED = re.compile(r"\b(?:(?:label(?:l)?ed|branded|dubbed|termed|tagged|called)\s+(?:(?:them|him|her|us|the\s+\w+)\s+)?"
                       r"(?:as\s+)?|(?:described|depicted|portrayed|designated|denounced|treated|accused of being)"
                       r"\s+as\s+)(?:(?:a|an|the)\s+)?$", re.IGNORECASE)


def quoted_label(text: str, s: int, e: int) -> bool:
    """A generic word in quotation marks of its own (state television blamed "terrorists"), or named
    by a verb of labelling ("activists labelled as terrorists and imprisoned"): the label a speaker
    gives, which the report keeps at a distance, not an actor it names."""
    if s > 0 and e < len(text) and text[s - 1] in _OPEN_QUOTES and text[e] in _CLOSE_QUOTES:
        return True
    return _LABELLED.search(text, max(0, s - 40), s) is not None
