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


def test_a_cut_ahead_fears_only_the_machine() -> None:
    text = "mai cắt điện cả xóm mà ba tui thở máy nhưng giờ ba tui ngưng thở rồi"
    ws = standard(tokens(text))
    start = ws.index("thở")
    assert _marks(text)["feared"] == [(start, start + 2)]


def test_a_water_cut_is_not_feared() -> None:
    assert not _marks("mai cắt nước mà hai ông bà già hổng có nước uống")["feared"]


def test_the_caller_s_own_bill_settles_nothing() -> None:
    assert not _marks("con tui co giật mà tui hổng có tiền đóng viện phí")["resolved"]
    assert _marks("ảnh bị té giàn giáo mà chủ thầu hổng chịu trả viện phí")["resolved"]


def test_tonight_ends_a_past_stretch() -> None:
    ws = standard(tokens("hôm qua ổng mới mổ đêm nay sốt run"))
    night = ws.index("đêm")
    assert all(e <= night for _, e in all_marks(ws)["past"])


# The mend after the review: a sign said now stays now after a power cut, a carer's
# instruction, an unpaid bill or an aftermath; "hồi tối nay" is past; the entries'
# look-alikes stay calm; an attacker still lurking keeps the police.
KEPT_NOW = [
    ("mai cúp điện mà bà nội tui co giật mắt trợn ngược", "115"),
    ("nhà cô mai mất điện rồi ổ điện chập cháy lan lên mái", "114"),
    ("chị mai mất điện tối thui té cầu thang bất tỉnh", "115"),
    ("ông tui sắp chết rồi mất điện máy thở ngưng chạy", "115"),
    ("bác sĩ dặn theo dõi tim mạch bả tự nhiên ngã gục bất tỉnh", "115"),
    ("bác sĩ dặn canh chừng ổng co giật sùi bọt mép rồi", "115"),
    ("y tá dặn để ý vết khâu mà giờ máu ra nhiều quá", "115"),
    ("ông tui ăn cơm xong ôm bụng gục xuống luôn", "115"),
    ("má tui nhức đầu dữ quá ôm đầu gục xuống", "115"),
    ("tự nhiên ba tui ôm đầu gục trên ghế", "115"),
    ("em tui bị máy cắt đứt tay đang chảy máu nhiều mà chủ xưởng không chịu đóng viện phí", "115"),
    ("con tui lên cơn co giật mà người nhà không có tiền đóng viện phí", "115"),
    ("ba tui ngưng thở rồi mà bảo hiểm không chịu chi viện phí", "115"),
    ("thằng cướp giựt túi làm bà tui té bể đầu mất hết tiền giờ hổng có tiền đi viện", "113"),
    ("ba tui vừa té từ trên nóc nhà xuống giờ nằm liệt một chỗ hổng có tiền", "115"),
    ("bà tui mới bị tai biến giờ nằm liệt luôn hết thuốc", "115"),
    ("đánh nhau tan rồi còn thằng kia núp sau bụi chuối bạn tui bị đâm thủng bụng", "113"),
    ("đánh nhau tan rồi còn thằng kia trốn sau nhà bạn tui bị đâm chảy máu", "113"),
]

KEPT_CALM = [
    "sáng mai cúp điện cả ngày mà má tui thở máy ở nhà",
    "bác sĩ dặn canh ngưng thở mà cái máy đo hư rồi muốn hỏi mua cái mới",
    "nó học khuya ôm đầu gục ngủ luôn trên bàn",
    "cả đám cười ôm bụng gục xuống",
    "ba tui bị trộm mất hết tiền bán lúa giờ nhà hết gạo",
    "bị giựt giỏ mất sạch tiền giờ mấy mẹ con hổng có gì ăn",
    "má tui té cầu thang hồi tháng trước giờ nằm liệt một chỗ hết tã",
    "hồi khuya nay má tui bị khó thở chừng mấy phút rồi hết",
    "hồi tối nay thằng nhỏ co giật chút xíu rồi hết giờ muốn hỏi thuốc",
    "tui đau như dao đâm sau lưng vì bạn thân lừa tui",
    "ba tui ngủ hay ngáy lâu lâu mới thở một cái tui muốn hỏi chỗ khám",
    "chạy cả buổi lâu lâu mới thở được một chút",
    "ổng uống say về ói sặc sụa khắp nhà",
    "mùa lũ nước vây quanh xóm tui năm nào cũng vậy",
    "thằng cháu trộm heo đất của bà nó",
    "tụi nó đang dắt xe ra đi làm",
    "trời rét quá thằng nhỏ chân lạnh tím mà hổng có áo ấm",
    "tui lấy cái mền trùm lên mặt ngủ cho đỡ sáng",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), KEPT_NOW)
def test_round37h_mend_keeps_what_is_said_now(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", KEPT_CALM)
def test_round37h_mend_keeps_look_alikes_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


@pytest.mark.usefixtures("rules_only")
def test_a_sigh_is_no_rare_breath() -> None:
    # the model alone read this sigh as an emergency before round 37H too
    assert parse_need("bả buồn quá lâu lâu mới thở dài một cái").urgency != "emergency"


def test_a_name_or_a_cut_done_is_no_cut_ahead() -> None:
    assert not _marks("nhà chị mai mất điện mà ông tui thở máy")["feared"]
    assert not _marks("mai mất điện rồi mà ông tui thở máy")["feared"]
    assert _marks("tối mai mất điện mà ông tui thở máy")["feared"]


def test_only_a_carer_s_instruction_is_feared() -> None:
    assert not _marks("tui dặn coi chừng co giật")["feared"]
    assert _marks("bác sĩ dặn coi chừng co giật")["feared"]


def _service(text: str, service: str) -> str | None:
    ws = standard(tokens(text))
    return round37h_service(service, select(candidates(ws)), ws)


def test_a_fight_over_with_a_wound_is_medical() -> None:
    assert _service("đánh nhau giải tán rồi mà còn một người bị chém", "113") == "115"


def test_a_fight_over_then_a_new_attack_stays_police() -> None:
    text = "đánh nhau tan rồi mà giờ tụi nó quay lại cầm dao rượt chém người"
    assert _service(text, "113") == "113"
