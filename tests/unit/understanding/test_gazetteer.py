"""The HCMC gazetteer read from vietnamadminunits' bundled data: units, aliases, old -> new."""

from __future__ import annotations

import subprocess
import sys

import pytest

from callbot.understanding.gazetteer import (
    WARD_TYPES,
    Gazetteer,
    data_dir,
    load_gazetteer,
    short_of,
    type_of,
)


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return load_gazetteer()


def test_counts(g: Gazetteer) -> None:
    assert len(g.districts) == 22
    assert len(g.old_wards) == 273
    assert len(list(g.iter_new_units())) == 168
    assert len(list(g.iter_old_wards())) == 273


def test_old_districts_canonical_names(g: Gazetteer) -> None:
    names = {d.name for d in g.districts}
    assert {"Quận 1", "Quận 12", "Quận Tân Bình", "Huyện Bình Chánh", "Thành phố Thủ Đức"} <= names
    assert {"Huyện Cần Giờ", "Quận Gò Vấp", "Quận Bình Tân"} <= names
    # Quận 2 and 9 were merged into Thành phố Thủ Đức in 2021.
    assert "Quận 2" not in names
    assert "Quận 9" not in names
    tan_binh = g.district("Quận Tân Bình")
    assert tan_binh is not None
    assert (tan_binh.short, tan_binh.type, tan_binh.code) == ("Tân Bình", "Quận", "766")


def test_thu_duc_aliases(g: Gazetteer) -> None:
    thu_duc = g.district("Thành phố Thủ Đức")
    assert thu_duc is not None
    assert set(thu_duc.aliases) == {"Quận 2", "Quận 9", "Quận Thủ Đức"}


def test_numbered_ward_with_former_name(g: Gazetteer) -> None:
    ward = g.old_ward("Phường 15", "Quận Gò Vấp")
    assert ward is not None
    assert (ward.short, ward.type, ward.code) == ("15", "Phường", "26872")
    assert ward.aliases == ("Phường 13",)  # Phường 13 merged into it in January 2025
    assert ward.new_units == ("Phường An Hội Đông",)
    assert not ward.split


def test_named_former_names_take_their_spelling(g: Gazetteer) -> None:
    ward = g.old_ward("Phường An Khánh", "Thành phố Thủ Đức")
    assert ward is not None
    assert set(ward.aliases) == {"Phường Bình An", "Phường Bình Khánh"}


def test_quan_8_wards_merged_in_2025(g: Gazetteer) -> None:
    rach_ong = g.old_ward("Phường Rạch Ông", "Quận 8")
    assert rach_ong is not None
    assert rach_ong.aliases == ("Phường 1", "Phường 2", "Phường 3")
    names = {w.name for w in g.old_wards_in("Quận 8")}
    assert {"Phường Rạch Ông", "Phường Hưng Phú", "Phường Xóm Củi", "Phường 5"} <= names
    assert "Phường 1" not in names


def test_types_come_from_names(g: Gazetteer) -> None:
    # The package types Phường 15 of Phú Nhuận as "Xã".
    ward = g.old_ward("Phường 15", "Quận Phú Nhuận")
    assert ward is not None
    assert ward.type == "Phường"
    for w in g.old_wards:
        assert w.name == f"{w.type} {w.short}"
    for u in g.new_units:
        assert u.type in WARD_TYPES
        assert u.name == f"{u.type} {u.short}"


def test_township_and_commune(g: Gazetteer) -> None:
    cu_chi = g.old_ward("Thị trấn Củ Chi", "Huyện Củ Chi")
    assert cu_chi is not None
    assert cu_chi.type == "Thị trấn"
    assert cu_chi.new_units == ("Xã Tân An Hội",)
    assert g.new_units_for("Xã Vĩnh Lộc A", "Huyện Bình Chánh") == ["Xã Vĩnh Lộc"]


def test_split_wards_default_first(g: Gazetteer) -> None:
    split = [w for w in g.old_wards if w.split]
    assert len(split) == 31
    assert all(len(w.new_units) >= 2 for w in split)
    assert g.new_units_for("Phường 5", "Quận 8") == ["Phường Chánh Hưng", "Phường Bình Đông"]
    assert g.new_units_for("Phường 15", "Quận Tân Bình") == ["Phường Tân Sơn", "Phường Tân Bình"]


def test_every_old_ward_maps_to_known_new_units(g: Gazetteer) -> None:
    for w in g.old_wards:
        assert w.new_units, w
        assert all(g.new_unit(u) is not None for u in w.new_units), w


def test_new_units_for_former_and_unknown_names(g: Gazetteer) -> None:
    assert g.new_units_for("Phường 3", "Quận 5") == ["Phường Chợ Quán"]  # merged into Phường 2
    assert g.new_units_for("Phường 2", "Quận 5") == ["Phường Chợ Quán"]
    assert g.new_units_for("Phường 99", "Quận 5") == []
    assert g.new_units_for("Phường 2", "Quận 99") == []


def test_new_units_and_their_old_wards(g: Gazetteer) -> None:
    chanh_hung = g.new_unit("Phường Chánh Hưng")
    assert chanh_hung is not None
    assert set(chanh_hung.old_wards) == {
        ("Phường Rạch Ông", "Quận 8"),
        ("Phường Hưng Phú", "Quận 8"),
        ("Phường 4", "Quận 8"),
        ("Phường 5", "Quận 8"),
    }
    assert chanh_hung.former_provinces == ("Thành phố Hồ Chí Minh",)
    con_dao = g.new_unit("Đặc khu Côn Đảo")
    assert con_dao is not None
    assert con_dao.old_wards == ()
    assert con_dao.former_provinces == ("Tỉnh Bà Rịa - Vũng Tàu",)
    thu_dau_mot = g.new_unit("Phường Thủ Dầu Một")
    assert thu_dau_mot is not None
    assert thu_dau_mot.former_provinces == ("Tỉnh Bình Dương",)


def test_thanh_an_and_thanh_an_with_dot_are_different_units(g: Gazetteer) -> None:
    assert g.new_unit("Xã Thạnh An") is not None  # Cần Giờ
    assert g.new_unit("Xã Thanh An") is not None  # former Bình Dương
    assert g.old_ward("Xã Thạnh An", "Huyện Cần Giờ") is not None


def test_name_helpers() -> None:
    assert short_of("Phường 15") == "15"
    assert short_of("Thị trấn Củ Chi") == "Củ Chi"
    assert short_of("Thành phố Thủ Đức") == "Thủ Đức"
    assert type_of("Thị trấn Củ Chi") == "Thị trấn"
    assert type_of("Đặc khu Côn Đảo") == "Đặc khu"
    assert type_of("Côn Đảo", "Xã") == "Xã"


def test_cached_and_reloadable(g: Gazetteer) -> None:
    assert load_gazetteer() is g
    fresh = Gazetteer.load(data_dir())
    assert fresh is not g
    assert fresh.old_wards == g.old_wards
    assert fresh.new_units == g.new_units


def test_reading_the_data_does_not_import_the_package() -> None:
    """Its converter may call an online geocoder: only its data files are read."""
    code = (
        "import sys\n"
        "from callbot.understanding.gazetteer import load_gazetteer\n"
        "load_gazetteer()\n"
        "from callbot.understanding.address import parse_address\n"
        "parse_address('phường hai quận năm')\n"
        "assert 'vietnamadminunits' not in sys.modules, sorted(sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
