"""Person-name redaction for exports.

Names of people stay inside quoted evidence in the store (an investigator needs
the exact source); an export meant for publication can replace them. Person
names are found by the spaCy NER (PERSON) plus honorific patterns ("Mr.", "Ms.",
"Dr.", "U", "Daw", "Maj. Gen." followed by capitalised words), which catch the
names NER misses in translated text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from factfinder.export.base import Redactor

_HONORIFIC = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sen|Senator|Rep|Gen|Maj\. Gen|Lt\. Gen|Col|Capt|Sgt|"
    r"U|Daw|Ko|Ma|Sheikh|Imam|Father|Sister)\.?\s+((?:[A-Z][\w'’-]+\s?){1,4})"
)


class PersonRedactor(Redactor):
    def __init__(self, nlp: Any, *, placeholder: str = "[person]") -> None:
        self.nlp = nlp
        self.placeholder = placeholder
        self._cached = lru_cache(maxsize=65536)(self._redact)

    def redact(self, text: str) -> str:
        return self._cached(text)

    def _redact(self, text: str) -> str:
        spans: list[tuple[int, int]] = []
        for ent in self.nlp(text).ents:
            if ent.label_ == "PERSON":
                spans.append((ent.start_char, ent.end_char))
        for match in _HONORIFIC.finditer(text):
            spans.append((match.start(1), match.end(1) - (1 if match.group(1).endswith(" ") else 0)))
        if not spans:
            return text
        out, last = [], 0
        for start, end in sorted(spans):
            if start < last:
                if end > last:
                    last = end
                continue
            out.append(text[last:start])
            out.append(self.placeholder)
            last = end
        out.append(text[last:])
        return "".join(out)
