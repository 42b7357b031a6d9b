"""`factfinder ledger keygen` and `ledger checkpoint`, and the checkpoint part of `verify`.

Thin commands over factfinder.store.signing, .checkpoint and .timestamp; the
format and what is checked are in docs/store.md.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import click

from factfinder.cli import DB_HELP, main, open_store, with_settings
from factfinder.errors import StoreError, UsageError

if TYPE_CHECKING:
    from factfinder.settings import Settings
    from factfinder.store import Store

DEFAULT_KEY = "factfinder-ledger.key"


@main.group()
def ledger() -> None:
    """Signed checkpoints of the ledger, to keep outside the store."""


@ledger.command()
@click.option("--output", "-o", default=DEFAULT_KEY, show_default=True, type=click.Path(dir_okay=False),
              help="Private key file to create (mode 0600); the public key goes to FILE.pub.")
@with_settings
def keygen(output: str, settings: Settings) -> None:
    """Create an Ed25519 key pair for signing checkpoints.

    Keep the private key away from the machine that holds the store if you can;
    give the public key (or its fingerprint) to whoever will check checkpoints.
    """
    from factfinder.store.signing import encode_public_key, generate_key

    keys = generate_key(output)
    click.echo(f"public key:  ed25519 {encode_public_key(keys.public_key)}")
    click.echo(f"fingerprint: {keys.fingerprint}")
    click.echo(f"private key written to {keys.private} (mode 0600), public key to {keys.public}")


@ledger.command()
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--key", "key_file", default=DEFAULT_KEY, show_default=True, type=click.Path(dir_okay=False),
              help="Private key from `factfinder ledger keygen`.")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="File to write the checkpoint to (never overwritten); default: standard output.")
@click.option("--tsa", metavar="URL", help="Also time-stamp the checkpoint by this RFC 3161 time-stamping authority.")
@with_settings
def checkpoint(db: str | None, key_file: str, output: str | None, tsa: str | None, settings: Settings) -> None:
    """Sign the ledger's head (entry count, head hash, time, store id) into a small text file.

    Keep the file outside the store (mail it, print it, commit it elsewhere);
    `factfinder verify --checkpoint FILE` then catches a ledger cut short or
    rewritten since.
    """
    from dataclasses import replace

    from factfinder.store.checkpoint import make_checkpoint, record_checkpoint, write_checkpoint
    from factfinder.store.signing import load_private_key
    from factfinder.store.timestamp import request_timestamp

    key = load_private_key(key_file)
    if Path(key_file).stat().st_mode & 0o077:
        click.echo(f"warning: {key_file} can be read by other users; `chmod 600 {key_file}`", err=True)
    if output is not None and Path(output).exists():  # checked again when writing; early spares a TSA request
        raise UsageError(f"{output} already exists and may hold an older checkpoint worth keeping; "
                         "choose another name, for example with the date in it")
    with open_store(settings.with_options(db=db), must_exist=True) as store:
        made = make_checkpoint(store, key)
        if tsa:
            made = replace(made, tsa=tsa, timestamp_token=request_timestamp(tsa, made.stamped_bytes()))
        if output is None:
            click.echo(made.text(), nl=False)
        else:
            write_checkpoint(made, output)
        try:  # only for the web app's display: a read-only store still gets its checkpoint
            record_checkpoint(store, made)
        except (StoreError, sqlite3.Error) as exc:
            click.echo(f"warning: the checkpoint was made but not recorded in the store ({exc}); "
                       "the web app will not show it", err=True)
    where = "" if output is None else f" written to {output}"
    click.echo(f"checkpoint of {made.entries} ledger entries (head {made.head[:16]}…) signed by "
               f"{made.key_fingerprint[:23]}…{' and time-stamped' if tsa else ''}{where}; "
               "keep a copy outside the store", err=output is None)


def checkpoint_lines(store: Store, files: tuple[str, ...], *, public_key: str | None,
                     tsa_cert: str | None) -> tuple[list[str], list[str]]:
    """(notes, problems) of `verify --checkpoint`; without a checkpoint, the one-line caveat."""
    from factfinder.store.checkpoint import check_checkpoints, read_checkpoint
    from factfinder.store.signing import load_public_key

    length = int(store.conn.execute("SELECT coalesce(max(seq), 0) FROM ledger").fetchone()[0])
    if not files:
        return [f"note: no checkpoint given, so a cut at the end of the ledger ({length} entries) cannot be "
                "ruled out; keep `factfinder ledger checkpoint` files elsewhere and pass them with --checkpoint"], []
    pinned = load_public_key(public_key) if public_key else None
    anchor = Path(tsa_cert).read_bytes() if tsa_cert else None
    checks = check_checkpoints(store, [(f, read_checkpoint(f)) for f in files], public_key=pinned,
                               tsa_certificate=anchor)
    notes = [f"checkpoint {c.label} ({c.checkpoint.time}, {c.checkpoint.entries} entries): " + "; ".join(c.notes)
             for c in checks if c.ok]
    covered = max((c.checkpoint.entries for c in checks if c.ok), default=0)
    if checks and all(c.ok for c in checks) and covered < length:
        after = f"entry {length} comes" if covered + 1 == length else f"entries {covered + 1} to {length} come"
        notes.append(f"note: {after} after the latest checkpoint; a cut there cannot be ruled out")
    return notes, [p for c in checks for p in c.problems]
