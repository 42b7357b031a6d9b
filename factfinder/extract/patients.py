"""Who suffered an act, read from the parse: the target rules ``roles.actor_roles`` applies
beyond the trigger's own arguments.

A group named in a phrase about another act ("the trial over the killing of four protesters")
suffered that act, not the trigger's; the object of a participle that tells the outcome of an
attack ("shelled the town, wounding civilians") suffered the attack (docs/extraction-fields.md,
"Perpetrators and targets"). ``clause_root`` is the verb heading the trigger's clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from factfinder.extract.dependency import OBJECTS, argument, contains
from factfinder.extract.role_words import JOURNALISTS, MEDIA, STAFF_NOUNS
from factfinder.model import Actor, Span


# Nouns that name an act ("the killing of", "the detention of", "the treatment of"): a group in
# their "of" phrase suffered that act.
_ACT_NOUN = re.compile(r"(?:ing|tion|sion|ment|ure|der|ault|ath|rest|ack|use|ape)s?$")
# Prepositions that make a nested act the cause or topic of the trigger's ("over the killing of",
# "of torturing detainees", "for beating prisoners", "about discrimination against").
_TOPIC_PREPS = frozenset({"of", "over", "for", "about", "into", "against", "after", "on", "with"})


def patient_of_nested_event(head: Any, trigger: Any, clause_root: Any) -> bool:
    """Whether a group is the object of another act that a phrase of the trigger's clause names as
    its cause or topic: "the trial ... over the killing of four protesters" (the protesters are
    the killing's), "convicted four officers of torturing detainees" (the detainees the
    torture's). A result participle ("shelled the town, wounding civilians") is no phrase: its
    object stays the event's target."""
    arg = argument(head)
    if arg.dep_ in OBJECTS:
        act = arg.head
        if act.pos_ != "VERB":
            return False
    elif arg.dep_ == "pobj" and arg.head.lower_ in ("of", "against", "on"):
        act = arg.head.head
        if act.pos_ != "NOUN" or not _ACT_NOUN.search(act.lower_):
            return False
    else:
        return False
    if act.i == trigger.i or act.dep_ not in ("pobj", "pcomp") or act.head.lower_ not in _TOPIC_PREPS:
        return False
    return contains(trigger, act) or contains(clause_root, act) and act.i > trigger.i


# Verbs of harm that tell an act's outcome in a participle ("shelled the town, wounding civilians",
# "closed all beauty salons, depriving 60,000 women of their livelihood").
_HARM_LEMMAS = frozenset("kill wound injure hurt maim deprive".split())


def harmed_by_result(head: Any, trigger: Any, clause_root: Any) -> bool:
    """The object of a participle that tells the event's outcome: "M23 fighters shelled the town,
    wounding civilians in the market" (the civilians suffered the shelling)."""
    arg = argument(head)
    result = arg.head
    return bool(arg.dep_ in OBJECTS and result.tag_ == "VBG" and result.dep_ == "advcl"
                and result.lemma_ in _HARM_LEMMAS and result.head.i == clause_root.i
                and not any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in result.children))


_OBJECT_PRONOUNS = frozenset({"them", "him", "her"})


def pronoun_patient(trigger: Any, clause_root: Any, groups: Sequence[Actor]) -> Actor | None:
    """The group a pronoun object of the event stands for: the last one named before it in the
    sentence ("police arrested six journalists ..., and a court ordered them held": journalists;
    "barred Afghan women from working ..., months after banning them from working for NGOs").
    ``groups`` are the sentence's affected-group actors in parse offsets."""
    heads = {trigger.i, clause_root.i}
    for word in trigger.doc:
        if word.lower_ not in _OBJECT_PRONOUNS and word.lower_ != "it":
            continue
        governor = word.head
        direct = governor.i in heads and word.dep_ in OBJECTS | {"nsubjpass"}
        reported = word.dep_ == "nsubj" and governor.dep_ in ("ccomp", "xcomp") and governor.head.i in heads
        if direct or reported:
            # "it" stands for an organisation the sentence named ("closed the Central American
            # University ..., calling it a centre of terrorism"), never for a group of people
            before = [g for g in groups if g.span.end <= word.idx and (word.lower_ != "it" or _organisation(g))]
            if before:
                return max(before, key=lambda g: g.span.end)
    return None


def _organisation(group: Actor) -> bool:
    """A group named as one body (a capitalised name, not a plural: "the Central American University")."""
    words = group.span.text.split()
    return bool(words) and all(w[:1].isupper() for w in words if len(w) > 3) and not words[-1].endswith("s")


# Definite nouns that name a media outlet the sentence named before ("sealed the station's offices").
_OUTLET_NOUNS = frozenset("station outlet newspaper channel broadcaster website paper agency".split())
_STAFF_WORD = re.compile(rf"^{STAFF_NOUNS}$", re.IGNORECASE)


def possessive_patient(trigger: Any, clause_root: Any, groups: Sequence[Actor]) -> Actor | None:
    """The group whose people or property the event's object is, told by a possessive that points
    back to a group named before it in the sentence: "raided the offices of two election-monitoring
    groups and arrested 41 of their staff" (the monitors), "arrested its founder" after "staff of
    the news website" (journalists), "sealed the station's offices" after "the independent
    broadcaster" (the media outlet). The target's mention is the possessed noun or the outlet's."""
    heads = {trigger.i, clause_root.i}
    for word in trigger.doc:
        pronoun = word.lower_ in ("its", "their")
        if word.dep_ != "poss" or not (pronoun or (word.lemma_.lower() in _OUTLET_NOUNS
                                                   and any(c.lower_ == "the" for c in word.children))):
            continue
        owned = word.head
        arg = owned.head.head if owned.dep_ == "pobj" and owned.head.lower_ == "of" else owned  # "41 of their staff"
        if arg.head.i not in heads or arg.dep_ not in OBJECTS | {"nsubjpass"}:
            continue
        text = trigger.doc.text
        # a group word inside a quoted name ("the 'Woman, Life, Freedom' protests") is no antecedent
        before = [g for g in groups if g.span.end <= word.idx and text.count('"', 0, g.span.start) % 2 == 0]
        if not before:
            continue
        group = max(before, key=lambda g: g.span.end)
        mention = owned if pronoun else word
        name = JOURNALISTS if group.name == MEDIA and _STAFF_WORD.match(owned.text) else group.name
        if group.name == MEDIA and pronoun and name == MEDIA:
            continue  # "its assets", "their offices" of an outlet: the outlet's things, not its people
        return Actor(name, Span.of(text, mention.idx, mention.idx + len(mention)), group.kind)
    return None


# Participles whose subject undergoes their object: "a defender serving a life sentence",
# "journalists facing trial", "a man awaiting execution".
_UNDERGO_LEMMAS = frozenset("serve face await undergo receive".split())


def undergoes_by_participle(head: Any, trigger: Any) -> bool:
    """Whether the noun an undergoing participle describes is the target of the trigger that is
    the participle's object ("a human rights defender serving a life sentence imposed in 2011":
    the sentence's target)."""
    participle = trigger.head
    return bool(trigger.dep_ in OBJECTS and participle.dep_ == "acl" and participle.lemma_ in _UNDERGO_LEMMAS
                and participle.head.i == argument(head).i)


# Nouns of a proceeding against people ("the trial of", "the conviction of", "the prosecution of").
_PROCEEDINGS = frozenset("trial conviction prosecution sentencing indictment acquittal".split())


def member_of_judged(head: Any, trigger: Any) -> bool:
    """The body whose members a nominal proceeding judges: "the trial of two former officers of
    the Republican Guard" (the Guard is the trial's target, as the officers are)."""
    arg = argument(head)
    if trigger.lemma_ not in _PROCEEDINGS or arg.dep_ != "pobj" or arg.head.lower_ != "of":
        return False
    members = arg.head.head
    return bool(members.pos_ == "NOUN" and members.dep_ == "pobj" and members.head.lower_ in ("of", "against")
                and members.head.head.i == trigger.i and trigger.pos_ == "NOUN")


# What is killed or detained that is no person: animals ("butchers kill the dogs", "cattle were
# slaughtered"), ships and goods held in port ("a tanker detained in the harbour"), and "it" (an
# institution, a bill, an animal: "it was mortally wounded ... and slaughtered", "has killed it").
# A monitor's killing and arrest are of people (DESIGN.md), so the act is none.
_NO_PERSON = frozenset("it dog dogs cat cats animal animals cattle cow cows goat goats sheep livestock pig pigs "
                       "chicken chickens poultry horse horses donkey donkeys camel camels bird birds elephant "
                       "elephants rhino rhinos lion lions wildlife whale whales dolphin dolphins monkey monkeys "
                       "vessel vessels ship ships tanker tankers trawler trawlers boat boats yacht cargo "
                       "consignment consignments shipment shipments goods".split())
_NO_PERSON_ACTS = frozenset({"killing", "arrest"})


def done_to_no_person(kind: str, trigger: Any) -> bool:
    """Whether a killing or an arrest is told of an animal, a ship or goods, or "it": its object
    ("killed the animals", "burn it to death"), its passive subject ("the dogs were killed"), the
    noun its participle describes ("a vessel previously detained") or its "of" phrase ("the
    slaughter of cattle"). The parse decides; one such word is enough, since a person next to it
    would be the act's own argument."""
    if kind not in _NO_PERSON_ACTS or trigger is None:
        return False
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else None
    if verb is None and trigger.head.pos_ == "VERB" and trigger.dep_ in ("prep", "pobj", "advmod", "acomp"):
        verb = trigger.head  # "burn it to death": the phrase's verb
    if verb is not None:
        arguments = [c for c in verb.children if c.dep_ in OBJECTS or c.dep_ == "nsubjpass"]
        if not arguments and verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not any(
                t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN", "PRON") for t in verb.doc[verb.head.i + 1:verb.i]):
            # "the dogs were tortured or killed", "it was wounded ... and then slaughtered": the
            # first verb's arguments are the second's; not when a noun coordinated between them may
            # be the second's own subject ("the cargo was seized by police and one man was detained")
            arguments = [c for c in verb.head.children if c.dep_ in OBJECTS or c.dep_ == "nsubjpass"]
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            arguments.append(verb.head)  # "a vessel previously detained"
        if any(a.lower_ in _NO_PERSON for a in arguments):
            return True
        # an argument that is a person or a group decides for the people
        return False
    of = next((c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    objects = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
    return any(o.lower_ in _NO_PERSON for o in objects)
