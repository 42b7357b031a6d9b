"""E-mail captures: every attachment is a capture of its own, forwarded e-mails included."""

from __future__ import annotations

from email.message import EmailMessage

from factfinder.capture import capture_inputs
from factfinder.text import document_from_capture


def _message(subject: str, body: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "field@example.org"
    msg["To"] = "desk@example.org"
    msg["Subject"] = subject
    msg["Date"] = "Wed, 06 Mar 2024 12:00:00 +0000"
    msg.set_content(body)
    return msg


def test_forwarded_email_and_its_attachment_are_captured(tmp_path):
    inner = _message("Original report", "Two schools were closed by order of the governor.")
    inner.add_attachment(b"Checkpoint log: 40 trucks turned back.\n", maintype="text", subtype="plain",
                         filename="log.txt")
    outer = _message("Fwd: Original report", "Forwarding the report below.")
    outer.add_attachment(inner)
    path = tmp_path / "forward.eml"
    path.write_bytes(outer.as_bytes())

    caps = list(capture_inputs([str(path)], settings={}))
    assert [c.source.origin.rsplit("/", 1)[1] for c in caps] == [
        "forward.eml", "forward.eml#attachment-1-message-1.eml",
        "forward.eml#attachment-1-message-1.eml#attachment-1-log.txt",
    ]
    outer_cap, inner_cap, log_cap = caps
    assert inner_cap.source.parent == outer_cap.source.sha256
    assert log_cap.source.parent == inner_cap.source.sha256
    assert all(c.ok for c in caps)
    assert document_from_capture(outer_cap).text.startswith("Forwarding the report below.")
    inner_doc = document_from_capture(inner_cap)
    assert inner_doc.title == "Original report" and "schools were closed" in inner_doc.text
    assert document_from_capture(log_cap).text == "Checkpoint log: 40 trucks turned back.\n"


def test_email_without_attachments_yields_only_itself(tmp_path):
    path = tmp_path / "note"  # no extension: recognised by its headers
    path.write_bytes(_message("Note", "Nothing attached, only this sentence about the flood.").as_bytes())
    caps = list(capture_inputs([str(path)], settings={}))
    assert len(caps) == 1 and caps[0].source.media_type == "message/rfc822"
    assert document_from_capture(caps[0]).published == "2024-03-06"
