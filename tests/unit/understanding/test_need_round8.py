"""Round 8 of issue 13 (the fifth development part's third writer studied): the classes of
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
        "có thằng say xỉn đứng ngoài quán cầm xúng quơ quơ",
        "ông đó chỉa súng vô mặt bà bán nước",
        "tiệm tạp hóa kế bên lữa bốc lên nóc rồi",
        "ngọn lữa lan qua dãy nhà trọ phía sau",
    ],
)
def test_misheard_weapons_and_fire(text: str) -> None:
    urgency, service = _service(text)
    assert urgency == "emergency"
    assert service in {"113", "114"}


@pytest.mark.parametrize(
    "text",
    [
        "ngoài sông có người đang kêu cứu mà nước chảy xiết quá",
        "con bé tắm ở bãi biển bị vọp bẻ giờ chới không nổi",
        "chiếc xuồng chở lúa của ông tư bị lật giữa kênh",
        "có ông thợ té vô cái bồn nước trên nóc nhà máy",
        "tụi tui đang ở trong thang máy tòa nhà nó dừng không đi lâu rồi",
    ],
)
def test_water_containers_and_lifts_are_114(text: str) -> None:
    assert _service(text) == ("emergency", "114")


@pytest.mark.parametrize(
    "text",
    [
        "nửa đêm tui nghe tiếng kính bể ở tầng dưới mà nhà đâu có ai ở dưới",
        "có mấy người lạ đang cưa khóa cổng kho hàng bên em",
        "có ông cứ bặm theo em từ trạm xe về còn níu áo em nữa",
        "hai đứa giả bộ hỏi mua vàng rồi giật dây chuyền chạy mất",
    ],
)
def test_intruders_and_stalkers_are_113(text: str) -> None:
    assert _service(text) == ("emergency", "113")


@pytest.mark.parametrize(
    "text",
    [
        "ba tui nằm liệm luôn trên ghế rồi",
        "ổng say quá giờ kêu hổng gọi dậy được",
        "anh tôi nhậu say uống rượu xong không chịu thức dậy",
        "bạn tui thở chậm lắm môi hơi tái",
        "con tui tự nhiên cô giựt mắt trợn ngược",
        "vợ em có bầu tám tháng giờ ra nước rồi đau quá",
    ],
)
def test_unconscious_overdose_labour_are_115(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        "thằng cháu tui ghiền game bắn súng tui muốn hỏi chỗ tư vấn",
        "con gái tui mơ làm lính cứu hỏa muốn hỏi trường nào dạy",
        "quán cà phê mở nhạc xập xình tới khuya tui muốn phản ánh",
        "nhà bên đập phá sửa nhà bụi bay qua nhà tui quá trời",
        "tui bị móc túi ở bến xe muốn hỏi làm lại giấy tờ",
        "cô giáo tui giật mình khi nghe tiếng sấm",
        "nghe nói trong xóm có băng giật đồ tui muốn xin thêm đèn đường",
        "thang máy chung cư hư mấy bữa nay tui muốn phản ánh",
    ],
)
def test_look_alikes_stay_no_emergency(text: str) -> None:
    assert parse_need(text).urgency != "emergency"
