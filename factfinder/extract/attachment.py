"""Which words of a sentence belong to an event's own clause, and how closely.

The dates and geo stages run after extraction and have no parse; extraction
hands them, per incident, the words the dependency parse ties to the event's
predicate (``Attachment``): a date or place phrase is the event's when its
words are among them, and the one closest to the predicate wins. That is how
"marched in the capital Tbilisi on Sunday" gives Tbilisi and Sunday, and
how a trial "on 3 May" for "the killing of a lawyer on 3 March" gets the
trial's date, while a place or date that only belongs to a speaker ("officials
in Kabul said"), a relative clause ("Herat, where he was released on Monday")
or another coordinated event is not the event's.

The predicate is the trigger and the nouns and verbs that carry it up to its
clause's verb ("held a protest", "carried out an attack"): the trigger is at
depth 0, each word of that chain one more than the one below it. Words below them count one per head; a participle or adverbial clause
that shares the event's subject ("killing three", "when a bomb exploded in X")
is followed at a cost, and a speech verb's complement, a relative clause of
another noun, or a coordinated verb with its own subject are not followed.
"""

from __future__ import annotations

import re
from typing import Any

from factfinder.extract.dependency import clause_root, is_passive, subject_owner
from factfinder.model import Attachment, Incident, Span

# Dependencies that open a clause of its own: their words are another predicate's.
_CLOSED = frozenset({"ccomp", "parataxis", "csubj", "csubjpass", "relcl"})
# Clauses that usually share the event's circumstances ("were killed when a bomb
# went off in X", "opened fire, killing three", "an attack carried out in X"):
# followed, at this extra depth, so the event's own modifiers still come first.
_LOOSE = {"advcl": 3, "xcomp": 2, "acl": 2}
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# Verbs that report what another clause tells: their subject is the source, not the event.
_SPEECH = frozenset({"say", "tell", "report", "announce", "claim", "add", "state", "confirm", "allege", "accuse",
                     "deny", "quote", "cite", "note", "warn", "describe"})
# Ties that hold for everything below them ("fighters from villages in Idlib" is an origin).
_STICKY = frozenset({"from", "according", "speaker", "cause"})
SPEAKER = "speaker"
OTHER_PART = "other part"
"""The relation of the words of another clause a semicolon parts from the event's (``_other_part``)."""
CAUSE = "for"
"""The relation of the words of a phrase that names another act as the cause or topic of the
event ("convicted over the protests in Havana", "sentenced for the execution of a soldier in
Deir ez-Zor"): that act's circumstances, not the event's (sticky, like ``from``)."""
"""The relation of the words of a source that tells the event ("police in Lahore said ...")."""
# A measured distance makes its place a reference point ("30 km from X").
_MEASURES = frozenset({"km", "kilometre", "kilometer", "kilometres", "kilometers", "mile", "miles", "metre",
                       "meter", "metres", "meters", "kms"})


def _chain(trigger: Any) -> list[Any]:
    """The trigger and its heads up to the first verb: the words that carry the predicate."""
    chain, seen = [trigger], {trigger.i}
    token = trigger
    # ``seen`` guards against a head cycle in a sentence parsed apart from its document.
    # a participle that only modifies a noun ("an improvised explosive device", "armed
    # men") heads no clause: the climb goes on to the verb the noun depends on
    while (token.pos_ not in ("VERB", "AUX") or token.dep_ in _MODIFIER_DEPS) and token.head.i not in seen \
            and not _apart(token):
        token = token.head
        seen.add(token.i)
        chain.append(token)
    return chain


# Prepositions that set the act they govern apart from the clause they hang in, before or after
# it in time, or as what a protest is against: "hanged after trials marred by ...", "went on hunger
# strike against the denial of medical care", "died after being denied treatment".
_SEQUENCE_PREPS = frozenset({"after", "before", "since", "following"})
_UNDERGONE = frozenset({"die", "disappear", "flee", "suffer"})
# What a protest is against: the grievance, an act of its own ("against the denial of care").
# (the nouns of the protest itself: "demonstrators protested against the death in custody of ..."
# tells the death as what they protest, whose date the reports give as the protest's)
_PROTEST_WORDS = re.compile(r"^(?:strikes?|protests?|march(?:es)?|demonstrations?|rall(?:y|ies)|vigils?|sit-ins?)$")


def _apart(token: Any) -> bool:
    """Whether ``token`` is the object of a preposition that sets its act apart: an "after" or
    "before" phrase that follows the verb it tells the sequence of ("hanged in Isfahan after
    trials": opening the sentence, "On 9 May, after the arrest of ..., his supporters stormed", it
    shares the sentence's frame), or the "against" of a protest: its clause's date and place are
    not the act's."""
    if token.dep_ not in ("pobj", "pcomp"):
        return False
    preposition = token.head
    if preposition.lower_ in _SEQUENCE_PREPS:
        verb = preposition.head
        # what befell the subject of a passive or an undergoer's verb after an act is that act's
        # outcome, not its telling ("were hanged after trials", "died after being denied care");
        # an active verb goes on with the act ("forces entered the town after a battle")
        return preposition.i > verb.i and (is_passive(verb) or verb.lemma_ in _UNDERGONE)
    return preposition.lower_ == "against" and any(
        _PROTEST_WORDS.match(t.lower_) for t in preposition.head.subtree if t.i < preposition.i)


# How far a clause's circumstances reach up: a coordinated or governed verb, a purpose
# clause of a noun ("an operation to detain X"), the noun phrase that holds it.
_CLIMB = {"conj": 1, "xcomp": 1, "advcl": 2, "acl": 1, "dobj": 1, "pobj": 1, "prep": 1, "pcomp": 1, "nsubj": 1,
          "nsubjpass": 1, "attr": 1, "appos": 1, "npadvmod": 1, "dative": 1, "oprd": 1}


def _shared_heads(verb: Any) -> list[tuple[Any, int, str]]:
    """Heads whose circumstances the predicate's clause shares, with their depth.

    A coordinated verb or a participle shares the one it hangs on ("forces killed
    three and detained two in Kandahar", "opened fire on protesters in X, killing
    three"), and so does a purpose clause ("conducted an operation in X to detain
    ..."); a clause with its own subject shares them at a cost, since it still
    happens where the sentence is set. A speech verb's complement and a relative
    clause do not climb: what frames them is another event's.
    """
    out: list[tuple[Any, int, str]] = []
    token, depth, seen = verb, 0, {verb.i}
    relation = "shared"
    while token.dep_ in _CLIMB and token.head.i not in seen and not _apart(token):
        own_subject = token.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJECTS for c in token.children)
        depth += 3 if own_subject and token.dep_ in ("conj", "advcl") else _CLIMB[token.dep_]
        if _reduced_relative(token):
            relation = "cause"  # what the noun's clause says is another act's, held apart (sticky)
            depth += _LOOSE["advcl"]  # and farther than the participle's own words
        token = token.head
        seen.add(token.i)
        out.append((token, depth, relation))
    if token.dep_ == "relcl" and _opened_by(token, "where"):
        # "Herat, where he was released", "the streets of Tbilisi, where troops clashed": the
        # noun the clause hangs on is where its event happened
        out.append((token.head, depth + 1, "in"))
    return out


# Prepositions of time and place: a participle with one of them tells its own circumstances.
_OWN_CIRCUMSTANCES = frozenset({"during", "in", "on", "at", "since", "after", "before", "near"})


# Bodies that sit in a place and act there: "a Tirana court", "Kabul police", "the Sonora state
# government" (not troops or forces, whose place name says whose they are: "Bangkok troops");
# ``extract/other_acts.py`` holds their seat apart from an act they judge.
SEATED = frozenset("court tribunal judge magistrate prosecutor police government council authority mayor "
                   "governor administration municipality".split())


def _reduced_relative(clause: Any) -> bool:
    """A participle that describes a noun ("three men arrested during the protests of 2022 were
    hanged in Isfahan", "people convicted over the protests"): a relative clause without its
    pronoun, whose event keeps its own circumstances. A purpose clause ("an operation to detain")
    is no such clause, nor a participle that tells no circumstances of its own ("youths armed with
    clubs beat ...", often the parse's misreading of the main verb): those climb."""
    noun = clause.head
    return clause.dep_ == "acl" and clause.tag_ in ("VBN", "VBG") and noun.dep_ in _SUBJECTS \
        and noun.head.pos_ in ("VERB", "AUX") and any(c.dep_ == "prep" and c.lower_ in _OWN_CIRCUMSTANCES
                                                      for c in clause.children)


# Phrases that name the cause or topic of the predicate ("sentenced ... over the protests in
# Havana", "convicted of the killing of ... in Deir ez-Zor"): their words are the other act's.
_TOPIC = frozenset({"over", "about"})
_CAUSE = frozenset({"for", "of"})
# Verbs that blame an act on someone: a statement the place of the act it names may still locate
# (locate keeps a statement to its own sentence's places), so their phrase is left as it was.
_BLAME = frozenset({"accuse", "blame", "criticise", "criticize", "condemn", "denounce"})
_ACT_WORD = re.compile(r"(?:ings?|killings?|murders?|executions?|deaths?|tortures?|arrests?|detentions?|"
                       r"abductions?|disappearances?|protests?|attacks?|assaults?|rapes?|crimes?|riots?|"
                       r"unrest|violence|clash(?:es)?|massacres?|bombings?|strikes?|demonstrations?)$")


def _names_other_act(prep: Any) -> bool:
    """A prepositional phrase about another act: "over the protests", "about the killings", "for
    the execution of", "of torturing detainees"; not "for 12 days" or "of the town"."""
    if prep.dep_ != "prep" or prep.lower_ not in _TOPIC | _CAUSE:
        return False
    if prep.lower_ in _CAUSE and (prep.head.pos_ not in ("VERB", "AUX", "ADJ") or prep.head.lemma_ in _BLAME):
        return False  # "a wave of attacks killed ...": the subject's means, the same act
    return any(c.dep_ == "pcomp" and c.tag_ == "VBG" or c.dep_ == "pobj" and c.pos_ == "NOUN"
               and bool(_ACT_WORD.search(c.lower_)) for c in prep.children)


def _opened_by(clause: Any, word: str) -> bool:
    """Whether a relative clause opens with the relative adverb ``word`` ("where", "when")."""
    return any(c.dep_ == "advmod" and c.lower_ == word and c.i < clause.i for c in clause.children)


_FAR = 99
# Words that make "to" and "from" say nearness: "close to X", "next to X", "not far from X".
_NEAR_TO = frozenset({"close", "closer", "next", "adjacent", "near", "nearer"})


def _gerund_subject(clause: Any) -> bool:
    """A gerund that is the subject of the event's verb ("Shelling by the RSF on areas of X killed
    15"): the cause is the event itself, not another clause ("That he left surprised us")."""
    return clause.dep_ == "csubj" and clause.tag_ == "VBG" and not any(
        c.dep_ in _SUBJECTS or c.dep_ == "mark" for c in clause.children)


def _nearness(preposition: Any) -> bool:
    """Whether a "to" or "from" phrase says where, near its place ("close to X", "not far from X"),
    rather than a destination or an origin ("far from the border" stays a reference point)."""
    head = preposition.head
    if preposition.lower_ == "to":
        return head.lower_ in _NEAR_TO
    return head.lower_ == "far" and head.i > 0 and head.doc[head.i - 1].lower_ in ("not", "n't")


def _speakers(verb: Any) -> list[Any]:
    """The subjects of the speech verbs that report the predicate's clause ("police in Lahore said")."""
    out = []
    token, seen = verb, {verb.i}
    while token.dep_ in ("ccomp", "parataxis", "conj", "advcl", "xcomp") and token.head.i not in seen:
        token = token.head
        seen.add(token.i)
        if token.lemma_.lower() in _SPEECH:
            out += [c for c in token.children if c.dep_ in _SUBJECTS or c.dep_ == "agent"]
    return out


def attachments(trigger: Any, *, offset: int, text: str) -> tuple[Attachment, ...]:
    """The words of ``trigger``'s clause (a spaCy Token of a sentence parse starting at
    document offset ``offset``) with their depth below the predicate, in document offsets."""
    if trigger is None:
        return ()
    chain = _chain(trigger)
    on_chain = {t.i for t in chain}
    best: dict[int, tuple[int, str, bool]] = {}
    framed: set[int] = set()  # words of a coordinated clause told in a frame of its own (``_own_frame``)
    # (token, depth, relation, distance); the chain and shared heads start the walk
    # the trigger's own modifiers before those of the verb that carries it ("the
    # killing of a lawyer in March" in "a court sentenced ... on 3 May")
    stack: list[tuple[Any, int, str, bool]] = [(t, depth, "predicate", False) for depth, t in enumerate(chain)]
    stack += [(head, depth + len(chain) - 1, relation, False) for head, depth, relation in _shared_heads(chain[-1])]
    while stack:
        token, depth, relation, distance = stack.pop()
        known = best.get(token.i)
        if known is not None and known[0] <= depth:
            continue
        best[token.i] = (depth, relation, distance)
        for child in token.children:
            if child.i in on_chain:
                continue
            dep = child.dep_
            cost = 1
            if dep in _CLOSED and not (token.i == trigger.i and dep == "relcl") and not (
                    dep == "relcl" and _opened_by(child, "when")) and not _gerund_subject(child):
                continue  # "in the morning when troops were on patrol in X" shares its circumstances
            if dep == "csubj":
                cost = _LOOSE["advcl"]  # "Shelling on areas of X killed 15": the cause tells the event's place
            if dep == "conj" and child.pos_ in ("VERB", "AUX") and token.pos_ in ("VERB", "AUX"):
                if _own_frame(child):
                    framed.update(t.i for t in child.subtree)
                    continue  # "..., and in March the authorities barred ...": another act, in its own time
                # "were killed and 20 injured in X": a coordinated verb shares what follows it
                cost = 3 if any(c.dep_ in _SUBJECTS for c in child.children) else 2
            elif dep in _LOOSE and not (token.i == trigger.i and dep == "acl"):
                cost = _LOOSE[dep]
            elif dep == "relcl":
                # a "when" clause is an adverbial clause of its time noun; the trigger noun's own
                # relative clause tells more of it, after its own clause ("agreed a ceasefire in
                # June, which took effect on 3 August": June)
                cost = _LOOSE["advcl"]
            # the nearest preposition above the word, "of" aside ("on the outskirts of X": on)
            child_relation = relation
            if dep == "relcl" and token.i != trigger.i:
                child_relation = "advcl"
            elif relation in ("predicate", "shared"):
                child_relation = child.lower_ if dep in ("prep", "agent") else dep
            elif dep in ("prep", "agent") and child.lower_ != "of" and relation not in _STICKY:
                child_relation = child.lower_
            if dep == "compound" and child.pos_ == "PROPN" and relation == "nsubj" and token.lemma_ in SEATED:
                child_relation = "in"  # "a Tirana court fined ...": the court in Tirana, as "police in X"
            if child_relation == "for" and dep == "prep" and any(c.dep_ == "pobj" and c.lemma_ == "control"
                                                                  for c in child.children):
                child_relation = "in"  # "fought for control of areas of Arauca": where the fighting was
            if child_relation in ("to", "from") and _nearness(child):
                child_relation = "near"  # "close to Jaffna", "not far from Grozny": where, not a destination
            if relation not in _STICKY and _names_other_act(child):
                child_relation = "cause"  # "sentenced ... over the protests in Havana": the protests' place
            child_distance = distance or child.lower_ in _MEASURES
            stack.append((child, depth + cost, child_relation, child_distance))
    for source in _speakers(chain[-1]):
        for token in source.subtree:
            best.setdefault(token.i, (_FAR, SPEAKER, False))
    for token in _other_part(trigger, set(best)) + _governing_subject(chain[-1], set(best)):
        best[token.i] = (_FAR, OTHER_PART, False)
    for index in framed - set(best):
        best[index] = (_FAR, OTHER_PART, False)
    out = []
    for index, (depth, relation, distance) in sorted(best.items()):
        token = trigger.doc[index]
        start = offset + token.idx
        out.append(Attachment(Span.of(text, start, start + len(token.text)), depth,
                              CAUSE if relation == "cause" else relation, distance))
    return tuple(out)


def _own_frame(clause: Any) -> bool:
    """Whether a coordinated verb opens its own clause with a subject of its own and a time or place
    put before that subject ("remained under travel bans, and in March the authorities barred the
    relatives ..."): annual reports join a later act to a standing one so, and the fronted phrase
    frames that act alone ("were killed and 20 injured in X" still shares its place)."""
    subjects = [c for c in clause.children if c.dep_ in _SUBJECTS]
    return bool(subjects) and any(c.dep_ in ("prep", "npadvmod") and c.i < subjects[0].i for c in clause.children)


def _other_part(trigger: Any, tied: set[int]) -> list[Any]:
    """The words of the other side of a semicolon that the walk did not reach, when that side
    is a clause with a subject of its own: annual reports string acts of one year together
    ("Dozens of people were fined ...; in October a pensioner in Kaliningrad was ordered to
    pay ..."), and the parse, which often hangs one side on the other as a complement, leaves
    the other side's place and date untied rather than foreign; tied as ``OTHER_PART``, they no
    longer pass for the sentence's untied setting."""
    sent = trigger.sent if trigger.doc.has_annotation("SENT_START") else trigger.doc
    marks = [t.i for t in sent if t.text == ";"]
    if not marks:
        return []
    before = max((m for m in marks if m < trigger.i), default=None)
    after = min((m for m in marks if m > trigger.i), default=None)
    parts = []
    if before is not None:
        parts.append([t for t in sent if t.i < before])
    if after is not None:
        parts.append([t for t in sent if t.i > after])
    out = []
    for part in parts:
        indices = {t.i for t in part}
        if not any(t.dep_ in _SUBJECTS and t.head.i in indices and t.head.pos_ in ("VERB", "AUX") for t in part):
            continue  # "...; killing three": a phrase of the event's own clause
        out += [t for t in part if t.i not in tied]
    return out


def _governing_subject(verb: Any, tied: set[int]) -> list[Any]:
    """The words of the subject of the clause a relative clause of the act hangs in, when the act
    is told in that relative clause ("a court in Almaty ordered compensation for a man who had been
    tortured in custody"): the seat of the body that acts there is not where the act happened,
    tied or untied. Only a body that sits somewhere (``SEATED``: a court, the police); the rest of
    that clause may still say where ("guards at Insein Prison beat prisoners who had protested",
    "the Pride march in Istanbul, which the governor had banned")."""
    if verb.dep_ != "relcl":
        return []
    governor = subject_owner(clause_root(verb.head))
    subjects = [c for c in governor.children if c.dep_ in _SUBJECTS and c.lemma_.lower() in SEATED
                and not (c.left_edge.i <= verb.i <= c.right_edge.i)]
    return [t for subject in subjects for t in subject.subtree if t.i not in tied]


def attachment_of(span: Span, words: tuple[Attachment, ...]) -> Attachment | None:
    """The closest-tied word of ``words`` inside ``span`` (a date or place phrase), or None
    when none of its words is in the event's clause."""
    words = tuple(w for w in words if w.relation != OTHER_PART)
    inside = [w for w in words if span.start <= w.span.start and w.span.end <= span.end]
    if not inside:
        inside = [w for w in words if w.span.start < span.end and span.start < w.span.end]
    return min(inside, key=lambda w: w.depth, default=None)


def in_other_part(span: Span, words: tuple[Attachment, ...]) -> bool:
    """Whether a phrase lies in another clause that a semicolon parts from the event's
    (``_other_part``): not the event's place, nor its untied setting. ``attachment_of`` does not
    see those words, so a date or place there stays untied for every other rule."""
    return any(w.relation == OTHER_PART and span.start <= w.span.start and w.span.end <= span.end for w in words)


def in_own_clause(span: Span, words: tuple[Attachment, ...]) -> bool:
    """Whether a phrase belongs to the event's own clause: tied, and not as a speaker's or as
    another act's ("released 12 of them on bail" is no part of the torture they described)."""
    tie = attachment_of(span, words)
    return tie is not None and tie.relation not in (SPEAKER, CAUSE) and tie.depth < _FAR


def in_evidence(span: Span, incident: Incident) -> bool:
    """Whether a phrase lies inside one of the incident's evidence spans (its own sentences):
    a place or date named there is the incident's to weigh, one named elsewhere is borrowed."""
    return any(ev.start <= span.start and span.end <= ev.end for ev in incident.evidence)
