"""Issue 13: names and addresses as callers say them: closing vocatives, self-corrections
(the last value wins), house and ward numbers digit by digit, a house number after the ward.
From the development part of the issue 13 set and our own examples (never the locked part)."""

from __future__ import annotations

import pytest

from callbot.understanding.address import parse_address
from callbot.understanding.name import parse_name
from callbot.understanding.text import drop_trailing_address, strip_fillers, tokens


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("alo dạ tên em là ngô thanh tâm ạ chị", "Ngô Thanh Tâm"),
        ("dạ tên con là lê hoàng khang ạ cô", "Lê Hoàng Khang"),
        ("dạ tên tui là nguyễn văn tư nha anh", "Nguyễn Văn Tư"),
        ("tên anh là tạ quang vinh nghe em", "Tạ Quang Vinh"),
        ("ừ tên bác là lương văn thành đấy cháu", "Lương Văn Thành"),
        ("nguyễn tấn phát nha anh", "Nguyễn Tấn Phát"),
        # La is a surname too (not only Lã)
        ("dạ tên cô là la thị mỹ đó con", "La Thị Mỹ"),
        # a correction that starts over: the name said last
        ("tên là lý văn cường à lộn đó là tên anh tui tui tên lý văn cảnh", "Lý Văn Cảnh"),
        ("tên tui là trần văn năm à nhầm tên tui là trần văn sáu", "Trần Văn Sáu"),
    ],
)
def test_names_with_vocatives_and_corrections(text: str, name: str) -> None:
    assert parse_name(text).name == name


def test_a_closing_vocative_needs_a_particle_before_it() -> None:
    assert strip_fillers(tokens("phường hai quận năm nha chị")) == ["phường", "hai", "quận", "năm"]
    assert drop_trailing_address(tokens("không chín một hai dạ vâng ạ")) == tokens(
        "không chín một hai"
    )
    # no particle: "em" may be part of what was said
    assert drop_trailing_address(tokens("tên là trần văn em")) == tokens("tên là trần văn em")
    # fillers=False keeps a last particle for the name parser ("thi ha": Hà)
    assert drop_trailing_address(tokens("pham thi ha"), fillers=False) == tokens("pham thi ha")


@pytest.mark.parametrize(
    ("text", "house", "street", "ward", "district"),
    [
        # digit by digit
        (
            "số năm năm trần hưng đạo phường một quận năm",
            "55",
            "Trần Hưng Đạo",
            "Phường 1",
            "Quận 5",
        ),
        ("số bốn chín bà hom phường mười ba quận sáu", "49", "Bà Hom", "Phường 13", "Quận 6"),
        ("số ba ba nguyễn trãi phường hai quận năm", "33", "Nguyễn Trãi", "Phường 2", "Quận 5"),
        (
            "số một năm lê lợi phường bến thành quận một nha anh",
            "15",
            "Lê Lợi",
            "Phường Bến Thành",
            "Quận 1",
        ),
        (
            "số một không năm hà huy giáp phường thạnh lộc quận mười hai",
            "105",
            "Hà Huy Giáp",
            "Phường Thạnh Lộc",
            "Quận 12",
        ),
        # a street starting with a number word is no second digit
        (
            "số hai hai bà trưng phường tân định quận một",
            "2",
            "Hai Bà Trưng",
            "Phường Tân Định",
            "Quận 1",
        ),
        # self-corrections: the last value
        (
            "số tám à lộn chín lê lợi phường bến thành quận một",
            "9",
            "Lê Lợi",
            "Phường Bến Thành",
            "Quận 1",
        ),
        (
            "số tám à không số chín đường nguyễn trãi phường hai quận năm",
            "9",
            "Nguyễn Trãi",
            "Phường 2",
            "Quận 5",
        ),
        # the house number after the ward and district
        (
            "phường tân định quận nhứt số nhà bốn mươi hai trần quang khải",
            "42",
            "Trần Quang Khải",
            "Phường Tân Định",
            "Quận 1",
        ),
        ("phường bến nghé quận một mười hai lê lợi", "12", "Lê Lợi", "Phường Bến Nghé", "Quận 1"),
        (
            "phường bảy quận tám ba mươi lăm phạm thế hiển",
            "35",
            "Phạm Thế Hiển",
            "Phường 7",
            "Quận 8",
        ),
        (
            "phường ba quận gò vấp số bốn bốn quang trung nghe em",
            "44",
            "Quang Trung",
            "Phường 3",
            "Quận Gò Vấp",
        ),
    ],
)
def test_house_numbers_as_said(
    text: str, house: str, street: str, ward: str, district: str
) -> None:
    result = parse_address(text)
    assert (result.house, result.street, result.ward, result.district) == (
        house,
        street,
        ward,
        district,
    )


@pytest.mark.parametrize(
    ("text", "ward", "district"),
    [
        ("phường hai quận năm à lộn quận mười", "Phường 2", "Quận 10"),
        ("phường bảy à không phường tám quận mười một", "Phường 8", "Quận 11"),
        ("phường tân định à lộn phường đa kao quận một", "Phường Đa Kao", "Quận 1"),
        ("nhà em ở phường hai bảy bình thạnh nha", "Phường 27", "Quận Bình Thạnh"),
        ("dạ phường mười ba quận năm đó cô", "Phường 13", "Quận 5"),
    ],
)
def test_wards_corrected_and_said_digit_by_digit(text: str, ward: str, district: str) -> None:
    result = parse_address(text)
    assert (result.ward, result.district) == (ward, district)


def test_an_old_ward_then_the_2025_unit_it_became() -> None:
    result = parse_address("dạ phường hiệp tân tân phú giờ là phường phú thạnh")
    assert (result.ward, result.district, result.new_units) == (
        "Phường Hiệp Tân",
        "Quận Tân Phú",
        ("Phường Phú Thạnh",),
    )


def test_cach_mang_thang_tam_keeps_its_name_in_words() -> None:
    result = parse_address("ở phường mười một quận ba đường cách mạng tháng tám")
    assert result.street == "Cách Mạng Tháng Tám"
    assert parse_address("số bảy ba tháng hai quận mười").street == "3 Tháng 2"
