"""A user's words as an SQLite FTS5 query that cannot break or be turned into operators.

Every word is quoted, so ``AND``, ``NEAR``, ``*``, ``"`` or a stray parenthesis in
a search box are words to find, not syntax; all words must appear. The word
pattern is FTS5's own ``unicode61`` tokenisation (letters and digits), and a
query keeps at most ``MAX_WORDS`` of them so a pasted paragraph stays cheap.
"""

from __future__ import annotations

import re

# Letters and digits only (no underscore): each piece is one token for FTS5's unicode61
# tokenizer, so a quoted piece is never a phrase (events_fts keeps no positions: detail=none).
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_WORDS = 12


def fts_query(text: str | None) -> str | None:
    """``text`` as a safe FTS5 query, or None when it holds no word to search for."""
    words = _WORD.findall(text or "")
    if not words:
        return None
    return " ".join(f'"{w}"' for w in words[:MAX_WORDS])
