"""Trigger words that name an abuse without reporting one: names, charges, risks, tallies, threats,
and words of harm in another sense (a suicide, animals killed, a trend arrested, deaths from a disease).

Real reporting on rights abuses is full of the abuses' own words used for something
else: a body's name ("the Committee against Torture", "a UN special rapporteur on
torture"), a medical term ("cardiac arrest"), a list of crimes someone is charged
with ("crimes of kidnapping, torture and rape"), a risk ("workers now facing
torture"), a tally of complaints ("90 complaints of torture"), a threat ("they will
come and kill me"). Each of these put a type on an article (HRDsAttack) that no act
of the article reported. The words that say so stand right before the trigger, in
its clause, so a look-back of a few words is enough; they are data
(``data/event_type_cues.csv``, kinds ``reference`` and ``threat``), not code.

A word of harm is also used in another sense, told by the words it starts: "killed
herself" (a suicide), "the slaughter of dogs" (animals), "arrest a deteriorating
record" (a trend halted), "lost their lives to the virus" (a disease). None is an
act against a person that a monitor records; the phrase read from the trigger on,
inside its clause, says so (kind ``sense``).

A war's running toll is a statistic of the war, no act with a place and a day. Told of the
dead ("have been killed in the nine-year civil war"), the phrase from the trigger on says so
(kind ``sense``); told with the war as the agent ("the conflict has killed 40,000 people,
burned its markets and emptied whole valleys"), the later words of harm of the
clause are the same toll, so that phrase is looked for in the whole clause, from its start
to the trigger (kind ``toll``).

Why not in the shared negation and hypothetical cues (``extract_cues.csv``)? Those
look six words back for every type; "facing" or "will" that far back would drop
"a journalist facing trial after being arrested" and "the court will hear the case".
Here the window is short and the threat cues apply only to acts of harm.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factfinder.extract.triggers import TriggerHit

# Acts of harm: a threat to do one ("will kill", "going to arrest") reports none.
HARM = frozenset({"killing", "torture", "arrest", "disappearance", "attack"})
WINDOW = 60  # characters looked back from the trigger (and on past it: kind "sense"), inside its clause
_CLAUSE = re.compile(r"[.;:!?\n()\"“”]")
# A capitalised trigger after a lower-case "on", "against", "for", "of" that follows a capitalised
# word is part of a body's name: "Organisation Against Torture" has a capital "Against" only in a
# headline, "Commissioner for Refugees", "Committee on Enforced Disappearances".
_NAME = re.compile(r"[A-Z][\w’'-]*\s+(?:on|against|for|of|into)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)?$")
# One item of a list before the trigger and what joins it to the next ("ill-treatment, including",
# "freedom of opinion and"): up to four words, none a verb or a clause word of its own ("protesters
# were beaten and arrested" is no list), then a comma, "and", "or" or "including".
_NOT_VERB = r"(?!(?:was|were|is|are|be|been|being|has|have|had|who|which|that|after|before|when|while)\b)"
_WORD = r"[\w’'-]"
# Each word is taken whole (an atomic group): a word that could be cut into pieces anywhere made a
# list that fails at its end ("facing a wall for almost a day, handcuffed and blindfolded, then beat
# him") try every cut: 26 CPU seconds for one sentence of a real article (session 11). An item's
# last word alone may end inside a word, right before a joining "and", "or" or "including"
# ("island", "governor"), as a piece could before: the same strings match.
_ITEM = (r"(?:" + _NOT_VERB + r"(?>" + _WORD + r"+)\s*){0,3}" + _NOT_VERB
         + r"(?:(?>" + _WORD + r"+)\s*|" + _WORD + r"+?(?=(?:and|or|including)\s))")
_JOIN = r"(?:,\s*(?:and\s+|or\s+|including\s+|as well as\s+)?|(?:and|or|including)\s+)"
# The trigger's own modifier right after the cue, one word ("at risk of harsh ill-treatment",
# "rapporteurs on summary executions"); after a list's items the trigger follows their joining word.
_MODIFIER = r"(?:" + _NOT_VERB + _WORD + r"+\s*){0,1}"
LIST_WINDOW = 120  # a list's cue may stand further back than the trigger's own words
# A capitalised trigger after a lower-case "the" and before "for", "of", "against" and a capitalised word
# opens an organisation's name ("the Rally for Youth Action"), not an act.
_NAMED_AFTER = re.compile(r"\s+(?:for|of|against|on)\s+(?:the\s+)?[A-Z]")
_THE = re.compile(r"\bthe\s+$")


@lru_cache(maxsize=4)
def _listed(cue: "re.Pattern[str]") -> "re.Pattern[str]":
    """The ``listed`` cues followed by the list's items before the trigger, to the window's end."""
    return re.compile(cue.pattern + r"\s*(?:" + _MODIFIER + r"|(?:" + _ITEM + _JOIN + r")+)$", cue.flags)


def _before(text: str, start: int, hit: TriggerHit, window: int = WINDOW) -> str:
    """The words just before the hit, back to its clause's start (at most ``window`` characters)."""
    lo = max(start, hit.start - window)
    prefix = text[lo:hit.start]
    breaks = list(_CLAUSE.finditer(prefix))
    return prefix[breaks[-1].end():] if breaks else prefix


def _from(text: str, hit: TriggerHit) -> str:
    """The hit and the words after it, to its clause's end (at most WINDOW characters past the hit)."""
    rest = text[hit.start:hit.end + WINDOW]
    end = _CLAUSE.search(rest, hit.end - hit.start)
    return rest[:end.start()] if end else rest


def _in_toll(text: str, start: int, hit: TriggerHit, cue: "re.Pattern[str]") -> bool:
    """Whether a toll phrase of the hit's clause starts at or before the hit: the hit is the toll
    or a later part of it, never an act told before the toll in the same clause."""
    prefix = text[start:hit.start]
    breaks = list(_CLAUSE.finditer(prefix))
    lo = start + (breaks[-1].end() if breaks else 0)
    end = _CLAUSE.search(text, hit.end)
    return any(found.start() <= hit.start - lo for found in cue.finditer(text[lo:end.start() if end else len(text)]))


def is_reference(text: str, start: int, hit: TriggerHit, cues: dict[str, re.Pattern[str]]) -> bool:
    """Whether the hit names an abuse in a name, a charge, a risk, a tally or a threat, or is
    a word of harm in another sense, rather than reporting an act (``start``: where the hit's
    sentence starts)."""
    before = _before(text, start, hit)
    if cues["reference"].search(before) or cues["sense"].match(_from(text, hit)) or (
            "judged" in cues and cues["judged"].search(before)):
        return True
    if "toll" in cues and _in_toll(text, start, hit, cues["toll"]):
        return True  # "the war has killed 40,000 people and emptied whole valleys"
    if hit.type in HARM and "listed" in cues and _listed(cues["listed"]).search(_before(text, start, hit, LIST_WINDOW)):
        return True  # "crimes of kidnapping, torture and rape": every item of the list, not the first only
    if hit.type in HARM and (cues["threat"].search(before) or cues["nonhuman"].search(before)):
        return True
    if hit.type == "torture" and _SEXUAL.match(text, hit.start) and names_a_crime(text, start, hit, cues):
        return True  # "protests over the rape of a student", "previously convicted of molesting boys"
    if hit.type in HARM - {"torture"} and cues["attempt"].search(before):
        return True  # an attempted rape is sexual violence (ACLED); an attempted kidnapping no kidnapping
    word = text[hit.start:hit.end]
    if word[:1].isupper() and _NAMED_AFTER.match(text, hit.end) and _THE.search(before):
        return True  # "the Rally for Youth Action", "the Movement for Democracy": an organisation's name
    return word[:1].isupper() and bool(_NAME.search(before))


# Words of sexual violence (data/triggers.csv's torture rows that name it).
_SEXUAL = re.compile(r"(?:gang-)?rap|sexual|molest|grop|indecent", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# A crime three years or more before the latest year the document names was committed long ago.
_YEARS_BEFORE = 3


def names_a_crime(text: str, start: int, hit: TriggerHit, cues: dict[str, re.Pattern[str]]) -> bool:
    """Whether a word of sexual violence names a crime rather than reporting one: the cause of a
    protest, an intent charged, what a material shows (kind ``crime``), or the crime of a case told
    long ago (kinds ``tried`` and ``long_ago``): a person's record or an old case is background,
    a recent charge is how the news reports a rape (CASE 2021 codes it as sexual violence)."""
    if "crime" in cues and cues["crime"].search(_before(text, start, hit)):
        return True
    if "tried" not in cues or not cues["tried"].search(_before(text, start, hit, LIST_WINDOW)):
        return False
    found = _SENTENCE_END.search(text, hit.end)
    sentence = text[start:found.start() if found else len(text)]
    if "long_ago" in cues and cues["long_ago"].search(sentence):
        return True
    years = [int(y) for y in _YEAR.findall(sentence)]
    latest = max((int(y) for y in _YEAR.findall(text)), default=0)
    return bool(years) and min(years) + _YEARS_BEFORE <= latest
