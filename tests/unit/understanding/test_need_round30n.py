"""Round 30N of issue 13: the second development part's scenes said in other words (cases in
our own words, with look-alikes that stay calm); rules alone and with the model."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

EMERGENCIES = [
    ("ông già nhà bên nằm sóng soài ngoài sân kêu mấy lần mà ổng không trả lời", "115"),
    ("con bé mới lọt lòng mà người tím tái không khóc tiếng nào", "115"),
    ("thằng nhỏ được vớt lên mà ngực hông phập phồng gì hết", "115"),
    ("má tui tự nhiên hít vô không được cổ nghẹn cứng", "115"),
    ("chồng tui đi cắt cỏ bị rắn hổ mổ vô chân", "115"),
    ("anh thợ bị máy cán lòi xương ống quyển", "115"),
    ("vợ tui đẻ ở nhà đầu em bé ló ra rồi anh ơi", "115"),
    ("ba tui bị ong đất đốt giờ mặt sưng vù lên", "115"),
    ("con chó dữ nhà kế bên cắn xé cái chân thằng cháu", "115"),
    ("ổng ôm tim nói như có ai bóp ngực đau lan ra cánh tay", "115"),
    ("tim đập loạn xạ nhói ngực quá trời", "115"),
    ("đốt than sưởi trong phòng đóng kín giờ hai đứa nhỏ ói với nhức đầu", "115"),
    ("em dâu mới sanh ở nhà mà huyết tuôn ra ướt hết chiếu", "115"),
    ("dạ máy đo sờ pô hai của ông nội còn tám mươi", "115"),
    ("đứa nhỏ tắm mưa bị nước cuốn xuống cống", "114"),
]

CALM = [
    "cành cây dầu gãy rớt xuống chắn ngang đường đi nhờ phường dọn giùm",
    "ông tui đang ngủ trưa thở đều đều em hỏi tiền hỗ trợ",
    "đi biển về bị phỏng nắng đỏ hết lưng hỏi thoa thuốc gì",
    "hồi năm ngoái ông bị rắn lục mổ giờ hỏi có được hỗ trợ không",
    "cây me trước nhà tui sâu ăn hết lá",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_round30n_emergency(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_round30n_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


def test_a_lender_coming_down_in_a_moment_is_113() -> None:
    need = parse_need("tui vay tiền qua áp trả không nổi giờ tụi nó nói chút nữa tới chém tui")
    assert (need.urgency, need.service) == ("emergency", "113")


def test_a_lender_threatening_some_day_stays_calm() -> None:
    need = parse_need("tui vay tiền qua áp trả không nổi tụi nó nhắn dọa chém cả nhà")
    assert need.urgency != "emergency"
