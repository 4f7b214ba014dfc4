"""The responsible units file: which unit acts on a ticket, from the ticket's address.

A TOML file (the bundled ``units-hcmc.toml`` is a sample for Ho Chi Minh City)::

    [triage]                       # tickets that cannot be placed
    code = "HCM-TRIAGE"
    name = "Tổ điều phối Tổng đài 1022 (cấp thành phố)"

    [[unit]]
    code = "HCM-27190"             # stable: operators and filters use it
    name = "UBND Phường Chánh Hưng"
    new_units = ["Phường Chánh Hưng"]            # 2025 units it is responsible for
    old_wards = ["Phường 4, Quận 8"]             # optional: old wards, "ward, district"
    focal_points = [{ name = "...", phone = "...", role = "..." }]   # optional

:meth:`UnitsDirectory.assign` decides, in this order: an old ward listed in ``old_wards``;
the single 2025 unit of the address; several 2025 units (a split old ward) that all belong to
one unit; else the triage unit, with the reason. Loading checks the whole file and names
the file and the entry of every mistake (:class:`~callbot.errors.ConfigError`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from callbot.errors import ConfigError

SAMPLE = Path(__file__).with_name("units-hcmc.toml")


@dataclass(frozen=True)
class FocalPoint:
    """A person a unit names for the hotline's tickets."""

    name: str
    phone: str = ""
    role: str = ""


@dataclass(frozen=True)
class Unit:
    """One responsible unit."""

    code: str
    name: str
    new_units: tuple[str, ...] = ()
    old_wards: tuple[tuple[str, str], ...] = ()  # (ward, district), canonical names
    focal_points: tuple[FocalPoint, ...] = ()


@dataclass(frozen=True)
class Assignment:
    """The unit a ticket goes to, and why (``reason`` is for logs and the ticket's fields)."""

    code: str
    name: str
    reason: str  # old_ward, new_unit, split_same_unit, split_ambiguous, unknown_unit, no_address
    candidates: tuple[str, ...] = ()  # unit codes, when several could be responsible


def _text(entry: Mapping[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: {key!r} must be a non-empty string")
    return value.strip()


def _strings(entry: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: {key!r} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _old_ward(text: str, where: str) -> tuple[str, str]:
    ward, sep, district = text.partition(",")
    if not sep or not ward.strip() or not district.strip():
        raise ConfigError(f"{where}: old ward {text!r} must read 'ward, district'")
    return ward.strip(), district.strip()


def _focal_points(entry: Mapping[str, Any], where: str) -> tuple[FocalPoint, ...]:
    points = entry.get("focal_points", [])
    if not isinstance(points, list):
        raise ConfigError(f"{where}: 'focal_points' must be a list of tables")
    result = []
    for i, point in enumerate(points, 1):
        here = f"{where} focal point {i}"
        if not isinstance(point, dict):
            raise ConfigError(f"{here}: must be a table with name, phone, role")
        result.append(
            FocalPoint(
                name=_text(point, "name", here),
                phone=str(point.get("phone", "")),
                role=str(point.get("role", "")),
            )
        )
    return tuple(result)


class UnitsDirectory:
    """The units of one units file, indexed for :meth:`assign`."""

    def __init__(self, triage: Unit, units: Iterable[Unit], source: str = "(memory)") -> None:
        self.triage = triage
        self.units = tuple(units)
        self.source = source
        self._by_code = {triage.code: triage}
        self._by_new: dict[str, Unit] = {}
        self._by_old: dict[tuple[str, str], Unit] = {}
        for unit in self.units:
            if unit.code in self._by_code:
                raise ConfigError(f"{source}: unit code {unit.code!r} appears twice")
            self._by_code[unit.code] = unit
            for new in unit.new_units:
                if new in self._by_new:
                    other = self._by_new[new].code
                    raise ConfigError(f"{source}: {new!r} belongs to {other} and {unit.code}")
                self._by_new[new] = unit
            for old in unit.old_wards:
                if old in self._by_old:
                    other = self._by_old[old].code
                    raise ConfigError(f"{source}: {old!r} belongs to {other} and {unit.code}")
                self._by_old[old] = unit

    @classmethod
    def load(cls, path: Path | None = None) -> UnitsDirectory:
        """Read and check a units file (default: the bundled HCMC sample)."""
        path = path or SAMPLE
        where = f"routing.units_file {path}"
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"{where}: cannot read it ({exc.strerror or exc})") from exc
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{where}: not valid TOML ({exc})") from exc
        triage = data.get("triage")
        if not isinstance(triage, dict):
            raise ConfigError(f"{where}: needs a [triage] table (code, name)")
        entries = data.get("unit", [])
        if not isinstance(entries, list) or not entries:
            raise ConfigError(f"{where}: needs at least one [[unit]]")
        units = []
        for i, entry in enumerate(entries, 1):
            here = f"{where} [[unit]] {i}"
            if not isinstance(entry, dict):
                raise ConfigError(f"{here}: must be a table")
            unit = Unit(
                code=_text(entry, "code", here),
                name=_text(entry, "name", here),
                new_units=_strings(entry, "new_units", here),
                old_wards=tuple(_old_ward(w, here) for w in _strings(entry, "old_wards", here)),
                focal_points=_focal_points(entry, here),
            )
            if not unit.new_units and not unit.old_wards:
                raise ConfigError(f"{here} ({unit.code}): lists neither new_units nor old_wards")
            units.append(unit)
        triage_unit = Unit(
            code=_text(triage, "code", f"{where} [triage]"),
            name=_text(triage, "name", f"{where} [triage]"),
        )
        return cls(triage_unit, units, source=where)

    def get(self, code: str) -> Unit | None:
        """The unit with this code (the triage unit included), or None."""
        return self._by_code.get(code)

    def assign(
        self, ward: str | None, district: str | None, new_units: Sequence[str]
    ) -> Assignment:
        """The unit responsible for an address (canonical names, as the parsers give them)."""
        if ward and district and (ward, district) in self._by_old:
            unit = self._by_old[(ward, district)]
            return Assignment(unit.code, unit.name, "old_ward")
        owners = {self._by_new[n].code: self._by_new[n] for n in new_units if n in self._by_new}
        if len(owners) == 1:
            unit = next(iter(owners.values()))
            reason = "new_unit" if len(new_units) == 1 else "split_same_unit"
            return Assignment(unit.code, unit.name, reason)
        t = self.triage
        if len(owners) > 1:
            return Assignment(t.code, t.name, "split_ambiguous", tuple(sorted(owners)))
        return Assignment(t.code, t.name, "unknown_unit" if new_units else "no_address")


@lru_cache(maxsize=8)
def load_units(path: Path | None = None) -> UnitsDirectory:
    """:meth:`UnitsDirectory.load`, cached per path (the file is read once per process)."""
    return UnitsDirectory.load(path)
