"""A small RFC 3161 time-stamping authority on 127.0.0.1, for the tests only.

Built with the same libraries as the client (asn1crypto for the DER,
``cryptography`` for a test CA, the TSA certificate and the CMS signature), so
the client is checked against tokens made the way a real TSA makes them:
a TSTInfo inside CMS SignedData, signed attributes (content type, message
digest), the signer named by issuer and serial number, its certificate included.
``mode`` makes it misbehave the ways a client must survive.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from asn1crypto import cms, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from factfinder.store.timestamp import time_stamp_response


@dataclass
class Authority:
    """A test CA and the TSA certificate it issued."""

    ca_pem: bytes
    cert_der: bytes
    key: Any
    other_ca_pem: bytes = b""  # a CA that did not issue the TSA certificate


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "factfinder tests")])


def _ca(common: str) -> tuple[Any, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(_name(common)).issuer_name(_name(common))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .sign(key, hashes.SHA256()))
    return key, cert


def make_authority(*, for_time_stamping: bool = True) -> Authority:
    """A CA and an RSA TSA certificate it signed (critical EKU timeStamping unless told otherwise)."""
    ca_key, ca_cert = _ca("factfinder test CA")
    _, other = _ca("some other CA")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = datetime.now(timezone.utc)
    usage = [ExtendedKeyUsageOID.TIME_STAMPING if for_time_stamping else ExtendedKeyUsageOID.SERVER_AUTH]
    cert = (x509.CertificateBuilder().subject_name(_name("factfinder test TSA")).issuer_name(ca_cert.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=30))
            .add_extension(x509.ExtendedKeyUsage(usage), critical=True)
            .sign(ca_key, hashes.SHA256()))
    pem = serialization.Encoding.PEM
    return Authority(ca_cert.public_bytes(pem), cert.public_bytes(serialization.Encoding.DER), key,
                     other.public_bytes(pem))


def make_token(authority: Authority, imprint: Any, nonce: int | None, *, serial: int = 1) -> cms.ContentInfo:
    """A TimeStampToken over ``imprint`` (an asn1crypto MessageImprint), signed by the TSA."""
    cert = asn1_x509.Certificate.load(authority.cert_der)
    info = tsp.TSTInfo({
        "version": "v1", "policy": "1.3.6.1.4.1.99999.1", "message_imprint": imprint, "serial_number": serial,
        "gen_time": datetime.now(timezone.utc).replace(microsecond=0), "nonce": nonce,
    })
    attrs = cms.CMSAttributes([
        {"type": "content_type", "values": ["tst_info"]},
        {"type": "message_digest", "values": [hashlib.sha256(info.dump()).digest()]},
    ])
    signature = authority.key.sign(attrs.dump(), padding.PKCS1v15(), hashes.SHA256())
    signer = cms.SignerInfo({
        "version": "v1",
        "sid": {"issuer_and_serial_number": {"issuer": cert.issuer, "serial_number": cert.serial_number}},
        "digest_algorithm": {"algorithm": "sha256"}, "signed_attrs": attrs,
        "signature_algorithm": {"algorithm": "sha256_rsa"}, "signature": signature,
    })
    signed = cms.SignedData({
        "version": "v3", "digest_algorithms": [{"algorithm": "sha256"}],
        "encap_content_info": {"content_type": "tst_info", "content": info},
        "certificates": [cert], "signer_infos": [signer],
    })
    return cms.ContentInfo({"content_type": "signed_data", "content": signed})


_OPENSSL_TSA_CONFIG = """\
[ tsa ]
default_tsa = factfinder_test
[ factfinder_test ]
serial = {folder}/serial
crypto_device = builtin
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.2
digests = sha256, sha384, sha512
accuracy = secs:1
ess_cert_id_alg = sha256
"""


def openssl_reply(authority: Authority, request: bytes) -> bytes:
    """The TimeStampResp that OpenSSL's own TSA (`openssl ts -reply`) gives for ``request``.

    An implementation independent of the client's: a token that factfinder
    reads and checks here is not merely one it made itself.
    """
    import subprocess
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory(prefix="openssl-tsa-") as folder:
        base = Path(folder)
        (base / "serial").write_text("01\n")
        (base / "tsa.cnf").write_text(_OPENSSL_TSA_CONFIG.format(folder=folder))
        (base / "request.tsq").write_bytes(request)
        (base / "tsa.pem").write_bytes(x509.load_der_x509_certificate(authority.cert_der)
                                       .public_bytes(serialization.Encoding.PEM))
        (base / "tsa.key").write_bytes(authority.key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
        subprocess.run(["openssl", "ts", "-reply", "-config", str(base / "tsa.cnf"), "-queryfile",
                        str(base / "request.tsq"), "-inkey", str(base / "tsa.key"), "-signer",
                        str(base / "tsa.pem"), "-out", str(base / "reply.tsr")],
                       check=True, capture_output=True, timeout=60)
        return (base / "reply.tsr").read_bytes()


@dataclass
class TimeStampingAuthority:
    """The running server: ``url`` to post to; ``mode`` one of ok, openssl (OpenSSL's TSA answers), reject, slow, garbage, huge, wrong-nonce."""

    authority: Authority
    mode: str = "ok"
    requests: list[bytes] = field(default_factory=list)
    url: str = ""
    _server: Any = None

    def answer(self, body: bytes) -> tuple[int, bytes]:
        self.requests.append(body)
        if self.mode == "garbage":
            return 200, b"<html>not a time-stamp</html>"
        if self.mode == "huge":
            return 200, b"\x30" * (3 * 1024 * 1024)
        if self.mode == "slow":
            time.sleep(3)
        if self.mode == "openssl":
            return 200, openssl_reply(self.authority, body)
        request = tsp.TimeStampReq.load(body)
        if self.mode == "reject":
            refusal = time_stamp_response()({"status": {"status": "rejection",
                                                        "status_string": ["unsupported policy"]}})
            return 200, refusal.dump()
        nonce = request["nonce"].native
        if self.mode == "wrong-nonce":
            nonce += 1
        token = make_token(self.authority, request["message_imprint"], nonce, serial=len(self.requests))
        return 200, tsp.TimeStampResp({"status": {"status": "granted"}, "time_stamp_token": token}).dump()

    def start(self) -> "TimeStampingAuthority":
        tsa = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status, reply = tsa.answer(body)
                self.send_response(status)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                try:
                    self.wfile.write(reply)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (the slow mode)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/tsr"
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
