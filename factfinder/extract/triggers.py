"""The trigger table: words and phrases that announce an incident of a type.

The table lives in ``factfinder/data/triggers.csv`` (data, not code). It is
compiled once into a single case-insensitive regular expression with one named
group per row, so scanning a document is one linear pass of the regex engine
over its text: this is what lets extraction skip the spaCy parser on every
sentence without a trigger. Inflections are generated from the lemma ("kill" ->
kills, killed, killing) so the table stays short and readable.

``extract_cues.csv`` holds the cue phrases (negation, hypothetical, background,
cumulative) that change what a trigger means; they are compiled here too.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from factfinder.errors import FactfinderError
from factfinder.model import INCIDENT_TYPES

DATA = Path(__file__).resolve().parent.parent / "data"
_VOWELS = "aeiou"


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of the trigger table."""

    type: str
    pattern: str
    pos: str
    context: re.Pattern[str] | None = None  # one of these words must be in the sentence


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """Where a trigger matched in the document text."""

    trigger: Trigger
    start: int
    end: int

    @property
    def type(self) -> str:
        return self.trigger.type


def verb_forms(lemma: str) -> list[str]:
    """Regular English inflections of a verb lemma (irregular ones are written out in the table)."""
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    else:
        suffix_s = "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s"
        forms |= {lemma + suffix_s, lemma + "ed", lemma + "ing"}
        # Consonant-vowel-consonant endings double in some verbs ("kidnapped",
        # "shelled"); generating both spellings is harmless.
        if len(lemma) >= 3 and lemma[-1] not in _VOWELS + "wxy" and lemma[-2] in _VOWELS \
                and lemma[-3] not in _VOWELS:
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return sorted(forms, key=len, reverse=True)


def noun_forms(noun: str) -> list[str]:
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return [noun + "es", noun]
    if noun.endswith("y") and noun[-2:-1] not in _VOWELS:
        return [noun[:-1] + "ies", noun]
    return [noun + "s", noun]


_GAP = r"(?:\W+\w+){0,5}?"


def _phrase_regex(phrase: str, pos: str) -> str:
    words = phrase.split()
    parts: list[str] = []
    for i, word in enumerate(words):
        if word == "...":
            parts.append(_GAP)
        elif pos == "V" and i == 0:
            parts.append("(?:" + "|".join(re.escape(f) for f in verb_forms(word)) + ")")
        elif pos == "N" and i == len(words) - 1:
            parts.append("(?:" + "|".join(re.escape(f) for f in noun_forms(word)) + ")")
        else:
            parts.append(re.escape(word))
    body = parts[0]
    for previous, part in zip(parts, parts[1:]):
        if part != _GAP:
            body += r"\W+" if previous == _GAP else r"[\s-]+"
        body += part
    return body


def _pattern_regex(pattern: str, pos: str) -> str:
    """A row's pattern: phrases separated by "|", each inflected by ``pos``."""
    phrases = sorted((p.strip() for p in pattern.split("|") if p.strip()), key=len, reverse=True)
    return "(?:" + "|".join(_phrase_regex(p, pos) for p in phrases) + ")"


def _rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            lines = [line for line in fh if not line.startswith("#")]
    except OSError as exc:
        raise FactfinderError(f"cannot read {path}: {exc.strerror}; reinstall factfinder") from exc
    return list(csv.DictReader(lines))


class TriggerTable:
    """The compiled trigger table; load once with ``TriggerTable.load()`` and reuse.

    Scanning is a word pass: every word of the text is looked up in a dict of
    the first words of all triggers, and only there is the trigger's full
    pattern tried. One big alternation regex was measured 10x slower.
    """

    def __init__(self, triggers: list[Trigger]) -> None:
        self.triggers = triggers
        self._by_first: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
        for i, trigger in enumerate(triggers):
            regex = re.compile(_pattern_regex(trigger.pattern, trigger.pos) + r"(?![\w-])")
            for key in _first_words(trigger):
                self._by_first.setdefault(key, []).append((i, regex))

    @classmethod
    def load(cls, path: Path | None = None) -> "TriggerTable":
        path = path or DATA / "triggers.csv"
        triggers = []
        for n, row in enumerate(_rows(path), start=2):
            kind = (row.get("type") or "").strip()
            if kind not in INCIDENT_TYPES:
                raise FactfinderError(f"{path} row {n}: unknown incident type {kind!r}; use one of DESIGN.md's taxonomy")
            requires = (row.get("requires") or "").strip()
            context = None
            if requires.startswith("context:"):
                words = [w for w in requires[len("context:"):].split("|") if w]
                context = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + ")", re.IGNORECASE)
            triggers.append(Trigger(kind, row["pattern"].strip().lower(), (row.get("pos") or "P").strip(), context))
        return cls(triggers)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[TriggerHit]:
        """Every trigger in ``text[start:end]``, leftmost-longest, not overlapping.

        Context conditions are not checked here (they depend on the sentence):
        see ``applies``.
        """
        end = len(text) if end is None else end
        lowered = text.lower() if len(text.lower()) == len(text) else None
        hits: list[TriggerHit] = []
        covered = start
        for word in _WORD.finditer(lowered if lowered is not None else text, start, end):
            if word.start() < covered:
                continue
            candidates = self._by_first.get(word.group().lower())
            if not candidates:
                continue
            # The longest match wins; a phrase listed under several types (each with its
            # own context condition) yields one hit per type, and the sentence decides.
            best: list[int] = []
            best_end = -1
            for index, regex in candidates:
                if lowered is not None:
                    match = regex.match(lowered, word.start(), end)
                else:
                    match = re.compile(regex.pattern, re.IGNORECASE).match(text, word.start(), end)
                if match is None or match.end() < best_end:
                    continue
                if match.end() > best_end:
                    best, best_end = [], match.end()
                if all(self.triggers[i].type != self.triggers[index].type for i in best):
                    best.append(index)
            if text[word.start():best_end] in _MONTHS:
                continue  # "in March" is the month, not a march
            for index in best:
                hits.append(TriggerHit(self.triggers[index], word.start(), best_end))
            if best:
                covered = best_end
        return hits

    @staticmethod
    def applies(hit: TriggerHit, text: str, start: int, end: int) -> bool:
        """Whether the hit's context condition holds in the sentence ``text[start:end]``."""
        context = hit.trigger.context
        return context is None or context.search(text, start, end) is not None


_WORD = re.compile(r"\w+")
# Month names that are also trigger words, matched case-sensitively as written.
_MONTHS = frozenset({"March"})


def _first_words(trigger: Trigger) -> set[str]:
    keys = set()
    for phrase in trigger.pattern.split("|"):
        words = phrase.split()
        if not words:
            continue
        if trigger.pos == "V":
            forms = verb_forms(words[0])
        elif trigger.pos == "N" and len(words) == 1:
            forms = noun_forms(words[0])
        else:
            forms = [words[0]]
        for form in forms:
            match = _WORD.match(form)
            if match:
                keys.add(match.group())
    return keys


@dataclass(frozen=True, slots=True)
class Cues:
    """Compiled cue phrases of ``extract_cues.csv``, one regex per kind."""

    negation: re.Pattern[str]
    hypothetical: re.Pattern[str]
    background: re.Pattern[str]
    cumulative: re.Pattern[str]
    aggregate: re.Pattern[str]
    period: re.Pattern[str]
    person: re.Pattern[str]
    link: re.Pattern[str]


@lru_cache(maxsize=2)
def load_cues(path: Path | None = None) -> Cues:
    path = path or DATA / "extract_cues.csv"
    by_kind: dict[str, list[str]] = {}
    for row in _rows(path):
        by_kind.setdefault(row["kind"].strip(), []).append(row["pattern"].strip())
    compiled = {}
    for kind in Cues.__slots__:
        patterns = by_kind.get(kind) or ["(?!x)x"]
        # a negation or hedge word that opens a compound is none: "would-be bombers" blew themselves up
        # (a year in a range, "since 2015-16", still ends a period or tally cue)
        end = r"(?![\w-])" if kind in ("negation", "hypothetical") else r"(?!\w)"
        compiled[kind] = re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")" + end, re.IGNORECASE)
    return Cues(**compiled)
