"""Dates of a sentence that frame another act than the event: the report's, another noun's, a court's.

A sentence tells an event and often the report of it, the law it broke or the trial
that followed; a date phrase beside those dates them, not the event ("the committee
said in September", "imprisoned over the 2016-2017 protests", "fined on 14 April over
a protest"). ``own.py`` leaves such phrases out before it chooses the event's own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factfinder.model import Attachment, Span


# Verbs that report what another clause tells: a date beside them is the report's.
# Verbs that also tell acts ("reported on the death", "found him guilty") report only with
# "that"; "confirmed" reports unless a court confirms a sentence or a ruling.
_REPORTING = (r"(?:said|says|stated|announced|noted|wrote|told|warned|expressed\s+(?:\w+\s+)?concern"
              r"|raised\s+concerns?|confirmed(?!\s+(?:the\s+|its\s+|their\s+)?(?:sentences?|verdicts?|convictions?"
              r"|rulings?|decisions?|charges|appeals?|acquittals?)\b)"
              r"|(?:reported|reports|found|concluded|documented|published)(?:\s+[\w']+){0,3}?\s+that)")
_REPORTING_REACH = 12  # words from a date to the reporting verb of the clause it opens
_REPORTING_BETWEEN = re.compile(r"\b" + _REPORTING + r"\b")
# A report's own day: "in a report published on Monday", "a statement released late yesterday".
_PUBLISHED = r"(?:report|study|statement|findings|survey|assessment|video|footage)\s+(?:was\s+)?(?:published|released|issued)"
# An appeal's own day: "A press-freedom group urged on Tuesday the release of reporters
# held ...", "condemned on Friday the arrest of ..." (not "was called on Monday to the station").
_APPEAL = r"(?<!was )(?<!were )(?<!been )(?<!be )(?:called|urged|demanded|condemned|denounced|appealed)"
_REPORTING_BEFORE = re.compile(r"\b(?:" + _REPORTING + "|" + _PUBLISHED + "|" + _APPEAL
                               + r")\s+(?:(?:on|in|late|early|last)\s+)?$")


def dates_the_report(text: str, span: Span, trigger: Span) -> bool:
    """Whether a date phrase the parse did not tie to the event dates its report instead.

    "In November, the committee said that torture ... was systematic", "thousands were
    detained ..., the commission said in September": the date frames the reporting verb,
    and the event's own date is unsaid. A date between the event and its reporting verb
    ("were arrested on Monday, police said") stays the event's. A date right after a
    reporting verb before the event ("said late yesterday that ... the detention") or after
    a report's publication ("in a report published on Monday") is the report's too.
    """
    if span.end <= trigger.start:
        if _REPORTING_BEFORE.search(text, max(0, span.start - 40), span.start):
            return True
        # searched past the trigger so that "confirmed sentences" is read whole
        verb = next((v for v in _REPORTING_BETWEEN.finditer(text, span.end, trigger.end)
                     if v.end() <= trigger.start), None)
        # the date opens the reporting clause: a few words before its verb, no clause break between
        between = text[span.end:verb.start()] if verb else ""
        return verb is not None and ";" not in between and len(between.split()) <= _REPORTING_REACH
    return span.start >= trigger.end and bool(_REPORTING_BEFORE.search(text, max(trigger.end, span.start - 40),
                                                                       span.start))


# A date used as a noun's modifier: "the 2013 protests", "its 2019 action plan", "Egypt's 2011 uprising".
_DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|\w+['’]s)\s+$")
_NOUN_AFTER = re.compile(r"\s+[\w\"“]")
# After "a", only a communication's noun is another act's: "said in a March 9 statement", "A July 17
# report found ..."; "during an overnight operation", "in a Monday raid" tell the event's own frame.
_ARTICLE_BEFORE = re.compile(r"\b[Aa]n?\s+$")
_COMMUNICATION_AFTER = re.compile(r"\s+(?:statement|report|letter|press\s+release|communiqu[eé]|interview|post"
                                  r"|tweet|speech|announcement|briefing|(?:news|press)\s+conference|article"
                                  r"|editorial|broadcast|video|op-ed)s?\b")
# The trigger within this many words after the modifying date is the noun it modifies.
_NOUN_PHRASE_WORDS = 3
_ATTRIBUTIVE_YEAR = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|\w+['’]s)\s+((?:1[89]|20)\d\d(?:[-–](?:(?:1[89]|20)?\d\d))?)"
                               r"\s+(?:[\w\"“”-]+\s+){0,2}$")


def names_another_noun(text: str, span: Span, trigger: Span) -> bool:
    """Whether the date modifies a noun other than the event's: "imprisoned over the 2016-2017
    protests" does not date the imprisonment, nor "its 2019 action plan" the abuse, nor "a
    February 1 statement" the killing the statement tells of."""
    before = max(0, span.start - 20)
    if not ((_DETERMINER_BEFORE.search(text, before, span.start) and _NOUN_AFTER.match(text, span.end))
            or (_ARTICLE_BEFORE.search(text, before, span.start) and _COMMUNICATION_AFTER.match(text, span.end))):
        return False
    after = text[span.end:trigger.start].split() if trigger.start >= span.end else None
    return after is None or len(after) >= _NOUN_PHRASE_WORDS


# An institution's act told as a participle after its noun: "Decree-Law 54, issued in September
# 2022", "the peace agreement signed in November 2022", "a life sentence imposed in 2011".
_ACT_PARTICIPLE = re.compile(r"(\b[\w-]+)(?:,)?\s+(?:issued|signed|adopted|passed|enacted|set\s+up|founded|established"
                             r"|imposed|introduced|launched|created|ratified|amended|handed\s+down|concluded)"
                             r"\s+(?:in|on)\s+$")


def participle_noun(text: str, span: Span) -> Span | None:
    """The noun a date dates through an institution's participle ("the agreement signed in
    November 2022": agreement), or None when the date follows no such participle."""
    found = _ACT_PARTICIPLE.search(text, max(0, span.start - 60), span.start)
    return Span.of(text, found.start(1), found.end(1)) if found else None


def attributive_year(text: str, trigger: Span) -> Span | None:
    """The year that modifies the event's own noun: "the 2013 protests", "the 2016-2017 Hirak protests"
    (a bare year is no date phrase of its own, ``patterns.py``)."""
    found = _ATTRIBUTIVE_YEAR.search(text, max(0, trigger.start - 50), trigger.start)
    return Span.of(text, found.start(1), found.end(1)) if found else None


# Prepositions that make the event the cause or topic of another act: "fined on 14 April over a
# protest", "sentenced in May for the killing". Not "after" ("on 9 May, after the arrest of ...",
# often the same day) nor "against" ("tear gas against students marching").
CAUSE = frozenset({"over", "for", "about"})
# Words that make the event the content of a charge, a suspicion or a commemoration: "brought
# before a court today on charges of kidnapping a fisherman", "arrested on Monday a man suspected of
# killing", "vigils this weekend to mark the anniversary of his detention": the day is the
# court's, the arrest's or the vigil's; the act's own is told elsewhere or unsaid.
CHARGED = frozenset({"charge", "charges", "accusation", "accusations", "allegation", "allegations", "suspicion",
                     "accused", "convicted", "guilty", "suspected", "anniversary", "anniversaries"})


def dates_the_governing_act(span: Span, tie: Attachment, trigger: Span, attachments: Sequence[Attachment]) -> bool:
    """Whether a date before the event dates the act it is the cause, topic or charged content of:
    the parse ties it above the preposition or charge that carries the event's predicate ("On 14
    April, a court fined a man over a protest": the fine's day, the protest's is unsaid; "before a
    court today on charges of kidnapping"); one after the event ("a protest on 2 April") is the event's own."""
    return any(word.relation in ("predicate", "shared") and word.span.text.lower() in CAUSE | CHARGED
               and span.end <= word.span.start < trigger.start and tie.depth > word.depth
               for word in attachments)
