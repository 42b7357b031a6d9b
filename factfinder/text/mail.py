"""E-mail: Subject as title, Date as published, the text/plain body preferred.

The sender is not kept as author: e-mails to a documentation group often come
from people who must stay anonymous. Attachments are not read here; capture
yields them as captures of their own (factfinder.capture.mail).
"""

from __future__ import annotations

from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from factfinder.capture.mail import parse_email
from factfinder.errors import ExtractionError
from factfinder.text.html import extract_html
from factfinder.text.plain import decode_bytes, normalise_text


@dataclass(frozen=True)
class MailText:
    text: str
    title: str | None = None
    published: str | None = None


def _published(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(str(value)).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def extract_email(data: bytes, *, name: str) -> MailText:
    """The body text of an e-mail; ExtractionError when it has none."""
    message = parse_email(data)
    try:
        subject = str(message.get("subject") or "").strip() or None
        date = message.get("date")
    except (ValueError, TypeError, IndexError):  # a header the modern policy cannot parse
        subject, date = None, None
    title = " ".join(subject.split()) if subject else None
    published = _published(date)
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        raise ExtractionError(f"cannot read {name}: the e-mail has no text body; its attachments were "
                              "captured as sources of their own")
    payload = body.get_payload(decode=True)
    raw = payload if isinstance(payload, bytes) else b""
    try:
        content = body.get_content()
    except (LookupError, UnicodeDecodeError):  # unknown declared charset
        content = decode_bytes(raw, name=name)
    if "\ufffd" in content and raw:  # no or wrong charset declared: the parser replaced bytes
        content = decode_bytes(raw, name=name)
    if body.get_content_type() == "text/html":
        return MailText(text=extract_html(content, name=name).text, title=title, published=published)
    text = normalise_text(content)
    if not text.strip():
        raise ExtractionError(f"cannot read {name}: the e-mail body is empty; its attachments were "
                              "captured as sources of their own")
    return MailText(text=text, title=title, published=published)
