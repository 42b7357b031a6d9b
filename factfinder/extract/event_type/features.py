"""The text features of the learned event-type component, shared by training and inference.

Training (scikit-learn's ``TfidfVectorizer`` with ``analyzer=ngrams``) and
inference (plain numpy, ``model.py``) call the same ``ngrams``, so the shipped
weights mean the same thing at run time without scikit-learn. The training
corpora are tokens joined by spaces ("the town , which"): words of two or more
letters or digits are the same whether the text was detokenised or not.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"(?u)\b\w\w+\b")


def ngrams(text: str) -> list[str]:
    """Lower-cased words and word bigrams (digits folded to 0, so figures generalise)."""
    words = [re.sub(r"\d", "0", w) for w in _WORD.findall(text.lower())]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]
