"""parse_phone on realistic Vosk transcripts of callback numbers."""

from __future__ import annotations

import pytest

from callbot.understanding.phone import PhoneResult, normalize_vn_number, parse_phone
from callbot.understanding.registry import parse


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # digit by digit
        ("không chín không một hai ba bốn năm sáu bảy", "0901234567"),
        ("dạ không chín không một hai ba bốn năm sáu bảy ạ", "0901234567"),
        ("số điện thoại của tôi là không chín không một hai ba bốn năm sáu bảy", "0901234567"),
        ("số của em là không ba tám chín tám bảy sáu năm bốn ba", "0389876543"),
        ("alo dạ số em là không bảy không ba hai hai tám tám chín chín", "0703228899"),
        ("ờ không chín ờ không một à hai ba bốn năm sáu bảy", "0901234567"),
        ("vâng số điện thoại là không tám một hai ba bốn năm sáu bảy tám nha", "0812345678"),
        # spoken groups
        ("không chín không một trăm hai mươi ba bốn năm sáu bảy", "0901234567"),
        ("không chín không một hai trăm ba mươi tư năm trăm sáu mươi bảy", "0901234567"),
        ("không chín mươi một hai ba bốn năm sáu bảy tám", "0912345678"),
        ("không chín không một mười hai ba bốn năm sáu", "0901123456"),
        ("không chín ba bốn năm trăm linh năm sáu bảy tám", "0934505678"),
        ("không chín không hai mươi hai ba mươi ba bốn mươi bốn năm", "0902233445"),
        ("không chín tám tám tám mươi tám sáu mươi sáu bốn bốn", "0988886644"),
        # southern variants
        ("không chín tư một hai ba bốn lăm sáu bảy", "0941234567"),
        ("hông chín không một hai ba bốn năm sáu bẩy", "0901234567"),
        ("không chín không hai mươi mốt ba mươi tư năm lăm sáu", "0902134556"),
        ("không chín không hai mốt ba tư năm lăm sáu", "0902134556"),
        ("không chín không một hai ba bốn nhăm sáu bảy", "0901234567"),
        # spoken country code
        ("tám tư chín không một hai ba bốn năm sáu bảy", "0901234567"),
        ("cộng tám mươi tư chín không một hai ba bốn năm sáu bảy", "0901234567"),
        ("cộng tám tư chín không một hai ba bốn năm sáu bảy", "0901234567"),
        ("tám tư không chín không một hai ba bốn năm sáu bảy", "0901234567"),
        ("hổng chín hổng một hai ba bốn năm sáu bảy", "0901234567"),
        # diacritics lost by the recognizer
        ("khong tam mot hai ba bon nam sau bay tam", "0812345678"),
        ("khong chin khong mot tram hai muoi ba bon nam sau bay", "0901234567"),
        # digits already written by the recognizer or typed
        ("0901234567", "0901234567"),
        ("số em 0901 234 567", "0901234567"),
        ("+84 901 234 567", "0901234567"),
        ("không chín không 1234567", "0901234567"),
    ],
)
def test_valid_numbers(text: str, phone: str) -> None:
    result = parse_phone(text)
    assert result.phone == phone
    assert result.valid is True
    assert 0.5 <= result.confidence <= 1


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # self-corrections: the correction replaces the end, or the whole number
        ("không chín không một hai ba bốn năm sáu tám à nhầm sáu bảy", "0901234567"),
        ("không chín không một hai ba bốn năm sáu tám nhầm bảy", "0901234567"),
        (
            "không chín không một hai ba bốn năm sáu tám xin lỗi "
            "không chín không một hai ba bốn năm sáu bảy",
            "0901234567",
        ),
        ("không chín không một hai ba bốn năm sáu sáu lộn sáu bảy", "0901234567"),
        ("không chín không một hai ba bốn năm tám à không năm sáu bảy", "0901234567"),
        # the number said twice
        (
            "không chín không một hai ba bốn năm sáu bảy "
            "không chín không một hai ba bốn năm sáu bảy",
            "0901234567",
        ),
        # number words that are not part of the number
        ("số của ba em là không chín không một hai ba bốn năm sáu bảy", "0901234567"),
        (
            "không chín không một hai ba bốn năm sáu bảy em ở quận năm",
            "0901234567",
        ),
        ("dạ một cái số là không chín không một hai ba bốn năm sáu bảy", "0901234567"),
    ],
)
def test_corrections_and_stray_numbers(text: str, phone: str) -> None:
    result = parse_phone(text)
    assert result.phone == phone
    assert result.valid is True
    assert result.confidence < 0.95


def test_a_khong_then_zero_is_not_a_correction() -> None:
    result = parse_phone("không tám à không chín một hai ba bốn năm sáu")
    assert (result.phone, result.confidence) == ("0809123456", 0.95)


def test_tens_group_ending_at_a_pause() -> None:
    # "không chín mươi, một hai ba...": 090 then 1234567, "chín mươi một" read as 91 is short
    result = parse_phone("không chín mươi một hai ba bốn năm sáu bảy")
    assert result.phone == "0901234567"
    assert result.confidence <= 0.7


def test_colloquial_hundred_only_when_needed() -> None:
    # "một trăm hai" as 1-0-0-2 gives 11 digits; as 120 a valid number
    result = parse_phone("không chín không một trăm hai ba bốn năm sáu")
    assert result.phone == "0901203456"
    assert result.confidence <= 0.7
    # strict reading first when it is valid
    assert parse_phone("không chín không một trăm hai ba bốn năm").phone == "0901002345"


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("không biết", None),
        ("", None),
        ("dạ", None),
        ("em không nhớ số", None),
        ("không có số điện thoại", None),
        ("một hai ba", "123"),
        ("không chín không một hai ba", "090123"),  # too short
        ("không chín không một hai ba bốn năm sáu bảy tám", "09012345678"),  # too long
        ("một chín không một hai ba bốn năm sáu bảy", "1901234567"),  # no leading 0
        ("không không một hai ba bốn năm sáu bảy tám", "0012345678"),  # 00 is no prefix
        ("một một năm", "115"),
        ("huỳnh văn bảy", None),  # "bảy" alone is not shown
    ],
)
def test_invalid(text: str, digits: str | None) -> None:
    result = parse_phone(text)
    assert result.phone is None
    assert result.valid is False
    assert result.confidence == 0.0
    assert result.digits == digits


def test_as_dict_and_registry() -> None:
    text = "không chín không một hai ba bốn năm sáu bảy"
    assert parse_phone(text).as_dict() == {
        "phone": "0901234567",
        "valid": True,
        "confidence": 0.95,
        "digits": "0901234567",
    }
    assert parse("phone", text) == parse_phone(text).as_dict()
    assert parse("phone", "không biết") == {
        "phone": None,
        "valid": False,
        "confidence": 0.0,
        "digits": None,
    }


def test_result_is_frozen() -> None:
    result = parse_phone("không chín không một hai ba bốn năm sáu bảy")
    assert isinstance(result, PhoneResult)
    with pytest.raises(AttributeError):
        result.phone = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("khôn chín ba tám bảy sáu năm bốn ba hai", "0938765432"),
        ("dạ số em không chín bảy chính hai một không ba tám sáu", "0979210386"),
        ("không tám một bón bốn hai hai sáu sáu chín", "0814422669"),
        ("không chín không sau bẩy tám chín một hai ba", "0906789123"),
        ("không ba bốn năm sáu bẫy tám chín khong một", "0345678901"),
        ("không chín một hai ba nằm sáu bảy tám chín", "0912356789"),
    ],
)
def test_misheard_digit_words_in_a_run(text: str, phone: str) -> None:
    result = parse_phone(text)
    assert result.phone == phone
    assert result.confidence < 0.95


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("không chín tám mươi mốt hai mươi hai ba mươi ba bốn mươi tư", "0981223344"),
        ("không chín mười một mười hai mười ba mười bốn", "0911121314"),
        ("không ba chín mười lăm sáu mươi bảy tám mươi chín chín", "0391567899"),
    ],
)
def test_numbers_said_in_pairs_and_teens(text: str, phone: str) -> None:
    assert parse_phone(text).phone == phone


def test_misheard_words_are_digits_only_as_a_last_reading() -> None:
    # "bà" (grandma) is not read as 3 when the number is valid without it
    assert parse_phone("số của bà là không chín không một hai ba bốn năm sáu bảy").phone == (
        "0901234567"
    )
    assert parse_phone("bà nội khôn biết").phone is None


# -- issue 13: landlines and other numbers -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # Hồ Chí Minh City: 028 + 8 digits, said digit by digit, in pairs, after a lead-in
        ("không hai tám ba tám một hai ba bốn năm sáu", "02838123456"),
        ("không hai tám ba mươi tám mười hai ba mươi bốn năm mươi sáu", "02838123456"),
        (
            "dạ số máy bàn nhà bà là không hai tám sáu hai năm năm một ba ba bốn nha con",
            "02862551334",
        ),
        ("hông hai tám ba chín tám bảy sáu năm bốn ba", "02839876543"),
        # a caller without a mobile: "hổng" (no) is not the first digit
        (
            "tui hổng có di động số bàn là không hai tám ba tám bốn hai năm sáu bảy tám",
            "02838425678",
        ),
        # Hà Nội 024 + 8 digits; provinces: 0 + three-digit code + 7 digits
        ("không hai bốn ba bảy sáu năm bốn ba hai một", "02437654321"),
        ("không hai năm một ba tám hai hai ba ba bốn", "02513822334"),  # Đồng Nai
        ("không hai lăm tư ba tám một một hai hai ba", "02543811223"),  # Bà Rịa–Vũng Tàu
        ("không hai chín hai ba tám một hai ba bốn năm", "02923812345"),  # Cần Thơ
        # a place's number is not a digit of the phone
        ("số bàn ở thủ dầu một không hai bảy bốn ba tám năm sáu bảy tám chín", "02743856789"),
        ("em ở quận năm số em không chín không một hai ba bốn năm sáu bảy", "0901234567"),
        # the country code before a landline
        ("cộng tám tư hai tám ba tám một hai ba bốn năm sáu", "02838123456"),
        ("tám mươi tư hai tám ba tám một hai ba bốn năm sáu", "02838123456"),
        # a correction of a landline's last digit
        ("không hai tám ba tám một hai ba bốn năm sáu à lộn bảy", "02838123457"),
    ],
)
def test_landlines_are_callback_numbers(text: str, phone: str) -> None:
    result = parse_phone(text)
    assert (result.phone, result.valid) == (phone, True)


@pytest.mark.parametrize(
    "text",
    [
        "không hai tám ba tám một hai ba bốn năm",  # 028 + 7 digits: one short
        "không hai tám ba tám một hai ba bốn năm sáu bảy",  # one too many
        "không hai không một hai ba bốn năm sáu bảy tám",  # 020: no such area code
        "không hai một bảy ba tám hai hai ba ba bốn",  # 0217: no such area code
        "không sáu chín một hai ba bốn năm sáu bảy",  # 06...: no such mobile prefix
    ],
)
def test_numbers_that_are_no_landline_nor_mobile(text: str) -> None:
    assert parse_phone(text).valid is False


@pytest.mark.parametrize(
    ("raw", "national"),
    [
        ("02838123456", "02838123456"),
        ("+842838123456", "02838123456"),
        ("842838123456", "02838123456"),
        ("00842838123456", "02838123456"),
        ("+84 28 3812 3456", "02838123456"),
        ("02437654321", "02437654321"),
        ("02363822123", "02363822123"),
        ("0901234567", "0901234567"),
        ("+84901234567", "0901234567"),
        ("0283812345", None),  # a 10-digit 02 number is a landline cut short
        ("0283812345678", None),
        ("02178123456", None),  # 0217: no such area code
        ("0123456789", None),  # old 01x prefix, renumbered in 2018
        ("", None),
    ],
)
def test_the_callback_number_rule(raw: str, national: str | None) -> None:
    assert normalize_vn_number(raw) == national
