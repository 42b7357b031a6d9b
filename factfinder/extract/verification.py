"""Verification status of a claim, from what the source itself says about it.

``verification_for`` returns one of the contract's values a text can set:
``disputed`` (a denial or contradiction), ``unconfirmed`` (the outlet says it
could not confirm, in the sentence or in the next one referring back to it),
``alleged`` (the claim comes from a party to the conflict: an armed group or a
state force) or ``reported``. ``corroborated``, ``verified`` and ``rejected``
are set later, by consolidation and by analysts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from factfinder.extract.actors import ActorMatcher, default_matcher
from factfinder.model import Attribution

_UNCONFIRMED_RE = re.compile(
    r"\b(?:could not|couldn't|cannot|can't|can not|was unable to|were unable to|is unable to|are unable to|"
    r"unable to|has not been able to|have not been able to|had not been able to|was not able to|"
    r"were not able to|is not able to|did not)\s+(?:independently\s+|immediately\s+|yet\s+)*"
    r"(?:confirm|verify|corroborate|authenticate)|"
    r"\bcould not be\s+(?:independently\s+|immediately\s+)*(?:confirmed|verified|corroborated)|"
    r"\b(?:unverified|unconfirmed|not (?:been )?independently (?:verified|confirmed))\b|"
    r"\bno independent (?:confirmation|verification)\b|\bimpossible to (?:independently\s+)?(?:verify|confirm)\b",
    re.IGNORECASE)
# the next sentence must point back at the claim: "..., but RFA could not independently confirm this."
_BACK_REFERENCE_RE = re.compile(
    r"\b(?:this|these|that|those|it|them|the (?:claims?|reports?|figures?|toll|numbers?|accounts?|information|"
    r"allegations?|details|deaths|killings|arrests|casualt\w+))\b", re.IGNORECASE)
_DISPUTED_RE = re.compile(
    r"\b(?:denied|denies|deny|denying)\b(?!\s+(?:access|entry|permission|bail|medical|food|water|visits?|the right|"
    r"them|him|her|us|treatment|aid|care|passage|any\s+\w+\s+to))|"
    r"\b(?:rejected|rejects|reject|dismissed|dismisses|dismiss|refuted|refutes|refute|disputed|disputes|dispute|"
    r"contradicted|contradicts|contested|contests)\s+(?:the\s+|these\s+|those\s+|such\s+|this\s+|that\s+|all\s+)?"
    r"(?:\w+\s+)?(?:claims?|reports?|allegations?|accusations?|accounts?|figures?|toll|charges?|assertions?|it|this|that)\b|"
    r"\bcalled (?:the|these|those) (?:claims?|reports?|allegations?|accusations?) (?:false|baseless|fabricated|groundless)\b",
    re.IGNORECASE)
_PARTY_CLAIM_RE = re.compile(r"\bclaimed responsibility\b|\bclaims? of responsibility\b", re.IGNORECASE)
_PARTY_KINDS = frozenset({"state_force", "armed_group"})


def verification_for(text: str, sentence: Any, *, context: Any | None = None,
                     attributions: Sequence[Attribution] = (), actors: ActorMatcher | None = None) -> str:
    """``disputed``, ``unconfirmed``, ``alleged`` or ``reported`` for the claim told in ``sentence``.

    ``sentence`` and ``context`` (the next sentence, or a sentence and its
    neighbour) are spaCy ``Span``s or anything with character offsets
    (``start_char``/``end_char`` or ``start``/``end``) into ``text``.
    """
    start, end = _offsets(sentence)
    here = text[start:end]
    after = ""
    if context is not None:
        c_start, c_end = _offsets(context)
        after = text[max(c_start, end):c_end] if c_end > end else ""
    if _DISPUTED_RE.search(here) or (_DISPUTED_RE.search(after) and _BACK_REFERENCE_RE.search(after)):
        return "disputed"
    if _UNCONFIRMED_RE.search(here):
        return "unconfirmed"
    m = _UNCONFIRMED_RE.search(after)
    if m and len(after[:m.start()].split()) <= 6 and _BACK_REFERENCE_RE.search(after[m.end():m.end() + 40]):
        return "unconfirmed"  # "RFA could not independently confirm this." right after the claim
    actors = actors or default_matcher()
    if not attributions:
        from factfinder.extract.attribution import find_attributions

        attributions = find_attributions(text, start, end, actors=actors)
    # a party's word alone makes a claim alleged; an independent source beside it keeps it reported
    if (attributions and all(_is_party(att, actors) for att in attributions)) or _PARTY_CLAIM_RE.search(here):
        return "alleged"
    return "reported"


def _offsets(span: Any) -> tuple[int, int]:
    if hasattr(span, "start_char"):
        return span.start_char, span.end_char
    return span.start, span.end


def _is_party(att: Attribution, actors: ActorMatcher) -> bool:
    """An armed group or a state force speaking about the conflict it is part of."""
    return att.kind == "armed_group" or actors.kind_of(att.source) in _PARTY_KINDS
