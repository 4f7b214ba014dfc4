"""Round 30O (writer O of session 16): medical emergencies told by what a family sees, and
their calm look-alikes (cases in our own words)."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from callbot.understanding.need_model import use_model

pytestmark = pytest.mark.usefixtures("both")  # with the model, then without (conftest.py)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("ông chú tui gục trên bàn nhậu mặt xanh le kêu hông nghe gì hết", "115"),
        ("ông thợ hồ leo giàn giáo té xuống người nóng như lửa nằm im", "115"),
        ("bà bán vé số ngồi ngoài nắng cả buổi người nóng hổi nói nhảm", "115"),
        ("bà nội ngủ quên ngoài sân cả đêm mình lạnh như đá nói hổng ra tiếng", "115"),
        ("chị dâu tui đẻ rớt ngoài hành lang em bé ra rồi mà dây rốn chưa cắt", "115"),
        ("vợ tui bầu chín tháng đang ngồi trên xe taxi thấy đầu em bé ló ra rồi", "115"),
        ("tui đang đưa vợ đi đẻ mà xe chết máy giữa đường vợ tui la muốn rặn", "115"),
        ("thằng cháu té xuống hồ cá vớt lên được mà hổng khóc", "115"),
        ("con tui lên cơn suyễn thở khò khè quá trời giờ môi tím lại", "115"),
        ("ông ngoại bụng chướng to mấy bữa nay giờ ói ra nước màu vàng", "115"),
        ("bé ăn bánh có tôm một lát sau nổi ngứa rồi lừ đừ", "115"),
        ("ba tui đang ăn cơm tự nhiên nói lộn xộn", "115"),
        ("tui có bệnh đường huyết đang đi chợ thì run tay hoa mắt", "115"),
        ("đau bụng quanh rốn rồi lan xuống bên phải đụng vô là la", "115"),
        ("má tui đang cắm bàn ủi bị giựt té ngửa", "115"),
        ("thằng em tui tự đập đầu vô tường máu chảy đầy mặt", "115"),
        ("anh họ tui phê đá trèo lên nóc nhà đòi nhảy xuống", "114"),
        ("đứa nhỏ đụng trụ điện bị điện dính hông gỡ ra được", "114"),
        ("có đứa nhỏ chới dới ngoài sông sắp chìm", "114"),
        ("cô gái lừ đừ bị hai thằng lôi ra xe chở đi", "113"),
    ],
)
def test_emergencies(text: str, service: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", service), text


@pytest.mark.parametrize(
    "text",
    [
        "gọi ông nội mấy lần mà kêu hông nghe máy chắc ổng ra đồng",
        "ông say quá lừ đừ tụi tui dìu ra xe chở về nhà",
        "bà tui tiểu đường lâu năm hay run tay",
        "vợ tui bầu bảy tháng muốn hỏi muốn rặn là sao",
        "tháng sau vợ tui đi sanh muốn hỏi bảo hiểm trả bao nhiêu",
        "tụi nhỏ tắm sông xong người lạnh như đá mà vẫn cười giỡn",
        "em bé ló ra ngoài ban công chơi",
        "chị muốn hỏi khó thở kiểu nào mới là suyễn nặng",
        "chị tui coi trên mạng thấy nói ngộ độc methanol là gì mà hông hiểu",
        "ba tui mấy hôm nay cứ nói chán sống nhốt mình trong phòng",
        "máy thở của ông tui ở nhà sắp hết pin mà cúp điện",
        "ổng nói đớ là do xỉn thôi chứ hông phải bệnh tui hỏi chỗ cai rượu",
    ],
)
def test_calm_look_alikes(text: str) -> None:
    assert parse_need(text).urgency != "emergency", text


@pytest.mark.parametrize(
    "text",
    [
        "máy thở ô xy sắp hết pin mà ông đang tím tái thở hổn hển",
        "mấy bữa nay cứ nói hông muốn sống rồi sáng nay uống hết vỉ thuốc ngủ giờ lay hông dậy",
        "ba tui tự nhiên nói đớ tay rớt cái ly do xỉn thôi hả",
    ],
)
def test_a_body_in_trouble_beside_a_look_alike_stays(text: str) -> None:
    assert parse_need(text).urgency == "emergency", text


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("bị thằng ngáo đá đâm rồi nó leo lên nóc nhà đòi nhảy", "113"),
        ("thằng chồng nắm tóc vợ đập đầu vô tường liên tục", "113"),
        ("cái bàn ủi nhà tui bị giựt mất tụi trộm lấy luôn", "113"),
    ],
)
def test_the_police_stay_where_someone_else_does_it(text: str, service: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", service), text


def test_disobeying_is_no_unanswered_call() -> None:
    # the rules' reading only: the model promotes this line at 2de55a0 already
    use_model(False)
    assert parse_need("thằng út sốt người nóng hổi kêu hông nghe lời").urgency != "emergency"
