"""Round 28A: readings said in words (blood sugar in tenths or whole, a pulse, blood pressure
down, the oxygen clip), a child fighting for breath, dialysis missed, up high and wanting to
die; and the calm look-alikes (F0's "không", words only, measured again, a what-if).

Cases in the tests' own words, not a writer's lines.
"""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from callbot.understanding.need_combine import _tenths


@pytest.mark.parametrize(
    ("said", "tenths"),
    [
        ("hai chấm tám", 28),
        ("hai phẩy năm", 25),
        ("một chấp chín", 19),
        ("ba phẫy lăm", 35),
        ("ba", 30),
        ("mười hai", 120),
        ("hai chấm", 20),
    ],
)
def test_a_decimal_is_read_in_tenths(said: str, tenths: int) -> None:
    read = _tenths(said.split(), 0)
    assert read is not None and read[0] == tenths


MEDICAL = [
    "ông tui tiểu đường đo đường có một chấm chín người lạnh ngắt",
    "đường máu của má tui còn hai phẩy hai thôi",
    "thử đường huyết cho bà được ba mươi hai",
    "máy thử đường huyết báo bốn mươi lăm",
    "nhịp tim của ông tui xuống còn ba mươi lăm",
    "bắt mạch thấy một trăm sáu mươi mấy",
    "ba tui huyết áp bị tụt quá trời",
    "bà tui huyết áp còn bảy mươi lăm thôi",
    "chỉ số kẹp ngón tay của ông có tám mươi bảy",
    "máy kẹp ngón báo tám mươi tư",
    "đứa nhỏ thở mệt cánh mũi phập phồng liên tục",
    "con bé thở rút lõm lồng ngực",
    "chồng tui bỏ buổi chạy thận hôm qua giờ phù hết người",
    "ông tui chưa chạy thận mấy bữa nay tim đập loạn xạ",
]
RESCUE = [
    "có ông say rượu đứng trên mái la muốn chết",
    "có chị đứng trên lan can lầu năm la đòi chết",
    "có người ngồi trên nóc chung cư dọa nhảy xuống",
    "thằng nhỏ leo lên trụ điện cao thế đòi tự tử",
]
CALM = [
    "đường huyết má tui sáu chấm năm bác sĩ nói ổn rồi",
    "bà tui đo đường có bảy phẩy hai tui hỏi thuốc tiểu đường",
    "nhịp tim ông tui tám mươi bình thường tui xin giấy khám",
    "huyết áp mẹ tui một trăm hai mươi tui hỏi chỗ khám",
    "hồi sáng huyết áp tụt mà giờ đo lại bình thường rồi",
    "ông nội tui ép không ho nhẹ tui xin thuốc",
    "ba tui ép không thở bình thường tui xin gạo",
    "hai ông hàng xóm dọa đánh nhau mà chỉ chửi thôi chứ hổng đánh",
    "máy kẹp ngón báo tám mươi mà đo lại chín mươi tám rồi",
    "lỡ bà tui bị tụt đường thì sao tui hỏi mua máy đo",
    "tuần trước ba tui bỏ buổi chạy thận bị phù giờ đi chạy lại rồi",
    "tui leo lên mái sửa ngói mệt muốn chết",
]
HIGH = [
    "máy tạo ô xy của ông tui kêu tít tít mà ổng vẫn thở ổn cần người sửa",
    "bà tui đo đường có ba chấm năm hơi run",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", MEDICAL)
def test_readings_and_signs_are_115(text: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", "115")


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", RESCUE)
def test_wanting_to_die_up_high_is_114(text: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", "114")


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_the_look_alikes_stay_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", HIGH)
def test_a_worry_without_danger_is_high(text: str) -> None:
    assert parse_need(text).urgency == "high"


def test_the_words_that_decided_are_shown() -> None:
    result = parse_need("đường máu của má tui còn hai phẩy hai thôi")
    assert any("hai phẩy hai" in r for r in result.emergency_reasons)


# A reviewer's probes of round 28's first draft: what a mark or a reading must not take away
# or add.
STILL_EMERGENCIES = [
    ("ba tui bị xe tông bất tỉnh còn tui chỉ trầy xíu", "115"),
    ("ba tui té cầu thang bất tỉnh mẹ tui chỉ bị bầm nhẹ", "115"),
    ("ba tui sốt cao co giật tui chỉ nói được vậy thôi", "115"),
    ("nhà hàng xóm đang cháy lớn tui chỉ nói được vậy thôi", "114"),
    ("ba tui ngưng thở tui đang làm hồi sinh tim phổi", "115"),
    ("con tui lỡ té xuống ao giờ sao đây", "114"),
    ("ông nội bị ép không thở không được", "115"),
]
STILL_CALM = [
    "tui muốn hỏi đo đường huyết hai lần một ngày được không",
    "bác sĩ dặn thử đường mỗi ngày ba lần",
    "nhờ thợ đo mạch điện nhà tui hết ba mươi phút",
    "mạch không có gì lạ bác sĩ nói bình thường",
    "tự nhiên không biết ai lấy xe của tui",
    "bà tui uống mấy viên thuốc huyết áp mỗi ngày dạo này hay lờ đờ",
    "bà tui bị thoát vị đĩa đệm sưng cứng lưng",
    "máy đo ô xy của má tui chín mươi bảy bà đang ngủ mà tui sợ mai mốt tụt thì sao",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), STILL_EMERGENCIES)
def test_the_marks_take_no_real_emergency_away(text: str, service: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", service)


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", STILL_CALM)
def test_the_readings_raise_no_count_or_circuit(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


def test_a_decimal_digit_said_another_way() -> None:
    read = _tenths(["hai", "chấm", "mốt"], 0)
    assert read is not None and read[0] == 21
