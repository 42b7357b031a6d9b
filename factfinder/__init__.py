"""factfinder: human-rights reporting in, verifiable incident data out.

Nothing runs on import; heavy resources load when first used.
"""

from factfinder.errors import FactfinderError
from factfinder.model import (
    Actor, Attribution, Count, DateRange, Document, Extraction, Incident, Place, Source, Span,
    Statistic, Story,
)
from factfinder.pipeline import Pipeline

__all__ = [
    "Actor", "Attribution", "Count", "DateRange", "Document", "Extraction", "FactfinderError",
    "Incident", "Pipeline", "Place", "Source", "Span", "Statistic", "Story",
]
__version__ = "0.1.0"
