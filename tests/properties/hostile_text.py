"""Hypothesis strategies for hostile text: what copy-paste, OCR and bad encodings hand us.

Realistic report phrases (a count, a date, a place, an arrest) are mixed with
the characters that break offsets and regexes: C0/C1 controls and NUL, bidi
marks and overrides, combining marks, zero-width characters, the byte-order
mark, Unicode line and paragraph separators, astral characters, and runs of
whitespace. The phrases make the stages fire, so spans land next to the
hostile characters instead of on empty input. Written for these tests.
"""

from __future__ import annotations

from hypothesis import strategies as st

PHRASES = (
    "Soldiers killed 12 villagers in Mandalay on 3 March 2024.",
    "About 40 people were arrested in Yangon last Tuesday, residents said.",
    "On 17 November 2023, troops detained nearly a hundred farmers near Sittwe.",
    "An air strike hit a school in Kani township, killing at least eight children.",
    "More than 2,500 families fled to Thailand between January and March 2022.",
    "Police fired tear gas at 300 protesters in Hpa-an on Monday.",
    "Two journalists were abducted by unknown gunmen on 5/6/2021 in Bago.",
    "The monitoring group said 19,700 people had been detained since the coup.",
    "MANDALAY, Dec. 3 —",
    "Yesterday",
    "in early 2023",
    "dozens",
    "1,200",
    "Rakhine State",
)
HOSTILE = (
    "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9f",
    "\r", "\r\n", "\n", "\n\n", "\t",
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",                 # zero-width, BOM
    "\u200e", "\u200f", "\u202a", "\u202b", "\u202e", "\u2066", "\u2069",  # bidi marks and overrides
    "\u0301", "\u0308", "\u0336", "e\u0301", "\u1100\u1161",           # combining, jamo
    "\u2028", "\u2029", "\u00a0", "\u3000",                            # separators, odd spaces
    "\U0001F600", "\U00010348", "\U000E0041",                         # astral: emoji, Gothic, tag
    "\ufffd", "\uffff", "\u0660\u0661\u0662", "\u0e51\u0e52",          # replacement, non-ASCII digits
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "\u1019\u103c\u1014\u103a\u1019\u102c",  # Arabic, Burmese
)

hostile_piece = st.one_of(
    st.sampled_from(PHRASES),
    st.sampled_from(HOSTILE),
    st.text(max_size=20),
    st.text(alphabet=st.characters(codec="utf-8", categories=("Cc", "Cf", "Mn", "Zl", "Zp", "Zs")), max_size=8),
)

# Up to a few kilobytes: long enough for stories and sentences, short enough for many examples.
hostile_text = st.lists(hostile_piece, max_size=40).map(" ".join)

publication_day = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


def long_line(size: int = 1_000_000) -> str:
    """One line of ``size`` characters, no newline in it: a minified page or a paste."""
    unit = " ".join(PHRASES) + " \u200f\u0301\x00 "
    return (unit * (size // len(unit) + 1))[:size]
