"""Round 7 of issue 13 (the fifth development part's second writer studied): the classes of
error it showed, with our own examples (other wordings, regions, recognition damage), read
by the rules alone (the statistical model must not be what makes these pass)."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        "ba tui bị co dật nãy giờ gần mười lăm phút rồi",
        "thằng cu nhà em co rựt cả người không ngừng",
        "bà ngoại lên cơn dựt hoài từ chiều tới giờ",
        "con gái tui bị lên cơn lần thứ hai trong buổi sáng",
        "nó mới lên cơn xong mà chưa tỉnh lại thì lại giật tiếp",
    ],
)
def test_seizures_going_on_or_again_are_115(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        "công trình đào móng bị sạt đất lấp ngang ngực một ông thợ",
        "cát đổ lên người thằng nhỏ vùi tới cổ rồi",
        "ông thợ hàn đang bám một tay ở mép mái tôn lầu năm",
        "có đứa nhỏ ngồi ngoài lan can chung cư mà tụi tui kêu hoài không vô",
        "bà cụ đứng trên ban công lầu sáu lan can lung lay sắp rớt",
        "ghe chở lúa bị lật hai người đang trôi theo dòng nước",
        "xe bồn bị lật trên cầu xăng chảy tràn ra mặt đường",
        "phòng bên khóa cửa mà khói cuồn cuộn ra",
    ],
)
def test_burial_heights_water_fuel_smoke_are_114(text: str) -> None:
    assert _service(text) == ("emergency", "114")


@pytest.mark.parametrize(
    "text",
    [
        "ngoài chợ có ông bị hai thằng đè ra đánh tới tấp",
        "mấy thằng đè anh tui xuống đất đánh",
        "có thằng kéo con bé vô bụi rậm sau trường rồi nghe la một tiếng",
        "ông lạ ôm thằng nhỏ nhà bên chạy mất tiêu",
        "tụi nó giữ ba tui rồi gọi đòi tiền chuột",
        "có người lạ leo qua ban công nhà tui giờ đang đứng trong phòng",
    ],
)
def test_held_down_dragged_off_ransom_are_113(text: str) -> None:
    assert _service(text) == ("emergency", "113")


@pytest.mark.parametrize(
    "text",
    [
        "nghe bên nhà kia la hét rồi bắn nhau tui chạy qua coi thì phim thôi",
        "cho tui xin số điện thoại của cứu hỏa để ghi vô sổ phòng khi",
        "số của bên cấp cứu là số mấy vậy chị",
        "ông tui thở ô xy ở nhà bình còn chút xíu chắc tới sáng là hết",
        "tui muốn hỏi dấu hiệu tai biến là gì để còn biết",
        "coi phim thấy người ta bị đột quỵ nên tui muốn học sơ cứu",
        "nợ nần ngập đầu tui muốn hỏi vay vốn",
    ],
)
def test_look_alikes_stay_no_emergency(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "em đứng trong hẻm thấy ông kia trợn mắt rồi ngã gục",
        "má tui đột nhiên nói không ra lời méo miệng",
        "bình ô xy hết rồi ông thở không nổi",
        "trong xóm có ông đứng trong phòng bị xỉu",
    ],
)
def test_real_emergencies_near_the_look_alikes_stay(text: str) -> None:
    assert _service(text) == ("emergency", "115")
