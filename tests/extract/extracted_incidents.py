"""A fixture shared by the extraction field tests: the incidents the whole pipeline finds."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def pipeline_extract():
    """The incidents the whole pipeline (extraction, dates, places) finds in a text published 2024-01-10."""
    from factfinder.pipeline import Pipeline
    from factfinder.text import document_from_text

    pipeline = Pipeline()
    return lambda text: pipeline.extract(document_from_text(text, published="2024-01-10")).incidents
