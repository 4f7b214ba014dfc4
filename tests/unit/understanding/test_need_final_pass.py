"""Round 2 of issue 13, final pass (after half B of the second development part was studied):
the classes it showed, with our own examples. Half B is no unseen check after this pass; its
figures before it (commit 1b76a9e) are in docs/benchmarks.md."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need


@pytest.mark.parametrize(
    ("text", "service"),
    [
        # a denial said after its verb: "nói không được" is "không nói được"
        ("ba tui tự nhiên méo mặt nói không được", "115"),
        ("bà tui nuốt không được nói cũng không được", "115"),
        # a denial with "thấy", "còn" between: "hổng thấy phản ứng"
        ("lay ông nội hoài mà hổng thấy phản ứng", "115"),
        ("ổng nằm đó không còn cử động", "115"),
        # a simile over its phrase, not the pain it describes
        ("mẹ tui đau ngực như có cục đá đè lên", "115"),
        # "hình như" is no simile
        ("hình như ba tui bị đột quỵ rồi", "115"),
        # stuck somewhere, cannot come up; a flooded car; a child carried off by a stranger
        ("hai người xuống giếng mò đồ giờ nằm dưới đó chưa lên được", "114"),
        ("xe tui bị ngập nước tràn vô tới cổ mở cửa không được", "114"),
        ("có người phụ nữ lạ bồng con tui đi mất", "113"),
        ("có người lạ dắt thằng nhỏ nhà tui ra khỏi trường", "113"),
        ("nhà có trộm tui đang trốn dưới gầm giường", "113"),
        ("thằng đó lấy dao kề cổ vợ nó", "113"),
    ],
)
def test_emergencies_of_the_final_pass(text: str, service: str) -> None:
    assert parse_need(text).service == service


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("ông nội co giật chút xíu rồi tỉnh lại liền tại ổng bị động kinh lâu năm", "medical"),
        ("kẹt xe ngã tư này kẹt cứng muốn chết tui phản ánh cái đèn giao thông", "other"),
        ("lỡ nhà có ai bị đột quỵ thì nên làm gì tui hỏi trước", None),
        ("người bị tai nạn đã được xe một một lăm chở đi rồi tui báo cái đèn đường hư", "other"),
        ("hôm thứ bảy có người chết đuối ở kênh giờ tui muốn xin làm lan can", "other"),
        ("tui không khó thở đâu chỉ ho khan mấy hôm hỏi chỗ mua thuốc", "medical"),
        ("má tui nằm im trên giường cả ngày vì lười dậy thôi tui xin thùng mì", "food"),
    ],
)
def test_no_emergency_in_the_final_pass(text: str, category: str | None) -> None:
    result = parse_need(text)
    assert result.urgency == "normal"
    if category is not None:
        assert result.category == category


@pytest.mark.parametrize(
    ("text", "category", "urgency"),
    [
        (
            "hồi nãy xe quẹt ông già ổng đứng dậy đi được tui chỉ muốn báo cái ổ gà",
            "other",
            "normal",
        ),
        ("má tui động kinh uống thuốc mỗi ngày mà hết thuốc từ hôm qua rồi", "medical", "high"),
        ("chồng em tai nạn đang nằm viện mà nhà không còn gì ăn", "food", "high"),
        ("muốn hỏi chỗ xét nghiệm sốt xuất huyết gần chợ", "testing", "normal"),
        ("nhà kế bên đóng cọc ầm ầm từ sáng sớm", "violation", "normal"),
        ("xe tải đậu chắn lối thoát hiểm chung cư", "violation", "normal"),
        ("nhà đầu hẻm xây lấn ra hẻm", "violation", "normal"),
        ("bà cụ mù ở một mình không ai nấu cho ăn", "food", "high"),
        ("hồi năm ngoái tui gãy tay giờ muốn hỏi chỗ tập vật lý trị liệu", "medical", "normal"),
    ],
)
def test_category_and_urgency_of_the_final_pass(text: str, category: str, urgency: str) -> None:
    result = parse_need(text)
    assert (result.category, result.urgency) == (category, urgency)
