"""Round 33Z of issue 13: a danger told with time words that is still there now (cases in our
own words, with look-alikes that are over and stay calm); rules alone and with the model."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

EMERGENCIES = [
    ("hồi khuya nhóm lò than trong buồng đóng cửa sáng nay ba mẹ con xỉu lay không dậy", "115"),
    ("tối qua bà nội trượt chân ngoài sân tới sáng nay mới thấy bả lạnh ngắt thở yếu", "115"),
    ("hồi trưa thằng nhỏ nuốt cục pin giờ nó chảy nước dãi la thét hoài", "115"),
    ("mới nãy bé nuốt viên pin đồng hồ mà giờ chảy nước miếng quá trời", "115"),
    ("ba tui bị rắn lục cắn hồi sáng giờ bắp chân sưng tím đen lên", "115"),
    ("chị dâu tui đẻ hồi khuya mà tới giờ huyết ra hoài không cầm được", "115"),
    ("bà cụ nằm dưới nền nhà từ trưa tới giờ rên không ra tiếng", "115"),
    ("con tui sốt cao từ chiều giờ giật tay chân từng hồi", "115"),
    ("anh tui bị phỏng xăng dập lửa rồi mà giờ da cháy đen nằm rên la", "115"),
    ("ổng té xe hồi sáng tưởng hổng sao mà giờ nói lảm nhảm hoài", "115"),
    ("má tui huyết áp từ trưa tới giờ hai trăm hai nhức đầu quá", "115"),
    ("thằng bạn bị chó dữ cắn máu vẫn chảy thành vũng dưới đất", "115"),
    ("đống rơm sau nhà tưởng tắt rồi mà giờ cháy bùng lên lại", "114"),
]

CALM = [
    "hồi tối ông ngoại xỉu một lần mà giờ tỉnh rồi ăn cháo được",
    "hôm qua tui té trầy đầu gối giờ đỡ rồi hỏi tiền thuốc ở đâu",
    "hồi chiều thằng nhỏ nuốt cục kẹo mà giờ chơi bình thường tui hỏi có sao hông",
    "đống rác tưởng tắt rồi mà giờ còn khói chút xíu tui hỏi ai dọn",
    "hôm qua tụi nó đánh nhau trước hẻm giờ đi hết rồi mà máu còn dính dưới đất",
    "hồi tối tưởng có trộm chạy ra coi thì con mèo giờ cả nhà nằm im ngủ rồi",
    "mưa to quá nước đọng thành vũng trước cửa nhà tui",
    "trời nóng ông nội nằm dưới nền nhà cho mát",
    "hồi sáng bị rắn cắn đi viện chích huyết thanh rồi giờ khỏe rồi",
    "vợ tui sanh hồi tháng trước giờ hỏi giấy khai sinh làm ở đâu",
    "ba tui huyết áp năm ngoái hai trăm giờ uống thuốc đều ổn rồi",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_round33z_emergency(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_round33z_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


def test_a_theft_told_before_is_not_revived_with_the_fall_after_it() -> None:
    need = parse_need(
        "hồi khuya trộm vô nhà chạy mất rồi mà ông tui đuổi theo té đập đầu giờ co giật"
    )
    assert (need.urgency, need.service) == ("emergency", "115")
