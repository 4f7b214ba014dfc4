"""Round 11 of issue 13 (writer L of the seventh development part: which number): the state of
the scene decides the service (:mod:`callbot.understanding.need_scene`). Our own examples
(other wordings, regions, recognition damage) and their look-alikes, read by the rules alone."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        # the attacker gone, the victim bleeding or unconscious
        "tụi nó đâm anh tui hai nhát xong chạy mất rồi giờ ảnh máu chảy quá trời",
        "thằng đó chém ba tôi rồi bỏ chạy mất giờ ba tôi nằm bất tỉnh",
        "hai đứa giật giỏ xong phóng đi mất bà cụ té đập đầu nằm im không cử động",
        "người ta giữ nó lại rồi còn chị bán vé số bị nó đâm máu chảy lênh láng",
        # pulled out of a collapse, a crash, a room full of fumes
        "tường rào sập đè hai đứa nhỏ bà con đào được một đứa ra rồi mà nó không thở",
        "xe bồn lật người ta cạy cửa lôi được tài xế ra rồi ổng bất tỉnh",
        "phòng kín đốt than sưởi cả nhà con cháu khiêng ra ngoài rồi mà bà không tỉnh",
        "tụi tôi phá kính kéo được chị ấy ra khỏi xe rồi nhưng chị ấy ngưng thở",
        # the door forced by the family, a cupboard searched by a child
        "con phá cửa phòng tắm vô thì ba nằm dưới sàn bất tỉnh",
        "đứa nhỏ nhà tui lục tủ uống nhầm thuốc của ông nội giờ nó lơ mơ",
        # electrocuted and freed already
        "ảnh đang sửa điện thì bị giật tui cúp cầu dao rồi mà ảnh không thở",
        "thằng nhỏ chạm ổ điện bị giựt người ta gạt ra rồi mà nó tím tái",
    ],
)
def test_the_danger_over_and_the_victim_in_danger_is_115(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        # electrocuted and still on the wire
        "ông chú bị điện giật mà tay vẫn còn nắm cái dây không buông ra",
        "anh thợ bị điện giựt dính luôn trên đường dây chưa ai cúp điện",
        "chị kia đang dính vô dây điện ngoài hàng rào người giật giật",
        "con tui bị điện giật ai lại gần cũng bị giật theo",
        # pulled one out, another still trapped
        "nhà sập kéo được bà nội ra rồi mà bà bất tỉnh còn ông nội còn kẹt bên trong",
    ],
)
def test_someone_still_on_the_wire_or_still_trapped_is_114(text: str) -> None:
    assert _service(text) == ("emergency", "114")


@pytest.mark.parametrize(
    "text",
    [
        # the attackers coming back, or still about
        "hồi chiều tụi nó đánh thằng em tui bỏ chạy rồi mà giờ tụi nó quay lại đông lắm",
        "bọn nó chém ba tui xong đi rồi giờ kéo thêm người tới la kiếm ba tui",
        "thằng kia chạy rồi mà thằng này đang đánh chị tui dưới đất máu chảy quá trời",
        # a stranger pressing someone down is an assault, not a collapse
        "có người lạ đang đè mẹ tui xuống giường bóp cổ",
    ],
)
def test_the_attacker_still_there_or_back_is_113(text: str) -> None:
    assert _service(text) == ("emergency", "113")


@pytest.mark.parametrize(
    "text",
    [
        # a drooping eyelid is no collapse, a propeller no duck, a compress no crushing
        "con tui bị rắn cắn giờ mí mắt sụp xuống nói không rõ",
        "chân vịt ghe cắt vô bắp chân anh ấy máu chảy không cầm được",
        "anh ấy bị kính cứa tay tụi tui lấy khăn đè mà máu chảy không cầm được",
    ],
)
def test_signs_said_with_a_look_alike_word_are_115(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        # over, handled, feared: no emergency
        "tuần trước tụi nó đánh ba tui rồi chạy mất giờ tui muốn làm đơn",
        "tụi nó chém ông hàng xóm hồi tháng trước tui sợ tụi nó quay lại",
        "hôm qua nhà kế bên sập mái người ta kéo ra hết rồi không ai bị gì",
        "ông thợ điện bị giật nhẹ hồi sáng giờ khỏe rồi tui hỏi chỗ mua cầu dao chống giật",
        "cột điện trước nhà nghiêng dây điện võng xuống thấp tui muốn báo điện lực",
        "hồi sáng thằng nhỏ lục tủ lấy bánh ăn giờ nó ngủ rồi",
    ],
)
def test_the_same_scenes_over_or_asked_about_are_no_emergency(text: str) -> None:
    assert _service(text)[0] != "emergency"
