"""Round 22C of issue 13 (writers L and M): emergencies missed and services routed wrong, as
:mod:`callbot.understanding.need_round22c` reads them; our own examples and their look-alikes
(past, resolved, asked about, a thing not a person), read by the rules alone."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        # a fit and the family holding the patient, no snatching
        "thằng con tui đang co giật tui giữ nó lại mà nó giựt dữ quá",
        "má tui lên cơn co giật tôi đang ôm bả nè",
        "em trai tui lên cơn co giật em đang giữ đầu nó",
        # a lightning strike
        "anh hai tui đi thăm ruộng bị sét đánh trúng nằm im luôn",
        "có người câu cá ngoài bờ kênh bị sét đáng trúng té xỉu",
        # a wheel over a limb
        "chú tui bị xe tải cán qua chân ngoài ngã tư",
        "thằng nhỏ bị máy cày cán dập tay la quá trời",
        # a bar driven into the body
        "ông thợ sắt té trúng cọc sắt đâm xuyên qua đùi",
        "anh công nhân bị cây sắt đâm vô ngực ở công trình",
        # a goring
        "má tui đi cắt cỏ bị con bò điên húc lòi ruột",
        "bác hai bị trâu báng ngoài ruộng rách bụng",
        # acid or a chemical on the skin
        "chồng tui làm ở xưởng bị hóa chất văng vô mắt đau lắm",
        "em gái tui làm pin bị axit bắn vô mặt",
        # a propeller, blood as Vosk writes it
        "ông anh tui bị chân vịt ghe cắt vô chân đang nằm trên ghe",
        "thằng em bị té xe mao chảy nhiều quá trời",
        "ba tui tự nhiên ói ra mao quá trời mặt tái mét",
        # the appendix
        "con gái tui đau bụng dưới bên phải từ trưa giờ đi không nổi",
        "tui đau bụng quặn bên phải sốt nóng hổi",
        # a dehydrated infant
        "em bé tiêu chảy cả ngày giờ thóp lõm bỏ bú luôn",
        "con tui ói hoài mắt trũng ly bì",
        # bedridden for long, but today
        "má tui bị liệt lâu năm rồi mà giờ thở dốc mạch yếu",
    ],
)
def test_signs_told_plainly_are_115(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        "nó giật tui cái túi xách rồi chạy",
        "thằng kia vừa giật tui cái bóp đang chạy đằng kia",
        # staff beaten, a woman locked in (Vosk's "nhột")
        "có mấy thằng say xỉn vô tiệm đang đánh nhân viên tui",
        "khách quậy trong quán đáng nhân viên quá trời",
        "chị hàng xóm bị chồng nhột trong nhà mấy ngày nay đang la",
        # a polite "just a moment" before a beating now
        "cho em hỏi chút xíu thôi có mấy thằng đang đánh một ông già ngoài chợ",
        # gunfire, no blast
        "ngoài đầu hẻm hai băng đang bắn nhau bằng súng hoa cải tiếng nổ quá trời",
        # a masked man climbing in
        "thằng cha trùm mặt đang leo vô nhà ông hàng xóm",
        # the caller stuck while the attack goes on
        "thằng cháu đang cầm dao chém ba nó dưới bếp tui kẹt ở trên lầu hông xuống được",
    ],
)
def test_attacks_told_plainly_are_113(text: str) -> None:
    assert _service(text) == ("emergency", "113")


@pytest.mark.parametrize(
    "text",
    [
        "có con trăn bò vô phòng ngủ tụi nhỏ đang ngủ trong đó",
        "con trăn to vô chuồng heo đang quấn con heo con",
        # about to jump from a height
        "có chị đứng trên nóc nhà đòi nhảy xuống ai kêu cũng hông nghe",
        "thằng nhỏ ngồi mép sân thượng dọa nhảy xuống",
    ],
)
def test_a_python_where_people_sleep_is_114(text: str) -> None:
    assert _service(text) == ("emergency", "114")


@pytest.mark.parametrize(
    "text",
    [
        # freed from under a load, then ill
        "cây đổ đè ông ngoại mà bà con khiêng ra được rồi giờ ổng ói ra máu",
        # attackers gone, the caller hurt and standing there
        "tui bị đâm một nhát xong tụi nó bỏ chạy hết rồi tui đang đứng ngoài đường máu ra nhiều",
    ],
)
def test_freed_or_left_hurt_is_115(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        # past, resolved, asked about
        "năm ngoái ba tui bị sét đánh trúng giờ khỏe rồi muốn hỏi trợ cấp",
        "hồi tháng trước chú tui bị xe ben cán trúng chân giờ xin hỗ trợ tiền mổ",
        "cho hỏi bị trâu húc thì làm hồ sơ bảo hiểm sao",
        "hồi trưa thằng nhỏ bị nhốt trong phòng tắm mà thợ mở được rồi",
        "hôm kia con tui tiêu chảy mắt trũng đi khám rồi giờ hết rồi",
        # a thing, not a person
        "cái xe của tui bị xe tải cán qua bể bánh",
        "tui uống lon bò húc xong hơi mệt muốn hỏi có sao hông",
        "hỏi chút xíu thôi thủ tục xin gạo cứu trợ ở đâu",
        "thằng nhỏ đòi nhảy xuống hồ bơi tắm",
        "hồi tối có thằng bịt mặt trèo vô nhà mà bị bắt rồi",
    ],
)
def test_their_look_alikes_are_no_emergency(text: str) -> None:
    assert _service(text)[0] != "emergency"
