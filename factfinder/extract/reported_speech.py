"""Statements told as reported speech: "The government said it would not cooperate with the court".

DESIGN.md's ``statement`` is a condemnation, denial, official statement or advocacy by a named
body. News tells most of them with a plain "said" and no statement word ("A Houthi spokesman
said the decision would not change the group's position", "Belarusian authorities said they
had acted in response to a security threat"), so the trigger table, which lists statement words
("condemned", "denied that", "called for"), misses about half of them. The same "said" is also
in nearly every sentence that only sources another event ("Shelling killed 15 civilians, the UN
said"): that is attribution, not a statement. What tells the two apart, as the project's gold
codes them (tests/gold/README.md):

- the speaker is a body (a ministry, an army, a UN office, an NGO, an armed group, a state's
  authorities) or the role of one (a spokesperson, a minister, a rapporteur), the subject of the
  saying verb; a witness, a resident, a relative, a researcher or a pronoun is a source;
- the saying verb heads the sentence (or a clause coordinated with its head): "X said Y", not
  "..., X said" tacked after a report, nor a "said" inside a relative clause;
- what is said reports no event of its own: the sentence has no other asserted trigger (those
  are the event, sourced to the speaker), no figure after the verb (a figure is a toll or a tally
  the speaker reports, ``statistics.py``) and is no monitor's record ("said it had documented
  dozens of cases").

Two passes, as for every trigger: ``speech_hits`` marks the candidate "said" before any parse
(a cheap look for a speaker before the verb keeps the parse count down); ``is_statement_speech``
keeps it only when the parse shows a body as the verb's subject.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from factfinder.extract.dependency import NOMINAL_SUBJECTS as _SUBJECTS
from factfinder.extract.sentences import Sentence
from factfinder.extract.triggers import Trigger, TriggerHit
from factfinder.model import Actor, Incident

REPORTED_SPEECH = Trigger("statement", "said (reported speech)", "V")
"""The trigger of a statement found as reported speech (not a row of data/triggers.csv)."""

_SAY = re.compile(r"\b(?:said|says|stated|announced|declared|told)\b")
# A body or the role of one, as the head noun of the subject ("a government spokesman",
# "Thailand's deputy prime minister", "several LGBT organisations"); persons by name are not.
_ROLE = re.compile(
    r"^(?:spokes(?:man|woman|person|people|men|women)|ministers?|ministry|ministries|government|authorities|"
    r"office|rapporteur|secretary(?:-general)?|commissioner|chief|embassy|mission|department|council|"
    r"committee|commission|organi[sz]ations?|agency|agencies|army|military|police|president|presidency|"
    r"junta|administration|union|parliament|court|tribunal|prosecutors?|groups?)$", re.IGNORECASE)
# Actor kinds (data/actors.csv) that speak for a body: affected groups, companies and criminals do not.
_SPEAKER_KINDS = frozenset({"state_force", "government", "armed_group", "ngo", "un", "intergovernmental",
                            "tribunal"})
# What a monitor says it did to know of events: their record, not a statement of its own.
_DOCUMENTING = frozenset({"document", "record", "register", "confirm", "verify", "count"})
_CONTENT = frozenset({"ccomp", "xcomp"})


def speech_hits(text: str, sentence: Sentence, hits: dict[str, list[TriggerHit]],
                find_actors: Callable[[int, int], Sequence[Actor]],
                has_figure: Callable[[int, int], bool]) -> dict[str, list[TriggerHit]]:
    """``hits`` with a reported-speech statement added on the sentence's saying verb, when the
    sentence has no asserted trigger but statements, no figure, and a body or role named before
    the verb (``find_actors`` and ``has_figure`` are asked only of sentences with a saying verb). Two speakers of one sentence ("the
    UN called the deportation a violation, and the United States said it condemned it") are two
    statements: the parse tells them apart as acts (``separate_acts.separate_acts``)."""
    if set(hits) - {"statement"}:
        return hits
    says = [m for m in _SAY.finditer(text, sentence.start, sentence.end) if not has_figure(m.end(), sentence.end)]
    if not says:
        return hits
    speakers = find_actors(sentence.start, sentence.end)
    found = [m for m in says if _speaker_before(text, sentence, m.start(), speakers)]
    if not found:
        return hits
    existing = hits.get("statement", [])
    added = [TriggerHit(REPORTED_SPEECH, m.start(), m.end()) for m in found
             if not any(h.start <= m.start() < h.end for h in existing)]
    if not added:
        return hits
    return {**hits, "statement": sorted(existing + added, key=lambda h: h.start)}


def _speaker_before(text: str, sentence: Sentence, verb_start: int, speakers: Sequence[Actor]) -> bool:
    if any(sentence.start <= a.span.start < verb_start and a.kind in _SPEAKER_KINDS for a in speakers):
        return True
    words = re.findall(r"[\w-]+", text[sentence.start:verb_start])
    return any(_ROLE.match(w) for w in words)


def _told_as_done(verb: Any) -> bool:
    """A passive clause, not negated, with no modal but "will" / "would": something done ("a
    military base was targeted by rockets", "123 kilograms were seized") or scheduled ("the
    agreement would be signed"), which the speaker sources or announces ahead of the act.
    "Would not be bullied" is a stance, "could be used against journalists" a warning."""
    children = list(verb.children)
    return any(c.dep_ == "auxpass" for c in children) and not any(
        c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ not in ("will", "would", "'ll"))
        for c in children)


def is_statement_speech(token: Any, actors: Sequence[Actor], offset: int) -> bool:
    """Whether the saying verb ``token`` (sentence-level parse starting at document ``offset``)
    heads its sentence and has a body or a body's role as its subject."""
    if token is None or token.pos_ not in ("VERB", "AUX"):
        return False
    if token.dep_ == "conj":
        head = token.head
        if head.dep_ != "ROOT":
            return False
    elif token.dep_ != "ROOT":
        return False
    if not any(c.dep_ in _CONTENT and c.i > token.i for c in token.children):
        return False  # "..., officials said.": the report comes first and the verb says nothing of its own
    contents = [c for c in token.children if c.dep_ == "ccomp"]
    if any(c.lemma_.lower() in _DOCUMENTING for c in contents):
        return False  # "said it had documented dozens of cases": a monitor's record of events, a source
    if contents and all(_told_as_done(c) for c in contents):
        return False  # "said the agreement would be signed", "said a base was targeted by rockets"
    subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
    if not subjects or subjects[0].i > token.i:
        return False
    subject = subjects[0]
    if subject.pos_ == "PRON" or subject.lemma_.lower() == "source":
        return False  # "she said", "police sources said": no body speaks
    lo = subject.left_edge.idx + offset
    hi = subject.right_edge.idx + len(subject.right_edge) + offset
    if any(lo <= a.span.start < hi and a.kind in _SPEAKER_KINDS for a in actors):
        return True
    heads = [subject] + [c for c in subject.children if c.dep_ == "appos"]
    return any(_ROLE.match(h.text) for h in heads)


# A statement that names what it reacts to ("condemned the attack", "called the deportation ...",
# "rejected the findings", "called its passage ..."): an act or a decision told before.
_REACTS_TO = re.compile(
    r"\b(?:the|its|their|this|these|that)\s+(?:\w+\s+)?(?:attacks?|strikes?|killings?|executions?|deportations?|"
    r"decisions?|law|bill|ruling|verdict|move|ban|passage|measures|accusations?|allegations?|findings|"
    r"assessment|report|arrests|detentions|bounties|sanctions|designation)\b", re.IGNORECASE)
# A reply: "responded to the report", "reacting to the allegations", "in reply to". A reply answers
# what was said without being against whoever said it, and the speaker of a reply is not the
# author of what it answers.
_REPLIES = re.compile(r"\b(?:respond\w*|react\w*|repl(?:y|ied|ies|ying)|response|reaction)\s+to\b", re.IGNORECASE)


def statement_targets(incidents: Sequence[Incident]) -> list[Incident]:
    """A statement that names no target and names what it reacts to ("the attack", "the
    decision", "the findings") is against the agent of that act: the nearest earlier incident of its story (or of the document's lead, told outside any story) that
    has perpetrators other than the statement's speaker ("Shelling by the RSF killed 15 ... The
    UN condemned the attack": against the RSF; "... The government rejected the findings" after a
    monitor's statement: against the monitor). A reply to a statement ("responded to the report")
    is against no one: it answers the speaker without being against them, and the acts the
    statement told are not the reply's to answer. A later statement passes over a reply: the one
    who replied is a respondent, not the author of what is disputed. DESIGN.md: targets are whom a
    statement is against."""
    out = list(incidents)
    for i, incident in enumerate(out):
        if incident.type != "statement" or incident.targets or not _REACTS_TO.search(incident.summary):
            continue
        speakers = {p.name for p in incident.perpetrators}
        for earlier in reversed(out[:i]):
            if earlier.story not in (incident.story, None) or earlier.evidence[0].start >= incident.evidence[0].start:
                continue
            if earlier.type == "statement" and _REPLIES.search(incident.summary):
                break
            if earlier.type == "statement" and _REPLIES.search(earlier.summary):
                continue
            agents = [p for p in earlier.perpetrators if p.name not in speakers]
            if earlier.perpetrators and not {p.name for p in earlier.perpetrators} & speakers and agents:
                out[i] = replace(incident, targets=tuple(agents))
                break
    return out
