"""Round 12 of issue 13 (a reviewer's false emergencies): the classes of :mod:`callbot.
understanding.need_look_alikes_things`, with our own examples (other wordings, regions,
recognition damage), and the emergencies that look like them and must stay, read by the rules
alone."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        # a device, a network, a site, an app "bị sập"
        "cái laptop của em bị sập hoài không vô được",
        "app ngân hàng bị sập từ tối qua tới giờ",
        "trang web dịch vụ công bị sập hoài nộp hồ sơ không được",
        "wifi nhà em bị sập mạng cả ngày",
        "con điện thoại cũ bị sập nguồn liên tục",
        # a small device's bang, gone out, no fire
        "cái đèn ngủ nổ cái bụp rồi tắt luôn",
        "ổ cắm nổ tạch một cái rồi tắt không cháy gì hết",
        "cái quạt kêu nổ một tiếng rồi tắt ngúm",
        # an opinion of what someone deserves
        "mẹ tui nói thằng đó đáng bị bắt lắm",
        "tui thấy mấy đứa đó đáng bị đánh cho chừa",
        # a thing dropped
        "em lỡ làm rơi chùm chìa khóa xuống giếng lấy lên không được",
        "đánh rớt cái ví xuống kênh rồi",
        # handouts asked after a fire or a collapse
        "mấy nhà bị cháy hôm bữa muốn xin quần áo cứu trợ ở đâu",
        "mấy căn bị sập cần xin gạo cứu trợ",
        # under observation in hospital
        "bác sĩ bảo má tui bị đột quỵ nhẹ đang được theo dõi",
        "bệnh viện giữ lại theo dõi vì ông tui bị tai biến nhẹ",
        # a near miss, a rhetorical denial
        "thằng nhỏ bị xe tông hụt hồi chiều giờ muốn báo cái đèn giao thông hư",
        "nói chơi thôi chứ có ai bị đánh đâu",
        "làm gì có ai bị cướp đâu chị",
    ],
)
def test_things_and_opinions_are_no_emergency(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        # a class for children, an elderly person doing chores, a palsy unchanged
        "ở đây có khóa học kỹ năng thoát hiểm cho trẻ em không",
        "bà ngoại tui đang xách nước tưới rau",
        "ba tui bị liệt mấy năm nay vẫn như cũ không có gì mới",
    ],
)
def test_people_at_ease_are_not_in_need(text: str) -> None:
    assert parse_need(text).urgency == "normal"


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("nhà máy bị sập đè mấy công nhân", "114"),
        ("mạng nhà tui bị sập trần đè thằng nhỏ", "114"),
        ("cục sạc nổ rồi cháy lên cái nệm", "114"),
        ("thằng nhỏ rớt xuống giếng rồi", "114"),
        ("cái thằng nhỏ rớt xuống cống lấy lên không được", "114"),
        ("chiếc xe máy rớt xuống kênh người còn kẹt", "114"),
        ("bà tui rớt cái ly méo miệng nói không được", "115"),
        ("tụi nó đang đánh thằng đó", "113"),
        ("bác sĩ dặn về nhà theo dõi mà giờ ổng méo miệng nói đớ", "115"),
        ("nhà tui bị cháy cứu với", "114"),
        ("mấy phòng trọ đang cháy còn người kẹt bên trong", "114"),
        ("ông già tui đang khiêng cái tủ thì bị té bất tỉnh", "115"),
        ("ba tui bị liệt mà tự nhiên khó thở tím tái", "115"),
    ],
)
def test_their_emergencies_stay(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service)
