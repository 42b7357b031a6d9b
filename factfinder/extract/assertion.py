"""Whether a trigger hit tells an act that happened: negation, hypotheticals, background
mentions, practices ("continued to face ill-treatment", "remained in detention") and the
headlines of other reports an article links to ("Read more: ...").

Pure functions over text, offsets and, where there is one, the spaCy token of the trigger;
``incidents.py`` decides which asserted hits become incidents. Being conservative is deliberate:
a missed hedge makes a false incident.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from factfinder.extract.clause_hedges import done_by_nobody, under_far_modal
from factfinder.extract.generic_acts import ABUSES, is_generic_mention
from factfinder.extract.patients import done_to_no_person
from factfinder.extract.sentences import Sentence
from factfinder.extract.triggers import Cues, TriggerHit
from factfinder.text.calendar_words import MONTH_NAMES, WEEKDAY_NAMES

_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\b(?:but|however|although|though|while|whereas)\b", re.IGNORECASE)
_WORDS_BEFORE = re.compile(r"\S+")


def _words_before(text: str, sentence: Sentence, offset: int) -> list[str]:
    """The words before ``offset``, not reaching back past a clause break (nor 200 characters).

    Read once per hit: the negation, hypothetical, background and practice cues each look at
    the last three or six of them."""
    lo = max(sentence.start, offset - 200)
    prefix = text[lo:offset]
    breaks = list(_CLAUSE_BREAK.finditer(prefix))
    if breaks:
        prefix = prefix[breaks[-1].end():]
    return _WORDS_BEFORE.findall(prefix)


def is_asserted(text: str, sentence: Sentence, hit: TriggerHit, cues: Cues, token: Any | None = None) -> bool:
    """False when the trigger is negated, hypothetical or a mere reference.

    Cue phrases are looked for just before the trigger inside its clause ("no
    one was killed", "could expand this kind of surveillance", "no mention of
    the arrests"); with a parse, a ``neg`` dependent of the trigger or of the
    verb governing it counts too ("were not arrested"). Being conservative is
    deliberate: a missed hedge makes a false incident.
    """
    words = _words_before(text, sentence, hit.start)
    if cues.negation.search(" ".join(words[-3:])):
        return False
    if cues.link.match(text, sentence.start, hit.start):  # "Read more: police arrest two ..." heads another report
        return False
    before = " ".join(words[-6:])
    if cues.hypothetical.search(before) and not _told_in_relative_past(text, sentence, hit, token):
        return False
    if _PLANNED.match(text, hit.end, sentence.end):
        return False
    if _asks_whether(text, sentence, hit, token):
        return False
    if cues.background.search(before) and not _SPECIFIC_ACT.search(before):
        return False
    if _is_practice(text, sentence, hit, before):
        return False
    if in_list_of_abuses(text, sentence, hit):
        return False
    if token is not None and done_to_no_person(hit.type, token):
        return False  # "butchers kill the dogs", "a tanker detained in port": no person killed or held
    if token is not None and hit.type in ABUSES and is_generic_mention(token, hit.type):
        return False  # "accused the ministry of abductions and killings": a kind of abuse named
    if token is not None and (done_by_nobody(token) or hit.type in ABUSES and under_far_modal(token)):
        return False  # "no one was initially arrested", "could search homes, detain, torture and kill"
    if token is not None:
        heads = [token] if token.pos_ in ("VERB", "AUX") else [token, token.head]
        for head in heads:
            # a negation inside the trigger's own words is its meaning ("never seen again")
            if any(child.dep_ == "neg" and not hit.start <= sentence.start + child.idx < hit.end
                   for child in head.children):
                return False
    return True


# The act's word naming a plan ("the kidnapping plot", "their kidnap scheme"): what was planned did
# not happen; the plan's words before the act are hypothetical cues. Not a conspiracy: a charge of
# conspiring to torture hostages may be for torture that was done.
_PLANNED = re.compile(r"\s+(?:plots?|schemes?|ruses?|capers?)\b", re.IGNORECASE)


# A question asking whether an act happened: it opens on an auxiliary ("Was he tortured?", "Did
# the police detain them?") or on the act's own word ("Tortured?"). A wh-question ("why were they
# placed under house arrest?") takes its act as given and is left alone.
_YES_NO = re.compile(r"[\W_]*(?:was|were|is|are|did|do|does|has|have|had|could|would|can|will|should|might)\b",
                     re.IGNORECASE)


def _asks_whether(text: str, sentence: Sentence, hit: TriggerHit, token: Any | None) -> bool:
    """Whether the trigger is what a yes/no question asks about (see ``_YES_NO``): its first word,
    or with a parse its main verb. An act named inside the question ("Will the minister ignore the
    attacks on marchers in 2019?") is taken as given."""
    if not text[sentence.start:sentence.end].rstrip().rstrip("\"”’'").endswith("?"):
        return False
    opening = re.match(r"[\W_]*", text[sentence.start:sentence.end])
    if sentence.start + (opening.end() if opening else 0) == hit.start:
        return True
    if token is None or _YES_NO.match(text, sentence.start, sentence.end) is None:
        return False
    for _ in range(3):  # the parser may hang the verb on the opening "Was" ("Was the reporter tortured?")
        if token.dep_ == "ROOT":
            return True
        if token.dep_ not in ("conj", "acl", "acomp", "nsubj", "attr") or token.head == token:
            return False
        token = token.head
    return False


# A relative clause in the past right before the trigger: "called for an airstrike which killed
# two insurgents", "urged the police to find those who killed him".
_RELATIVE_BEFORE = re.compile(r"\b(?:which|who)(?:\s+(?:had|has|have|was|were)(?:\s+been)?)?\s*$", re.IGNORECASE)


def _told_in_relative_past(text: str, sentence: Sentence, hit: TriggerHit, token: Any | None) -> bool:
    """Whether the trigger is the past-tense verb of a relative clause that follows a request or a
    plan: what was asked for is not an act, but what the clause tells of it happened ("called for
    a precision airstrike which killed two insurgents": the strike was made and killed them)."""
    if not _RELATIVE_BEFORE.search(text, max(sentence.start, hit.start - 30), hit.start):
        return False
    if token is not None:
        return token.tag_ in ("VBD", "VBN")
    return bool(re.match(r"\w+ed\b", text[hit.start:hit.end]))


# "responsible for the killing", "involved in Monday's attack": a definite act, told as it is
# attributed; the background cue is for what a group is known for ("responsible for IED attacks")
_SPECIFIC_ACT = re.compile(r"\b(?:responsible for|involved in|accused of|suspected of|suspected in|linked to)\s+"
                           r"(?:the|this|that|these|those|\w+'s)(?:\s+[\w-]+)?$", re.IGNORECASE)


# the past of a report looking back on its year ("continues to detain" in the news is an act ongoing),
# and a state that lasts ("remained in arbitrary detention", "remained under house arrest")
_CONTINUED = re.compile(r"\b(?:continued to|remained (?:in|under|behind))\b", re.IGNORECASE)
_DATED = re.compile(r"\d|\b(?:" + "|".join((*MONTH_NAMES, "yesterday", "today", *WEEKDAY_NAMES)) + r")\b",
                    re.IGNORECASE)


def _is_practice(text: str, sentence: Sentence, hit: TriggerHit, before: str | None = None) -> bool:
    """ "Prisoners continued to face ill-treatment", "the authorities continued to prosecute
    journalists", "activists remained in prison under the act": a practice or a state told with no
    date, figure or place in time, which annual reports write as the frame of the dated acts that
    follow; no incident of its own. With a date or a
    figure in its part of the sentence ("continued to hold tens of thousands", "continued to
    rape women ... after the agreement signed in November 2022") it is reported as an act.
    ``before``: the six words before the hit in its clause, when the caller has them."""
    if before is None:
        before = " ".join(_words_before(text, sentence, hit.start)[-6:])
    if not _CONTINUED.search(before):
        return False
    start, end = _part(text, sentence, hit)
    return _DATED.search(text, start, end) is None


# A list of kinds of abuse: "grave abuses, including looting and rape", "the violations the panel
# listed include secret detention, rape and enforced disappearance", "crimes such as rape".
_ABUSE_LIST = re.compile(r"\b(?:abuses|violations|crimes|atrocities)\b[^.;:]{0,60}?\b(?:including|includes?|included|"
                         r"such as)\b", re.IGNORECASE)
# How far before the trigger the list may open (a list of several kinds of abuse).
_ABUSE_LIST_REACH = 120


def in_list_of_abuses(text: str, sentence: Sentence, hit: TriggerHit) -> bool:
    """Whether the trigger is an item of a list of kinds of abuse that a group or a period is known
    for ("a militia known for grave abuses, including looting, rape and forced labour"): a kind named.
    A dated or counted item ("abuses including the killing of 40 villagers in May"), an item told of
    one victim ("crimes reported include the beating of a clerk by the mayor"), cases or allegations of
    abuses ("cases of violations, including torture, were recorded") and a list that reaches
    the trigger over a clause of its own (a verb told between them) are acts."""
    lo = max(sentence.start, hit.start - _ABUSE_LIST_REACH)
    opened = None
    for opened in _ABUSE_LIST.finditer(text, lo, hit.start):
        pass
    if opened is None or _REPORTED_CASES.search(text, max(sentence.start, opened.start() - 40), opened.start()):
        return False
    if _JUDGED.search(text, sentence.start, opened.start()):
        return False  # "convicted of several crimes, including the killings of ...": the acts tried
    end = _part(text, sentence, hit)[1]
    if _DATED.search(text, opened.end(), end) or _TOLD_BETWEEN.search(text, opened.end(), hit.start):
        return False
    return not _ONE_VICTIM.match(text, hit.end, end)


# Cases or allegations of abuses recorded ("cases of rights violations, including torture, were
# recorded in the district") are acts told by their kinds.
_REPORTED_CASES = re.compile(r"\b(?:cases|allegations|reports|incidents) of\b(?:\s+\S+){0,3}\s*$", re.IGNORECASE)
# Crimes someone is tried, charged or convicted of are the acts of the case, not kinds of abuse
# (not "accused of": an accusation may name kinds).
_JUDGED = re.compile(r"\b(?:convict\w*|charged|tried|guilty|sentenced|indicted|prosecuted)\b", re.IGNORECASE)
# An item told of one victim ("include the beating of a clerk by the mayor"): one act, not a kind.
_ONE_VICTIM = re.compile(r"(?:\s+and\s+\w+)?\s+of\s+(?:a|an|one|his|her)\b", re.IGNORECASE)


# A verb of a clause of its own between a list's opening and a trigger ("including those who were").
_TOLD_BETWEEN = re.compile(r"\b(?:who|which|that|was|were|has|have|had|is|are)\b", re.IGNORECASE)


def _part(text: str, sentence: Sentence, hit: TriggerHit) -> tuple[int, int]:
    """The part of the sentence between semicolons that holds the hit."""
    start = max(text.rfind(";", sentence.start, hit.start) + 1 or sentence.start, sentence.start)
    end = text.find(";", hit.end, sentence.end)
    return start, (sentence.end if end < 0 else end)


def asserted_hits(text: str, sentence: Sentence, hits: Sequence[TriggerHit], cues: Cues) -> list[TriggerHit]:
    """``is_asserted`` over one type's hits of a sentence (text order, no parse), and a later hit
    of the type in the part of a practice retells the practice ("remained in arbitrary
    detention, many of them kept beyond the legal limit on pre-trial detention")."""
    kept: list[TriggerHit] = []
    practice: tuple[int, int] | None = None
    for hit in hits:
        if practice is not None and practice[0] <= hit.start < practice[1]:
            continue
        if _is_practice(text, sentence, hit):
            practice = _part(text, sentence, hit)
            continue
        if is_asserted(text, sentence, hit, cues):
            kept.append(hit)
    return kept
