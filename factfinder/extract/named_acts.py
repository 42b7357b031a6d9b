"""Words of acts that name a kind of act rather than tell one, and acts a proceeding is about.

The trigger table finds an act's word wherever it stands; the parse tells whether the sentence
says the act happened. Some places of a word only name a kind of act: the crime a judgement says
other acts amount to, the cause of a protest or a campaign, a threat, a body named by its work, a
law by its subject, what a bill would do, a trend. ``names_a_kind_of_act`` reads those from the
word's dependency head (``incidents.not_an_act`` asks it of every trigger but statements).

The reverse also happens: a court "convicted four officers of torturing detainees" or "sentenced
49 people over the lynching of a young man" reads as a crime to the learned typer, whose ``none``
class then drops the torture or the killing; but the earlier act a proceeding is about is an
incident of its own (docs/extraction-fields.md), and ``tried_acts`` gives it back.
"""

from __future__ import annotations

import re
from typing import Any

from factfinder.extract.event_type import names_a_crime
from factfinder.extract.triggers import TriggerHit
from factfinder.model import Incident

# Heads under which an act's word names a kind of act, not one that happened.
_JUDGED_AS = frozenset({"amount", "constitute"})  # "holding them incommunicado amounted to torture"
_CAUSES = frozenset({"march", "protest", "campaign", "rally", "demonstration", "demonstrate", "strike", "sit",
                     "vigil", "movement", "petition", "fight", "struggle", "law", "convention", "day"})
_TRENDS = frozenset({"fall", "rise", "increase", "decrease", "decline", "drop", "double", "halve", "surge", "soar",
                     "plummet", "grow"})
_GATHERING = frozenset({"gather", "assemble", "prepare", "mobilise", "mobilize", "meet", "head", "travel"})
# Verbs that keep an act from taking place: their object was not held or done (a bill "blocked" in a
# senate is the senate's act, so only gatherings and violence are kept from happening).
_HAPPENINGS = frozenset({"protest", "attack", "armed_clash", "killing"})
_STOPPING = frozenset({"ban", "prohibit", "cancel", "prevent", "forbid", "outlaw", "block", "stop", "bar", "thwart",
                       "foil", "avert"})
_NOT_DONE = frozenset({"threat", "scare", "hoax", "alert", "drill"})  # "a bomb threat"
_BODIES = frozenset({"group", "organisation", "organization", "mission", "body", "centre", "center", "network",
                     "unit", "office"})  # "the monitoring group OVD-Info"
_LAWS = frozenset({"law", "bill", "act", "decree", "legislation"})  # "the so-called foreign agents law"
_PROPOSALS = frozenset({"motion", "proposal", "plan", "amendment", "resolution", "draft"})


_QUANTITIES = frozenset({"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "number", "series",
                         "several", "scores", "wave", "string"})


def _kept_from_happening(token: Any) -> bool:
    """The object of a verb that kept it from taking place: "police banned dozens of rallies",
    "troops foiled an attack", "prevented the mothers (...) from holding their weekly vigil"."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in _QUANTITIES:
        token = token.head.head  # "dozens of rallies"
    if token.dep_ != "dobj":
        return False
    head = token.head
    if head.lemma_.lower() in _STOPPING:
        return True
    if head.dep_ != "pcomp" or head.head.lower_ != "from":
        return False
    # the verb "from holding" depends on, a step or two up (the parse may hang it on a noun's clause)
    return any(up.lemma_.lower() in _STOPPING for up in list(head.head.ancestors)[:3])


def names_a_kind_of_act(token: Any, kind: str) -> bool:
    """An act's word that only names a kind of act: the crime a judgement says other acts amount to
    ("amounted to torture": the speaker's finding, a statement), the cause of a protest or a law ("a
    long march against enforced disappearances"), a protest people gathered for, a trend ("killings
    fell"), what a bill or a proposal would do ("a bill to ban imports"), a threat ("a bomb threat"),
    a body named by what it does ("the monitoring group OVD-Info"), a law by what it is about ("the
    foreign agents law"), or an act kept from taking place ("banned dozens of rallies", "prevented
    them from holding their vigil")."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() in _JUDGED_AS:
        return True
    if token.dep_ in ("dobj", "attr") and head.lemma_.lower() == "constitute":
        return True
    if token.dep_ == "pobj" and head.lower_ == "against" and head.head.lemma_.lower() in _CAUSES \
            and not any(c.dep_ in ("det", "poss") for c in token.children):
        return True  # not "marching against the arrest of their union leader": that arrest happened
    verb = token
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    if verb.dep_ in ("acl", "relcl") and verb.head.lemma_.lower() in _LAWS | _PROPOSALS \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True  # "introduce a bill to boycott the Olympics and ban imports": what the bill would do
    if token.dep_ == "nsubj" and token.tag_ == "NNS" and head.lemma_.lower() in _TRENDS:
        return True  # "reported killings by the unit fell sharply in 2022": a trend, not an act
    if token.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in _GATHERING:
        return True  # "gathering for a demonstration": it had not begun
    if token.dep_ == "pobj" and head.lower_ == "for" and _accounting(head.head) \
            and not any(c.dep_ in ("det", "poss", "nummod") for c in token.children):
        return True  # "few officials had been brought to justice for torture": the crime, not an act told
    if kind in _HAPPENINGS and _kept_from_happening(token):
        return True
    if kind == "legislation" and token.dep_ == "pobj" and head.lower_ == "under" \
            and not any(c.dep_ in ("relcl", "acl") for c in token.children):
        return True  # "fined a journalist ... under Decree-Law 370": the law another act applies
        # ("under an amendment that the assembly approved within hours" tells the law's passing too)
    if kind == "arrest" and token.lower_ == "held" and token.dep_ == "acl":
        return True  # "a journalist held in a pre-trial detention centre went on hunger strike": where, not an arrest
    return token.dep_ in ("compound", "amod", "nmod") and head.lemma_.lower() in _NOT_DONE | _BODIES | _LAWS


# Words of answering for a crime in general ("brought to justice for torture", "impunity for enforced
# disappearances", "held accountable for killings"): the bare noun after "for" names the crime.
_ACCOUNTING = frozenset({"justice", "accountable", "accountability", "impunity", "answer", "account"})


def _accounting(word: Any) -> bool:
    return bool(word.lemma_.lower() in _ACCOUNTING or any(
        c.dep_ in ("prep", "acomp", "oprd") and (c.lemma_.lower() in _ACCOUNTING or any(
            g.lemma_.lower() in _ACCOUNTING for g in c.children)) for c in word.children))


# A proceeding's word, then (within the sentence) the preposition that names what it is about.
_ABOUT_ACT = re.compile(r"\b(?:of|over|for|into)\b", re.IGNORECASE)
# Acts a trial is about that the typer's crime reading drops.
_TRIED = ("killing", "torture", "attack", "disappearance")


def tried_acts(text: str, before: dict[str, list[TriggerHit]],
               after: dict[str, list[TriggerHit]], start: int = 0) -> dict[str, list[TriggerHit]]:
    """``after`` (a sentence's hits once the learned typer has read it), with the acts a proceeding
    of the sentence is about given back where the typer dropped them: a hit of ``before`` that
    follows a proceeding hit with "of", "over", "for" or "into" between them. The parse decides
    later whether it is the earlier act (``separate_acts.separate_acts``). A sexual crime of a case
    told long ago (``event_type.names_a_crime``; ``start``: where the sentence starts) is a person's
    record, not given back."""
    proceedings = after.get("legal_proceeding") or []
    if not proceedings:
        return after
    out = dict(after)
    for kind in _TRIED:
        if kind in after or kind not in before:
            continue
        kept = [hit for hit in before[kind] if any(
            p.end <= hit.start and _ABOUT_ACT.search(text, p.end, hit.start) for p in proceedings)
            and not names_a_crime(text, start, hit)]
        if kept:
            out[kind] = kept
    return out


_BLAMING = re.compile(r"\b(?:accus|blam)\w*", re.IGNORECASE)
# "accused Houthi forces of firing from positions on the hills": the charge is the violence told before
_CHARGE_OF_VIOLENCE = re.compile(r"\bof (?:firing|shooting|shelling|attacking|killing|bombing|carrying out|"
                                 r"launching|targeting)\b", re.IGNORECASE)
# "They blamed Ukrainian forces for the attack": the act named back with "the"
_FOR_THE_ACT = re.compile(r"\bfor (?:the|this|that|Sunday's|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's|"
                          r"Saturday's|yesterday's) (?:\w+ )?(?:attacks?|killings?|shelling|strikes?|bombings?|"
                          r"massacre|blast)\b", re.IGNORECASE)
_VIOLENT = frozenset({"killing", "attack", "armed_clash"})


def accusations_of_told_acts(incidents: list[Incident]) -> list[Incident]:
    """``incidents`` without the ones that only blame a side for the violence an earlier incident of
    the story tells: the statement "local officials accused Houthi forces of firing from positions
    on the hills" after a sniper's killing, and the attack "they blamed Ukrainian forces for the
    attack" after the strike on a market. Who a party blames is that act's attribution, as an
    accusation inside the act's own sentence already is (``incidents.attributes_act``)."""
    out: list[Incident] = []
    for incident in incidents:
        start = incident.evidence[0].start
        told_before = any(o.story == incident.story and o.type in _VIOLENT and o.evidence[0].start < start
                          for o in incidents)
        if told_before and _BLAMING.search(incident.summary) and (
                (incident.type == "statement" and _CHARGE_OF_VIOLENCE.search(incident.summary))
                or (incident.type in _VIOLENT and _FOR_THE_ACT.search(incident.summary))):
            continue
        out.append(incident)
    return out
