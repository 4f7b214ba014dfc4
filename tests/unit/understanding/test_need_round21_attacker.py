"""Round 21A of issue 13 (writers J and K): where the attacker is. Gone, with someone hurt
now: 115; still there and holding, forcing, threatening a child from a height: 113; a jailing,
a victim already in hospital, an attack denied, a fight of yesterday: no police emergency.
Our own examples and their look-alikes, read by the rules alone (need_attacker_round21)."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        # the attacker left, in many wordings, then harm to the body
        "tui bị thằng hàng xóm đâm hai nhát nó bỏ chạy luôn giờ tui xây xẩm mặt mày",
        "ba tui bị tụi nó chém xong tụi nó leo lên xe chạy mất rồi ổng chảy máu quá trời",
        "có hai người đánh nhau xong một người bỏ chạy dồi người kia nằm đó bể đầu",
        "thằng đó tạt axit vô mặt con gái tui rồi nó phóng xe đi mất con tui la rát quá",
        "em bị xe máy tông người ta bỏ chạy luôn em gãy chân đứng dậy hổng nổi",
        "chị bị chồng đánh ảnh đi rồi mà chị đang mang thai giờ ra máu nhiều",
        "anh tui bị mấy thằng say đánh xong tụi nó lên ghe chạy rồi ảnh gãy tay",
        "mẹ tui bị ông đó đập xong ổng chạy mất dạng mẹ tui nằm bất động",
        # reported home after the attack, head-injury signs now
        "con tui đi học về nói bị thằng lớp trên đánh vô đầu giờ nó ói với nhức đầu",
        "thằng út đi làm về kể bị tụi nó đập vô đầu giờ nó ói mấy lần lơ mơ",
    ],
)
def test_the_attacker_gone_and_someone_hurt_needs_115(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        # held down by people to be beaten or assaulted (no collapse)
        "ngoài chợ có mấy người đang đè một thằng nhỏ ra đánh máu me đầy mặt",
        "có thằng đang đè con nhỏ xuống bãi cỏ xé quần áo nó nó la hoài",
        # forced, held, tied and beaten, the caller hiding to call
        "chồng tui đang ép tui uống nguyên vỉ thuốc ổng giữ chặt tui trong buồng",
        "người ta trói thằng ăn trộm vô cột rồi lấy cây đánh nó lả đi rồi",
        "chị tui uống ly nước ổng đưa rồi ngất xỉu ổng còn ở trong nhà em lén gọi",
        # a child threatened from a height
        "thằng chồng say xỉn bồng thằng nhỏ ra ban công dọa ném xuống",
        "ổng ẵm con tui đứng trên cầu hăm quăng xuống sông",
        # still coming back after the attack
        "tụi nó đâm anh tui xong bỏ chạy luôn mà giờ tụi nó quay lại ảnh chảy máu",
    ],
)
def test_the_attacker_there_and_acting_needs_113(text: str) -> None:
    assert _service(text) == ("emergency", "113")


@pytest.mark.parametrize(
    "text",
    [
        # the family holding a child, something fallen, a patient refusing: not police
        "bức tường sập đang đè một ông thợ hổng ra được",
        "ba tui đau ngực dữ lắm mà ổng hông cho ai gọi cấp cứu",
    ],
)
def test_look_alikes_of_a_present_attacker_keep_their_service(text: str) -> None:
    urgency, service = _service(text)
    assert urgency == "emergency"
    assert service != "113"


@pytest.mark.parametrize(
    "text",
    [
        # an attack put in the past: no emergency though the attacker left and it hurts
        "tuần trước em bị thằng chồng cũ đâm một nhát nó bỏ đi rồi giờ còn chóng mặt xin thuốc",
        "hôm qua nó đánh em xong nó bỏ chạy luôn giờ còn đau muốn hỏi chỗ khám miễn phí",
        # a jailing, a victim in hospital, an attack denied, a fight of yesterday
        "chồng em bị bắt đi tù rồi nhà hổng ai đi làm em xin ít gạo",
        "ổng đi tù về rồi hiền lắm hông có đánh ai hết giờ muốn xin việc",
        "chồng tui bị người ta đánh nằm viện cả tuần nay tui xin hỗ trợ tiền ăn",
        "bữa qua tụi nhỏ xóm tui đánh nhau người lớn can ra rồi hổng ai bị gì",
        # a threat to throw a thing
        "thằng chồng tui say quá hăm quăng cái ti vi xuống lầu",
    ],
)
def test_an_attack_over_jailed_or_denied_is_no_emergency(text: str) -> None:
    assert _service(text)[0] != "emergency"
