"""Round 29A: old people calling for themselves (an age after a name by birth order, a guess
that it is nothing, "since this morning", "just a moment ago", not relieved by the usual
medicine, a call after a simile), their signs (a stroke's face, heat with no sweat, a fall
then confused, a neck that cannot turn, a hernia or a bladder stuck, the room spinning,
water rising with nowhere to go), break-ins and snatches going on, and the number for a
kitchen knife, a door the caller cannot force and hiding from an intruder.

Cases in the tests' own words, not a writer's lines.
"""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from callbot.understanding.need_marks import all_marks
from callbot.understanding.need_time_marks import chronic_spans
from callbot.understanding.text import tokens

EMERGENCIES = [
    # an age after a name by birth order is no "seven years now"
    ("dạ tui là ông bảy năm nay tám mươi lăm tuổi ở một mình giờ tức ngực vã mồ hôi lạnh", "115"),
    ("thưa cô tui là bà sáu năm nay bảy mươi tuổi tự nhiên khó thở quá tím môi", "115"),
    # a guess is no resolution
    ("tui đau thắt ngực quá mồ hôi lạnh ướt áo chắc là hông sao đâu ha cô", "115"),
    # since this morning is now; the later past marker begins its own clause
    ("bà tui ói ra máu từ hồi sáng hồi trước bả có bị bao tử", "115"),
    # just a moment ago is an onset
    ("nửa người bên phải tê rần cầm đôi đũa hông được mới bị hồi nãy thôi", "115"),
    # not relieved by the usual medicine
    ("ông tui bị suyễn lâu năm xịt thuốc rồi mà không đỡ thở rít nói hổng ra hơi", "115"),
    # a call after a simile
    ("ba tui nằm trên võng người nóng như lửa kêu hổng thưa", "115"),
    # a stroke's face and speech, two signs
    ("má tui tự nhiên mặt méo đi nói líu nhíu hổng rõ", "115"),
    # heat told by the body
    ("ông tui làm ruộng về người nóng hầm hập mà không ra mồ hôi", "115"),
    ("chồng tui phụ hồ bị trúng nắng giờ run bần bật nằm một chỗ", "115"),
    # a fall then confused, a fall then a neck that cannot turn
    ("bà tui té ngoài sân nằm đó hỏi gì cũng nói năng lung tung", "115"),
    ("ông tui té từ trên thang xuống giờ cổ đau không quay được", "115"),
    # swallowed then wheezing; a hernia stuck; a bladder that cannot empty; the room spinning
    ("ông tui nuốt miếng thịt to vô cổ giờ thở khò khè", "115"),
    ("chỗ thoát vị của ông tui lòi ra hông đẩy vô được đau quá", "115"),
    ("ba tui bí tiểu từ tối qua bụng căng cứng", "115"),
    ("tui đứng dậy là trời đất quay cuồng hông đứng được", "115"),
    # a kitchen knife at work, nobody else: 115
    ("má tui đứt tay bằng dao phay lúc làm cá máu phun thành tia", "115"),
    # water rising, nowhere to go
    ("nước tràn vô nhà lên tới bụng rồi hai ông bà già hổng biết chạy đi đâu", "114"),
    # a door the caller cannot force
    ("bà tui vô phòng khóa trái cửa nghe cái rầm kêu hông trả lời tui phá cửa hông được", "114"),
    # break-ins and snatches going on
    ("có thằng đang cưa song cửa sổ phòng ngủ nhà tui", "113"),
    ("hai người lạ mang búa tới đập khóa cổng nhà tui", "113"),
    ("có người lạ đang giựt cái giỏ của bà tui ngoài chợ", "113"),
    ("có người lạ đang lục đồ dưới nhà tui trốn trên gác hổng dám xuống", "113"),
]
CALM = [
    "tui là ông bảy năm nay tám mươi tuổi tui hỏi tiền người già tháng này",
    "bà tui đau lưng ba năm nay uống thuốc hoài hỏi có bác sĩ tới nhà không",
    "tui mới xuất viện vì tai biến về nhà không có ai đỡ đi vệ sinh",
    "ông tui mới ra viện sau khi nhồi máu cơ tim giờ hết tiền mua thuốc",
    "bà tui bị tiểu đường chích insulin mà hết thuốc từ hôm qua",
    "nhà tui bị nước tràn vô nhà mỗi lần mưa hỏi phường có hút nước không",
    "hồi năm ngoái tui té từ trên ghế xuống cổ đau không quay được giờ hết rồi",
    "tui muốn hỏi lỡ mặt méo nói líu nhíu thì phải làm sao",
    "má tui chặt gà lúc nãy đứt tay chút xíu băng lại rồi",
    "ông tui bị thoát vị đĩa đệm đau lưng không đẩy vô được hỏi chỗ tập",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_old_callers_emergencies(text: str, service: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", service)


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_the_look_alikes_stay_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


def test_a_name_by_birth_order_then_an_age_is_no_count_of_years() -> None:
    assert chronic_spans(tokens("ông bảy năm nay chín mươi tuổi tức ngực")) == []
    assert chronic_spans(tokens("bà tư năm nay bảy mươi tuổi")) == []
    assert chronic_spans(tokens("tui đau lưng bảy năm nay")) != []


def test_a_guess_keeps_no_resolved_span() -> None:
    assert all_marks(tokens("đau ngực quá chắc hông sao đâu"))["resolved"] == []
    assert all_marks(tokens("đau ngực bác sĩ nói hông sao"))["resolved"] != []
