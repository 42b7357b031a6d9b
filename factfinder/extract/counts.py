"""Counts with hedges: "arrested nearly a hundred local residents" -> approx 100 arrested.

``find_counts`` reads every count of people, households, property or money in a
stretch of raw text, with its qualifier (exact, approx, at_least, ...), unit and
category (killed, arrested, displaced, ...). It runs without spaCy on word
windows bounded by clauses, because it is called on every trigger sentence.

Its category is read from the words that govern it (extract/count_category.py).
Conventions are documented in docs/extraction-fields.md.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factfinder.extract.numbers import Lexicon, NumberMatch, Token, digit_value, lexicon, parse_number, tokenize
from factfinder.extract.count_category import (
    AUXILIARIES, CLAUSE_STOPS, Candidate, count_category,
)
from factfinder.model import Count, Span

_ABBREVIATIONS = frozenset("mr mrs ms dr gen lt col maj capt sgt st no vs jr sr prof rev u.s u.k".split())
_NP_STOPS = frozenset("of to at the a an in on from who that which and or by with for as".split())
# Nouns of an act whose "of" phrase names the one person it befell ("the killing of a journalist").
_ACTS = ("ion", "ing", "der", "ath", "rest")
_TIME_AFTER = re.compile(r"\s*(?:GMT|UTC|hrs\b|h\b|[ap]\.?m\.?(?!\w)|o'clock|local time)", re.IGNORECASE)




def find_counts(text: str, start: int = 0, end: int | None = None) -> list[Count]:
    """Every count in text[start:end], with absolute offsets, in text order."""
    lex = lexicon()
    tokens = tokenize(text, start, end)
    boundaries = _boundaries(text, tokens)
    candidates: list[Candidate] = []
    i = 0
    starts = _number_starts()
    while i < len(tokens):
        if not (tokens[i].is_digit or tokens[i].lower in starts):
            i += 1
            continue
        match = parse_number(tokens, i, text, lex)
        if match is None:
            i += 1
            continue
        candidate = _candidate(text, tokens, match, lex)
        if candidate is None:
            i = match.first + 1 if match.word_article else match.last + 1
            continue
        candidates.append(candidate)
        i = candidate.head + 1 if candidate.number.word_article else candidate.last + 1
    counts = []
    for index, cand in enumerate(candidates):
        if cand.number.word_article:
            # "a man" is a count only when an event verb governs it closely, and not
            # when it is one of a larger count ("15 civilians, including a priest")
            if _is_subset(tokens[max(0, cand.first - 8):cand.first]):
                continue
            cand.category = count_category(tokens, boundaries, candidates, index, lex, reach=4)
            if cand.category == "other":
                continue
        else:
            cand.category = count_category(tokens, boundaries, candidates, index, lex)
        counts.append(cand)
    _demote_subsets(tokens, boundaries, counts)
    return [Count(c.category, c.value, c.qualifier, c.unit,
                  Span.of(text, tokens[c.first].start, tokens[c.last].end)) for c in counts]


@lru_cache(maxsize=1)
def _number_starts() -> frozenset[str]:
    """Words that can open a number expression; every other word is skipped at once."""
    lex = lexicon()
    firsts = {phrase.split()[0] for phrase in lex.vague}
    return frozenset(set(lex.units) | set(lex.tens) | firsts | {"a", "an", "another", "half", "hundred", "thousand"})


def _boundaries(text: str, tokens: list[Token]) -> list[bool]:
    """Per token: does a sentence or clause end here (". ; :" or a line break before the next)?"""
    marks = []
    for k, tok in enumerate(tokens):
        hard = tok.text in ("!", "?", ";", ":")
        if tok.text == "." and k > 0:
            prev = tokens[k - 1]
            hard = not (prev.lower in _ABBREVIATIONS or (len(prev.text) == 1 and prev.text.isupper()))
        if k + 1 < len(tokens) and "\n" in text[tok.end:tokens[k + 1].start]:
            hard = True
        marks.append(hard)
    return marks


def _glued(text: str, start: int, end: int) -> bool:
    """A number inside a code, date, time, score or compound: 2012-03-S-114, 10:30, 85-page, M23."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    after2 = text[end + 1] if end + 1 < len(text) else " "
    if before.isalnum() or before in "-/:#.+_" or after.isalpha() or after in "%_":
        return True
    return after in "-/:." and after2.isalnum()


def _not_a_count(text: str, tokens: list[Token], match: NumberMatch, lex: Lexicon) -> bool:
    """A number that is part of something else: glued to other characters, an ordinal, a rate,
    a label's number ("Article 5"), a name's, an age, a measure, a time or a date."""
    first_tok, last_tok = tokens[match.first], tokens[match.last]
    if _glued(text, first_tok.start, last_tok.end) and not (
            first_tok.is_digit and text[first_tok.start - 1:first_tok.start] in ("$", "€", "£", "¥", "₹")):
        return True
    if first_tok.is_digit and first_tok.text[-1].isalpha():
        return True  # ordinal "16th"
    if first_tok.is_digit and "." in first_tok.text and match.first == match.last:
        currency_before = match.first > 0 and tokens[match.first - 1].text in lex.currency_signs
        if not currency_before:
            return True  # "2.5" alone is a measure or a rate, never a count of people
    prev = tokens[match.first - 1].lower if match.first > 0 else ""
    if prev in lex.labels or prev == "#" or (prev == "." and match.first > 1 and tokens[match.first - 2].lower
                                             in lex.labels):
        return True  # "Article 5", "Penal Colony No. 6"
    if first_tok.is_digit and _in_name(tokens, match.first, lex):
        return True
    nxt = tokens[match.last + 1].lower if match.last + 1 < len(tokens) else ""
    if first_tok.is_digit and match.first == match.last and _age_after_name(tokens, match, nxt):
        return True
    if nxt in lex.measures or nxt in ("%", "per") or _TIME_AFTER.match(text, last_tok.end):
        return True
    return _is_date(tokens, match, lex)


def _age_after_name(tokens: list[Token], match: NumberMatch, nxt: str) -> bool:
    """"Tomas Vidal, 72, was found dead": a number set off by commas right after a name is the
    person's age (an apposition), never a count; "In Kabul, 12 people were killed" has its people
    after the number, not a comma."""
    index = match.first
    if index < 2 or nxt != "," or tokens[index - 1].text != ",":
        return False
    name = tokens[index - 2].text
    return name[:1].isupper() and name.isalpha() and 0 < match.value < 120


def _a_year(tokens: list[Token], match: NumberMatch, lex: Lexicon, currency: tuple[str, int, int] | None) -> bool:
    """"in 2019": four digits of a plausible year, not money, and no people or households after them."""
    first_tok = tokens[match.first]
    nxt = tokens[match.last + 1].lower if match.last + 1 < len(tokens) else ""
    return bool(first_tok.is_digit and match.first == match.last and re.fullmatch(r"\d{4}", first_tok.text)
                and 1800 <= match.value <= 2100 and currency is None and nxt not in lex.people
                and nxt not in lex.households)


def _candidate(text: str, tokens: list[Token], match: NumberMatch, lex: Lexicon) -> Candidate | None:
    if match.word_article:
        return _article_candidate(tokens, match, lex)
    if _not_a_count(text, tokens, match, lex):
        return None
    currency = _currency(tokens, match, lex)
    if _a_year(tokens, match, lex, currency) or _phone_like(tokens, match):
        return None
    value = match.value
    first = match.first
    last = match.last
    unit = "people"
    if currency is not None:
        unit, sign_before, words_after = currency
        first -= sign_before
        last += words_after
    # "more than eight hundred thousand (813,500)": the bracket holds the exact figure of the same count
    qualifier = _vague_qualifier(tokens, match) if match.vague else "exact"
    exact = _bracketed_figure(tokens, last, value)
    if exact is not None:
        value, last = exact
    hedge = _hedge(tokens, first, lex)
    if hedge is not None:
        first, hedged = hedge
        qualifier = qualifier if exact is not None else hedged
    head, head_word = last, ""
    if currency is None:
        noun = _head_noun(tokens, last, lex)
        if noun is not None:
            head, head_word, unit = noun
            if unit == "":
                return None  # a measure: "several days"
        elif match.vague and tokens[match.first].lower in ("several", "multiple", "numerous"):
            return None
        elif tokens[match.first].lower == "one":
            return None  # "one of", "no one", "one day": a pronoun unless a noun follows
    if value == 0 and head_word not in lex.people:
        return None  # "zero tolerance", "zero hour"
    if (head_word in lex.agents or tokens[head].lower in lex.agents) and _acting(tokens, first, head, lex):
        return None  # "two police officers shot a man": who acted, not who suffered
    cand = Candidate(first, match, last, head, value, qualifier, unit, head_word)
    if currency is not None:
        cand.category = "money"
    return cand


# Words after which a number still counts although a capitalised word precedes it.
_CAPITALISED_BEFORE_COUNT = frozenset("over about some around nearly almost at least more than and including "
                                      "another further all".split())
# Verbs of judging: "convicted two police officers" names the accused, not victims.
_JUDGING = frozenset("convicted charged sentenced tried acquitted prosecuted indicted suspended dismissed "
                     "identified named accused".split())
# Verbs of harm that, right after "two officers", make them the ones who acted.
_HARM_ACTIVE = frozenset("shot beat tortured killed arrested detained attacked raped fired opened stormed "
                         "abducted assaulted hit kicked whipped stabbed dragged burned raided seized".split())


def _vague_qualifier(tokens: list[Token], match: NumberMatch) -> str:
    """"dozens", "hundreds of", "several": at least the conventional value (the least the word can
    mean, as event coders read it); "a dozen", "two dozen" are about that many."""
    words = [t.lower for t in tokens[match.first:match.last + 1]]
    if any(w.endswith("s") and w != "dozens" or w in ("dozens", "several", "multiple", "numerous") for w in words):
        return "at_least"
    return "approx"


def _in_name(tokens: list[Token], first: int, lex: Lexicon) -> bool:
    """A number right after a capitalised word inside a sentence is part of a name: "Prison 313",
    "Badr 3 prison", "Decree-Law 54", "Branch 215" (a month or a hedge before it aside)."""
    if first < 2:
        return False
    prev, before = tokens[first - 1], tokens[first - 2]
    if not (prev.text[:1].isupper() and prev.text.isalpha()):
        return False
    if prev.lower in lex.months or prev.lower in _CAPITALISED_BEFORE_COUNT:
        return False
    return before.text not in (".", "!", "?", ":", ";", "\"", "“", "(") and not before.text.isdigit()


def _acting(tokens: list[Token], first: int, head: int, lex: Lexicon) -> bool:
    """Whether the people a number counts are the agents: judged for an act or doing it."""
    if any(t.lower in _JUDGING for t in tokens[max(0, first - 3):first]):
        return True
    while head + 1 < len(tokens) and tokens[head + 1].lower in lex.agents:
        head += 1  # "police officers"
    nxt = tokens[head + 1].lower if head + 1 < len(tokens) else ""
    after = tokens[head + 2].lower if head + 2 < len(tokens) else ""
    return nxt in _HARM_ACTIVE and after not in ("in", "by", "on", "at", "during", "near", ".", ",", "while", "when")


def _article_candidate(tokens: list[Token], match: NumberMatch, lex: Lexicon) -> Candidate | None:
    """"a man", "an insurgent": one person, offered only when an event verb governs it (checked later)."""
    prev = tokens[match.first - 1].lower if match.first > 0 else ""
    act = tokens[match.first - 2].lower if match.first > 1 else ""
    if prev in ("including", "as", "like", "by") or (prev == "of" and not (act in lex.cues and act.endswith(_ACTS))):
        return None  # "the wife of a man", "in custody of a woman", but "the execution of a captured soldier"
    for k in range(match.first + 1, min(match.first + 7, len(tokens))):
        word = tokens[k].lower
        if word in lex.singular_people:
            return Candidate(match.first, match, match.first, k, 1, "exact", "people", word)
        glued = tokens[k].start == tokens[k - 1].end or (k + 1 < len(tokens) and tokens[k + 1].start == tokens[k].end
                                                         and tokens[k + 1].text == "-")
        if word in lex.modifiers or tokens[k].text[:1].isupper() or (word == "-" and glued) or (
                glued and (word in ("year", "month", "week", "old") or word in lex.units or word in lex.tens
                           or tokens[k].is_digit)):
            continue  # "an additional suspected insurgent", "a Hezb-e Islami facilitator", "a nine-year-old boy"
        if not tokens[k].text.isalpha() or word in lex.measures or word in _NP_STOPS or (
                word in lex.people and tokens[k].text.islower()):
            return None
    return None


def _is_date(tokens: list[Token], match: NumberMatch, lex: Lexicon) -> bool:
    """A day of the month: "November 16", "16 November", "between 10 and 12 March"."""
    if match.value > 31 or not tokens[match.first].is_digit:
        return False
    joiners = {"and", "to", "-", "–", ",", "of", "the", "."}
    for step in (-1, 1):
        k = match.first - 1 if step < 0 else match.last + 1
        for _ in range(4):
            if not 0 <= k < len(tokens):
                break
            word = tokens[k].lower
            if word in lex.months:
                return True
            if word not in joiners and not (tokens[k].is_digit and len(tokens[k].text) <= 4):
                break
            k += step
    return False


def _phone_like(tokens: list[Token], match: NumberMatch) -> bool:
    prev = tokens[match.first - 1] if match.first > 0 else None
    nxt = tokens[match.last + 1] if match.last + 1 < len(tokens) else None
    if prev is not None and (prev.text == "+" or (prev.is_digit and "," not in prev.text)):
        return True
    return nxt is not None and nxt.is_digit and "," not in nxt.text and tokens[match.first].is_digit


def _currency(tokens: list[Token], match: NumberMatch, lex: Lexicon) -> tuple[str, int, int] | None:
    """(unit, tokens of sign before, tokens of words after) when the number is money."""
    if match.first > 0:
        prev = tokens[match.first - 1]
        if prev.text in lex.currency_signs:
            return lex.currency_signs[prev.text], 1, 0
        if prev.lower in lex.currency_words and prev.text.isupper():
            return lex.currency_words[prev.lower], 1, 0  # "USD 9 million"
    k = match.last + 1
    if k < len(tokens):
        word = tokens[k].lower
        if word in ("us", "u.s") and k + 1 < len(tokens) and tokens[k + 1].lower in ("dollars", "dollar"):
            return "USD", 0, 2
        if k + 2 < len(tokens) and f"{word} {tokens[k + 1].lower} {tokens[k + 2].lower}" in lex.currency_words:
            return lex.currency_words[f"{word} {tokens[k + 1].lower} {tokens[k + 2].lower}"], 0, 3
        if k + 1 < len(tokens) and f"{word} {tokens[k + 1].lower}" in lex.currency_words:
            return lex.currency_words[f"{word} {tokens[k + 1].lower}"], 0, 2
        if word in lex.currency_words:
            return lex.currency_words[word], 0, 1
    return None


def _bracketed_figure(tokens: list[Token], last: int, value: float) -> tuple[float, int] | None:
    if last + 3 < len(tokens) and tokens[last + 1].text == "(" and tokens[last + 3].text == ")":
        figure = digit_value(tokens[last + 2].text)
        if figure and 0.5 <= figure / max(value, 1) <= 2:
            return figure, last + 3
    return None


def _hedge(tokens: list[Token], first: int, lex: Lexicon) -> tuple[int, str] | None:
    for words, qualifier in lex.hedges:
        n = len(words)
        if first - n >= 0 and tuple(t.lower for t in tokens[first - n:first]) == words:
            if words == ("over",) and first > 1 and (tokens[first - 2].lower in lex.people
                                                     or tokens[first - 2].lower in lex.agents):
                return None  # "charged ten officers over 127 killings": what they are charged for
            return first - n, qualifier
    return None


# "several of his associates", "numerous of the detainees": a part of a group named after "of".
_PARTITIVE = frozenset({"his", "her", "their", "its", "the"})
_VAGUE_PARTS = frozenset({"several", "multiple", "numerous"})  # "one of the guards" stays a pronoun


def _head_noun(tokens: list[Token], last: int, lex: Lexicon) -> tuple[int, str, str] | None:
    """(token index, word, unit) of the noun a number counts; unit "" for a measure."""
    k = last + 1
    if tokens[last].lower in _VAGUE_PARTS and k + 2 < len(tokens) and tokens[k].lower == "of" \
            and tokens[k + 1].lower in _PARTITIVE \
            and tokens[k + 2].lower in lex.people:
        return k + 2, tokens[k + 2].lower, "people"
    if tokens[last].lower in _VAGUE_PARTS and k + 1 < len(tokens) and tokens[k].lower == "of" \
            and tokens[k + 1].lower in ("them", "those"):
        return k + 1, tokens[k + 1].lower, "people"  # "several of them died of thirst": at least 3
    for _ in range(4):
        if k >= len(tokens):
            return None
        tok = tokens[k]
        word = tok.lower
        if word == "-" and k + 1 < len(tokens):  # "war-torn refugees"
            k += 1
            continue
        if word in lex.measures:
            return k, word, ""
        if word in lex.people:
            return k, word, "people"
        if word in lex.households:
            return k, word, "households"
        if word in lex.property:
            return k, word, _property_unit(word)
        if word in lex.things:
            return k, word, word
        if not tok.text.isalpha() or word in _NP_STOPS or word in AUXILIARIES or word in lex.cues \
                or word in CLAUSE_STOPS:
            return None
        if k == last + 1 and tok.text.islower() and word.endswith("s") and word not in lex.modifiers:
            return k, word, word  # an unknown plural noun right after the number: "two campuses"
        k += 1
    return None


def _property_unit(word: str) -> str:
    if word in ("villages", "village", "hamlets", "settlements", "towns"):
        return "villages"
    if word in ("houses", "house", "homes", "home", "dwellings", "huts", "shelters", "apartments", "tents"):
        return "houses"
    return "buildings"




def _demote_subsets(tokens: list[Token], boundaries: list[bool], counts: list[Candidate]) -> None:
    """"15 civilians killed, including two children": the part is already in the total."""
    for prev, cand in zip(counts, counts[1:]):
        lo = max(prev.head + 1, cand.first - 6)
        if any(boundaries[lo - 1:cand.first]) or prev.category != cand.category or cand.category == "money":
            continue
        if _is_subset(tokens[lo:cand.first]):
            cand.category = "other"


def _is_subset(window: list[Token]) -> bool:
    words = [t.lower for t in window]
    if "including" in words or "included" in words:
        return True
    pairs = set(zip(words, words[1:]))
    return bool(pairs & {("among", "them"), ("among", "whom"), ("of", "whom"), ("of", "them"), ("of", "those")})
