"""Signed checkpoints of the ledger head: tamper-evidence that lives outside the store.

The hash chain shows that no entry was changed in place, but someone who can
write the files can cut the end of the ledger, or change a document and
recompute every hash after it, and the chain is whole again. A checkpoint
(entry count, head hash, time and store id, signed with Ed25519) kept elsewhere
pins the ledger as it was: ``verify --checkpoint`` recomputes the chain up to
the checkpoint's entry and names any difference. The text format is in
docs/store.md; ``CHECKPOINT_FIELDS`` below is its order.
"""

from __future__ import annotations

import base64
import binascii
import re
import textwrap
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from factfinder.errors import StoreError, UsageError
from factfinder.store import signing
from factfinder.store.ledger import GENESIS, LedgerEntry, chain_problems, entry_hash

if TYPE_CHECKING:
    from factfinder.store.sqlite import Store

FORMAT_VERSION = "1"
# The signed fields, in this order; each signed as "name: value\n" (UTF-8).
CHECKPOINT_FIELDS = ("factfinder-checkpoint", "store", "entries", "head", "time", "key", "fingerprint")
_HEADER = ("# factfinder ledger checkpoint. Keep a copy outside the store: mail it, print it,\n"
           "# commit it to another repository. Check it with\n"
           "#   factfinder verify --db DATABASE --checkpoint THIS_FILE --public-key KEYFILE.pub\n")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_STORE_ID = re.compile(r"^[0-9a-f]{32}$")
_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """One signed ledger head, as in the checkpoint file."""

    store_id: str
    entries: int  # the ledger's length when it was made; the head is entry number ``entries``
    head: str  # hash of that entry (64 zeros for an empty ledger)
    time: str  # UTC, ISO 8601 to the second
    public_key: bytes  # raw Ed25519, 32 bytes
    signature: bytes
    key_fingerprint: str  # as written in the file; a mismatch with ``public_key`` is a problem
    tsa: str | None = None  # the time-stamping authority's URL (not signed, for the reader)
    timestamp_token: bytes | None = None  # RFC 3161 TimeStampToken (DER) over ``stamped_bytes``

    def signed_bytes(self) -> bytes:
        """What the Ed25519 signature covers: the signed fields, one ``name: value`` line each."""
        values = (FORMAT_VERSION, self.store_id, str(self.entries), self.head, self.time,
                  f"ed25519 {signing.encode_public_key(self.public_key)}", self.key_fingerprint)
        return "".join(f"{name}: {value}\n" for name, value in zip(CHECKPOINT_FIELDS, values)).encode("utf-8")

    def stamped_bytes(self) -> bytes:
        """What an RFC 3161 time-stamp covers: the signed fields and the signature line."""
        return self.signed_bytes() + f"signature: {_b64(self.signature)}\n".encode("ascii")

    def text(self) -> str:
        """The checkpoint file: a comment header, the signed fields, the signature, the time-stamp."""
        out = _HEADER + self.stamped_bytes().decode("utf-8")
        if self.tsa:
            out += f"tsa: {self.tsa}\n"
        if self.timestamp_token is not None:
            out += "timestamp:\n" + textwrap.indent(textwrap.fill(_b64(self.timestamp_token), 64), "  ") + "\n"
        return out


@dataclass(frozen=True, slots=True)
class CheckpointCheck:
    """The outcome of checking one checkpoint against a store; no ``problems`` means it holds."""

    label: str  # the file it came from
    checkpoint: Checkpoint
    problems: tuple[str, ...]
    notes: tuple[str, ...]  # what was established: signer, ledger position, time-stamp

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True, slots=True)
class LatestCheckpoint:
    """The newest checkpoint this store made, and whether the ledger still extends it (web app)."""

    time: str
    entries: int
    fingerprint: str
    ledger_entries: int
    extends: bool
    reason: str | None  # why it does not, in a sentence


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def utc_seconds(now: datetime | None = None) -> str:
    return (now or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def store_id(store: "Store") -> str:
    """The store's random id, made once by its schema step (store/schema.py) and never changed."""
    row = store.conn.execute("SELECT value FROM store_meta WHERE key = 'store_id'").fetchone()
    if row is None:
        raise StoreError(f"{store.path} has no store id; the database was edited by hand: restore a backup")
    return str(row[0])


def make_checkpoint(store: "Store", private_key: object, *, now: datetime | None = None) -> Checkpoint:
    """Sign the current ledger head; refused when the chain is already broken.

    Signing a broken chain would certify the damage, so the whole chain is
    re-checked first (as ``verify`` does).
    """
    seen: list[LedgerEntry] = []

    def walk() -> Iterator[LedgerEntry]:  # one SELECT: the head checked is the head signed
        for entry in store.ledger():
            seen[:] = [entry]
            yield entry

    problems = chain_problems(walk())
    if problems:
        raise StoreError(f"the ledger of {store.path} is already broken ({problems[0]}); run "
                         "`factfinder verify` and restore a backup before signing a checkpoint")
    entries, head = (seen[0].seq, seen[0].hash) if seen else (0, GENESIS)
    public = signing.public_key_of(private_key)
    unsigned = Checkpoint(store_id=store_id(store), entries=entries, head=head, time=utc_seconds(now),
                          public_key=public, signature=b"", key_fingerprint=signing.fingerprint(public))
    return replace(unsigned, signature=signing.sign(private_key, unsigned.signed_bytes()))


def record_checkpoint(store: "Store", checkpoint: Checkpoint) -> None:
    """Remember a checkpoint in the store, so the web app can show the latest one.

    The copy kept elsewhere is the one that counts; this one is for display.
    """
    with store.transaction():
        store.conn.execute("INSERT INTO checkpoints (entries, head, created_at, fingerprint, text)"
                           " VALUES (?, ?, ?, ?, ?)", (checkpoint.entries, checkpoint.head, checkpoint.time,
                                                       checkpoint.key_fingerprint, checkpoint.text()))


def write_checkpoint(checkpoint: Checkpoint, path: str | Path) -> None:
    """Write the checkpoint file; an existing file (an older checkpoint, worth keeping) is refused."""
    target = Path(path)
    try:
        with open(target, "x", encoding="utf-8", newline="\n") as out:
            out.write(checkpoint.text())
    except FileExistsError:
        raise UsageError(f"{target} already exists and may hold an older checkpoint worth keeping; "
                         "choose another name, for example with the date in it") from None
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror}") from exc


def parse_checkpoint(text: str, *, label: str = "checkpoint") -> Checkpoint:
    """Read a checkpoint file; a malformed one is refused with the line at fault."""
    fields: dict[str, str] = {}
    last: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[:1].isspace():  # continuation of the previous field (the wrapped time-stamp)
            if last is None:
                raise UsageError(f"{label} line {number}: an indented line before any field")
            fields[last] += line.strip()
            continue
        name, sep, value = line.partition(":")
        if not sep:
            raise UsageError(f"{label} line {number}: expected `name: value`, found {line[:40]!r}; "
                             "is it a factfinder checkpoint?")
        last = name.strip()
        if last in fields:
            raise UsageError(f"{label} line {number}: the field {last!r} appears twice")
        fields[last] = value.strip()
    missing = [f for f in (*CHECKPOINT_FIELDS, "signature") if f not in fields]
    if missing:
        raise UsageError(f"{label} is not a factfinder checkpoint: it lacks {', '.join(missing)}")
    if fields["factfinder-checkpoint"] != FORMAT_VERSION:
        raise UsageError(f"{label} is checkpoint format {fields['factfinder-checkpoint']!r}; this factfinder "
                         f"reads format {FORMAT_VERSION}: upgrade factfinder")
    try:
        return _checkpoint_from(fields)
    except ValueError as exc:
        raise UsageError(f"{label} is malformed: {exc}") from exc


def _checkpoint_from(fields: dict[str, str]) -> Checkpoint:
    if not _STORE_ID.match(fields["store"]):
        raise ValueError(f"store {fields['store']!r} is not 32 hex digits")
    if not fields["entries"].isdigit():
        raise ValueError(f"entries {fields['entries']!r} is not a number")
    if not _HEX64.match(fields["head"]):
        raise ValueError(f"head {fields['head'][:20]!r} is not a SHA-256 in hex")
    if not _TIME.match(fields["time"]):
        raise ValueError(f"time {fields['time']!r} is not YYYY-MM-DDTHH:MM:SSZ")
    algorithm, _, key = fields["key"].partition(" ")
    if algorithm != "ed25519":
        raise ValueError(f"key algorithm {algorithm!r} is not ed25519")

    def decode(name: str) -> bytes:
        try:
            return base64.b64decode(fields[name], validate=True)
        except (binascii.Error, ValueError):
            raise ValueError(f"{name} is not base64") from None

    token = decode("timestamp") if "timestamp" in fields else None
    return Checkpoint(store_id=fields["store"], entries=int(fields["entries"]), head=fields["head"],
                      time=fields["time"], public_key=signing.decode_public_key(key),
                      signature=decode("signature"), key_fingerprint=fields["fingerprint"],
                      tsa=fields.get("tsa"), timestamp_token=token)


def read_checkpoint(path: str | Path) -> Checkpoint:
    target = Path(path)
    try:
        text = target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the checkpoint {target}: {exc}") from exc
    return parse_checkpoint(text, label=str(target))


def _signature_problems(checkpoint: Checkpoint, pinned_key: bytes | None) -> list[str]:
    problems = []
    actual = signing.fingerprint(checkpoint.public_key)
    if checkpoint.key_fingerprint != actual:
        problems.append(f"its fingerprint line ({checkpoint.key_fingerprint[:23]}…) is not that of the key "
                        f"inside it ({actual[:23]}…): the file was edited")
    if not signing.signature_valid(checkpoint.public_key, checkpoint.signature, checkpoint.signed_bytes()):
        problems.append(f"its signature does not verify with the key inside it ({actual[:23]}…): "
                        "the checkpoint was edited or forged")
    if pinned_key is not None and pinned_key != checkpoint.public_key:
        problems.append(f"it was signed by key {actual[:23]}…, not by the pinned key "
                        f"{signing.fingerprint(pinned_key)[:23]}… (--public-key)")
    return problems


def check_checkpoints(store: "Store", checkpoints: Iterable[tuple[str, Checkpoint]], *,
                      public_key: bytes | None = None, tsa_certificate: bytes | None = None) -> list[CheckpointCheck]:
    """Check each (label, checkpoint) against the store in one walk over the ledger.

    The chain is recomputed from the entries' content (not read from their
    ``hash`` column) up to each checkpoint's entry, so a ledger rewritten
    consistently after a change, cut short, or missing an entry differs from
    the signed head. ``public_key`` pins the signer; ``tsa_certificate`` (DER
    or PEM) pins the time-stamping authority.
    """
    from factfinder.store import timestamp

    pending = list(checkpoints)
    ours = store_id(store)
    want = {cp.entries for _, cp in pending if cp.store_id == ours}
    recomputed: dict[int, str] = {0: GENESIS}  # entry number -> the chain's hash there, recomputed
    last, length = GENESIS, 0
    for entry in store.ledger():
        try:
            last = entry_hash(last, entry.seq, entry.kind, entry.subject, entry.payload, entry.created_at)
        except (ValueError, TypeError):
            last = "unreadable entry"
        length = max(length, entry.seq)
        if entry.seq in want:
            recomputed[entry.seq] = last
    # The furthest entry that a well-signed checkpoint still vouches for: a change lies after it.
    intact = max((cp.entries for _, cp in pending if cp.store_id == ours and recomputed.get(cp.entries) == cp.head
                  and not _signature_problems(cp, public_key)), default=0)
    results = []
    for label, cp in pending:
        problems = _signature_problems(cp, public_key)
        since = (f"; entries 1 to {intact} still match an earlier checkpoint, so the change lies after entry {intact}"
                 if 0 < intact < cp.entries else "")
        signer = signing.fingerprint(cp.public_key)[:23] + "…"
        notes = [f"signed by {signer}" + ("" if public_key is not None else " (key not pinned: pass --public-key)")]
        if cp.store_id != ours:
            problems.append(f"it belongs to store {cp.store_id}, not to this store ({ours}): "
                            "pass the checkpoints made of this store")
        elif cp.entries > length:
            cut = (f"entry {cp.entries} was" if cp.entries == length + 1
                   else f"entries {length + 1} to {cp.entries} were")
            problems.append(f"the ledger has {length} entries but the checkpoint signed {cp.entries}: {cut} "
                            "removed after it (the end of the ledger was cut, or entries deleted and "
                            f"the chain rewritten){since}")
        elif cp.entries not in recomputed:
            problems.append(f"ledger entry {cp.entries}, the head this checkpoint signed, is missing: "
                            "the ledger was cut")
        elif recomputed[cp.entries] != cp.head:
            problems.append(f"ledger entry {cp.entries} now chains to {recomputed[cp.entries][:16]}…, but the "
                            f"checkpoint signed {cp.head[:16]}…: entries 1 to {cp.entries} were changed after "
                            f"it (a document or an entry replaced and the chain rewritten, or an entry deleted){since}")
        else:
            notes.append(f"the ledger extends it (entry {cp.entries} of {length})")
        if cp.timestamp_token is not None:
            stamp_problems, stamp_notes = timestamp.check_token(cp.timestamp_token, cp.stamped_bytes(),
                                                                certificate=tsa_certificate)
            problems.extend(stamp_problems)
            notes.extend(stamp_notes)
        prefix = f"checkpoint {label} ({cp.time}, {cp.entries} entries): "
        results.append(CheckpointCheck(label, cp, tuple(prefix + p for p in problems), tuple(notes)))
    return results


def latest_checkpoint(store: "Store") -> LatestCheckpoint | None:
    """The newest recorded checkpoint and whether the ledger still extends it.

    A quick look for the web app (the signature and the head entry's stored
    hash), not a full ``verify``.
    """
    row = store.conn.execute("SELECT text FROM checkpoints ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        return None
    length = int(store.conn.execute("SELECT coalesce(max(seq), 0) FROM ledger").fetchone()[0])
    try:
        cp = parse_checkpoint(row[0])
    except UsageError as exc:
        return LatestCheckpoint("?", 0, "?", length, False, f"the recorded checkpoint is unreadable: {exc}")
    reason = None
    if _signature_problems(cp, None):
        reason = "its signature does not verify"
    elif cp.store_id != store_id(store):
        reason = "it belongs to another store"
    elif cp.entries > length:
        reason = f"the ledger has only {length} of its {cp.entries} entries"
    elif cp.entries:
        found = store.conn.execute("SELECT hash FROM ledger WHERE seq = ?", (cp.entries,)).fetchone()
        if found is None or found[0] != cp.head:
            reason = f"ledger entry {cp.entries} no longer has the hash it signed"
    return LatestCheckpoint(cp.time, cp.entries, cp.key_fingerprint, length, reason is None, reason)
