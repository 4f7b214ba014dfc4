"""The units file: loading, checking, and which unit an address goes to."""

from __future__ import annotations

from pathlib import Path

import pytest

from callbot.errors import ConfigError
from callbot.routing.units import SAMPLE, UnitsDirectory

UNITS = """
[triage]
code = "TRIAGE"
name = "Tổ điều phối"

[[unit]]
code = "U-CH"
name = "UBND Phường Chánh Hưng"
new_units = ["Phường Chánh Hưng"]

[[unit]]
code = "U-BH"
name = "UBND Xã Bình Hưng"
new_units = ["Xã Bình Hưng", "Xã Hưng Long"]
old_wards = ["Phường 4, Quận 8"]
focal_points = [{ name = "Cán bộ trực", phone = "0281234567", role = "trực 24/7" }]
"""


def load(tmp_path: Path, text: str) -> UnitsDirectory:
    path = tmp_path / "units.toml"
    path.write_text(text, encoding="utf-8")
    return UnitsDirectory.load(path)


def test_single_new_unit_goes_to_its_unit(tmp_path: Path) -> None:
    units = load(tmp_path, UNITS)
    got = units.assign("Phường 5", "Quận 8", ["Phường Chánh Hưng"])
    assert (got.code, got.name, got.reason) == ("U-CH", "UBND Phường Chánh Hưng", "new_unit")


def test_listed_old_ward_wins_over_the_new_unit(tmp_path: Path) -> None:
    got = load(tmp_path, UNITS).assign("Phường 4", "Quận 8", ["Phường Chánh Hưng"])
    assert (got.code, got.reason) == ("U-BH", "old_ward")


def test_split_ward_within_one_unit_and_across_units(tmp_path: Path) -> None:
    units = load(tmp_path, UNITS)
    same = units.assign(None, None, ["Xã Bình Hưng", "Xã Hưng Long"])
    assert (same.code, same.reason) == ("U-BH", "split_same_unit")
    split = units.assign(None, None, ["Xã Bình Hưng", "Phường Chánh Hưng"])
    assert (split.code, split.reason, split.candidates) == (
        "TRIAGE",
        "split_ambiguous",
        ("U-BH", "U-CH"),
    )


def test_unplaced_addresses_go_to_triage(tmp_path: Path) -> None:
    units = load(tmp_path, UNITS)
    assert units.assign(None, "Quận 8", []).reason == "no_address"
    assert units.assign(None, None, []).code == "TRIAGE"
    unknown = units.assign(None, None, ["Phường Không Có"])
    assert (unknown.code, unknown.reason) == ("TRIAGE", "unknown_unit")


def test_focal_points_are_kept(tmp_path: Path) -> None:
    unit = load(tmp_path, UNITS).get("U-BH")
    assert unit is not None
    assert unit.focal_points[0].phone == "0281234567"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[unit]]\ncode='A'\nname='a'\nnew_units=['x']", r"needs a \[triage\] table"),
        ("[triage]\ncode='T'\nname='t'", r"at least one \[\[unit\]\]"),
        ("[triage]\ncode='T'\nname='t'\n[[unit]]\nname='a'\nnew_units=['x']", "'code'"),
        ("[triage]\ncode='T'\nname='t'\n[[unit]]\ncode='A'\nname='a'", "neither new_units"),
        (
            "[triage]\ncode='T'\nname='t'\n[[unit]]\ncode='A'\nname='a'\nnew_units=['x']\n"
            "[[unit]]\ncode='B'\nname='b'\nnew_units=['x']",
            "'x' belongs to A and B",
        ),
        (
            "[triage]\ncode='T'\nname='t'\n[[unit]]\ncode='A'\nname='a'\nold_wards=['Phường 4']",
            "must read 'ward, district'",
        ),
        ("not toml [", "not valid TOML"),
    ],
)
def test_broken_units_files_name_the_mistake(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as caught:
        load(tmp_path, text)
    assert "routing.units_file" in str(caught.value)


def test_missing_units_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read it"):
        UnitsDirectory.load(tmp_path / "nope.toml")


def test_bundled_hcmc_sample_covers_every_2025_unit() -> None:
    units = UnitsDirectory.load(SAMPLE)
    assert len(units.units) == 168
    assert units.triage.code == "HCM-TRIAGE"
    assert units.assign(None, None, ["Phường Chánh Hưng"]).name == "UBND Phường Chánh Hưng"
    assert units.assign(None, None, ["Đặc khu Côn Đảo"]).reason == "new_unit"
