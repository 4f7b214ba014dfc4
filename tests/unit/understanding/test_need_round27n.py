"""Round 27N: emergencies the rules missed, services they got wrong and false alarms (writer
X), in other words than theirs, with look-alikes that must stay calm."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("thằng nhỏ đứng trên lan can sân thượng la muốn nhảy xuống", "114"),
        ("cái xưởng gỗ bị người ta phóng hỏa tụi nó chạy rồi nhưng còn mấy người công nhân", "114"),
        ("có con rắn hổ chui vô nằm trong mùng của cháu tui", "114"),
        ("con bé khóa cửa phòng tắm giờ cái chốt gãy mở hổng ra nó la quá trời", "114"),
        ("đo đường huyết lên ba mươi mấy mà ba tui mê man gọi hổng dậy", "115"),
        ("máy thử đường báo cao quá mẹ tui lừ đừ thở sâu", "115"),
        ("tim ổng đập loạn xạ ngực nặng như đá đè", "115"),
        ("vợ tui bầu bảy tháng nằm tự nhiên giật một cái rồi im luôn", "115"),
        ("chị tui mang thai nhức đầu như búa bổ", "115"),
        ("thằng bé mới sanh bốn ngày da vàng ệch bú hổng được lừ đừ", "115"),
        ("ông chú bị xe tải tông ngã ra đường máu lỗ tai ra nhiều", "115"),
        ("bà ngoại trượt chân té cái tay lòi xương ra", "115"),
        ("con tui nuốt hột nhãn ôm cổ mặt tím dần", "115"),
        ("thằng nhỏ đi ngoài liên tục mắt trũng hết khóc hổng ra nước mắt", "115"),
        ("ba tui bụng cứng ngắc ói ra mật xanh", "115"),
        ("chồng bả đâm bả rồi chạy mất rồi mà máu cứ phun ra", "115"),
    ],
)
def test_round27n_emergency_and_service(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service)


@pytest.mark.parametrize(
    "text",
    [
        # denied, nobody
        "hổng có ai bị nhốt đâu tụi nhỏ giỡn với nhau thôi",
        "hông ai bị kẹt thang máy hết tui hỏi giờ bảo trì",
        "ổng la tui chứ hổng đánh tui tui muốn hỏi chỗ hòa giải",
        # no crime, corrected
        "ba tui bị giữ trong trung tâm cai nghiện tui hỏi giờ thăm",
        "con bé nói bị bắt cóc thiệt ra là nó trốn qua nhà bạn chơi tui hỏi cách dạy con",
        # on TV, heard of, asked
        "xem thời sự vụ cháy chợ ở miền tây tui muốn hỏi cách phòng cháy",
        "nghe người ta nói có vụ sập nhà ở phường bên có phải gần chợ hông",
        # over, explained, resolved
        "thằng ăn cướp ngoài chợ bị công an bắt rồi tui hỏi thủ tục nhận lại đồ",
        "thang máy tòa nhà kẹt hồi sáng giờ chạy lại rồi tui hỏi ai bảo trì",
        "khói bay mù mịt là người ta đốt rơm ngoài ruộng tui phản ánh",
        "ông chú tui bị điện giựt chết tuần trước tui hỏi tiền hỗ trợ mai táng",
        "thằng nhỏ bị sặc sữa hồi trưa giờ bú lại rồi tui hỏi chích ngừa",
        # no emergency said
        "hồi tối có con rắn hổ bò vô nhà mà ông hàng xóm bắt đi rồi",
        "cái chốt cửa nhà vệ sinh bị gãy tui hỏi thợ sửa",
        "bà bầu tám tháng hỏi chỗ khám thai miễn phí",
        "em bé mới sanh bị vàng da nhẹ bác sĩ nói phơi nắng là hết",
        "thi xong tim đập thình thịch hồi hộp quá",
        "tui ngồi trên lan can uống cà phê coi nhảy múa",
        "ba tui bị tiểu đường đường huyết ổn định tui hỏi lãnh thuốc",
    ],
)
def test_round27n_look_alikes_stay_calm(text: str) -> None:
    assert _service(text)[0] != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "thằng ăn cướp bị bắt rồi mà ông bảo vệ bị nó đâm máu ra nhiều lắm",
        "thang máy chạy lại rồi mà còn kẹt ông già ở trong",
        "con bé nói bị té thiệt ra là bị thằng kia đánh chảy máu đầu",
        # a body in danger before "thiệt ra là" stays: the explanation does not take it back
        "mẹ tui thở hổng ra hơi thiệt ra là bả có bệnh phổi",
        "ba tui té xỉu không dậy thiệt ra là ổng có bệnh tim",
    ],
)
def test_round27n_what_follows_still_counts(text: str) -> None:
    assert _service(text)[0] == "emergency"


def test_round27n_power_cut_for_a_bill_is_high() -> None:
    assert _service("điện lực cắt điện do nợ tiền mà mẹ tui xài máy tạo oxy")[0] == "high"
    assert _service("cúp điện vì nợ tiền máy thở tắt rồi ông tui thở hổng nổi")[0] == "emergency"
