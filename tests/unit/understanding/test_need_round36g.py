"""Round 36G of issue 13: new scenes in short southern lines (cases in our own words, with
look-alikes that stay calm: past, denied, asked about, one sign alone); rules alone and with
the model."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from callbot.understanding.need_base import standard
from callbot.understanding.need_match import candidates, select
from callbot.understanding.need_round36g import round36g_marks, round36g_service
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
    # mended after review: an ambulance asked to come ("về nhà tui") settles nothing
    ("bà nội tui bất tỉnh rồi kêu xe cấp cứu về hẻm năm liền giùm", "115"),
    ("má tui té xỉu hông thở gọi cấp cứu về nhà tui lẹ lên", "115"),
    ("ba tui ngất xỉu cấp cứu về chưa vậy trời", "115"),
    # a discharge said before a sign said now, or timed in the past, settles nothing
    ("thằng nhỏ đang co giật hoài hôm bữa bác sĩ biểu về", "115"),
    ("ổng lên cơn co giật nãy giờ tuần trước bác sĩ cho về", "115"),
    # "đu lơ lửng" keeps round 20's reading
    ("con tui đu lơ lửng trên ban công tầng bốn", "114"),
    ("thằng cháu đu lơ lửng trên mái tôn", "114"),
    # someone not yet found or pulled out: still a rescue
    ("ba đứa nhỏ té xuống giếng mới kéo lên một đứa gãy tay hai đứa kia chưa thấy đâu", "114"),
    ("sập tường mới kéo ra một người gãy chân mấy người kia chưa moi ra được", "114"),
    # a knife left in the wound, or a bar already cut: medical
    ("ổng bị thanh thép đâm xuyên bắp chân gỡ hổng ra chảy máu nhiều mà thợ cắt được rồi", "115"),
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
    "má tui xỉu đi cấp cứu về rồi giờ khỏe",
    # a builder's gate, not a break-in
    "cho tui hỏi muốn phá cổng nhà cũ làm lại thì xin phép ở đâu",
    "tui muốn hỏi giấy phép phá cổng cũ để xây cái cổng mới",
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


def test_a_knife_left_in_stays_medical() -> None:
    assert _service("anh tui bị cây dao đâm ghim trong lưng rút không ra", "115") == "115"
    assert _service("ba tui bị đâm con dao cắm trong bụng gỡ không ra", "115") == "115"


def test_a_bar_already_cut_is_medical() -> None:
    text = "ổng bị thanh sắt đâm xuyên đùi chảy máu nhiều gỡ hổng ra anh em cưa được rồi"
    assert _service(text, "115") == "115"
    assert _service("cây sắt đâm xuyên đùi gỡ hổng ra chưa cưa được", "115") == "114"


def test_someone_not_yet_found_stays_rescue() -> None:
    text = "hai đứa nhỏ té xuống giếng mới kéo lên một đứa bị gãy chân đứa kia chưa thấy"
    assert _service(text, "114") == "114"


def _settled(text: str) -> list[tuple[int, int]]:
    return round36g_marks(standard(tokens(text)))["resolved"]


def test_a_check_timed_in_the_past_settles_nothing_said_before() -> None:
    assert not _settled("ổng đau thắt ngực vã mồ hôi tuần trước đi khám tim thì bình thường")
    assert not _settled("ổng co giật liên tục nãy giờ hôm qua bác sĩ cho về")
    assert _settled("vợ tui té cầu thang đi khám em bé hổng sao")
    assert _settled("ba tui mới đi cấp cứu về giờ hết thuốc")


def test_an_ambulance_called_settles_nothing() -> None:
    assert not _settled("ông tui bất tỉnh rồi gọi cấp cứu về nhà tui liền đi")
    assert not _settled("cho xe cấp cứu về đây gấp")
