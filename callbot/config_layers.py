"""The machinery of layered settings over a frozen dataclass of frozen dataclass sections.

Generic, it knows none of callbot's settings (those, their defaults and their checks are
:mod:`callbot.config`). A *section* is a field of the top dataclass whose value is a dataclass;
a *layer* is a mapping ``{section: {key: value}}`` read from a TOML file, from
``CALLBOT_<SECTION>__<KEY>`` environment variables or from ``--set section.key=value``.
:func:`apply_layer` checks every name and turns each value into the field's type (``int``,
``float``, ``str``, ``bool``, ``Path``), raising :class:`~callbot.errors.ConfigError` that names
the layer and the setting. The way back: :func:`section_environ` and :func:`plain`.
"""

from __future__ import annotations

import dataclasses
import tomllib
import typing
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from callbot.errors import ConfigError

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    D = TypeVar("D", bound=DataclassInstance)

ENV_PREFIX = "CALLBOT_"
_TYPES: dict[str, type] = {"int": int, "float": float, "str": str, "bool": bool, "Path": Path}


def sections(config: DataclassInstance) -> list[str]:
    """The names of ``config``'s sections (its fields holding a dataclass), in field order."""
    return [
        f.name
        for f in dataclasses.fields(config)
        if dataclasses.is_dataclass(getattr(config, f.name))
    ]


def coerce(value: Any, annotation: Any, where: str) -> Any:
    """``value`` (from TOML or text) as a field of type ``annotation``; ``where`` names it."""
    target = _TYPES.get(
        annotation if isinstance(annotation, str) else getattr(annotation, "__name__", ""),
    )
    if target is None:
        raise ConfigError(f"{where}: unsupported setting type {annotation!r}")
    try:
        if target is bool:
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("1", "true", "yes", "on"):
                return True
            if text in ("0", "false", "no", "off"):
                return False
            raise ValueError(value)
        if target is int and isinstance(value, float):
            raise ValueError(value)
        return target(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{where}: {value!r} is not a valid {target.__name__}") from None


def apply_layer(config: D, overrides: Mapping[str, Mapping[str, Any]], source: str) -> D:
    """``config`` with the settings of one layer (``source`` names it in errors) applied."""
    known = sections(config)
    changed: dict[str, Any] = {}
    for section, values in overrides.items():
        if section not in known:
            raise ConfigError(f"{source}: unknown section [{section}]")
        if not isinstance(values, Mapping):
            raise ConfigError(f"{source}: [{section}] must be a table of settings")
        current = changed.get(section, getattr(config, section))
        hints = typing.get_type_hints(type(current))
        changes = {}
        for key, value in values.items():
            if key not in hints:
                raise ConfigError(f"{source}: unknown setting {section}.{key}")
            changes[key] = coerce(value, hints[key], f"{source}: {section}.{key}")
        changed[section] = dataclasses.replace(current, **changes)
    return dataclasses.replace(config, **changed)


def with_source(message: str, applied: Sequence[tuple[str, Mapping[str, Any]]]) -> str:
    """``message`` (``"section.key: why"``) prefixed with the layer that last set the setting,
    as :func:`apply_layer`'s own errors are (``"file.toml: section.key: why"``)."""
    name = message.split(":", 1)[0]
    section, _, key = name.partition(".")
    for source, layer in reversed(applied):
        values = layer.get(section)
        if isinstance(values, Mapping) and key in values:
            return f"{source}: {message}"
    return message


def read_toml(path: Path) -> dict[str, Any]:
    """The layer a TOML file holds."""
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file {path} does not exist") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None


def from_env(environ: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """The layer of the ``CALLBOT_<SECTION>__<KEY>`` variables (names lowercased)."""
    result: dict[str, dict[str, str]] = {}
    for name, value in environ.items():
        if not name.startswith(ENV_PREFIX) or "__" not in name:
            continue
        section, _, key = name[len(ENV_PREFIX) :].partition("__")
        result.setdefault(section.lower(), {})[key.lower()] = value
    return result


def from_cli(settings: list[str]) -> dict[str, dict[str, str]]:
    """The layer of ``--set section.key=value`` items."""
    result: dict[str, dict[str, str]] = {}
    for item in settings:
        name, sep, value = item.partition("=")
        section, dot, key = name.strip().partition(".")
        if not sep or not dot:
            raise ConfigError(f"--set {item!r}: expected section.key=value")
        result.setdefault(section, {})[key] = value
    return result


def resolve_paths(config: D, base: Path) -> D:
    """``config`` with every relative, non-empty ``Path`` setting made absolute against ``base``
    (an empty path stays empty: it means "the default place")."""

    def fix(obj: Any) -> Any:
        changes = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if isinstance(value, Path) and str(value) not in ("", "."):
                changes[f.name] = (base / value).resolve()
        return dataclasses.replace(obj, **changes)

    return dataclasses.replace(
        config, **{name: fix(getattr(config, name)) for name in sections(config)}
    )


def section_environ(config: DataclassInstance) -> dict[str, str]:
    """Every setting of every section as a ``CALLBOT_<SECTION>__<KEY>`` variable."""
    env = {}
    for name in sections(config):
        section = getattr(config, name)
        for f in dataclasses.fields(section):
            env[f"{ENV_PREFIX}{name.upper()}__{f.name.upper()}"] = str(getattr(section, f.name))
    return env


def plain(value: Any) -> Any:
    """Dataclasses as dicts and paths as strings, all the way down (JSON-ready)."""
    if isinstance(value, Path):
        return str(value)
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value
