"""`factfinder settings`: every setting's value for this run, and where it came from."""

from __future__ import annotations

import json

import click

from factfinder.cli import _SETTING_HELP, friendly_errors, main


@main.command(name="settings")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object {name: {value, source}}.")
@click.option("--setting", "setting_pairs", type=(str, str), multiple=True, metavar="NAME VALUE",
              help=_SETTING_HELP)
@friendly_errors
def settings_command(as_json: bool, setting_pairs: tuple[tuple[str, str], ...]) -> None:
    """Show the resolved settings: default, factfinder.toml, FACTFINDER_<NAME> or the command line."""
    from factfinder.settings import SETTINGS, Settings

    settings, sources = Settings.resolve_with_sources(setting_pairs)
    if as_json:
        click.echo(json.dumps({s.name: {"value": settings[s.name], "source": sources[s.name]} for s in SETTINGS}))
        return
    width = max(len(s.name) for s in SETTINGS)
    for s in SETTINGS:
        click.echo(f"{s.name.ljust(width)}  {json.dumps(settings[s.name], ensure_ascii=False)}  ({sources[s.name]})")
