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
    ("thằng cháu uống mười viên thuốc an thần của ông", "115"),
    # a body cold by the thermometer, a racing heart counted
    ("đứa nhỏ đẻ non mới về nhà người lạnh có ba mươi bốn độ", "115"),
    ("ông cụ nằm ngoài hiên cả đêm đo thân nhiệt còn ba mươi ba độ", "115"),
    ("bé sơ sinh về nhà người lạnh ba mươi lăm độ", "115"),
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
    ("cá sấu xổng chuồng bò dô vườn tụi nhỏ kẹt trong chòi", "114"),  # "bò" crawls here
    ("đứa nhỏ khóa trái cửa nhà tắm đang xả nước đầy bồn gọi hổng trả lời", "114"),
    # review of 37I: a relative said right after an animal is in danger (H1)
    ("đang tắm cho con mèo má bị điện giật", "115"),
    ("đang lùa vịt ông trượt chân té xuống ao bất tỉnh", "114"),
    # a high pressure with a turn after "fine", or in pregnancy, keeps its 115 (H3)
    ("ba huyết áp hai trăm vẫn khỏe mà tay phải hổng cầm nổi đồ", "115"),
    ("vợ tui mang thai tám tháng huyết áp hai trăm vẫn tỉnh táo", "115"),
    # a dangerous rate, talking then silent right now, a fall then a snore (H5, H6, H7)
    ("ông tui tim đập hai trăm ba mươi nhịp", "115"),
    ("ông còn nói được mà giờ hông trả lời", "115"),
    ("ông té đập đầu giờ ngáy khò khò lay hổng dậy", "115"),
    # minutes ago, still going on (H8); a heart attack behind a locked door needs 115 (H10)
    ("cách đây năm phút ông bị điện giật giờ nằm im", "115"),
    ("ba tui khóa cửa phòng tắm đang xả nước đầy bồn rồi lên cơn đau tim", "115"),
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
    # review of 37I: the caller's own animal stuck, "tụi nó" being the animals (H2)
    "con mèo kẹt trong gầm xe tui hổng lôi ra được",
    "con chó tui bị kẹt trong ống cống tui hổng kéo ra được",
    "mấy con gà con tụi nó kẹt trong lưới",
    # a dose, a vitamin, candy, a question, people called "viên" (H4)
    "ngày uống mười viên thuốc bổ sau bữa ăn",
    "con tui nhai tám viên kẹo dẻo",
    "tui uống sáu viên canxi buổi trưa",
    "ổng ngồi uống nước với năm viên chức phường",
    "cho em hỏi uống sáu viên thuốc hạ sốt được không",
    "uống hết mười viên kháng sinh rồi giờ tái khám",
    # a pulse at exercise or asleep (H5)
    "tui đạp xe xong tim đập một trăm chín mươi nhịp",
    "lúc ngủ đồng hồ báo tim đập ba mươi hai nhịp",
    # a phone unanswered, a sulk (H6); a thing fell, a fall that did no harm (H7)
    "hồi trưa còn nói chuyện được giờ gọi điện thoại hông trả lời",
    "con nhỏ còn nói chuyện được mà giờ dỗi hông trả lời ai",
    "cái chén rớt xuống đất mà ổng vẫn ngủ ngáy kêu hổng dậy",
    "bé té trên giường xuống nệm không sao giờ ngủ ngáy kêu hổng dậy",
    # minutes ago but settled, or a threat by phone (H8)
    "cách đây mười phút thằng nhỏ bị hóc hột nhãn mà giờ ho ra rồi",
    "cách đây mấy phút có người gọi hăm dọa tui",
    "cách đây năm phút có trộm vô nhưng chạy mất rồi",
    # the weather's thermometer, 35 and a bit asked about (H9)
    "nhiệt kế ngoài sân chỉ ba mươi hai độ",
    "tui đo nhiệt độ ba mươi lăm độ sáu vậy có sao không",
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
    assert not round37i_marks(_ws("huyết áp một trăm ba mươi vẫn khỏe"))
    # a turn after "fine" brings a sign, a pregnancy, beyond 250 (review of 37I, H3)
    assert not round37i_marks(_ws("huyết áp hai trăm vẫn tỉnh mà hai mắt nhìn mờ mờ"))
    assert not round37i_marks(_ws("con dâu có bầu huyết áp hai trăm vẫn khỏe"))
    assert not round37i_marks(_ws("huyết áp hai trăm sáu mươi vẫn khỏe"))


def test_locked_in_with_water_running_is_a_rescue() -> None:
    ws = _ws("thằng nhỏ khóa trái nhà tắm xả nước đầy bồn kêu hổng trả lời")
    assert round37i_service("115", select(candidates(ws)), ws) == "114"
    ws = _ws("thằng nhỏ khóa trái nhà tắm đang xả nước kêu hổng trả lời")  # no tub (H10)
    assert round37i_service("115", select(candidates(ws)), ws) == "115"
    ws = _ws("thằng nhỏ khóa trái nhà tắm kêu hổng trả lời")
    assert round37i_service("115", select(candidates(ws)), ws) == "115"


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(
    "text",
    [
        "má huyết áp một trăm chín mươi mà vẫn tỉnh táo",
        "huyết áp hai trăm mốt vẫn khỏe hổng đau gì",
    ],
)
def test_a_calm_high_pressure_is_high_not_normal(text: str) -> None:
    assert parse_need(text).urgency == "high"  # review of 37I, H3


@pytest.mark.usefixtures("rules_only")
def test_a_sore_back_is_no_long_lie() -> None:
    assert parse_need("tui bị đau lưng nằm luôn hổng ngồi dậy nổi").urgency != "emergency"
    assert parse_need("ông nằm dưới sàn cả đêm hổng ngồi dậy nổi").urgency == "emergency"
