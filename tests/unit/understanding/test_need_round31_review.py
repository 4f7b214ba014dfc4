"""A reviewer's findings on round 31: each probe and a few siblings (rules and model)."""

from __future__ import annotations

import pytest

from callbot.understanding import need_model
from callbot.understanding.need import parse_need


def _service(text: str, model: bool) -> str | None:
    need_model.use_model(model)
    try:
        need = parse_need(text)
    finally:
        need_model.use_model(True)
    return need.service if need.urgency == "emergency" else None


EMERGENCIES = [
    # 1: "từng", "tuần dồi" end at a sudden turn
    ("ổng từng bị đột quỵ tự nhiên méo miệng nói hông được", "115"),
    ("tuần dồi ổng mổ tim tự nhiên ổng ngất xỉu", "115"),
    ("bả từng mổ tim đột nhiên ngất xỉu ngoài sân", "115"),
    # 2: "một hồi" is a while, no birth from before
    ("vợ tui sanh ở nhà được một hồi sanh xong máu ra ướt đẫm mấy cái khăn", "115"),
    # 3: "nhà tui" is my house: the abduction stays
    ("mấy thằng lạ tới nhà tui lôi lên xe chở con tui đi mất", "113"),
    ("hai thằng lạ xông vô nhà tui lôi lên xe bắt con gái tui đi", "113"),
    # 5: kept in by a person
    ("thằng chồng khóa cửa nói tui ra khỏi nhà là chết", "113"),
    # 6: a gang still kicks one
    ("tụi nó xúm lại đá thằng nhỏ nằm dưới đất", "113"),
    # 7: a cord out during a birth
    ("vợ tui đang đẻ ở nhà dây rốn tuột ra trước", "115"),
    # 8: a baby half out in a birth
    ("con dâu tui đẻ ở nhà thằng nhỏ chui ra được một nửa rồi kẹt", "115"),
    # 9: no breath after a drowning
    ("ông bà xuống hồ bơi hồi nãy bả chìm giờ bả hổng còn hơi thở", "115"),
    # 10: a diabetic's black foot with fever
    ("ông ngoại bị tiểu đường ngón chân đen thui sưng lên sốt", "115"),
    # 11: bricks thrown at a house
    ("tụi nó quăng gạch lên mái nhà tui quá trời", "113"),
    # 12: a cleaner drunk is still a poisoning
    ("thằng nhỏ uống nhằm chai nước tẩy giờ ói hoài", "115"),
]

CALM = [
    "tụi nhỏ xúm lại đá gà ngoài sân",
    "em bé được một tuần dây rốn tuột ra rồi có sao không",
    "con tui mới mười ngày dây rốn sa ra rồi có cần đi khám không",
    "chạy bộ mệt quá hổng còn hơi thở luôn",
    "leo dốc mệt muốn hổng còn hơi thở",
    "đi ruộng về chân đen thui tối bị sốt nhẹ",
    "lội bùn cả ngày bàn chân đen xì tối hơi sốt",
    "thợ hồ đang quăng gạch lên mái để lợp",
    "mấy ông thợ xây ném gạch lên mái cho nhanh",
    "rửa chén bị nước rửa chén văng vô mắt cay quá",
]

# the model decides these on its own against the rules: the rules only
CALM_RULES = [
    "ngồi máy tính nhiều đau lưng quá cứng cổ",
    "tụi nó xúm lại đánh bạc ngoài quán",
    "mấy ông xúm lại đánh bạc ngoài chòi",
    "làm văn phòng cả ngày đau lưng quá cứng cổ luôn",
]


@pytest.mark.parametrize("model", [False, True])
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_emergency_kept(text: str, service: str, model: bool) -> None:
    assert _service(text, model) == service


@pytest.mark.parametrize("model", [False, True])
@pytest.mark.parametrize("text", CALM)
def test_look_alike_calm(text: str, model: bool) -> None:
    assert _service(text, model) is None


@pytest.mark.parametrize("text", CALM_RULES)
def test_look_alike_calm_rules(text: str) -> None:
    assert _service(text, False) is None


def test_half_out_of_a_window_is_no_birth() -> None:
    # the rules no longer read a birth; the model's 114 (the rules say no service)
    text = "thằng nhỏ chui ra được một nửa người thì kẹt ở song cửa sổ"
    assert _service(text, False) != "115"
    assert _service(text, True) == "114"


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("vợ tui mới sanh đứa nhỏ về bị kẹt trong thang máy", "114"),  # a lift's rescue
        ("vợ tui đẻ ở nhà mà đứa nhỏ kẹt giữa chừng", "115"),  # a birth stuck
        ("thằng chồng khóa cửa nói bước ra khỏi cửa là chém", "113"),  # a threat now
    ],
)
def test_a_lift_is_no_birth_and_a_threat_stays(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.parametrize(
    "text",
    [
        "ngoài đường dịch dữ lắm ra khỏi nhà là chết đó",
        "nắng gắt quá bước ra là chết luôn",
    ],
)
def test_an_epidemic_or_the_heat_keeping_one_in_is_no_threat(text: str) -> None:
    assert parse_need(text).urgency != "emergency"
