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
    ("ba tui gọi nói tụi trộm chó đang bắt chó nhà ổng còn lấy dao chém ổng", "113"),
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


# -- the mend of round 38K (review A1 to C): readings that must not be lost or gained ------

MENDED_EMERGENCIES = [
    # A1: about to jump from a floor, or into water, with no height word
    ("ông chú tui sắp nhảy lầu rồi", "114"),
    ("cháu tui nhắn tin nói nó chuẩn bị nhảy lầu trường học", "114"),
    ("có anh thanh niên sắp nhảy xuống kênh nhiêu lộc", "114"),
    ("má gọi nói có bà kia đứng ở mố cầu chuẩn bị nhảy xuống sông", "114"),
    ("chị tui nhắn nói thất tình quá sắp nhảy xuống biển cho xong", "114"),
    ("cô hàng xóm sắp nhảy xuống cái ao sau nhà", "114"),
    # A2: the everyday word for blood sugar, beyond the meter
    ("bà nội đường lên cao quá máy hổng đọc được", "115"),
    ("ổng đường cao quá trời máy đo hổng đo được", "115"),
    # B1: a fall this morning, still on the floor
    ("bà nội té hồi sáng sớm tới giờ dậy hổng được", "115"),
    # B2: a hired ride, the driver going round and not letting her off
    ("con gái tui nhắn nói ông xe ôm chở nó chạy vòng vòng hổng cho xuống", "113"),
    # B3: thieves taking the dog right now
    ("tụi cẩu tặc đang câu chó nhà tui ngoài cổng", "113"),
    # B4: an attacker with a saw, a husband, a motorbike that is only a vehicle
    ("thằng cha hàng xóm nổ máy cưa xông vô chém anh tui máu ra nhiều", "113"),
    ("tui đang chạy xe máy về thì bị ông kia chém trúng vai chảy máu nhiều", "113"),
    # B5: one rode off, the others are still there
    (
        "mấy thằng đó đánh anh tui rồi một thằng xách xe đi còn hai thằng kia vẫn đứng đó "
        "anh tui chảy máu đầu nhiều",
        "113",
    ),
    # B7: a stranger who climbed and fell stays police
    ("có người lạ trèo cửa sổ nhà bên té xuống chảy máu đầu", "113"),
]

MENDED_CALM = [
    # A2: a fever or a pressure the meter cannot show is no emergency by itself, and not
    # calmer than high either (see test_a_meter_never_lowers_a_reading)
    # B1: a fall days or months ago
    "ông nội té hồi tết tới giờ hổng dậy được nằm một chỗ",
    "má tui té mấy hôm rồi hổng dậy được đi lại khó",
    "bà ngoại té hôm kia tới giờ hổng dậy được muốn hỏi chỗ chụp phim",
    # B2: a coach, a bus, a fair ride going round
    "chiếc xe khách chạy vòng vòng đón khách hổng cho xuống dọc đường",
    "xe buýt hổng dừng đúng trạm hổng cho xuống chở đi đâu hổng biết tui muốn khiếu nại",
    "đu quay chạy vòng vòng con tui sợ đòi xuống mà hổng cho xuống",
    # B3: catching a dog is no theft, a dog carried off is over
    "tui đang bắt chó con bị kẹt dưới cống mà hổng được",
    "tui muốn nhờ người bắt chó bị rớt xuống giếng",
    "đội bắt chó phường bắt chó nhà tui nhốt lại hổng cho chuộc",
    "cẩu tặc bắt chó chở đi mất tiêu",
    # B6: despair and an exam failed; a knock the child got up from
    "má tui ôm đầu la trời vì con thi rớt đại học",
    "thằng nhỏ bị bóng đập trúng ôm đầu la đau rồi té xuống xong đứng dậy chơi tiếp",
    "con bé cụng đầu vô bàn ôm đầu la đau rồi ngã xuống xong nín rồi",
    # C: an unknown number relaying a "lure" is still a scam
    "số lạ gọi nói con chị bị lừa qua campuchia bị nhốt đòi tiền chuộc hai trăm triệu",
    "số lạ nhắn tin nói con tui bị lừa xuống miền tây bị nhốt đòi tiền",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), MENDED_EMERGENCIES)
def test_round38k_mended_emergency(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", MENDED_CALM)
def test_round38k_mended_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(
    "text",
    [
        "thằng cu nhà tui sốt cao quá máy đo hổng đọc được",
        "ông ngoại sốt cao quá máy đo hổng đo được người nóng ran",
        "má tui huyết áp cao quá máy đo hổng đọc được",
    ],
)
def test_a_meter_never_lowers_a_reading(text: str) -> None:
    assert parse_need(text).urgency == "high"


def test_the_machine_rule_reads_only_a_blade() -> None:
    text = "ông hàng xóm ôm máy cưa chém ba tui đứt tay chảy máu"
    assert _service(text, "113") == "113"
    text = "tui đang chạy xe máy thì bị ông kia chém vô tay chảy máu quá trời"
    assert _service(text, "113") == "113"
    assert _service("chồng tui đạp cái máy giặt rồi đánh tui bể đầu chảy máu", "113") == "113"


@pytest.mark.usefixtures("rules_only")
def test_a_bike_that_will_not_stand_up_is_nobody_fallen() -> None:
    assert parse_need("tui té xe mà dựng xe hổng dậy được kêu người qua phụ").urgency != "emergency"
    assert parse_need("tui té xe nằm đó hổng dậy được").urgency == "emergency"


def test_one_of_several_riding_off_stays_police() -> None:
    text = "tụi nó đánh chú tui xong một thằng xách xe đi chú tui chảy máu đầu nhiều lắm"
    assert _service(text, "113") == "113"
    text = (
        "thằng kia đánh chú tui xong xách xe đi giờ chú tui chảy máu quá còn mấy thằng kia đứng đó"
    )
    assert _service(text, "113") == "113"


def test_a_relative_relaying_a_lure_is_no_claim_a_stranger_still_is() -> None:
    assert not _claimed("anh tui nhắn nói ảnh bị lừa vô một cái xưởng nhốt lại đòi tiền chuộc")
    assert _claimed("số lạ gọi nói con bị lừa vô một cái xưởng nhốt lại đòi tiền chuộc")
