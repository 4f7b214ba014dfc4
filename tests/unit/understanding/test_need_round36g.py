"""Round 36G of issue 13: new scenes in short southern lines (cases in our own words, with
look-alikes that stay calm: past, denied, asked about, one sign alone); rules alone and with
the model."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from callbot.understanding.need_base import standard
from callbot.understanding.need_match import candidates, select
from callbot.understanding.need_round36g import round36g_service
from callbot.understanding.text import tokens

EMERGENCIES = [
    ("đứa cháu tui sốt nóng mà ban tím nổi lan ra khắp hai chân", "115"),
    ("ông già tui bí tiểu từ hôm qua giờ bụng căng tức lắm", "115"),
    ("từ khuya tới giờ ba tui hông tiểu ra được bụng căng lên", "115"),
    ("tim tui đập nhanh dữ lắm đứng hổng vững luôn", "115"),
    ("anh ba tui nhậu xong tê hết lưỡi tim đập loạn xạ", "115"),
    ("con nhỏ mới đẻ được bốn ngày vàng da lừ đừ cả buổi", "115"),
    ("xưởng bên cạnh rò khí hôi lắm mấy đứa nhỏ ho sặc sụa", "114"),
    ("thằng em tui làm ngoài tầng mười hai đứt dây an toàn đang lơ lửng", "114"),
    ("có thằng lạ đang đạp cổng nhà tui đòi vô", "113"),
    ("ba tui khó thở bác sĩ cho về mà giờ ổng tím tái thở hổng nổi", "115"),
    ("đang chở đi cấp cứu về tới nửa đường ổng ngưng thở", "115"),
]

CALM = [
    "tim tui đập nhanh hồi sáng giờ đỡ rồi",
    "con tui có mấy chấm tím ở chân mà hông có lan",
    "hổng đi tiểu được thì có sao hông",
    "tối qua thằng say đạp cổng nhà tui giờ nó đi rồi",
    "ổng ăn cá nóc hồi năm ngoái tê hết môi giờ khỏe rồi",
    "em bé nhà tui hết vàng da rồi bú giỏi lắm",
    "con tui uống nhầm thuốc chuột đi cấp cứu về rồi giờ hỏi ăn cháo được hông",
    "vợ tui ra huyết bác sĩ cho về nằm nghỉ mà nhà hổng có ai chở đi tái khám",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_round36g_emergency(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_round36g_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


def _service(text: str, service: str) -> str | None:
    ws = standard(tokens(text))
    return round36g_service(service, select(candidates(ws)), ws)


def test_pulled_out_and_hurt_is_medical() -> None:
    assert _service("thằng nhỏ lọt xuống hố mới kéo lên gãy chân rồi", "114") == "115"


def test_someone_still_down_stays_rescue() -> None:
    assert _service("mới kéo lên được một người còn một người kẹt dưới hố", "114") == "114"


def test_a_fire_still_burning_stays_rescue() -> None:
    assert _service("nhà cháy mới kéo ra bỏng hết người", "114") == "114"


def test_impaled_and_caught_needs_cutting() -> None:
    assert _service("cây sắt đâm xuyên bắp chân ổng gỡ hổng ra", "115") == "114"


def test_a_fish_bone_caught_stays_medical() -> None:
    assert _service("con tui hóc xương cá gỡ hổng ra", "115") == "115"
