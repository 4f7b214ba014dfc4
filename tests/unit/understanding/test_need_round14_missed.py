"""Round 14 of issue 13 (writers V and W of the ninth development part: missed emergencies
and wrong services): the attackers gone and the victim badly hurt (115), someone trapped in a
well or under a collapsed roof (114), stroke signs said plainly (115), with our own examples
(other wordings, regions, Vosk's spellings) and their look-alikes, read by the rules alone."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        # the attackers gone, said plainly; bleeding that will not stop
        "tụi nó đâm anh tui xong bỏ chạy hết rồi máu chảy không ngừng",
        "bọn nó chém thằng em tui xong tụi nó đi rồi giờ vết chém sâu lắm máu phun ra",
        "mấy thằng đó đánh ổng xong kéo nhau đi rồi ổng nằm thở khò khè",
        "hai đứa đánh nhau xong thằng kia chạy về rồi thằng này bị dao đâm máu chảy ròng ròng",
        # pressing a cloth on the wound, no one under a collapse
        "thằng đó đâm bạn tui xong chạy mất rồi máu ra nhiều đè mãi không cầm",
        # northern: the husband hit her and left, she cannot speak, breathes badly
        "chồng nó đánh xong bỏ đi rồi chị ấy nằm im không nói được thở yếu lắm",
        # a blow to the head: vomiting and confusion
        "ông bảo vệ bị tụi kia phang vô đầu tụi nó về rồi giờ ổng nôn liên tục nói lung tung",
        "tụi nó đập vô đầu anh tui xong đi hết rồi ảnh ói mửa lơ mơ",
    ],
)
def test_attackers_gone_victim_badly_hurt_is_115(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        # the attacker still there, or coming back
        "tụi nó chém anh tui máu chảy không ngừng mà tụi nó còn đứng ngoài cổng",
        "bọn nó chém chú tui xong chạy rồi giờ quay lại máu chảy nhiều lắm",
        "thằng đó đang đánh vô đầu má tui má tui ói rồi",
    ],
)
def test_attacker_still_there_or_back_stays_113(text: str) -> None:
    assert _service(text) == ("emergency", "113")


@pytest.mark.parametrize(
    "text",
    [
        # a child down a well, Vosk's spellings
        "con bé nhà bên rớt xuống dếng kêu khóc mà không ai xuống được",
        "thằng cháu tui té xuống diếng sâu lắm kéo không lên",
        "đứa nhỏ lọt xuống giếng sâu nghe nó khóc dưới đó",
        # someone still under a collapse said as a moment ago
        "căn nhà cũ sập mái hồi nãy ông cụ còn nằm dưới đống ngói còn kêu được",
        "bức tường sụp hồi sáng anh thợ vẫn kẹt dưới đống gạch",
    ],
)
def test_trapped_in_a_well_or_under_a_collapse_is_114(text: str) -> None:
    assert _service(text) == ("emergency", "114")


@pytest.mark.parametrize(
    "text",
    [
        # stroke signs told plainly by a child or a relative
        "ông nội con tự nhiên nói lảm nhảm rồi tay phải buông thõng",
        "bà ngoại đang ăn cơm cầm đôi đũa cũng rớt miệng méo xệch qua một bên",
        "mẹ tui cầm cái chén là rớt tay trái thõng xuống luôn",
        "ba tui tự nhiên nói lảm nhảm miệng xệch một bên",
    ],
)
def test_stroke_signs_said_plainly_are_115(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        # a fight of last week, a police report
        "tuần trước tụi nó đánh anh tui xong bỏ chạy rồi giờ tui muốn làm đơn tố cáo",
        "hồi năm ngoái bị tụi nó đánh vô đầu xong đi rồi giờ hỏi thủ tục bồi thường",
        # a well covered for safety, a roof that leaks
        "tui muốn hỏi làm nắp đậy cái giếng cho an toàn con nít",
        "mái nhà tui bị dột mỗi khi mưa muốn xin hỗ trợ sửa",
        "cái nhà kho sập mái hồi năm ngoái đồ đạc còn nằm dưới đống ngói",
        # a grandmother's old stroke
        "bà nội tui bị tai biến hồi năm ngoái giờ tay trái còn yếu muốn xin xe lăn",
        "ông tui nói lảm nhảm hoài từ hồi lớn tuổi tui hỏi thuốc bổ não",
    ],
)
def test_look_alikes_are_no_emergency(text: str) -> None:
    urgency, _ = _service(text)
    assert urgency != "emergency"
