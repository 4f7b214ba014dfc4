"""Checks of labelled parse sets against vietnamadminunits' bundled data (read directly).

The package's SQLite data gives the canonical old HCMC units and the 2025 units; its
``converter_2025.json`` the old -> 2025 mapping, with the wards split in 2025 apart. Only the
data files are read: the package's converter is never called (it may go online).
"""

from __future__ import annotations

import collections
import json
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

HCMC = "Thành phố Hồ Chí Minh"
OLD_DISTRICTS = {
    *(f"Quận {n}" for n in (1, 3, 4, 5, 6, 7, 8, 10, 11, 12)),
    "Quận Bình Thạnh",
    "Quận Gò Vấp",
    "Quận Phú Nhuận",
    "Quận Tân Bình",
    "Quận Tân Phú",
    "Quận Bình Tân",
    "Thành phố Thủ Đức",
    "Huyện Củ Chi",
    "Huyện Hóc Môn",
    "Huyện Bình Chánh",
    "Huyện Nhà Bè",
    "Huyện Cần Giờ",
}


def _data_dir() -> Path:
    import vietnamadminunits

    return Path(vietnamadminunits.__file__).parent / "data"


@dataclass(frozen=True)
class Units:
    """The old HCMC (district, ward) pairs, the 2025 unit names, and what each old ward became."""

    legacy: frozenset[tuple[str, str]]
    new: frozenset[str]
    became: dict[tuple[str, str], frozenset[str]]  # old (district, ward) -> its 2025 units
    split: frozenset[tuple[str, str]]  # old wards divided among several 2025 units


@cache
def units() -> Units:
    """Read once from the package's data files."""
    db = sqlite3.connect(_data_dir() / "dataset.db")
    try:
        keys = {
            f"{pk}_{dk}_{wk}": (d, w)
            for d, w, pk, dk, wk in db.execute(
                "SELECT district, ward, provinceKey, districtKey, wardKey "
                "FROM admin_units_legacy WHERE province = ?",
                (HCMC,),
            )
        }
        new_by_key = dict(
            db.execute("SELECT wardKey, ward FROM admin_units WHERE province = ?", (HCMC,))
        )
    finally:
        db.close()
    converter = json.loads((_data_dir() / "converter_2025.json").read_text(encoding="utf-8"))
    became: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    for new_key, olds in converter["DICT_PROVINCE_WARD_NO_DIVIDED"]["thanhphohochiminh"].items():
        for old in olds:
            if old in keys:  # the others were in Bình Dương or Bà Rịa–Vũng Tàu
                became[keys[old]].add(new_by_key[new_key])
    divided: dict[str, list[dict[str, Any]]] = converter["DICT_PROVINCE_WARD_DIVIDED"][
        "thanhphohochiminh"
    ]
    divided = {old: parts for old, parts in divided.items() if old in keys}
    for old, parts in divided.items():
        for part in parts:
            became[keys[old]].add(new_by_key[part["newWardKey"]])
    return Units(
        legacy=frozenset(keys.values()),
        new=frozenset(new_by_key.values()),
        became={k: frozenset(v) for k, v in became.items()},
        split=frozenset(keys[old] for old in divided),
    )


def check_unit_names(cases: list[Any]) -> None:
    """Every labelled old unit is a real (district, ward) of HCMC, every 2025 unit a real one."""
    u = units()
    wards = {w for _, w in u.legacy}
    for c in cases:
        if c.kind != "address":
            continue
        ward, district = c.expect["ward"], c.expect["district"]
        if ward is not None and district is not None:
            assert (district, ward) in u.legacy, c.id
        elif ward is not None:
            assert ward in wards, c.id
        if district is not None:
            assert district in OLD_DISTRICTS, c.id
        for unit in c.expect.get("new_units", []):
            assert unit in u.new, c.id


def check_new_units_follow_the_mapping(cases: list[Any]) -> None:
    """An old ward's labelled 2025 unit is the one it became; a split ward's is not labelled."""
    u = units()
    for c in cases:
        if c.kind != "address" or c.expect["ward"] is None or c.expect["district"] is None:
            continue
        old = (c.expect["district"], c.expect["ward"])
        if old in u.split:
            assert "new_units" not in c.expect, c.id
        elif "new_units" in c.expect:
            assert set(c.expect["new_units"]) == u.became[old], c.id
