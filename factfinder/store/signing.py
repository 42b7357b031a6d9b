"""Ed25519 keys for signing ledger checkpoints (with the ``cryptography`` library).

A checkpoint is only as good as the key behind it: the private key should live
away from the machine that holds the store (an adversary who can write the
store and read the key can sign a checkpoint of a rewritten ledger, though not
undo the checkpoints already kept elsewhere). Keys are standard files, so a
third party can check a signature with OpenSSL as well as with factfinder:
the private key is PKCS#8 PEM, written 0600; the public key is
SubjectPublicKeyInfo PEM, in ``KEYFILE.pub``.
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factfinder.errors import StoreError, UsageError

PUBLIC_SUFFIX = ".pub"


@dataclass(frozen=True, slots=True)
class KeyFiles:
    """Where ``generate_key`` put a new key pair, and how to recognise its public half."""

    private: Path
    public: Path
    public_key: bytes  # raw 32 bytes
    fingerprint: str


def fingerprint(public_key: bytes) -> str:
    """``SHA256:`` and the hex SHA-256 of the raw 32-byte public key: short enough to read aloud."""
    return "SHA256:" + hashlib.sha256(public_key).hexdigest()


def encode_public_key(public_key: bytes) -> str:
    return base64.b64encode(public_key).decode("ascii")


def decode_public_key(text: str) -> bytes:
    """The raw key from its base64 spelling; anything but 32 bytes is refused."""
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except ValueError as exc:
        raise ValueError(f"the public key {text[:20]!r} is not base64") from exc
    if len(raw) != 32:
        raise ValueError(f"an Ed25519 public key has 32 bytes, this one {len(raw)}")
    return raw


def generate_key(path: str | Path) -> KeyFiles:
    """Write a new Ed25519 private key to ``path`` (mode 0600) and its public key beside it.

    An existing file is never overwritten: losing a private key would orphan
    every checkpoint it signed.
    """
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private_path = Path(path)
    public_path = private_path.with_name(private_path.name + PUBLIC_SUFFIX)
    for target in (private_path, public_path):
        if target.exists():
            raise UsageError(f"{target} already exists; keygen never overwrites a key: "
                             "choose another file with -o, or move the old key away first")
    if not private_path.parent.is_dir():
        raise UsageError(f"cannot write {private_path}: the folder {private_path.parent} does not exist")
    key = Ed25519PrivateKey.generate()
    private_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
    public = key.public_key()
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    public_pem = public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    # O_EXCL: never follow or clobber a file that appeared meanwhile; 0600 from the first byte.
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(private_pem)
    public_path.write_bytes(public_pem)
    return KeyFiles(private_path, public_path, raw, fingerprint(raw))


def load_private_key(path: str | Path) -> object:
    """The Ed25519 private key in ``path`` (PKCS#8 PEM, as written by ``generate_key``)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key_path = Path(path)
    try:
        data = key_path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"there is no signing key at {key_path}; create one with "
                         "`factfinder ledger keygen -o FILE` or pass it with --key") from None
    except OSError as exc:
        raise UsageError(f"cannot read the signing key {key_path}: {exc.strerror}") from exc
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise UsageError(f"{key_path} is not an unencrypted PEM private key ({exc}); pass the file "
                         "that `factfinder ledger keygen` wrote") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise UsageError(f"{key_path} holds a {type(key).__name__}, not an Ed25519 key; "
                         "create one with `factfinder ledger keygen`")
    return key


def load_public_key(path: str | Path) -> bytes:
    """The raw Ed25519 public key in a PEM file (``KEYFILE.pub``) or in a private key file."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

    key_path = Path(path)
    try:
        data = key_path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read the public key {key_path}: {exc.strerror}; pass the KEYFILE.pub "
                         "that `factfinder ledger keygen` wrote") from exc
    key: object
    try:
        key = serialization.load_pem_public_key(data)
    except ValueError:
        try:
            key = serialization.load_pem_private_key(data, password=None).public_key()
        except (ValueError, TypeError) as exc:
            raise UsageError(f"{key_path} is not a PEM public key; pass the KEYFILE.pub that "
                             "`factfinder ledger keygen` wrote") from exc
    if isinstance(key, Ed25519PrivateKey):
        key = key.public_key()
    if not isinstance(key, Ed25519PublicKey):
        raise UsageError(f"{key_path} holds a {type(key).__name__}, not an Ed25519 public key")
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _ed25519(private_key: object) -> Any:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    if not isinstance(private_key, Ed25519PrivateKey):
        raise StoreError("checkpoints are signed with Ed25519 keys only; create one with `factfinder ledger keygen`")
    return private_key


def public_key_of(private_key: object) -> bytes:
    """The raw 32-byte public half of a private key."""
    from cryptography.hazmat.primitives import serialization

    return bytes(_ed25519(private_key).public_key().public_bytes(serialization.Encoding.Raw,
                                                                  serialization.PublicFormat.Raw))


def sign(private_key: object, message: bytes) -> bytes:
    """The Ed25519 signature of ``message``."""
    return bytes(_ed25519(private_key).sign(message))


def signature_valid(public_key: bytes, signature: bytes, message: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True
