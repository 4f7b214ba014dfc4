"""Round 20 of issue 13 (writers G and H of the twelfth development set: missed rescues and
medical emergencies, wrong services, false emergencies): stuck at height, helpless in rising
water, a drowning with a cry for help, freed then ill, snoring breath after a collapse, and the
look-alikes (a first-aid question, a recurring jam, Vosk's "tiêm người" for "tiêm ngừa"), with
our own examples (other wordings, regions, recognition damage), read by the rules alone."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        # stuck at height: a height named, someone who dares not move or come down
        "ông thợ điện leo lên trụ điện bị choáng giờ ôm cột không dám nhúc nhích",
        "thằng nhỏ leo lên ngọn cây xoài giờ hổng dám xuống khóc quá trời",
        "anh thợ hồ đứng trên giàn giáo tầng năm bị run tay chân không leo xuống được",
        "ba tui leo lên mái tôn dọn lá giờ hông dám bò xuống mái trơn quá",
        # hanging from an edge, whoever shouts for help ("ăn ten": Vosk's "ăng ten")
        "có người trượt chân trên sân thượng giờ bám mép tường tầng bốn la cứu",
        "chú hàng xóm sửa ăn ten té giờ đu máng xối la cứu với",
        "con nhỏ trèo ra ngoài đu lan can tầng mười hai hổng leo vô được",
    ],
)
def test_stuck_at_height_is_114(text: str) -> None:
    assert _service(text) == ("emergency", "114")


@pytest.mark.parametrize(
    "text",
    [
        # helpless in rising water
        "lũ về nhanh quá ông nội tui liệt giường nằm trong buồng nước lên tới cổ rồi",
        "nước dâng tới ngực mà má tui bị liệt nằm một chỗ hổng ai khiêng ra",
        "nước lên đến nách rồi bà cụ già yếu khuyết tật ngồi trên giường không đi được",
        # a drowning with a cry for help, the water named
        "cứu cứu có đứa nhỏ bị đuối nước dưới mương",
        "cứu với thằng em tui đuối nước ngoài biển",
    ],
)
def test_helpless_in_water_and_drowning_with_a_cry_are_114(text: str) -> None:
    assert _service(text) == ("emergency", "114")


@pytest.mark.parametrize(
    "text",
    [
        # freed, then ill: what follows the freeing is now and medical
        "ông tui kẹt trong thang máy hồi chiều bảo vệ cạy cửa kéo ra được mà ổng đau ngực dữ dội",
        "má tui bị kẹt thang máy hồi nãy người ta cứu ra được rồi mà bả khó thở tím tái",
        "con tui bị nhốt trong xe hơi hồi trưa đập cửa lôi ra được giờ người mềm oặt li bì",
        # snoring breath after a collapse, a preamble given up before it
        "em hỏi cái sổ hộ khẩu mà thôi khoan chị ơi ba em vừa té xỉu thở ngáy kêu không trả lời",
        "tui định hỏi chuyện đất đai mà để sau đi ông nhà tui ngã quỵ thở ngáy lay không dậy",
    ],
)
def test_freed_then_ill_and_snoring_breath_are_115(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        # a first-aid question, nobody of the caller's named
        "cho tui hỏi bị chó cắn thì có cần chích ngừa liền không",
        "tui muốn hỏi nếu bị điện giật thì nên làm gì trước",
        "hỏi chút bị bỏng nước sôi thì có nên bôi kem đánh răng hông",
        # a recurring event, always handled
        "thang máy chung cư ngày nào cũng kẹt mà bảo vệ mở được tui muốn phản ánh ban quản lý",
        "xóm tui mưa nào cũng ngập tới gối tui hỏi chừng nào nạo vét cống",
        # Vosk's "tiêm người" for "tiêm ngừa", a hurried question
        "cho hỏi gấp chỗ nào tiêm người dại cho con tui đang đứng ngoài đường",
        "em muốn chích người cúm cho mẹ em ở phường mình có không",
    ],
)
def test_first_aid_questions_recurring_jams_and_shots_are_no_emergency(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


@pytest.mark.parametrize(
    ("text", "service"),
    [
        # look-alikes that stay emergencies
        ("cho tui hỏi con tui bị rắn cắn thì có nên buộc ga rô không nó tím chân rồi", "115"),
        ("tuần nào cũng kẹt mà bữa nay ba tui kẹt trong thang máy hơn một tiếng rồi", "114"),
        ("thằng nhỏ té xuống sông đang chìm cứu với", "114"),
        ("con tui đuối nước vớt lên bờ rồi mà hổng thở", "115"),
        ("ông nội tui tiêm người ta tới chỗ làm đâm một nhát máu chảy quá trời", "115"),
        ("ông thợ đang ngồi trên mái nhà thì bị điện giật ngã xuống bất tỉnh", "115"),
    ],
)
def test_look_alikes_that_stay_emergencies(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service)
