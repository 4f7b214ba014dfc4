"""Round 37H of issue 13: night and dawn scenes with their mirrors (cases in our own words,
with look-alikes that stay calm: one sign alone, feared, settled, asked about); rules alone
and with the model."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from callbot.understanding.need_base import standard
from callbot.understanding.need_marks import all_marks
from callbot.understanding.need_match import candidates, select
from callbot.understanding.need_round37h import round37h_marks, round37h_service
from callbot.understanding.text import tokens

EMERGENCIES = [
    ("chú ba đang nằm ngoài lộ thì bị xe công nông cán qua", "115"),
    ("con bé nhà tui mắc xương vịt ho hổng ra mặt tím ngắt", "115"),
    ("ổng đang ngồi nhậu tự nhiên ôm ngực gục xuống bàn", "115"),
    ("chú tư đang lái xe đột nhiên ôm đầu gục lên vô lăng", "115"),
    ("bà tui nằm đó cả phút mới thở một cái", "115"),
    ("thằng cháu đi làm về trượt chân té gãy đùi rồi", "115"),
    ("ông hàng xóm đổ mồ hôi lạnh nói sảng từ nãy", "115"),
    ("có bà cụ nằm ngoài chợ cả đêm người lạnh cóng gọi không trả lời", "115"),
    ("ba tui tức ngực quá ngồi dậy hổng nổi", "115"),
    ("thằng con tui tự nhiên đau tinh hoàn sưng vù lên", "115"),
    ("chị tui sinh mổ được năm ngày khuya nay run cầm cập", "115"),
    ("anh hai tui đau như xé trong ngực lan ra sau lưng", "115"),
    ("em bé ngủ bị cái mền trùm lên mặt giờ thở hổng được", "115"),
    ("ông chú say quá ói sặc thở khò khè", "115"),
    ("ba tui than bàn chân lạnh tím đau dữ lắm", "115"),
    ("cô ấy đau bụng dưới dữ dội mặt tái mét", "115"),
    ("hai cha con đi bắt ốc bị nước lên bao vây ngoài bãi bồi", "114"),
    ("có mấy thằng đang dắt trộm trâu ngoài ruộng nhà tui", "113"),
    ("tụi nó đang dắt xe máy ra khỏi nhà tui", "113"),
    ("hai nhóm đánh nhau xong chạy hết rồi còn một đứa bị đâm nằm đó", "115"),
    # a past stretch ends at "tonight"
    ("vợ tui sinh mổ hôm thứ hai tới đêm nay sốt run cầm cập", "115"),
]

CALM = [
    "tui muốn hỏi hầm xương gà nấu cháo cho con được không",
    "trời lạnh cóng mà tui chưa có mền đắp",
    "vợ tui sinh mổ tháng trước giờ muốn hỏi chế độ thai sản",
    "mai khu tui cúp điện cả ngày mà má tui xài máy tạo oxy ở nhà",
    "bác sĩ dặn coi chừng co giật lại mà nhà tui hổng có nhiệt kế",
    "ba tui bị máy cắt đứt ngón tay mà công ty hổng chịu trả viện phí",
    "má tui bị cướp giật mất hết tiền giờ hổng có tiền mua gạo",
    "bà tui đột quỵ năm ngoái giờ nằm liệt giường hết tã rồi",
    "tui muốn hỏi nhà tui bị trộm con chó hồi tuần trước giờ làm đơn ở đâu",
    "nhà tui nuôi bò muốn hỏi chích ngừa cho bò ở đâu",
    "thằng nhỏ học bài khuya quá ôm đầu gục ngủ trên bàn",
    "cái xe đạp của tui bị xe ba gác cán cong vành",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_round37h_emergency(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_round37h_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


def _marks(text: str) -> dict[str, list[tuple[int, int]]]:
    return round37h_marks(standard(tokens(text)))


def test_a_cut_asked_about_then_a_turn_is_now() -> None:
    text = "mai cắt điện cả xóm nhưng mà ông tui vừa té xỉu"
    ws = standard(tokens(text))
    feared = _marks(text)["feared"]
    assert feared
    assert all(e <= ws.index("nhưng") for _, e in feared)


def test_a_water_cut_is_not_feared() -> None:
    assert not _marks("mai cắt nước mà hai ông bà già hổng có nước uống")["feared"]


def test_the_caller_s_own_bill_settles_nothing() -> None:
    assert not _marks("con tui co giật mà tui hổng có tiền đóng viện phí")["resolved"]
    assert _marks("ảnh bị té giàn giáo mà chủ thầu hổng chịu trả viện phí")["resolved"]


def test_tonight_ends_a_past_stretch() -> None:
    ws = standard(tokens("hôm qua ổng mới mổ đêm nay sốt run"))
    night = ws.index("đêm")
    assert all(e <= night for _, e in all_marks(ws)["past"])


def _service(text: str, service: str) -> str | None:
    ws = standard(tokens(text))
    return round37h_service(service, select(candidates(ws)), ws)


def test_a_fight_over_with_a_wound_is_medical() -> None:
    assert _service("đánh nhau giải tán rồi mà còn một người bị chém", "113") == "115"


def test_a_fight_over_then_a_new_attack_stays_police() -> None:
    text = "đánh nhau tan rồi mà giờ tụi nó quay lại cầm dao rượt chém người"
    assert _service(text, "113") == "113"
