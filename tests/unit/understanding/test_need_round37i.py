"""Round 37I of issue 13: numbers that name a danger by themselves, and numbers said calmly
(cases in our own words, with look-alikes that stay calm); rules alone and with the model."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from callbot.understanding.need_base import standard
from callbot.understanding.need_marks import all_marks
from callbot.understanding.need_match import candidates, select
from callbot.understanding.need_round37i import round37i_marks, round37i_service
from callbot.understanding.text import tokens

EMERGENCIES = [
    # many pills swallowed
    ("con nhỏ nhà tui hai tuổi nuốt cả chục viên thuốc sắt của mẹ nó", "115"),
    ("thằng cháu bốc vỉ thuốc cảm uống hết tám viên rồi chị", "115"),
    ("ông già nhai mười mấy viên thuốc ngủ của bà", "115"),
    ("em tui vừa uống hai chục viên thuốc giảm đau", "115"),
    # a body cold by the thermometer, a racing heart counted
    ("đứa nhỏ đẻ non mới về nhà người lạnh có ba mươi bốn độ", "115"),
    ("ông cụ nằm ngoài hiên cả đêm đo thân nhiệt còn ba lăm độ", "115"),
    ("em bé tám tháng tim đập hai trăm mốt nhịp", "115"),
    # talking a moment ago, no answer now
    ("ba tui lúc nãy còn nói chuyện được giờ kêu hổng trả lời", "115"),
    # a fall, then snoring and no rousing; on the floor, unable to rise
    ("anh shipper ngã xe trước cổng giờ nằm ngáy khò khò kêu hông dậy", "115"),
    ("ông cụ kế bên nằm dưới sàn từ sáng tới giờ hổng ngồi dậy nổi", "115"),
    # minutes ago is now
    ("thằng nhỏ bị nước cuốn trôi ngoài kênh cách đây mấy phút", "114"),
    # an escaped wild animal with people stuck; locked in with the water running
    ("con trăn xổng chuồng bò vô nhà tụi nhỏ kẹt trong phòng", "114"),
    ("đứa nhỏ khóa trái cửa nhà tắm đang xả nước đầy bồn gọi hổng trả lời", "114"),
    # the caller between the animal and the danger makes it theirs
    ("mấy thằng bắt trộm gà nhà tui tui ra cản tụi nó chĩa súng điện", "113"),
]

CALM = [
    # a course, a daily dose, one or two pills, pills bought
    "mỗi ngày ba tui uống năm viên thuốc bắc có sao hông",
    "con tui uống hết mười viên kháng sinh bác sĩ kê mà chưa khỏi ho",
    "tui lỡ uống hai viên hạ sốt gần nhau có sao hông",
    "tui mua hai chục viên thuốc hạ sốt để sẵn trong nhà",
    # the weather, a normal temperature
    "ngoài trời nhiệt độ ba mươi lăm độ nóng quá hỏi có cắt điện hông",
    "bé nhà tui đo nhiệt độ ba sáu độ bảy vậy bình thường hông",
    # a counted heart after running, a normal pulse
    "tim tui đập tám mươi nhịp là bình thường hông",
    # a message unanswered
    "ông tui lúc nãy còn nói chuyện được giờ hông trả lời tin nhắn",
    # a high pressure said calmly; a past check that was normal
    "má tui huyết áp một trăm chín mươi mà vẫn tỉnh táo ăn uống được tui hỏi chỗ mua thuốc",
    "đau thắt ngực vã mồ hôi tuần trước đi khám tim thì bình thường",
    # hours and years ago stay past
    "thằng nhỏ té xe cách đây hai năm giờ hỏi bảo hiểm",
    # an animal of the caller's in trouble
    "con mèo tui nuôi kẹt trên mái tôn hổng xuống được",
    "con chó tui bị kẹt dưới cống nhờ ai giúp",
    # a child playing with water, no danger
    "con tui khóa trái nhà tắm xả nước chơi hoài tui hỏi cách dạy",
]

STILL_EMERGENCIES = [
    # a pressure with a complaint keeps its reading
    "má tui huyết áp hai trăm nhức đầu quá mà vẫn tỉnh táo",
    "ba tui huyết áp hai trăm mốt méo miệng mà vẫn tỉnh",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_round37i_emergency(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_round37i_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", STILL_EMERGENCIES)
def test_round37i_pressure_with_a_complaint(text: str) -> None:
    assert parse_need(text).urgency == "emergency"


def _ws(text: str) -> list[str]:
    return standard(tokens(text))


def test_minutes_ago_is_no_past_but_hours_are() -> None:
    assert not all_marks(_ws("nhà cháy cách đây mười phút"))["past"]
    assert all_marks(_ws("nhà cháy cách đây hai tiếng"))["past"]
    assert all_marks(_ws("nhà cháy cách đây năm năm"))["past"]


def test_a_snore_after_a_fall_is_no_sleep() -> None:
    assert not all_marks(_ws("ổng té cầu thang giờ ngáy khò khò"))["sound_asleep"]
    assert all_marks(_ws("ổng ngủ trưa ngáy khò khò"))["sound_asleep"]


def test_a_calm_pressure_is_marked_only_without_a_complaint() -> None:
    assert round37i_marks(_ws("huyết áp hai trăm mà vẫn khỏe re"))["mistaken"] == [(0, 1)]
    assert not round37i_marks(_ws("huyết áp hai trăm ói quá mà vẫn tỉnh táo"))
    assert not round37i_marks(_ws("huyết áp một trăm ba mươi vẫn khỏe"))["mistaken"]


def test_locked_in_with_water_running_is_a_rescue() -> None:
    ws = _ws("thằng nhỏ khóa trái nhà tắm xả nước đầy bồn")
    assert round37i_service("115", select(candidates(ws)), ws) == "114"
    ws = _ws("thằng nhỏ khóa trái nhà tắm kêu hổng trả lời")
    assert round37i_service("115", select(candidates(ws)), ws) == "115"
