"""Round 15 of issue 13 (a reviewer's probe of round 13, classes A, B and G): rabies signs
after a bite placed in the past with no "giờ" (or any marker) to say now, fear of water or
wind said as a reaction, a drowning with the search still going on, and a thief named by
any noun still near, read by the rules alone (:mod:`.need_still_in_danger`), with their
look-alikes. Our own wordings, not the reviewer's."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        # A: the bite dated, the sign after it with another marker or none
        "ông nội bị chó cắn hồi tháng trước mấy nay ổng sợ nước lắm",
        "em gái tôi bị mèo cào tuần trước dạo này nó sợ gió sợ ánh sáng",
        "thằng út bị chó cắn cách đây ba tuần tối nay nó lên cơn co giật",
        "chồng tôi bị chó cắn năm ngoái sáng nay anh ấy sùi bọt mép",
        "cháu bị chó cắn hồi tháng trước cháu sợ nước",
        "ba em bị khỉ cắn hồi tháng trước tưởng hết rồi nay ổng sợ nước sợ gió",
        # B: fear of water or wind said as a reaction
        "má tui bị chó cắn hồi tháng rồi giờ thấy ly nước là bả la lên",
        "con tôi bị chó cắn giờ nhìn thấy nước là khóc thét",
        "anh tôi bị dơi cắn tháng trước bật quạt là anh ấy co rúm lại",
        "bà tôi bị chó cắn giờ bưng chén nước tới là bà hất ra",
        "ông bị chó cắn hồi tháng trước nay hổng uống được nước",
        "ba tui bị chó dại cắn giờ ổng sợ nướt",
        # G: the search still going on, the thief still near
        "thằng nhỏ bị đuối nước ở ngoài đập người ta đang mò tìm",
        "có người chết đuối dưới sông chưa nổi lên",
    ],
)
def test_rabies_and_drowning_now(text: str) -> None:
    assert _service(text)[0] == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "thằng nhỏ bị đuối nước ở ngoài đập người ta đang mò tìm",
        "có đứa bé đuối nước ở bể bơi mọi người đang lặn tìm chưa thấy",
    ],
)
def test_drowning_with_a_search_is_114(text: str) -> None:
    assert _service(text) == ("emergency", "114")


@pytest.mark.parametrize(
    "text",
    [
        "ông nội bị chó cắn hồi tháng trước mấy nay ổng sợ nước lắm",
        "má tui bị chó cắn hồi tháng rồi giờ thấy ly nước là bả la lên",
    ],
)
def test_rabies_is_115(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        "vừa bị trộm cái ví người lấy vẫn còn đứng ngoài cổng",
        "mới bị móc túi ngoài chợ cha đó còn lảng vảng gần đây",
        "hồi nãy bị giật giỏ xách tên kia vẫn ngồi quán nước bên đường",
    ],
)
def test_thief_still_near_is_113(text: str) -> None:
    assert _service(text) == ("emergency", "113")


@pytest.mark.parametrize(
    "text",
    [
        # a bite long ago with no sign now
        "con tôi bị chó cắn hồi tháng trước giờ vẫn khỏe ăn uống bình thường",
        "bị chó cắn hồi năm ngoái lúc đó có sợ nước mà giờ hết rồi",
        # a vaccination question
        "bị chó cắn tuần trước thì tiêm phòng dại ở đâu",
        "con tôi bị mèo cào hôm qua có cần chích ngừa không",
        # a drowning told of last year
        "năm ngoái thằng cháu tôi chết đuối ngoài sông mọi người mò tìm mấy ngày",
        "hồi năm rồi có đứa nhỏ đuối nước ở đập người ta lặn tìm cả buổi",
        # a theft last week
        "tuần trước bị trộm xe người lấy là thằng hàng xóm tui muốn làm đơn",
        "bị móc túi hôm qua giờ muốn báo mất giấy tờ",
        # startled, not robbed; the caller near, not the thief
        "hồi nãy giật mình thằng nhỏ còn đứng đó",
        "mới bị trộm đôi dép tui còn đứng đầu hẻm chờ công an",
        # the dog's own fit, a denied sign
        "con chó nhà tui bị chó dại cắn giờ nó thấy nước là sợ",
        "bị chó cắn hồi tháng trước giờ hổng sợ nước gì hết",
    ],
)
def test_look_alikes_stay_calm(text: str) -> None:
    assert _service(text)[0] != "emergency"
