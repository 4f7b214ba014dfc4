"""Round 34B of issue 13: very old callers, disfluent (fillers, self-repairs, repeats), about
a spouse or a neighbour (cases in our own words, with look-alikes that stay calm); rules
alone and with the model."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from callbot.understanding.need_round34b import round34b_revise, unbroken
from callbot.understanding.need_time_marks import time_marks

EMERGENCIES = [
    # not waking, a snoring breath: a filler and a repeat inside
    ("má tui ờ má tui ngủ ờ ngủ gọi không dậy mà thở khò khè", "115"),
    ("ông xã tui nằm trưa tới giờ kêu hổng dậy ờ thở khò khè to lắm", "115"),
    # the heart pounding said again after a filler, then near-fainting
    ("bà nhà tui tim đập mạnh lắm ờ đập thùm thụp rồi bả choáng muốn té", "115"),
    ("bả tim ờ tim bả đập ờ đập loạn xạ rồi bả xỉu", "115"),
    # a fall, a self-repair, a limb bent out of shape
    ("ông nhà tui trượt à lộn ổng té ngoài hiên cái chân lệch hẳn qua một bên", "115"),
    # blood from the ears, then snoring after a crash by a canal
    ("thằng cháu tui té xe xuống mương máu lỗ tai chảy ra rồi ngáy o o", "115"),
    ("ổng té cầu thang máu tai ờ máu tai chảy ra rồi ngáy khò khò", "115"),
    # a stranger, fillers, dragging a child
    ("có ông lạ ờ ờ cái ông đó ổng lôi đứa nhỏ nhà bên đi", "113"),
    # a stroke, carried home, a sign said after it
    ("ba tui bị tai biến người ta chở về nhà rồi mà ổng nằm im không nói được", "115"),
    # the person, or a filler and the person again, between the heart and its stop
    ("tim ông nội tui ngừng đập rồi", "115"),
    ("tim bả ờ bả hổng đập nữa", "115"),
    ("con đo máy quấn tay cho ba thấy hai trăm hai ổng ôm đầu ói hoài", "115"),
    # writer W32's regional words, said our way
    ("thằng con tui bị ong đất chích sưng tay rồi nó xây xẩm mặt mày", "115"),
    ("bà già tui bị ong nghệ đốt đầy mình giờ đầu quay mòng mòng", "115"),
    ("ông xã tui áp huyết lên hai trăm hai nhức đầu ói quá", "115"),
    ("ba tui áp huyết cao hai trăm mốt đang xây xẩm", "115"),
    ("đo máy cho ba tui có bảy mươi tám mà ổng lừ đừ", "115"),
    ("tía tui đo máy hai trăm hai nhức đầu quá trời", "115"),
    ("xờ pê ô hai của mẹ tui còn tám mươi hai", "115"),
    ("con dâu tui sanh tại nhà mà nhau không ra máu ra hoài", "115"),
    (
        "à ông tư ổng bị chóng mặt à hổng phải ổng bị tai biến ngoài vườn người ta khiêng vô nhà "
        "rồi mà giờ ổng lơ mơ",
        "115",
    ),
]

CALM = [
    "hồi nãy tim đập thình thịch muốn té mà giờ hết rồi",
    "ông nhà tui ngáy khò khò cả đêm tui ngủ không được",
    "năm ngoái bả té gãy tay méo qua một bên giờ lành rồi",
    "bảo vệ đưa thằng nhỏ về nhà rồi",
    "ba tui bị tai biến đưa vô viện rồi giờ ổn rồi",
    "hôm qua cháu tui té xe trầy chân giờ nằm ngủ ngáy o o",
    "ờ ờ ông nhà tui ổng hỏi ờ hỏi tiền thuốc ở đâu lãnh",
    "bị ong lỗ chích tuần trước giờ hết sưng rồi",
    "tui bị ong bầu chích một cái hơi nhức thôi",
    "má tui áp huyết một trăm hai mươi hỏi thuốc ở đâu",
    "đo máy cho bà nội chín mươi tám ngủ ngon",
    "sờ pê ô hai má tui chín mươi bảy bình thường",
    "tui sinh tại nhà hồi năm ngoái giờ hỏi làm giấy khai sinh",
    # a threat whose maker left; a labour denied (no "đè đầu")
    "ông hàng xóm dọa đánh tui mà ổng về rồi tui muốn phản ánh",
    "vợ tui hổng đẻ đâu mà tui hỏi tiền sinh",
    "hồi năm ngoái tim ổng ngưng đập mà bác sĩ cứu được giờ khỏe rồi",
    "đo máy đường huyết cho ba tui hai trăm hỏi ăn gì",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_round34b_emergency(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_round34b_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


def test_carried_home_without_a_sign_after_stays_resolved() -> None:
    ws = ["người", "ta", "khiêng", "bả", "vô", "nhà", "rồi"]
    assert round34b_revise(time_marks(ws), ws)["resolved"]


def test_carried_home_with_a_sign_after_is_no_resolution() -> None:
    ws = ["người", "ta", "khiêng", "bả", "vô", "nhà", "rồi", "mà", "bả", "không", "nói", "được"]
    assert not round34b_revise(time_marks(ws), ws)["resolved"]


@pytest.mark.usefixtures("both")
def test_a_threat_back_after_its_maker_left_stays_an_emergency() -> None:
    need = parse_need("thằng say rượu đòi đánh tui mà nó đi rồi giờ nó quay lại cầm dao")
    assert (need.urgency, need.service) == ("emergency", "113")


@pytest.mark.usefixtures("both")
def test_a_person_gone_after_a_faint_is_no_threat_over() -> None:
    need = parse_need("ba tui xỉu mà ổng đi rồi")
    assert (need.urgency, need.service) == ("emergency", "115")


# Each kind of disfluency, said by us: a hesitation inside a phrase, between a body word and
# its sign, a denial or a person said again across one, a restart, a self-repair.
DISFLUENT = [
    ("ông xã tui thở ờ thở hổng nổi nữa", "115"),
    ("má tui mặt ờ tím tái hết rồi", "115"),
    ("ba tui lay hổng ờ hổng dậy", "115"),
    ("máu ờ chảy hổng cầm được ở đầu gối bả", "115"),
    ("tim ổng ờ ổng ngưng đập rồi", "115"),
    ("ông xã tui thở à thở hổng nổi nữa", "115"),
    ("nhà tui bị ờ bị cháy ờ cháy lớn lắm", "114"),
    ("có thằng cầm ờ cầm dao xông vô nhà", "113"),
    ("ông nhà tui bị ho à lộn bị khó thở", "115"),
]
DISFLUENT_CALM = [
    "hồi ờ năm ngoái ổng bị tai ờ biến giờ khỏe rồi",
    "bả hổng có ờ khó thở gì hết chỉ ho sơ sơ",
    "lỡ mà ổng ờ ngưng thở thì tui gọi số nào",
    "tui coi ti vi thấy ờ cháy chung ờ cư tui hỏi mua bình chữa ờ cháy",
    "ổng té ờ té sơ sơ hổng sao đâu giờ đỡ rồi",
    "ổng đau ờ đau bụng chút xíu hỏi thuốc gì",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), DISFLUENT)
def test_round34b_disfluent_emergency(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", DISFLUENT_CALM)
def test_round34b_disfluent_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("ờ ổng thở ờ hổng nổi", "ờ ổng thở hổng nổi"),  # a leading one is kept
        ("lay hổng ờ hổng dậy", "lay hổng dậy"),
        ("tim ổng ờ ổng ngưng đập", "tim ổng ngưng đập"),
        ("thở à thở hổng nổi", "thở hổng nổi"),
        ("chín mươi à bà ngủ", "chín mươi à bà ngủ"),  # a particle that ends what was said
        ("vợ tui chuyển dạ rồi", "vợ tui chuyển dạ rồi"),
        ("nói ú ớ", "nói ú ớ"),
    ],
)
def test_unbroken_reads_across_hesitations_only(said: str, read: str) -> None:
    assert " ".join(unbroken(said.split())) == read
