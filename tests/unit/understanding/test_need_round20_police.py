"""Round 20 of issue 13 (writers G and H of the twelfth development set: missed police
emergencies): a scene first taken for illness then seen, a rider or driver held or driven off,
someone dragged and silenced, followed by someone armed, a boat boarded, a lock forced; our
own examples and their look-alikes, read by the rules alone."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        # thought one thing, saw another
        (
            "tui tưởng ông già bên nhà bị đột quỵ mà nhìn qua cửa sổ thấy "
            "thằng cháu đang cầm cây đánh ổng"
        ),
        ("nghe tiếng la tưởng ai té cầu thang mà chạy lên thấy hai thằng đang bóp cổ chị chủ nhà"),
        ("tôi cứ tưởng cháu nó ốm mà ngó qua khe cửa thấy bà mẹ kế đang đánh túi bụi"),
        "tưởng đâu có con rắn bò vô mà soi đèn thấy có thằng đang cạy cửa sổ",
        "tưởng ông tài xế buồn ngủ mà nhìn kỹ thì thấy thằng ngồi sau dí dao vô cổ ổng",
        "tưởng nó lên cơn động kinh mà nó rút dao ra đâm người đứng kế bên",
        # held at knifepoint, a demand backed by a blow
        "ông khách ngồi sau kề con dao vô lưng tui bắt chạy ra bờ sông",
        "có thằng lên xe dí giao vô hông em biểu chạy thẳng không được dừng",
        "nó đòi tiền đưa hết tiền đây không thì tao chém",
        "tụi nó biểu đưa xe đây hổng thì tụi nó đâm",
        # driven off and not let down
        "ông tài xế taxi chở tui ra đường vắng không chịu dừng lại tui sợ quá",
        "anh xe ôm chạy vô ruộng vắng con kêu dừng không dừng",
        # dragged and silenced, followed by someone armed
        "có ông lạ lôi vào nhà kho rồi bịt mồm con nhỏ lại",
        "có người kéo chị kia lên xe bụm miệng chở đi",
        ("con tôi gọi về có thằng cầm dao đi theo nó đang trốn trong nhà vệ sinh trường"),
        # a boat boarded, a lock forced (Vosk's "cại")
        "mấy thằng bên tàu khác nhảy sang cầm mã tấu đòi lấy máy",
        "nửa đêm nghe tiếng cại ổ khóa cửa sau",
    ],
)
def test_scenes_seen_held_dragged_and_forced_are_113(text: str) -> None:
    assert _service(text) == ("emergency", "113")


@pytest.mark.parametrize(
    "text",
    [
        "tui tưởng mẹ bị đột quỵ mà hóa ra bả ngủ quên thôi",
        "tưởng ai bị đánh mà nhìn ra thấy tụi nhỏ giỡn thôi",
        "tưởng có trộm mà ra coi thì con mèo làm đổ đồ",
        "tui tưởng nó bị co giật mà nó ngủ mơ thôi",
        "hôm qua có thằng kề dao vô cổ tui lấy điện thoại công an bắt rồi",
        "xe buýt không chịu dừng ở trạm tui muốn phản ánh",
        "cho hỏi nếu bị kề dao vô cổ thì nên làm gì",
        "kéo ghế vô phòng mà bịt miệng lại cho đỡ bụi",
        "tuần trước có thằng cầm dao đi theo con tui giờ bắt được rồi",
    ],
)
def test_their_look_alikes_are_no_emergency(text: str) -> None:
    assert _service(text)[0] != "emergency"


def test_smoke_and_a_cloth_over_the_mouth_stay_a_fire() -> None:
    assert _service("nhà cháy khói quá tui lấy khăn bịt miệng kéo bà nội ra ngoài") == (
        "emergency",
        "114",
    )
