"""WARC/1.1 records of a URL capture, so standard web-archive tools can replay it.

Digests are SHA-256 (``sha256:`` + base32, the form warcio writes and checks)
rather than warcio's default SHA-1, so the payload digest names the same
bytes as ``Source.sha256`` (hex there, base32 here). The body is stored as the
capture's bytes; a Content-Encoding the server applied anyway was already
decoded by the client, so that header is dropped and Content-Length set to the
stored length, which keeps the record replayable.
"""

from __future__ import annotations

import base64
import io
from urllib.parse import urlsplit

from factfinder.capture.common import Capture
from factfinder.capture.http import reason
from factfinder.errors import CaptureError

_DROPPED = {"content-encoding", "transfer-encoding", "content-length"}


def sha256_base32(hex_digest: str) -> str:
    """``sha256:<base32>`` as in WARC-Payload-Digest, from a hex SHA-256."""
    return "sha256:" + base64.b32encode(bytes.fromhex(hex_digest)).decode("ascii")


def warc_records(capture: Capture, *, request_headers: tuple[tuple[str, str], ...] | None = None,
                 gzip: bool = True) -> bytes:
    """A WARC/1.1 request record and response record for ``capture``, as bytes to append.

    ``request_headers`` defaults to the headers the capture sent. ``gzip``
    writes each record as its own gzip member (the usual .warc.gz layout);
    pass False for a plain .warc file. Raises CaptureError for a capture that
    is not a URL capture or that holds no bytes.
    """
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.utils import Digester
    from warcio.warcwriter import BufferWARCWriter

    class _Sha256Writer(BufferWARCWriter):  # type: ignore[misc]  # warcio ships no types
        @staticmethod
        def _create_digester() -> Digester:
            return Digester("sha256")

    source = capture.source
    if capture.data is None or not source.origin.lower().startswith(("http://", "https://")):
        raise CaptureError(f"{source.origin} is not a URL capture with bytes; only those are written "
                           "to the web archive")
    data = capture.data
    status = source.http_status or 200
    headers = [(k, v) for k, v in source.http_headers if k.lower() not in _DROPPED]
    headers.append(("Content-Length", str(len(data))))
    http_headers = StatusAndHeaders(f"{status} {reason(status)}".strip(), headers, protocol="HTTP/1.1")

    writer = _Sha256Writer(gzip=gzip, warc_version="WARC/1.1")
    warc_fields = {"WARC-Date": source.captured_at}
    if capture.truncated:
        warc_fields["WARC-Truncated"] = "length"
    response = writer.create_warc_record(source.origin, "response", payload=io.BytesIO(data),
                                         length=len(data), http_headers=http_headers,
                                         warc_headers_dict=warc_fields)

    parts = urlsplit(source.origin)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    sent = list(request_headers if request_headers is not None else capture.request_headers)
    if not any(k.lower() == "host" for k, _ in sent):
        sent.insert(0, ("Host", parts.netloc))
    request_line = StatusAndHeaders(f"GET {target} HTTP/1.1", sent, is_http_request=True)
    request = writer.create_warc_record(
        source.origin, "request", payload=io.BytesIO(b""), length=0, http_headers=request_line,
        warc_headers_dict={"WARC-Date": source.captured_at,
                           "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID")})
    writer.write_record(request)
    writer.write_record(response)
    return bytes(writer.get_contents())
