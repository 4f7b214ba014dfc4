"""Round 2 of issue 13: category and urgency of everyday needs, by failure class (our own
examples): what the caller asks for decides, who is named is high only when something
pressing is said, reports, papers, appliances, daily medicines run out."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need


@pytest.mark.parametrize(
    ("text", "category", "urgency"),
    [
        # what is asked for decides among needs of the same urgency
        ("mẹ tui nằm viện mà tui cần làm giấy tạm trú gấp", "other", "normal"),
        ("đau đầu muốn chết vì tiền nhà tui hỏi thủ tục sang tên sổ đỏ", "other", "normal"),
        # who is named: high only when something pressing is said
        ("ông nội tui hay khó thở mỗi khi trời lạnh tui hỏi mua máy xông", "medical", "normal"),
        ("phòng khi bà ngoại lên cơn hen tui muốn mua sẵn bình xịt", "medical", "normal"),
        ("mấy đứa nhỏ xóm tui đá banh la hét tới khuya", "violation", "normal"),
        ("bà nội ung thư phổi cần tiền mua thuốc", "medical", "high"),
        ("ông ngoại bệnh không đi làm được không có đồng nào", "financial", "high"),
        # a daily medicine named and run out; scarcity of food
        ("con tui tiểu đường mà hết insulin rồi", "medical", "high"),
        ("ba mẹ con tui hai ngày nay chỉ ăn có gói mì chia nhau", "food", "high"),
        # reports: drugs, unsafe food, noise
        ("có nhà cuối hẻm bán ma túy suốt", "violation", "normal"),
        ("sạp thịt ở chợ bán thịt heo bệnh", "violation", "normal"),
        ("tụi thanh niên nẹt pô cả đêm", "violation", "normal"),
        # a screening, an appliance, a broken lift
        ("tui muốn hỏi giá khám tầm soát ung thư phổi", "medical", "normal"),
        ("cái nồi cơm điện cháy rồi tui hỏi chỗ thu gom", "other", "normal"),
        ("con ơi bà leo cầu thang mệt đứt hơi mà thang máy hư", "other", "normal"),
        # Chợ Lớn as where one goes; something handed in to the ward
        ("cho tui hỏi đi chợ lớn thì đón xe ở đâu", "other", "normal"),
        (
            "ông kia té xỉu được chở đi cấp cứu rồi tui lượm cái ví muốn nộp cho phường",
            "other",
            "normal",
        ),
    ],
)
def test_category_and_urgency(text: str, category: str, urgency: str) -> None:
    result = parse_need(text)
    assert (result.category, result.urgency) == (category, urgency)


@pytest.mark.parametrize(
    "text",
    [
        "nghe nói ổng muốn chết vì nợ",  # a wish to die with its cause: still meant
        "ổ cắm cháy rồi lửa lan lên màn cửa",  # an appliance, but flames
    ],
)
def test_still_an_emergency(text: str) -> None:
    assert parse_need(text).urgency == "emergency"
