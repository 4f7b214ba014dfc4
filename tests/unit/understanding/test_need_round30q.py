"""Round 30Q: relayed reports (by phone, message, camera or through a wall), in our own words."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("em trai nhắn tin là bị mấy thằng chặn đánh ngoài quán net", "113"),
        ("cô bạn nhắn nói thằng bồ cũ đang cầm dao đứng trước nhà đòi vô", "113"),
        ("mẹ tui ngã trong bếp không đỡ dậy nổi tui đang ở công ty", "115"),
        ("bà ngoại té từ chiều tới giờ hổng ai đỡ dậy", "115"),
        ("nghe bên kia vách cái rầm rồi ông cụ rên hoài mà hổng ai qua", "115"),
        ("ông chú gọi nói thấy mệt lắm giờ gọi lại mấy cuộc hổng nghe máy", "115"),
        ("cô hàng xóm đẻ rớt trong phòng trọ một mình", "115"),
        ("coi camera thấy con bé ngồi vắt vẻo ngoài lan can lầu năm", "114"),
    ],
)
def test_relayed_danger_now(text: str, service: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", service)


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(
    "text",
    [
        "thằng bồ cũ nhắn tin hăm đánh con gái tui tui hỏi chỗ tư vấn pháp luật",
        "con trai nhắn bị giựt điện thoại hồi trưa giờ về nhà rồi hỏi làm đơn ở đâu",
        "người trong chợ đồn có băng bắt cóc con nít tui hỏi có thiệt hông",
        "trên phây có vụ bắt cóc tui lo cho con nên hỏi lớp kỹ năng",
        "năm ngoái mẹ tui té không đứng dậy nổi giờ đi lại được rồi hỏi chỗ tập vật lý",
    ],
)
def test_relayed_look_alikes_stay_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"
