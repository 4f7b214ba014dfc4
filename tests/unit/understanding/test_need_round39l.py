"""Round 39L of issue 13: very short blurted lines; cases in our own words, with look-alikes
that stay calm (a thing dropped, a near miss, asked about, in case, only words, a game, a fire
over) and dangers said now after a calming word; rules alone and with the model."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

EMERGENCIES = [
    # stabbed or slashed by a knife
    ("anh tui bị dao đâm ngực", "115"),
    ("ông chú bị dao chém trúng tay máu tùm lum", "115"),
    # half the body numb, "ngừi"
    ("ba tui tự nhiên yếu nửa ngừi", "115"),
    # a fall from a floor with "rớt"
    ("đứa cháu rớt từ ban công xuống sân", "115"),
    ("ông thợ sơn rớt từ lầu ba", "115"),
    # a power saw's cut into the body
    ("chú tui xài máy cắt sắt cứa trúng cổ tay", "115"),
    # a cry for help and choking
    ("cứu với bà nội tui nghẹn cục xôi", "115"),
    # raw cassava
    ("hai đứa nhỏ ăn sắn sống giờ chóng mặt ói", "115"),
    # the baby's feet first
    ("vợ em đang sanh mà mông em bé ra trước", "115"),
    # born where no one could help
    ("chị dâu sanh em bé trên taxi", "115"),
    # many fell sick after one meal
    ("mấy chục người ăn tiệc cưới về ói mửa tiêu chảy", "115"),
    # a late period and a hard belly pain
    ("bạn gái tui chậm kinh mà đau bụng quặn thắt", "115"),
    # a baby of a month or two
    ("bé mới một tháng bỏ bú lừ đừ", "115"),
    # a danger said now after a calming word still counts
    ("thằng nhỏ suýt té xuống ao giờ nó co giật", "115"),
    ("vợ chồng cãi nhau thôi hông đánh mà giờ ổng cầm dao đâm bả", "113"),
    ("con tui la làng là chơi thôi mà giờ nó té đập đầu chảy máu", "115"),
    ("nhà cháy hết rồi hổng chỗ ngủ mà giờ lửa lan qua nhà kế bên", "114"),
    # mend: a near miss the danger then came true, or a hurt said after it
    ("ông ngoại xém té cầu thang rồi té thiệt đập đầu", "115"),
    ("tui xém bị chém mà nó chém trúng vai ông anh", "113"),
    # mend: someone there, asked about ("ổng", "bé"), is not a general question
    ("hỏi thử ổng nằm bất tỉnh thì làm sao", "115"),
    ("hỏi chút bé sặc sữa tím tái thì làm sao", "115"),
    # mend: a hurt while playing is not a game
    ("con tui té đập đầu chảy máu là chơi cầu trượt thôi", "115"),
    ("nó bị điện giật là chơi cái sạc thôi", "115"),
    # mend: a lift that falls keeps the lexicon's reading
    ("thang máy rớt từ tầng bốn xuống", "114"),
]

CALM = [
    # a thing dropped from a floor
    "cái điện thoại rớt từ lầu xuống bể màn hình",
    # a saw cutting wood, a saw bought
    "máy cưa cắt trúng ống nước bể hết",
    "hỏi chỗ mua máy cắt cỏ",
    # tears, not choking
    "nghe tin ổng mất nghẹn ngào quá",
    # cassava bought to cook, a sick spell over
    "mua khoai mì sống về luộc ăn",
    # a breech named before labour, a feared one
    "siêu âm thấy em bé ngôi mông hẹn tuần sau mổ",
    # a crowd that ate and nobody sick
    "cả xóm ăn đám giỗ xong về ngủ hết",
    # a late period alone
    "trễ kinh mấy bữa muốn mua que thử",
    # a near miss
    "thằng em xém bị xe tông hết hồn",
    "con nhỏ suýt chết đuối hồi tháng trước giờ đi học bơi",
    # in case
    "lỡ có trộm vô nhà thì gọi số nào",
    # only words
    "hai đứa cãi nhau thôi hông có đánh",
    # asked what to do
    "hỏi thử bị rắn cắn thì làm sao",
    # a fire over, nowhere to sleep
    "nhà cháy rụi rồi giờ hổng có chỗ ở",
    # a game
    "tụi nhỏ la cướp cướp là đang chơi trò đóng kịch thôi",
    # mend: a knife as a betrayal or a feeling
    "bị dao đâm sau lưng bởi đứa em kết nghĩa",
    "nghe nó nói mà như bị dao đâm vô ngực",
    # mend: things and prices fall from a floor, not people
    "quần áo phơi rớt từ ban công xuống hẻm",
    "cái nón của thằng nhỏ rớt từ lầu hai",
    # mend: a saw cutting into a thing's "leg" or "neck"
    "máy cưa cắt trúng chân bàn gãy luôn",
    "lưỡi cưa cắt vô cổ chai bể",
    # mend: a cry with tears, not a throat blocked
    "cứu em với nghẹn ngào quá trời",
    # mend: a breech seen on a scan, an operation planned
    "bác sĩ siêu âm nói mông em bé ra trước còn một tháng nữa",
    "em bé ra chân trước nên bác sĩ hẹn mổ thứ hai",
    # mend: a crowd that ate, already better
    "cả lớp ăn bánh mì xong đau bụng uống men tiêu hóa rồi đỡ",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), EMERGENCIES)
def test_round39l_emergency(text: str, service: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", service), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_round39l_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


def test_in_case_is_not_an_act_by_mistake() -> None:
    # "lỡ uống" is drinking by mistake, and "rồi" says it happened
    assert parse_need("lỡ uống lộn thuốc gọi số nào").urgency == "emergency"
    assert parse_need("lỡ cháy nhà rồi gọi số nào").urgency == "emergency"


def test_asked_about_ones_own_child_stays() -> None:
    assert parse_need("hỏi coi con tui co giật thì làm sao").urgency == "emergency"
