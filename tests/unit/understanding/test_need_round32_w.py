"""Round 32W: regional and young callers' words for a body in trouble (own wordings)."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

EMERGENCIES = [
    "bé nhà tui té cụng đầu vô bậc giờ cứ thiêm thiếp",
    "ông ngoại va đầu vô cột nhà giờ mắt cứ díp lại",
    "ổng thở ồ ồ rồi lặng hơi một lúc",
    "bà nội thở như kéo cưa rồi im bặt mấy giây",
    "con mới sinh mặt thâm sì không oe một tiếng",
    "đứa nhỏ vừa sanh người xanh lè im re",
    "vợ tui mới sanh xong giờ máu thấm ướt hết giường",
    "sanh ở nhà đứa nhỏ ra cái đầu rồi hổng ra nữa",
    "chị tui bụng tám tháng mà máu xuống ồ ồ",
    "con chó nhà kế bên táp banh ống chân thằng nhỏ",
    "máy nghiến nát bàn tay anh thợ máu lai láng",
    "nó cứa tay máu loang cả sàn giờ đứng hình",
    "thằng nhỏ nóng như lửa lên kinh phong",
    "đang chơi game thì ổng gục xuống gọi hổng trả lời",
]
CALM = [
    "hôm qua nó cộc đầu vô cửa rồi ngủ một giấc giờ khỏe re",
    "xem phim tới cảnh đó tui đứng hình luôn",
    "giá điện tháng này làm tui đứng hình",
    "tụi em làm cả ngày mệt chớt",
    "sanh ở nhà rồi mà sữa hổng ra nữa",
    "con chó táp rách cái áo",
    "chị tui bụng tám tháng rồi mà hết tiền khám",
    "chơi game bị bắn gục hoài tức quá",
    "tháng trước bầu sáu tháng máu ra ròng ròng giờ ổn rồi",
]


@pytest.mark.parametrize("text", EMERGENCIES)
def test_regional_bodies_in_trouble(text: str) -> None:
    result = parse_need(text)
    assert (result.urgency, result.service) == ("emergency", "115"), result


@pytest.mark.parametrize("text", CALM)
def test_look_alikes_stay_calm(text: str) -> None:
    assert parse_need(text).urgency != "emergency"
