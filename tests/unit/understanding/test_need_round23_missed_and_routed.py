"""Round 23E of issue 13 (writers N and O of the fourteenth development part: missed emergencies
and wrong services): a covert call, a plea by message, struck or fallen and lying there, a
finger cut off, a burnt face, shot, a newborn silent, still beating now, a person chained,
forced to receive clients, glasses thrown, a break-in carrying goods off, a cobra under the
bed; the attacker or the driver gone and a body hurt (115); our own examples and their
look-alikes, read by the rules alone."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        # struck by a vehicle and lying there
        "ông già bán chè bị xe tải tông rồi ông nằm ngay đây nè em ơi",
        "dạ có chị kia bị xe máy đụng văng ra nằm giữa đường luôn",
        "ở ngã ba có cậu học sinh bị xe buýt húc giờ nằm một đống hông ai dám đỡ",
        # fallen from high, lying; an old person fallen who cannot get up
        "anh thợ điện rớt từ trên trụ xuống nằm đó hông dậy",
        "chú tui té từ mái tôn xuống nằm sóng soài ngoài sân",
        "má tui té trong nhà tắm mà bò hông tới cửa được con ơi",
        "ông tui té trong phòng nằm dưới đất lết hông tới cửa được",
        # run over, a finger off, burnt, shot
        "thằng nhỏ hàng xóm bị xe ben cán ngay đầu hẻm",
        "chồng tui làm xưởng gỗ bị máy cưa đứt lìa hai ngón tay máu quá trời",
        "con tui lỡ tay làm đổ nồi dầu phỏng cái mặt với cổ nó khóc thét",
        "có anh bảo vệ bị trúng đạn ở chân đang nằm trước ngân hàng",
        # a newborn silent
        "vợ tui mới đẻ ở nhà mà thằng nhỏ hông chịu khóc gì hết",
    ],
)
def test_told_plainly_medical(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        # still beating now, after a habit
        "ông hàng xóm ngày nào cũng đánh vợ mà giờ vẫn còn đánh dữ lắm nghe la quá trời",
        # a person chained, forced to receive clients
        "trong xóm có ông bị người nhà xích như con chó trong chuồng giờ đang la cứu",
        "chị ơi em bị tụi nó ép tiếp khách em đang ở nhà nghỉ hông ra được",
        # glasses and chairs thrown
        "ở quán nhậu có mấy thằng say đang chọi chai vô người ta",
        # climbing in, carrying goods off
        "có hai thằng leo vô nhà bên cạnh đang khiêng đồ ra xe ba gác",
        # a covert call, a plea by message
        "em đang ở trong tiệm có thằng cầm dao đứng đó em giả bộ gọi cho chồng",
        "con tui bị người lạ dụ đi giờ nó nhắn tin cầu cứu nói bị nhốt trong phòng",
    ],
)
def test_told_plainly_police(text: str) -> None:
    assert _service(text) == ("emergency", "113")


@pytest.mark.parametrize(
    "text",
    [
        # the attacker or the driver gone, a body hurt
        "có thằng tạt axit vô mặt chị bán bánh mì xong bỏ chạy mất chỉ la quá trời",
        "ông xe tải cán trúng thằng nhỏ rồi tài xế bỏ chạy rồi nó nằm rên",
        "chồng tui đánh tui rồi bỏ đi rồi giờ tui ói hoài chóng mặt",
        "hồi nãy tụi nó bắn ảnh rồi chạy mất giờ ảnh trúng đạn ở bụng",
        # someone lost, found hurt
        "bà nội tui đi lạc từ tối qua giờ người ta thấy bả nằm ngoài ruộng lạnh ngắt",
    ],
)
def test_gone_and_hurt_is_medical(text: str) -> None:
    assert _service(text) == ("emergency", "115")


def test_cobra_under_the_bed_is_a_rescue() -> None:
    text = "có con rắn hổ mang chui vô nằm dưới gầm giường mấy đứa nhỏ đang ngủ"
    assert _service(text) == ("emergency", "114")


@pytest.mark.parametrize(
    "text",
    [
        # past, resolved, asked about
        "hồi tháng trước má tui bị xe tông giờ cần xin hỗ trợ tiền viện phí",
        "ba tui té từ trên cây hồi năm ngoái giờ đi lại hông được muốn xin xe lăn",
        "chồng tui bị máy cắt đứt ngón tay hồi năm ngoái giờ thất nghiệp",
        "cho hỏi nếu bị trúng đạn thì bảo hiểm có trả hông",
        "vợ tui mới đẻ tuần rồi giờ hông có sữa cho con bú xin hỗ trợ sữa",
        "hổng có ai bị xích hết đó là con chó nhà tui",
        "tui giả bộ gọi điện để khỏi bị người ta mời mua hàng thôi chứ hông có gì",
        "hồi tối có ba đứa trèo vô kho khiêng đồ ra xe giờ công an tới lập biên bản rồi",
    ],
)
def test_look_alikes_stay_calm(text: str) -> None:
    urgency, _ = _service(text)
    assert urgency != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "con chó nhà tui bị xe hơi cán chết rồi",
        "chiếc xe đạp của con tui bị xe tải cán móp hết",
    ],
)
def test_a_thing_or_a_beast_run_over_is_no_emergency(text: str) -> None:
    urgency, _ = _service(text)
    assert urgency != "emergency"


def test_a_child_run_over_near_a_bike_is_still_medical() -> None:
    text = "tui đang chạy xe máy ngang chợ thấy thằng nhỏ bị xe tải cán nằm la"
    assert _service(text) == ("emergency", "115")
