"""`factfinder serve`, `factfinder user ...` and `factfinder token ...`: the web app and its accounts."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from factfinder.cli import DB_HELP, main, open_store, with_settings

if TYPE_CHECKING:
    from factfinder.settings import Settings


def check_listen(host: str, *, accounts: bool) -> None:
    """Refuse to serve beyond this machine without accounts: anyone on the network could edit."""
    from factfinder.errors import UsageError
    from factfinder.web.security import is_loopback

    if not accounts and not is_loopback(host):
        raise UsageError(f"refusing to listen on {host} without accounts: anyone who can reach it could read and "
                         "edit the data. Create one first with `factfinder user add NAME --role admin`, "
                         "or serve on 127.0.0.1")


@main.command()
@click.argument("database", required=False, metavar="[DB]")
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback needs accounts (`factfinder user add`).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="TCP port.")
@click.option("--no-extract", is_flag=True, help="Web ingest only captures and extracts text (no NLP model).")
@click.option("--secure-cookies", is_flag=True, help="Mark session cookies Secure (behind an HTTPS proxy).")
@click.option("--follow", "follow_sources", is_flag=True,
              help="Also run `follow run` passes in the background, once a minute (followed sources).")
@with_settings
def serve(database: str | None, db: str | None, host: str, port: int, no_extract: bool,
          secure_cookies: bool, follow_sources: bool, settings: Settings) -> None:
    """Open the store as a web app and JSON API (search, map, timeline, tallies, review).

    Without accounts it serves a single local user with every role, on
    loopback only. Everything it needs ships inside the package: it works
    offline.
    """
    import uvicorn

    from factfinder.pipeline import Pipeline
    from factfinder.store.accounts import has_users
    from factfinder.web.app import create_app

    settings = settings.with_options(db=database or db)
    path = settings.db
    with open_store(settings) as store:
        accounts = has_users(store.conn)
    check_listen(host, accounts=accounts)
    factory = None if no_extract else (lambda: Pipeline(settings=settings))
    app = create_app(path, open_access=not accounts, settings=settings, pipeline_factory=factory,
                     secure_cookies=secure_cookies, loopback_hosts_only=not accounts)
    if follow_sources:
        from factfinder.follow import start_background_passes

        start_background_passes(settings, pipeline_factory=factory)
    mode = "accounts on" if accounts else "no accounts: single local user"
    click.echo(f"factfinder serving {path} on http://{host}:{port}/ ({mode}); Ctrl-C stops", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


@main.group()
def user() -> None:
    """Manage web accounts (roles: viewer, editor, admin)."""


@user.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["viewer", "editor", "admin"]), required=True,
              help="viewer reads; editor also ingests and reviews; admin also manages.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input instead of prompting.")
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@with_settings
def user_add(name: str, role: str, password_stdin: bool, db: str | None, settings: Settings) -> None:
    """Create a user (or set a new password and role for an existing one)."""
    from factfinder.store.accounts import add_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    settings = settings.with_options(db=db)
    path = settings.db
    with open_store(settings) as store:
        created = add_user(store.conn, name, password, role)
    click.echo(f"user {created.name} ({created.role}) saved in {path}")


@user.command("list")
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@with_settings
def user_list(db: str | None, settings: Settings) -> None:
    """List users and their roles."""
    from factfinder.store.accounts import list_users

    with open_store(settings.with_options(db=db), must_exist=True) as store:
        users = list_users(store.conn)
    for u in users:
        click.echo(f"{u.name}\t{u.role}")
    if not users:
        click.echo("no users: `factfinder serve` runs for a single local user", err=True)


@user.command("remove")
@click.argument("name")
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@with_settings
def user_remove(name: str, db: str | None, settings: Settings) -> None:
    """Remove a user and their API tokens; their past reviews stay in the ledger."""
    from factfinder.store.accounts import remove_user

    with open_store(settings.with_options(db=db), must_exist=True) as store:
        remove_user(store.conn, name)
    click.echo(f"user {name} removed")


@main.group()
def token() -> None:
    """Manage API tokens for scripts (sent as `Authorization: Bearer <token>`)."""


@token.command("create")
@click.argument("name", metavar="USER")
@click.option("--label", help="What the token is for, e.g. 'nightly export'.")
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@with_settings
def token_create(name: str, label: str | None, db: str | None, settings: Settings) -> None:
    """Create a token acting as USER (with USER's role); it is printed once and stored hashed."""
    from factfinder.store.accounts import create_token

    with open_store(settings.with_options(db=db), must_exist=True) as store:
        token_id, secret = create_token(store.conn, name, label=label)
    click.echo(secret)
    click.echo(f"token {token_id} for {name}: keep it now, it cannot be shown again", err=True)


@token.command("list")
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@with_settings
def token_list(db: str | None, settings: Settings) -> None:
    """List tokens (id, user, label, created); the tokens themselves are not kept."""
    from factfinder.store.accounts import list_tokens

    with open_store(settings.with_options(db=db), must_exist=True) as store:
        for token_id, user_name, label, created in list_tokens(store.conn):
            click.echo(f"{token_id}\t{user_name}\t{label or ''}\t{created}")


@token.command("revoke")
@click.argument("token_id", type=int)
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@with_settings
def token_revoke(token_id: int, db: str | None, settings: Settings) -> None:
    """Revoke a token by its id."""
    from factfinder.store.accounts import revoke_token

    with open_store(settings.with_options(db=db), must_exist=True) as store:
        revoke_token(store.conn, token_id)
    click.echo(f"token {token_id} revoked")
