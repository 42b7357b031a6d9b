"""A cheap rule-based sentence splitter that keeps document offsets.

Why not spaCy's parser for this: extraction parses only the sentences that hold
a trigger (see ``extractor.py``), so it must find sentence boundaries before
any model runs. The rules are the usual ones of news text: a sentence never
crosses a line break (paragraphs, headlines and datelines are separate lines),
and inside a line it ends at ``.``, ``!`` or ``?`` (plus closing quotes or
brackets) followed by white space and a capital, digit or opening quote, unless
the word before the stop is a known abbreviation ("Mr.", "Gen.", "Jan.") or a
single capital letter ("U.S.", "J. Smith").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factfinder.text.datelines import dateline_segment_end

# Abbreviations common in news and press releases (titles, ranks, months,
# corporate suffixes); a stop after them does not end a sentence.
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st mt ft gen maj col lt capt cpt sgt cpl pvt adm cmdr gov sen rep rev hon pres
jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc inc ltd co corp dept est approx fig
u.s u.k u.n e.g i.e a.m p.m
""".split())

# A "sentence" longer than this (a table, a run-on machine translation, a text
# without punctuation) is cut at white space, so no parse sees a huge input.
MAX_SENTENCE_CHARS = 1500

_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
_LINE = re.compile(r"[^\n]+")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_LONGEST_WORD = 64  # longer than any abbreviation; a longer word is cut, and still none


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its half-open document offsets and the paragraph (line block) it sits in."""

    start: int
    end: int
    paragraph: int


def _is_abbreviation(line: str, stop: int) -> bool:
    # Only the last few characters can hold the word: searching the whole line before every
    # stop made a one-line page of thousands of sentences quadratic.
    match = _WORD_BEFORE.search(line, max(0, stop - _LONGEST_WORD), stop)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    # A single letter ("J. Smith", "U.S.") is an initial, not the end of a sentence.
    return len(word) == 1 and word.isalpha()


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of ``text[start:end]`` in order, trimmed of surrounding white space.

    Offsets are into ``text`` itself, so ``text[s.start:s.end]`` is the sentence.
    """
    end = len(text) if end is None else end
    sentences: list[Sentence] = []
    paragraph = 0
    last_line_end = start
    for line_match in _LINE.finditer(text, start, end):
        if text.count("\n", last_line_end, line_match.start()) > 1:
            paragraph += 1
        last_line_end = line_match.end()
        line = line_match.group()
        base = line_match.start()
        cursor = 0
        # A news dateline opening a line ("HERAT, Afghanistan (Oct. 9, 2012) –") is not part of
        # the sentence after it: it names where the report was filed, so it is a segment of its own.
        dateline_end = dateline_segment_end(line)
        if dateline_end is not None:
            _append(sentences, text, base, base + dateline_end, paragraph)
            cursor = dateline_end
        for stop in _END.finditer(line, cursor):
            if _is_abbreviation(line, stop.start()):
                continue
            _append(sentences, text, base + cursor, base + stop.end(), paragraph)
            cursor = stop.end()
        _append(sentences, text, base + cursor, base + len(line), paragraph)
        paragraph += 1 if not line.rstrip().endswith(":") else 0
    return sentences


def _append(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        _append(out, text, start, cut, paragraph)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(start, end, paragraph))
