"""Round 12 of issue 13 (a reviewer's probes: emergencies put out of the present by a past
marker or a supposition while the danger goes on now, :mod:`.need_still_now`): the classes,
with our own examples (other wordings, regions) and their look-alikes, read by the rules
alone (the statistical model must not be what makes these pass)."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need
from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        # an event of today named after "sau vụ", "trong vụ": its victims are now
        "ông hàng xóm bị kẹt dưới bức tường trong vụ sập nhà ban nãy",
        "sau vụ sập giàn giáo lúc nãy vẫn còn hai công nhân bị đè bên dưới",
        # still, after a marker of today
        "sau vụ cháy hồi nãy khói vẫn còn bốc mù mịt trong dãy trọ",
        "sau trận lở đất hồi sáng nhà hàng xóm đổ sập còn người bị kẹt",
        "sạt lở bờ kênh căn nhà đổ xuống còn người mắc kẹt",
    ],
)
def test_trapped_and_burning_still_now_are_114(text: str) -> None:
    assert _service(text) == ("emergency", "114")


@pytest.mark.parametrize(
    "text",
    [
        # the victims of today's accident, still lying there
        "trong vụ tai nạn khi nãy có một chị nằm bất tỉnh bên lề đường",
        "sau vụ đụng xe lúc nãy chú xe ôm nằm bất động giữa ngã ba",
        # a stroke of today, its sign still there
        "sáng nay bố tôi bị đột quỵ đến giờ vẫn nằm không nói được",
        "hồi trưa má tui bị tai biến giờ vẫn nằm lơ mơ chưa chở đi viện",
        # "nếu không ... chết", a present state with it
        "nếu không ai đến kịp thì chú ấy chết mất đang chảy máu nhiều lắm",
        "nếu hổng chở đi liền chắc bả chết giờ bả đang lên cơn co giật",
        # rabies signs are no fear; home from hospital is not in care
        "hôm qua thằng nhỏ bị chó dại cắn giờ nó lên cơn sợ gió co giật",
        "tui mới đi viện về rồi giờ tự nhiên con tui ngưng thở",
        # "lỡ chân", "lỡ tay": an accident that happened; a burn over both legs
        "ông tui lỡ chân té vô nồi nước sôi phỏng hết hai chân",
        "chị tui lỡ tay làm đổ chảo dầu sôi phỏng hết hai bàn tay",
    ],
)
def test_victims_strokes_and_bleeding_still_now_are_115(text: str) -> None:
    assert _service(text) == ("emergency", "115")


@pytest.mark.parametrize(
    "text",
    [
        # a threat "nếu tui không ..." acted on now
        "hắn bảo nếu tôi không trả tiền hắn đốt nhà giờ hắn đang tạt xăng vô cửa",
        "nó dọa nếu tao không ký giấy nó chém giờ nó đang cầm dao đứng ngoài cửa",
    ],
)
def test_threats_acted_on_now_are_113(text: str) -> None:
    assert _service(text) == ("emergency", "113")


@pytest.mark.parametrize(
    "text",
    [
        # past and over, or another day
        "hồi sáng bị té xe giờ khỏe rồi muốn hỏi bảo hiểm",
        "sau vụ cháy hồi năm ngoái giờ muốn xin hỗ trợ làm lại nhà",
        "hồi nãy có xe đụng nhau mà không ai bị sao hết",
        "sau vụ cháy hồi nãy xe cứu hỏa tới xịt xong rồi giờ không còn khói nữa",
        "hồi sáng ông bị đột quỵ đã đưa đi viện giờ đang nằm viện",
        "hồi sáng ông bị ngất giờ vẫn còn hơi mệt",
        # supposed, asked
        "nếu ông tôi ngất thì gọi số nào vậy",
        "lỡ mà nhà bị sập thì làm sao",
        "nếu không có tiền thì giờ tui phải làm sao",
        "nếu không ai đến kịp mà ổng đang ngủ ngưng thở thì sao",
        # a run-down house, rubble poured by a builder, traffic
        "căn nhà đổ nát của bà tui cần hỗ trợ sửa",
        "hàng xóm sửa nhà đổ xà bần ra đường",
        "tui dọn đồ nhà cũ lên xe tải chở đi",
        "tui bị kẹt xe ở ngã tư còn người kẹt xe đông lắm",
    ],
)
def test_look_alikes_stay_no_emergency(text: str) -> None:
    assert parse_need(text).urgency != "emergency"
