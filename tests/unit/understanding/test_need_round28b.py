"""Round 28B: emergencies said without a medical word (writer B), in other words than theirs,
with look-alikes that must stay calm."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        # a nail gun is a tool: its nail in a body is a wound
        ("chú thợ hồ bị máy bắn đinh ghim vô đùi máu ra quá trời", "115"),
        ("dạ anh công nhân bị súng bắn đinh bắn trúng bụng", "115"),
        ("cây đinh ghim xuyên mặt thằng em tui lúc đóng thùng", "115"),
        # shut in, now out, the body in trouble
        ("bé bị kẹt trong xe hơi cả tiếng mới bế ra thì hổng tỉnh", "115"),
        ("con tui bị nhốt trong xe đóng kín mở cửa xe ra thì nó lơ mơ", "115"),
        # a power line down in water
        ("ngoài hẻm dây điện đứt rớt xuống chỗ ngập con nít đang lội", "114"),
        ("dây điện sà xuống ngay chỗ ngập đầu xóm", "114"),
        ("dây điện bị đứt con bò đi ngang bị giựt chết rồi", "114"),
        # startle jerks of a sick child
        ("con tui bị tay chân miệng mấy bữa nay giật mình liên tục", "115"),
        ("bé sốt hâm hấp mà giựt mình chới với hoài", "115"),
        # numbness after a wild food
        ("ba tui ăn cá nóc hồi trưa giờ tê lưỡi nói hổng được", "115"),
        ("cả nhà ăn nấm lạ xong đứa nào cũng tê cứng miệng", "115"),
        # chest indrawing
        ("thằng nhỏ ho quá giờ thở hóp ngực", "115"),
        ("em bé thở mà ngực hóp vô từng cơn", "115"),
        # struck on the head, then signs
        ("cục gạch trên giàn rơi trúng đầu anh tui giờ nôn mửa", "115"),
        ("trái mít rớt trúng đầu ba tui ổng nằm lăn ra", "115"),
        # a hernia that will not go back
        ("ông tui thoát vị bẹn giờ sưng cứng đau lắm", "115"),
        ("bà nội bị sa ruột mà đẩy hổng vô được nữa", "115"),
        # a liver illness or a bloated belly with confusion
        ("ba tui suy gan giờ lú lẫn hỏi gì cũng hổng biết", "115"),
        ("má tui bụng căng tròn mà lú lẫn hổng nhận ra ai", "115"),
        # a cosmetic injection gone wrong
        ("chị tui chích filler ở tiệm giờ mũi tím bầm", "115"),
        ("em gái tui đi tiêm chất làm đầy cằm xong mắt mờ dần", "115"),
        # a surgical wound burst
        ("vợ tui mới mổ ruột thừa giờ vết mổ bung ra sốt cao", "115"),
    ],
)
def test_round28b_emergency_and_service(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service)


@pytest.mark.parametrize(
    "text",
    [
        "tui muốn mượn cái súng bắn đinh để đóng tủ",
        "chỗ tui có súng bắn đinh bị hư hỏi chỗ sửa",
        "cái thùng rác hôi rình mấy bữa nay hổng ai dọn",
        "vết thương của ông hôi rình tui hỏi chỗ thay băng",
        "dây điện đứt ngoài hẻm tui báo điện lực sửa giùm",
        "tuần trước dây điện rớt xuống vũng nước mà điện lực sửa xong rồi",
        "con tui ngủ hay giựt mình hoài có sao hông",
        "hồi năm ngoái con tui bị tay chân miệng giờ hết rồi xin giấy đi học",
        "ăn cá nóc có bị tê lưỡi hông vậy",
        "đi đám cưới ăn cay tê lưỡi luôn",
        "ông già gầy quá má hóp hết tui xin gạo",
        "hồi sáng trái xoài rớt trúng đầu thằng nhỏ mà nó vẫn chơi bình thường",
        "ba tui thoát vị đĩa đệm muốn hỏi chỗ mổ miễn phí",
        "bà ngoại bị lú lẫn lâu rồi tui xin người chăm",
        "ba tui bị suy gan cần hỗ trợ tiền thuốc",
        "tui muốn hỏi chích filler ở đâu uy tín",
        "chị tui đi nâng mũi hồi tháng trước giờ ổn rồi hỏi chỗ tái khám",
        "vết mổ của má tui lành rồi tui hỏi chỗ cắt chỉ",
        "tui muốn đi hút mỡ bụng mà hổng có tiền",
        # treated already
        "em trai tui té xe gãy chân mổ xong rồi tui xin hỗ trợ viện phí",
        "thằng nhỏ bị chó cắn chảy máu khâu mấy mũi rồi hỏi chỗ chích ngừa dại",
        # only a scratch
        "ông ngoại té ngoài sân chỉ trầy xước cùi chỏ tui hỏi có cần đi chụp hình hông",
        "con tui té xe đạp chỉ bị bầm chút xíu hỏi thuốc thoa",
        # a doctor's word, then a request
        "má tui ho ra máu bác sĩ nói lao phổi tui xin hỗ trợ tiền thuốc",
        # nothing urgent, denied
        "hông có gì khẩn cấp đâu tui gọi hỏi lịch chích ngừa",
        "không có chi nguy hiểm hết tui chỉ hỏi chỗ làm căn cước",
        # long ago, by a life event
        "tui bị băng huyết hồi sanh đứa lớn giờ hỏi chỗ khám thai miễn phí",
        "ổng bị điện giựt hồi còn nhỏ giờ tay yếu xin trợ cấp",
        # talk of dying, asleep now
        "thằng em tui thất nghiệp nói muốn chết mà giờ nó ngủ rồi tui hỏi chỗ tư vấn",
    ],
)
def test_round28b_look_alikes_stay_calm(text: str) -> None:
    assert _service(text)[0] != "emergency"


@pytest.mark.parametrize(
    ("text", "service"),
    [
        # still shut in: the rescue stays 114
        ("thằng nhỏ bị kẹt trong xe hơi khóa cửa hổng mở được", "114"),
        # a live wire still sparking stays 114
        ("dây điện còn xẹt xẹt dưới vũng nước", "114"),
        # treated, but what is said after it stands
        ("chị tui mổ xong rồi về nhà giờ vết mổ bục ra sốt cao", "115"),
        # a scratch said, then a sign now
        ("bà tui té chỉ trầy chân mà giờ lơ mơ gọi hổng trả lời", "115"),
        # talk of dying with an act named is no sleep
        ("nó nói muốn chết rồi uống hết vỉ thuốc giờ đang ngủ li bì", "115"),
    ],
)
def test_round28b_still_an_emergency(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service)
