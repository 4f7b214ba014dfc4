"""Shared text utilities and Vietnamese number words of callbot.understanding."""

from __future__ import annotations

import pytest

from callbot.understanding.numbers import (
    digit_readings,
    read_digits,
    read_number,
    restore_number_words,
)
from callbot.understanding.text import FILLERS, fold, normalize, strip_fillers, tokens

# -- text -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Dạ,  TÊN tôi là Huỳnh Văn Bảy!", "dạ tên tôi là huỳnh văn bảy"),
        ("  số 12/3, đường Nguyễn Trãi. ", "số 12 3 đường nguyễn trãi"),
        ("0901-234-567", "0901 234 567"),
        ("a\tb\nc", "a b c"),
        ("", ""),
        ("...?!", ""),
        # decomposed input (NFD, as some keyboards send it) comes out composed
        ("Nguye\u0302\u0303n", "nguyễn"),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Đặng Thị Năm", "dang thi nam"),
        ("phường Thạnh Lộc", "phuong thanh loc"),
        ("Quận Thủ Đức", "quan thu duc"),
        ("ưu ơi ữ", "uu oi u"),
        ("abc 123", "abc 123"),
    ],
)
def test_fold(raw: str, expected: str) -> None:
    assert fold(raw) == expected


def test_tokens() -> None:
    assert tokens("Dạ, em ở  Quận 5.") == ["dạ", "em", "ở", "quận", "5"]
    assert tokens("") == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("dạ ờ số mười hai thì là", "số mười hai"),
        ("alo alo em ở quận năm ạ", "em ở quận năm"),
        ("a lô em ở quận năm", "em ở quận năm"),
        ("vâng ạ", ""),
        ("dạ", ""),
        ("", ""),
        # "thì" and "là" keep their place in the middle of an answer
        ("tên tôi là an", "tên tôi là an"),
        ("nhà em thì ở gò vấp nha", "nhà em thì ở gò vấp"),
        # interjections go anywhere
        ("số ờ mười à hai", "số mười hai"),
        # "a" is a letter in addresses, "lô" a word
        ("xã vĩnh lộc a", "xã vĩnh lộc a"),
        ("lô a chung cư", "lô a chung cư"),
    ],
)
def test_strip_fillers(raw: str, expected: str) -> None:
    assert " ".join(strip_fillers(tokens(raw))) == expected


def test_fillers_are_normalized_words() -> None:
    for word in FILLERS:
        assert tokens(word) == [word]


# -- numbers --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("không", 0),
        ("một", 1),
        ("tư", 4),
        ("bốn", 4),
        ("năm", 5),
        ("bẩy", 7),
        ("bảy", 7),
        ("chín", 9),
        ("mười", 10),
        ("mười một", 11),
        ("mười tư", 14),
        ("mười bốn", 14),
        ("mười lăm", 15),
        ("mười năm", 15),
        ("hai mươi", 20),
        ("hai chục", 20),
        ("hai mười", 20),
        ("hai mươi mốt", 21),
        ("hai mươi một", 21),
        ("hai mươi tư", 24),
        ("hai mươi lăm", 25),
        ("hai mươi nhăm", 25),
        ("hai mươi năm", 25),
        ("ba lăm", 35),
        ("hai mốt", 21),
        ("bốn nhăm", 45),
        ("hai tư", 24),
        ("chín mươi chín", 99),
        ("một trăm", 100),
        ("một trăm linh năm", 105),
        ("một trăm lẻ năm", 105),
        ("một trăm mười", 110),
        ("một trăm hai", 120),
        ("một trăm hai mươi ba", 123),
        ("một trăm hai lăm", 125),
        ("hai trăm rưỡi", 250),
        ("lăm trăm", 500),
        ("một nghìn", 1000),
        ("một ngàn", 1000),
        ("một nghìn không trăm linh năm", 1005),
        ("một nghìn linh năm", 1005),
        ("một nghìn không trăm hai mươi", 1020),
        ("hai nghìn ba", 2300),
        ("hai nghìn rưỡi", 2500),
        ("hai nghìn hai mươi lăm", 2025),
        ("mười hai nghìn", 12000),
        ("hai triệu rưỡi", 2_500_000),
        ("một triệu hai trăm nghìn", 1_200_000),
        ("12", 12),
        ("0", 0),
    ],
)
def test_read_number_whole(text: str, value: int) -> None:
    words = tokens(text)
    assert read_number(words, 0) == (value, len(words))


@pytest.mark.parametrize(
    ("text", "i", "expected"),
    [
        ("hai ba", 0, (2, 1)),  # digits, not a cardinal: the caller reads on
        ("phường mười hai quận năm", 1, (12, 3)),
        ("phường mười hai quận năm", 4, (5, 5)),
        ("số ba lăm đường lê lợi", 1, (35, 3)),
        ("hẻm một trăm linh hai trên đường", 1, (102, 5)),
        ("phường 12", 1, (12, 2)),
        ("mười hai a", 0, (12, 2)),
        ("một trăm linh", 0, (100, 2)),  # "linh" with nothing after is left alone
    ],
)
def test_read_number_in_context(text: str, i: int, expected: tuple[int, int]) -> None:
    assert read_number(tokens(text), i) == expected


@pytest.mark.parametrize("text", ["", "phường", "mốt", "linh năm", "trăm", "huỳnh văn", "a"])
def test_read_number_none(text: str) -> None:
    assert read_number(tokens(text), 0) is None


def test_read_number_out_of_range_index() -> None:
    assert read_number(["một"], 3) is None
    assert read_digits(["một"], 3) is None


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("không chín không một hai ba bốn năm sáu bảy", "0901234567"),
        ("không chín không một trăm hai mươi ba bốn năm sáu bảy", "0901234567"),
        ("không chín không một hai trăm ba mươi tư năm trăm sáu mươi bảy", "0901234567"),
        ("không chín tư một hai ba bốn lăm sáu bảy", "0941234567"),
        ("không chín không dạ hai mươi ba à bốn lăm sáu bảy", "090234567"),
        ("không chín không một mười hai ba", "0901123"),
        ("hông chín mốt", "091"),
        ("không trăm chín mươi", "090"),
        ("tám tư chín không", "8490"),
        ("0901 234 567", "0901234567"),
        ("không chín không 1234567", "0901234567"),
        ("không chín không một trăm linh năm", "090105"),
        ("ba lăm", "35"),
    ],
)
def test_read_digits(text: str, digits: str) -> None:
    words = tokens(text)
    assert read_digits(words, 0) == (digits, len(words))


def test_read_digits_stops_before_trailing_fillers_and_words() -> None:
    words = tokens("số không chín không một dạ đó là số của em ạ")
    assert read_digits(words, 1) == ("0901", 5)
    assert read_digits(words, 0) is None


def test_read_digits_bare_digit_after_hundred() -> None:
    words = tokens("không chín không một trăm hai ba bốn")
    assert read_digits(words, 0) == ("090100234", 8)
    assert list(digit_readings(words, 0)) == [("090100234", 8), ("09012034", 8)]
    assert list(digit_readings(tokens("chín một"), 0)) == [("91", 2)]
    assert list(digit_readings(tokens("tên"), 0)) == []


def test_restore_number_words() -> None:
    words = tokens("khong chin muoi mot tram le nam muoi ngan")
    assert restore_number_words(words) == tokens("không chín mươi một trăm lẻ năm mươi ngàn")
    assert restore_number_words(["muoi", "hai"]) == ["mười", "hai"]
    assert restore_number_words(tokens("huỳnh văn bảy")) == ["huỳnh", "văn", "bảy"]
