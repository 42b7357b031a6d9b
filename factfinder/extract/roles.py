"""Who did it to whom: perpetrator and target roles of the actors around an event trigger.

``actor_roles`` reads the spaCy dependency parse of the trigger's sentence:
the agent of an active verb ("troops arrested ...") or the "by" phrase of a
passive one is the perpetrator; the object, the passive subject and "against
X" / "of X" after a nominal trigger ("the arrest of students") are targets.
Where the parse does not say, an affected group defaults to target and an
armed actor to perpetrator, but only inside the trigger's own clause, so an
actor of a neighbouring clause is never given a role in this event. The parse shapes that
name an agent the plain subject or "by" phrase misses are in ``agent_shapes.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from factfinder.extract.agent_shapes import active_read_as_modifier, after_agent_by, is_nominal, means_agent, \
    shared_agent, speaker_of_own_act, when_agent
from factfinder.extract.dependency import OBJECTS as _OBJECTS, PASSIVE_SUBJECTS as _PASSIVE_SUBJECTS, \
    SUBJECTS as _SUBJECTS, argument as _argument, clause_root, contains as _contains, is_passive as _is_passive, \
    reduced_passive as _reduced_passive, subject_owner as _subject_owner
from factfinder.extract.judging import GENERIC_ARMED as _GENERIC_ARMED, LEGAL_LEMMAS as _LEGAL_LEMMAS, \
    blamed_group as _blamed_group, committed_by as _committed_by, \
    confessed as _confessed, convicted_of as _convicted_of, involved_in as _involved_in, judged as _judged, \
    ruled_against as _ruled_against
from factfinder.extract.patients import harmed_by_result, member_of_judged, patient_of_nested_event, \
    possessive_patient, pronoun_patient, undergoes_by_participle
from factfinder.extract.role_words import ARREST_LEMMAS as _ARREST_LEMMAS, MONITOR_KINDS as _MONITOR_KINDS, \
    REPORTING_LEMMAS as _REPORTING_LEMMAS, RESCUE_LEMMAS as _RESCUE_LEMMAS, UNDERGOER_VERBS as _UNDERGOER_VERBS, \
    VICTIM_NOUNS as _VICTIM_NOUNS
from factfinder.model import Actor

ARMED_KINDS = frozenset({"state_force", "armed_group", "criminal", "unknown"})
# Actors that can be the agent of a harmful act: state and armed actors.
ACTING_KINDS = ARMED_KINDS | {"government"}
_TARGET_PREPS = frozenset({"against", "on", "of", "at", "upon", "targeting", "toward", "towards"})
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis", "relcl", "acl", "xcomp", "csubj"})
# A nominal event after these is the background of its clause's verb, whose subject did not do it.
_BACKGROUND_PREPS = frozenset({"after", "before", "since", "following", "over", "about", "into", "despite"})
# "Against" an act is a stand taken on it ("students marched against the killing of a vendor"): the
# verb's subject is not its agent, and the parse does not say more (the people police gassed while
# they "marched against the arrest of their leader" are what the police's acts befell).
_STANCE_PREPS = frozenset({"against"})
_WALK_DEPS = frozenset({"conj", "appos", "compound", "amod", "nmod", "nummod", "quantmod", "det", "poss",
                        "prep", "pobj", "cc", "punct", "advmod", "npadvmod"})


def actor_roles(sent: Any, trigger: Any, actors: Sequence[Actor]) -> tuple[list[Actor], list[Actor]]:
    """(perpetrators, targets) among ``actors`` for the event that ``trigger`` (a spaCy Token) names."""
    trigger = _event_word(trigger)
    perpetrators: list[Actor] = []
    targets: list[Actor] = []
    defaults: list[Actor] = []  # armed actors the parse gives no role: the agent only when none is named
    clause = _clause_tokens(trigger)
    for actor in actors:
        head = _head_token(sent, actor)
        if head is None:
            continue
        if actor.kind == "group" and head.dep_ in ("compound", "amod") and head.head.i == trigger.i:
            add_actor(targets, actor)  # "the Anti-Homosexuality Act": whom the law names, never its author
            continue
        if speaker_of_own_act(head, trigger):
            add_actor(perpetrators, actor)
            continue
        if after_agent_by(sent, actor, trigger) or shared_agent(head, trigger) or means_agent(head, trigger) \
                or (actor.kind in ARMED_KINDS and when_agent(head, trigger)):
            if _may_act(sent, head, actor, trigger):
                add_actor(perpetrators, actor)
            continue
        if actor.kind in ACTING_KINDS and active_read_as_modifier(head, trigger):
            add_actor(perpetrators, actor)  # the parse's reduced relative is the act of the noun
            continue
        if _confessed(head, trigger) or _involved_in(head, trigger) or _committed_by(head, trigger):
            add_actor(perpetrators, actor)
            continue
        if _ruled_against(head, trigger, actor.kind) or undergoes_by_participle(head, trigger) \
                or member_of_judged(head, trigger):
            add_actor(targets, actor)  # "a defender serving a life sentence", "the trial of officers of X"
            continue
        if head.i not in clause:
            if _convicted_of(head, trigger):
                if actor.name != "civilians":  # "two men convicted of killing ...": persons, left out
                    add_actor(perpetrators, actor)
            elif (relative := _relative_role(head, trigger)) is not None:
                add_actor(perpetrators if relative == "perpetrator" else targets, actor)
            elif actor.kind == "group" and harmed_by_result(head, trigger, clause_root(trigger)):
                add_actor(targets, actor)
            continue
        role = _role(head, trigger, actor.kind)
        if role == "neither":
            continue
        if role is None:
            if actor.kind == "group" and patient_of_nested_event(head, trigger, clause_root(trigger)):
                continue  # "the trial over the killing of four protesters": the killing's, not the trial's
            if actor.kind == "group" or _judged(head, trigger):
                role = "target"  # the officers a court convicts are the ones it tries
            elif actor.kind in ARMED_KINDS and not _undergoes_other(head) and _may_act(sent, head, actor, trigger):
                add_actor(defaults, actor)
                continue
        if role == "perpetrator" and not _may_act(sent, head, actor, trigger):
            role = None
        if role == "perpetrator":
            add_actor(perpetrators, actor)
        elif role == "target":
            add_actor(targets, actor)
    # "torture by the police remained widespread, two years after the disbanding of SARS": an agent
    # the parse names leaves the clause's other armed actors no role in the act
    if not any(a.kind in ACTING_KINDS or a.kind == "tribunal" for a in perpetrators):
        for actor in defaults:
            if all(t.name != actor.name for t in targets):
                add_actor(perpetrators, actor)
    if not targets and (patient := pronoun_patient(trigger, clause_root(trigger),
                                                   [a for a in actors if a.kind == "group"])) is not None:
        add_actor(targets, patient)  # "a court ordered them held": the journalists named before
    if not targets and (owner := possessive_patient(trigger, clause_root(trigger),
                                                    [a for a in actors if a.kind == "group"])) is not None:
        add_actor(targets, owner)  # "arrested 41 of their staff": the monitoring groups named before
    if perpetrators and all(a.name in _GENERIC_ARMED for a in perpetrators) and (blamed := _blamed_group(
            sent, [(a, h) for a in actors if (h := _head_token(sent, a)) is not None])) is not None:
        perpetrators = [blamed]  # "gunmen attacked a church ...; the government blamed ISWAP"
    return perpetrators, targets


def _event_word(trigger: Any) -> Any:
    """The event's own word when a phrase trigger's root came out as its preposition: "death in
    police custody" parsed with "in police custody" on the clause's verb ("students marched against
    the death in police custody of a vendor") is rooted at "in", whose verb's subject did nothing to
    anyone; the phrase's first word, the noun before the preposition, is the event."""
    if trigger.pos_ == "ADP" and trigger.i > 0 and trigger.doc[trigger.i - 1].pos_ == "NOUN":
        return trigger.doc[trigger.i - 1]
    return trigger


def _may_act(sent: Any, head: Any, actor: Actor, trigger: Any) -> bool:
    """Whether an actor the parse made an agent can be the perpetrator: a monitor, court or
    committee that says, documents or expresses concern about an act is its attribution,
    unless the event is the statement itself ("the UN office published an assessment")."""
    if trigger.lemma_ in _REPORTING_LEMMAS:
        return True
    if actor.kind in _MONITOR_KINDS:
        return False
    governor = _argument(head).head
    return not (_argument(head).dep_ in _SUBJECTS and governor.i != trigger.i
                and governor.lemma_ in _REPORTING_LEMMAS)


# Prepositions whose object something is done to or aimed at ("going after gangs", "a raid against
# militants"): an armed actor there is no agent the parse left unsaid.
_UNDERGOING_PREPS = frozenset({"after", "against", "on", "at", "into", "toward", "towards", "targeting", "about"})


def _undergoes_other(head: Any) -> bool:
    """Whether the parse makes an actor the object of another word ("under the pretext of fighting
    crime, police arrested ..."): then it is not the act's unnamed agent."""
    arg = _argument(head)
    return arg.dep_ in _OBJECTS or (arg.dep_ == "pobj" and arg.head.lower_ in _UNDERGOING_PREPS)


def _relative_role(head: Any, trigger: Any) -> str | None:
    """The noun a relative clause of the trigger describes: "inmates who were beaten" (target),
    "guards who beat inmates" (perpetrator), "the civilians whom soldiers shot" (target)."""
    verb = clause_root(trigger)
    # the noun the clause describes, or the one that noun stands in apposition to ("Members of
    # the opposition Citizens' Front who had been abducted")
    described = {verb.head.i} | ({verb.head.head.i} if verb.head.dep_ == "appos" else set())
    if verb.head.dep_ == "pobj" and verb.head.head.lower_ == "of" and any(
            c.lower_ in ("who", "whom") for c in verb.children):
        described.add(verb.head.head.head.i)  # "who" is the people, not their party: "supporters of the Alliance who"
    if verb.dep_ != "relcl" or _argument(head).i not in described:
        return None
    if _is_passive(verb):
        return "target"
    relative = next((c for c in verb.children if c.lower_ in ("who", "that", "which", "whom")), None)
    if relative is None or relative.dep_ in _OBJECTS or relative.lower_ == "whom":
        return "target" if any(c.dep_ in _SUBJECTS for c in verb.children) else None
    return "perpetrator" if relative.dep_ in _SUBJECTS and verb.lemma_ not in _UNDERGOER_VERBS else "target"


def add_actor(found: list[Actor], actor: Actor) -> None:
    """Append ``actor`` unless an actor of the same name is there already."""
    if all(a.name != actor.name for a in found):
        found.append(actor)


def _head_token(sent: Any, actor: Actor) -> Any | None:
    """The syntactic head of the actor's words: the token whose head lies outside the mention."""
    tokens = [t for t in sent if t.idx >= actor.span.start and t.idx + len(t) <= actor.span.end]
    for token in tokens:
        if not (actor.span.start <= token.head.idx < actor.span.end) or token.head.i == token.i:
            return token
    return tokens[-1] if tokens else None


def _clause_tokens(trigger: Any) -> set[int]:
    """Token indices of the trigger's clause, without subordinate or coordinated clauses it does not contain."""
    root = clause_root(trigger)
    owner = _subject_owner(root)
    keep: set[int] = set()
    stack = [owner]
    while stack:
        token = stack.pop()
        keep.add(token.i)
        for child in token.children:
            if child.i == trigger.i or _contains(child, trigger):
                stack.append(child)
            elif token.i == owner.i != root.i and child.dep_ in _OBJECTS \
                    and any(c.dep_ in _OBJECTS for c in root.children):
                # "police arrested the director ... and sealed the station's offices": the first
                # verb's object is what the first act befell, when the trigger's verb has its own
                continue
            elif token.i == trigger.i and trigger.i != root.i and child.dep_ in ("acl", "relcl"):
                # a nominal trigger's own modifier clause: "the beating received at the hands of the
                # police", "the killings that soldiers committed" tell who did it
                stack.append(child)
            elif child.dep_ in _CLAUSE_DEPS or (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")
                                                 and child.i != root.i):
                continue
            else:
                stack.append(child)
    return keep


def _role(head: Any, trigger: Any, kind: str | None = None) -> str | None:
    """The role the parse gives an actor whose head token is ``head``: "perpetrator", "target", None (the
    parse does not say) or "neither" (it says the actor has no role in this event)."""
    verb = clause_root(trigger)
    arg = _argument(head)
    if arg.dep_ == "pobj" and arg.head.lower_ == "of" and _QUANTITY.match(arg.head.head.lower_) \
            and arg.head.head.i != trigger.i:
        arg = _argument(arg.head.head)  # "thousands of relatives of the disappeared marched": the number's place
    if kind in ACTING_KINDS or kind == "tribunal":
        arg = _body_of_agent(arg, trigger)
    governor = arg.head
    dep = arg.dep_
    owner = _subject_owner(verb)
    if dep == "pobj" and governor.lower_ == "on" and governor.head.lemma_ in ("blame", "pin") \
            and trigger.head.i == governor.head.i and trigger.dep_ in _OBJECTS:
        return "perpetrator"  # "blamed the abduction on paid hooligans": the party a source blames
    if _convicted_of(head, trigger):
        return "perpetrator"  # "blamed militants for the killing", "convicted X of the murder"
    agent_of_verb = governor.i == verb.i or (dep == "pobj" and governor.dep_ == "agent" and governor.head.i == verb.i)
    if is_nominal(trigger, verb) and verb.lemma_ in _ARREST_LEMMAS and trigger.i > verb.i and agent_of_verb:
        return "neither"  # "police arrested two men over the killing of ...": they neither killed nor were killed
    if trigger.i > verb.i and verb.lemma_ in _RESCUE_LEMMAS and governor.i in (verb.i, owner.i) and dep in _SUBJECTS:
        return "neither"  # "the military tried to rescue the hostages", "recovered the body of an abducted girl"
    if is_nominal(trigger, verb) and _in_background(trigger, verb) and governor.i in (verb.i, owner.i) \
            and dep in _SUBJECTS:
        return "neither"  # "police filed a report after the murder", "opened an investigation into the killing"
    if is_nominal(trigger, verb) and _in_background(trigger, verb, _STANCE_PREPS) and governor.i in (verb.i, owner.i) \
            and dep in _SUBJECTS:
        return None  # "students marched against the killing": a stand on it, not its agent
    if governor.i in (trigger.i, verb.i) or (verb.dep_ in ("conj", "xcomp") and governor.i == verb.head.i) \
            or (governor.i == owner.i and dep in _SUBJECTS | _PASSIVE_SUBJECTS and not is_nominal(trigger, verb)):
        if dep in _PASSIVE_SUBJECTS:
            if governor.i != verb.i and not _is_passive(verb) and verb.lemma_ not in _UNDERGOER_VERBS \
                    and not (_is_passive(governor) and not any(c.dep_ in ("aux", "auxpass", "dobj")
                                                                 for c in verb.children)):
                # ("was dragged out of a police station and lynched": a bare verb shares the passive)
                return "perpetrator"  # "troops were stationed ... and are firing": the shared subject acts
            return "target"
        if dep in _SUBJECTS:
            if is_nominal(trigger, verb) and verb.lemma_ in _LEGAL_LEMMAS and trigger.i > verb.i:
                return None  # "a court convicted officers of the murder": the court did not kill
            if governor.i == verb.i == trigger.i and _reduced_passive(verb):
                return "target"  # a headline's "Journalist arrested, charged ..."
            if _victim_of(trigger, verb):
                return "target"  # "two students were victims of extrajudicial killings"
            return "target" if verb.lemma_ in _UNDERGOER_VERBS or is_nominal(trigger, verb) and \
                _is_passive(verb) else "perpetrator"
        if dep in _OBJECTS:
            return "target"
        if dep == "agent":
            return "perpetrator"
    if dep == "pobj":
        prep = governor
        attached = prep.head
        word = prep.lower_
        if attached.i in (trigger.i, verb.i) or (word == "by" and attached.i in _coordinated_acts(trigger)):
            if word == "by" or prep.dep_ == "agent":
                return "perpetrator"
            if word in _TARGET_PREPS:
                return "target"
        if is_nominal(trigger, verb) and attached.i == trigger.i and word in _TARGET_PREPS:
            return "target"
    if dep == "pobj" and governor.lower_ == "of" and governor.head.lower_ in ("hands", "hand") \
            and governor.head.head.lower_ == "at" and (governor.head.head.head.i in (trigger.i, verb.i)
                                                       or governor.head.head.head.head.i == trigger.i):
        return "perpetrator"  # "beaten at the hands of the police"
    if dep == "poss" and governor.i == trigger.i and is_nominal(trigger, verb):
        return "perpetrator"  # "the army's arrest of ..."
    return None


# Words that count the noun of their "of" phrase: "thousands of", "dozens of", "12 of", "many of".
_QUANTITY = re.compile(r"^(?:\d[\d,.]*|hundreds|thousands|dozens|scores|millions|tens|some|many|most|several|"
                       r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)$")


def _victim_of(trigger: Any, verb: Any) -> bool:
    """Whether the trigger hangs under a victim noun that completes ``verb`` ("were victims of
    killings", "fell victim to an attack", "became the target of a raid"): the verb's subject is
    who the act befell, not its agent."""
    node = trigger.head
    while node.i != verb.i and node.head.i != node.i:
        if node.lemma_.lower() in _VICTIM_NOUNS and node.head.i == verb.i:
            return True
        node = node.head
    return False


def _coordinated_acts(trigger: Any) -> set[int]:
    """The nouns of a nominal act and of the acts coordinated with it ("torture and other
    ill-treatment by the police"), which share a "by" phrase whichever of them the parse hangs it on."""
    noun = trigger.head if trigger.dep_ in ("amod", "compound") else trigger
    if noun.pos_ not in ("NOUN", "PROPN"):
        return set()
    first, seen = noun, {noun.i}
    while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN") and first.head.i not in seen:
        first = first.head
        seen.add(first.i)
    group, stack = {first.i}, [first]
    while stack:
        for child in stack.pop().children:
            if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN") and child.i not in group:
                group.add(child.i)
                stack.append(child)
    return group


def _in_background(trigger: Any, verb: Any, preps: frozenset[str] = _BACKGROUND_PREPS) -> bool:
    """A nominal event in a phrase of ``verb`` or of its object that makes it background ("after
    the murder", "an investigation into the killing"): the verb's subject did not do it."""
    if trigger.dep_ != "pobj" or trigger.head.lower_ not in preps:
        return False
    attached = trigger.head.head
    return attached.i == verb.i or (attached.dep_ in _OBJECTS and attached.head.i == verb.i)


def _body_of_agent(arg: Any, trigger: Any) -> Any:
    """"Soldiers of the Republican Guard opened fire", "officers of the intelligence services
    SEBIN and DGCIM had tortured", "the Appeals Chamber of the ICC rejected": the body whose
    members or organ act fills their place (only for subjects and "by" phrases)."""
    token = arg
    for _ in range(2):
        if token.dep_ != "pobj" or token.head.lower_ != "of":
            break
        noun = token.head.head
        if noun.i == trigger.i or noun.pos_ not in ("NOUN", "PROPN"):
            break
        token = _argument(noun)
    agent = token.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS or (token.dep_ == "pobj" and token.head.dep_ == "agent")
    return token if token is not arg and agent else arg
