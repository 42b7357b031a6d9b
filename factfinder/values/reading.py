"""The reading text of a document: its offsets mapped to the document's own text.

``text.reflow`` makes it; ``Document.reading`` carries it; the pipeline maps
every span the components find in it back into the document's text.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from factfinder.model import Span


@dataclass(frozen=True, slots=True)
class Reflowed:
    """The reading text of a document and the map from its offsets to the original's.

    Made by ``text.reflow`` (hard-wrapped lines joined, page furniture dropped); a
    value type of its own, so that ``Document.reading`` carries it from the text
    stage to extraction instead of having it made twice.

    ``view_starts[i]`` in the reading text corresponds to ``orig_starts[i]`` in the
    original; between two segment starts characters correspond one for one.
    """

    text: str
    original: str
    view_starts: tuple[int, ...]
    orig_starts: tuple[int, ...]

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def to_original(self, offset: int) -> int:
        """The original offset of a reading-text offset."""
        if not self.view_starts:
            return offset
        i = max(bisect_right(self.view_starts, offset) - 1, 0)
        return self.orig_starts[i] + offset - self.view_starts[i]

    def from_original(self, offset: int) -> int:
        """The reading-text offset of an original offset (a deleted character maps to where it was)."""
        if not self.orig_starts:
            return offset
        i = max(bisect_right(self.orig_starts, offset) - 1, 0)
        end = self.view_starts[i + 1] if i + 1 < len(self.view_starts) else len(self.text)
        return min(self.view_starts[i] + offset - self.orig_starts[i], end)

    def span(self, span: Span) -> Span:
        """A span of the reading text as the span of the original that holds the same words."""
        start = self.to_original(span.start)
        end = self.to_original(span.end - 1) + 1 if span.end > span.start else start
        return Span.of(self.original, start, end)
