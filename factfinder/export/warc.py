"""The preserved originals of the selected incidents' sources, as WARC/1.1.

For hand-over to an archive or a court: each original once, as a ``resource``
record whose block is the exact bytes preserved at capture, with SHA-256 block
and payload digests (``sha256:<hex>`` as recorded by factfinder, checkable by
any WARC reader), the capture time as WARC-Date and the origin as
WARC-Target-URI; a ``metadata`` record beside it lists the incidents it
supports.
"""

from __future__ import annotations

import base64
import hashlib
import json
from io import BytesIO
from pathlib import Path

from warcio.warcwriter import WARCWriter

from factfinder.errors import UsageError
from factfinder.export.base import Exporter, SourceReader
from factfinder.model import ConsolidatedIncident


def _uri(origin: str) -> str:
    return origin if "://" in origin else Path(origin).resolve().as_uri()


def sha256_digest(data: bytes) -> str:
    """WARC digest label: base32 as web archives write it (warcio reads hex or base32)."""
    return "sha256:" + base64.b32encode(hashlib.sha256(data).digest()).decode("ascii")


class WarcExporter(Exporter):
    name = "warc"
    suffix = ".warc.gz"
    binary = True

    def start(self) -> None:
        if self.sources is None:
            raise UsageError("the warc export needs the store's originals; run it through `factfinder export`")
        self.read_source: SourceReader = self.sources
        self.writer = WARCWriter(self.stream, gzip=True, warc_version="WARC/1.1")
        self.supports: dict[str, list[str]] = {}

    def write(self, incident: ConsolidatedIncident) -> None:
        for report in incident.reports:
            sha = report.incident.doc
            if sha in self.supports:
                self.supports[sha].append(incident.id)
                continue
            found = self.read_source(sha)
            if found is None:
                continue  # a --jsonl document: no preserved original to hand over
            source, data = found
            self.supports[sha] = [incident.id]
            digest = sha256_digest(data)
            record = self.writer.create_warc_record(
                _uri(source.origin), "resource", payload=BytesIO(data), length=len(data),
                warc_content_type=source.media_type,
                warc_headers_dict={"WARC-Date": source.captured_at, "WARC-Block-Digest": digest,
                                   "WARC-Payload-Digest": digest, "X-Factfinder-SHA256": sha},
            )
            self.writer.write_record(record)
        self.written += 1

    def finalize(self) -> None:
        for sha, incidents in self.supports.items():
            body = json.dumps({"sha256": sha, "incidents": incidents}).encode()
            record = self.writer.create_warc_record(
                f"urn:factfinder:source:{sha}", "metadata", payload=BytesIO(body), length=len(body),
                warc_content_type="application/json")
            self.writer.write_record(record)
