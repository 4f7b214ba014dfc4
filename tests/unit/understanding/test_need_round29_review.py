"""A reviewer's read of round 29 (session 15): what the rounds raised or took back wrongly,
now mended. Probes in the reviewer's words, none a writer's line."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

STILL_EMERGENCIES = [
    # a threat is no tease ("để dọa tui" was read as "để hù")
    ("chồng tui say rượu cầm dao kề cổ tui để dọa tui", "113"),
    ("tụi nó cầm mã tấu rượt chém để dọa tui", "113"),
    ("chồng tui giận uống thuốc sâu để dọa tui", "115"),
    # on television, then something happens to the viewer
    ("ông tui đang coi tin tức ở phòng khách thì lên cơn co giật", "115"),
    ("ba tui coi thời sự một hồi thì ngã ra bất tỉnh luôn", "115"),
    # a preterm birth now, the hospital only named
    ("vợ tui mới bảy tháng mà sanh non rồi đang ở nhà chưa kịp vô viện", "115"),
    # medicine given by a parent is no poison forced
    ("tui bắt nó uống thuốc xong nó co giật", "115"),
    # a car's front dented in a hit-and-run
    ("xe tui đậu ngoài đường bị ai tông móp đầu rồi bỏ chạy", "113"),
    # a child thrown, said with the child
    ("thằng chồng say rượu quăng con xuống đất", "113"),
    ("em uống ba chục viên pa ra xê ta môn hồi tối giờ ói hoài", "115"),
]
CALM = [
    "con tui sốt cho uống pa ra xê ta môn rồi mà vẫn sốt",
    "con tui sốt ba chín độ cho uống pa ra xê ta môn giờ vẫn còn mệt",
    "con tui đang giật vì sốt cao",
    "tay chân nó đang giựt vì lạnh quá",
    "hai đứa nhỏ nhà tui đang giành cái túi bánh",
    "con tui sổ mũi nước mũi chảy từ hôm qua tới giờ hông ngưng chảy",
    "con tui ba tháng đầu bị móp một bên do nằm nghiêng nhiều",
    "bác sĩ nói hổng có u đâu mà sao bé lừ đừ quá",
    "bé nhà tui ăn cơm cứ quăng xuống đất hoài",
    "tui mất chìa khóa kêu thợ tới cắt khóa cổng",
    "con tui quăng con gấu bông xuống đất khóc hoài",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), STILL_EMERGENCIES)
def test_what_round_29_must_not_take_back(text: str, service: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", service)


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_what_round_29_must_not_raise(text: str) -> None:
    assert parse_need(text).urgency != "emergency"
