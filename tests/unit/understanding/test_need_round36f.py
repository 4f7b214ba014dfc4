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


# -- review of round 36F: a longer phrase keeps the older meaning, signs need a body, and the
# attacker is not gone when he holds a weapon, threatens to come back, is chased, or took
# someone away; the one who ran may be the victim
KEPT = [
    ("có tiếng phụ nữ kêu cứu vọng lên trong hẻm", "113"),
    ("nghe có người kêu cứu vọng lên ngoài bãi đất trống", "113"),
    ("cái tủ ly đè lên người bà tui", "114"),
    ("cái tủ ly ngã đè lên chân ông tui", "114"),
    ("bọn nó bắt cóc con tui chạy xe đi mất con tui bị đánh chảy máu đầu", "113"),
    ("thằng chồng nó tạt axit vợ rồi bỏ chạy nó nói tối nay sẽ tới giết cả nhà", "113"),
    ("thằng đó chém anh tui chảy máu bỏ chạy rồi nó hăm sẽ quay lại giết", "113"),
    ("thằng ăn trộm đâm bảo vệ chảy máu rồi bỏ chạy tụi tui đang rượt theo nó", "113"),
    ("thằng đó đâm ba tui chảy máu rồi bỏ chạy vô hẻm nó vẫn còn cầm dao", "113"),
    ("thằng kia chém ổng chảy máu bỏ chạy ra đầu hẻm mà còn cầm mã tấu", "113"),
    ("vợ tui bị đánh chảy máu bỏ chạy qua nhà tui ổng còn cầm dao ngoài cổng", "113"),
    ("chị tui bị chồng đánh bể đầu chảy máu bỏ chạy sang nhà hàng xóm", "113"),
    ("thằng nhỏ té từ trên cây xuống bụng rách một đường dài", "115"),
]

LOOK_ALIKES = [
    "ống nước nhà tui bể nước phọt ra từng vòi tui cần thợ sửa",
    "hàng xóm tắt nhạc rồi giờ không nghe thình thịch gì nữa cảm ơn",
    "quán bên tắt loa rồi giờ hổng nghe thình thịch nữa",
    "bị muỗi đốt sưng lan lên tới cùi chỏ ngứa quá",
    "con tui bị kiến cắn sưng lan lên tới đầu gối hơi ngứa",
    "tui bị cái dằm tre đâm giờ nó trồi ra ngoài da rồi nhổ được rồi",
    "quần bị rách một đường ngay bụng rách tui muốn trả hàng",
]

# calm with the rules; the model alone reads these as emergencies (as it did before 36F)
LOOK_ALIKES_RULES = [
    "cái áo bị rách chỗ bụng bụng rách một đường tui muốn đổi hàng",
    "rót bia ra ly bọt trào ra miệng ly",
    "mở chai nước ngọt bị lắc bọt trào ra miệng chai",
    "vòi nước ngoài sân bị gãy nước phọt ra từng vòi",
    "cái gai đâm vô tay giờ nó trồi ra ngoài da rồi",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), KEPT)
def test_round36f_review_kept(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_round36f_review_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize("text", LOOK_ALIKES_RULES)
def test_round36f_review_calm_rules(text: str) -> None:
    assert parse_need(text).urgency != "emergency"
