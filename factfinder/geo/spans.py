"""Span look-ups that stay fast on long documents.

Mention finding asks, for every candidate name, whether it overlaps a span
already taken, which entity contains it, and which accepted place stands next to
it. Scanning lists for that is quadratic: a 3 MB report with 200,000 place names
never finished. ``SpanIndex`` keeps spans sorted by start and answers each
question from the few spans that can be near, in logarithmic time.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from typing import Generic, Iterable, Iterator, TypeVar

# A span: start and end first, then whatever the caller keeps with it (a flag, a label).
T = TypeVar("T", bound="tuple[int, int, *tuple[object, ...]]")


class SpanIndex(Generic[T]):
    """Spans (tuples whose first two items are start and end), sorted by start."""

    def __init__(self, spans: Iterable[T] = ()) -> None:
        self._spans: list[T] = sorted(spans)
        self._starts = [s[0] for s in self._spans]
        self._longest = max((s[1] - s[0] for s in self._spans), default=0)

    def __len__(self) -> int:
        return len(self._spans)

    def __iter__(self) -> Iterator[T]:
        return iter(self._spans)

    def add(self, span: T) -> None:
        at = bisect_right(self._starts, span[0])
        self._starts.insert(at, span[0])
        self._spans.insert(at, span)
        self._longest = max(self._longest, span[1] - span[0])

    def extend(self, spans: Iterable[T]) -> None:
        for span in spans:
            self.add(span)

    def _near(self, start: int, end: int) -> Iterator[T]:
        """Spans that may overlap [start, end): those starting after start - longest and before end."""
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return iter(self._spans[lo:hi])

    def overlaps(self, start: int, end: int) -> bool:
        return any(s[1] > start for s in self._near(start, end))

    def containing(self, start: int, end: int) -> T | None:
        """The first span (by start) that contains [start, end)."""
        for s in self._near(start, start + 1):
            if s[0] <= start and end <= s[1]:
                return s
        return None

    def before(self, start: int) -> T | None:
        """The span ending last at or before ``start`` among those starting before it."""
        best = None
        for s in self._near(start - self._longest, start):
            if s[1] <= start and (best is None or s[1] > best[1]):
                best = s
        if best is None and self._spans:
            at = bisect_left(self._starts, start)
            for s in reversed(self._spans[:at]):
                if s[1] <= start:
                    return s
        return best

    def after(self, end: int) -> T | None:
        """The first span starting at or after ``end``."""
        at = bisect_left(self._starts, end)
        return self._spans[at] if at < len(self._spans) else None
