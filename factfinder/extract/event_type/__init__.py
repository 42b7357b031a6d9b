"""The learned event-type component ``factfinder.event_type.tfidf.v3`` and its hook into extraction.

The trigger table finds incidents by exact phrases; real reporting says the same
things in words no table lists ("seized a cache of rifles", "took control of the
town", "signed a truce"), and a phrase alone cannot tell fighting between two
armies from a one-sided attack. A sentence classifier trained on open event
corpora and the project's written sentences (``train.py``, docs/models.md) sees
the whole sentence. ``EventTyper.sentence_hits`` is the one hook the extractor
calls, over each sentence's trigger hits, before any parse:

- a sentence with no trigger match but a confident event gets a hit of that
  type, on the n-gram that weighed most for it (the predicate, as near as a
  bag of words can say);
- a trigger hit whose type the model finds unlikely while it is confident of
  another event type is re-typed (same span);
- killings and attacks in a sentence the model is confident tells a disaster or
  an ordinary crime are dropped: those are no human-rights incident;
- an ``attack`` and an ``armed_clash`` found in one sentence are one event: the
  type the model prefers stays;
- in a text where the rules found only statements, a statement sentence that
  reports an event gets that event too;
- first of all, a trigger that names an abuse without reporting one (a body's
  name, a charge list, a risk, a tally, a threat: ``reference.py``) is dropped.

What the hook returns goes through the same negation, hypothetical and
background cues and the same parse as rule hits, so "no one was arrested" stays
no arrest. Thresholds were chosen on the ``dev`` half of the CASE 2021 dev set
and checked on the ``check`` half (docs/models.md).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

from factfinder.extract.event_type.taxonomy import FIGHTING as _FIGHTING
from factfinder.extract.event_type.model import NAME, EventTypeModel, Prediction, default_model
from factfinder.extract.event_type.reference import is_reference
from factfinder.extract.event_type.reference import names_a_crime as _names_a_crime
from factfinder.extract.event_type.told_types import told_types_kept
from factfinder.extract.triggers import Trigger, TriggerHit
from factfinder.model import Incident, Statistic
from factfinder.values.taxonomy import classify, with_fields

# Types the component may create or re-type to: events, not speech (a "said" is in
# nearly every sentence of the news, and statements are the rules' to find).
EVENT_TYPES = frozenset({"killing", "attack", "armed_clash", "arrest", "disappearance", "torture",
                         "displacement", "property_destruction", "protest", "other"})
# Rule types the model may correct: where the trigger table is known to be weak (a one-sided
# "attack" that was fighting between two sides, an "attack" word in a weapons-seized report).
# Arrests ("captured a commander") and killings (which carry the toll) are the rules' to keep.
RETYPABLE = frozenset({"attack", "armed_clash", "property_destruction", "displacement", "other"})
# Rule types dropped when the model is sure the sentence tells a disaster or a crime.
NOT_IN_DISASTER = frozenset({"killing", "attack", "armed_clash", "property_destruction", "displacement"})
NOT_IN_ACCIDENT = NOT_IN_DISASTER | {"disappearance"}
CREATE = 0.55  # probability of an event type above which a sentence without trigger gets an incident
RETYPE = 0.5  # ... above which a rule hit is re-typed, when the rules' own types trail it by MARGIN
MARGIN = 0.2
NONE_DROP = 0.6  # probability of "disaster or crime" above which violent rule hits are dropped,
NONE_MARGIN = 0.1  # ... when it leads every event type by this much
NONE_MARGIN_CREATE = 0.0  # an incident is created only for an event type ahead of "none" by this much
CREATE_STATEMENT = 0.7  # statements are in most news sentences: only a confident one is created
CREATE_SCOPE = "document"  # where rule hits keep the model from creating: "document" or "paragraph"
SHORT_DOCUMENT = 6  # sentences: a text this short is also read as a whole when nothing was found
CREATE_SHORT = 0.45  # ... and gets one incident when an event type reaches this
# Any rule type but these may be re-typed when the model is sure of another event type (STRONG) and
# finds the rule's types unlikely (WEAK): a table phrase ("banned", "charged", "designated") in a
# sentence that tells a weapons seizure or a chemical attack. Killings carry the toll, arrests the
# captured counts (ISAF "captured" reads as a conquest to a model of encyclopedic war history).
# Surveillance, transnational repression and sanctions are words the open corpora never teach: the
# model's low score for them says nothing. A proceeding or a law names the crime it tries or punishes
# ("charged with aggravated homosexuality, a capital offence", "withdrew from the Court"): the model
# reads that crime or that body as the act, and the act, where told, has a trigger of its own; a ban
# names the assembly it stops ("prevented the mothers from holding their vigil"), which the model
# reads as the protest.
KEEP = frozenset({"killing", "arrest", "statement", "surveillance", "transnational_repression", "sanction",
                  "legal_proceeding", "legislation", "restriction"})
STRONG = 0.5
WEAK = 0.2
# A text of WHOLE_SENTENCES sentences at most (a news snippet, a brief: one event told) is also read as a
# whole: its first incident is re-typed when the whole text gives another event type WHOLE_STRONG and the
# incident's type at most WHOLE_WEAK. A longer paragraph tells several events (a law, then the arrests it
# led to), and the whole-text reading would pick another of them.
WHOLE_SENTENCES = 6
WHOLE_STRONG = 0.5
WHOLE_WEAK = 0.3
# Surveillance, transnational repression and sanctions too: the model's low score for them says nothing (KEEP).
WHOLE_KEEP = frozenset({"killing", "arrest", "surveillance", "transnational_repression", "sanction"})
# Attack triggers that say an explosion happened (the model reads the weapon words beside them as weapons seized).
_DETONATION = re.compile(r"detonat|blew|blast", re.IGNORECASE)
# Attack triggers that name the aircraft that struck ("jets destroyed depots"): an air strike, whatever the
# target (the model reads an ammunition depot struck from the air as weapons seized).
_AIRCRAFT = re.compile(r"(?:jets|warplanes|drones?|helicopters|gunships) ", re.IGNORECASE)
# Acts done to people: in a long text the model never re-types a rule hit into one of these, nor creates
# one in a sentence where the rules read no act (session 11). An article's sentences carry its topic's
# words ("activists", "victims", "crackdown"), and a bag of words reads a rally, a censorship or a church
# closed in such an article as a killing or a disappearance, and "the university has taught officers of
# a police academy accused of abuses" as a disappearance (its strongest word "has"); the trigger table
# names these acts by their own words, so a sentence without one tells no missed act.
PERSONAL = frozenset({"killing", "torture", "disappearance", "arrest"})
# Forces entering a place (a trigger row of data/triggers.csv), and the acts it is only the prelude of
# when one sentence tells both.
_ENTERING = re.compile(r"\w+ (?:entered|enter|entering|moved into|marched into|rolled into|poured into)", re.IGNORECASE)
PRELUDED = frozenset({"killing", "attack", "armed_clash", "arrest", "torture", "property_destruction", "displacement"})
# Types that name one event two ways in one sentence: the model's choice wins.
ONE_EVENT = {"armed_clash": "attack", "attack": "armed_clash"}


class EventTyper:
    """Wraps the model (loaded lazily, once) and applies it to one sentence's trigger hits."""

    name = NAME

    def __init__(self, model: EventTypeModel | None = None) -> None:
        self._model = model

    @property
    def model(self) -> EventTypeModel:
        if self._model is None:
            self._model = default_model()
        return self._model

    def document_hits(self, text: str, sentences: Sequence[Any],
                      hits: Sequence[dict[str, list[TriggerHit]]]) -> list[dict[str, list[TriggerHit]]]:
        """The hook: every sentence's asserted trigger hits, completed or corrected by the model.

        A sentence without trigger gets an incident only where the rules found nothing in its
        scope (CREATE_SCOPE): where they did, the sentences around a found event mostly tell
        more of it (who, the toll, what was seized), and an incident of their own would
        compete with the event they elaborate.
        """
        # Scope is read before dropping names and threats: a sentence that names an abuse it does
        # not report is no place for the model to create that abuse from the same words.
        if CREATE_SCOPE == "document":
            ruled = {None} if any(hits) else set()
        else:
            ruled = {s.paragraph for s, found in zip(sentences, hits) if found}
        reported = [_without_prelude(text, _reported(text, s.start, found)) for s, found in zip(sentences, hits)]
        named_only = reported != list(hits)  # some trigger only named an abuse
        hits = reported
        eventless = not any(set(found) - {"statement"} for found in hits)
        long_text = len(sentences) > SHORT_DOCUMENT
        out = [self.sentence_hits(text, s.start, s.end, found,
                                  create=(None if CREATE_SCOPE == "document" else s.paragraph) not in ruled,
                                  create_reported=eventless, long_text=long_text)
               for s, found in zip(sentences, hits)]
        if sentences and not long_text and is_accident(text[sentences[0].start:sentences[-1].end]):
            # a snippet that tells an accident and names no armed actor, weapon or deliberate act anywhere:
            # its other sentences tell the accident's toll ("a tank exploded ...", then "four were injured")
            out = [{kind: found for kind, found in hits.items() if kind not in NOT_IN_ACCIDENT} for hits in out]
        if any(out) or named_only or not sentences or len(sentences) > SHORT_DOCUMENT:
            return out
        return self._short_document(text, sentences, out)

    def settle_short(self, text: str, sentences: Sequence[Any], incidents: list[Incident], *,
                     statistics: Sequence[Statistic] = ()) -> list[Incident]:
        """A short text's first incident (the one it is about), re-typed when the whole text reads
        clearly as another event (WHOLE_STRONG) and the incident's type as unlikely (WHOLE_WEAK): a
        snippet may name its event with a word of another type ("designated", "banned", "a bill")
        while the rest tells what happened. Called once per document after the parse, on incidents
        in output order. Killings and arrests keep their type (they carry the counts), and so does a
        type the text tells itself (``told_types.told_types_kept``: the text's ``statistics``)."""
        return told_types_kept(incidents, self._settled(text, sentences, incidents), statistics)

    def _settled(self, text: str, sentences: Sequence[Any], incidents: list[Incident]) -> list[Incident]:
        """``settle_short``'s whole-text reading, before the text's own types are kept."""
        if not incidents or not sentences or len(sentences) > WHOLE_SENTENCES:
            return incidents
        incidents = _one_battle(incidents)
        if incidents[0].type in WHOLE_KEEP:
            return incidents
        whole = self.model.predict(text[sentences[0].start:sentences[-1].end])
        p = whole.probabilities
        best, probability = whole.best(exclude=frozenset(p) - EVENT_TYPES - {"statement"})
        first = incidents[0]
        if best == first.type or probability < WHOLE_STRONG or p.get(first.type, 0.0) > WHOLE_WEAK:
            return incidents
        if first.type == "attack" and first.trigger is not None and \
                _told_as_it_happened("attack", first.trigger.text, 0, len(first.trigger.text)):
            return incidents  # "militants detonated explosives beneath a bridge": the whole reads as weapons
        return [with_fields(replace(first, type=best)), *incidents[1:]]

    def _short_document(self, text: str, sentences: Sequence[Any],
                        out: list[dict[str, list[TriggerHit]]]) -> list[dict[str, list[TriggerHit]]]:
        """A short text (a news snippet, a brief) where nothing was found, read as a whole: its
        sentences may each say too little ("the group said it carried out the operation" after a
        sentence on the blast), together enough. One incident, on the sentence that weighs most."""
        if is_accident(text[sentences[0].start:sentences[-1].end]):
            return out
        whole = self.model.predict(text[sentences[0].start:sentences[-1].end])
        best, probability = whole.best(exclude=frozenset(whole.probabilities) - EVENT_TYPES)
        if probability < CREATE_SHORT or whole.probabilities.get("none", 0.0) + NONE_MARGIN_CREATE >= probability:
            return out
        scored = [(self.model.predict(text[s.start:s.end]).probabilities.get(best, 0.0), i)
                  for i, s in enumerate(sentences)]
        _, index = max(scored, key=lambda item: (item[0], -item[1]))
        sentence = sentences[index]
        hit = _learned_hit(text, sentence.start, sentence.end, best, self.model.predict(text[sentence.start:sentence.end]))
        if not is_reference(text, sentence.start, hit, _cues()):  # "captured his third career title"
            out[index] = {best: [hit]}
        return out

    def sentence_hits(self, text: str, start: int, end: int, hits: dict[str, list[TriggerHit]],
                      *, create: bool = True, create_reported: bool = True,
                      long_text: bool = False) -> dict[str, list[TriggerHit]]:
        """The trigger hits of the sentence ``text[start:end]``, completed or corrected by the model
        (``long_text``: the sentence is one of a text longer than SHORT_DOCUMENT sentences)."""
        prediction = self.model.predict(text[start:end])
        p = prediction.probabilities
        best, probability = prediction.best(exclude=frozenset(p) - EVENT_TYPES)
        if is_accident(text[start:end]):  # people "missing" after a flood were not disappeared by anyone
            return {kind: found for kind, found in hits.items() if kind not in NOT_IN_ACCIDENT}
        if p.get("none", 0.0) >= NONE_DROP and p["none"] - probability >= NONE_MARGIN and not is_hostile(text[start:end]):
            # a disaster or a crime to the model, and no armed actor, weapon or deliberate act named
            return {kind: found for kind, found in hits.items() if kind not in NOT_IN_DISASTER}
        if not hits:
            if not create or p.get("none", 0.0) + NONE_MARGIN_CREATE >= probability:
                return hits  # a fire or a flood "destroyed" homes: no incident
            if probability >= CREATE and not (long_text and best in PERSONAL):  # PERSONAL: topic words
                hit = _learned_hit(text, start, end, best, prediction)
                # the word that weighed most may be used in another sense ("captured his third title")
                return hits if is_reference(text, start, hit, _cues()) else {best: [hit]}
            if p.get("statement", 0.0) >= CREATE_STATEMENT:
                return {"statement": [_learned_hit(text, start, end, "statement", prediction)]}
            return hits
        if probability < RETYPE:
            return hits
        if long_text and best in PERSONAL:
            return hits  # an article's topic words, not this sentence's act (PERSONAL)
        if best in hits:
            # fighting between two armed sides told with an "attacked": one event, the model's type
            rival = ONE_EVENT.get(best)
            if rival in hits and p.get(rival, 0.0) <= probability - MARGIN:
                return {kind: found for kind, found in hits.items() if kind != rival}
            return hits
        if set(hits) == {"statement"} and p.get("none", 0.0) < probability and create_reported:
            # "officials said troops retook the town": the statement reports an event of its own
            return {best: [_learned_hit(text, start, end, best, prediction)], **hits}
        if any(_told_as_it_happened(kind, text, hit.start, hit.end) for kind, found in hits.items() for hit in found):
            # "clashed", "a gun battle": two sides fought; "detonated", "a blast": a bomb went off. Whatever
            # else the sentence says (a town, a base, explosives), that is what happened
            return hits
        ruled = max(p.get(kind, 0.0) for kind in hits)  # the rules' likeliest type, to the model
        strong = probability >= STRONG and ruled <= WEAK and not set(hits) & KEEP
        if not strong and (not set(hits) <= RETYPABLE or ruled > probability - MARGIN):
            return hits  # precise rule types (arrest, killing with its toll, designation...) are kept
        first = min((found[0] for found in hits.values()), key=lambda hit: hit.start)
        return {best: [TriggerHit(_trigger(best), first.start, first.end)]}


def _reported(text: str, start: int, hits: dict[str, list[TriggerHit]]) -> dict[str, list[TriggerHit]]:
    """A sentence's hits without those that name an abuse in a name, a charge, a risk, a tally or a
    threat (``reference.is_reference``): "the Committee against Torture" reports no torture."""
    kept = {kind: [hit for hit in found if not is_reference(text, start, hit, _cues())] for kind, found in hits.items()}
    return {kind: found for kind, found in kept.items() if found}


def _without_prelude(text: str, hits: dict[str, list[TriggerHit]]) -> dict[str, list[TriggerHit]]:
    """A sentence's hits without forces entering a place ("soldiers entered the village") when the sentence
    tells another act: the entry is the prelude of the burning or the raid it tells, no deployment."""
    if "other" not in hits or not set(hits) & PRELUDED:
        return hits
    kept = [hit for hit in hits["other"] if not _ENTERING.fullmatch(text, hit.start, hit.end)]
    return {kind: (kept if kind == "other" else found) for kind, found in hits.items() if kind != "other" or kept}


def _told_as_it_happened(kind: str, text: str, start: int, end: int) -> bool:
    """The trigger ``text[start:end]`` of a ``kind`` hit says what happened in words the model must not
    overrule: "clashed", "a gun battle" (two sides fought), "detonated", "a blast" (a bomb went off),
    "jets struck" (an air strike), whatever else the sentence or the text holds (a town, a base, explosives)."""
    if kind == "armed_clash":
        return _FIGHTING.fullmatch(text, start, end) is not None
    return kind == "attack" and (_DETONATION.match(text, start, end) or _AIRCRAFT.match(text, start, end)) is not None


def _one_battle(incidents: list[Incident]) -> list[Incident]:
    """A short text that tells a clash and an attack tells one battle: its attacks without a remote
    weapon are the clash told from one side ("fighters attacked the base" after "troops and fighters
    clashed"). ACLED codes an attack met by the other side as a battle; an air strike or a shelling
    keeps its own type (a remote weapon is its subtype)."""
    if not any(i.type == "armed_clash" for i in incidents):
        return incidents
    return [with_fields(replace(i, type="armed_clash"))
            if i.type == "attack" and classify("attack", i.summary).subtype is None else i for i in incidents]


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    """The accident and hostile cue phrases of ``data/event_type_cues.csv``, one regex per kind."""
    text = resources.files("factfinder.data").joinpath("event_type_cues.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    patterns: dict[str, list[str]] = {}
    for row in rows:
        patterns.setdefault(row["kind"], []).append(row["pattern"])
    return {kind: re.compile(r"(?<!\w)(?:" + "|".join(found) + r")(?!\w)", re.IGNORECASE)
            for kind, found in patterns.items()}


def is_accident(sentence: str) -> bool:
    """The sentence tells an accident or a natural disaster and names no armed actor, weapon or
    deliberate act: a fire, a flood or a mine collapse that "killed" or "destroyed" is no
    human-rights incident, whatever verb the trigger table found. A model trained mostly on
    war history reads these as attacks; the words that say "nobody did it" are few and stable."""
    return bool(_cues()["accident"].search(sentence)) and not is_hostile(sentence)


def names_a_crime(text: str, start: int, hit: TriggerHit) -> bool:
    """A word of sexual violence that names a crime (a protest's cause, an old case), not one reported
    here (``reference.names_a_crime`` with the cue phrases; ``start``: where its sentence starts)."""
    return _names_a_crime(text, start, hit, _cues())


def is_hostile(sentence: str) -> bool:
    """The sentence names an armed actor, a weapon or a deliberate act ("militiamen set fire to a
    factory"): whatever the model says of its words, it is no accident."""
    return bool(_cues()["hostile"].search(sentence))


def _trigger(kind: str) -> Trigger:
    return Trigger(type=kind, pattern=NAME, pos="learned")


def _learned_hit(text: str, start: int, end: int, kind: str, prediction: Prediction) -> TriggerHit:
    """A hit on the n-gram that weighed most for ``kind`` (digits were folded to 0), else the first word."""
    cue = prediction.cue(kind)
    if cue:
        pattern = r"\W+".join(re.escape(word).replace("0", r"\d") for word in cue.split())
        found = re.compile(rf"\b{pattern}\b", re.IGNORECASE).search(text, start, end)
        if found:
            return TriggerHit(_trigger(kind), found.start(), found.end())
    word = re.compile(r"\w+").search(text, start, end)
    return TriggerHit(_trigger(kind), word.start() if word else start, word.end() if word else end)


def default_typer() -> Any:
    """The component the extractor uses unless another is injected."""
    return EventTyper()
