"""Round 27K: police scenes with a fire's, a blast's or a rescue's props are 113, when a person
makes the danger; the props alone, feared, past or figurative, stay what they were.

Cases in the tests' own words, not a writer's lines.
"""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

POLICE = [
    "thằng kia dọa cho nổ bình gas nếu tui không đưa tiền",  # a blast threatened
    "ông chồng ôm bình ga trong phòng trọ hăm cho nổ chết hết",
    "mấy đứa ném bom xăng vô nhà tui",  # a petrol bomb thrown
    "có đứa ôm bom xăng đứng trước quán dọa ném vô",  # armed with one
    "có người gọi vô quán nói đặt bom dưới gầm bàn",  # a bomb planted
    "có vụ nổ súng ngoài quán có người bị thương",  # gunfire is no blast
    "nó dìm đầu vợ nó xuống lu nước",  # held under water
    "thằng con nghiện đè đầu bà nội xuống thau nước",
    "ông kia nắm chân đứa nhỏ thò ra ngoài lan can dọa thả xuống",  # held out over a drop
    "chồng tui ôm con nhỏ ra bờ kênh dọa nhảy xuống chung",  # taken along in a jump
    "chị kia bị chồng xích tay trong phòng mấy ngày nay",  # chained
    "thằng kia dộng đầu ông già vô cột điện",  # a head slammed
    "bảo vệ bị tụi cướp đánh bể đầu tụi nó còn dưới hầm xe",  # the cellar is where they are
    "mấy thằng đó giam tui trong kho mấy bữa nay",  # held by others
    "con gái tui bị bắt cóc nhốt dưới hầm không ra được",
    "thằng kia cầm bình ga đứng trong tiệm đòi mở van cho nổ",  # a blast threatened, "đòi"
    "mấy thằng say đập cửa nói chút nữa quay lại chém cả nhà",  # coming back to attack
    "ông chồng xách can xăng nói tới đốt nhà vợ cũ",
    "tụi nó nhét con tui vô cốp xe rồi chạy",
    "chồng tui châm lửa vô áo tui rồi đứng cười",  # fire put to a person
    "ổng cầm dây điện dọa chích điện con ổng",
    "tụi nó nhét em vô cốp xe đang chạy trên xa lộ",  # carried off
    "tui bị tụi nó giữ trong phòng trọ lấy hết giấy tờ",  # kept by others
    "ổng ôm thằng nhỏ treo lơ lửng ra ngoài cửa sổ dọa thả",  # hung out of a window
    "ông hàng xóm đè con nhỏ vô thau nước nhấn đầu xuống",  # pressing down is the person's
    "có đứa ném chai xăng vô quán rồi còn đứng ngoài chửi",
    "chồng tui mở bình gas khóa cửa nói chết chung cả nhà",
]
CALM_OR_OTHER = [
    ("hồi tháng trước có vụ nổ súng ở quán nhậu giờ yên rồi tui hỏi chuyện an ninh", None),
    ("shop online của tui bị bom hàng hoài ai giúp tui với", None),
    ("hôm qua ổng dọa cho nổ bình gas mà giờ ổng đi rồi tui muốn hỏi làm đơn", None),
    ("sợ bình gas nổ nên hỏi chỗ kiểm tra bình", None),
    ("bị người ta đè đầu cưỡi cổ bao năm tui muốn khiếu nại", None),
    ("con chó nhà tui bị xích chân cả ngày tội quá", None),
    ("tui hỏi coi ai có dìm giá lúa hông", None),
    ("thằng em tui bị tạm giam trong trại tui hỏi giờ thăm nuôi", None),  # custody
    ("thang máy kẹt có hai người bị nhốt bên trong", "114"),
    ("con tui bị giữ lại trường học thêm vì mưa tui hỏi giờ đón", None),
    ("tuần trước thằng đó nói quay lại đốt nhà mà giờ nó bị bắt rồi tui hỏi làm đơn", None),
    ("thằng nhỏ trèo ra ngoài cửa sổ ngồi chơi hồi trưa giờ vô rồi", None),  # "trèo" is no "treo"
    ("cô ơi chỗ nào nhận nước sạch miễn phí", None),
    ("tui hỏi cách chữa máy nổ bị chết máy", None),  # an engine, no blast
    ("máy nổ nhà kế bên phát nổ cháy lớn", "114"),
    # a reviewer's probes: the same verbs in everyday speech
    ("chiều nay tui quay lại xử lý giấy tờ", None),
    ("tui muốn quay lại chém gió với tổng đài", None),
    ("bác sĩ nói tới đâm kim lấy máu", None),
    ("tui cầm bom xịt muỗi", None),
    ("hàng hóa bị giữ trong kho hải quan", None),
    ("máy lạnh giữ trong phòng mát quá", None),
    ("giam trong lòng nỗi buồn", None),
    ("treo ngược ra ngoài cửa sổ phơi đồ", None),
    ("cái cốp xe đang chạy bị bung ra hỏi sửa", None),
    # ... and a medical or a fire emergency beside them keeps its number
    ("ba tui bị đột quỵ ngã xuống bất tỉnh rồi chị nói qua xử lý sao đây", "115"),
    ("ông nội khó thở tím tái rồi em bị giữ trong phòng cách ly", "115"),
    ("tụi nó còn ở trong nhà đang cháy lớn kêu cứu", "114"),
    ("con đường ngập tới đầu gối xe công nhân chết máy hoài", None),
    ("bình gas nhà tui xì mùi nồng nặc sợ nổ", "114"),  # no threat: a leak
    ("có cô gái đứng ngoài lan can tầng mười dọa nhảy", "114"),  # alone: a rescue
    ("công nhân xuống hố ga sâu không lên được", "114"),
    # the attackers gone and a fire burning with people inside: the rescue first
    ("tụi nó ném bom xăng vô nhà rồi chạy mất lửa đang cháy má tui còn kẹt trên lầu", "114"),
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", POLICE)
def test_a_danger_a_person_makes_is_113(text: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", "113")


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(("text", "service"), CALM_OR_OTHER)
def test_the_props_alone_keep_their_reading(text: str, service: str | None) -> None:
    result = parse_need(text)
    if service is None:
        assert result.urgency != "emergency"
    else:
        assert (result.urgency, result.service) == ("emergency", service)
