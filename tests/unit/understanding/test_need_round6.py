"""Round 6 of issue 13 (the fifth development part studied): the classes of error it showed,
with our own examples (other wordings, regions, recognition damage), read by the rules alone
(the statistical model must not be what makes these pass)."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from tests.support.need import urgency as _urgency
from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        "ổng đang bốp cổ vợ ổng ngoài sân kìa",
        "thằng đó xiết cổ con nhỏ trong hẻm",
        "có thằng say rượu đang rượt tui tui trốn vô tiệm tạp hóa",
        "hai thằng nhỏ đập lộn một đứa lấy cục gạch đập thằng kia",
        "ông hàng xóm đập tới tấp vô đầu thằng con",
        "mấy đứa nó lấy mũ bảo hiểm đánh vô đầu anh tui",
        "có người kéo con bé vô xe hơi nó giãy giụa quá trời",
    ],
)
def test_violence_now_is_113(text: str) -> None:
    assert _service(text) == ("emergency", "113")


@pytest.mark.parametrize(
    "text",
    [
        "thằng nhỏ ăn tôm xong môi sưng vù lên thở khò khè",
        "bé ăn cua xong mắt sưng húp lại khò khè",
        "bà ngoại ăn nấm rừng về đau bụng ói mửa",
        "ông nội nằm mê không biết gì nữa hết",
        "chồng tui bị tiểu đường giờ lịm dần kêu không giậy",
        "má em nói lấp bấp không ra chữ một bên tay yếu",
        "em tôi rạch tay trong phòng tôi đạp cửa vô thấy máu chảy nhiều lắm",
    ],
)
def test_medical_said_otherwise_is_115(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        "nước vô nhà ngập tới giường bà nội bị liệt tụi tui không cõng nổi",
        "thằng bé vùng vẫy dưới mương nước sâu",
        "nước lũ tràn bờ bao mà ba tui nằm một chỗ không tự di chuyển được",
    ],
)
def test_rescue_is_114(text: str) -> None:
    assert _service(text) == ("emergency", "114")


@pytest.mark.parametrize(
    "text",
    [
        "ông nội tui mất trong vụ cháy năm hai ngàn mười tám tui cần làm giấy tờ đất",
        "nhà tui bị cháy năm chín tám giờ xin giấy xác nhận để làm lại sổ",
        "tui hỏi tiền bồi thường của nhà nước cho hộ bị cháy nhà đợt rồi",
        "ông chồng bả hay la đâm chết mày chứ có đánh ai đâu tui chỉ hỏi chuyện tiếng ồn",
        "bả chửi vậy hoài dọa giết mà nói quen miệng thôi",
        "bức tường nhà kho sắp sập tui muốn báo phường tới coi",
        "con cá vùng vẫy trong thau dữ lắm",
        "con gái tui nhốt mình trong phòng không chịu ăn cơm tui muốn hỏi chỗ tư vấn tâm lý",
        "tui cần mua nón bảo hiểm cho con đi học",
    ],
)
def test_look_alikes_are_no_emergency(text: str) -> None:
    assert _urgency(text) != "emergency"


def test_a_year_this_year_is_no_past() -> None:
    # only a year before this one puts what is said in the past
    result = parse_need("năm nay nhà tui cháy lớn lắm lửa còn đang bốc")
    assert result.urgency == "emergency"


def test_an_insurance_topic_still_defuses() -> None:
    assert _urgency("tui hỏi bảo hiểm cho người bị tai nạn giao thông") != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "quán cơm đầu chợ bán đồ ăn thiu ăn vô ai cũng đau bụng",
        "tiệm tạp hóa bán bánh quá hạn sử dụng tui muốn phản ánh",
        "ngoài chợ có sạp bán thuốc dỏm uống vô không hết bệnh",
        "chai nước tương hết date rồi mà họ vẫn bán cho khách",
    ],
)
def test_selling_spoiled_or_fake_goods_is_a_violation(text: str) -> None:
    assert parse_need(text).category == "violation"


def test_an_expired_card_is_no_report() -> None:
    assert parse_need("thẻ bảo hiểm y tế của tui hết hạn rồi làm lại ở đâu").category != "violation"
