"""Round 21B of issue 13 (writers J and K of the thirteenth development set): a wrong thought
turned ("tưởng X mà hổng phải ..."), signs told plainly (a relayed call gone silent, the heart
attack, a burglary under way, people hiding from an animal), and false emergencies (a
paralysis of years ago, a birth due later, a question then a denial); our own examples and
their look-alikes, read by the rules alone."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        # thought one thing, and it was not so: what follows the turn is now
        ("tui tưởng bả ngủ quên mà hổng phải kêu hoài hổng dậy môi tím ngắt", "115"),
        ("tưởng thằng nhỏ giỡn giả bộ xỉu mà lay hoài nó hông dậy người mềm nhũn", "115"),
        ("cứ tưởng ổng nhậu say mà không phải đâu chị ổng nằm đó gọi không trả lời", "115"),
        ("tưởng mấy đứa nhỏ chơi đùa mà hổng phải tụi nó đang đánh hội đồng một đứa", "113"),
        ("tưởng vợ chồng cãi nhau mà không phải thằng đó đang bóp cổ bà kia", "113"),
        ("tưởng người ta đốt rơm mà hổng phải khói đen bốc lên từ cái kho có mùi khét", "114"),
        ("tưởng ông ngủ trưa mà tới giờ gọi hông dậy ngáy khò khò nước miếng chảy ra", "115"),
        ("tưởng ai đốt pháo mà hổng phải nha có thằng cầm súng bắn mấy phát vô quán", "113"),
        ("tưởng có trộm mà hổng phải hai thằng lạ đang cạy cửa sau nhà tui", "113"),
        # signs told plainly
        ("hồi nãy bà nội đi vệ sinh ra rồi nằm xuống gọi hoài hông dậy thở ngáy to", "115"),
        ("má tui gọi nói chóng mặt quay cuồng ói hoài giờ gọi lại hông bắt máy", "115"),
        ("ba em gọi nói xây xẩm đứng hông nổi giờ gọi mấy cuộc không nghe máy", "115"),
        ("ngực ổng như bị ai đè đau lan ra cánh tay trái mồ hôi lạnh", "115"),
        ("tui thắt ngực quá đau lan lên quai hàm", "115"),
        ("có hai thằng leo qua hàng rào nhà bên đang khiêng cái tủ lạnh ra", "113"),
        ("nhà cô ba đi vắng mà có người đang dắt xe ra khỏi nhà", "113"),
        ("có ông hổng bình thường cầm dao đi ngoài đường chém vô cửa nhà người ta", "113"),
        ("ổng đánh thuốc con chó nhà tui xong cầm dao đứng ngoài cổng đòi vô", "113"),
        ("bầy ong bay vô lớp đốt tụi nhỏ giờ tụi nó trốn trong phòng hổng dám ra", "114"),
        ("có con trăn bò vô nhà tắm con gái tui ở trong đó không dám ra", "114"),
    ],
)
def test_turned_thoughts_and_plain_signs_are_emergencies(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service)


@pytest.mark.parametrize(
    "text",
    [
        # the thought turned to something harmless stays calm
        "tưởng ba tui bị đột quỵ mà bác sĩ nói không sao",
        "tưởng có trộm mà con mèo thôi",
        "tưởng nhà bên cháy mà hổng phải người ta nướng khô mực thôi",
        "hồi chiều tưởng ổng xỉu mà hổng phải ổng ngủ say thôi giờ dậy ăn cơm rồi",
        # a thief thought of, one's own family found
        "tưởng có trộm mà là chồng tui đi nhậu về leo cổng vô",
        "tui tưởng ăn trộm mà hông phải thằng con tui đi chơi khuya về trèo rào vô",
        # a paralysis of years ago, an aid asked
        "ba tui mấy năm trước té giàn giáo giờ liệt nửa người tui muốn xin xe lăn",
        "năm ngoái má tui bị méo miệng yếu nửa người giờ nằm một chỗ xin cái nệm chống loét",
        # a birth due later
        "vợ tui sắp sanh tháng sau mà nhà hổng có tiền xin hỗ trợ",
        "con gái tui gần sinh mấy tuần nữa mà chưa có bảo hiểm",
        # asked about, then denied of everybody
        "tui hỏi là bị kẹt trong thang máy thì gọi ai chứ hổng có ai bị kẹt hết",
        "cho hỏi bị rắn cắn thì làm sao chứ hông có ai bị rắn cắn đâu",
        # a chest named with no sign of a heart attack
        "ông nội tui ngực đau nhẹ lâu rồi muốn xin thuốc",
    ],
)
def test_their_look_alikes_are_no_emergency(text: str) -> None:
    assert _service(text)[0] != "emergency"


def test_a_gunshot_named_stays_police() -> None:
    assert _service("có người nổ súng ngoài quán nhậu mọi người chạy tán loạn") == (
        "emergency",
        "113",
    )


def test_an_explosion_with_no_gun_stays_a_rescue() -> None:
    assert _service("nghe tiếng nổ lớn bình ga nhà bên cháy rồi") == ("emergency", "114")
