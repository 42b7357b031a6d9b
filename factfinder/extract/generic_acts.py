"""Generic mentions of abuse: a kind of act named, not an act told.

Human-rights reporting names abuses in general far more often than it tells one: what a group is
accused or criticised of ("rights groups accuse the ministry of kidnappings and beatings of
its critics"), what usually happens ("most of those seized go through beatings and torture", "the
gang members kill casually"), what something is for ("kept open to extract confessions by torture"), what a thing
is compared with ("described as a form of torture", "everything they dreaded except death and
torture") and words of harm in another sense ("the torture of rewriting the same report"). None of
these is an incident: no one was hurt on a day in a place that the sentence tells.

The mention is generic only when nothing in it points at one act: the word is bare (no
determiner, no possessive, no number), and neither it nor the words that carry it up to its verb
name a victim (an "of" phrase naming one person, a definite group or a figure), a date or a place.
An act that is told in the past, even in general words ("detainees were beaten", annual reports'
way of telling acts), is never generic here: only the present simple tells a habit.

``is_generic_mention`` reads the spaCy parse of the trigger's sentence;
``assertion.is_asserted`` asks it of every trigger it has a token for.
"""

from __future__ import annotations

from typing import Any

# Nouns and verbs that make an act's word the content of an accusation or a criticism.
_ACCUSING = frozenset({"accuse", "accusation", "criticism", "criticise", "criticize", "critic", "blame", "claim",
                       "allegation", "allege"})
# Prepositions of a comparison, an exception or a likeness: "like", "except", "unlike", "than".
_COMPARING = frozenset({"like", "unlike", "except", "than", "besides"})
# "a form of torture": a characterisation of something else, under "as" or a copula.
_KINDS = frozenset({"form", "kind", "type", "sort"})
# Prepositions that give an act noun a time of its own.
_TEMPORAL = frozenset({"during", "since", "amid", "after", "before"})
# Adjectives of a habit on a plural act noun ("frequent murders", "routine beatings").
_HABITUAL = frozenset({"frequent", "routine", "habitual", "regular", "systematic", "casual"})
# Words that keep a habit from being generic because they count what they qualify.
_QUANTIFYING = frozenset({"several", "numerous", "many", "multiple", "dozens", "hundreds", "thousands", "scores"})
# Entity labels that give a mention its own date, place or figure.
_OWN = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "QUANTITY"})
# Verbs after which an infinitive tells what happened ("were forced to endure torture").
_HAPPENED = frozenset({"force", "compel", "oblige", "make", "begin", "start", "continue", "proceed", "manage",
                       "go", "come", "resume", "get"})
# Passive verbs whose infinitive is the task of the people they hire or use.
_TASKED = frozenset({"hire", "employ", "pay", "use", "design", "train", "recruit"})
# Verbs that report speech: their present tense ("he says police beat him") tells no habit.
_SAYING = frozenset({"say", "tell", "report", "state", "add", "allege", "claim", "write", "recall", "describe"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "a", "an", "each", "every", "another"})
_MODAL_OR_PERFECT = frozenset({"have", "has", "had", "will", "would", "shall", "should", "can", "could", "may",
                               "might", "must", "did", "was", "were", "been", "'ve", "'d", "'ll"})

# Modals and futures that make a bare act noun a possibility ("more arrests could follow").
_MODAL_NOUN = frozenset({"can", "could", "may", "might", "must", "should", "would", "will", "'ll", "shall"})
# Auxiliaries of the present perfect and progressive ("have stepped up", "are carrying out").
_PRESENT_AUX = frozenset({"have", "has", "'ve", "is", "are", "'re", "'s"})


# The acts against people whose kinds reports name in general.
ABUSES = frozenset({"killing", "torture", "arrest", "disappearance"})


def is_generic_mention(token: Any, kind: str) -> bool:
    """Whether the trigger at ``token``, of type ``kind``, names a kind of abuse rather than an act
    (module doc)."""
    if token.pos_ in ("NOUN", "PROPN") or token.dep_ == "compound":
        return _generic_nominal(token, kind)
    if token.pos_ in ("VERB", "AUX"):
        return _generic_verb(token, kind)
    return False


# --- nominal mentions: "accused of abductions and killings" -----------------------------------------

def _group(token: Any) -> list[Any]:
    """The trigger with the words coordinated with it ("abductions, torture and killings")."""
    first = token
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    return [first, *(t for t in first.conjuncts if t != first)]


def _generic_nominal(token: Any, kind: str) -> bool:
    while token.dep_ == "compound" and token.head != token:
        token = token.head  # "rape cases", "assault cases": the noun the word qualifies
    group = _group(token)
    if _figurative(group):
        return True
    if any(c.dep_ == "amod" and c.lower_ in _HABITUAL for t in group for c in t.children) \
            and all(t.tag_ == "NNS" for t in group):
        return True  # "beyond their frequent murders", "routine beatings": a habit named
    if any(_specific_noun(t) for t in group):
        return False
    path, verb = _carriers(group[0])
    if any(_counted_or_placed(t) for t in path):
        return False
    words = [t.lemma_.lower() for t in path] + ([verb.lemma_.lower()] if verb is not None else [])
    if any(w in _ACCUSING for w in words):
        return True  # "accused the ministry of torture", "criticism of the army for killings"
    if any(t.dep_ == "prep" and t.lower_ in _COMPARING for t in path):
        return True  # "except death and torture", "just like rape cases"
    if any(t.lemma_.lower() in _KINDS and t.head.lower_ == "as" for t in path):
        return True  # "described as a form of torture"
    if verb is None or any(c.dep_ == "prep" and c.lower_ in _TEMPORAL for c in verb.children):
        return False  # "to resume their inquiry into killings during the drug war": a time of its own
    return _modal(verb) or _present_habit(verb) or _purpose(verb)


def _modal(verb: Any) -> bool:
    """A bare act noun carried by a verb under a modal or a future ("more arrests could follow",
    "punishment can go from arrest all the way to torture", "the plan will lead to abductions and
    beatings"): what may happen, not what did. Not a modal perfect ("may have died from
    torture"), which tells an act that possibly happened."""
    first = verb
    while first.dep_ == "conj" and first.head != first and first.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in first.children):
        first = first.head  # "told us to kneel and that we were under arrest": a clause of its own
    auxes = [c for c in first.children if c.dep_ in ("aux", "auxpass")]
    return any(a.tag_ == "MD" and a.lower_ in _MODAL_NOUN for a in auxes) \
        and not any(a.lemma_.lower() == "have" for a in auxes)


def _specific_noun(noun: Any) -> bool:
    """A word of act that points at one act: a determiner or a possessive ("the killing", "his
    abduction"), a figure ("two kidnappings"), a date or place inside it ("killings in the valley
    last May") or an "of"/"against" phrase that names its victim as one person or a definite group
    ("of a reporter", "of the four students"; not "of their critics" nor "of journalists")."""
    for child in noun.children:
        if child.dep_ == "poss" or child.dep_ == "nummod":
            return True
        if child.dep_ == "det" and child.lower_ in _DEFINITE:
            return True
        if child.dep_ == "amod" and child.lower_ in _QUANTIFYING:
            return True
        if child.dep_ in ("compound", "amod", "nmod") and (child.ent_type_ in _OWN or child.pos_ == "PROPN"):
            return True
        if child.dep_ == "prep":
            if child.lower_ in _TEMPORAL or any(t.ent_type_ in _OWN for t in child.subtree):
                return True  # "killings during the drug war", "arrests since the coup": a time of its own
            if child.lower_ in ("of", "against") and any(_named_victim(v) for v in child.children
                                                          if v.dep_ == "pobj"):
                return True
    return False


def _named_victim(noun: Any) -> bool:
    if noun.pos_ == "VERB" or noun.tag_ == "VBG":
        return False  # "the torture of rewriting": no victim
    if noun.pos_ in ("PROPN", "NUM") or noun.tag_ == "PRP":
        return True
    if any(c.dep_ in ("nummod",) or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in noun.children):
        return True
    return "Sing" in noun.morph.get("Number")


def _carriers(noun: Any) -> tuple[list[Any], Any | None]:
    """The words between a nominal trigger and its verb ("torture" < "by" < "extract"), and that
    verb (None when the chain ends elsewhere)."""
    path: list[Any] = []
    word = noun
    for _ in range(8):
        if word.head == word:
            break
        word = word.head
        if word.pos_ in ("VERB", "AUX"):
            return path, word
        path.append(word)
    return path, None


def _counted_or_placed(word: Any) -> bool:
    """A carrying noun that counts, places or times the act ("269 complaints of torture", "cases of
    torture in the capital's prisons", "an inquiry into killings during the drug war")."""
    if word.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ == "nummod" or (c.dep_ == "amod" and c.lower_ in _QUANTIFYING)
               or (c.dep_ == "prep" and (c.lower_ in _TEMPORAL
                                         or c.lower_ != "of" and any(t.ent_type_ in _OWN for t in c.subtree)))
               for c in word.children)


def _figurative(group: list[Any]) -> bool:
    """ "The torture of rewriting the same report": the "of" phrase is an activity, not a victim."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(p.dep_ == "pcomp" or p.tag_ == "VBG"
                                                             for p in c.children)
               for t in group for c in t.children)


# --- frames shared by nouns and verbs -------------------------------------------------------------

def _present_habit(verb: Any) -> bool:
    """The present simple of a verb that is no report of speech and tells neither a date nor a
    place of its own: "the group tracks killings", "most of those seized go through torture",
    "rape cases are seldom reported", "prisoners who are tortured systematically"."""
    first = verb  # the first of coordinated verbs of one form carries their auxiliaries
    while first.dep_ == "conj" and first.head != first and first.head.tag_ == verb.tag_:
        first = first.head
    if first.lemma_.lower() in _SAYING and first.tag_ in ("VBZ", "VBP"):
        return False  # "the mission reports killings": news of acts, not a habit ("are seldom reported" is one)
    auxes = [c for c in first.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _MODAL_OR_PERFECT or a.tag_ == "TO" for a in auxes):
        return False
    if first.tag_ in ("VBZ", "VBP"):
        present = True
    elif first.tag_ == "VBN":
        present = any(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in auxes)
    elif first.tag_ == "VB":  # the parser's untagged present ("those seized go through ..."), not "made him disappear"
        present = not auxes and first.dep_ in ("ROOT", "relcl") and any(c.dep_ in ("nsubj", "nsubjpass")
                                                                      for c in first.children)
    else:
        present = False
    if not present or not _told_as_sentence(verb.doc):
        return False
    return not any(t.ent_type_ in _OWN for t in first.subtree if t.ent_type_)


def _told_as_sentence(doc: Any) -> bool:
    """A sentence that ends as one: a headline's present ("Police arrest reporters") tells news."""
    return str(doc.text).rstrip().endswith((".", "!", "?", "\"", "”", "'", "’", ")"))


def _infinitive_head(verb: Any) -> Any | None:
    """The first verb of a "to" infinitive the verb belongs to ("to intimidate, abduct and torture")."""
    tokens = verb.doc
    i = verb.i - 1
    while i >= 0 and (tokens[i].tag_ in ("VB", "CC", ",", "RB") or tokens[i].dep_ == "dobj"):
        i -= 1
    if i >= 0 and tokens[i].tag_ == "TO" and i + 1 <= verb.i:
        return tokens[i].head if tokens[i].head.pos_ in ("VERB", "AUX") else None
    return None


def _purpose(verb: Any) -> bool:
    """An act's word inside an infinitive of purpose or of a task ("kept open to extract
    confessions by torture", "hired to intimidate and abduct union leaders", "agreed to investigate
    enforced disappearances"): what the act would serve, not one done; not after verbs that tell
    it happened ("were forced to endure beatings")."""
    head = _infinitive_head(verb) if verb.tag_ == "VB" else None
    if head is None or head.dep_ not in ("advcl", "xcomp", "acl", "relcl"):
        return False
    return head.head.lemma_.lower() not in _HAPPENED


def _task(verb: Any) -> bool:
    """A verb of abuse as the task people were hired or used for ("hired to intimidate, abduct and
    torture union leaders"); not a purpose of moving forces ("sent troops to arrest the strikers"
    tells arrests that followed)."""
    head = _infinitive_head(verb) if verb.tag_ == "VB" else None
    return head is not None and head.dep_ == "xcomp" and head.head.tag_ == "VBN" \
        and head.head.lemma_.lower() in _TASKED


# --- verbal mentions: "they kill casually", "hired to abduct and torture" ---------------------------

def _generic_verb(verb: Any, kind: str) -> bool:
    """A verbal trigger in the present simple or inside an infinitive of purpose, whose object and
    subject name no one act's victim."""
    # the victim: the object, the passive's subject, or the subject of "disappear"
    victims = ("dobj", "nsubjpass", "nsubj") if kind == "disappearance" else ("dobj", "nsubjpass")
    if any(_specific_party(c) for c in verb.children if c.dep_ in victims):
        return False
    if any(t.ent_type_ in _OWN for t in verb.subtree if t.ent_type_):
        return False
    if _task(verb):
        return True
    if verb.tag_ == "VBG":
        return _activity_list(verb)
    if verb.tag_ not in ("VBZ", "VBP", "VBN", "VB"):
        return False
    return _present_habit(verb)


def _activity_list(verb: Any) -> bool:
    """A bare gerund among other activities of a group, carried by a verb that is no simple past
    ("armed bands have stepped up raids on farms, kidnapping for ransom, raping and looting"): a
    kind of activity named, with no object, no subject and no tense of its own in the whole list. Told in the past
    ("stormed the village, killing and looting") the gerunds are what the raid did."""
    group = _group(verb)
    if len(group) < 2 or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj")
                             for t in group for c in t.children):
        return False  # "are rounding people up, detaining marchers and arresting union members": acts done to people
    carrier = group[0].head
    auxes = {c.lower_ for c in carrier.children if c.dep_ in ("aux", "auxpass")}
    if carrier.tag_ in ("VBZ", "VBP"):
        present = not auxes
    else:
        present = carrier.tag_ in ("VBN", "VBG") and bool(auxes & _PRESENT_AUX)
    if not present:
        return False
    return not any(t.ent_type_ in _OWN for t in carrier.subtree if t.ent_type_)


def _specific_party(noun: Any) -> bool:
    """A victim named as one person or a definite group ("him", "a reporter", "the two monks")."""
    if noun.tag_ in ("WP", "WDT"):
        noun = noun.head.head if noun.head.dep_ == "relcl" else noun  # "inmates who are beaten": the inmates
    if noun.lower_ in ("they", "them", "we", "us", "you", "people"):
        return False
    return _named_victim(noun) or _specific_noun(noun)
