"""Round 24G: emergencies the rules missed and services they got wrong (writers P and Q),
in other words than theirs, with look-alikes that must stay calm."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("ngoài ngã tư có chiếc xe tải cán người rồi anh ơi người ta nằm bất động", "115"),
        ("dạ ông bán vé số bị xe container quẹt té ngay trước cổng khu công nghiệp", "115"),
        ("có chị đi xe đạp bị xe buýt quẹt trúng ngay trạm dừng chị ơi", "115"),
        ("ba tui đau bụng lăn lộn dưới sàn từ nãy giờ ói quá trời", "115"),
        ("má em nằm lăn lộn la quá trời hông biết bị gì", "115"),
        ("ông nội tui vừa bị tai biến méo miệng rồi cô ơi", "115"),
        ("bà ngoại vừa bị đột quỵ ngay trong bếp nha chị", "115"),
        ("thằng nhỏ kẹt đầu trong lan can lầu hai khóc quá trời", "114"),
        ("con gái tui nó kẹt chân ngoài ban công tầng bốn hông vô được", "114"),
        ("ông hàng xóm té xuống cái giếng sau vườn giờ còn kêu cứu", "114"),
        ("có thằng nhỏ bị xích chân ở sau nhà kho nó khóc hoài", "113"),
        ("ba nó say rượu đang giựt thằng nhỏ lôi ra xe chạy", "113"),
        ("thằng chồng đang nhốt con em trong phòng khóa cửa lại hông cho ai vô", "113"),
        ("có ông lạ hoắc bám theo tui nãy giờ tui sợ quá", "113"),
        ("thằng đó lái xe cố tình tông mấy người đứng đường giờ còn quay lại tông tiếp", "113"),
    ],
)
def test_round24g_emergency_and_service(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service)


@pytest.mark.parametrize(
    "text",
    [
        "hồi năm ngoái xe tải cán người ở ngã tư nhà tui giờ tui muốn hỏi làm đèn giao thông",
        "tui lăn lộn kiếm sống mấy chục năm giờ già rồi muốn xin trợ cấp",
        "ba tui bị tai biến hồi năm ngoái giờ muốn xin xe lăn",
        "tháng trước con tui kẹt chân trong lan can mà gỡ ra được rồi hông sao",
        "ba em đang tát nước ngoài ruộng mà nhà hết gạo rồi",
        "con đường nhà tui sập ổ gà hoài ai sửa dùm",
        "hôm qua có thằng bám theo tui nãy giờ mà giờ hết rồi tui muốn hỏi cách báo",
    ],
)
def test_round24g_look_alikes_stay_calm(text: str) -> None:
    assert _service(text)[0] != "emergency"
