"""Story segmentation: a digest page becomes its separate news items.

PLACEHOLDER until the segmentation work lands: the whole text is one story.
"""

from __future__ import annotations

from factfinder.model import Story


def segment_stories(text: str) -> tuple[Story, ...]:
    if not text.strip():
        return ()
    return (Story(index=0, start=0, end=len(text)),)
