"""Round 13 of issue 13 (the lead's probes of false emergencies): a harmless drink taken by
mistake, a tripped breaker, which number or what to do asked about, a dream, a rumour, a
film or a game told as such, a medicine taken as prescribed (:mod:`callbot.understanding.
need_look_alikes_asked`), with our own wordings, and the emergencies beside them that must
stay; read by the rules alone."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        # a harmless drink or food taken by mistake
        "con tui uống nhầm ly nước lọc của anh nó có sao không",
        "thằng nhỏ lỡ uống nhầm hộp sữa của em nó",
        "cháu tui uống nhầm mấy viên vitamin của em nó có sao không bác sĩ",
        "em bé uống nhầm nước cam của anh hai",
        "ba tui uống nhầm chai nước ngọt của tui",
        "con tôi uống nhầm cốc nước của bố nó",
        "tui lỡ uống nhầm ly cà phê của vợ",
        "con tui uống lộn ly trà sữa của chị hai nó",
        # a tripped breaker, the power cut, nothing burning
        "nhà tui bị sập cầu dao cúp điện hết trơn",
        "tự nhiên nhảy cầu dao mất điện cả nhà",
        "bật máy lạnh lên là sập cầu giao",
        "nhà tôi bị nhảy át mất điện cả tối",
        # which number, what to do, asked about
        "cho em hỏi lúc thấy chung cư bốc cháy thì gọi số nào",
        "khi bị cướp giật thì gọi số nào vậy em",
        "cháy nhà thì gọi số mấy vậy chị",
        "hỏi chút cháy nhà gọi một một bốn hay một một ba",
        "thấy cháy rừng thì báo cho ai",
        "khi có hỏa hoạn phải làm gì",
        "khi thấy nhà kế bên cháy thì gọi số mô rứa o",
        "khi bị cướp thì báo ai vậy anh ơi",
        "người bị hạ đường huyết thì cho ăn gì vậy chị",
        "cho hỏi triệu chứng đột quỵ gồm những gì",
        # a dream, a rumour, a game or a film told as such
        "tui chiêm bao thấy ba bị đột quỵ",
        "em nằm mơ thấy bị người ta đâm",
        "nghe đồn ở xóm trên có người bị bắt cóc không biết thiệt không",
        "nghe tiếng la cướp cướp chạy ra coi thì tụi nhỏ chơi game thôi",
        # a medicine taken as prescribed
        "mẹ tui uống thuốc ngủ mỗi tối bác sĩ kê",
        "má tui đang uống thuốc ngủ theo đơn bác sĩ",
        "bà tui uống thuốc ngủ mỗi đêm một viên cần mua thêm",
    ],
)
def test_harmless_breakers_questions_dreams_and_prescriptions_are_no_emergency(
    text: str,
) -> None:
    assert _service(text)[0] != "emergency"


@pytest.mark.parametrize(
    ("text", "service"),
    [
        # a poison, a caustic, an overdose taken by mistake
        ("con tui uống nhầm thuốc chuột giờ ói quá trời", "115"),
        ("ông nội uống nhầm thuốc trừ sâu", "115"),
        ("thằng nhỏ uống nhầm xăng trong chai nước suối", "115"),
        ("bé uống nhầm chai nước suối mà trong đó là xăng giờ ho sặc sụa", "115"),
        ("thằng nhỏ uống nhầm ly nước giờ co giật sùi bọt mép", "115"),
        ("bà uống nhầm thuốc ngủ cả vỉ gọi không dậy", "115"),
        ("mẹ tui uống thuốc ngủ mỗi tối mà hôm nay uống cả lọ giờ gọi không dậy", "115"),
        # a breaker with sparks, smoke or fire; a jump from a bridge
        ("cầu dao nhảy xong xẹt điện cháy dây khói mù mịt", "114"),
        ("sập cầu dao mà ổ điện còn bốc khói khét lẹt", "114"),
        ("ông hàng xóm nhảy cầu tự tử ngoài sông", "115"),
        # which number asked while it happens
        ("nhà bên cạnh đang cháy lớn lắm tui phải gọi số nào", "114"),
        ("cháy rồi cháy rồi gọi số nào đây", "114"),
        ("trời ơi nhà tui bị cháy thì gọi số mấy vậy", "114"),
        ("con tui bị rắn cắn giờ phải làm sao", "115"),
        ("có trộm đang ở trong nhà tui phải gọi số nào", "113"),
        ("khi tui về tới nhà thì thấy mẹ nằm bất tỉnh dưới đất", "115"),
        # signs seen, not asked; a dream over, then the real fire
        ("ba tui có dấu hiệu đột quỵ miệng méo nói ngọng", "115"),
        ("tui nằm mơ xong tỉnh dậy thì thấy nhà cháy thiệt", "114"),
    ],
)
def test_poisons_burning_breakers_and_live_questions_stay_emergencies(
    text: str, service: str
) -> None:
    assert _service(text) == ("emergency", service)
