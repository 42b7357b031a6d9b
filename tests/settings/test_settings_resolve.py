"""The settings table: one declaration, one precedence, typed values, clear errors."""

from __future__ import annotations

import dataclasses
import re
import pickle
from pathlib import Path

import click
import pytest

from factfinder.cli import main
from factfinder.errors import UsageError
from factfinder.settings import SETTINGS, SPACY_MODEL, Settings, load_settings


def _leaf_commands(cmd: click.Command, path: str = "factfinder"):
    if isinstance(cmd, click.Group):
        for name, sub in cmd.commands.items():
            yield from _leaf_commands(sub, f"{path} {name}")
    else:
        yield path, cmd


def test_table_is_the_dataclass_fields_with_their_defaults() -> None:
    fields = {f.name: f.default for f in dataclasses.fields(Settings)}
    assert {s.name: s.default for s in SETTINGS} == fields
    assert all(s.help.endswith(".") for s in SETTINGS)
    assert Settings().spacy_model == SPACY_MODEL


def test_precedence_defaults_toml_environment_command_line(tmp_path: Path) -> None:
    config = tmp_path / "factfinder.toml"
    config.write_text('db = "from-toml.db"\nhttp_timeout = 3\nworkers = 4\nuser_agent = "toml-agent"\n',
                      encoding="utf-8")
    env = {"FACTFINDER_HTTP_TIMEOUT": "7.5", "FACTFINDER_USER_AGENT": "env-agent", "FACTFINDER_WORKERS": "3"}
    settings = Settings.resolve([("workers", "1")], config=config, environ=env)
    assert settings.db == "from-toml.db"  # toml beats the default
    assert settings.http_timeout == 7.5 and isinstance(settings.http_timeout, float)  # env beats toml, typed
    assert settings.user_agent == "env-agent"
    assert settings.workers == 1  # the command line beats all
    assert settings.http_max_redirects == 5  # untouched default


def test_toml_in_the_working_directory_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "factfinder.toml").write_text('http_max_redirects = 9\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert Settings.resolve(environ={}).http_max_redirects == 9


def test_settings_are_frozen_and_read_as_a_mapping_for_older_callers() -> None:
    settings = load_settings(None, db="x.db")
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.db = "y.db"  # type: ignore[misc]
    assert settings["db"] == "x.db" and settings.get("workers") == 2 and "gazetteer" in settings
    assert dict(settings)["user_agent"] == settings.user_agent
    assert pickle.loads(pickle.dumps(settings)) == settings  # batch workers receive it


@pytest.mark.parametrize("pairs, message", [
    ([("nope", "1")], "unknown setting 'nope'"),
    ([("workers", "two")], "must be a whole number"),
    ([("http_timeout", "soon")], "must be a number"),
    ([("workers", "0")], "at least 1"),
    ([("http_max_bytes", "-5")], "at least 1"),
])
def test_bad_command_line_settings_say_what_would_work(pairs: list[tuple[str, str]], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        Settings.resolve(pairs, environ={})


def test_bad_toml_and_environment_are_named_in_the_error(tmp_path: Path) -> None:
    config = tmp_path / "factfinder.toml"
    config.write_text('timeout = 3\n', encoding="utf-8")
    with pytest.raises(UsageError, match=r"unknown setting 'timeout' \(.*factfinder.toml\)"):
        Settings.resolve(config=config, environ={})
    config.write_text('workers = "many"\n', encoding="utf-8")
    with pytest.raises(UsageError, match="workers .* must be a whole number"):
        Settings.resolve(config=config, environ={})
    config.write_text('workers = [\n', encoding="utf-8")
    with pytest.raises(UsageError, match="not valid TOML"):
        Settings.resolve(config=config, environ={})
    with pytest.raises(UsageError, match="FACTFINDER_HTTP_MAX_BYTES"):
        Settings.resolve(environ={"FACTFINDER_HTTP_MAX_BYTES": "lots"})


def test_a_plain_mapping_is_read_over_the_declared_defaults() -> None:
    settings = Settings.coerce({"http_timeout": 2, "unrelated": True})
    assert settings.http_timeout == 2.0 and settings.user_agent == Settings().user_agent


def test_every_command_takes_setting() -> None:
    missing = [name for name, cmd in _leaf_commands(main)
               if not any("--setting" in getattr(p, "opts", ()) for p in cmd.params)]
    assert not missing, f"commands without --setting: {missing}"


def test_a_bad_setting_on_the_command_line_is_a_one_line_usage_error() -> None:
    from click.testing import CliRunner

    result = CliRunner().invoke(main, ["status", "--setting", "colour", "blue"])
    assert result.exit_code == 2
    assert "unknown setting 'colour'" in result.output and "Traceback" not in result.output


def test_only_the_settings_module_reads_factfinder_environment_variables() -> None:
    """Settings are resolved once (settings.py) and passed in; a stage that read FACTFINDER_<NAME>
    itself would bypass the precedence, the toml file and --setting."""
    package = Path(__file__).resolve().parents[2] / "factfinder"
    readers = [str(path.relative_to(package)) for path in package.rglob("*.py")
               if path.name != "settings.py" and re.search(r"""environ[^\n]*["']FACTFINDER_""",
                                                            path.read_text(encoding="utf-8"))]
    assert not readers, f"these modules read a FACTFINDER_ variable themselves: {readers}"


def test_settings_command_shows_each_value_and_where_it_came_from(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from click.testing import CliRunner

    (tmp_path / "factfinder.toml").write_text("http_timeout = 30\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["settings", "--json", "--setting", "workers", "3"],
                                env={"FACTFINDER_DB": "monitor.db", "FACTFINDER_GAZETTEER": None})
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    assert shown["db"] == {"value": "monitor.db", "source": "FACTFINDER_DB"}
    assert shown["http_timeout"] == {"value": 30.0, "source": "factfinder.toml"}
    assert shown["workers"] == {"value": 3, "source": "command line"}
    assert shown["gazetteer"] == {"value": "", "source": "default"}
    table = CliRunner().invoke(main, ["settings"], env={"FACTFINDER_DB": None})
    # one line per setting, its value in a column as wide as the longest name needs
    assert re.search(r"^http_timeout +30\.0  \(factfinder\.toml\)$", table.output, flags=re.M), table.output
