"""Round 13 of issue 13 (the lead's probes at the end of round 12): emergencies whose cause was
said as past or plain while the danger is now (:mod:`.need_still_in_danger`), with our own
wordings, regions and recognition damage, and their look-alikes, read by the rules alone."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        "thằng cu nhà tui đang bị đuối nước dưới kênh",
        "có đứa nhỏ sắp chết đuối ngoài sông kìa",
        "con bé đang chết đuổi ở cái ao sau vườn",
        "em bé bị đuối nước giữa ao đang vùng vẫy kêu cứu",
        "thằng nhỏ bị đuối nước ngoài mương nó không biết bơi cứu dùm",
        "cháu tôi đang đuối nước ở dưới hồ mọi người ơi",
    ],
)
def test_drowning_still_in_the_water_is_114(text: str) -> None:
    assert _service(text) == ("emergency", "114")


@pytest.mark.parametrize(
    "text",
    [
        "thằng em tui bị đuối nước ở hồ bơi vớt lên rồi mà không thở",
        "con tui bị đuối nước ở hồ bơi giờ nằm bất tỉnh",
        "ông chú đi câu bị chết đuối kéo lên bờ rồi mà tím tái không tỉnh",
    ],
)
def test_drowning_pulled_out_stays_115(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        "con gái tui bị mèo cào hồi tháng trước mấy bữa nay nó sợ ánh sáng sùi bọt mép",
        "ông già tui bị con chó nhà bên cắn cách đây hai tuần giờ ổng thấy nước là sợ",
        "bị chó cắng tuần rồi bữa nay nó lên cơn co giựt",
        "thằng nhỏ bị chó dại cắn hồi tháng trước giờ nó la hét kích động",
        "anh tôi bị chó cắn từ tháng trước giờ sợ gió sợ nước không uống được",
        "con tui bị khỉ cắn hồi đi chơi tuần trước giờ nó đòi cắn người",
    ],
)
def test_rabies_signs_now_after_a_bite_of_another_day_are_115(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        "ba tui chích insulin xong giờ run tay lơ mơ",
        "má tui uống thuốc tiểu đường rồi giờ vã mồ hôi nói lảm nhảm",
        "bà tiêm in su lin hồi chiều giờ run lẩy bẩy người lạnh ngắt",
        "mẹ tôi tiêm insulin xong run hết người đổ mồ hôi lạnh",
    ],
)
def test_low_sugar_after_insulin_is_115(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        "vừa bị giật điện thoại thằng đó còn đứng bên kia đường",
        "hồi nãy bị tụi nó cướp xe giờ tui thấy tụi nó còn lảng vảng ngoài chợ",
        "lúc nãy có thằng móc túi tui giờ nó đang ngồi quán cà phê đầu hẻm",
        "hồi nãy tụi nó cướp xong giờ còn ngồi ngoài quán nước đầu chợ",
        "ban nãy bọn nó giựt túi xách của chị tôi giờ bọn nó vẫn đứng ở ngã ba",
    ],
)
def test_a_robbery_just_now_the_robbers_still_near_is_113(text: str) -> None:
    assert _service(text) == ("emergency", "113")


@pytest.mark.parametrize(
    "text",
    [
        # drowning of another day, feared, seen on TV
        "hồi năm ngoái thằng cháu chết đuối ngoài sông giờ làm giấy khai tử",
        "tôi sợ con tôi ra chơi ngoài ao lỡ chết đuối",
        "đang xem phim có cảnh người chết đuối ngoài biển",
        # a bite with no sign now, a vaccination question, what rabies does in general
        "bị chó cắn tuần trước giờ muốn hỏi đi chích ngừa dại ở đâu",
        "con tui bị chó cắn hồi tuần trước giờ nó khỏe re rồi",
        "bị chó cắn tuần trước giờ tui sợ nước vô vết thương nên hỏi có được tắm không",
        "bị chó cắn tuần trước mà không có sợ nước gì hết",
        "nghe nói bị chó dại cắn thì sợ nước sợ gió phải không",
        "con chó nhà tôi bị chó dại cắn giờ nó sợ nước",
        "năm ngoái bị chó cắn giờ vẫn sợ chó",
        # insulin questions
        "tiêm insulin trước bữa ăn hay sau bữa ăn vậy",
        "insulin để ngoài tủ lạnh được bao lâu",
        "tiêm insulin xong thì hay bị run tay không biết có sao không ạ",
        # a robbery of last week, the robbers gone, the caller standing there
        "tuần trước bị cướp giỏ xách giờ muốn làm đơn trình báo công an",
        "hồi nãy bị giật dây chuyền mà tụi nó chạy mất rồi tui muốn trình báo",
        "vừa bị trộm xe giờ tui đang đứng ở đầu hẻm chờ công an",
        "họp hoài cướp giờ làm của tui",
    ],
)
def test_look_alikes_stay_no_emergency(text: str) -> None:
    assert _service(text)[0] != "emergency"
