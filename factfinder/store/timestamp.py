"""RFC 3161 time-stamps of checkpoints, from a time-stamping authority the user names.

An Ed25519 signature says who vouches for a ledger head, not when: the signer
could back-date it. A time-stamp token from an independent authority (TSA)
binds the checkpoint's bytes to the TSA's clock. The request and the token are
DER (asn1crypto); the token's CMS signature is checked with ``cryptography``
against the certificate the token carries, and that certificate can be pinned
with ``verify --tsa-cert``: without pinning, anyone can run a TSA.
"""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from typing import Any

from factfinder.errors import FactfinderError, UsageError

CONNECT_TIMEOUT = 10.0  # seconds
TIMEOUT = 30.0
MAX_REPLY = 1024 * 1024  # bytes; a token with its certificate chain is a few kB
_HASHES = {"sha1": "SHA1", "sha224": "SHA224", "sha256": "SHA256", "sha384": "SHA384", "sha512": "SHA512"}


class TimestampError(FactfinderError):
    """The time-stamping authority could not be reached or gave no usable token."""


def request_timestamp(url: str, data: bytes, *, timeout: float = TIMEOUT, client: Any = None) -> bytes:
    """Ask the TSA at ``url`` to time-stamp ``data``; return the checked TimeStampToken (DER).

    The request carries the SHA-256 of ``data`` and a random nonce, and asks
    for the TSA's certificate to be included so that the token can be checked
    later on its own.
    """
    import httpx
    from asn1crypto import tsp

    if not url.startswith(("http://", "https://")):
        raise UsageError(f"--tsa {url!r} is not an http(s) URL; pass the time-stamping authority's URL, "
                         "for example https://freetsa.org/tsr")
    nonce = int.from_bytes(os.urandom(8), "big")
    request = tsp.TimeStampReq({
        "version": "v1",
        "message_imprint": {"hash_algorithm": {"algorithm": "sha256"},
                            "hashed_message": hashlib.sha256(data).digest()},
        "nonce": nonce, "cert_req": True,
    })
    http = client or httpx.Client(timeout=httpx.Timeout(timeout, connect=CONNECT_TIMEOUT))
    try:
        with http.stream("POST", url, content=request.dump(),
                         headers={"Content-Type": "application/timestamp-query",
                                  "Accept": "application/timestamp-reply"}) as response:
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > MAX_REPLY:
                    raise TimestampError(f"the time-stamping authority {url} sent more than {MAX_REPLY // 1024} kB; "
                                         "a time-stamp is a few kB: is it a time-stamping authority?")
    except httpx.TimeoutException:
        raise TimestampError(f"the time-stamping authority {url} did not answer within {timeout:.0f} s; "
                             "try again later or leave out --tsa") from None
    except httpx.HTTPError as exc:
        raise TimestampError(f"cannot reach the time-stamping authority {url}: {exc}; "
                             "check the URL or leave out --tsa") from None
    finally:
        if client is None:
            http.close()
    if response.status_code != 200:
        raise TimestampError(f"the time-stamping authority {url} answered HTTP {response.status_code}; "
                             "check the URL or leave out --tsa")
    try:
        reply = time_stamp_response().load(bytes(body))
        status = reply["status"]["status"].native
        token = reply["time_stamp_token"]
        if status in ("granted", "granted_with_mods") and token.native is not None:
            der = token.dump()
            nonce_back = tsp_info(der)["nonce"].native
        else:
            der, nonce_back = None, None
    except (ValueError, TypeError, KeyError) as exc:
        raise TimestampError(f"{url} did not answer with an RFC 3161 time-stamp response ({exc}); "
                             "is it a time-stamping authority?") from None
    if der is None:
        said = "; ".join(reply["status"]["status_string"].native or []) or "no reason given"
        raise TimestampError(f"the time-stamping authority {url} refused the request ({status}: {said})")
    if nonce_back != nonce:
        raise TimestampError(f"the time-stamp from {url} answers another request (nonce differs); try again")
    problems, _ = check_token(der, data)
    if problems:
        raise TimestampError(f"the time-stamp from {url} does not check out: {problems[0]}")
    return bytes(der)


def time_stamp_response() -> Any:
    """TimeStampResp with its token OPTIONAL, as RFC 3161 has it.

    asn1crypto 1.5 declares the token mandatory, so it cannot read a refusal
    (a status without a token), which is exactly what a TSA sends when it says no.
    """
    from asn1crypto import cms, core, tsp

    class TimeStampResp(core.Sequence):  # type: ignore[misc]  # asn1crypto has no type hints
        _fields = [("status", tsp.PKIStatusInfo), ("time_stamp_token", cms.ContentInfo, {"optional": True})]

    return TimeStampResp


def tsp_info(token: bytes) -> Any:
    """The TSTInfo inside a TimeStampToken (a CMS SignedData)."""
    from asn1crypto import cms, tsp  # noqa: F401  # importing tsp teaches cms the id-ct-TSTInfo type

    info = cms.ContentInfo.load(token)
    if info["content_type"].native != "signed_data":
        raise ValueError("the token is not CMS SignedData")
    encap = info["content"]["encap_content_info"]
    if encap["content_type"].native != "tst_info":
        raise ValueError("the token's content is not a TSTInfo")
    return encap["content"].parsed


def check_token(token: bytes, data: bytes, *, certificate: bytes | None = None) -> tuple[list[str], list[str]]:
    """(problems, notes) of a TimeStampToken over ``data``.

    Checked: the message imprint is the hash of ``data``; the CMS signature of
    the TSA verifies with the certificate in the token, over signed attributes
    whose message digest is that of the TSTInfo; the certificate is for
    time-stamping and valid at the stamped time; and, when ``certificate``
    (PEM or DER) is given, the signer is that certificate or was issued by it.
    """
    from asn1crypto import cms, tsp  # noqa: F401  # importing tsp teaches cms the id-ct-TSTInfo type

    try:
        signed = cms.ContentInfo.load(token)["content"]
        tst = tsp_info(token)
        tst_der = signed["encap_content_info"]["content"].contents
        imprint = tst["message_imprint"]
        algorithm = imprint["hash_algorithm"]["algorithm"].native
        hashed = imprint["hashed_message"].native
        when: datetime = tst["gen_time"].native
        [signer] = list(signed["signer_infos"])
    except (ValueError, TypeError, KeyError) as exc:
        return [f"its time-stamp token is unreadable ({exc})"], []
    if algorithm not in _HASHES or hashlib.new(algorithm, data).digest() != hashed:
        return ["its time-stamp covers other bytes than this checkpoint (the message imprint differs): "
                "the checkpoint was edited after it was time-stamped"], []
    stamped = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    cert, missing = _signer_certificate(signed, signer)
    if cert is None:
        return [f"its time-stamp token {missing}"], []
    bad = _signature_problem(signer, tst_der, cert)
    if bad:
        return [f"its time-stamp of {stamped} {bad}"], []
    who = _who(cert)
    problems = _certificate_problems(cert, when, certificate)
    pinned = " (pinned)" if certificate is not None else " (authority not pinned: pass --tsa-cert)"
    return [f"its time-stamp {p}" for p in problems], [f"time-stamped {stamped} by {who}{pinned}"]


def _signer_certificate(signed: Any, signer: Any) -> tuple[Any, str]:
    from cryptography import x509

    sid = signer["sid"]
    for choice in signed["certificates"] or []:
        if choice.name != "certificate":
            continue
        candidate = choice.chosen
        if sid.name == "issuer_and_serial_number":
            match = (candidate.issuer == sid.chosen["issuer"]
                     and candidate.serial_number == sid.chosen["serial_number"].native)
        else:
            match = candidate.key_identifier == sid.chosen.native
        if match:
            return x509.load_der_x509_certificate(candidate.dump()), ""
    return None, "does not carry the authority's certificate; ask the TSA for it (certReq) and stamp again"


def _signature_problem(signer: Any, tst_der: bytes, cert: Any) -> str | None:
    from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa

    digest_name = signer["digest_algorithm"]["algorithm"].native
    if digest_name not in _HASHES:
        return f"uses the digest {digest_name}, which factfinder does not check"
    attrs = signer["signed_attrs"]
    if not attrs:
        return "has no signed attributes (RFC 3161 requires them)"
    values = {a["type"].native: a["values"][0].native for a in attrs}
    if values.get("content_type") != "tst_info":
        return "signs another content type than a TSTInfo"
    if values.get("message_digest") != hashlib.new(digest_name, tst_der).digest():
        return "was changed: its TSTInfo does not match the digest the authority signed"
    # The signature covers the attributes DER-encoded as a SET, not with their [0] tag.
    message = b"\x31" + attrs.dump()[1:]
    signature = signer["signature"].native
    algorithm = getattr(hashes, _HASHES[digest_name])()
    key = cert.public_key()
    try:
        if isinstance(key, rsa.RSAPublicKey):
            scheme = signer["signature_algorithm"].signature_algo
            pad = (padding.PSS(padding.MGF1(algorithm), padding.PSS.AUTO) if scheme == "rsassa_pss"
                   else padding.PKCS1v15())
            key.verify(signature, message, pad, algorithm)
        elif isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, message, ec.ECDSA(algorithm))
        elif isinstance(key, ed25519.Ed25519PublicKey):
            key.verify(signature, message)
        else:
            return f"is signed with a {type(key).__name__}, which factfinder does not check"
    except (InvalidSignature, UnsupportedAlgorithm, ValueError):
        return "does not verify with the authority's certificate: the token was altered or forged"
    return None


def _certificate_problems(cert: Any, when: datetime, pinned: bytes | None) -> list[str]:
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature
    from cryptography.x509.oid import ExtendedKeyUsageOID

    problems = []
    try:
        usage = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        stamping = ExtendedKeyUsageOID.TIME_STAMPING in usage
    except x509.ExtensionNotFound:
        stamping = False
    if not stamping:
        problems.append("is signed by a certificate that is not for time-stamping")
    if not cert.not_valid_before_utc <= when <= cert.not_valid_after_utc:
        problems.append("falls outside its certificate's validity")
    if pinned is not None:
        anchor = _load_certificate(pinned)
        if cert != anchor:
            try:
                cert.verify_directly_issued_by(anchor)
            except (ValueError, TypeError, InvalidSignature) as exc:  # wrong issuer name or signature
                problems.append(f"is signed by {_who(cert)}, neither the pinned authority {_who(anchor)} "
                                f"nor issued by it ({type(exc).__name__})")
    return problems


def _who(cert: Any) -> str:
    """A certificate's common name, the name a person knows the authority by."""
    from cryptography.x509.oid import NameOID

    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else (cert.subject.rfc4514_string() or "an unnamed authority")


def _load_certificate(data: bytes) -> Any:
    from cryptography import x509

    try:
        if data.lstrip().startswith(b"-----BEGIN"):
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError as exc:
        raise UsageError(f"--tsa-cert is not an X.509 certificate in PEM or DER ({exc}); pass the "
                         "time-stamping authority's certificate") from exc
