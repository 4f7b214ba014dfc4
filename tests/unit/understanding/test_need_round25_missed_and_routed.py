"""Round 25H: emergencies the rules missed and services they got wrong (writers R and S),
in other words than theirs, with look-alikes that must stay calm."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("thằng em tui leo xuống hầm cầu móc rác mà giờ ngất dưới đó luôn rồi", "114"),
        ("có chú thợ chui xuống hầm phân của chung cư bị ngạt thở ở dưới", "114"),
        ("dưới gầm giường có con trăn to lắm anh ơi con tui đang ngủ trên đó", "114"),
        ("có con rắn hổ bò vô bếp nhà tui giờ hông ai dám vô", "114"),
        ("nước lũ ngập tới cổ rồi má tui còn ở trong nhà", "114"),
        ("ông sửa máy bị giật té ngửa mà cái ổ điện còn xẹt xẹt chưa ai dám lại", "114"),
        ("thằng nhỏ té cây gãy chân xương lòi ra ngoài chảy máu quá trời", "115"),
        ("bà nội tui tiểu đường mà giờ vã mồ hôi hột nói lảm nhảm hông ai hiểu", "115"),
        ("em bị dầu sôi đổ vô chân da lột ra hết đau quá trời chị ơi", "115"),
        ("đám thanh niên đập lộn ngoài quán giải tán hết rồi còn một anh nằm bất tỉnh", "115"),
        ("ông chú kia dắt con bé nhà bên vô phòng đóng cửa lại nãy giờ", "113"),
        ("có người dưới nhà tui đang lục đồ tui với má ở trên lầu", "113"),
        ("nó mới vô phòng tui đang núp trong tủ hông dám thở", "113"),
        ("má tui đang bị người ta chở đi rút tiền mà hổng cho tắt máy điện thoại", "113"),
        ("có ông say ném chai vô đầu người bán hủ tiếu giờ còn đứng chửi", "113"),
        ("có đứa tạt a xít vô chị bán rau rồi tụi nó còn đứng đó", "113"),
        ("hai đứa chạy xe ngang giựt cái túi xách của cô tui tụi nó còn đứng đầu hẻm", "113"),
    ],
)
def test_round25h_emergency_and_service(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service)


@pytest.mark.parametrize(
    "text",
    [
        "người ta kéo được anh thợ ra khỏi hầm cầu rồi mà ảnh hổng tỉnh",
        "ông nội té đập đầu vô cái bồn cầu máu chảy nhiều",
    ],
)
def test_round25h_pulled_out_or_a_toilet_is_medical(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        "nhà tui hầm cầu bị nghẹt hoài ai hút giùm",
        "mùa mưa năm ngoái ngập tới cổ giờ tui muốn xin tiền sửa nhà",
        "hồi tuần trước bị giựt cái điện thoại giờ tui muốn hỏi làm lại giấy tờ",
        "con tui chơi trốn tìm nằm trong gầm giường ngủ quên luôn",
        "tui muốn hỏi có người trong nhà bị tiểu đường thì xin thuốc ở đâu",
        "đánh nhau ngoài chợ giải tán hết rồi hông ai bị gì",
    ],
)
def test_round25h_look_alikes_stay_calm(text: str) -> None:
    assert _service(text)[0] != "emergency"
