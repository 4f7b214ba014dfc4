"""HCMC gazetteer: the old districts and wards callers still name, the 2025 units, old -> new.

The source is the data bundled with ``vietnamadminunits`` 1.0.4 (MIT), read offline without
importing the package (its converter may call an online geocoder): the SQLite file
``data/dataset.db`` (tables ``admin_units_legacy``, the 63-province units as of 1 January 2025
with the aliases of older names, and ``admin_units``, the units since 1 July 2025) and
``data/converter_2025.json`` (old ward -> new unit, with candidates for the split wards).
Reading both takes a few milliseconds, so there is no cache file: the package stays the source.

Data shapes (all frozen; names are canonical full names with their type)::

    District  name="Quận Tân Bình"  short="Tân Bình"  type="Quận"  code="766"
              aliases=()                      # Thủ Đức: ("Quận 2", "Quận 9", "Quận Thủ Đức")
    OldWard   name="Phường 15"  short="15"  type="Phường"  district="Quận Gò Vấp"  code="26872"
              aliases=("Phường 13",)          # older names, before merges (package's wardAlias)
              new_units=("Phường An Hội Đông",)
              split=False                     # True: divided between new units, default first
    NewUnit   name="Phường Chánh Hưng"  short="Chánh Hưng"  type="Phường"  code="26932"
              old_wards=(("Phường 4", "Quận 8"), ...)   # former HCMC wards inside, wholly or partly
              former_provinces=("Thành phố Hồ Chí Minh",)

Old units are those of the former Thành phố Hồ Chí Minh (22 districts, 273 wards); the 168 new
units include the former Bình Dương and Bà Rịa - Vũng Tàu, whose old units are not listed (their
names reach us through the 2025 units, most of which kept an old name).

The package lists the old names of merged wards only as folded keys ("phuong13",
"phuongbinhan"); numbered ones are rebuilt as "Phường 13", named ones take their spelling from
any unit of the country with that key ("Phường Bình An"). "Quận Thủ Đức" (the district merged
into Thành phố Thủ Đức with Quận 2 and 9 in 2021) is added here; the package has only Q2 and Q9.

Lookups take canonical names; spoken forms ("quận năm", "Q5", "thủ đức") are read by
:mod:`callbot.understanding.address`.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from callbot.understanding.text import fold

PROVINCE_KEY = "thanhphohochiminh"
WARD_TYPES = ("Phường", "Xã", "Thị trấn", "Đặc khu")
DISTRICT_TYPES = ("Quận", "Huyện", "Thành phố", "Thị xã")
# Folded type prefixes of the package's keys, longest first ("thitran" before "thi...").
_KEY_TYPES = (
    ("thitran", "Thị trấn"),
    ("dackhu", "Đặc khu"),
    ("phuong", "Phường"),
    ("xa", "Xã"),
    ("quan", "Quận"),
    ("huyen", "Huyện"),
)
# Districts merged before the package's snapshot that callers still name.
EXTRA_DISTRICT_ALIASES: dict[str, tuple[str, ...]] = {"Thành phố Thủ Đức": ("Quận Thủ Đức",)}


@dataclass(frozen=True)
class District:
    """An old (before 1 July 2025) district of HCMC."""

    name: str
    short: str
    type: str
    code: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class OldWard:
    """An old ward, commune or township of HCMC and the 2025 unit(s) it went to."""

    name: str
    short: str
    type: str
    district: str
    code: str
    aliases: tuple[str, ...] = ()
    new_units: tuple[str, ...] = ()
    split: bool = False


@dataclass(frozen=True)
class NewUnit:
    """A 2025 ward, commune or special zone of HCMC."""

    name: str
    short: str
    type: str
    code: str
    old_wards: tuple[tuple[str, str], ...] = ()
    former_provinces: tuple[str, ...] = ()


def data_dir() -> Path:
    """The package's ``data`` folder, found without importing the package."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            "vietnamadminunits is not installed: pip install vietnamadminunits==1.0.4"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def short_of(name: str) -> str:
    """``"Phường 15"`` -> ``"15"``, ``"Thị trấn Củ Chi"`` -> ``"Củ Chi"``."""
    for prefix in (*WARD_TYPES, *DISTRICT_TYPES):
        if name.startswith(prefix + " "):
            return name[len(prefix) + 1 :]
    return name


def type_of(name: str, given: str = "") -> str:
    """The type ``name`` starts with ("Thị trấn Củ Chi" -> "Thị trấn"), else ``given``.

    Types are taken from names: the package says "Xã" for Phường 15 of Phú Nhuận.
    """
    types = (*WARD_TYPES, *DISTRICT_TYPES)
    return next((t for t in types if name.startswith(t + " ")), given)


def _key(text: str) -> str:
    """The package's key form: folded, no spaces ("xãthanhan" in its JSON -> "xathanhan")."""
    return fold(text).replace(" ", "")


def _named_from_key(key: str, spelled: dict[str, str]) -> str | None:
    """A full name for a folded key: "phuong13" -> "Phường 13", "phuongbinhan" -> "Phường Bình An".

    Named ones take the spelling of a unit anywhere with that key (``spelled``), or are dropped.
    """
    for prefix, type_ in _KEY_TYPES:
        if key.startswith(prefix):
            rest = key[len(prefix) :]
            if re.fullmatch(r"0*\d+", rest):
                return f"{type_} {int(rest)}"
            return spelled.get(key)
    return None


@dataclass(frozen=True)
class Gazetteer:
    """The units and lookups over them (:meth:`load` reads one; :func:`load_gazetteer` shares)."""

    districts: tuple[District, ...]
    old_wards: tuple[OldWard, ...]
    new_units: tuple[NewUnit, ...]
    _districts: dict[str, District] = field(default_factory=dict, repr=False, compare=False)
    _wards: dict[tuple[str, str], OldWard] = field(default_factory=dict, repr=False, compare=False)
    _units: dict[str, NewUnit] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._districts.update({d.name: d for d in self.districts})
        self._wards.update({(w.name, w.district): w for w in self.old_wards})
        self._units.update({u.name: u for u in self.new_units})

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        """Read the package's data folder (``path`` or :func:`data_dir`); never goes online."""
        return _read(path or data_dir())

    def district(self, name: str) -> District | None:
        """The district of canonical ``name`` ("Quận 5"), or None."""
        return self._districts.get(name)

    def old_ward(self, ward: str, district: str) -> OldWard | None:
        """The old ward ``ward`` ("Phường 2") of ``district`` ("Quận 5"), or None."""
        return self._wards.get((ward, district))

    def new_unit(self, name: str) -> NewUnit | None:
        """The 2025 unit of canonical ``name`` ("Phường Chánh Hưng"), or None."""
        return self._units.get(name)

    def new_units_for(self, ward: str, district: str) -> list[str]:
        """The 2025 unit(s) of old ``ward`` in ``district``, default first; [] when unknown.

        ``ward`` may be a former name ("Phường 3" of Quận 5, merged into Phường 2 in 2025).
        """
        found = self.old_ward(ward, district) or next(
            (w for w in self.old_wards_in(district) if ward in w.aliases), None
        )
        return list(found.new_units) if found else []

    def old_wards_in(self, district: str) -> list[OldWard]:
        """The old wards of ``district`` (canonical name), in the package's order."""
        return [w for w in self.old_wards if w.district == district]

    def iter_old_wards(self) -> Iterator[OldWard]:
        """All 273 old wards of the former HCMC."""
        return iter(self.old_wards)

    def iter_new_units(self) -> Iterator[NewUnit]:
        """All 168 units of the 2025 HCMC."""
        return iter(self.new_units)


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer from the installed package, read once (``load_gazetteer.cache_clear()``)."""
    return Gazetteer.load()


def _json_list(value: str | None) -> list[str]:
    return list(json.loads(value)) if value else []


def _read(path: Path) -> Gazetteer:
    db = sqlite3.connect(f"file:{path / 'dataset.db'}?mode=ro", uri=True)
    try:
        legacy = db.execute(
            "SELECT district, districtShort, districtType, districtCode, districtKey,"
            " districtAlias, ward, wardType, wardCode, wardKey, wardAlias"
            " FROM admin_units_legacy WHERE provinceKey = ? ORDER BY rowid",
            (PROVINCE_KEY,),
        ).fetchall()
        units = db.execute(
            "SELECT ward, wardShort, wardType, wardCode, wardKey FROM admin_units"
            " WHERE provinceKey = ? ORDER BY rowid",
            (PROVINCE_KEY,),
        ).fetchall()
        spelled = dict(
            db.execute("SELECT wardKey, min(ward) FROM admin_units_legacy GROUP BY wardKey")
        )
        provinces = dict(
            db.execute("SELECT DISTINCT provinceKey, province FROM admin_units_legacy")
        )
    finally:
        db.close()
    converter = json.loads((path / "converter_2025.json").read_text(encoding="utf-8"))
    undivided: dict[str, list[str]] = converter["DICT_PROVINCE_WARD_NO_DIVIDED"][PROVINCE_KEY]
    divided: dict[str, list[dict[str, object]]] = converter["DICT_PROVINCE_WARD_DIVIDED"][
        PROVINCE_KEY
    ]

    unit_by_key = {_key(key): name for name, _, _, _, key in units}
    old_to_new: dict[str, list[str]] = {}
    for new_key, old_keys in undivided.items():
        for old_key in old_keys:
            old_to_new.setdefault(old_key, []).append(unit_by_key[_key(new_key)])
    for old_key, options in divided.items():
        ordered = sorted(options, key=lambda o: not o["isDefaultNewWard"])
        old_to_new[old_key] = [unit_by_key[_key(str(o["newWardKey"]))] for o in ordered]

    districts: dict[str, District] = {}
    wards: list[OldWard] = []
    for d_name, d_short, d_type, d_code, d_key, d_alias, *ward in legacy:
        if d_name not in districts:
            aliases = [_named_from_key(a, spelled) for a in _json_list(d_alias)]
            extra = EXTRA_DISTRICT_ALIASES.get(d_name, ())
            districts[d_name] = District(
                d_name,
                d_short,
                d_type,
                d_code,
                tuple(dict.fromkeys([*filter(None, aliases), *extra])),
            )
        w_name, w_type, w_code, w_key, w_alias = ward
        full_key = f"{PROVINCE_KEY}_{d_key}_{w_key}"
        aliases = [_named_from_key(a, spelled) for a in _json_list(w_alias)]
        wards.append(
            OldWard(
                name=w_name,
                short=short_of(w_name),
                type=type_of(w_name, w_type),
                district=d_name,
                code=w_code,
                aliases=tuple(dict.fromkeys(a for a in aliases if a and a != w_name)),
                new_units=tuple(old_to_new.get(full_key, ())),
                split=full_key in divided,
            )
        )

    inside: dict[str, list[tuple[str, str]]] = {}
    for w in wards:
        for unit in w.new_units:
            inside.setdefault(unit, []).append((w.name, w.district))
    former: dict[str, set[str]] = {}
    for new_key, old_keys in undivided.items():
        former.setdefault(unit_by_key[_key(new_key)], set()).update(
            k.split("_")[0] for k in old_keys
        )
    for old_key, options in divided.items():
        for o in options:
            former.setdefault(unit_by_key[_key(str(o["newWardKey"]))], set()).add(
                old_key.split("_")[0]
            )
    new_units = tuple(
        NewUnit(
            name=name,
            short=short,
            type=type_,
            code=code,
            old_wards=tuple(inside.get(name, ())),
            former_provinces=tuple(sorted(provinces[p] for p in former.get(name, ()))),
        )
        for name, short, type_, code, _ in units
    )
    return Gazetteer(tuple(districts.values()), tuple(wards), new_units)
