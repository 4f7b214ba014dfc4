"""Round 28C: everyday 115 signs the rules had only as parts, read together (the baby stopped
moving, fell and lies there, no pulse, a broken hip, fits with a fever, a listless baby, pills
then drowsy, suddenly confused, a baby's belly tight, hot oil in the face, a slip of the
knife), a kick going on (113), and two pasts ("từng", "bữa" and who).

Cases in the tests' own words, not a writer's lines.
"""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

MEDICAL = [
    "vợ tui có bầu tám tháng từ tối qua tới giờ hổng thấy con đạp",
    "chị tui mang thai mà thai hết máy từ sáng",
    "ông tui té ngoài sân nằm luôn hông dậy",
    "má tui trượt chân té ngoài hẻm đứng hổng lên được",
    "có ông chạy bộ gục xuống bắt mạch hổng có",
    "bà tui té gãy cổ xương đùi đau quá trời",
    "thằng cu nhà tui sốt cao giựt tay chân liên tục",
    "con tui mới ba tháng bỏ bú nằm lừ đừ hoài",
    "con bé nuốt cả nắm thuốc của bà giờ mắt lờ đờ",
    "ba tui tự nhiên nói lảm nhảm hổng biết ai là ai",
    "con tui ói hoài bụng căng bóng",
    "anh tui chiên cá bị dầu sôi bắn vô mặt phỏng hết",
    "tui làm cá trượt tay dao đâm vô bụng chân máu ra nhiều",
]
POLICE = [
    "có hai thằng đang đá vô bụng ông già bán vé số",
    "chồng nó đang đạp vợ nó ngoài đường kìa",
]
CALM = [
    "má tui từng xỉu ngoài chợ giờ khỏe rồi tui hỏi thẻ bảo hiểm",
    "bữa ba tui té xe trầy chân giờ lành rồi tui hỏi giấy tờ xe",
    "con tui đang đạp xe ngoài hẻm tui hỏi giờ phát gạo",
    "em bé trong bụng đạp nhiều quá tui hỏi lịch khám thai",
    "hồi năm ngoái bà tui té gãy xương hông giờ đi được rồi tui xin xe lăn",
    "tui cắn chặt răng chịu đau cái răng sâu hỏi chỗ nhổ răng",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", MEDICAL)
def test_signs_read_together_are_115(text: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", "115")


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", POLICE)
def test_a_kick_going_on_is_113(text: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", "113")


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_the_look_alikes_stay_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"
