"""Round 16 of issue 13 (a reviewer's probe of rounds 14 and 15, classes A, B, C and G): the
attackers named by what they did and gone, a thief still near named as such, a fall into the
water with a search on or someone at the bottom of a well, and a fear of the attackers'
coming back; our own sentences and their look-alikes, read by the rules alone."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        # A: the attackers named by their attack, then gone, the victim badly hurt
        "tụi đâm đi rồi mà thằng em tui nằm im không nhúc nhích",
        "bọn chém chú tui về rồi giờ chú thở yếu lắm",
        "mấy đứa đánh ổng đi hết rồi mà ổng ói liên tục",
        "người ta đâm anh tui xong đi rồi giờ ảnh lơ mơ",
        "mấy thằng nó đập con tui xong về rồi nó co giật",
    ],
)
def test_attackers_named_by_their_attack_and_gone_is_115(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        # B: a thief named as such, still near; the agent of a theft just now, still near
        "kẻ trộm còn ở trên mái nhà tui",
        "thằng ăn trộm xe còn núp sau bụi chuối",
        "tên cướp vẫn đang trốn trong nhà vệ sinh của quán",
        "đứa lấy trộm vịt nhà tui còn đứng ngoài bờ ruộng",
        "thằng kia vừa móc điện thoại của chị bán hàng giờ đang đi về phía bến xe",
        # G: the attackers coming back now (no fear said)
        "tụi nó đánh ba tui xong chạy rồi nhưng giờ quay lại đánh tiếp",
    ],
)
def test_thief_still_near_and_attackers_back_is_113(text: str) -> None:
    assert _service(text) == ("emergency", "113")


@pytest.mark.parametrize(
    "text",
    [
        # C: a fall or jump into the water, a search still going on ("hồi nãy" after it)
        "con bé rớt xuống mương hồi chiều giờ mọi người còn mò tìm",
        "có thanh niên nhảy cầu xuống sông lúc nãy mà chưa tìm thấy",
        "ông hàng xóm trượt chân té xuống ao giờ mọi người đang lặn tìm",
        # C: someone at the bottom of a well or a pit, a medical emergency said
        "anh thợ xuống dọn hầm cầu bị ngạt xỉu dưới đáy hầm",
        "chú tui xuống vét giếng bị ngạt khí nằm dưới đáy giếng",
    ],
)
def test_water_searches_and_well_bottoms_are_114(text: str) -> None:
    assert _service(text) == ("emergency", "114")


@pytest.mark.parametrize(
    "text",
    [
        # look-alikes: a fight of last week, a thief gone, a drowning of last year, a fear
        "tuần trước tụi đánh đi rồi giờ ảnh khỏe lại rồi",
        "tụi nó đánh ảnh tháng trước giờ tui muốn làm đơn",
        "tên trộm chạy mất rồi tui muốn làm đơn trình báo",
        "hôm qua đứa lấy trộm gà nhà tui còn ở ngoài vườn mà giờ đi mất rồi",
        "năm ngoái thằng nhỏ té sông mọi người lặn tìm mấy ngày mới thấy",
        "tui đánh rơi điện thoại xuống sông chưa tìm thấy",
        "tui sợ tụi nó quay lại đánh nữa nên muốn xin công an để ý",
        "em sợ bọn kia trở lại chém người nên muốn hỏi cách báo công an",
        "cái giếng nhà tui sâu lắm muốn làm nắp đậy",
    ],
)
def test_look_alikes_are_no_emergency(text: str) -> None:
    assert _service(text)[0] != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        # pulled out of the well or the water already: 115
        "anh thợ bị ngạt dưới đáy giếng kéo lên rồi giờ vẫn bất tỉnh",
        "có người nhảy cầu xuống sông hồi nãy mà vớt lên được rồi giờ hổng thở",
    ],
)
def test_pulled_out_already_is_115(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        "năm ngoái tiệm tôi bị cướp tên cướp giờ vẫn còn ở trong tù",  # a reviewer's probe
        "hồi tháng trước thằng trộm xe nhà tui giờ nó còn ở trại giam tui muốn hỏi bồi thường",
    ],
)
def test_a_thief_held_in_prison_is_no_danger_near(text: str) -> None:
    assert _service(text)[0] != "emergency"
