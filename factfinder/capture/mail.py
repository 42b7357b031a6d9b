"""E-mail (.eml, message/rfc822): attachments become captures of their own.

A bulletin often arrives as an e-mail with the report attached. The e-mail's
body is read by the text stage; each attachment is yielded here as its own
capture with ``parent`` = the e-mail's sha256 and origin
``<e-mail origin>#attachment-<n>-<file name>`` (n from 1), so a PDF report
attached to a bulletin is preserved and read like any other PDF. The body
parts (text/plain and text/html alternatives) are not attachments.
"""

from __future__ import annotations

from collections.abc import Iterator
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser

from factfinder.capture.common import Capture
from factfinder.capture.files import capture_bytes


def parse_email(data: bytes) -> EmailMessage:
    """The stdlib parser with the modern policy (decoded headers, get_body)."""
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    return message


def _body_parts(message: EmailMessage) -> set[int]:
    """ids of the parts that form the readable body (plain and HTML alternatives)."""
    ids = set()
    for kind in (("plain",), ("html",)):
        body = message.get_body(preferencelist=kind)
        if body is not None:
            ids.add(id(body))
    return ids


def attachment_parts(message: EmailMessage) -> Iterator[tuple[str, bytes]]:
    """(file name, bytes) of every attachment, depth first; a forwarded e-mail is one attachment."""
    body = _body_parts(message)
    count = 0

    def walk(part: Message) -> Iterator[tuple[str, bytes]]:
        nonlocal count
        ctype = part.get_content_type()
        if ctype == "message/rfc822" and part is not message:
            inner = part.get_payload()
            inner = inner[0] if isinstance(inner, list) and inner else inner
            if isinstance(inner, Message):
                count += 1
                yield part.get_filename() or f"message-{count}.eml", inner.as_bytes(policy=policy.default)
            return
        if part.is_multipart():
            for sub in part.get_payload():
                if isinstance(sub, Message):
                    yield from walk(sub)
            return
        if id(part) in body or part is message:
            return
        is_attachment = part.get_content_disposition() == "attachment" or part.get_filename() is not None
        if not is_attachment and ctype in ("text/plain", "text/html"):
            return  # an extra inline body part, read as part of the body
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):  # decode=True gives bytes, or None for a multipart
            return
        count += 1
        yield part.get_filename() or f"part-{count}", payload

    yield from walk(message)


def email_attachments(email_capture: Capture) -> Iterator[Capture]:
    """Captures of the attachments of an e-mail capture, each with parent = its sha256."""
    assert email_capture.data is not None
    message = parse_email(email_capture.data)
    origin = email_capture.source.origin
    for n, (name, payload) in enumerate(attachment_parts(message), start=1):
        safe = name.replace("/", "_").replace("#", "_")
        yield capture_bytes(payload, origin=f"{origin}#attachment-{n}-{safe}", name=safe,
                            parent=email_capture.source.sha256)
