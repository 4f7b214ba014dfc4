"""Round 28D: a turn for the worse of old, bedridden or chronically ill people said vaguely
(cannot be woken, lying limp, face down on the floor, on the floor and not getting up, a moan
behind a door, a hard belly and moaning, a rasping snore, a sign after a simile, kerosene
drunk), a snatch going on (113), and a harmless cause said ("tại trời lạnh thôi").

Cases in the tests' own words, not a writer's lines.
"""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

MEDICAL = [
    "má tui ngủ li bì từ tối qua giờ lay hổng tỉnh",
    "ông cụ nằm từ sáng tới giờ kêu mãi không thức",
    "dì út tui nằm lịm luôn từ trưa ai hỏi cũng hổng trả lời",
    "tui ghé nhà thấy ông bảy nằm úp mặt dưới nền nhà",
    "bà ngoại nằm dưới đất từ hồi nào đỡ hổng dậy được",
    "nhà bên cạnh đập cửa hoài không ai mở mà nghe tiếng rên",
    "chú tư cả tuần hổng thấy ra ngoài giờ nghe rên rỉ trong phòng",
    "ba tui bụng chướng cứng ngắc cứ rên hừ hừ",
    "ông tui ngáy rít rít gọi mãi hông dậy",
    "bà nội thở khò khè như cái ống bễ mà môi tím tái",
    "con bé uống lộn dầu hỏa trong chai giờ ho dữ lắm",
    "bà tư sốt run lập cập mà lưng có vết loét chảy mủ",
]
POLICE = [
    "có đứa đang giựt giỏ của bà cụ ngoài chợ",
]
CALM = [
    "bà tui yếu lắm mà vẫn ăn được cháo tui xin thêm sữa",
    "ba tui nằm một chỗ mấy năm nay xin hỗ trợ tả người lớn",
    "ông ngoại mất hồi tuần rồi tui xin tiền hỗ trợ mai táng",
    "tui sợ bà ở một mình lỡ té thì hổng ai hay",
    "mẹ tui tay chân lạnh ngắt là tại trời lạnh thôi xin cái áo ấm",
    "ông tui mặt tái mét vì sợ chích thôi tui hỏi chỗ tiêm ngừa",
    "bà cụ bị lẫn lâu rồi hổng còn nhận ra ai xin vô viện dưỡng lão",
    "ba tui ngủ trưa ngáy to quá tui hỏi giờ phát gạo",
    "ông ngủ gục ngáy khò khò kêu không dậy",
    "nhà tui hết dầu hỏa để nấu tui xin phiếu mua dầu",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", MEDICAL)
def test_a_turn_for_the_worse_is_115(text: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", "115")


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", POLICE)
def test_a_snatch_going_on_is_113(text: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", "113")


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_the_look_alikes_stay_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"
