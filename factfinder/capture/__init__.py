"""capture stage: originals in, as bytes with their SHA-256, media type and origin.

    for cap in capture_inputs(["report.pdf", "https://...", "feeds/"], settings=settings):
        store.add_capture(cap)            # keep the bytes even when cap.source.error is set
        if cap.ok and not is_container(cap):
            doc = document_from_capture(cap)   # factfinder.text; may raise ExtractionError

URL captures can be written to a web archive with ``warc_records(cap)``.
"""

from factfinder.capture.common import Capture
from factfinder.capture.inputs import capture_inputs, is_container, is_url
from factfinder.capture.warc import warc_records

__all__ = ["Capture", "capture_inputs", "is_container", "is_url", "warc_records"]
