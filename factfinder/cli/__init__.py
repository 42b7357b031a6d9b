"""The command line: thin Click commands over the library.

Each command group lives in its own module here and is registered below; a
command parses its options, calls one library function and prints. Library
errors (FactfinderError) become one clean line on stderr and an exit code,
never a traceback.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from factfinder.errors import FactfinderError

if TYPE_CHECKING:
    from factfinder.settings import Settings
    from factfinder.store import Store


def friendly_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a FactfinderError into one line on stderr and its exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except FactfinderError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)

    return wrapper


def ocr_flags(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--ocr`` and ``--ocr-lang``, for the commands that read scans (settings ``ocr``, ``ocr_languages``)."""
    func = click.option("--ocr-lang", "ocr_languages", metavar="LANG[+LANG]", default=None,
                        help="Tesseract languages for OCR, e.g. eng+mya (default: the `ocr_languages` setting, eng).")(func)
    return click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default=None,
                        help="OCR of scanned PDF pages and images: auto (pages without a usable text layer), "
                             "always or never (default: the `ocr` setting, auto).")(func)


def lang_flag(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--lang``: the documents' language instead of detecting it (setting ``language``)."""
    return click.option("--lang", "language", metavar="CODE", default=None,
                        help="Language of every document read, e.g. my, instead of detecting it per document "
                             "and story (default: the `language` setting, auto).")(func)


_SETTING_HELP = ("Set a setting for this run, e.g. --setting http_timeout 30; repeatable. "
                 "Beats factfinder.toml and FACTFINDER_<NAME> (docs/settings.md).")


def with_settings(func: Callable[..., Any]) -> Callable[..., Any]:
    """Give a command ``--setting NAME VALUE`` and call it with ``settings``, resolved once.

    Every command takes this decorator (a test checks it), in place of
    ``friendly_errors``: the command reads typed ``settings.<name>`` and applies its
    own shortcut options (``--db``) with ``settings.with_options(...)``; a bad
    setting is a clean error, like any other.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, setting_pairs: tuple[tuple[str, str], ...] = (), **kwargs: Any) -> Any:
        from factfinder.settings import Settings

        return func(*args, settings=Settings.resolve(setting_pairs), **kwargs)

    option = click.option("--setting", "setting_pairs", type=(str, str), multiple=True,
                          metavar="NAME VALUE", help=_SETTING_HELP)
    return option(friendly_errors(wrapper))


DB_HELP = "SQLite database (default: the `db` setting, factfinder.db); originals go to <db>.originals/."


def open_store(settings: Settings, *, must_exist: bool = False) -> Store:
    """The store at the ``db`` setting; with ``must_exist``, a missing file is an error, not a new store."""
    from pathlib import Path

    from factfinder.errors import StoreError
    from factfinder.store import Store

    if must_exist and not Path(settings.db).is_file():
        raise StoreError(f"{settings.db} does not exist; run `factfinder ingest` first "
                         "or pass the database with --db")
    return Store.open(settings.db)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="factfinder")
def main() -> None:
    """factfinder: human-rights reporting in, verifiable incident data out."""


def _register() -> None:
    """Import the command modules; each adds its commands to ``main``.

    A module that does not exist yet is skipped so that the CLI works while the
    project grows; a module that fails to import for any other reason is a bug
    and must fail loudly.
    """
    import importlib

    for name in ("ingest", "extract", "geoparse", "evaluate", "dataset", "serve", "settings", "ledger", "batch", "follow",
                 "report", "search"):
        try:
            importlib.import_module(f"factfinder.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"factfinder.cli.{name}":
                raise


_register()
