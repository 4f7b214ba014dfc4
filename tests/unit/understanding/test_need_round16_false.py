"""Round 16 of issue 13 (a reviewer's probe of rounds 14 and 15, classes D, E and F): rabies
signs said as "sợ quạt", general questions, fire and oxygen equipment, a sunken road, a
breaker named by its guard and a wall fallen on things, with our own sentences, read by the
rules alone (the statistical model must not be what makes these pass), and the emergencies
beside them that must stay."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        # class E: the caller as the hearer, a collapse's place, "mới" after hearsay
        "tui nghe bảo bị điện giật thì phải cắt cầu dao trước đúng không",
        "nghe nói ở phường bên mới có vụ cháy nhà phải không vậy",
        # "X thì" + "A hay B", "bao lâu", "nên ... không"
        "cháy nhà thì gọi một một bốn hay gọi công an phường",
        "bị rắn cắn thì xe cứu thương tới trong bao lâu",
        "bị đau tim thì nên cho ngậm thuốc không",
        # how to tell, counting
        "làm sao nhận biết ba mẹ bị đột quỵ",
        "mấy năm nay có bao nhiêu vụ cháy chợ ở thành phố",
        # class F: a breaker's guard, a cylinder rented or sold, fire equipment, a sunken road
        "cái cầu dao chống giật nhà tui cứ nhảy hoài",
        "chỗ nào bán bình ô xy cho người già vậy em",
        "ở đâu cho mướn bình ô xi theo tháng",
        "bình chửa cháy nhà tui hết hạn đem đi nạp ở đâu",
        "chuông báo cháy nhà em kêu hoài mà hổng có gì",
        "cái lộ đầu hẻm bị sụp một lỗ lớn xe chạy nguy hiểm",
        "vách tường cạnh nhà đổ xuống đè mấy cái lu nước",
    ],
)
def test_questions_and_equipment_are_no_emergency(text: str) -> None:
    assert _service(text)[0] != "emergency"


@pytest.mark.parametrize(
    ("text", "service"),
    [
        # class D: a rabies sign now, said as a fear of the fan or the air conditioner
        ("má tui bị chó cắn tháng trước không đi chích giờ bả sợ quạt sợ máy lạnh", "115"),
        ("thằng em bị mèo cào hồi tuần rồi giờ nó sợ quạt sợ nước la hét", "115"),
        # a fire now beside a question
        ("nhà tui đang cháy thì gọi số nào lẹ lên", "114"),
        ("nghe nói cháy nhà thì gọi một một bốn mà nhà tui đang cháy nè", "114"),
        # a cylinder empty and someone who cannot breathe now
        ("bình ô xy hết rồi ông tui thở không nổi tím tái luôn", "115"),
        # a wall that fell on a person
        ("bức tường sau nhà đổ xuống đè trúng thằng nhỏ", "114"),
        ("tường cạnh nhà sập đè ông ngoại tui kẹt bên dưới", "114"),
    ],
)
def test_emergencies_beside_them_stay(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service)
