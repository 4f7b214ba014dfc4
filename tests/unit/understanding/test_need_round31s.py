"""Round 31S of issue 13: medical emergencies said by a child, an old person about a spouse,
a migrant and in a few words (cases in our own words, with look-alikes that stay calm); rules
alone and with the model."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

EMERGENCIES = [
    ("ông nhà tôi nằm ngoài hiên hổng còn hơi thở nữa cô ơi", "115"),
    ("thằng cháu té vô kính bể máu chảy xối xả ở bắp đùi", "115"),
    ("con dâu tui đẻ ở nhà mà đứa bé ra được nửa người rồi kẹt luôn", "115"),
    ("vợ tui sanh ở nhà trọ thằng nhỏ kẹt giữa chừng hổng ra", "115"),
    ("cháu ngoại mới đẻ hông khóc gì hết người xanh mét", "115"),
    ("em bé vừa ra đời mà im ru hổng khóc tiếng nào mình mẩy tím bầm", "115"),
    ("ba con chặt cây đụng trúng tổ ong vò vẽ bị đốt cả chục mũi", "115"),
    ("em bị ong đốc quá trời chỗ giờ chóng mặt muốn té", "115"),
    ("con chó béc giê cắn toạc nguyên bắp tay anh hai em", "115"),
    ("má tui bị cao máu lâu năm bữa nay nhức như búa bổ rồi ói liên tục", "115"),
    ("mẹ cháu huyết áp vọt lên hai trăm mốt mặt đỏ gay", "115"),
    ("chồng tui nhức đầu như muốn nổ tung nôn mãi không dừng", "115"),
    ("con gái tui sanh đứa nhỏ ở nhà hồi sáng giờ máu ra ướt sũng mấy cái khăn", "115"),
    ("ổng thở khọt khẹt trong cổ rồi ngưng thở một lúc mới thở lại", "115"),
    ("bà xã tui bị suyễn lâu rồi đêm nay thở dốc môi tái đi", "115"),
    ("tui đo cho ông nội bằng cái máy kẹp ngón tay chỉ có tám mươi", "115"),
    ("tay ổng bị máy ép rút ra được rồi mà dập nát hết máu ra quá trời", "115"),
]

CALM = [
    "con tui bị muỗi đốt mấy chục mũi sưng vù hai chân hỏi thoa thuốc gì",
    "chồng tui ngáy khọt khẹt mấy năm nay lâu lâu ngưng một lúc mới thở lại",
    "ba tui huyết áp vọt lên hai trăm hồi tuần trước giờ uống thuốc ổn rồi",
    "có ai tới phá tổ ong vò vẽ trên cây xoài giùm tui không",
    "cái máy kẹp ngón tay của má tui báo chín mươi tám",
    "con chó cắn toạc cái quần thằng nhỏ may mà hổng trúng chân",
    "vợ tui sanh đứa nhỏ hồi tháng trước giờ muốn làm giấy khai sinh",
    "tức muốn nổ tung đầu vì cái xe đậu chắn cửa nhà tui",
    "đi bộ lên dốc mệt quá hết hơi thở muốn nghỉ chút",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_round31s_emergency(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_round31s_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


def test_a_lift_stuck_midway_stays_114() -> None:
    need = parse_need("thang máy chung cư kẹt giữa chừng có ba người ở trong")
    assert (need.urgency, need.service) == ("emergency", "114")


def test_a_knife_held_against_someone_else_stays_113() -> None:
    need = parse_need("thằng say rượu cầm dao rượt chém người ta ngoài chợ")
    assert (need.urgency, need.service) == ("emergency", "113")
