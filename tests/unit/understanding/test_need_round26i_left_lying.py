"""Round 26I: someone hurt after violence, the attackers gone (115), and look-alikes."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

pytestmark = pytest.mark.usefixtures("rules_only")


@pytest.mark.parametrize(
    "text",
    [
        # the crowd dispersed, one left lying
        "ngoài chợ mấy người đánh nhau xong giải tán hết rồi còn ông bán cá nằm bất tỉnh",
        "tụi thanh niên đánh lộn xong mỗi đứa một ngả còn một thằng nhỏ bị đâm vô bụng",
        # the attacker taken away by the police
        "thằng say đâm người bị công an còng đi rồi mà anh kia mất máu nhiều lắm",
        # the attackers named, then run off
        "tụi nó chém anh tui xong tụi nó chạy hết giờ ảnh bất tỉnh",
        # the fight over
        "hai nhóm đánh lộn ngoài bến xe xong rồi có người bị chém vô đầu máu chảy quá trời",
        # a scald, the attackers gone
        "mấy người kia bỏ đi hết rồi bà bán chè bị tạt nước sôi phỏng hết mặt",
    ],
)
def test_left_lying_is_115(text: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        # still going on, or coming back
        "đánh nhau xong rồi mà tụi nó quay lại chém tiếp anh tui đang chảy máu",
        "mấy thằng kia giải tán rồi mà giờ đang kéo thêm người tới đánh thằng em bị thương",
        # the one caught is the one beaten
        "người ta bắt được thằng móc túi trói lại lấy gậy đánh nó xỉu luôn",
    ],
)
def test_attacker_still_there_is_113(text: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", "113")


@pytest.mark.parametrize(
    "text",
    [
        "đánh lộn ở đầu hẻm xong rồi hông ai bị gì hết chỉ báo cho phường hay",
        "hồi tối có vụ ẩu đả xong xuôi rồi không ai bị sao em hỏi chỗ trình báo",
    ],
)
def test_fight_over_nobody_hurt_is_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"
