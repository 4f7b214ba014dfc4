"""Round 28E: emergencies inside lockdown calls the rules had only as parts (a battery
swallowed, blood spurting, locked in by a landlord and ill; shut in a lift, a head stuck, a dog
attacking, about to jump into the water, rising water and a bedridden elder) and two
long-standing conditions (calm).

Cases in the tests' own words, not a writer's lines.
"""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

MEDICAL = [
    "thằng út nhà tui lỡ nuốt cục pin của cái đồng hồ giờ nó ói",
    "con bé nuốt phải viên nam châm đồ chơi la đau bụng quá",
    "ổng chặt cây trúng chân máu phun thành tia luôn",
    "cô ơi thằng em tui té kiếng máu xịt ra quá trời",
    "chủ trọ khóa cổng ngoài hổng cho ra mà vợ tui khó thở lắm rồi",
]
RESCUE = [
    "hai mẹ con tui bị nhốt trong cái thang máy mất điện nãy giờ",
    "con tui chơi ban công bị kẹt đầu vô lan can sắt rút hổng ra",
    "bầy chó hoang đang đuổi cắn mấy đứa nhỏ đi học về",
    "có ông say xỉn đứng trên cầu tính nhảy xuống kênh",
    "chị hàng xóm nợ nần ra bờ sông đòi nhảy sông tự tử",
    "mưa lớn nước lên nhanh quá mà ông nội nằm liệt giường trong nhà",
]
CALM = [
    "tui bị suyễn kinh niên xin hỏi chỗ lãnh thuốc miễn phí",
    "má tui khó thở mãn tính rồi tui hỏi mượn bình ô xy về nhà",
    "ông già tui liệt nửa người mà tụi tui đi làm hết hổng ai chăm xin người giúp",
    "con chó nhà tui hồi sáng rượt cắn con mèo giờ hết rồi",
    "tui hỏi thủ tục sửa thang máy chung cư bị hư",
    "tụi nhỏ trong xóm trưa nắng đòi nhảy sông tắm tui hỏi chỗ học bơi",
    "mấy đứa nhỏ tắm sông tui sợ tụi nó đuối nước hỏi chỗ học bơi",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", MEDICAL)
def test_bodies_in_trouble_are_115(text: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", "115")


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", RESCUE)
def test_rescues_are_114(text: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", "114")


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_the_look_alikes_stay_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"
