"""Round 14 of issue 13 (writers v and w: emergency words said in passing): the classes of
false emergencies they showed (:mod:`callbot.understanding.need_look_alikes_passing`), with
our own examples (other wordings, regions, recognition damage) and the emergencies beside
them, read by the rules alone (the statistical model must not be what makes these pass)."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        # a road, a pavement, an alley sunk: a repair to report
        "mặt đường ngoài đầu hẻm sụt lún một cục lớn xe máy đi qua hay bị té",
        "con hẻm nhà em bị lún xuống một khúc mưa là đọng nước",
        "cái vỉa hè chỗ chợ bị lún một lỗ to người đi bộ vấp hoài",
        "đường kiệt nhà tui sụt lún mấy bữa ni rồi mà chưa ai tới sửa",
        # a nightly habit, nobody hit
        "tối nào ổng cũng xỉn về chửi bới đập đồ rồi ngủ tui muốn hỏi tổ dân phố",
        "đêm nào mấy thằng thanh niên xóm trên cũng nẹt pô la hét tới khuya",
        "bữa nào thằng cha say đó cũng về đập cửa phòng tui rồi bỏ đi",
        # asthma managed, no attack now
        "tui bị suyễn nặng uống thuốc đều mỗi ngày chưa có cơn nào tui hỏi bảo hiểm có trả không",
        "con tui bị hen nặng bác sĩ cho xịt dự phòng hằng ngày giờ hổng lên cơn nữa",
        # a past episode given as the reason of a request
        "nhà con hết gạo từ hôm qua tới giờ hồi năm ngoái má con bị ngất vì đói nên con sợ",
        "hồi ấy ổng đánh tui hoài giờ ly dị rồi tui hỏi thủ tục nuôi con",
        "ngày xưa thằng chồng tui hay đánh tui nay nó ở tù tui xin giấy xác nhận hộ nghèo",
        # fire equipment, as said and as Vosk writes it, a fire feared
        "cho tui hỏi mua bình cứu hỏa loại nào tốt tại sợ mai mốt cháy nhà",
        "tui hỏi nhà mình nên để bình chửa cháy mấy ký tại sợ chập điện",
        "chung cư tui muốn gắn đầu báo khói với bình bột chửa cháy thì liên hệ ai",
    ],
)
def test_emergency_words_said_in_passing_are_none(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        # supply left or a refill planned: a high need, no 115
        "ba tui xài bình ô xi ở nhà bình lớn hết rồi còn bình nhỏ xài tới tối",
        "ông tui thở bình oxy bình lớn hết rồi đem đi nạp còn bình dự phòng",
        "công ty thu lại bình ô xy lớn của má tui giờ còn một bình nhỏ dùng tới chiều",
    ],
)
def test_oxygen_cylinders_with_supply_left_are_high(text: str) -> None:
    assert (parse_need(text).urgency, parse_need(text).service) == ("high", None)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        # someone in it, under it, or still being beaten, burnt, breathless: stays
        ("đường trước nhà bị sụt lún có chiếc xe máy rớt xuống người còn kẹt dưới hố", "114"),
        ("đường bị lún hố sâu có đứa nhỏ lọt xuống dưới kêu cứu", "114"),
        ("bà tui đang thở bình ô xy mà bình hết rồi giờ bà thở không nổi tím tái", "115"),
        ("tui bị hen nặng đang lên cơn khò khè", "115"),
        (
            "ba tui bị suyễn nặng ngày nào cũng xịt thuốc mà bữa nay đang lên cơn thở không ra hơi",
            "115",
        ),
        ("đêm nào nó cũng say về đánh vợ mà bữa nay nó cầm dao đâm vợ nó chảy máu", "113"),
        ("ngày trước chồng tui đánh tui nhưng giờ nó đang đánh tui ngoài sân", "113"),
        ("thằng chồng tui ở tù về hồi tuần trước giờ nó đang đánh tui chảy máu đầu", "113"),
        ("nhà tui đang cháy tui xịt bình chửa cháy mà không tắt", "114"),
    ],
)
def test_emergencies_beside_them_stay(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service)
