"""Round 4 of issue 13 (half B of the third development part studied): the classes of error it
showed, with our own examples (other wordings, regions, recognition damage), read by the rules
alone (the statistical model is another engineer's work and must not be what makes these
pass)."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        "có người lạ kéo thằng bé lên xe hơi chạy mất rồi chị ơi",
        "hai thằng lạ nhét con gái tui vô xe chạy về hướng chợ",
        "nó lồi con nhỏ lên xe ô tô đen chạy mất tiêu",  # "lôi" heard "lồi"
        "mấy người lạ tống ổng lên xe rồi chạy luôn",
    ],
)
def test_dragged_into_a_vehicle_is_113(text: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", "113")


@pytest.mark.parametrize(
    "text",
    [
        "anh thợ điện bị kẹt trên trụ điện xỉu xỉu không leo xuống được",
        "thằng nhỏ trèo trên ngọn cây dừa giờ run quá hổng dám leo xuống",
        "ông thợ trên giàn giáo tầng năm bị trặc chân không xuống được",
    ],
)
def test_stranded_up_high_is_114(text: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", "114")


@pytest.mark.parametrize(
    "text",
    [
        "bà nội té trong bếp giờ kiu hổng chả lời",  # "kêu" heard "kiu", tr/ch
        "ba tui ngồi ghế rồi gục xuống gọi hổng cục cựa gì hết",
        "mẹ con nằm đó lay hoài không mở mắt",
    ],
)
def test_no_answer_when_called_is_115(text: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        "ổng uống rượu trắng mua ở quán đầu hẻm giờ mắt mờ dần nói không ra hơi",
        "chú tui uống rượu đế xong nói sảng quá trời",
        "anh hai nhậu rượu nếp giờ ngồi gục tại chỗ kêu cũng hổng được",
    ],
)
def test_poisoned_by_drink_is_115(text: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        "chồng tui nhậu say về ngủ ngáy o o tui hỏi chỗ cai rượu",
        "ông già tui mắt mờ lâu năm rồi muốn xin cặp kính",
        "tui muốn báo cái trụ điện trên cột có tổ ong lớn lắm",
    ],
)
def test_what_only_looks_like_those(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "em hỏi vụ tiền hỗ trợ mà cái bình gas nhà bên cạnh nó xì ra nghe mùi nồng nặc lắm",
        "ống ga dưới bếp nhà hàng xóm đang bị rò mùi quá trời",
    ],
)
def test_a_gas_leak_said_apart_is_114(text: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", "114")


@pytest.mark.parametrize(
    "text",
    [
        "má tui lên cơn suyễn khó thở mà xịt thuốc xong thở êm lại rồi muốn hỏi chỗ khám",
        "ông lên cơn hen khó thở xịt thuốc rồi giờ dịu lại rồi tui hỏi mua bình xịt",
        "con tui lúc mới đẻ ra bị ngạt phải thở máy giờ lớn rồi em muốn xin học bổng",
        "thằng cu hồi còn nhỏ bị co giật giờ mười tuổi rồi tui hỏi bảo hiểm y tế",
    ],
)
def test_recovered_or_long_ago_is_no_emergency(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


def test_breathing_not_better_still_is_115() -> None:
    result = parse_need("ba tui khó thở quá xịt thuốc rồi mà không bớt")
    assert (result.urgency, result.service) == ("emergency", "115")
