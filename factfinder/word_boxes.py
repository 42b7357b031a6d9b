"""A page's OCR words and their boxes on the page image, packed.

A 300-page scan has some 90,000 words; they ride on ``model.PageText`` from the
OCR to the store and the web page images, so how they are held decides the
memory of a long scan (docs/capture.md). It sits below ``model`` (which
re-exports it) and imports nothing of the project: ``values`` imports ``model``.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload


@dataclass(frozen=True, slots=True)
class OcrWord:
    """One word read by OCR: its place in the document text and its box on the page image."""

    start: int
    end: int
    box: tuple[int, int, int, int]  # left, top, right, bottom in page-image pixels
    confidence: float  # Tesseract's word confidence, 0-100


class WordBoxes(Sequence[OcrWord]):
    """A page's OCR words packed in two arrays, read back as OcrWord one at a time.

    A scanned page has some 300 to 1,000 words; held as OcrWord objects (with their
    box tuples and numbers) each costs about 360 bytes, so a 300-page scan kept 32 MB
    of them. Packed, a word is six 32-bit integers and a double: 32 bytes.
    """

    __slots__ = ("_ints", "_conf")
    _FIELDS = 6  # start, end, left, top, right, bottom

    def __init__(self, words: Iterable[OcrWord] = ()) -> None:
        self._ints = array("i")
        self._conf = array("d")
        for word in words:
            self._ints.extend((word.start, word.end, *word.box))
            self._conf.append(word.confidence)

    def __len__(self) -> int:
        return len(self._conf)

    @overload
    def __getitem__(self, index: int) -> OcrWord: ...
    @overload
    def __getitem__(self, index: slice) -> WordBoxes: ...

    def __getitem__(self, index: int | slice) -> OcrWord | WordBoxes:
        if isinstance(index, slice):
            return WordBoxes(self[i] for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("word index out of range")
        n = index * self._FIELDS
        start, end, left, top, right, bottom = self._ints[n:n + self._FIELDS]
        return OcrWord(start, end, (left, top, right, bottom), self._conf[index])

    def __iter__(self) -> Iterator[OcrWord]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, WordBoxes):
            return self._ints == other._ints and self._conf == other._conf
        return isinstance(other, (tuple, list)) and list(self) == list(other)

    def __hash__(self) -> int:
        return hash((self._ints.tobytes(), self._conf.tobytes()))

    def __repr__(self) -> str:
        return f"WordBoxes({len(self)} words)"

    def __reduce__(self) -> tuple[Any, ...]:  # pickled (process pools, Ray) as its arrays
        return (_word_boxes, (self._ints, self._conf))

    def shifted(self, offset: int) -> WordBoxes:
        """The same words with their text offsets moved by ``offset`` (a page placed in its document)."""
        ints = array("i", self._ints)
        for n in range(0, len(ints), self._FIELDS):
            ints[n] += offset
            ints[n + 1] += offset
        return _word_boxes(ints, array("d", self._conf))


def _word_boxes(ints: array[int], conf: array[float]) -> WordBoxes:
    boxes = WordBoxes()
    boxes._ints, boxes._conf = ints, conf
    return boxes
