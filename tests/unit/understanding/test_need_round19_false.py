"""Round 19 of issue 13 (writers Z and Q of the eleventh development set: false emergencies):
public-order nuisances, a word shouted at play with nothing happening, "tìm người" as a search,
the caller kept away, with our own examples (other wordings, regions, recognition damage) and
their look-alikes that stay emergencies, read by the rules alone."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        # a walkway blocked: "lối đi" is a path, not "lôi đi"
        "có người đậu xe kín lối đi vô hẻm nhà tui mấy ngày nay",
        "có người buôn bán chiếm hết lối đi chung của khu tập thể",
        "mấy quán nhậu bày bàn ghế lấn chiếm vỉa hè chắn hết lối đi người đi bộ",
        "có người dựng xe chắn lối vào chung cư hoài",
        # a dog the owner will not shut in, Vosk's "xủa"
        "chó nhà bên cạnh sủa cả đêm mà chủ nó không chịu nhốt lại",
        "con chó nhà kế bên tru suốt đêm chủ hông chịu nhốt",
        "hàng xóm thả chó xủa inh ỏi chủ chẳng thèm nhốt",
        "nhà đối diện nuôi bầy chó xủa hoài nhắc hoài mà họ hổng nhốt",
    ],
)
def test_public_order_nuisances_are_no_emergency(text: str) -> None:
    result = parse_need(text)
    assert result.urgency != "emergency"
    assert result.category == "violation"


@pytest.mark.parametrize(
    "text",
    [
        "thằng nhỏ chơi điện tử la cướp cướp um sùm mà không có gì hết",
        "mấy đứa nhỏ giỡn hét cháy nhà cháy nhà làm bà con hoảng mà hổng có gì hết",
        "em tui chơi game hét có trộm có trộm mà chẳng có gì cả",
        "thằng cu nhà tau la cháy rồi cháy rồi cả nhà chạy ra coi mà không có chi hết",
        "bà ngoại lẩm cẩm kêu cứu với cứu với mà có chi mô",
    ],
)
def test_a_word_shouted_with_nothing_happening_is_no_emergency(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "bữa trước tui bị xe đụng bỏ chạy giờ tay bó bột tui muốn xin camera để tìm người đụng",
        "tuần rồi tui bị tông xe người ta chạy mất muốn nhờ trích camera tìm người gây tai nạn",
        "hổm rày tui đi hỏi khắp nơi để tìm người lấy chiếc xe của tui",
        "tháng trước ông nội bị quẹt xe tui cần coi camera truy tìm người tông",
    ],
)
def test_tim_nguoi_as_a_search_is_no_emergency(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "tui kẹt ở quê chưa lên được bà nội ở trọ một mình hết đồ ăn",
        "con kẹt công việc chưa về được mà má con ở nhà một mình chưa ăn gì từ hôm qua",
        "em bị kẹt lại ngoài bắc không về kịp ông ngoại ở nhà một mình hết gạo rồi",
        "tui kẹt xe không về kịp mà ba tui ở nhà một mình chưa có gì ăn",
        "cháu kẹt luôn ở sài gòn chưa xuống được ngoại tám mươi tuổi ở một mình hết gạo",
    ],
)
def test_the_caller_kept_away_leaves_the_elder_in_need_high(text: str) -> None:
    assert _service(text) == ("high", None)


@pytest.mark.parametrize(
    "text",
    [
        "ở đảo ghe chưa chạy ra được mà ba tui hết thuốc huyết áp từ hôm qua",
        "cù lao mưa to đò không chạy qua được má tui hết thuốc suyễn",
    ],
)
def test_a_boat_not_yet_gone_is_nobody_trapped(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


@pytest.mark.parametrize(
    ("text", "service"),
    [
        # dragged away, shut in: the real ones
        ("có người lạ lôi đi đứa nhỏ lên xe", "113"),
        ("chó sủa dữ lắm chồng tui nhốt tui trong phòng không cho ra", "113"),
        ("con chó sủa quá tụi nó nhốt con tui trong nhà kho", "113"),
        # shouted, and it was real; nothing said, then something happening
        ("thằng nhỏ chơi game xong la cháy cháy thiệt ngoài bếp đang cháy", "114"),
        ("mấy đứa chơi giỡn la cứu với con nhỏ té xuống ao chìm rồi", "114"),
        (
            "chơi game la cháy rồi cháy rồi mà không có chi hết giờ ông nội tự nhiên lên cơn"
            " co giật",
            "115",
        ),
        # "tìm người" heard for "tím người": turning blue
        ("con tui tìm người rồi thở không được", "115"),
        ("đứa nhỏ tự nhiên tìm người lại thở khò khè", "115"),
        # trapped for real
        ("tui kẹt ở trong thang máy không ra được", "114"),
        ("tui kẹt ở nhà nước lũ lên tới nóc không ra được", "114"),
        ("con tui bị kẹt trong xe xe tự khóa cửa", "114"),
        ("nhà tui cháy mà tui kẹt trên lầu không xuống được", "114"),
        ("ghe bị lật người chưa ra được", "114"),
    ],
)
def test_their_look_alikes_stay_emergencies(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service)
