"""parse_address on Vosk-style answers: old and 2025 names, spoken numbers, recognition errors."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from callbot.understanding import address_parts as parts
from callbot.understanding.address import AddressResult, parse_address
from callbot.understanding.placenames import EXACT, FOLDED, FUZZY, SOUND, NameIndex, tone_key
from callbot.understanding.registry import parse
from callbot.understanding.text import tokens


def check(text: str, **expect: Any) -> dict[str, Any]:
    got = parse_address(text).as_dict()
    assert {k: got[k] for k in expect} == expect, got
    return got


# -- the shape -------------------------------------------------------------------------------


def test_issue_example() -> None:
    got = parse("address", "dạ em ở số mười hai đường nguyễn trãi phường hai quận năm")
    assert got == {
        "ward": "Phường 2",
        "district": "Quận 5",
        "house": "12",
        "street": "Nguyễn Trãi",
        "locality": None,
        "new_units": ["Phường Chợ Quán"],
        "candidates": [],
        "confidence": 1.0,
    }


def test_nothing_placeable() -> None:
    for text in ("", "alo", "dạ", "tui không nhớ địa chỉ", "phường", "quận mười ba"):
        got = parse_address(text).as_dict()
        assert got["ward"] is None
        assert got["district"] is None
        assert got["new_units"] == []
        assert got["confidence"] == 0.0


def test_result_is_frozen() -> None:
    result = parse_address("phường hai quận năm")
    assert isinstance(result, AddressResult)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.ward = "Phường 3"  # type: ignore[misc]


# -- old districts and wards -----------------------------------------------------------------

OLD = [
    ("phường mười lăm quận tân bình", "Phường 15", "Quận Tân Bình"),
    ("ở quận ba phường hai", "Phường 2", "Quận 3"),
    ("phường mười hai quận gò vấp", "Phường 12", "Quận Gò Vấp"),
    ("phường hai mươi lăm quận bình thạnh", "Phường 25", "Quận Bình Thạnh"),
    ("phường hai lăm bình thạnh", "Phường 25", "Quận Bình Thạnh"),
    ("phường chín quận tư", "Phường 9", "Quận 4"),
    ("phường mười năm quận mười một", "Phường 15", "Quận 11"),
    ("dạ phường một quận sáu ạ", "Phường 1", "Quận 6"),
    ("phường mười bốn tân bình", "Phường 14", "Quận Tân Bình"),
    ("alo dạ tui ở tân bình phường sáu", "Phường 6", "Quận Tân Bình"),
    ("phường bến nghé quận một", "Phường Bến Nghé", "Quận 1"),
    ("phường nguyễn cư trinh quận nhứt", "Phường Nguyễn Cư Trinh", "Quận 1"),
    ("phường tân thới hiệp quận mười hai", "Phường Tân Thới Hiệp", "Quận 12"),
    ("phường sơn kỳ quận tân phú", "Phường Sơn Kỳ", "Quận Tân Phú"),
    ("phường bình hưng hòa a quận bình tân", "Phường Bình Hưng Hòa A", "Quận Bình Tân"),
    ("phường bình trị đông b", "Phường Bình Trị Đông B", "Quận Bình Tân"),
    ("xã vĩnh lộc a huyện bình chánh", "Xã Vĩnh Lộc A", "Huyện Bình Chánh"),
    ("thị trấn củ chi", "Thị trấn Củ Chi", "Huyện Củ Chi"),
    ("thị trấn tân túc", "Thị trấn Tân Túc", "Huyện Bình Chánh"),
    ("xã phạm văn hai bình chánh", "Xã Phạm Văn Hai", "Huyện Bình Chánh"),
    ("ấp bốn xã phạm văn cội củ chi", "Xã Phạm Văn Cội", "Huyện Củ Chi"),
    ("xã tân thạnh đông củ chi", "Xã Tân Thạnh Đông", "Huyện Củ Chi"),
    ("xã bà điểm hóc môn", "Xã Bà Điểm", "Huyện Hóc Môn"),
    ("xã phước kiển nhà bè", "Xã Phước Kiển", "Huyện Nhà Bè"),
    ("xã lý nhơn huyện cần giờ", "Xã Lý Nhơn", "Huyện Cần Giờ"),
    ("phường võ thị sáu quận ba", "Phường Võ Thị Sáu", "Quận 3"),
    ("xã tam thôn hiệp", "Xã Tam Thôn Hiệp", "Huyện Cần Giờ"),  # "thôn" inside a name
    ("xã thới tam thôn hóc môn", "Xã Thới Tam Thôn", "Huyện Hóc Môn"),
]


@pytest.mark.parametrize(("text", "ward", "district"), OLD)
def test_old_ward_and_district(text: str, ward: str, district: str) -> None:
    got = check(text, ward=ward, district=district, candidates=[])
    assert got["new_units"]


def test_new_units_of_old_wards() -> None:
    check("phường mười lăm quận tân bình", new_units=["Phường Tân Sơn", "Phường Tân Bình"])
    check("phường năm quận tám", new_units=["Phường Chánh Hưng", "Phường Bình Đông"])
    check("phường mười hai quận mười", new_units=["Phường Hòa Hưng"])
    check("thị trấn củ chi", new_units=["Xã Tân An Hội"])


@pytest.mark.parametrize(
    ("text", "ward", "district"),
    [
        ("dạ phường tân định", "Phường Tân Định", "Quận 1"),
        ("phòng trọ em ở phường phạm ngũ lão", "Phường Phạm Ngũ Lão", "Quận 1"),
        ("phường hai mươi bảy", "Phường 27", "Quận Bình Thạnh"),
        ("dạ xã trung lập hạ", "Xã Trung Lập Hạ", "Huyện Củ Chi"),
        ("xã thạnh an", "Xã Thạnh An", "Huyện Cần Giờ"),
        ("phường long phước", "Phường Long Phước", "Thành phố Thủ Đức"),
    ],
)
def test_ward_in_one_district_implies_it(text: str, ward: str, district: str) -> None:
    got = check(text, ward=ward, district=district, candidates=[])
    assert got["confidence"] < 1.0


def test_ambiguous_numbered_ward_lists_candidates() -> None:
    got = check("phường năm", ward="Phường 5", district=None, new_units=[])
    readings = {(c["ward"], c["district"]) for c in got["candidates"]}
    assert {("Phường 5", "Quận 5"), ("Phường 5", "Quận 3"), ("Phường 5", "Quận Gò Vấp")} <= readings
    # Wards that were Phường 5 before a merge come after the current ones.
    assert ("Phường 8", "Quận 10") in readings
    assert got["candidates"][0]["ward"] == "Phường 5"
    assert all(c["new_units"] for c in got["candidates"])
    assert got["confidence"] <= 0.5


def test_ambiguous_named_ward() -> None:
    got = check("phường an phú đông", ward="Phường An Phú Đông", district="Quận 12")
    assert got["candidates"] == []
    # Tân Phú: a ward in Quận 7 and in Thủ Đức, and the 2025 unit of the former Quận Tân Phú.
    got = check("phường tân phú", ward=None, new_units=["Phường Tân Phú"])
    readings = {(c["ward"], c["district"]) for c in got["candidates"]}
    assert readings == {
        (None, "Quận Tân Phú"),
        ("Phường Tân Phú", "Quận 7"),
        ("Phường Tân Phú", "Thành phố Thủ Đức"),
    }
    check("phường tân phú quận bảy", ward="Phường Tân Phú", district="Quận 7", candidates=[])
    check("phường tân phú quận chín", ward="Phường Tân Phú", district="Thành phố Thủ Đức")


def test_ward_not_in_the_district_said() -> None:
    got = check("phường bến nghé quận ba", ward=None, district="Quận 3", new_units=[])
    assert got["candidates"] == [
        {"ward": "Phường Bến Nghé", "district": "Quận 1", "new_units": ["Phường Sài Gòn"]}
    ]
    assert got["confidence"] <= 0.5


# -- names older than the merges -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ward", "district"),
    [
        ("phường ba quận năm", "Phường 2", "Quận 5"),  # merged January 2025
        ("phường tám quận năm", "Phường 7", "Quận 5"),
        ("phường một quận tám", "Phường Rạch Ông", "Quận 8"),
        ("phường chín quận tám", "Phường Hưng Phú", "Quận 8"),
        ("dạ phường bảy quận ba", "Phường Võ Thị Sáu", "Quận 3"),  # merged 2020
        ("phường hai mươi bốn quận bình thạnh", "Phường 14", "Quận Bình Thạnh"),
        ("phường bình an quận hai", "Phường An Khánh", "Thành phố Thủ Đức"),
        ("phường hai mươi tư", "Phường 14", "Quận Bình Thạnh"),  # only ever in Bình Thạnh
    ],
)
def test_former_ward_names(text: str, ward: str, district: str) -> None:
    got = check(text, ward=ward, district=district)
    assert got["confidence"] <= 0.9


def test_current_number_wins_over_former_one() -> None:
    # Quận 5 had a Phường 5 all along (it absorbed Phường 6); it is not Phường 7 (ex-8).
    check("phường năm quận năm", ward="Phường 5", district="Quận 5", new_units=["Phường An Đông"])


# -- Thủ Đức, Quận 2 and 9 -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tui ở quận hai",
        "quận chín cũ đó",
        "em ở quận thủ đức",
        "em ở thành phố thủ đức",
        "tp thủ đức",
        "em ở thủ đức",
    ],
)
def test_thu_duc_and_its_former_districts(text: str) -> None:
    check(text, ward=None, district="Thành phố Thủ Đức")


@pytest.mark.parametrize(
    ("text", "ward"),
    [
        ("phường thảo điền quận hai", "Phường Thảo Điền"),
        ("phường cát lái quận hai", "Phường Cát Lái"),
        ("phường hiệp phú quận chín", "Phường Hiệp Phú"),
        ("phường phước long b quận chín", "Phường Phước Long B"),
        ("phường hiệp bình chánh quận thủ đức", "Phường Hiệp Bình Chánh"),
        ("phường linh trung thủ đức", "Phường Linh Trung"),
    ],
)
def test_thu_duc_wards(text: str, ward: str) -> None:
    check(text, ward=ward, district="Thành phố Thủ Đức")


# -- 2025 units ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "district"),
    [
        ("phường chánh hưng", "Phường Chánh Hưng", "Quận 8"),
        ("dạ phường sài gòn", "Phường Sài Gòn", "Quận 1"),
        ("phường bảy hiền", "Phường Bảy Hiền", "Quận Tân Bình"),
        ("phường gia định", "Phường Gia Định", "Quận Bình Thạnh"),
        ("xã vĩnh lộc", "Xã Vĩnh Lộc", "Huyện Bình Chánh"),
        ("xã củ chi", "Xã Củ Chi", "Huyện Củ Chi"),
        ("phường bình đông", "Phường Bình Đông", None),  # parts of Quận 8 and Bình Chánh
        ("phường thủ dầu một", "Phường Thủ Dầu Một", None),  # former Bình Dương
        ("phường vũng tàu", "Phường Vũng Tàu", None),
        ("đặc khu côn đảo", "Đặc khu Côn Đảo", None),
        ("phường chánh hưng quận tám", "Phường Chánh Hưng", "Quận 8"),
    ],
)
def test_2025_unit(text: str, unit: str, district: str | None) -> None:
    check(text, ward=None, district=district, new_units=[unit], candidates=[])


@pytest.mark.parametrize(
    ("text", "ward", "district", "unit"),
    [
        ("phường bến thành", "Phường Bến Thành", "Quận 1", "Phường Bến Thành"),
        ("xã bình hưng", "Xã Bình Hưng", "Huyện Bình Chánh", "Xã Bình Hưng"),
        ("phường cầu ông lãnh", "Phường Cầu Ông Lãnh", "Quận 1", "Phường Cầu Ông Lãnh"),
    ],
)
def test_2025_unit_named_like_an_old_ward_inside_it(
    text: str, ward: str, district: str, unit: str
) -> None:
    check(text, ward=ward, district=district, new_units=[unit])


def test_old_and_new_names_together() -> None:
    check(
        "phường chợ quán quận năm cũ là phường hai",
        ward="Phường 2",
        district="Quận 5",
        new_units=["Phường Chợ Quán"],
    )


def test_types_decide_between_old_and_new() -> None:
    check("thị trấn nhà bè", ward="Thị trấn Nhà Bè", district="Huyện Nhà Bè")
    check("xã nhà bè", ward=None, new_units=["Xã Nhà Bè"])


# -- recognition errors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ward", "district"),
    [
        ("phường năm quận gò dấp", "Phường 5", "Quận Gò Vấp"),  # southern v -> d
        ("xã lý nhơn huyện cần dờ", "Xã Lý Nhơn", "Huyện Cần Giờ"),  # gi -> d
        ("dạ phường mười một phú nhuần", "Phường 11", "Quận Phú Nhuận"),
        ("ờ xã tân thạnh đông huyện củ chì", "Xã Tân Thạnh Đông", "Huyện Củ Chi"),
        ("dạ xã đông thạnh huyện hốc môn", "Xã Đông Thạnh", "Huyện Hóc Môn"),
        ("phường thảo điện quận hai", "Phường Thảo Điền", "Thành phố Thủ Đức"),
        ("phường tân đinh quận một", "Phường Tân Định", "Quận 1"),
        ("phường tânđịnh quận một", "Phường Tân Định", "Quận 1"),  # words merged
        ("phường bình hưng hoà quận bình tân", "Phường Bình Hưng Hòa", "Quận Bình Tân"),
        ("phường bình hưng hoa a", "Phường Bình Hưng Hòa A", "Quận Bình Tân"),
        ("phường thạnh mĩ lợi quận chín", "Phường Thạnh Mỹ Lợi", "Thành phố Thủ Đức"),
        ("phường linh trungg thủ đức", "Phường Linh Trung", "Thành phố Thủ Đức"),
        ("phường bến nge quận nhất", "Phường Bến Nghé", "Quận 1"),
        ("phương mười hai quân gò vấp", "Phường 12", "Quận Gò Vấp"),  # misheard markers
    ],
)
def test_recognition_errors(text: str, ward: str, district: str) -> None:
    got = check(text, ward=ward, district=district)
    assert got["confidence"] <= 1.0


def test_confidence_falls_with_the_error() -> None:
    exact = parse_address("phường thạnh mỹ lợi quận chín").confidence
    folded = parse_address("phường thanh my loi quận chín").confidence
    fuzzy = parse_address("phường thạnh mĩ lợi quận chín").confidence
    assert exact == 1.0
    assert exact > folded > fuzzy > 0


def test_diacritics_first() -> None:
    # Xã Thanh An (former Bình Dương) and Xã Thạnh An (Cần Giờ) are different units.
    check("xã thanh an", ward=None, district=None, new_units=["Xã Thanh An"])
    check("xã thạnh an", ward="Xã Thạnh An", new_units=["Xã Thạnh An"])
    # ... unless the district says otherwise.
    check("xã thanh an cần giờ", ward="Xã Thạnh An", district="Huyện Cần Giờ")


# -- house, street, locality -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "house", "street"),
    [
        ("số mười hai đường nguyễn trãi", "12", "Nguyễn Trãi"),
        ("mười hai xẹt ba lê lợi phường bến nghé", "12/3", "Lê Lợi"),
        ("số mười hai trên ba nguyễn văn cừ quận năm", "12/3", "Nguyễn Văn Cừ"),
        (
            "số bốn mươi lăm xẹt hai kinh dương vương phường mười hai quận sáu",
            "45/2",
            "Kinh Dương Vương",
        ),
        ("ba trăm lẻ năm lê văn sỹ phường mười bốn quận ba", "305", "Lê Văn Sỹ"),
        ("một hai ba nguyễn trãi quận một", "123", "Nguyễn Trãi"),
        ("số hai trăm linh năm xẹt mười hai a đường lê văn sỹ", "205/12A", "Lê Văn Sỹ"),
        ("nhà số năm mươi ba bis lê thánh tôn quận một", "53Bis", "Lê Thánh Tôn"),
        ("hẻm bốn trăm lẻ năm đường ba tháng hai quận mười", "Hẻm 405", "3 Tháng 2"),
        ("em ở ngõ mười hai đường trường chinh quận tân bình", "Hẻm 12", "Trường Chinh"),
        ("hẻm một hai ba số bảy đường lê văn sỹ", "123/7", "Lê Văn Sỹ"),
        ("số chín a đường số mười phường bình trị đông b", "9A", "Số 10"),
        ("mười hai ba tháng hai phường mười hai quận mười", "12", "3 Tháng 2"),
        ("nhà tôi số năm hai bà trưng quận một", "5", "Hai Bà Trưng"),
        ("đường ba mươi tháng tư phường bến nghé", None, "30 Tháng 4"),
        ("quốc lộ mười ba phường hiệp bình phước thủ đức", None, "Quốc Lộ 13"),
        # officially written in words (issue 13)
        ("đường cách mạng tháng tám phường mười một quận ba", None, "Cách Mạng Tháng Tám"),
        ("số bảy tân kỳ tân quý phường tân quý", "7", "Tân Kỳ Tân Quý"),
        ("đường lương định của phường an khánh quận hai", None, "Lương Định Của"),
        ("huỳnh tấn phát phường tân thuận đông", None, "Huỳnh Tấn Phát"),
        ("nhà tui ở trong hẻm đường cô giang phường cô giang quận nhứt", None, "Cô Giang"),
        ("ờ bạch đằng phường hai bình thạnh", None, "Bạch Đằng"),
        ("nhà tui quận năm phường chín", None, None),
        # southern particles end a street said bare
        ("trong hẻm nguyễn tri phương á phường chín quận năm", None, "Nguyễn Tri Phương"),
        ("số tám đường hậu giang nè phường hai quận sáu", "8", "Hậu Giang"),
    ],
)
def test_house_and_street(text: str, house: str | None, street: str | None) -> None:
    got = parse_address(text).as_dict()
    assert got["house"] == house, got
    if street is not None or "đường" not in text:
        assert got["street"] == street, got


def test_street_and_ward_share_a_name() -> None:
    check(
        "nhà tui ở trong hẻm đường cô giang phường cô giang quận nhứt",
        ward="Phường Cô Giang",
        district="Quận 1",
        street="Cô Giang",
    )
    check("số bảy tân kỳ tân quý phường tân quý", ward="Phường Tân Quý", district="Quận Tân Phú")


def test_house_or_street_alone_is_low_confidence() -> None:
    got = check("số mười hai đường nguyễn trãi", ward=None, district=None, house="12")
    assert got["confidence"] == 0.3


def test_correction_is_no_house_number() -> None:
    check("phường hai à không phường ba quận tân bình", ward="Phường 3", house=None)


@pytest.mark.parametrize(
    ("text", "locality", "ward"),
    [
        ("tổ năm khu phố ba phường đông hưng thuận", "Tổ 5, Khu phố 3", "Phường Đông Hưng Thuận"),
        ("ấp ba xã xuân thới thượng huyện hóc môn", "Ấp 3", "Xã Xuân Thới Thượng"),
        ("dạ em ở chung cư khánh hội phường một quận bốn", "Chung cư Khánh Hội", "Phường 1"),
        ("khu phố sáu phường linh trung", "Khu phố 6", "Phường Linh Trung"),
        ("nhà em ở khu dân cư trung sơn xã bình hưng", "Khu dân cư Trung Sơn", "Xã Bình Hưng"),
        ("ấp tân thạnh xã tân thạnh tây", "Ấp Tân Thạnh", "Xã Tân Thạnh Tây"),
    ],
)
def test_locality_is_kept_apart(text: str, locality: str, ward: str) -> None:
    check(text, locality=locality, ward=ward)


# -- fillers and typed forms -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "phường mười lăm quận tân bình thành phố hồ chí minh",
        "dạ nhà tôi ở phường mười lăm quận tân bình sài gòn ạ",
        "địa chỉ là phường mười lăm quận tân bình việt nam",
        "Phường 15, Quận Tân Bình, TP. Hồ Chí Minh",
        "P.15 Q. Tân Bình TP.HCM",
        "p15 quận tân bình",
    ],
)
def test_fillers_and_typed_forms(text: str) -> None:
    check(text, ward="Phường 15", district="Quận Tân Bình", house=None, street=None)


def test_typed_address() -> None:
    check(
        "12/3 Nguyễn Trãi, P.2, Q.5, TP.HCM",
        ward="Phường 2",
        district="Quận 5",
        house="12/3",
        street="Nguyễn Trãi",
    )
    check("em ở q5 p2", ward="Phường 2", district="Quận 5")


def test_sai_gon_after_phuong_is_a_unit() -> None:
    check("dạ phường sài gòn", new_units=["Phường Sài Gòn"], district="Quận 1")
    check("tui ở sài gòn quận năm", district="Quận 5", new_units=[])


# -- the pieces ------------------------------------------------------------------------------


def test_markers() -> None:
    words = tokens("số mười hai đường số bảy phường hai thị trấn khu phố ba")
    roles = [(m.role, m.type) for m in parts.find_markers(words)]
    assert roles == [
        (parts.HOUSE, ""),
        (parts.STREET, ""),
        (parts.WARD, "Phường"),
        (parts.WARD, "Thị trấn"),
        (parts.LOCALITY, "Khu phố"),
    ]


def test_read_house() -> None:
    def house(text: str) -> str | None:
        words = tokens(text)
        read = parts.read_house(words, 0, len(words))
        return read[0] if read else None

    assert house("mười hai xẹt ba") == "12/3"
    assert house("mười hai xẹt ba xẹt bốn") == "12/3/4"
    assert house("một hai ba") == "123"
    assert house("năm hai bà trưng") == "5"
    assert house("hai bà trưng") is None
    assert house("ba tháng hai") is None
    assert house("không") is None
    assert house("mười hai bê") == "12B"


def test_tone_placement() -> None:
    assert tone_key("hoà") == tone_key("hòa") == "hòa"
    assert tone_key("thuỷ") == "thủy"
    assert tone_key("quý") == "quý"
    assert tone_key("hoàn") == "hoàn"


def test_name_index_tiers() -> None:
    index = NameIndex([("Thạnh An", 1), ("Thanh An", 2), ("Gò Vấp", 3), ("Thạnh Mỹ Lợi", 4)])

    def best(text: str) -> tuple[tuple[int, ...], float] | None:
        m = index.match(tokens(text), 0)
        return (m.items, m.score) if m else None

    assert best("thạnh an") == ((1,), EXACT)
    assert best("thanh an") == ((2,), EXACT)
    assert best("thanh ân") == ((1, 2), FOLDED)
    assert best("gò dấp") == ((3,), SOUND)
    assert best("thạnh mĩ lợi") == ((4,), FUZZY)
    assert best("gò") is None


# -- recognition errors mended before reading (address_repair) ----------------------------------


@pytest.mark.parametrize(
    ("text", "ward", "district"),
    [
        # a ward's letter said as its Vietnamese name
        ("dạ em ở phường phước long bê quận chín", "Phường Phước Long B", "Thành phố Thủ Đức"),
        ("phường bình trị đông bờ bình tân", "Phường Bình Trị Đông B", "Quận Bình Tân"),
        ("xã vĩnh lộc bê huyện bình chánh", "Xã Vĩnh Lộc B", "Huyện Bình Chánh"),
        ("tui ở phường bình hưng hòa bê", "Phường Bình Hưng Hòa B", "Quận Bình Tân"),
        ("phường tăng nhơn phú bê", "Phường Tăng Nhơn Phú B", "Thành phố Thủ Đức"),
        ("phường an lạc ây", "Phường An Lạc A", "Quận Bình Tân"),
        # misheard markers and numbers after them
        ("phường bốn quậng tám", "Phường 4", "Quận 8"),
        ("phường mười ba quận nam", "Phường 13", "Quận 5"),
        ("phường mười lăm quân tân bình", "Phường 15", "Quận Tân Bình"),
        # ward names said wholly without diacritics
        ("phuong hiep binh chanh", "Phường Hiệp Bình Chánh", "Thành phố Thủ Đức"),
        ("nha em o phuong tan dinh quan mot", "Phường Tân Định", "Quận 1"),
    ],
)
def test_mended_recognition_errors(text: str, ward: str, district: str) -> None:
    got = check(text, ward=ward, district=district)
    assert got["confidence"] < 1.0


@pytest.mark.parametrize(
    ("text", "district"),
    [
        ("quậng tám", "Quận 8"),
        ("quận nam", "Quận 5"),
        ("quận gò vất", "Quận Gò Vấp"),
        ("huyện hóc mông", "Huyện Hóc Môn"),
        ("huyen nha be", "Huyện Nhà Bè"),
    ],
)
def test_misheard_district_alone(text: str, district: str) -> None:
    got = check(text, district=district)
    assert got["confidence"] < 1.0


def test_mending_leaves_lookalikes_alone() -> None:
    # a house letter, a street named Quang, "xa" (far), "bà" in a place name
    check("số mười hai bê đường lê lợi phường bến thành", house="12B", street="Lê Lợi")
    check("đường quang trung phường mười quận gò vấp", street="Quang Trung", ward="Phường 10")
    check("nhà em ở xa lắm", ward=None, district=None)
    check("nhà em gần chợ bà chiểu", ward=None, district=None)
    check("phường bà chiểu quận bình thạnh", district="Quận Bình Thạnh")
    check("phường bình hưng hòa quận bình tân", ward="Phường Bình Hưng Hòa")
    # no letter name after a name without lettered variants
    check("phường tân định bê", ward="Phường Tân Định")
