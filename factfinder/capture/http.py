"""URL captures over a real HTTP client (httpx), with limits that keep a run alive.

Why each limit: a dead host must not hang a morning's ingest (timeouts), a
huge file must not fill the disk (a streamed size cap that keeps the prefix as
evidence), and a redirect loop must end (max redirects). The body is asked for
without content-coding (``Accept-Encoding: identity``) so the bytes hashed are
the bytes the server sent; a server that compresses anyway is decoded and the
WARC writer drops its Content-Encoding header to stay replayable.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING

from factfinder.capture.common import Capture, failed, with_error
from factfinder.capture.files import capture_bytes
from factfinder.settings import Settings

if TYPE_CHECKING:
    import httpx


def make_client(settings: Settings) -> httpx.Client:
    """An httpx client configured from the settings (timeouts, redirects, User-Agent)."""
    import httpx

    return httpx.Client(
        timeout=httpx.Timeout(settings.http_timeout),
        follow_redirects=True,
        max_redirects=settings.http_max_redirects,
        headers=_request_headers(settings),
    )


def _request_headers(settings: Settings) -> dict[str, str]:
    return {"User-Agent": settings.user_agent, "Accept-Encoding": "identity"}


def _one_line(text: object) -> str:
    return " ".join(str(text).split()) or "no detail"


def reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def fetch_url(url: str, *, client: httpx.Client, settings: Settings,
              parent: str | None = None) -> Capture:
    """GET ``url`` into a Capture; every failure is an error capture, never an exception."""
    import httpx

    max_bytes = settings.http_max_bytes
    timeout = settings.http_timeout
    headers = _request_headers(settings)
    chunks: list[bytes] = []
    received = 0
    truncated = False
    stream_error: str | None = None
    try:
        with client.stream("GET", url, headers=headers, timeout=timeout, follow_redirects=True) as resp:
            try:
                for chunk in resp.iter_bytes():
                    room = max_bytes - received
                    if len(chunk) > room:
                        chunks.append(chunk[:room])
                        received += room
                        truncated = True
                        break
                    chunks.append(chunk)
                    received += len(chunk)
            except httpx.TimeoutException:
                stream_error = (f"cannot capture {url}: the download stalled after {received} bytes "
                                f"(no data for {timeout:g} s); the bytes that arrived are kept; try again "
                                "later or raise http_timeout")
            except httpx.HTTPError as exc:
                stream_error = (f"cannot capture {url}: the download broke off after {received} bytes "
                                f"({_one_line(exc)}); the bytes that arrived are kept; try again later")
            final_url = str(resp.url)
            status = resp.status_code
            resp_headers = tuple((k.decode("latin-1"), v.decode("latin-1")) for k, v in resp.headers.raw)
            req_headers = tuple((k.decode("latin-1"), v.decode("latin-1"))
                                for k, v in resp.request.headers.raw)
            content_type = resp.headers.get("content-type")
    except httpx.TooManyRedirects:
        return failed(url, f"cannot capture {url}: too many redirects (limit {client.max_redirects}; "
                      "a redirect loop?); open it in a browser to find the final address, or raise "
                      "http_max_redirects", parent=parent)
    except httpx.TimeoutException:
        return failed(url, f"cannot capture {url}: no answer within {timeout:g} seconds; try again later "
                      "or raise http_timeout", parent=parent)
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
        return failed(url, f"cannot capture {url}: it is not a valid http(s) address ({_one_line(exc)}); "
                      "check it", parent=parent)
    except httpx.ConnectError as exc:
        return failed(url, f"cannot capture {url}: cannot connect ({_one_line(exc)}); check the address "
                      "and the network connection", parent=parent)
    except httpx.HTTPError as exc:
        return failed(url, f"cannot capture {url}: {type(exc).__name__} ({_one_line(exc)}); try again "
                      "later", parent=parent)

    data = b"".join(chunks)
    capture = capture_bytes(data, origin=final_url, name=final_url, parent=parent, declared=content_type,
                            http_status=status, http_headers=resp_headers, truncated=truncated,
                            request_headers=req_headers)
    if status >= 400:
        answer = f"HTTP {status} {reason(status)}".strip()
        return with_error(capture, f"cannot capture {url}: the server answered {answer}; check the "
                          "address (the answer's bytes are kept)")
    if truncated:
        return with_error(capture, f"cannot capture {url} completely: it is larger than http_max_bytes "
                          f"({max_bytes} bytes); the first {received} bytes are kept, marked truncated; "
                          "raise http_max_bytes and capture again")
    if stream_error is not None:
        return with_error(capture, stream_error)
    return capture
