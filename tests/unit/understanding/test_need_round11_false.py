"""Round 11 of issue 13 (false emergencies of the seventh development part: near twins and the
same scenes once over or handled): the classes of :mod:`callbot.understanding.
need_look_alikes_settled`, with our own examples (other wordings, regions, recognition damage),
and the emergencies that look like them and must stay, read by the rules alone."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        # a medical event of another day, long past
        "mẹ tui bị tai biến hồi tháng trước giờ muốn hỏi chỗ mua xe lăn",
        "ông xã em ngất xỉu hồi năm ngoái đi khám rồi em hỏi bảo hiểm có trả không",
        "anh tui bị đâm hôm trước khâu rồi giờ muốn hỏi thủ tục trình báo",
        "ôn tau chết đuối hồi tết năm ngoái chừ tau hỏi giấy chứng tử",
        # bedridden after a stroke, nothing sudden
        "bố tôi đột quỵ nằm một chỗ mấy năm nay tôi hỏi chỗ thuê người chăm",
        "bà nội bị liệt sau tai biến giờ nằm liệt giường hỏi có trợ cấp không",
        # settled, recovered, checked, in care, asked only to know
        "thằng nhỏ té xe chảy máu đầu gối giờ băng bó rồi chạy nhảy được hỏi có cần chích ngừa",
        "có mùi khét ở hành lang mà bảo vệ kiểm tra rồi không có gì tui hỏi thử",
        "ba tui bị nhồi máu cơ tim mới chuyển vô bệnh viện chợ rẫy tui hỏi giờ thăm",
        "bị đột quỵ thì gọi số nào vậy chị tui hỏi để biết thôi",
        "bà ngoại bị ong chích sưng tay mà uống thuốc xẹp xuống rồi hỏi có cần đi khám",
        # a named event, over
        "sau vụ cháy chung cư nhà tui còn mấy món đồ hỏi chỗ nào nhận đồ quyên góp",
        "xe của tui bị cháy trong vụ cháy bãi xe rồi giờ hỏi bảo hiểm",
        # topics: papers, a charge, a class, help for victims, handouts
        "tui cần giấy xác nhận nhà bị cháy để xin vay ngân hàng",
        "em muốn tố cáo thằng đó tội cố ý gây thương tích",
        "có khóa học kỹ năng khi bị đuối nước cho con nít không",
        "chỗ nào giúp người bị bạo hành gia đình vậy chị",
        "phường có phát gạo cho mấy nhà bị cháy không",
        # seen in a clip
        "tui coi clip thấy người ta bị xe tông văng ra đường ghê quá",
        # supposed: some time to come, a combination's last part after "nếu"
        "lỡ nửa đêm có người lạ phá cửa vô nhà thì gọi ai",
        "chung cư tui có thang máy cũ nếu bị kẹt thì bấm chuông nào",
        # a bang with the breaker tripped, firecrackers, fire not seen, road holes, a drop
        "ổ cắm nổ cái bốp rồi cầu dao nhảy luôn tui muốn kêu thợ",
        "mấy thằng nhỏ bắn pháo nổ đì đùng cả buổi tối ồn quá",
        "nghe cái bụp ở cột điện rồi mất điện luôn mà hổng thấy lửa khói gì",
        "đường vô xóm có cái ổ voi xe máy chạy tối là sụp hoài",
        "bà tui làm rơi bịch thuốc xuống sông hết thuốc uống rồi",
        # the caller held up at work, a small burn, idioms
        "tui kẹt ở công ty làm ca đêm con ở nhà không có gì ăn",
        "con bị phỏng dầu ở ngón tay rộp chút xíu hỏi bôi gì",
        "nghe nó nói mà tức nổ đom đóm mắt luôn",
        "nợ ngập tới cổ rồi muốn hỏi vay vốn",
        # last Saturday and a weekday are past days
        "thứ bảy tuần rồi thằng nhỏ bị tụi nó đánh giờ đi học lại rồi tui muốn phản ánh",
        "bữa thứ ba nhà tui bị trộm vô lấy xe giờ muốn hỏi trình báo ở đâu",
    ],
)
def test_settled_scenes_are_no_emergency(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


@pytest.mark.parametrize(
    ("text", "service"),
    [
        # a stroke of the same day may still need 115
        ("ba tui bị tai biến hồi sáng giờ nói không được méo miệng", "115"),
        # bedridden for years, something sudden now
        ("ông tui tai biến nằm một chỗ mà tự nhiên giờ khó thở tím tái", "115"),
        # a past stroke, a second one now
        ("má tui đột quỵ hồi năm ngoái mà giờ lại bị nữa yếu nửa người", "115"),
        # bleeding that stopped, then worse now
        ("thằng nhỏ chảy máu mũi bóp là ngưng rồi mà giờ lơ mơ gọi không dậy", "115"),
        # a threat with "nếu" stays a threat
        ("thằng kia dọa nếu không trả tiền nó sẽ đốt nhà tui", "113"),
        # a clip being shot is the scene itself
        ("tụi nó đang đánh thằng em tui còn quay clip nữa", "113"),
        # a firecracker warehouse on fire, a breaker cut by the caller after an electrocution
        ("kho chứa pháo bị nổ lửa bốc cao quá trời", "114"),
        ("chồng em bị điện giật em cúp cầu dao rồi mà ảnh nằm im không thở", "115"),
        # someone fell into a manhole, stuck in a lift at the hospital
        ("có người rớt xuống hố ga sâu lắm kêu cứu", "114"),
        ("tui bị kẹt trong thang máy bệnh viện không ra được", "114"),
        # a large burn
        ("con tui bị phỏng nước sôi khắp người rộp hết", "115"),
    ],
)
def test_their_emergencies_stay(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service)


@pytest.mark.parametrize(
    "text",
    [
        "mẹ tui bị đột quỵ cách đây hai tiếng miệng méo nói không được",
        "ba tui ngất cách đây mười lăm phút giờ vẫn chưa tỉnh",
        "ông ngoại bị tai biến cách đây một tiếng đồng hồ tay chân bên phải không cử động",
    ],
)
def test_minutes_or_hours_ago_is_not_another_day(text: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", "115"), result


@pytest.mark.parametrize(
    ("text", "urgent"),
    [
        ("bị đột quỵ hồi năm ngoái giờ vẫn yếu một bên", False),
        ("má tui tai biến hồi tháng trước giờ vẫn còn yếu nửa người cần xin xe lăn", False),
        ("ba tui đột quỵ hồi năm ngoái mà giờ tự nhiên lại yếu một bên nói ngọng", True),
        ("ba tui đột quỵ hồi sáng giờ vẫn yếu một bên", True),
    ],
)
def test_a_strokes_after_effect_is_not_a_new_stroke(text: str, urgent: bool) -> None:
    assert (parse_need(text).urgency == "emergency") is urgent, text
