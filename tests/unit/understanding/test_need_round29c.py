"""Round 29C: a bystander's scenes and a weak recogniser's slips (need_round29c)."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from callbot.understanding.need_model import use_model


@pytest.fixture(params=[True, False], ids=["model", "rules"])
def _mode(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    use_model(request.param)
    yield
    use_model(True)


EMERGENCIES = [
    ("có ông nằm sát bờ tường chợ hổng biết còn sống không nữa", "115"),
    ("bà cụ nằm giữa đường đầu có máu tui hổng dám đụng", "115"),
    ("cô kia ăn ốc xong sưng hết môi mắt thở rít rít", "115"),
    ("anh thợ bị máy cắt gần lìa ngón tay", "115"),
    ("ông ngoại tui nốc nhằm thuốc diệt cỏ ngoài vườn", "115"),
    ("thằng nhỏ uống nhằm thuốc rầy của ba nó", "115"),
    ("ổng bị tấm bê tông đè chân cẩu nhấc ra rồi mà chân dập hết", "115"),
    ("con rắn hổ mang chui dô chòi canh có hai đứa nhỏ", "114"),
    ("em gái bị quấn tóc vô máy xay bột còn kẹt", "114"),
    ("dây điện đức rớt xuống vũng nước ngập ngoài hẻm", "114"),
    ("bầy chó hoang đang vây con bé ngoài ruộng", "114"),
    ("ông kia đứng trên nóc chung cư đòi nhảy xuống", "114"),
    ("hai thằng lôi một cô gái vô hẻm tối", "113"),
    ("có thằng đang sờ soạng học sinh ngoài trạm xe", "113"),
    ("có đứa lẻn dô nhà giờ nó còn ở trên lầu", "113"),
]

CALM = [
    "hồi năm ngoái bà tui bị con rắn hổ mang cắn chữa khỏi rồi",
    "mấy năm nay tui hổng biết ổng còn sống không muốn tìm người thân",
    "con nhỏ khóc cả đêm sưng hết mắt môi nói chuyện bình thường",
    "nhà tui kéo xe ba gác vô hẻm mà hẻm nhỏ quá",
    "cái cây đè lên mái nhà kho hồi tối giờ dọn rồi tui hỏi ai bồi thường",
]


@pytest.mark.usefixtures("_mode")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_round29c_emergencies(text: str, service: str) -> None:
    result = parse_need(text)
    assert result.urgency == "emergency", text
    assert result.service == service, text


@pytest.mark.usefixtures("_mode")
@pytest.mark.parametrize("text", CALM)
def test_round29c_look_alikes_stay_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency", text
