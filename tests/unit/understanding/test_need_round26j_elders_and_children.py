"""Round 26J: emergencies the rules missed and services they got wrong (writer U: elderly
callers and children, indirect), in other words than theirs, with look-alikes that must stay
calm."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("con gái tui nuốt cây kim hồi sáng giờ nó đau bụng ói ra hoài", "115"),
        ("ông tui ăn nấm rừng hồi tối giờ tiêu chảy chóng mặt quá trời", "115"),
        ("bà ngoại nuốt cái răng giả giờ ho hổng ra mặt tím lại", "115"),
        ("thằng nhỏ bị nồi canh đổ trúng phỏng nguyên cái lưng khóc quá trời", "115"),
        ("có thằng cầm mã tấu vô nhà tui đang lục tủ tui với mẹ giả vờ ngủ", "113"),
        ("ông say xỉn đầu hẻm dụ con nhỏ nhà tui ăn bánh giờ nó theo ổng vô nhà rồi", "113"),
        ("ban đêm nghe trên gác có tiếng người lục tủ mà nhà có hai bà cháu", "113"),
        ("nhà chú sáu về quê rồi mà có thằng đang vác cái xe máy ra ngoài", "113"),
        ("hai thằng giả làm công an vô nhà đòi tiền tụi nó giữ chặt tui hổng cho chạy", "113"),
    ],
)
def test_round26j_emergency_and_service(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service)


@pytest.mark.parametrize(
    "text",
    [
        "tui ăn hổng nuốt nổi giờ đau bụng quá muốn xin thuốc",
        "thằng nhỏ nuốt hột nhãn hồi sáng giờ khỏe re hông sao",
        "hồi tháng trước ba tui ăn nấm bị ngộ độc giờ khỏe rồi",
        "tụi nhỏ giả bộ ngủ để khỏi đi học",
        "bà tư đi chợ rồi nhờ tui trông nhà có mấy thằng thợ đang khiêng cái tủ ra sửa",
        "thằng chủ nợ hăm mai mà hổng trả là tới chém tui sợ lắm",
        "xem ti vi thấy ở đồng nai có vụ giết người mà tui lo quá muốn hỏi tổ dân phòng",
        "giá xăng giờ nó giết người ta luôn chị ơi cho tui xin hỗ trợ",
        "thuốc đột quỵ của ông nhà tui sắp hết muốn hỏi lãnh ở đâu",
    ],
)
def test_round26j_look_alikes_stay_calm(text: str) -> None:
    assert _service(text)[0] != "emergency"


def test_round26j_medicine_of_a_stroke_run_out_is_high() -> None:
    assert _service("ông tui hết thuốc tai biến hai bữa nay")[0] == "high"


def test_round26j_a_stroke_itself_stays_an_emergency() -> None:
    assert _service("má tui uống thuốc tai biến mà giờ méo miệng nói hổng ra tiếng") == (
        "emergency",
        "115",
    )


def test_round26j_watching_tv_at_home_is_the_callers_own_evening() -> None:
    assert _service("đang coi ti vi thấy ổng ôm ngực té xuống hổng thở") == ("emergency", "115")
