"""Round 36F of issue 13: emergencies told by what a layperson sees and hears, with no
medical word (cases in our own words, with look-alikes that stay calm); rules alone and with
the model."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

EMERGENCIES = [
    ("ông ngoại tui mửa ra một búng đỏ bầm ngay trên nền gạch", "115"),
    ("chú tui khạc ra đỏ tươi mấy lần rồi", "115"),
    ("anh thợ hàn bị miếng tôn cứa vô đùi máu phọt ra ướt quần", "115"),
    ("con bé nổi mấy chấm tím lấy ly đè lên hổng mất mà sốt cao", "115"),
    ("thằng cháu tui hàm cứng không mở miệng được từ sáng", "115"),
    ("chị tui bị cây bàn ủi rớt trúng chân da phồng rộp trắng bệch", "115"),
    ("ổng ngã sấp xuống bàn ăn rồi kêu hổng ừ", "115"),
    ("chú tư té xuống đất người giựt cứng một hồi", "115"),
    ("bà nội ăn khoai bị dính trong cổ giờ hổng nói ra tiếng", "115"),
    ("bé nhà tui mặt trắng bệch đứng lên là tối sầm", "115"),
    ("thằng nhỏ bị ong đốt mấy chục cái giờ trước mắt tối sầm", "115"),
    ("mấy đứa nhỏ chui vô đường ống nước ngoài bãi hổng chui ra được", "114"),
    ("đám thanh niên chém anh kia xong bỏ chạy rồi giờ ảnh nằm máu me đầy người", "115"),
    ("nghe tiếng bốp bốp trong nhà bên con nhỏ la đừng đừng mà", "113"),
]

CALM = [
    "gọi cửa phòng bên cạnh hổng ai thưa chắc đi làm chưa về",
    "con cá lóc giãy đành đạch trong thau",
    "hồi năm ngoái ông tui khạc ra một búng đỏ bầm giờ khỏe re rồi",
    "tui khạc ra đờm xanh hỏi uống thuốc gì",
    "coi phim hành động thấy máu phọt tùm lum ghê quá",
    "con mèo chui vô ống cống hổng chui ra được",
    "xương cá dính trong cổ hơi rát hỏi cách lấy ra",
    "thằng nhỏ đi bơi chìm xuống mà tự ngoi lên được rồi giờ giỡn tiếp",
    "nghe tiếng con nhỏ nhà bên khóc vọng lên từ dưới lầu đòi ăn bánh",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_round36f_emergency(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_round36f_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


def test_an_attacker_back_keeps_the_police() -> None:
    need = parse_need("tụi nó chém ổng chảy máu bỏ chạy rồi mà giờ quay lại kìa")
    assert (need.urgency, need.service) == ("emergency", "113")


def test_a_robber_gone_with_nobody_hurt_is_not_told_115() -> None:
    assert parse_need("thằng cướp giật cái túi rồi chạy mất").service != "115"
