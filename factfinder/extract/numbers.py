"""Reading numbers as reports write them: "19,693", "1.2 million", "nearly a hundred", "dozens".

This module only turns words into values; deciding whether a number is a count
of people (and of what) is ``counts.py``'s job. It works on raw text with a
regular-expression tokenizer, so it is fast enough to run on every sentence
without spaCy. The vocabulary lives in ``data/count_lexicon.toml``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "count_lexicon.toml"

# Currency signs first so "$9" splits as "$" + "9"; digits keep thousands
# separators, decimals and a glued ordinal suffix ("16th") together.
_TOKEN_RE = re.compile(
    r"US\$|[$€£¥₹]|\d+(?:[.,]\d+)*(?:st|nd|rd|th)?|[^\W\d_]+(?:['’][^\W\d_]+)*|\S"
)
_DIGITS_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    lower: str

    @property
    def is_digit(self) -> bool:
        return self.text[0].isdigit()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The count vocabulary of ``data/count_lexicon.toml``, as lookup tables."""

    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    vague: dict[str, int]
    hedges: tuple[tuple[tuple[str, ...], str], ...]  # (words, qualifier), longest first
    currency_signs: dict[str, str]
    currency_words: dict[str, str]
    measures: frozenset[str]  # durations, measures and records: never a count of people
    agents: frozenset[str]  # heads naming who acts ("two police officers")
    labels: frozenset[str]
    months: frozenset[str]
    people: frozenset[str]
    singular_people: frozenset[str]
    modifiers: frozenset[str]
    households: frozenset[str]
    property: frozenset[str]
    things: frozenset[str]
    cues: dict[str, str]  # cue word -> category (first table wins)
    head_categories: dict[str, str]
    category_order: tuple[str, ...]

    @classmethod
    def load(cls, path: Path = LEXICON_PATH) -> "Lexicon":
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        hedges = [(tuple(phrase.split()), qual)
                  for qual, phrases in data["hedges"].items() for phrase in phrases]
        hedges.sort(key=lambda item: -len(item[0]))
        cues: dict[str, str] = {}
        for category, words in data["categories"].items():
            for word in words:
                cues.setdefault(word, category)
        nouns = data["nouns"]
        skip = data["not_counts"]
        return cls(
            units=data["numbers"]["units"], tens=data["numbers"]["tens"],
            scales=data["numbers"]["scales"], vague=data["vague"], hedges=tuple(hedges),
            currency_signs=data["currencies"]["signs"], currency_words=data["currencies"]["words"],
            measures=frozenset(skip["measures"]) | frozenset(skip["records"]), labels=frozenset(skip["labels"]),
            agents=frozenset(skip["agents"]),
            months=frozenset(skip["months"]), people=frozenset(nouns["people"]),
            singular_people=frozenset(nouns["singular_people"]), modifiers=frozenset(nouns["modifiers"]),
            households=frozenset(nouns["households"]), property=frozenset(nouns["property"]),
            things=frozenset(nouns["things"]), cues=cues, head_categories=data["head_categories"],
            category_order=tuple(data["categories"]),
        )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon, read once per process on first use."""
    return Lexicon.load()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word, number and punctuation tokens of text[start:end] with absolute offsets."""
    end = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end(), m.group().lower()) for m in _TOKEN_RE.finditer(text, start, end)]


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number expression: tokens [first, last] and its value."""

    first: int
    last: int
    value: float
    vague: bool = False  # a conventional value for "dozens", "several", ...
    word_article: bool = False  # "a"/"an" standing for one ("a man")


def digit_value(token: str) -> float | None:
    """The value of "19,693", "813,500", "1.2", "19693"; None for "1,2,3" or "16th"."""
    m = _DIGITS_RE.fullmatch(token)
    if not m:
        return None
    return float(token.replace(",", ""))


def _is_numeric_word(word: str, lex: Lexicon) -> bool:
    return word in lex.units or word in lex.tens or word in ("hundred", "thousand", "million", "billion")


def parse_number(tokens: list[Token], i: int, text: str, lex: Lexicon) -> NumberMatch | None:
    """The number expression starting at tokens[i], if any."""
    tok = tokens[i]
    word = tok.lower
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if tok.is_digit:
        value = digit_value(tok.text)
        if value is None:
            return None
        last = i
        # "1.2 million", "9 million", "$9m" (glued), "two dozen" is handled below
        if i + 1 < len(tokens) and nxt in lex.scales and nxt not in ("m", "mn", "bn") or (
                nxt in ("m", "mn", "bn") and tokens[i + 1].start == tok.end):
            value *= lex.scales[nxt]
            last = i + 1
        elif nxt == "dozen":
            value *= 12
            last = i + 1
        return NumberMatch(i, last, value)
    if word in ("a", "an", "one") and nxt in ("hundred", "thousand", "million", "billion", "dozen"):
        if nxt == "dozen":
            return NumberMatch(i, i + 1, 12, vague=True)
        match = _parse_words(tokens, i + 1, text, lex)
        return match and NumberMatch(i, match.last, match.value)
    if word in ("a", "an", "another"):  # "another" suspect: one more, offered like "a suspect"
        return NumberMatch(i, i, 1, word_article=True)
    if word == "half" and nxt == "a" and i + 2 < len(tokens) and tokens[i + 2].lower in ("million", "billion"):
        return NumberMatch(i, i + 2, lex.scales[tokens[i + 2].lower] / 2)
    vague = _parse_vague(tokens, i, lex)
    if vague is not None:
        return vague
    if _is_numeric_word(word, lex):
        return _parse_words(tokens, i, text, lex)
    return None


def _parse_vague(tokens: list[Token], i: int, lex: Lexicon) -> NumberMatch | None:
    words = [t.lower for t in tokens[i:i + 4]]
    if words[:3] in (["tens", "of", "thousands"], ["hundreds", "of", "thousands"]):
        return NumberMatch(i, i + 2, lex.vague[" ".join(words[:3])], vague=True)
    word = words[0]
    if word not in lex.vague or word == "dozen":
        return None
    following = words[1] if len(words) > 1 else ""
    if word in ("scores", "millions") and following != "of":
        return None  # "scores" in sport, "millions" of dollars without a currency
    if word in ("dozens", "hundreds", "thousands", "scores", "millions") and following == "of":
        return NumberMatch(i, i + 1, lex.vague[word], vague=True)
    return NumberMatch(i, i, lex.vague[word], vague=True)


def _parse_words(tokens: list[Token], i: int, text: str, lex: Lexicon) -> NumberMatch | None:
    """"twenty-three", "eight hundred thousand", "two hundred and fifty"."""
    total = current = 0
    last = None
    j = i
    while j < len(tokens):
        word = tokens[j].lower
        if word in lex.units or word in lex.tens:
            current += lex.units.get(word, 0) + lex.tens.get(word, 0)
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in ("thousand", "million", "billion"):
            total += max(current, 1) * lex.scales[word]
            current = 0
        elif word in ("-", "and") and j + 1 < len(tokens) and last is not None and (
                tokens[j + 1].lower in lex.units or tokens[j + 1].lower in lex.tens):
            # "twenty-three" (glued hyphen only) and "two hundred and fifty"
            if word == "-" and (tokens[j].start != tokens[j - 1].end or tokens[j + 1].start != tokens[j].end):
                break
            if word == "and" and tokens[last].lower not in ("hundred", "thousand", "million"):
                break
            j += 1
            continue
        else:
            break
        last = j
        j += 1
    if last is None:
        return None
    return NumberMatch(i, last, float(total + current))
