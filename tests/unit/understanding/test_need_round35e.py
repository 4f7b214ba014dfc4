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
    # a "lỡ" of an accident is no fear (the reviewer's lines, then ours)
    ("con tui lỡ nuốt đồng xu khó thở quá", "115"),
    ("em bé lỡ hít hạt đậu thở không nổi", "115"),
    ("ba lỡ uống nhầm thuốc xỉu luôn", "115"),
    ("thằng cu lỡ nuốt cái nắp chai khó thở quá", "115"),
    ("bà nội lỡ uống nhầm thuốc chuột xỉu luôn", "115"),
    # a neighbour's thick smoke, whatever wood fire burns here
    ("nhà tui nấu bếp củi mà khói đen mù mịt từ nhà hàng xóm bay qua", "114"),
    ("tui đang đun bếp củi nấu cơm mà khói đen kịt từ nhà kế bên bốc qua", "114"),
    # a stranger climbing in, still inside: the police
    ("nửa đêm khi nó trèo vô nhà ba tui lên cơn đau tim bất tỉnh nó còn ở trong nhà", "113"),
    ("khuya khi thằng trộm trèo vô nhà má tui hoảng quá xỉu luôn nó còn trong nhà", "113"),
    # a reading risen, or a faulty meter, with real signs said: still an emergency
    ("ba tui khó thở tím tái nhịp tim tám mươi mà giờ lên chín mươi lăm", "115"),
    ("ông tui đo còn tám mươi lăm thở dốc tím tái giờ lên chín mươi bốn", "115"),
    ("máy đo chạy lung tung ông tui bất tỉnh còn tui thì vẫn khỏe", "115"),
    ("máy giặt chạy lung tung ông tui ngất xỉu còn tui thì vẫn khỏe", "115"),
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
    # another measure than oxygen said to drop
    "nhịp tim đo còn sáu mươi",
    "ba tui cân đo còn tám mươi ký",
    "con tui cân đo còn bảy mươi lăm ký",
    "mạch ba tui đo còn sáu mươi lăm",
    "hôm qua ô xy của ba tui còn tám mươi bảy mà giờ lên chín mươi sáu rồi",
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
