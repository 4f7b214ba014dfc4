"""Round 35E of issue 13: lockdown calls to a city hotline, oxygen readings said in words, a
person still down after a fall "hồi nãy" (cases in our own words, with look-alikes that are
denied, feared, over or asked about and stay calm); rules alone and with the model."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

EMERGENCIES = [
    ("ba tui ở nhà đo chỉ còn tám mươi lăm thôi", "115"),
    ("chú tôi cách ly tại nhà chỉ số tụt còn bảy mươi chín", "115"),
    ("xờ pê ô hai của mẹ tôi còn tám mươi hai", "115"),
    ("em trai tôi thở rít môi nó tím đen luôn", "115"),
    ("mẹ tui nằm trên giường mắt nhắm nghiền lay hoài không trả lời", "115"),
    ("bà cụ phòng bên nằm dưới sàn còn nhúc nhích chút chút", "115"),
    ("bà cụ đầu hẻm mấy bữa không thấy mặt sáng nay tui ngó vô thấy bả nằm dưới sàn", "115"),
    ("lúc nãy ông nội trượt chân trong nhà tắm giờ không đứng dậy được", "115"),
    ("hồi nãy ba tui té nằm dưới đất chưa ai đỡ dậy", "115"),
    ("thằng em tui té gãy tay khi trèo qua rào xương lòi ra ngoài", "115"),
]

CALM = [
    "hôm kia mẹ tui đo còn tám mươi chín mà nay lên chín mươi sáu rồi",
    "nhà tui ba người mắc covid mà chưa có ai khó thở hết chỉ hỏi thuốc",
    "ông xã tui ho nhiều nhưng chưa tới mức phải cấp cứu đâu",
    "tui muốn đăng ký mượn bình ô xy phòng khi má tui trở nặng",
    "máy đo spo2 nhà tui chạy lung tung lúc tám mươi lúc chín mươi mà tui vẫn khỏe re",
    "má tui hết bệnh rồi tui muốn đem trả máy tạo ô xy cho phường",
    "hàng xóm nấu bằng bếp củi khói bay qua nhà tui quá",
    "hồi nãy ông tui té nằm dưới đất mà giờ đỡ dậy được rồi",
    "đo nhiệt độ cho con còn ba mươi tám độ",
    "thằng nhỏ ngủ trưa mắt nhắm nghiền ngon lành",
    "tui hỏi nhà có người già thì có được vô danh sách cấp bình ô xy không",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_round35e_emergency(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_round35e_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


def test_a_stretch_of_a_moment_ago_is_not_revived_when_it_was_a_game() -> None:
    need = parse_need("hồi nãy ông nằm dưới đất hổng dậy tại ông giỡn với tụi nhỏ thôi")
    assert need.urgency != "emergency"
