"""Text cut into search keys for any script: what the full-text index stores and a query looks up.

SQLite's own tokenizers cut words at spaces and punctuation, so they find
nothing inside Burmese or Chinese (written without spaces), and FTS5's trigram
tokenizer cannot look up a two-character Chinese word. Here each script is cut
its own way, and the index is fed the keys, one per position, joined by spaces
(FTS5's ``ascii`` tokenizer then only splits at those spaces):

- **Chinese and Japanese kana**: overlapping character bigrams (``酷刑罪`` ->
  ``酷刑 刑罪``), plus the run's last character alone, so every character starts a
  key. A query of two or more characters is the phrase of its bigrams; one
  character is a prefix query. Bigrams need no dictionary and find a word
  whatever segmentation the context would give it.
- **Burmese**: syllables (a consonant starts one unless an asat or a virama ties
  it to the previous syllable). A query word is the phrase of its syllables, so it
  is found inside unspaced text. Dictionary word breaks would cut the same word
  differently in another context.
- **Every other script**: ICU word breaks (PyICU; dictionaries for Thai, Lao and
  Khmer), then per script: Latin words lose their accents and are stemmed with
  the English Snowball stemmer, Cyrillic words with the Russian one, Arabic-script
  words lose their vowel marks and tatweel and go through the Arabic stemmer, so
  an inflected form finds its siblings.
- **Digits** of every script (Burmese ``၂၀၂၁``, Arabic-Indic ``٢٠٢١``, Persian)
  become ASCII digits, so ``2021`` finds them all.

The same function cuts the document and the query, so both sides always agree.
Keys keep their character offsets in the text: the snippet marks exactly what
matched (store/search.py). Values tier: the store imports it, and no stage.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

MAX_QUERY_WORDS = 12  # a pasted paragraph stays a cheap query

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_MYANMAR = "\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff"
# A run of one script family: CJK, Burmese, or anything else (ICU decides).
_RUNS = re.compile(f"(?P<cjk>[{_CJK}]+)|(?P<mya>[{_MYANMAR}\u200c\u200d]+)|(?P<other>[^{_CJK}{_MYANMAR}]+)")
# Burmese: a syllable starts at a consonant that no virama (U+1039) precedes and no
# asat (U+103A) or virama follows, at an independent vowel or symbol, and a digit run
# is one key; signs (U+1031-U+103E, U+1056-...) attach to the syllable before them.
_MYA_DIGITS = re.compile("[\u1040-\u1049\u1090-\u1099]+")
_MYA_BREAK = re.compile("(?<!\u1039)[\u1000-\u102a\u103f\u104c-\u104f\u1050-\u1055\u105a-\u105d\u1061"
                        "\u1065\u1066\u106e-\u1070\u1075-\u1081\u108e](?![\u103a\u1039])")
_MYA_PUNCT = re.compile("[\u104a\u104b\u200c\u200d]")
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


@dataclass(frozen=True)
class Key:
    """One index key and the characters of the text it came from."""

    start: int
    end: int
    key: str


def _digits(word: str) -> str:
    """Decimal digits of any script as ASCII ("၂၀၂၁" and "٢٠٢١" -> "2021")."""
    if word.isascii():
        return word
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in word)


@functools.lru_cache(maxsize=1)
def _stemmers() -> dict[str, Any]:
    import snowballstemmer

    return {name: snowballstemmer.stemmer(name) for name in ("english", "russian", "arabic")}


@functools.lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """The key of one word: digits as ASCII, case folded, stemmed where its script has a stemmer."""
    word = _digits(unicodedata.normalize("NFKC", word)).casefold()
    if word.isdigit():
        return word
    first = next((ch for ch in word if ch.isalpha()), "")
    name = unicodedata.name(first, "") if first else ""
    if name.startswith("LATIN"):
        bare = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
        return str(_stemmers()["english"].stemWord(bare))
    if name.startswith("CYRILLIC"):
        return str(_stemmers()["russian"].stemWord(word.replace("ё", "е")))
    if name.startswith("ARABIC"):
        # Snowball's Arabic stemmer is light: one pass leaves "صحفيين" as "صحفي", whose own
        # stem is "صحف"; stemming until nothing changes gives every form one key.
        stem = _ARABIC_MARKS.sub("", word)
        for _ in range(3):
            shorter = str(_stemmers()["arabic"].stemWord(stem))
            if shorter == stem or len(shorter) < 3:
                break
            stem = shorter
        return stem
    return word


@functools.lru_cache(maxsize=1)
def _word_breaker() -> Any:
    import icu

    return icu.BreakIterator.createWordInstance(icu.Locale.getRoot())


# Scripts whose words only a dictionary finds (no spaces): ICU's word breaks read them.
_DICTIONARY_SCRIPTS = re.compile("[\u0e00-\u0eff\u0f00-\u0fff\u1780-\u17ff\u1950-\u19df\u1a20-\u1aaf]")
# Elsewhere a word is a run of letters, digits and combining marks (Arabic vowel signs,
# Devanagari matras): what ICU's word breaks give for these scripts, at a tenth of the cost.
_MARKS = "".join(chr(c) for c in range(0x300, 0x10000)
                 if unicodedata.category(chr(c)) in ("Mn", "Mc", "Me") and not 0xD800 <= c < 0xE000)
_WORD = re.compile(f"(?:[^\\W_]|[{re.escape(_MARKS)}])+")
_ASCII_WORD = re.compile("[A-Za-z0-9]+")  # _WORD on ASCII text


def _other_keys(text: str, offset: int) -> Iterator[Key]:
    """Words of a run of any script but CJK and Burmese (ICU where a dictionary is needed); no punctuation."""
    if _DICTIONARY_SCRIPTS.search(text):
        yield from _icu_keys(text, offset)
        return
    for match in _WORD.finditer(text):
        key = word_key(match.group())
        if key:
            yield Key(offset + match.start(), offset + match.end(), key)


def _icu_keys(text: str, offset: int) -> Iterator[Key]:
    import icu

    breaker = _word_breaker()
    breaker.setText(text)
    # ICU counts UTF-16 code units; map them back to Python's code points
    utf16 = [0] * (len(text.encode("utf-16-le")) // 2 + 1)
    unit = 0
    for i, ch in enumerate(text):
        utf16[unit] = i
        unit += 2 if ord(ch) > 0xFFFF else 1
    utf16[unit] = len(text)
    start = 0
    for end_unit in breaker:
        end = utf16[end_unit]
        if breaker.getRuleStatus() >= icu.UWordBreak.NONE_LIMIT:
            for match in _WORD.finditer(text, start, end):
                key = word_key(match.group())
                if key:
                    yield Key(offset + match.start(), offset + match.end(), key)
        start = end


def _cjk_keys(text: str, offset: int) -> Iterator[Key]:
    for i in range(len(text) - 1):
        yield Key(offset + i, offset + i + 2, text[i:i + 2])
    yield Key(offset + len(text) - 1, offset + len(text), text[-1])


def _myanmar_keys(text: str, offset: int) -> Iterator[Key]:
    for piece_start, piece in _split_keep(text, _MYA_PUNCT):
        position = 0
        for digits in _MYA_DIGITS.finditer(piece):
            yield from _myanmar_syllables(piece[position:digits.start()], offset + piece_start + position)
            yield Key(offset + piece_start + digits.start(), offset + piece_start + digits.end(),
                      _digits(digits.group()))
            position = digits.end()
        yield from _myanmar_syllables(piece[position:], offset + piece_start + position)


def _split_keep(text: str, separator: re.Pattern[str]) -> Iterator[tuple[int, str]]:
    position = 0
    for match in separator.finditer(text):
        if match.start() > position:
            yield position, text[position:match.start()]
        position = match.end()
    if position < len(text):
        yield position, text[position:]


def _myanmar_syllables(text: str, offset: int) -> Iterator[Key]:
    starts = [m.start() for m in _MYA_BREAK.finditer(text)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    for begin, end in zip(starts, starts[1:] + [len(text)]):
        if end > begin:
            yield Key(offset + begin, offset + end, text[begin:end])


def index_keys(text: str) -> list[Key]:
    """Every key of ``text`` in order, with its offsets."""
    keys: list[Key] = []
    for run in _RUNS.finditer(text):
        if run.lastgroup == "cjk":
            keys.extend(_cjk_keys(run.group(), run.start()))
        elif run.lastgroup == "mya":
            keys.extend(_myanmar_keys(run.group(), run.start()))
        else:
            keys.extend(_other_keys(run.group(), run.start()))
    return keys


def index_text(text: str) -> str:
    """What the full-text index is fed for ``text``: its keys joined by spaces."""
    if text.isascii():  # most English reporting: one pass, no Key objects
        return " ".join(map(word_key, _ASCII_WORD.findall(text)))
    return " ".join(key.key for key in index_keys(text))


@dataclass(frozen=True)
class QueryTerm:
    """One word of a query: the keys that must follow each other, or one key prefix (a single CJK character)."""

    keys: tuple[str, ...]
    prefix: bool = False

    def fts(self) -> str:
        """The term in FTS5 query syntax; every key quoted, so nothing in it is an operator."""
        if self.prefix:
            return f'"{self.keys[0]}"*'
        return '"' + " ".join(self.keys) + '"'


def query_terms(query: str) -> list[QueryTerm]:
    """A user's query as terms that must all match (a query typed in Zawgyi is converted by the caller first)."""
    terms: list[QueryTerm] = []
    for word in query.split():
        for run in _RUNS.finditer(word):
            text = run.group()
            if run.lastgroup == "cjk":
                if len(text) == 1:
                    terms.append(QueryTerm((text,), prefix=True))
                else:
                    terms.append(QueryTerm(tuple(text[i:i + 2] for i in range(len(text) - 1))))
            elif run.lastgroup == "mya":
                keys = tuple(k.key for k in _myanmar_keys(text, 0))
                if keys:
                    terms.append(QueryTerm(keys))
            else:
                terms.extend(QueryTerm((k.key,)) for k in _other_keys(text, 0))
    return terms[:MAX_QUERY_WORDS]


def fts_match(query: str) -> str | None:
    """``query`` as a safe FTS5 MATCH expression over an index fed by ``index_text``, or None if it has no word."""
    terms = query_terms(query)
    return " ".join(term.fts() for term in terms) if terms else None


def find_terms(keys: list[Key], terms: list[QueryTerm]) -> list[tuple[int, int]]:
    """The (start, end) character spans in the text whose keys match a query term: what a snippet marks."""
    spans: list[tuple[int, int]] = []
    for term in terms:
        n = len(term.keys)
        for i in range(len(keys) - n + 1):
            if term.prefix:
                if keys[i].key.startswith(term.keys[0]):
                    spans.append((keys[i].start, keys[i].start + len(term.keys[0])))
            elif all(keys[i + j].key == term.keys[j] for j in range(n)):
                spans.append((keys[i].start, keys[i + n - 1].end))
    return sorted(set(spans))
