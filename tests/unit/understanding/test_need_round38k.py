"""Round 38K of issue 13: relayed calls (a relative phoned or texted, a neighbour hears through
a wall); cases in our own words, with look-alikes that stay calm (over, asked about, a scam,
a burglar, a dance); rules alone and with the model."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from callbot.understanding.need_base import standard
from callbot.understanding.need_marks import all_marks
from callbot.understanding.need_match import candidates, select
from callbot.understanding.need_round38k import round38k_revise, round38k_service
from callbot.understanding.text import tokens

EMERGENCIES = [
    # about to jump from a height: a rescue
    ("con bạn tui nhắn nói nó đang ngồi ngoài lan can tầng chín sắp nhảy xuống", "114"),
    ("anh tui gọi nói có ông đứng trên nóc nhà xưởng chuẩn bị nhảy xuống", "114"),
    # fallen and cannot get up
    ("bà dì tui gọi nói bả té trong phòng ngủ hổng dậy được", "115"),
    ("ông ngoại té ngoài sân từ khuya tới giờ dậy không được", "115"),
    # a blood sugar beyond the meter
    ("má tui nhắn nói đường huyết cao quá máy đo hổng đọc được người lừ đừ", "115"),
    ("ba tui đo đường huyết máy báo chữ hi mệt rũ", "115"),
    # driven somewhere unknown and not let off
    ("em tui nhắn là ông xe ôm chở đi đâu hổng biết hông cho xuống", "113"),
    ("vợ tui gọi nói tài xế chạy vòng vòng khóa cửa hổng cho xuống", "113"),
    # dog thieves who turn on a person
    ("ba tui gọi nói tụi nó đang bắt chó nhà ổng còn lấy dao chém ổng", "113"),
    # lured, then held
    ("thằng em gọi nói nó bị lừa qua một cái xưởng bị nhốt hổng cho về đòi tiền chuộc", "113"),
    # a sudden headache, then a collapse
    ("hàng xóm gọi nói má tui đang nấu cơm ôm đầu la đau rồi ngã xuống", "115"),
    # a child climbing out of a window falls
    ("nghe nhà bên la là con nhỏ trèo cửa sổ té từ lầu hai xuống đất nằm im", "115"),
    # a machine's blade
    ("người ta gọi nói anh tui bị máy cưa văng lưỡi chém trúng đùi máu ra nhiều", "115"),
    # the attacker rode off, the victim bleeds
    ("chị tui gọi nói thằng chồng đánh bể đầu rồi xách xe đi giờ chỉ chảy máu nhiều lắm", "115"),
]

CALM = [
    # over, or about something else
    "má tui gọi nói hôm qua đường huyết cao quá máy đo hổng đọc được đi cấp cứu về rồi giờ ổn",
    "máy đo đường huyết hổng đọc được chắc hết pin tui muốn hỏi chỗ mua pin",
    "sáng nay mệt quá tui ngủ hổng dậy được trễ làm muốn hỏi thủ tục",
    "má tui gọi nói hồi sáng bả té trong nhà tắm mà tự đứng dậy được rồi",
    "nghe hàng xóm kể năm ngoái thằng nhỏ nhà đó leo cửa sổ té gãy chân",
    "con tui leo cửa sổ té trầy đầu gối thôi hổng sao",
    "hôm qua chồng đánh chị tui xong xách xe đi rồi giờ chỉ đỡ rồi muốn hỏi làm đơn",
    # a scam: said safe after the call
    "số lạ gọi nói con tui bị lừa qua campuchia đòi tiền chuộc mà con tui đang ở nhà",
    # dog catchers, a driver who overcharges
    "đội bắt chó của phường đi bắt chó thả rông ngoài chợ",
    "tài xế chạy vòng vòng tính thêm tiền tui muốn khiếu nại",
    "bà ngoại ôm đầu la đau hoài mấy bữa nay muốn hỏi bác sĩ thần kinh",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_round38k_emergency(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_round38k_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


def _service(text: str, service: str) -> str | None:
    ws = standard(tokens(text))
    return round38k_service(service, select(candidates(ws)), ws)


def test_a_burglar_climbing_in_stays_police() -> None:
    assert _service("thằng trộm leo cửa sổ vô nhà té gãy chân nằm im", "113") == "113"
    assert _service("thằng nhỏ leo cửa sổ té gãy chân nằm im", "113") == "115"


def test_a_wielded_machine_stays_police() -> None:
    assert _service("ổng cầm máy cưa chém trúng tay tui máu ra nhiều", "113") == "113"
    assert _service("tụi nó lấy máy cắt chém ba tui chảy máu nhiều lắm", "113") == "113"
    assert _service("bị máy cắt văng lưỡi chém trúng tay máu ra nhiều", "113") == "115"


def test_the_attacker_still_acting_stays_police() -> None:
    text = "ổng đánh chị tui chảy máu nhiều xách xe đi rồi quay lại chém tiếp"
    assert _service(text, "113") == "113"


def _claimed(text: str) -> list[tuple[int, int]]:
    ws = standard(tokens(text))
    return round38k_revise(all_marks(ws), ws)["claimed"]


def test_a_lure_is_no_scam_but_a_scam_stays_one() -> None:
    assert not _claimed("chị tui gọi nói bị lừa tới một căn nhà nhốt lại đòi tiền chuộc")
    assert _claimed("số lạ gọi nói con bị bắt cóc đòi tiền chuộc đúng là lừa đảo")
    assert _claimed("có người gọi nói bị lừa vô nhà nghỉ giữ lại đòi tiền hóa ra lừa đảo")
