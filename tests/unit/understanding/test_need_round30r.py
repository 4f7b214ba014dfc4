"""Round 30R of issue 13: false emergencies of work sites, fields and boats (cases in our own
words), and their twins that stay emergencies; rules alone and with the model."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

CALM = [
    "ông nội tui té gãy chân bó bột về nhà rồi giờ xin hỗ trợ tiền thuốc",
    "má tui bị tai biến nhẹ xuất viện rồi mà không ai chăm",
    "anh tui bị điện giựt hôm qua phải mổ giờ hết tiền viện phí",
    "mấy thằng nhậu đánh nhau ngoài quán mà giải tán hết rồi tui hỏi chuyện tiếng ồn",
    "không phải cháy đâu khói đó người ta đốt rác sau nhà thôi",
    "tưởng cháy hóa ra ông hàng xóm hàn cửa sắt thôi",
    "cái lò than đầu hẻm xả khói quá trời cả xóm ho hoài mà không ai xử lý",
    "hai ông bán vé số cãi nhau chửi thề chứ chưa ai đánh ai",
    "ghe của ba tui bị bão đánh chìm hồi tháng trước giờ không có cái làm",
    "vợ em sắp sanh tháng sau mà em chưa có tiền đi viện",
]

EMERGENCIES = [
    ("ông nội tui té gãy chân về nhà rồi mà giờ sốt mê man gọi không trả lời", "115"),
    ("không phải đốt rác đâu lửa cháy lan qua nhà bên rồi", "114"),
    ("tưởng người ta đốt rơm ai dè cháy lan qua mấy căn trong đó còn người", "114"),
    ("vợ tui đang đau đẻ ra nước ối rồi", "115"),
    ("mấy thằng nhậu đang đánh nhau có đứa cầm dao", "113"),
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_round30r_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_round30r_twins_stay_emergencies(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


def test_a_birth_due_next_month_is_high() -> None:
    need = parse_need("vợ em sắp sanh tháng sau mà em chưa có tiền đi viện")
    assert (need.category, need.urgency) == ("medical", "high")
