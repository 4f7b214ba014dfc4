"""Round 27L: emergencies the rules missed, services they got wrong and false alarms (writer
W), in other words than theirs, with look-alikes that must stay calm."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("mấy thằng đó đứng canh ngoài đầu hẻm em hổng dám về nhà", "113"),
        ("bọn nó phục sẵn ở cổng trường đòi tính sổ thằng con tui", "113"),
        (
            "con chó nhà bên cắn rách mặt thằng nhỏ chủ nó nhốt con chó lại rồi giờ máu ra hoài",
            "115",
        ),
        ("đi phụ hồ về người nóng hầm hập nói lảm nhảm", "115"),
        ("ba tui tiểu đường giờ run lẩy bẩy hỏi gì cũng hổng biết", "115"),
        ("thằng nhỏ tu nguyên chai nước tẩy họng nó cháy rát", "115"),
        ("tui bị chém ở tay mà tụi nó chưa chịu đi", "113"),
        ("thằng em rể vác súng qua nhà đòi gặp vợ nó giờ còn đứng ngoài cửa", "113"),
        ("con bé làm đổ nồi nước sôi trúng hai chân da phồng hết", "115"),
        ("ông tui nằm thở như cá ngáp kêu hổng trả lời", "115"),
    ],
)
def test_round27l_emergency_and_service(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service)


@pytest.mark.parametrize(
    "text",
    [
        # past, resolved, asked about, denied
        "hôm qua tụi nó phục ở ngã ba đòi xử em mà công an bắt hết rồi",
        "nếu tụi nó phục ở ngã ba đòi xử em thì em phải báo ai",
        "tụi nhỏ phục ở ngã ba chờ em tan ca để tặng quà sinh nhật",
        "hồi hôm người nóng ran nói lảm nhảm mà uống thuốc hạ sốt giờ tỉnh rồi",
        "trời nóng quá người nóng ran tui hỏi chỗ nào phát nước miễn phí",
        "tui run rẩy hỏi gì cũng hổng biết trả lời sao cho cán bộ",
        "ăn ớt cay quá miệng cháy hết tui hỏi chỗ nào bán sữa",
        "thằng nhỏ mang súng nước ra bắn mấy đứa bạn",
        "hồi năm ngoái thằng đó mang súng tới nhà tui mà công an bắt rồi",
        "con tui đun nước sôi tắm mà bị phồng da xíu xíu bôi thuốc rồi",
        "tui nợ chết chìm luôn cần vay vốn",
        "bà hàng xóm lên cơn suyễn xịt thuốc xong ngủ ngon rồi tui muốn hỏi thuốc xịt mua ở đâu",
        "hai ông đánh lộn mà giờ bắt tay làm hòa rồi",
        "lũ cuốn hết đồ đạc giờ nhà tui hổng còn gì ăn",
        "bà ngoại lú lẫn đi lạc từ trưa tới giờ",
    ],
)
def test_round27l_look_alikes_stay_calm(text: str) -> None:
    assert _service(text)[0] != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "hai ông đánh lộn tưởng bắt tay rồi mà giờ lại đánh nữa",
        "ba tui lên cơn hen xịt thuốc xong ngủ ngon rồi mà giờ lại thở hổng nổi môi tím",
        "ông nội bị lẫn đi lạc rớt xuống kênh đang chới với",
        "lũ cuốn hết đồ đạc mà ông nội còn kẹt trên mái nhà",
    ],
)
def test_round27l_what_follows_still_counts(text: str) -> None:
    assert _service(text)[0] == "emergency"


def test_round27l_attacker_gone_stays_115() -> None:
    assert _service("tui bị chém ở tay mà tụi nó chạy mất rồi") == ("emergency", "115")


def test_round27l_wandering_elder_is_high() -> None:
    assert _service("ông nội lẩm cẩm đi lạc từ hôm qua chưa thấy về")[0] == "high"
