"""text stage: a captured original becomes a Document (clean text, metadata, stories).

    doc = document_from_capture(capture)          # file, URL, feed entry, e-mail, attachment
    doc = document_from_text(text, published=...)  # a --jsonl line

Both raise ExtractionError with a message that says what to do when no text
can be had. Offsets of the output contract point into ``Document.text``.
"""

from factfinder.text.extract import document_from_capture, document_from_text

__all__ = ["document_from_capture", "document_from_text"]
