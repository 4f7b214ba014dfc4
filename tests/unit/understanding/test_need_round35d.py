"""Round 35D of issue 13: chronic patients and their carers, an acute turn now beside calm
lines about medicine, costs and fears (cases in our own words, with look-alikes that stay
calm); rules alone and with the model."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

EMERGENCIES = [
    ("bà nội tui lay mãi mới mở mắt được chút rồi thiếp đi luôn", "115"),
    ("ông ngoại gọi hoài mới ừ một tiếng xong nằm li bì", "115"),
    ("chị tui nằm lả trên giường kêu hông trả lời", "115"),
    ("ba tui ói ra máu đầy thau ổng bị xơ gan lâu rồi", "115"),
    ("nước ngập tới đầu gối rồi mà ông tui bị liệt hổng tự đi được", "114"),
    ("nước lụt lên tới nửa cửa má tui già yếu đi hông nổi", "114"),
    ("thằng em bị ảo tưởng cầm dao rượt người ta ngoài chợ", "113"),
]

CALM = [
    "ba tui bị tiểu đường quên chích là tụt đường run tay liền nên tui muốn xin máy đo",
    "má tui cứ hông ăn đúng bữa là xỉu nên tui hỏi chỗ xin gạo",
    "tui bị suyễn hơi khó thở chút xíu thôi mà hết thuốc xịt rồi",
    "má tui hông có khó thở gì hết chỉ hỏi chỗ tiêm ngừa",
    "ông tui hông ho ra máu gì đâu ho khan thôi muốn đi chụp phổi",
    "thằng nhỏ nhà bên hay la hét nhưng hông đánh ai tui muốn phường nhắc nhở",
    "tui tưởng ba tui xỉu ai dè ổng ngủ say",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_round35d_emergency(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_round35d_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


def test_a_threat_with_then_stays_a_threat() -> None:
    need = parse_need("tụi nó giữ thằng em tui nói hổng đưa tiền là chặt tay nó")
    assert (need.urgency, need.service) == ("emergency", "113")


def test_the_hip_struck_is_no_denial() -> None:
    need = parse_need("thằng kia đâm vô hông ông chú chảy máu ai cũng hoảng")
    assert need.urgency == "emergency"


def test_numbness_rising_is_no_flood() -> None:
    need = parse_need("tui yếu hai chân đi hông được tê lên tới bụng từ sáng")
    assert need.service != "114"


# The reviewer's cases (round 35D's first version calmed or raised them)
STILL_EMERGENCIES = [
    ("có ai hông cháy gì đâu mà lớn quá trời", "114"),
    ("má ơi có sao hông co giật gì đâu mà dữ quá", "115"),
    ("con có sao hông chảy máu ở đâu mà đầy áo vậy", "115"),
    ("anh nghe hông bắn ai ngoài đường kìa", "113"),
    ("ông bị xe tông hông chảy máu gì đâu mà nhiều quá trời", "115"),
    ("hôm nay ba tui quên uống thuốc là lên cơn co giật sùi bọt mép", "115"),
    ("ổng trễ chạy thận là khó thở tím tái", "115"),
    ("ông hơi tức ngực chút xíu rồi lan lên hàm vã mồ hôi", "115"),
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), STILL_EMERGENCIES)
def test_round35d_review_still_emergency(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
def test_a_vehicle_that_cannot_go_in_a_flood_is_no_rescue() -> None:
    assert parse_need("nước ngập tới bánh xe nên tui hông đi được").urgency != "emergency"


@pytest.mark.usefixtures("both")
def test_a_lo_of_an_accident_is_no_what_if() -> None:
    need = parse_need("thằng nhỏ lỡ mà nuốt cục kẹo cứng giờ thở không được")
    assert (need.urgency, need.service) == ("emergency", "115")


@pytest.mark.usefixtures("both")
def test_a_lo_asked_about_stays_a_what_if() -> None:
    assert parse_need("lỡ mà nuốt phải cục pin thì làm sao hả chị").urgency != "emergency"


@pytest.mark.usefixtures("both")
def test_a_lo_with_what_would_follow_stays_a_what_if() -> None:
    text = "bà ở nhà một mình lỡ mà té bất tỉnh thì hổng ai hay tui muốn xin cái chuông báo"
    assert parse_need(text).urgency != "emergency"
