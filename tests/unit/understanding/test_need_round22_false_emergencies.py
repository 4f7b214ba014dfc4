"""Round 22D of issue 13 (writers L and M of the thirteenth development part: false
emergencies): a lost elder found, a paralysis of long standing with no carer, a birth near
and no money, a theft over with hunger now, a fear to come ("lỡ ... thì", "sợ" after a habit,
a threat to evict), a fee or a course asked about, an animal to be taken away, a medicine
named for what it treats, a rumour doubted, and the southern "hông phải X đâu"; our own
examples and their look-alikes, read by the rules alone."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        # lost, then found
        "bà nội tui bị lẫn hồi trưa đi lạc ra chợ may người ta dẫn về rồi giờ xin chỗ gửi bà",
        "ông ngoại em đi lạc từ sáng tới chiều công an phường mới tìm thấy em muốn xin vòng tay",
        # the southern "hông phải X đâu"
        "cái ống nước trong bếp bị bể xì ra tùm lum hông phải ga đâu em hỏi thợ sửa",
        "bên hàng xóm nướng thịt khói um hông phải cháy nhà đâu mà khói bay qua hoài",
        "hông phải cấp cứu đâu cô ơi tui hỏi chỗ làm lại giấy khai sinh",
        # a fear to come
        "có ông bán bình ga mini để ngoài nắng lỡ nổ thì chết cả xóm ai quản lý hông",
        "thằng nhỏ nhà tui hay trèo lên mái nhà chơi tui sợ té xuống muốn làm lan can",
        "hè này tụi nhỏ hay rủ nhau ra kênh tắm tui sợ chết đuối có lớp dạy bơi hông",
        "ông chủ trọ hăm đuổi hai mẹ con tui ra đường nếu cuối tháng hổng trả tiền phòng",
        "bà chủ nhà dọa cắt điện cắt nước phòng tui vì trễ tiền trọ mấy bữa có đúng không",
        # asked about
        "cho tui hỏi gọi xe cấp cứu chở ba tui lên chợ rẫy thì tốn bao nhiêu tiền",
        "xe cứu thương của phường chở người bệnh có tính tiền hông cô",
        "chỗ nào có khóa học sơ cứu ngưng tim cho người giữ trẻ vậy anh",
        "trường có mở lớp sơ cưu đuối nước cho phụ huynh hông chị",
        "xóm tui có bầy chó hoang sủa cả đêm có đội nào tới bắt đi hông",
        "con tui bị động kinh mà hết thuộc chống co giật rồi xin chỗ cấp thuốc",
        # heard of and doubted
        "nghe đồn ở chợ có người bắt cóc con nít hổng biết thiệt hông tui lo quá",
        "tui thấy trên mạng nói có vụ nổ súng ở quận tám không biết có thật không",
    ],
)
def test_these_are_no_emergency(text: str) -> None:
    urgency, service = _service(text)
    assert urgency != "emergency", text
    assert service is None, text


@pytest.mark.parametrize(
    "text",
    [
        # a paralysis of long standing, no carer; a birth near without money
        "má tui tai biến nằm liệt giường mấy năm nay tui đi làm xa hông ai chăm",
        "ba tui bị tai biến liệt nửa người tui phải đi làm ca đêm bỏ ổng một mình",
        "vợ em có bầu tháng thứ chín sắp sinh rồi mà không có tiền đi đẻ",
        "con gái tui có bầu gần sanh mà nhà hết tiền rồi chồng nó bỏ đi đâu mất",
        # a theft over, hunger now; a carer asked for
        "hôm trước tui bị giựt mất cái bóp giờ hổng có chi ăn với hai đứa nhỏ",
        "ông già tui bị lẫn ở nhà một mình hông ai giữ tui phải đi bán",
        # still lost: a search, high (round 27L: writers K, N, T and W all label it so)
        "ông nội tui bị lẫn đi lạc từ sáng tới giờ chưa tìm được",
        # round 9 had this one 113; writer E of session 14 labelled it high too
        "ông ngoại lẫn đi lạc từ sáng tới giờ chưa tìm thấy",
    ],
)
def test_these_are_high(text: str) -> None:
    assert _service(text) == ("high", None), text


@pytest.mark.parametrize(
    ("text", "service"),
    [
        # a stroke now; labour begun; a theft going on
        ("má tui tự nhiên bị tai biến nằm liệt một bên nói hổng được", "115"),
        ("vợ tui sắp sanh đau bụng dữ lắm vỡ ối rồi mà hông có tiền", "115"),
        ("có thằng đang cướp tiệm vàng đầu hẻm cướp mất hết rồi giờ nó còn cầm súng", "113"),
        # a fear that is no fear; a threat with a weapon; the ambulance called for
        ("lỡ tay làm đổ xăng giờ cháy lớn quá trong bếp", "114"),
        ("thằng chồng cũ cầm dao hăm dọa đuổi mẹ con tui ra khỏi nhà", "113"),
        ("gọi xe cấp cứu giùm tui ba tui xỉu rồi không thở", "115"),
        # a birth with no pregnancy told before it may be now; the speaker's mother paralysed
        ("vợ tui sắp sanh rồi mà hông có tiền anh ơi", "115"),
        ("dạ má tui liệt nửa người rồi", "115"),
        # the hip, not a denial
        ("tui đau hông phải dữ lắm rồi khó thở quá", "115"),
    ],
)
def test_these_stay_emergencies(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service), text
