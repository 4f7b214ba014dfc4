"""Round 32V of issue 13: medical emergencies buried in long calls about aid, said after
"mà" (cases in our own words, with look-alikes that stay calm); rules alone and with the
model."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

EMERGENCIES = [
    ("tui gọi xin gạo cứu trợ mà ba tui nằm đó hổng thấy ổng hít vô gì hết", "115"),
    ("con hỏi học bổng mà má con xỉu tát vô mặt cũng hổng tỉnh", "115"),
    ("em xin tiền sữa mà vợ em đang rặn thấy tóc em bé lú ra rồi", "115"),
    ("hỏi trợ cấp mà ông nội thở kéo rít rồi nín luôn cả chục giây", "115"),
    ("tui xin phần quà mà thằng út bị con vện ngoạm rách bắp chân", "115"),
    ("cô ơi hỏi tiền điện mà con nhỏ cứng người hai mắt ngó lên rồi", "115"),
    ("em bé vừa đẻ ra hổng khóc oe oe gì hết da xám xịt", "115"),
    ("con dâu tui sanh đứa nhỏ ở nhà huyết chảy xuống tới nền gạch", "115"),
    ("hỏi vụ sạp chợ mà chồng tui nửa mặt đơ cứng nói lè nhè", "115"),
    ("xin thuốc mà ba tui đo máy báo hai trăm hai giờ ổng nôn tùm lum", "115"),
    ("hỏi phân bón mà tui bị bắp cày đốt cả chục chỗ giờ hoa mắt quá", "115"),
    ("hỏi quà tết mà má ăn cua xong mặt sưng vù há miệng hớp hơi không vô", "115"),
    ("ông ngoại trượt chân cụng đầu vô cột nhà giờ mắt díp lại", "115"),
    ("em có bầu mà bụng đã tám tháng giờ toàn là máu trên ghế", "115"),
    ("thằng nhỏ bị trục lăn cuốn tay kéo ra được rồi mà bầy nhầy hết", "115"),
    ("người ta báo chồng tui bị máy dập đè bẹp mấy ngón tay máu ra quá trời", "115"),
    ("xin rau củ mà ông xã kêu ngực nhói như ai bóp tê rần xuống tay trái", "115"),
    ("con bé nóng như hòn lửa hai tay co quắp", "115"),
]

CALM = [
    "tui hỏi tiền hỗ trợ cho người bị chó cắn hồi năm ngoái",
    "con chó nhà bên bị xích lại sủa quá trời hàng xóm khó chịu",
    "ba tui đo máy báo hai trăm mà ổng khỏe re hông có sao",
    "nhà tui không có cháy gì hết chỉ là cúp điện mà má tui phải thở ô xy ở nhà",
    "em nghe trên ti vi nói có người chết đuối ngoài sông em muốn hỏi tiền trợ cấp",
    "bà nội tui chín chục tuổi liệt nửa người lâu rồi xin cái xe lăn",
    "hỏi có phát khẩu trang hông mà đừng hít vô khói nhang nha",
    "mấy bữa trước ổng cụng đầu vô cửa giờ hết sưng rồi",
    "ông nhà tui nằm ngủ ngáy khò khè cả đêm",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_round32v_emergency(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_round32v_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


def test_a_hand_still_caught_stays_114() -> None:
    need = parse_need("tay anh công nhân bị máy ép đè bẹp mấy ngón tay còn kẹt trong máy máu ra")
    assert (need.urgency, need.service) == ("emergency", "114")
