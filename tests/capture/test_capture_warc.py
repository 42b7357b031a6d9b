"""WARC records of URL captures read back with warcio, digests checked."""

from __future__ import annotations

import base64
import io

import pytest

from factfinder.capture.common import make_capture
from factfinder.capture.warc import sha256_base32, warc_records
from factfinder.errors import CaptureError

BODY = "<html><body><p>Residents said the bridge was destroyed overnight.</p></body></html>".encode()


def url_capture(**extra):
    fields = dict(origin="https://news.example.org/world/bridge?id=7", media_type="text/html",
                  http_status=200,
                  http_headers=(("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip"),
                                ("Content-Length", "99"), ("X-Cache", "HIT")),
                  request_headers=(("User-Agent", "factfinder-test"), ("Accept-Encoding", "identity")))
    fields.update(extra)
    return make_capture(BODY, **fields)


def read_back(data: bytes):
    from warcio.archiveiterator import ArchiveIterator

    records = []
    for record in ArchiveIterator(io.BytesIO(data), check_digests="raise"):
        body = record.content_stream().read()
        records.append((record, body))
        assert record.digest_checker.passed is not False
    return records


@pytest.mark.parametrize("compress", [True, False])
def test_records_read_back_with_matching_sha256_digests(compress):
    cap = url_capture()
    data = warc_records(cap, gzip=compress)
    assert data.startswith(b"\x1f\x8b") == compress
    (request, _), (response, body) = read_back(data)
    assert request.rec_type == "request" and response.rec_type == "response"
    assert response.rec_headers.get_header("WARC-Target-URI") == cap.source.origin
    assert response.rec_headers.get_header("WARC-Date") == cap.source.captured_at
    assert response.rec_headers.protocol == "WARC/1.1"
    assert body == BODY
    payload_digest = response.rec_headers.get_header("WARC-Payload-Digest")
    assert payload_digest == sha256_base32(cap.source.sha256)
    assert base64.b32decode(payload_digest.split(":", 1)[1]).hex() == cap.source.sha256
    assert response.rec_headers.get_header("WARC-Block-Digest").startswith("sha256:")
    assert request.rec_headers.get_header("WARC-Concurrent-To") == response.rec_headers.get_header("WARC-Record-ID")


def test_http_headers_are_replayable():
    (request, _), (response, _) = read_back(warc_records(url_capture()))
    assert response.http_headers.get_statuscode() == "200"
    assert response.http_headers.get_header("Content-Encoding") is None  # the body is stored decoded
    assert response.http_headers.get_header("Content-Length") == str(len(BODY))
    assert response.http_headers.get_header("X-Cache") == "HIT"
    assert (request.http_headers.protocol, request.http_headers.statusline) == ("GET", "/world/bridge?id=7 HTTP/1.1")
    assert request.http_headers.get_header("User-Agent") == "factfinder-test"
    assert request.http_headers.get_header("Host") == "news.example.org"


def test_error_status_and_truncation_are_recorded():
    cap = url_capture(http_status=404, truncated=True)
    (_, _), (response, _) = read_back(warc_records(cap))
    assert response.http_headers.statusline == "404 Not Found"
    assert response.rec_headers.get_header("WARC-Truncated") == "length"


def test_request_headers_can_be_given():
    data = warc_records(url_capture(), request_headers=(("User-Agent", "other"),))
    (request, _), _ = read_back(data)
    assert request.http_headers.get_header("User-Agent") == "other"


def test_file_capture_is_refused():
    cap = make_capture(BODY, origin="/tmp/page.html", media_type="text/html")
    with pytest.raises(CaptureError, match="not a URL capture"):
        warc_records(cap)
