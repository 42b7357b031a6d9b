"""The category of a count: which verb or noun governs it within its clause.

Read in this order: the count's own participle ("1,800 wounded"), a verb or noun
right before it ("arrested nearly a hundred", "death toll of 45"), the verb of
the object it is listed with, the first cue after its noun phrase ("15 civilians
... were killed"), then the head noun itself ("war refugees"). Unclear is
``other``: tallies sum killed and arrested counts, so a wrong guess costs more
than a missing one.
"""

from __future__ import annotations

from dataclasses import dataclass

from factfinder.extract.numbers import Lexicon, NumberMatch, Token

_FILLERS = frozenset(
    "of the to at a an toll number total rose risen reached climbed stood stands now another further "
    "additional their his her its had have has been were was is are also reportedly allegedly".split())
AUXILIARIES = frozenset("be been being was were is are am has have had got get gets".split())
_OBJECT_STARTS = frozenset("a an the his her their its two three four five six seven eight nine ten".split())
CLAUSE_STOPS = frozenset(
    "where when after before because since but while whereas although though until unless if said says "
    "told according reported added".split())
# Words of judging: the people a court sentences, or who are convicted of or charged with an act,
# are the judged, never its victims ("sentenced 49 people to death over the lynching of a man",
# "two soldiers convicted of killing a protester"); annual-report coders do not count them.
_JUDGING = frozenset("sentenced sentencing convicted convicting accused charged acquitted indicted prosecuted trial "
                     "fined fining sentences".split())
_ACCOMPANIMENT = frozenset({("along", "with"), ("together", "with"), ("well", "as")})
_PERSON_UNIT_CATEGORIES = frozenset(
    {"killed", "injured", "arrested", "detained", "missing", "displaced", "trapped", "affected"})
_SEARCH_AFTER = 25


@dataclass(slots=True)
class Candidate:
    first: int  # first token, including hedge and currency sign
    number: NumberMatch
    last: int  # last token of the number (and of a parenthesised exact figure)
    head: int  # last token of the noun phrase the number quantifies
    value: float
    qualifier: str
    unit: str
    head_word: str = ""
    category: str = "other"


def count_category(tokens: list[Token], boundaries: list[bool], candidates: list[Candidate], index: int,
              lex: Lexicon, reach: int = _SEARCH_AFTER) -> str:
    cand = candidates[index]
    if cand.category == "money":
        return "money"
    # "185 killed and more than 1,800 wounded": a participle right after the count
    # is its own verb and beats a verb reached back across "and".
    category = _adjacent_cue(tokens, cand, lex)
    if category is None:
        category = _cue_before(tokens, boundaries, cand.first, lex)
    if category is None and index > 0:
        category = _coordinated(tokens, candidates[index - 1], cand)
    weak = None
    if category is None:
        category, weak = _cue_after(tokens, boundaries, candidates, index, lex, reach)
    if category is None:
        category = _second_object(tokens, boundaries, cand.first, lex)
    if category is None:
        category = lex.head_categories.get(cand.head_word)
    category = category or weak or "other"
    if cand.unit == "people" or cand.unit == "households":
        return category if category in _PERSON_UNIT_CATEGORIES else "other"
    if cand.unit in ("houses", "villages", "buildings") and category == "affected":
        return "affected"
    return "other"


def _adjacent_cue(tokens: list[Token], cand: Candidate, lex: Lexicon) -> str | None:
    """The count's own participle ("1,800 injured", "30 wounded") or the cue word right
    after its noun phrase, unless the count is that verb's agent."""
    head = tokens[cand.head].lower
    # a noun of custody ("prisoners", "hostages") says what the people are, not what befell them:
    # "guards beat ten prisoners", "killed five prisoners" read the verb first (rule 4 keeps it last)
    if cand.head > cand.last and lex.cues.get(head) not in (None, "affected") \
            and lex.head_categories.get(head) != "detained":
        return lex.cues[head]
    k = cand.head + 1
    if k >= len(tokens) or tokens[k].lower not in lex.cues or lex.cues[tokens[k].lower] == "affected":
        return None
    if k + 1 < len(tokens) and (tokens[k + 1].lower in _OBJECT_STARTS or tokens[k + 1].is_digit
                                or tokens[k + 1].lower in lex.people):
        return None  # "15 gunmen killed three villagers": the count did the killing
    return lex.cues[tokens[k].lower]


def _second_object(tokens: list[Token], boundaries: list[bool], first: int, lex: Lexicon) -> str | None:
    """"arrested the cell leader and one more suspected smuggler": a verb before "and X"."""
    k = first - 1
    if k < 1 or tokens[k].lower != "and":
        return None
    for j in range(k - 1, max(-1, k - 7), -1):
        if boundaries[j] or tokens[j].text == "," or tokens[j].is_digit:
            return None
        word = tokens[j].lower
        if word in lex.cues:
            return _intended(tokens, j, lex.cues[word])
        if word in AUXILIARIES or word in CLAUSE_STOPS:
            return None
    return None


def _coordinated(tokens: list[Token], prev: Candidate, cand: Candidate) -> str | None:
    """"seized a gang leader and two suspected accomplices": the second object shares the verb."""
    between = [t.lower for t in tokens[prev.head + 1:cand.first]]
    if cand.head_word in ("them", "those"):
        return None  # "detained 300 people, and several of them said ...": a part, told of anew
    if between in (["and"], [","], [",", "and"]) and prev.category not in ("other", "money"):
        return prev.category
    return None


# Infinitive cues that tell an aim, not an act: "a raid to capture a Taliban leader".
_INTENDED = frozenset({"killed", "arrested", "detained"})
_AIMS = frozenset("operation operations raid raids mission search attempt attempts bid effort efforts plan plans "
                  "plot order orders".split())


def _intended(tokens: list[Token], k: int, category: str) -> str:
    """``category`` unless the cue at ``k`` is an aim's infinitive ("a raid to capture a leader"):
    the people an operation set out to arrest or kill are not the ones it did. "Used cameras to
    detain 15 men" tells an act, so only an aim noun right before "to" counts."""
    if category in _INTENDED and k > 1 and tokens[k - 1].lower == "to" and tokens[k - 2].lower in _AIMS:
        return "other"
    return category


def _cue_before(tokens: list[Token], boundaries: list[bool], first: int, lex: Lexicon) -> str | None:
    """The verb or noun right before a count: "arrested nearly a hundred", "the death toll rose to 45"."""
    k = first - 1
    while k >= 0 and not boundaries[k]:
        word = tokens[k].lower
        if word in _JUDGING:
            return "other"
        if word in lex.cues:
            return _intended(tokens, k, lex.cues[word])
        pair = (tokens[k - 1].lower, word) if k > 0 else ("", word)
        if pair in _ACCOMPANIMENT:
            # "detained the senior leader along with three of his associates", "captured a
            # leader and a facilitator along with several suspects": skip the first objects
            for j in range(k - 2, max(-1, k - 12), -1):
                if boundaries[j]:
                    return None
                if tokens[j].lower in lex.cues:
                    return _intended(tokens, j, lex.cues[tokens[j].lower])
            return None
        if word not in _FILLERS and not (word.endswith("ly") and word.isalpha() and len(word) > 4):
            return None  # "briefly held nine participants": a manner adverb does not part verb and count
        k -= 1
    return None


def _tell_of_themselves(tokens: list[Token], k: int) -> bool:
    """"several of them later said they had been beaten": people who tell what befell themselves
    are its victims, so the scan reads on past their verb of saying."""
    if tokens[k].lower not in ("said", "told", "reported", "says"):
        return False
    after = [t.lower for t in tokens[k + 1:k + 3]]
    return after[:1] == ["they"] or after == ["that", "they"]


def _cue_after(tokens: list[Token], boundaries: list[bool], candidates: list[Candidate], index: int,
               lex: Lexicon, reach: int) -> tuple[str | None, str | None]:
    """(strong, weak) cue after the noun phrase of a count, within its clause."""
    cand = candidates[index]
    article = cand.number.word_article
    stop = min(cand.head + 1 + reach, len(tokens))
    # The next count that starts a noun phrase of its own ends this one's clause. Candidates
    # are in text order, so the first such one is the nearest, and the scan ends at ``stop``:
    # a one-line page with thousands of counts stays linear.
    for j in range(index + 1, len(candidates)):
        first = candidates[j].first
        if first >= stop:
            break
        if not candidates[j].number.word_article and first > 0 and \
                tokens[first - 1].lower not in ("of", "in", "from", "across"):
            stop = first
            break
    weak = None
    aux = False
    for k in range(cand.head + 1, stop):
        if boundaries[k - 1] and k > cand.head + 1:
            break
        word = tokens[k].lower
        if word in CLAUSE_STOPS and not (aux and word in ("said", "reported")) and not _tell_of_themselves(tokens, k):
            break  # "15 civilians were said to have been killed" goes on
        if word == "," and k + 1 < stop and tokens[k + 1].lower.endswith("ing") and tokens[k + 1].lower != "including":
            break  # ", ending a decade in detention": a new participle clause
        if article and word in ("who", "that", "which"):
            break  # "a young man who had been held ... died": the relative clause is background
        if word in _JUDGING:
            return "other", None  # "two soldiers were convicted of killing ...": the judged
        if word in AUXILIARIES:
            aux = True
        if word not in lex.cues:
            continue
        category = lex.cues[word]
        if not aux and k + 1 < len(tokens) and (
                tokens[k + 1].lower in _OBJECT_STARTS or tokens[k + 1].is_digit or tokens[k + 1].lower in lex.people):
            return None, weak  # the count is the agent: "15 gunmen killed three villagers"
        if category == "affected":
            weak = weak or category
            continue
        if weak and tokens[k - 1].lower in ("in", "into"):
            continue  # "beaten in custody": where it befell them, after what befell them
        return category, weak
    return None, weak
