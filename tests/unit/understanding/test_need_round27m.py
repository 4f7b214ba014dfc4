"""Round 27M: medical emergencies told by what the caller sees (fumes indoors with someone
drowsy, many sick at once, an eye hit and blind; a rash that does not fade, read by round
27P) are 115; the same
words without the danger stay calm.

Cases in the tests' own words, not a writer's lines.
"""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

MEDICAL = [
    "đóng cửa nấu bếp than trong phòng giờ hai đứa nhỏ lừ đừ gọi hoài mới mở mắt",
    "mấy đứa con tui ngủ mê man sáng nay nhà chạy máy phát điện cả đêm",
    "con tui sốt cao người nổi chấm đỏ ấn không mất",
    "thằng nhỏ sốt hai ngày nay nổi ban tím khắp chân ấn vô hổng mất",
    "ăn đám cưới về cả chục người ói mửa tiêu chảy",
    "xưởng tui mười mấy công nhân đau bụng ói sau bữa trưa",
    "anh tui cắt sắt bị mảnh sắt văng vô mắt giờ không thấy gì",
]
CALM = [
    "nhà tui nấu bếp than mấy chục năm nay hỏi có cấm không",
    "nhà tui mua máy phát điện hỏi đăng ký ở đâu",
    "con tui nổi mẩn đỏ ngứa quá hỏi chỗ khám da liễu",
    "tuần trước cả chục người ói mửa vì ăn cỗ giờ khỏe hết rồi tui hỏi chuyện bồi thường",
    "bụi văng vô mắt cay xè chút xíu rửa rồi hết",
    "công ty tui có cả chục người cần xét nghiệm",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", MEDICAL)
def test_what_the_caller_sees_is_115(text: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", "115")


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CALM)
def test_the_same_words_without_the_danger_stay_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"
