"""Round 27Q: emergencies the rules missed and false alarms (writer Z, a nurse), in other words
than theirs, with look-alikes that must stay calm."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("thằng kia dựt bóp của chị bán rau rồi lôi lê chỉ ngoài đường", "113"),
        ("có đứa giựt nón bà cụ hai bên còn đang giằng co", "113"),
        ("thằng bé vừa ói vừa tiêu chảy cả đêm giờ mắt trũng sâu", "115"),
        ("đứa nhỏ thóp lõm khóc mà hổng ra nước mắt", "115"),
        ("ông ngoại trượt té trong phòng vệ sinh hổng dậy nổi", "115"),
        ("bà nội té nằm dưới nền nhà hông đứng lên nổi", "115"),
        ("má tui té ngoài sân bàn chân xoay ngược ra", "115"),
        ("ông tui ngủ ngáy rồ rồ lay mãi hổng tỉnh", "115"),
        ("dì tui chích thuốc đường mà quên ăn giờ run lẩy bẩy", "115"),
        ("bà tui bụng phình to ói ra mật xanh", "115"),
        ("ba tui giơ tay lên không nổi nói chuyện đớ", "115"),
        ("có thằng chạy xe theo tui một khúc rồi tạt đầu xe tui vô lề", "113"),
        ("tim em đập loạn nhịp tối sầm mặt mày", "115"),
        ("bé nhà tui chưa đầy tháng mà sốt hầm hập", "115"),
        ("đứa nhỏ mới lọt lòng bú yếu lắm", "115"),
        ("chồng tui đi cầu phân đen thui rồi xây xẩm mặt mày", "115"),
        ("ông già đi cầu ra toàn phân đen như hắc ín rồi ngất luôn", "115"),
        ("có con trăn to bò vô bếp mấy đứa nhỏ la khóc", "114"),
        ("ong vỡ tổ bay tràn vô phòng học sinh la hét", "114"),
        ("thằng nhỏ sốt nổi đốm tím khắp người", "115"),
        ("anh tui bị tôn cứa vô bắp chân máu ướt sũng ống quần", "115"),
        ("ông khách xỉn cầm miểng chai quơ về phía mấy người bán", "113"),
        ("chú tui bị lửa tạt vô mặt cháy xém hết", "115"),
    ],
)
def test_round27q_emergency_and_service(text: str, service: str) -> None:
    assert _service(text) == ("emergency", service)


@pytest.mark.parametrize(
    "text",
    [
        # denied
        "tui hổng có khó thở gì hết chỉ muốn hỏi chỗ đo huyết áp",
        "hông phải ai bị té đâu tui hỏi chỗ làm lại lan can",
        # hearsay of what is known
        "nghe nói uống rượu pha cồn bị ngộ độc mà quán đầu hẻm còn bán tui muốn báo",
        # said big
        "trời nắng muốn say nắng luôn phường có chỗ nào cho người già ngồi mát hông",
        "làm ca đêm về mệt xỉu luôn á tui hỏi chỗ đăng ký bảo hiểm",
        # the wreck, not the man
        "người bị nạn được chở đi rồi mà chiếc xe còn nằm chắn đường",
        # near term and broke
        "vợ tui bầu tám tháng sắp sinh mà hông còn tiền tui hỏi chỗ xin hỗ trợ",
        # past and over, routine, asked
        "hồi tuần trước có thằng giựt giỏ má tui kéo lê bả giờ bả khỏe rồi tui hỏi làm giấy",
        "con tui ói với tiêu chảy hôm qua giờ hết rồi tui hỏi chỗ mua men",
        "ba tui chích thuốc đường mỗi sáng đường ổn định tui hỏi chỗ lãnh kim",
        "ăn tiệc no quá bụng căng tròn tui hỏi uống gì cho tiêu",
        "chồng tui nhậu say về nói lè nhè tui hỏi chỗ cai rượu",
        "mai thi tim đập bình bịch quá tui hỏi lịch thi",
        "con tui mới sanh được mười ngày tui hỏi chỗ làm khai sinh",
        "ba tui uống thuốc sắt đi cầu phân đen có sao hông",
        "tối qua có con trăn bò vô bếp mà người ta bắt đi rồi tui hỏi nộp kiểm lâm",
        "nhà tui có tổ ong trên cây muốn nhờ người gỡ",
        "ông ngoại ngủ ngáy to quá tui hỏi thuốc trị ngáy",
        "hồi năm ngoái bị lửa táp phồng rộp giờ lành rồi hỏi chỗ xóa sẹo",
        "thằng nhỏ làm bể ly tui hỏi chỗ mua ly mới",
        "nhà bên nấu cơm cháy xém nồi khét quá",
    ],
)
def test_round27q_look_alikes_stay_calm(text: str) -> None:
    assert _service(text)[0] != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        # an absence denied is the sign itself
        "thằng nhỏ hông có thở gì hết",
        "ông tui hổng có cử động gì hết",
        # what follows a denial still counts
        "hông phải cháy nhà đâu mà bà tui bị lửa táp vô mặt cháy đen",
        # a body in danger said now is not taken back
        "thiệt ra là ổng té trong nhà tắm nằm dưới sàn hông dậy nổi",
        "vợ tui bầu chín tháng sắp sanh mà hông còn đồng nào giờ vỡ ối rồi",
    ],
)
def test_round27q_still_an_emergency(text: str) -> None:
    assert _service(text)[0] == "emergency"
