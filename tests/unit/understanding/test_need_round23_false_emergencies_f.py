"""Round 23F of issue 13 (writers N and O of the fourteenth development part: false
emergencies): an emergency word echoed and denied, taken back, a crew called off, a brawl over
with nobody hurt, a threat for a later day, a prevention course, a case in the news or days
ago, a rumour then a question, a scolding "to death", a birth near term with no money; our own
examples and the look-alikes that must stay emergencies, read by the rules alone."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        # echoed and denied
        "cháy hả hông phải đâu chị tui hỏi chuyện tiền điện tháng này",
        "đâm người hả không phải đâu em đang coi phim bấm lộn số",
        "bắt cóc hả hổng phải đâu tui nói cái tựa sách thôi",
        # taken back
        "hồi nãy tui nói bị giựt đồ là nhầm tui bỏ quên cái giỏ ở nhà bà ngoại",
        "lúc nãy em báo có người bị đánh là lộn nha tụi nhỏ giỡn với nhau thôi",
        # a crew called off, the person come round
        "khỏi cấp cứu nha cô bà nội con tỉnh lại rồi đang ngồi uống nước",
        "hổng cần kêu xe nữa chị ơi ổng khỏe lại rồi tui gọi báo một tiếng",
        # a brawl over, nobody hurt
        "hồi tối mấy thằng nhậu đánh lộn ngoài quán mà tan hết rồi hông ai bị gì",
        "ngoài chợ có hai bà xô xát mà giải tán rồi không có ai bị thương hết",
        # nobody hurt, a thing damaged
        "hông có ai bị gì đâu mà cây me ngoài hẻm gãy đè lên mái nhà tui xin người cưa dùm",
        # a threat for a later day, a threat of words only
        "thằng bạn cùng lớp dọa mai ra chơi đánh con con sợ không dám đi học",
        "bả hăm tuần sau tới đốt nhà tui tui muốn hỏi có làm đơn được không",
        "ông say xỉn nói sẽ giết tui mà ổng nói vậy thôi ổng về rồi tui hỏi thưa được không",
        # prevention: the service and the course
        "tui muốn mời đội phòng cháy chữa cháy xuống xóm trọ hướng dẫn bà con",
        "trường tui muốn nhờ bên phòng cháy dạy các em thoát hiểm khi cháy",
        # a case in the news, days ago
        "vụ cháy chung cư trên ti vi đó nhà tui cũng ở chung cư cũ hỏi có ai kiểm tra",
        "cái vụ chết đuối ở kênh hôm trước tui muốn hỏi phường có rào lại chưa",
        # heard of someone else, then asked
        "nghe nói bên xóm có người bị ngộ độc nấm tui muốn hỏi nấm nào ăn được",
        # scolded "to death"
        "em bị má mắng muốn chết luôn mà em hỏi chuyện học bổng thôi",
    ],
)
def test_echoed_taken_back_called_off_over_later_and_heard_are_no_emergency(text: str) -> None:
    assert _service(text)[0] != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "chồng con mang bầu tám tháng sắp sinh rồi mà con hông có tiền đi bệnh viện",
        "con dâu tui bầu chín tháng gần sanh mà nhà hết tiền",
    ],
)
def test_near_term_without_money_is_high(text: str) -> None:
    assert _service(text) == ("high", None)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        # the denial is of something else, the danger after it
        ("cháy hả hông phải cháy đâu mà có thằng cầm dao đang đâm người ngoài hẻm", "113"),
        # said, not taken back
        ("tui nói hoài mà nó vẫn đang đánh vợ nó ngoài sân kìa", "113"),
        # called off but the danger still there
        ("khỏi cấp cứu ổng tỉnh rồi mà giờ nhà đang cháy khói mù mịt", "114"),
        # the threat is now
        ("nó dọa giết tui nó đang cầm dao đứng trước cửa", "113"),
        # the room is on fire
        ("cái phòng cháy rồi khói quá trời cứu với", "114"),
        # a case going on now
        ("vụ cháy đang lan qua nhà tui nè cứu với", "114"),
        # heard of, and now
        ("nghe nói có người đang chìm ở kênh mau cứu với", "114"),
        # near term with pain: labour
        ("vợ em bầu chín tháng đau bụng quá sắp sinh mà không có tiền", "115"),
    ],
)
def test_their_look_alikes_stay_emergencies(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service)


def test_a_brawl_dispersed_with_someone_hurt_stays_an_emergency() -> None:
    # the service (113 or 115 once the fighters left) is another round's matter
    assert _service("đánh nhau giải tán rồi mà có người bị đâm chảy máu nằm đó")[0] == "emergency"


def test_speech_gone_confused_is_no_slip_taken_back() -> None:
    text = "ông nội đang nói chuyện tự nhiên nói lộn xộn miệng méo qua một bên"
    assert _service(text) == ("emergency", "115")


def test_a_real_fire_during_a_prevention_class_stays_an_emergency() -> None:
    text = "công ty đang học phòng cháy chữa cháy thì kho bên cạnh cháy thiệt khói đen thui"
    assert _service(text) == ("emergency", "114")
