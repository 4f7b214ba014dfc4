"""Round 2 of issue 13: emergencies described without their keyword, by service (our own
examples), and the everyday answers the new combinations must leave alone."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need


@pytest.mark.parametrize(
    "text",
    [
        "bà nội đang ngồi ăn cơm tự dưng ngã vật ra",  # collapse
        "ông gọi chỉ ú ớ không trả lời",
        "thằng bé mặt tím thở không đều",
        "ba tui bị bỏng hết lưng",  # a burn and how large
        "em bé té vô thau nước sôi",  # a fall into something boiling
        "mạ tui nỏ thở được",  # central: mạ = mẹ, nỏ = không
        "bà tui nằm im kêu không biết chi hết",  # chi = gì
        "tụi tui phá cửa vô thì thấy ổng nằm bất tỉnh",  # rescuers breaking in: 115, not 113
    ],
)
def test_medical_emergencies_described_115(text: str) -> None:
    assert parse_need(text).service == "115"


@pytest.mark.parametrize(
    "text",
    [
        "nước lũ cuốn chiếc xe với hai người đi luôn",  # carried away by the water
        "sóng cuốn thằng nhỏ ra xa",
        "người ta kẹt hết dưới hầm",  # stuck + where, a word between
        "thang cuốn kẹp tay con tui rút không ra",
        "đất sạt xuống vùi căn nhà",  # landslide, burial
        "cả dãy phòng cháy hết",  # "phòng cháy" is a room on fire, not fire prevention
    ],
)
def test_fire_and_rescue_described_114(text: str) -> None:
    assert parse_need(text).service == "114"


@pytest.mark.parametrize(
    "text",
    [
        "ổng đang lấy roi quất con tui",  # a beating said otherwise
        "thằng chồng nó đạp vợ nó ngoài sân",  # a blow at kin
        "có mấy thằng bắt con tui lên xe chạy mất",  # abduction: a hold and away
        "bọn giang hồ tới đập quán",  # a gang at work
        "có đứa vô nhà lấy đồ mà nó còn trong nhà",  # intruder still inside
        "thằng đó cầm can xăng tạt vô nhà tui",  # arson threatened, no fire: 113 not 114
        "xách chai xăng với cái bật lửa đứng trước cửa dọa",
        "có thằng cha đang đè con nhỏ trong hẻm",  # an assault, not a collapse
        "thằng say rượu vác cây rựa đứng trước nhà tui",  # a weapon in hand, a word between
        "nó cầm cái búa đứng chửi ngoài cổng",
    ],
)
def test_police_emergencies_described_113(text: str) -> None:
    assert parse_need(text).service == "113"


@pytest.mark.parametrize(
    "text",
    [
        "tui đi đổ xăng mà cây xăng đóng cửa",
        "mẹ tui đổ dầu vô chảo chiên cá",
        "bồ đá em rồi em buồn quá",
        "chị bế con lên xe chở đi bệnh viện khám",
        "con tui vô nhà lấy đồ rồi đi học",
        "tui sụt cân nhiều quá muốn hỏi khám ở đâu",
        "cái bật lửa hết ga rồi",
    ],
)
def test_everyday_words_of_the_new_combinations_are_no_emergency(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


def test_the_reasons_keep_the_callers_dialect_words() -> None:
    result = parse_need("mạ tui nỏ thở được")
    assert result.emergency_reasons == ("nỏ thở được",)
