"""Round 12 of issue 13 (medical emergencies described, the seventh development part's writers
p to u): stroke signs said plainly, choking that cannot cough, a throat closing, low sugar after
insulin, a caustic swallowed, an overdose with snoring, Vosk's "rắn lụt", "dỡ ối", "đọng
kinh", "ra quyết" after a birth; with our own sentences and their look-alikes, read by the
rules alone (the statistical model must not be what makes these pass)."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        # two stroke signs said plainly
        "ông nội tui tự nhiên giơ tay hổng lên được miệng méo qua một bên",
        "bà tui đang ăn cháo làm rớt cái muỗng rồi nói chuyện ngọng líu",
        "ba tui nãy giờ nói năng lộn xộn nửa người bên trái tê cứng",
        "mẹ em cánh tay phải không cử động được mắt đứng tròng",
        # choking that cannot cough
        "con tui bị hóc hột nhãn giờ không ho ra được",
        "ông cụ mắc nghẹn miếng thịt ho không ra mặt tím",
        # a throat closing
        "em ăn tôm xong giờ cổ họng thắt lại thở không nổi",
        "thằng nhỏ bị ong chích giờ họng như bị bóp nghẹt",
        # low sugar after insulin
        "ba tui tiêm insulin rồi quên ăn giờ run cầm cập vã mồ hôi",
        "má chích in xu lin xong giờ lơ mơ nói sảng",
        # a caustic swallowed, an overdose with snoring
        "thằng út uống nhầm nước javen trong chai nước suối",
        "con gái tui nuốt phải nước thông cống giờ ói hoài",
        "anh tui nốc hết vỉ thuốc an thần giờ ngáy khò khò kêu không dậy",
        # Vosk's spellings: a snake, the waters, a fit, bleeding after a birth
        "chú ba bị rắn lụt cắn ở bờ ruộng",
        "chị tui mới tám tháng mà bể nước ối rồi",
        "thằng cháu lên cơn đọng kinh hoài không dứt",
        "vợ tui mới sanh ở nhà hồi trưa giờ ra quyết quá trời",
    ],
)
def test_medical_emergencies_described_are_115(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        # one sign alone, a figure of speech, a question, a habit, something over
        "thằng nhỏ nhà tui mới hai tuổi nói còn ngọng ngọng",
        "tức muốn đột quỵ với cái ông hàng xóm",
        "cho hỏi dấu hiệu méo miệng nói ngọng là bệnh gì",
        "ba tui bị tiểu đường chích insulin mỗi ngày muốn hỏi chỗ lãnh thuốc",
        "con tui bị đọng kinh uống thuốc hằng ngày giờ hết thuốc",
        "năm ngoái tui bị rắn lụt cắn giờ lành rồi muốn hỏi hỗ trợ",
        "chị tui sanh xong về nhà rồi khỏe re muốn đăng ký khai sinh",
    ],
)
def test_their_look_alikes_are_no_emergency(text: str) -> None:
    assert parse_need(text).urgency != "emergency"
