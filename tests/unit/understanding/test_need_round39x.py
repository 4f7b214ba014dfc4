"""Round 39X of issue 13: a person fallen from a floor said with "rớt từ tầng", and a poison
swallowed a short while ago with a sign said now; cases in our own words, with look-alikes
that stay calm or keep their service (a lift, a thing, the past, a warning, a question);
rules alone and with the model."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

EMERGENCIES = [
    # a person fallen from a floor
    ("thằng nhỏ nhà bên rớt từ tầng bốn xuống sân", "115"),
    ("con tôi rớt từ tầng hai xuống nằm im", "115"),
    ("có người rớt từ tầng sáu xuống sân", "115"),
    ("bà nội tui rớt từ tầng hai xuống", "115"),
    ("anh thợ rớt từ tầng ba công trình xuống", "115"),
    # a lift falling keeps its rescue, people in it or not
    ("thang máy chung cư rớt từ tầng tám xuống", "114"),
    ("thang máy chở ba người rớt từ tầng sáu", "114"),
    # a poison swallowed a while ago, a sign now
    ("lúc nãy con bé uống thuốc chuột giờ nôn liên tục", "115"),
    ("hồi trưa ông ngoại uống lộn thuốc sâu bây giờ lơ mơ", "115"),
    ("hồi sáng thằng em uống nhầm xăng giờ co giật", "115"),
]

CALM = [
    # a thing falling
    ("điện thoại anh rớt từ tầng ba xuống"),
    ("thau đồ phơi rớt từ tầng ba xuống đường"),
    ("giá rớt từ tầng hai xuống tầng một"),
    ("ví tiền chị rớt từ tầng ba xuống hẻm"),
    ("chai nước của bà rớt từ tầng hai"),
    ("đồ chơi bé rớt từ tầng ba"),
    ("con mèo rớt từ tầng hai xuống"),
    # the past, now well
    ("hồi năm kia thằng nhỏ rớt từ tầng hai giờ khỏe re"),
    ("hồi nhỏ tui rớt từ tầng hai mà không sao"),
    # a warning, a fear, a question
    ("coi chừng em bé rớt từ tầng ba nha"),
    ("sợ thằng nhỏ rớt từ tầng hai nên hỏi chỗ làm lưới ban công"),
    ("làm sao để con nhỏ không rớt từ tầng hai"),
    # a poison of long ago, a recovery, no sign now
    ("hồi nãy uống nhầm thuốc mà giờ khỏe rồi"),
    ("hồi tháng rồi con uống thuốc chuột giờ xin hỗ trợ tiền viện"),
    ("hồi nãy thằng nhỏ uống thuốc chuột giờ không ói gì"),
    ("hồi nãy con uống lộn thuốc giờ ói ra hết rồi đỡ rồi"),
    ("hồi sáng uống thuốc cảm giờ hơi ói"),
    ("hồi nãy ăn bánh giờ ói quá trời"),
    ("năm ngoái uống thuốc chuột giờ hay ói"),
    ("hồi nãy thằng nhỏ uống thuốc chuột giờ hỏi có sao không"),
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_round39x_emergency(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_round39x_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"
