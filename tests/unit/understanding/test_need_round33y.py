"""Round 33Y of issue 13: short blunt medical emergencies said by what is seen (cases in our
own words, with look-alikes that stay calm); rules alone and with the model."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

EMERGENCIES = [
    ("chồng em tự dưng nói líu lưỡi mép xệ xuống một bên", "115"),
    ("ông nhà tui nói ngọng nghịu miệng lệch qua một bên từ nãy", "115"),
    ("má em hồi chiều tới giờ hổng nhận ra người nhà đi lảo đảo muốn té", "115"),
    ("vợ tui mang thai tám tháng kêu nhức đầu nhìn hổng rõ gì hết", "115"),
    ("cháu tui mới được ba tuần tuổi nóng ran thở dồn dập", "115"),
    ("thằng út một tháng tuổi bỏ bú từ sáng người mềm oặt", "115"),
    ("ba em bụng sình lên cứng mấy bữa nay rồi giờ nôn ra mùi phân", "115"),
    ("con bé nuốt viên nam châm hôm qua giờ ôm bụng khóc thét", "115"),
    ("ông ngoại thở sâu thở dốc mà gọi thì lơ mơ li bì", "115"),
    ("anh thợ bị xe cuốc đè lên chân mới lôi ra được mà chân bẹp dí", "115"),
    ("chị tui bị miếng kính cứa vô bắp tay máu phun ra cầm hổng nổi", "115"),
    ("dượng tui châm bếp củi bị dầu bắt lửa cháy nguyên cái mặt phồng rộp hết", "115"),
    ("thằng nhỏ bị nồi canh sôi đổ trúng phỏng hết cái lưng", "115"),
]

CALM = [
    "ba tui bị tai biến hồi năm ngoái giờ còn nói ngọng hỏi chỗ tập vật lý trị liệu",
    "bé nhà tui hai tuổi nói lơ lớ có cần đi khám hông",
    "con tui bị đứt tay chút xíu máu ra rồi băng lại cầm được rồi",
    "thằng nhỏ nuốt đồng xu tuần trước đi cầu ra rồi giờ khỏe re",
    "hồi tháng trước ông chú bị phỏng tay giờ lành rồi hỏi thuốc thoa sẹo",
    "con tui hai tháng tuổi ngủ ngoan bú giỏi muốn hỏi lịch chích ngừa",
    "vợ em bầu bảy tháng hơi phù chân muốn hỏi ăn uống sao cho đúng",
    "tui tập thở sâu cho dễ ngủ có được không",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_round33y_emergency(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_round33y_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


def test_a_fire_still_burning_stays_114() -> None:
    need = parse_need("bình ga bắt lửa cháy lan qua nhà bên ông chú bị phỏng tay")
    assert (need.urgency, need.service) == ("emergency", "114")


def test_a_leg_still_caught_stays_114() -> None:
    need = parse_need("xe ba gác đè lên chân ổng còn kẹt chưa kéo ra được")
    assert (need.urgency, need.service) == ("emergency", "114")
