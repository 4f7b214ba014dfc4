"""Round 18 of issue 13 (the tenth development set's writers X and Y): people caught in the
middle of a fight and a child who cannot pull a strangler off are 113, not a rescue of the
trapped; a low oxygen reading said "tám mươi mấy" or "tám mấy", severe burns after a fire put
out, a collapse after a hospital named for someone else and a slump that goes on unanswered
are 115 (:mod:`.need_missed_round18`, :mod:`.need_combine`). Our own sentences and their
look-alikes, read by the rules alone."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        # caught in the middle of a fight
        "tụi giang hồ đang chém nhau ngoài chợ mấy người bán hàng kẹt ở giữa",
        "hai băng đang ném đá nhau trước quán mấy đứa nhỏ bị kẹt giữa",
        "hai phe đang đánh nhau ở bến xe bà con kẹt ở giữa chạy hổng kịp",
        # strangling now, nobody able to pull the attacker off
        "chồng tui đang siết cổ con gái tui tui kéo ra không được",
        "bố dượng nó đang bóp cổ mẹ nó cháu kéo ra không được",
        "hắn đang bóp họng mạ tui tui lôi ra không được",
        "thằng say rượu đang bốp cổ vợ nó mấy đứa con kéo hổng ra được",
        # Vosk's "rượng" for "dượng"
        "ông rượng tụi nhỏ đang đánh má tụi nó",
    ],
)
def test_caught_in_a_fight_or_strangled_now_is_113(text: str) -> None:
    assert _service(text) == ("emergency", "113")


@pytest.mark.parametrize(
    "text",
    [
        # a thing that holds them, no fight, or a collapse beside the fight: a rescue
        "xe tải lật có người kẹt giữa hai chiếc xe",
        "thằng nhỏ bị kẹt giữa hai song sắt cửa sổ",
        "đang đánh nhau thì xe tông anh tui kẹt giữa hai chiếc xe",
        "hai nhóm đánh nhau làm sập mái hiên có người kẹt ở dưới",
        "có người kẹt trong thang máy kéo ra không được",
        "ông cụ bị lẫn đi lạc rồi trèo ra ngoài lan can ngồi vắt vẻo",
    ],
)
def test_trapped_by_a_thing_stays_114(text: str) -> None:
    assert _service(text) == ("emergency", "114")


@pytest.mark.parametrize(
    "text",
    [
        # a low oxygen reading said with "mấy", past a father named "ba"
        "đo spo2 của ba tui còn tám mấy thôi",
        "chỉ số ô xi của ba em tám mươi mấy môi tái",
        "ô xy trong máu của má tui đo được bảy mấy à",
        # severe burns after a fire put out
        "bếp ga cháy dập tắt rồi mà con tui bị bỏng cả cái lưng",
        "lửa tắt rồi nhưng chồng tui bị phỏng tróc hết da hai tay",
        "lửa dập xong rồi mà thằng em bị phỏng hai cánh tay da bong ra",
        # a hospital named for someone else, then a collapse elsewhere
        "má tui nằm viện chợ rẫy mà không phải chuyện đó tui đang chạy xe ngoài đường thấy một"
        " bà té xỉu bất tỉnh",
        "vợ tui ở bệnh viện sanh mà chuyện khác nè ngoài đầu hẻm có ông nằm co giật",
        # slumped a moment ago, not answering now
        "hồi nãy chồng tui gục lên vô lăng giờ ảnh không trả lời",
        "ông khách gục vào vai tui giờ hổng trả lời gì hết",
        "lúc nãy bà ngoại gục trên bàn ăn giờ bả hổng trả lời",
    ],
)
def test_missed_medical_emergencies_are_115(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        "ô xi của ba tui chín mươi mấy bình thường",
        "đo ô xi được chín mấy à",
        "ba tui tám mươi mấy tuổi rồi muốn xin xe lăn",
        "con tui bị phỏng nhẹ ở ngón tay phồng rộp một chút",
        "hồi năm ngoái tui bị phỏng tuột da giờ còn sẹo muốn hỏi phẫu thuật",
        "ba tui đang nằm viện bác sĩ nói ổng khó thở",
        "má tui ở bệnh viện tui vô thăm thấy má khó thở",
        "ổng gục lên bàn ngủ ngáy khò khò không trả lời",
        "hồi nãy ổng gục lên vai tui ngủ giờ tỉnh rồi",
        "gọi điện cho ổng hoài mà ổng không trả lời",
        "tui muốn hỏi xin đơn ly hôn vì chồng tui hay đánh tui",
    ],
)
def test_look_alikes_are_no_emergency(text: str) -> None:
    assert _service(text)[0] != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        # keeping one's head above water, the water named before or after (a reviewer's probe:
        # "ở mương trước nhà có ông già té xuống đang ngoi ngóp" was told 113 by the model)
        "dưới kênh có người đang ngoi ngóp",
        "ở ao sau nhà thằng nhỏ rớt xuống đang ngóc lên ngóc xuống",
        "ngoài sông có bà kia hụp lên hụp xuống kêu cứu",
    ],
)
def test_a_struggle_in_the_water_is_114(text: str) -> None:
    assert _service(text) == ("emergency", "114")


@pytest.mark.parametrize(
    "text",
    [
        # the same words for a life of debts
        "nhà tui nợ nần ngoi ngóp quá xin hỗ trợ tiền",
        "mấy năm nay làm ăn ngoi ngóp tiền điện tiền nước không trả nổi",
        # pulled out, and well
        "hồi chiều thằng nhỏ té xuống ao ngoi ngóp mà được kéo lên rồi giờ khỏe",
    ],
)
def test_a_struggle_with_money_or_over_is_no_emergency(text: str) -> None:
    assert _service(text)[0] != "emergency"
